package pdf

import (
	"bytes"
	"context"
	"strconv"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// BenchmarkWriteSample measures one seed-sized document with the fonts loaded once, as in a
// batch: compressed, as in production.
func BenchmarkWriteSample(b *testing.B) {
	for _, lang := range []string{"en", "ar", "zh"} {
		b.Run(lang, func(b *testing.B) {
			fonts, err := LoadFonts(FontOptions{})
			if err != nil {
				b.Fatal(err)
			}
			doc := pipelinetest.Sample(lang)
			loc, _ := locales.MustEmbedded().Lookup(lang)
			w := NewWriter(Options{Fonts: fonts, Compress: true})
			opts := model.WriteOptions{Locale: loc, Created: testCreated, Generator: "scribe bench"}
			var buf bytes.Buffer
			if err := w.Write(context.Background(), &buf, doc, opts); err != nil { // warm the font caches
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := w.Write(context.Background(), &buf, doc, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/pdf")
		})
	}
}

// BenchmarkWriteLong typesets the sample's body repeated 10 and 100 times (about 30 and 300
// pages), compressed, with the fonts loaded once: the time and the bytes allocated per byte
// of text stay flat when pages are laid out, drawn and written one at a time.
func BenchmarkWriteLong(b *testing.B) {
	fonts, err := LoadFonts(FontOptions{NoSystem: true})
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10, 100} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			doc := pipelinetest.Long("en", n)
			text := pipelinetest.TextBytes(doc)
			loc, _ := locales.MustEmbedded().Lookup("en")
			w := NewWriter(Options{Fonts: fonts, Compress: true})
			opts := model.WriteOptions{Locale: loc, Created: testCreated, Generator: "scribe bench"}
			size := pipelinetest.BenchWrite(b, w, doc, opts)
			b.SetBytes(int64(text))
			b.ReportMetric(float64(size)/float64(text), "pdf-bytes/text-byte")
		})
	}
}
