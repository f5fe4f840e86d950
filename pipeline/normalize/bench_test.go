package normalize

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/pipeline"
)

// seedDoc reads the seed notes with the notes reader, as the runner does before the
// source transforms.
func seedDoc(b *testing.B) *pipeline.Document {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "wsis-itu-consultation-2005-05-02.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := notes.New().Read(context.Background(), data, pipeline.ReadOptions{Name: "seed.txt", Warnings: &pipeline.Warnings{}})
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
		env := &pipeline.Env{Warnings: &pipeline.Warnings{}}
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
	env := &pipeline.Env{Warnings: &pipeline.Warnings{}}
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
		env := &pipeline.Env{Locale: loc, Warnings: &pipeline.Warnings{}}
		b.StartTimer()
		for _, tr := range trs {
			if err := tr.Apply(ctx, doc, env); err != nil {
				b.Fatal(err)
			}
		}
	}
}
