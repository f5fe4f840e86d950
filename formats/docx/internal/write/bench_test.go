package write

import (
	"strconv"
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
	size := pipelinetest.BenchWrite(b, w, doc, opts)
	b.SetBytes(int64(size))
}

// BenchmarkWriteLong writes the sample's body repeated 10 and 100 times: the time and the
// bytes allocated per byte of text stay flat when the writer is linear and streams
// word/document.xml into the zip.
func BenchmarkWriteLong(b *testing.B) {
	w, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10, 100} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			doc := pipelinetest.Long("en", n)
			text := pipelinetest.TextBytes(doc)
			opts := model.WriteOptions{Locale: localeFor(b, "en"), Created: testCreated, Generator: "scribe bench"}
			pipelinetest.BenchWrite(b, w, doc, opts)
			b.SetBytes(int64(text))
		})
	}
}
