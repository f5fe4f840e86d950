package readertest

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// CheckRead is the property a reader's FuzzRead checks on one input: the reader never
// panics or hangs; it fails only with its documented errors (empty, binary, encoding, too
// deep, malformed); every block carries a position in the file and every list has items
// and a depth; and nothing is lost: every word of the decoded input that droppable leaves
// (it removes the markup the reader may drop) is in the model.
func CheckRead(t *testing.T, rd model.Reader, name string, data []byte, droppable func(string) string) {
	t.Helper()
	defer fuzzdoc.Watchdog(10 * time.Second)()
	// The built-in locales: readers that infer structure (notes, Markdown, Word) need them.
	doc, err := rd.Read(context.Background(), data, model.ReadOptions{Name: name, Locales: locales.MustEmbedded(), Limits: model.Limits{MaxDepth: 8}})
	if err != nil {
		for _, k := range []error{model.ErrEmpty, model.ErrBinary, model.ErrEncoding, model.ErrTooDeep, model.ErrMalformed} {
			if errors.Is(err, k) {
				return
			}
		}
		t.Fatalf("unexpected error: %v", err)
	}
	model.Walk(doc.Blocks, func(b model.Block) bool {
		if p := b.Position(); p.File != name || p.Line < 1 {
			t.Fatalf("%T without a position: %+v", b, p)
		}
		if l, ok := b.(*model.List); ok && (len(l.Items) == 0 || l.Depth < 1) {
			t.Fatalf("bad list: %+v", l)
		}
		return true
	})
	res, err := textenc.Decode(rd.Format(), name, data)
	if err != nil {
		t.Fatalf("reader accepted what the decoder refuses: %v", err)
	}
	if missing := fuzzdoc.MissingWords(droppable(res.Text), doc); len(missing) > 0 {
		t.Fatalf("words lost: %q\ninput:\n%s\nmodel:\n%s", missing, res.Text, fuzzdoc.ModelText(doc))
	}
}

// NotesMarker is a list marker or typed paragraph number at the start of a line, which the
// inference engine may take off a line of notes: "-", "*", "1.", "(a)", "iv)", "б)",
// "（二）", "三、" (the engine's bullet rule, generously). White space before it is what the
// engine takes for white space: control characters (a form feed), no-break and other
// Unicode spaces, byte order marks and zero-width spaces too.
var NotesMarker = regexp.MustCompile(`(?m)^[\x00-\x09\x0b-\x20\x7f-\x9f\p{Zs}\x{feff}\x{200b}>]*(?:[-*+•·‣◦▪–—][ \t]|[（(]?(?:\p{Nd}{1,3}|\pL{1,3}|[ivxlcIVXLC]{1,6}|[一二三四五六七八九十百]+)[.)）、])`)

// WithoutFurniture blanks the words of the lines of text that the page-furniture rule of the inference
// engine drops (page numbers and running heads of a paginated extraction), for the
// droppable function of a reader that applies it: that rule has its own tests, and a
// fuzzer easily writes a text that looks paginated. Each asRead that is not nil gives a
// line's text as the rule may also see it (a Markdown line without its emphasis markers,
// or as the inference engine gets it, tags out and entities decoded; a line end in it
// splits the line, as a "<br>" does): a line the rule drops in any view, or part of which
// it drops, is blanked, since the reader judges the lines as written ("A*0" among running
// heads "A0") and what their markup leaves.
func WithoutFurniture(text string, asRead ...func(string) string) string {
	lines := strings.Split(text, "\n")
	drop := make([]bool, len(lines))
	for i, d := range infer.PageFurniture(lines) {
		drop[i] = d
	}
	for _, read := range asRead {
		if read == nil {
			continue
		}
		var seen []string
		var from []int // from[k] is the line of text seen[k] comes from
		for i, l := range lines {
			for _, piece := range strings.Split(read(l), "\n") {
				seen = append(seen, piece)
				from = append(from, i)
			}
		}
		for k, d := range infer.PageFurniture(seen) {
			drop[from[k]] = drop[from[k]] || d
		}
	}
	for i, d := range drop {
		if d {
			lines[i] = wordsBlanked(lines[i])
		}
	}
	return strings.Join(lines, "\n")
}

// wordsBlanked replaces the letters, digits and marks of a line with spaces and keeps its
// punctuation: the markup a line of furniture opens ("3<!--" opens a comment over the next
// lines) is still seen by the patterns that drop it.
func wordsBlanked(l string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			return ' '
		}
		return r
	}, l)
}
