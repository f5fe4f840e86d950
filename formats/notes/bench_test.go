package notes

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// BenchmarkRead measures the notes reader (decoding, front matter, line splitting and
// structure inference) on the seed notes, the size of a typical meeting report.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "wsis-itu-consultation-2005-05-02.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, data)
}

// BenchmarkReadScaling reads the seed notes repeated 1, 8 and 64 times: the time per byte
// (MB/s) must stay flat as the input grows, since the reader is linear in its input.
func BenchmarkReadScaling(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "wsis-itu-consultation-2005-05-02.txt"))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 8, 64} {
		b.Run(fmt.Sprintf("x%d", n), func(b *testing.B) {
			benchRead(b, bytes.Repeat(append(data, '\n'), n))
		})
	}
}

func benchRead(b *testing.B, data []byte) {
	r := New()
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		opts := model.ReadOptions{Locales: locales.MustEmbedded(), Name: "seed.txt", Warnings: &model.Warnings{}}
		if _, err := r.Read(ctx, data, opts); err != nil {
			b.Fatal(err)
		}
	}
}
