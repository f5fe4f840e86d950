package normalize

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/pipeline/model"
)

// seedDoc reads the seed notes with the notes reader, as the runner does before the
// source transforms.
func seedDoc(b *testing.B) *model.Document {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "wsis-itu-consultation-2005-05-02.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := notes.New().Read(context.Background(), data, model.ReadOptions{Name: "seed.txt", Warnings: &model.Warnings{}})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkSource measures the source transforms (clean, inlines, typography, metadata,
// speakers, ids) on the seed notes as read; each iteration works on a fresh clone, whose
// cost is not counted.
func BenchmarkSource(b *testing.B) {
	raw := seedDoc(b)
	ctx := context.Background()
	trs := Source()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		doc := raw.Clone()
		env := &model.Env{Warnings: &model.Warnings{}}
		b.StartTimer()
		for _, tr := range trs {
			if err := tr.Apply(ctx, doc, env); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkOutput measures the per-language transforms (numbering, localize) on the seed
// notes after the source transforms, for English; the clone is not counted.
func BenchmarkOutput(b *testing.B) {
	src := seedDoc(b)
	ctx := context.Background()
	env := &model.Env{Warnings: &model.Warnings{}}
	for _, tr := range Source() {
		if err := tr.Apply(ctx, src, env); err != nil {
			b.Fatal(err)
		}
	}
	trs := Output()
	loc := locale(b, "en")
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		doc := src.Clone()
		env := &model.Env{Locale: loc, Warnings: &model.Warnings{}}
		b.StartTimer()
		for _, tr := range trs {
			if err := tr.Apply(ctx, doc, env); err != nil {
				b.Fatal(err)
			}
		}
	}
}
