package docx_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/fuzzdoc"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"

	"github.com/scribe-un/scribe/formats/docx"
)

// FuzzRoundTrip: notes → model → DOCX writer → DOCX reader. The reader never fails or
// panics on a document the writer produced, and the structure comes back: the same headings
// (Word heading styles), quotation paragraphs (the Quote style), subparagraphs and editorial
// notes (the Note style); the title-block sentence goes back to the front matter; the
// numbered paragraphs plus one for each unnumbered body paragraph, which to the reader is an
// ordinary body paragraph. The masthead comes back as a table; the title goes to the front
// matter.
func FuzzRoundTrip(f *testing.F) {
	fuzzdoc.Seeds(f)
	w, err := docx.NewWriter(docx.WriterOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, lang uint8) {
		defer fuzzdoc.Watchdog(20 * time.Second)()
		_, doc, loc := fuzzdoc.Models(t, data, lang)
		if doc == nil {
			return
		}
		ctx := context.Background()
		var buf bytes.Buffer
		if err := w.Write(ctx, &buf, doc, model.WriteOptions{Locale: loc, Created: time.Unix(1114992000, 0).UTC(), Generator: "scribe fuzz"}); err != nil {
			if errors.Is(err, model.ErrTooDeep) {
				return // deeper than the writer's limit: refused, as documented
			}
			t.Fatalf("write: %v", err)
		}
		back, err := docx.NewReader().Read(ctx, buf.Bytes(), model.ReadOptions{Locales: locales.MustEmbedded(), Name: "f.docx"})
		if err != nil {
			t.Fatalf("reading the writer's own DOCX: %v\n%s", err, dump(doc))
		}
		want, got := fuzzdoc.Count(doc.Blocks, true), fuzzdoc.Count(back.Blocks, false)
		// Unnumbered body paragraphs have no style of their own and come back numbered; the
		// title-block sentence and editorial notes come back as what they were.
		extra := want.Unnumbered
		if got.Headings != want.Headings || got.QuoteParas != want.QuoteParas || got.Items != want.Items ||
			got.Numbered != want.Numbered+extra || got.Unnumbered != 0 || got.Notes != want.Notes {
			t.Fatalf("structure changed through DOCX:\nmodel %+v (+%d furniture)\nback  %+v\n--- model\n%s--- back\n%s", want, extra, got, dump(doc), dump(back))
		}
	})
}

func dump(doc *model.Document) string {
	var b strings.Builder
	_ = model.Inspect(&b, doc)
	return b.String()
}
