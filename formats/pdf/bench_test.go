package pdf

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
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

// BenchmarkFirstDocument measures what one Chinese report costs a process that starts
// cold, fonts and all (what a CI step pays): the system fonts' index taken from a warm
// cache, the faces' tables read from the collection, the digests from the index; and,
// for comparison, without a cache (every face's names read and its digest computed).
func BenchmarkFirstDocument(b *testing.B) {
	cache := filepath.Join(b.TempDir(), "fonts.json")
	for _, c := range []struct{ name, cache string }{{"warm-cache", cache}, {"no-cache", ""}} {
		b.Run(c.name, func(b *testing.B) {
			doc := pipelinetest.Sample("zh")
			loc, _ := locales.MustEmbedded().Lookup("zh")
			opts := model.WriteOptions{Locale: loc, Created: testCreated, Generator: "scribe bench"}
			write := func() {
				fonts, err := LoadFonts(FontOptions{IndexCache: c.cache})
				if err != nil {
					b.Fatal(err)
				}
				o := opts
				o.Stats = &model.OutputStats{} // the run report's digests
				if err := NewWriter(Options{Fonts: fonts, Compress: true}).Write(context.Background(), io.Discard, doc, o); err != nil {
					b.Skipf("no Chinese font installed: %v", err)
				}
			}
			write() // fills the cache
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				write()
			}
		})
	}
}
