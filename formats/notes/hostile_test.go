package notes

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// TestHostileSizes checks that huge inputs are read with bounded memory. Time is measured
// by BenchmarkReadScaling, not here: a wall-clock limit fails on a loaded machine.
func TestHostileSizes(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	tests := []struct {
		name string
		in   func() []byte
	}{
		{"million short lines", func() []byte { return []byte(strings.Repeat("Short line\n", 1_000_000)) }},
		{"million bullets", func() []byte { return []byte("Points:\n" + strings.Repeat("- item\n", 1_000_000)) }},
		{"million open quotes", func() []byte { return []byte(strings.Repeat("He said “no\n", 1_000_000)) }},
		{"10 MB single line", func() []byte { return []byte(strings.Repeat("word ", 2_000_000)) }},
		{"10 MB single line of marks", func() []byte { return []byte("(" + strings.Repeat("«“", 2_000_000)) }},
		{"deep indentation", func() []byte {
			var b strings.Builder
			b.WriteString("Points:\n")
			for i := 0; i < 31; i++ {
				b.WriteString(strings.Repeat(" ", i) + "- x\n")
			}
			b.WriteString(strings.Repeat("- y\n", 100000))
			return []byte(b.String())
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in()
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			doc, err := New().Read(context.Background(), in, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "big.txt"})
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if err != nil && !errors.Is(err, model.ErrTooDeep) {
				t.Fatalf("err = %v", err)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes in, %v, %d MB allocated", len(in), elapsed, alloc>>20)
			// Bounded memory: linear in the input. The model costs about 300 bytes per
			// paragraph and the reader's line tables about 350 more, so ten-byte lines
			// are the worst case at some 100 bytes allocated per byte of input (seven-byte bullets).
			if limit := uint64(len(in))*110 + 64<<20; alloc > limit {
				t.Errorf("allocated %d MB, limit %d MB", alloc>>20, limit>>20)
			}
			runtime.KeepAlive(doc)
		})
	}
}
