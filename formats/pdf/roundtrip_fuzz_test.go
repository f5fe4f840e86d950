package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/formats/pdf"
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

// FuzzNotesToPDF: notes → notes reader → normalizers → PDF writer with only the embedded
// DejaVu faces (no system fonts, so the result does not depend on the machine). Every
// document gives either a whole PDF (it starts with %PDF- and ends with %%EOF) or an error
// wrapping pipeline.ErrNoGlyph (Chinese text, say: DejaVu has no CJK) or
// pipeline.ErrEncoding, never a panic, another error or a hang.
func FuzzNotesToPDF(f *testing.F) {
	rtSeeds(f)
	fonts, err := pdf.LoadFonts(pdf.FontOptions{NoSystem: true})
	if err != nil {
		f.Fatal(err)
	}
	w := pdf.NewWriter(pdf.Options{Fonts: fonts, Compress: true})
	f.Fuzz(func(t *testing.T, data []byte, lang uint8) {
		defer rtWatchdog(30 * time.Second)()
		doc, loc := rtLocalized(t, data, lang)
		if doc == nil {
			return
		}
		var buf bytes.Buffer
		err := w.Write(context.Background(), &buf, doc, pipeline.WriteOptions{Locale: loc, Created: time.Unix(1114992000, 0).UTC(), Generator: "scribe fuzz"})
		if err != nil {
			if errors.Is(err, pipeline.ErrNoGlyph) || errors.Is(err, pipeline.ErrEncoding) {
				if buf.Len() != 0 {
					t.Fatalf("failed (%v) but wrote %d bytes", err, buf.Len())
				}
				return
			}
			t.Fatalf("write (%s): %v", loc.Tag, err)
		}
		out := buf.Bytes()
		if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(out, "\r\n"), []byte("%%EOF")) {
			t.Fatalf("not a whole PDF (%d bytes): %q … %q", len(out), out[:min(len(out), 16)], out[max(0, len(out)-16):])
		}
	})
}
