// Package fuzzdoc holds what the round-trip fuzz targets share: seeds from the repository's
// notes, the reader-and-normalizers path that turns fuzzed notes into a model the way
// pipeline.Runner does, a watchdog that turns a hang into a crasher, and block counts for
// comparing a model with what a reader gives back.
package fuzzdoc

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

// root is the repository root, found from this file so tests of any package can seed.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Seeds adds the repository's notes (sample, corpus, six-language set, the notes reader's
// fixtures) as seeds, each paired with an output language index.
func Seeds(f *testing.F) {
	var paths []string
	for _, pattern := range []string{"testdata/*.txt", "testdata/corpus/*", "testdata/i18n/*", "formats/notes/testdata/*.txt"} {
		m, _ := filepath.Glob(filepath.Join(root(), pattern))
		paths = append(paths, m...)
	}
	for i, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, uint8(i))
		}
	}
	f.Add([]byte("Points:\n- a\n  - b\n    - c\n> q\n“open\n\nclose”\n# H\n(annexed)\n"), uint8(2))
}

// AddFiles adds the files matching each pattern (relative to the test's package) as
// seeds of a fuzz target taking one []byte; folders and unreadable files are skipped.
func AddFiles(f *testing.F, patterns ...string) {
	for _, pattern := range patterns {
		files, _ := filepath.Glob(pattern)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
}

// Models reads notes and runs the normalizers in the runner's order: the source transforms
// once, then, on a clone for one output language (langIdx picks one of the six), the output
// transforms (see pipeline.Runner.Localize). It returns the source-normalized and the
// localized documents and the locale, or nils when the notes reader refuses the input with
// one of its documented errors. A normalizer never fails on a document a reader produced,
// so any error there is fatal.
func Models(t *testing.T, data []byte, langIdx uint8) (src, out *model.Document, loc *locales.Locale) {
	t.Helper()
	ctx := context.Background()
	warn := &model.Warnings{}
	doc, err := notes.New().Read(ctx, data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "f.txt", Warnings: warn})
	if err != nil {
		for _, k := range []error{model.ErrEmpty, model.ErrBinary, model.ErrEncoding, model.ErrTooDeep, model.ErrMalformed, model.ErrTooLarge} {
			if errors.Is(err, k) {
				return nil, nil, nil
			}
		}
		t.Fatalf("notes reader: unexpected error: %v", err)
	}
	env := &model.Env{Locales: locales.MustEmbedded(), Warnings: warn}
	for _, tr := range normalize.Source() {
		if err := tr.Apply(ctx, doc, env); err != nil {
			t.Fatalf("%s: %v", tr.Name(), err)
		}
	}
	loc, err = locales.MustEmbedded().Lookup(locales.Supported[int(langIdx)%len(locales.Supported)])
	if err != nil {
		t.Fatal(err)
	}
	v := doc.Clone()
	v.Meta.Lang = loc.Tag
	env = &model.Env{Locales: locales.MustEmbedded(), Locale: loc, Warnings: warn}
	for _, tr := range normalize.Output(normalize.OutputOptions{}) {
		if err := tr.Apply(ctx, v, env); err != nil {
			t.Fatalf("%s: %v", tr.Name(), err)
		}
	}
	return doc, v, loc
}

// Watchdog turns a hang into a crash: Go's fuzzing has no per-input time limit, but it
// keeps the input of a worker that dies as a crasher. Call the returned func when done.
func Watchdog(limit time.Duration) (stop func()) {
	tm := time.AfterFunc(limit, func() { panic(fmt.Sprintf("input took more than %v (a hang)", limit)) })
	return func() { tm.Stop() }
}

// Counts are the text blocks of a document by kind.
type Counts struct {
	Headings int
	// numbered paragraphs and list items (subparagraphs) outside quotations.
	Numbered, Items int
	// other text blocks outside quotations: unnumbered paragraphs (a list item's
	// continuation, a paragraph without a label) and editorial notes.
	Unnumbered, Notes int
	QuoteParas        int
}

// Count counts blocks. labelled says whether a numbered paragraph must carry its label
// (a numbered model; a document just read is not numbered yet).
func Count(blocks []model.Block, labelled bool) Counts {
	var c Counts
	var walk func(bs []model.Block)
	walk = func(bs []model.Block) {
		for _, b := range bs {
			switch n := b.(type) {
			case *model.Heading:
				c.Headings++
			case *model.Paragraph:
				switch {
				case len(n.Inlines) == 0:
				case n.Numbered && (n.Number.Label != "" || !labelled):
					c.Numbered++
				default:
					c.Unnumbered++
				}
				walk(n.Children)
			case *model.List:
				for _, it := range n.Items {
					if it == nil {
						continue
					}
					if len(it.Inlines) > 0 {
						c.Items++
					}
					walk(it.Children)
				}
			case *model.Quote:
				for _, p := range n.Paragraphs {
					if p != nil && len(p.Inlines) > 0 {
						c.QuoteParas++
					}
				}
			case *model.Note:
				c.Notes++
			}
		}
	}
	walk(blocks)
	return c
}
