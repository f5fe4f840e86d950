package markdown_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/markdown"
	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

// rtSeeds adds the repository's notes (sample, corpus, six-language set, the notes reader's
// fixtures) as seeds, each paired with an output language index.
func rtSeeds(f *testing.F) {
	var paths []string
	for _, pattern := range []string{"../../testdata/*.txt", "../../testdata/corpus/*", "../../testdata/i18n/*", "../notes/testdata/*.txt"} {
		m, _ := filepath.Glob(pattern)
		paths = append(paths, m...)
	}
	for i, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, uint8(i))
		}
	}
	f.Add([]byte("Points:\n- a\n  - b\n    - c\n> q\n“open\n\nclose”\n# H\n(annexed)\n"), uint8(2))
}

// rtLocalized reads notes and runs the normalizers in the runner's order (source transforms,
// then on a clone the output transforms for one language, as pipeline.Runner.Localize
// does). It returns nil when the notes reader refuses the input with a documented error; a
// normalizer never fails on a reader's document, so an error there is fatal.
func rtLocalized(t *testing.T, data []byte, langIdx uint8) (*pipeline.Document, *locales.Locale) {
	t.Helper()
	ctx := context.Background()
	warn := &pipeline.Warnings{}
	doc, err := notes.New().Read(ctx, data, pipeline.ReadOptions{Name: "f.txt", Warnings: warn})
	if err != nil {
		for _, k := range []error{pipeline.ErrEmpty, pipeline.ErrBinary, pipeline.ErrEncoding, pipeline.ErrTooDeep, pipeline.ErrMalformed, pipeline.ErrTooLarge} {
			if errors.Is(err, k) {
				return nil, nil
			}
		}
		t.Fatalf("notes reader: unexpected error: %v", err)
	}
	env := &pipeline.Env{Warnings: warn}
	for _, tr := range normalize.Source() {
		if err := tr.Apply(ctx, doc, env); err != nil {
			t.Fatalf("%s: %v", tr.Name(), err)
		}
	}
	loc, err := locales.MustEmbedded().Lookup(locales.Supported[int(langIdx)%len(locales.Supported)])
	if err != nil {
		t.Fatal(err)
	}
	v := doc.Clone()
	v.Meta.Lang = loc.Tag
	env = &pipeline.Env{Locale: loc, Warnings: warn}
	for _, tr := range normalize.Output() {
		if err := tr.Apply(ctx, v, env); err != nil {
			t.Fatalf("%s: %v", tr.Name(), err)
		}
	}
	return v, loc
}

// rtWatchdog turns a hang into a crash: Go's fuzzing has no per-input time limit, but it
// keeps the input of a worker that dies as a crasher. Call the returned func when done.
func rtWatchdog(limit time.Duration) (stop func()) {
	tm := time.AfterFunc(limit, func() { panic(fmt.Sprintf("input took more than %v (a hang)", limit)) })
	return func() { tm.Stop() }
}

// rtCounts counts what a round trip through Word can preserve.
type rtCounts struct {
	headings int
	// numbered paragraphs and list items (subparagraphs) outside quotations.
	numbered, items int
	// other text blocks outside quotations: unnumbered paragraphs (a list item's
	// continuation, a paragraph without a label) and editorial notes.
	unnumbered, notes int
	quoteParas        int
}

// rtCount counts blocks. labelled says whether a numbered paragraph must carry its label
// (a numbered model; a document just read is not numbered yet).
func rtCount(blocks []pipeline.Block, labelled bool) rtCounts {
	var c rtCounts
	var walk func(bs []pipeline.Block)
	walk = func(bs []pipeline.Block) {
		for _, b := range bs {
			switch n := b.(type) {
			case *pipeline.Heading:
				c.headings++
			case *pipeline.Paragraph:
				switch {
				case len(n.Inlines) == 0:
				case n.Numbered && (n.Number.Label != "" || !labelled):
					c.numbered++
				default:
					c.unnumbered++
				}
				walk(n.Children)
			case *pipeline.List:
				for _, it := range n.Items {
					if it == nil {
						continue
					}
					if len(it.Inlines) > 0 {
						c.items++
					}
					walk(it.Children)
				}
			case *pipeline.Quote:
				for _, p := range n.Paragraphs {
					if p != nil && len(p.Inlines) > 0 {
						c.quoteParas++
					}
				}
			case *pipeline.Note:
				c.notes++
			}
		}
	}
	walk(blocks)
	return c
}

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
	rtSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, lang uint8) {
		defer rtWatchdog(20 * time.Second)()
		doc, loc := rtLocalized(t, data, lang)
		if doc == nil {
			return
		}
		if _, md := rtMarkdown(t, doc, loc); md == nil {
			t.Fatal("reading the writer's own Markdown failed")
		}
		body := doc.Clone()
		body.Present = pipeline.Presentation{Lang: doc.Present.Lang, Dir: doc.Present.Dir}
		body.Meta.Title = ""
		want := rtCount(body.Blocks, true)
		if want.headings+want.items+want.quoteParas == 0 {
			return // no explicit structure: read by the notes inference
		}
		out, back := rtMarkdown(t, body, loc)
		got := rtCount(back.Blocks, false)
		if got.headings != want.headings || got.quoteParas != want.quoteParas || got.items != want.items ||
			got.numbered != want.numbered+want.unnumbered+want.notes || got.unnumbered+got.notes != 0 {
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
