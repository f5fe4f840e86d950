package xliff

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
	"github.com/scribe-un/scribe/pipeline/translate"
)

// withText is the sample in lang whose first paragraph says text instead.
func withText(lang, text string) *model.Document {
	doc := pipelinetest.Sample(lang)
	for _, b := range doc.Blocks {
		if p, ok := b.(*model.Paragraph); ok {
			p.Inlines = model.Texts(text, p.Pos.Line)
			break
		}
	}
	return doc
}

// FuzzRoundTrip: any text of a paragraph, extracted, "translated" as itself, written in
// both XLIFF versions and read back, applies to the same text: nothing in the text (markup,
// entities, quotes, brackets, RTL or astral characters) is lost or changed by the file.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{
		"Canada said that <b>PC-2/DT/2 (rev.2)</b> & \"the draft\" ]]> should stand.",
		"قالت مصر إن الاجتماع مهم. 中国代表团表示支持。",
		"a\tb  c &amp; &#x1; 😀 {1} %s $x",
		"\u0344 e\u0301", // changed by NFC
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// A paragraph's text has been cleaned by the readers: valid UTF-8, no control or
		// format characters, single spaces, nothing at the ends.
		if !utf8.ValidString(text) || strings.IndexFunc(text, func(r rune) bool {
			return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == unicode.ReplacementChar || r >= 0xFFFE && r <= 0xFFFF
		}) >= 0 {
			return
		}
		// …and in NFC, as the clean transform leaves every text (U+0344 is U+0308 U+0301).
		text = model.CleanChars(strings.Join(strings.Fields(text), " "))
		if text == "" {
			return
		}
		b, err := translate.Extract(context.Background(), withText("en", text), translate.ExtractOptions{TargetLang: "fr"})
		if err != nil {
			t.Fatal(err)
		}
		fill(b, "translated", func(s string) string { return s })
		for _, v := range []string{Version20, Version12} {
			var buf bytes.Buffer
			if err := Write(&buf, b, WriteOptions{Version: v, Generator: "scribe test"}); err != nil {
				t.Fatal(err)
			}
			data := bytes.ReplaceAll(buf.Bytes(), []byte(`state="needs-review-translation"`), []byte(`state="translated"`))
			tr, err := ReadTranslations(data, ReadOptions{Name: "rt.xlf"})
			if err != nil {
				t.Fatalf("%s: the written file does not read back: %v\n%s", v, err, data)
			}
			doc := withText("fr", text)
			if err := translate.Apply(context.Background(), doc, tr, translate.ApplyOptions{OutputLang: "fr"}); err != nil {
				t.Fatalf("%s: %v", v, err)
			}
			got := ""
			for _, fl := range flatten(doc.Blocks) {
				if fl.id == "p1" {
					got = fl.text
				}
			}
			if got != text {
				t.Fatalf("%s: %q came back as %q", v, text, got)
			}
		}
	})
}
