package pipelinetest

import (
	"bytes"
	"context"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

// BenchWrite is the loop of a writer benchmark: it writes doc with w once per iteration,
// with allocations reported, and returns the size of the last output for the caller's
// metrics.
func BenchWrite(b *testing.B, w model.Writer, doc *model.Document, opts model.WriteOptions) int {
	b.Helper()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := w.Write(context.Background(), &buf, doc, opts); err != nil {
			b.Fatal(err)
		}
	}
	return buf.Len()
}
