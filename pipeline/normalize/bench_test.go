package normalize

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/locales"
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
	doc, err := notes.New().Read(context.Background(), data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "seed.txt", Warnings: &model.Warnings{}})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkSource measures the source transforms (clean, inlines, typography, metadata,
// speakers, ids) on the seed notes as read; each iteration works on a fresh clone, whose
// cost is not counted.
func BenchmarkSource(b *testing.B) {
	benchSource(b, seedDoc(b))
}

// benchSource times the source transforms on fresh clones of raw (the clones not counted).
func benchSource(b *testing.B, raw *model.Document) {
	ctx := context.Background()
	trs := Source()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		doc := raw.Clone()
		env := &model.Env{Locales: locales.MustEmbedded(), Warnings: &model.Warnings{}}
		b.StartTimer()
		for _, tr := range trs {
			if err := tr.Apply(ctx, doc, env); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkSourceLong measures the source transforms on the seed notes repeated 10 and
// 100 times (110 KB, 1.1 MB): MB/s must stay flat as the input grows, and B/op divided by
// the input's size is what a long input costs in garbage per byte.
func BenchmarkSourceLong(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "wsis-itu-consultation-2005-05-02.txt"))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10, 100} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			text := bytes.Repeat(append(data, '\n'), n)
			raw, err := notes.New().Read(context.Background(), text, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "long.txt", Warnings: &model.Warnings{}})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(text)))
			benchSource(b, raw)
		})
	}
}

// BenchmarkOutput measures the per-language transforms (numbering, localize) on the seed
// notes after the source transforms, for English; the clone is not counted.
func BenchmarkOutput(b *testing.B) {
	src := seedDoc(b)
	ctx := context.Background()
	env := &model.Env{Locales: locales.MustEmbedded(), Warnings: &model.Warnings{}}
	for _, tr := range Source() {
		if err := tr.Apply(ctx, src, env); err != nil {
			b.Fatal(err)
		}
	}
	trs := Output(OutputOptions{})
	loc := locale(b, "en")
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		doc := src.Clone()
		env := &model.Env{Locales: locales.MustEmbedded(), Locale: loc, Warnings: &model.Warnings{}}
		b.StartTimer()
		for _, tr := range trs {
			if err := tr.Apply(ctx, doc, env); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// minutesDoc is n paragraphs of minutes in the "Name: text" style, a new name every third
// paragraph, so a long document names many people, as a year of minutes does.
func minutesDoc(n int) *model.Document {
	doc := &model.Document{Meta: model.Metadata{Lang: "en"}}
	for i := range n {
		name := "Delegate" + strconv.Itoa(i/3) + " Smith"
		text := name + ": recalled that implementation of the commitments would take place at the national level, and that the chair and the secretariat would report on progress."
		doc.Blocks = append(doc.Blocks, &model.Paragraph{Inlines: model.Texts(text, 0)})
	}
	return doc
}

// BenchmarkSpeakers measures the speakers transform on 100, 1,000 and 10,000 paragraphs
// naming a third as many people: the time per paragraph stays flat when it is linear.
func BenchmarkSpeakers(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			raw := minutesDoc(n)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				doc := raw.Clone()
				env := &model.Env{Locales: locales.MustEmbedded(), Warnings: &model.Warnings{}}
				b.StartTimer()
				if err := (Speakers{}).Apply(ctx, doc, env); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/paragraph")
		})
	}
}

// BenchmarkStage measures each source transform on its own, on the document the transforms
// before it leave (the clone not counted): the seed notes repeated 100 times, or the notes
// file SCRIBE_BENCH_NOTES names (the 12 MB input of the cost curve, say).
func BenchmarkStage(b *testing.B) {
	name := os.Getenv("SCRIBE_BENCH_NOTES")
	var text []byte
	if name != "" {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		text = data
	} else {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "wsis-itu-consultation-2005-05-02.txt"))
		if err != nil {
			b.Fatal(err)
		}
		text = bytes.Repeat(append(data, '\n'), 100)
	}
	doc, err := notes.New().Read(context.Background(), text, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "long.txt", Warnings: &model.Warnings{}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, tr := range Source() {
		b.Run(tr.Name(), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				c := doc.Clone()
				env := &model.Env{Locales: locales.MustEmbedded(), Warnings: &model.Warnings{}}
				b.StartTimer()
				if err := tr.Apply(ctx, c, env); err != nil {
					b.Fatal(err)
				}
			}
		})
		env := &model.Env{Locales: locales.MustEmbedded(), Warnings: &model.Warnings{}}
		if err := tr.Apply(ctx, doc, env); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("countwords", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			model.CountWords(doc.Blocks)
		}
	})
}
