package pdf

import (
	"bytes"
	"context"
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
