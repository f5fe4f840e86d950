package markdown_test

import (
	"bytes"
	"context"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/markdown"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
)

// FuzzRoundTrip: notes → model → Markdown writer → Markdown reader. The reader never fails
// or panics on what the writer printed. The Markdown output is a rendering for review, not
// an exchange format, so the counts are checked on the body alone (masthead, title and
// title-block sentence cleared: the reader takes the masthead and the title-block sentence
// for paragraphs, and the title for a chapter when the masthead precedes it) and only when
// the body has explicit structure (a heading, a list or a quotation): a file with none is
// read by the notes inference, which decides headings and paragraphs afresh from the text.
// Then the headings, subparagraphs and quotation paragraphs come back one for one, and
// every other text block (numbered or unnumbered paragraph, editorial note) comes back as a
// numbered paragraph. The printed labels ("12\.", "(a)") stay in the text read back:
// the Markdown reader reads authored notes and does not strip numbers.
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
		body.Present = pipeline.Presentation{Lang: doc.Present.Lang, Dir: doc.Present.Dir}
		body.Meta.Title = ""
		want := fuzzdoc.Count(body.Blocks, true)
		if want.Headings+want.Items+want.QuoteParas == 0 {
			return // no explicit structure: read by the notes inference
		}
		out, back := rtMarkdown(t, body, loc)
		got := fuzzdoc.Count(back.Blocks, false)
		if got.Headings != want.Headings || got.QuoteParas != want.QuoteParas || got.Items != want.Items ||
			got.Numbered != want.Numbered+want.Unnumbered+want.Notes || got.Unnumbered+got.Notes != 0 {
			t.Fatalf("structure changed through Markdown:\nmodel %+v\nback  %+v\n--- model\n%s--- markdown\n%s\n--- back\n%s", want, got, dump(body), out, dump(back))
		}
	})
}

// rtMarkdown writes doc as Markdown and reads it back; a read error is fatal.
func rtMarkdown(t *testing.T, doc *pipeline.Document, loc *locales.Locale) (string, *pipeline.Document) {
	t.Helper()
	ctx := context.Background()
	var buf bytes.Buffer
	if err := markdown.NewWriter().Write(ctx, &buf, doc, pipeline.WriteOptions{Locale: loc}); err != nil {
		t.Fatalf("write: %v", err)
	}
	back, err := markdown.NewReader().Read(ctx, buf.Bytes(), pipeline.ReadOptions{Name: "f.md"})
	if err != nil {
		t.Fatalf("reading the writer's own Markdown: %v\n--- model\n%s--- markdown\n%s", err, dump(doc), buf.Bytes())
	}
	return buf.String(), back
}

func dump(doc *pipeline.Document) string {
	var b strings.Builder
	_ = pipeline.Inspect(&b, doc)
	return b.String()
}
