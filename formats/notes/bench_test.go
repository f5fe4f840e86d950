package notes

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

// BenchmarkRead measures the notes reader (decoding, front matter, line splitting and
// structure inference) on the seed notes, the size of a typical meeting report.
func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "wsis-itu-consultation-2005-05-02.txt"))
	if err != nil {
		b.Fatal(err)
	}
	r := New()
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		opts := model.ReadOptions{Name: "seed.txt", Warnings: &model.Warnings{}}
		if _, err := r.Read(ctx, data, opts); err != nil {
			b.Fatal(err)
		}
	}
}
