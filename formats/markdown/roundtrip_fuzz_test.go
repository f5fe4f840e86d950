package markdown_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/fuzzdoc"
	"github.com/scribe-un/scribe/pipeline/model"

	"github.com/scribe-un/scribe/formats/markdown"
	"github.com/scribe-un/scribe/locales"
)

// FuzzRoundTrip: notes → model → Markdown writer → Markdown reader. The reader never fails
// or panics on what the writer printed, and reads it back as the same report: the metadata
// from the front matter, the printed labels ("12\.", "(a)", "II.") taken off again. The
// counts are compared on the body (title cleared, the reader's title rule being tested on
// its own), with or without headings: the printed labels are the structure of a report
// scribe wrote. Headings, subparagraphs, quotation paragraphs and numbered paragraphs come
// back one for one, and unnumbered paragraphs and editorial notes come back unnumbered; the text of
// every paragraph comes back without its label.
func FuzzRoundTrip(f *testing.F) {
	fuzzdoc.Seeds(f)
	f.Fuzz(func(t *testing.T, data []byte, lang uint8) {
		defer fuzzdoc.Watchdog(20 * time.Second)()
		_, doc, loc := fuzzdoc.Models(t, data, lang)
		if doc == nil {
			return
		}
		if _, md := rtMarkdown(t, doc, loc); md == nil {
			t.Fatal("reading the writer's own Markdown failed")
		}
		body := doc.Clone()
		body.Present = model.Presentation{Lang: doc.Present.Lang, Dir: doc.Present.Dir}
		body.Meta.Title = ""
		want := fuzzdoc.Count(body.Blocks, true)
		out, back := rtMarkdown(t, body, loc)
		got := fuzzdoc.Count(back.Blocks, false)
		if got.Headings != want.Headings || got.QuoteParas != want.QuoteParas || got.Items != want.Items ||
			got.Numbered != want.Numbered || got.Unnumbered+got.Notes != want.Unnumbered+want.Notes {
			t.Fatalf("structure changed through Markdown:\nmodel %+v\nback  %+v\n--- model\n%s--- markdown\n%s\n--- back\n%s", want, got, dump(body), out, dump(back))
		}
		if w, g := paragraphTexts(body.Blocks), paragraphTexts(back.Blocks); strings.Join(w, "\n") != strings.Join(g, "\n") {
			t.Fatalf("paragraph text changed through Markdown:\nmodel %q\nback  %q\n--- markdown\n%s", w, g, out)
		}
	})
}

// rtMarkdown writes doc as Markdown and reads it back; a read error is fatal.
func rtMarkdown(t *testing.T, doc *model.Document, loc *locales.Locale) (string, *model.Document) {
	t.Helper()
	ctx := context.Background()
	var buf bytes.Buffer
	if err := markdown.NewWriter().Write(ctx, &buf, doc, model.WriteOptions{Locale: loc}); err != nil {
		t.Fatalf("write: %v", err)
	}
	back, err := markdown.NewReader().Read(ctx, buf.Bytes(), model.ReadOptions{Locales: locales.MustEmbedded(), Name: "f.md"})
	if err != nil {
		t.Fatalf("reading the writer's own Markdown: %v\n--- model\n%s--- markdown\n%s", err, dump(doc), buf.Bytes())
	}
	return buf.String(), back
}

func dump(doc *model.Document) string {
	var b strings.Builder
	_ = model.Inspect(&b, doc)
	return b.String()
}

// paragraphTexts lists the plain text of the numbered paragraphs, spaces collapsed.
func paragraphTexts(blocks []model.Block) []string {
	var out []string
	model.Walk(blocks, func(b model.Block) bool {
		if p, ok := b.(*model.Paragraph); ok && p.Numbered && len(p.Inlines) > 0 {
			out = append(out, strings.Join(strings.Fields(model.PlainText(p.Inlines)), " "))
		}
		return true
	})
	return out
}
