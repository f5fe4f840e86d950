package read

import (
	"context"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// wordsStyles are the paragraph styles the fuzz target gives its lines: body text,
// headings, a title, list paragraphs and a quotation, as Word minutes use them.
var wordsStyles = []string{"", "Heading1", "Heading2", "Title", "ListParagraph", "Quote", "ListBullet"}

// FuzzWordsKept checks that nothing is lost from Word documents: each line of the fuzzed
// text becomes a paragraph of a .docx, in a style the second input chooses, and every word
// of those paragraphs is in the model the reader returns. Seeds are the notes of
// testdata/corpus and testdata/i18n, one line a paragraph.
func FuzzWordsKept(f *testing.F) {
	for _, pattern := range []string{"../../../../testdata/corpus/*.txt", "../../../../testdata/i18n/*.txt"} {
		files, _ := filepath.Glob(pattern)
		for i, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(string(data), []byte{0, 4, byte(i), 0, 0, 5})
			}
		}
	}
	f.Add("Minutes\nVenue: Geneva\nAgenda item 1\nCanada recalled the plan.\nfirst point\n“Draft text”", []byte{3, 0, 1, 0, 4, 5})
	f.Fuzz(func(t *testing.T, text string, styles []byte) {
		defer fuzzdoc.Watchdog(10 * time.Second)()
		text = xmlText(text)
		var body strings.Builder
		for i, line := range strings.Split(text, "\n") {
			style := ""
			if len(styles) > 0 {
				style = wordsStyles[int(styles[i%len(styles)])%len(wordsStyles)]
			}
			var esc strings.Builder
			_ = xml.EscapeText(&esc, []byte(line))
			body.WriteString(pXML(style, esc.String()))
		}
		data := packageOf(t, map[string]string{"word/document.xml": docXML(body.String())})
		doc, err := New().Read(context.Background(), data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "f.docx"})
		if err != nil {
			if errors.Is(err, model.ErrEmpty) {
				return
			}
			t.Fatalf("unexpected error: %v", err)
		}
		// A document typed as plain paragraphs goes to the notes inference, which takes a
		// typed number or list marker off a paragraph ("12.", "iv)", "三、").
		if missing := fuzzdoc.MissingWords(readertest.NotesMarker.ReplaceAllString(text, " "), doc); len(missing) > 0 {
			t.Fatalf("words lost: %q\ninput:\n%s\nmodel:\n%s", missing, text, fuzzdoc.ModelText(doc))
		}
	})
}

// xmlText keeps the characters XML 1.0 can carry, as valid UTF-8, with "\n" between lines.
func xmlText(s string) string {
	s = strings.ToValidUTF8(strings.ReplaceAll(s, "\r", "\n"), "")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF, r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
}
