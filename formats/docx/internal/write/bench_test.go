package write

import (
	"bytes"
	"context"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// BenchmarkWriteSample measures one English sample document, from model to zip bytes.
func BenchmarkWriteSample(b *testing.B) {
	w, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	doc := pipelinetest.Sample("en")
	opts := model.WriteOptions{Locale: localeFor(b, "en"), Created: testCreated, Generator: "scribe bench"}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := w.Write(context.Background(), &buf, doc, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
