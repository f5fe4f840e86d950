package read

import (
	"context"
	"fmt"
	"testing"

	"github.com/scribe-un/scribe/internal/hostile"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// BenchmarkLinear reads DOCX files of n runs in one paragraph, n paragraphs, n table cells
// and n list items, for n doubling: time per element must stay flat (the reader is linear;
// a paragraph of 320,000 runs once took 89 s, rescanned after every XML token).
//
//	go test -run '^$' -bench Linear ./formats/docx/internal/read/
func BenchmarkLinear(b *testing.B) {
	shapes := []struct {
		name string
		make func(int) []byte
	}{
		{"runs", hostile.Runs},
		{"paragraphs", hostile.Paragraphs},
		{"cells", hostile.TableCells},
		{"items", hostile.ListItems},
	}
	set := locales.MustEmbedded()
	for _, sh := range shapes {
		for _, n := range []int{20_000, 40_000, 80_000} {
			data := sh.make(n)
			b.Run(fmt.Sprintf("%s/%d", sh.name, n), func(b *testing.B) {
				opts := model.ReadOptions{Name: "bench.docx", Locales: set, Limits: model.Limits{MaxBlocks: 1 << 30}}
				b.ReportAllocs()
				for b.Loop() {
					if _, err := New().Read(context.Background(), data, opts); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/elem")
			})
		}
	}
}
