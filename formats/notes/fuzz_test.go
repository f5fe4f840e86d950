package notes

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// FuzzRead feeds arbitrary bytes to the reader: it must never panic, and every result is
// either an error wrapping one of the reader's sentinels or a document whose nodes all carry
// a position in the file.
func FuzzRead(f *testing.F) {
	for _, dir := range []string{"testdata", "../../testdata/corpus"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, p := range files {
			if filepath.Ext(p) == ".json" {
				continue
			}
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("Points:\n- a\n  - b\n    - c\n(i) d\n> q\n“open\n\nclose”\n# H\n== W ==\nT\n---\n"))
	f.Add([]byte("---\ntitle: x\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := New().Read(context.Background(), data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "f.txt", Limits: model.Limits{MaxDepth: 4}})
		if err != nil {
			known := []error{model.ErrEmpty, model.ErrBinary, model.ErrEncoding, model.ErrTooDeep, model.ErrMalformed, model.ErrTooLarge}
			for _, k := range known {
				if errors.Is(err, k) {
					return
				}
			}
			t.Fatalf("unexpected error: %v", err)
		}
		if doc.Source != "f.txt" {
			t.Fatalf("source = %q", doc.Source)
		}
		model.Walk(doc.Blocks, func(b model.Block) bool {
			p := b.Position()
			if p.File != "f.txt" || p.Line < 1 {
				t.Fatalf("%T without a position: %+v", b, p)
			}
			if l, ok := b.(*model.List); ok && (len(l.Items) == 0 || l.Depth < 1 || l.Depth > 4) {
				t.Fatalf("bad list: %+v", l)
			}
			if q, ok := b.(*model.Quote); ok && len(q.Paragraphs) == 0 {
				t.Fatalf("empty quote")
			}
			return true
		})
	})
}
