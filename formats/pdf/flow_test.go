package pdf

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// longParas is the sample followed by long paragraphs of many lengths in the text of lang:
// after a heading (kept with them), with footnotes and a long address inside, one that
// introduces a list (kept with it) and a long list item, and one opening with lines of
// figures before its first letter. Set in parts, their lines meet page breaks, widows and
// orphans everywhere.
func longParas(lang, text string) *model.Document {
	doc := pipelinetest.Sample(lang)
	loc, _ := locales.MustEmbedded().Lookup(lang)
	line, para := 200, 40
	words := strings.Fields(text)
	if lang == "zh" {
		words = nil
		for _, r := range text {
			words = append(words, string(r))
		}
	}
	sep := " "
	if lang == "zh" {
		sep = ""
	}
	paragraph := func(i, n int) []model.Inline {
		line++
		var b strings.Builder
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteString(sep)
			}
			b.WriteString(words[(i+k)%len(words)])
		}
		ins := model.Texts(b.String(), line)
		if i%3 == 1 {
			s := b.String()
			half := len(s) / 2
			for !utf8.RuneStart(s[half]) {
				half++
			}
			ins = append(ins, model.Inline{Kind: model.KindFootnote, Line: line,
				Note: model.Texts(fmt.Sprintf("See document %d, which gives the figures in full and the list of participants.", i), line)},
				model.Inline{Kind: model.KindText, Text: sep + s[:half], Line: line},
				model.Inline{Kind: model.KindLink, Text: "https://www.itu.int/net/wsis/implementation/stocktaking/reports/2005/very-long-path-without-any-break-opportunity-at-all/index.html", URL: "https://www.itu.int/", Line: line},
				model.Inline{Kind: model.KindText, Text: sep + s[half:], Line: line})
		}
		return ins
	}
	numbered := func(ins []model.Inline) *model.Paragraph {
		para++
		return &model.Paragraph{Pos: model.Pos{File: "long.txt", Line: line}, Inlines: ins, Numbered: true,
			Number: model.Number{Ordinal: para, Label: loc.Numbering.Paragraph.Label(para)}}
	}
	doc.Blocks = append(doc.Blocks, &model.Heading{Pos: model.Pos{File: "long.txt", Line: line}, Level: 1,
		Inlines: model.Texts(strings.Join(words[:4], sep), line), Number: model.Number{Ordinal: 9, Label: loc.Numbering.Chapter.Label(9)}})
	for i := 0; i < 14; i++ {
		doc.Blocks = append(doc.Blocks, numbered(paragraph(i, 600+(i*389)%1700)))
	}
	for i := 0; i < 8; i++ {
		if i%2 == 0 {
			doc.Blocks = append(doc.Blocks, &model.Heading{Pos: model.Pos{File: "long.txt", Line: line}, Level: 2,
				Inlines: model.Texts(strings.Join(words[i:i+3], sep), line)})
		}
		intro := numbered(paragraph(20+i, 900+i*97))
		intro.Children = []model.Block{&model.List{Depth: 1, Items: []*model.ListItem{
			{Pos: model.Pos{File: "long.txt", Line: line}, Inlines: paragraph(21+i, 300+i*211), Number: model.Number{Ordinal: 1, Label: "(a)"}},
			{Pos: model.Pos{File: "long.txt", Line: line}, Inlines: paragraph(22+i, 40), Number: model.Number{Ordinal: 2, Label: "(b)"}},
		}}}
		doc.Blocks = append(doc.Blocks, intro)
	}
	figures := strings.Repeat("2005-05-02 14:00 (17) 3.5; ", 900)
	doc.Blocks = append(doc.Blocks, numbered(append(model.Texts(figures, line), paragraph(23, 900)...)))
	return doc
}

// streamed tunes a layouter to set every paragraph in parts, batch tokens at a time.
func streamed(batch int) func(*layouter) {
	return func(l *layouter) { l.streamAbove, l.streamBatch = 0, batch }
}

// TestStreamedSame: a paragraph set in parts (layouter.stream) gives the PDF it gives set
// whole, byte for byte, drawn text and all: the samples in six languages, the long
// documents of the goldens, and long paragraphs (headings kept with them, footnotes,
// addresses, lists, Arabic, Chinese), in batches from one token to hundreds.
func TestStreamedSame(t *testing.T) {
	fonts := fontsOrFail(t, systemFonts)
	cases := []struct {
		name string
		doc  func() *model.Document
	}{
		{"long-en", func() *model.Document { return longDoc("en") }},
		{"long-ru", func() *model.Document { return longDoc("ru") }},
		{"long-ar", func() *model.Document { return longDoc("ar") }},
		{"translated-ar", func() *model.Document { return translated("ar", arText) }},
		{"masthead-fr", func() *model.Document { return mastheadDoc("fr") }},
		{"paras-en", func() *model.Document { return longParas("en", strings.Repeat(longWords, 3)) }},
		{"paras-ar", func() *model.Document { return longParas("ar", arText) }},
	}
	for _, lang := range []string{"en", "fr", "es", "ru", "ar", "zh"} {
		cases = append(cases, struct {
			name string
			doc  func() *model.Document
		}{"sample-" + lang, func() *model.Document { return pipelinetest.Sample(lang) }})
	}
	if fonts.Languages()["zh"] {
		cases = append(cases, struct {
			name string
			doc  func() *model.Document
		}{"paras-zh", func() *model.Document { return longParas("zh", zhText) }})
	}
	run := func(t *testing.T, doc *model.Document, tune func(*layouter)) (string, int) {
		t.Helper()
		var trace strings.Builder
		var l *layouter
		su := setup{fonts: fonts, trace: &trace, tune: func(tl *layouter) { l = tl; tune(tl) }}
		pdf, err := typeset(context.Background(), doc, writeOpts(t, doc), su)
		if err != nil {
			t.Fatal(err)
		}
		return trace.String() + string(pdf), l.streamed
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			whole, n := run(t, c.doc(), func(l *layouter) { l.streamAbove = math.MaxInt })
			if n != 0 {
				t.Fatalf("%d paragraphs streamed, want none", n)
			}
			for _, batch := range []int{1, 7, 300} {
				got, n := run(t, c.doc(), streamed(batch))
				if n == 0 {
					t.Fatalf("batch %d: no paragraph streamed", batch)
				}
				if got != whole {
					t.Errorf("batch %d: the PDF differs from the one set whole", batch)
				}
			}
		})
	}
}

const longWords = "the delegation of the working group recalled that the stocktaking of implementation " +
	"should remain open to all stakeholders and that the secretariat would report on progress " +
	"at the next session of the Council together with a proposal on modalities, notwithstanding " +
	"intergovernmental telecommunication considerations "

// TestStreamedDirection: a paragraph whose first letter comes after more lines than are held
// back takes the document's direction; one whose letter comes sooner, the letter's.
func TestStreamedDirection(t *testing.T) {
	fonts := fontsOrFail(t, testFonts)
	figures := strings.Repeat("2005-05-02 (17) 3.5; ", 200)
	for _, c := range []struct {
		held int
		rtl  bool
	}{{1000, true}, {3, false}} {
		doc := pipelinetest.Sample("en")
		doc.Blocks = append(doc.Blocks, &model.Paragraph{Pos: model.Pos{File: "x.txt", Line: 90}, Inlines: model.Texts(figures+arText, 90)})
		l := newTestLayouter(doc, fonts)
		l.streamAbove, l.streamBatch, l.streamDirRows = 0, 50, c.held
		pages, _, err := l.layout()
		if err != nil {
			t.Fatal(err)
		}
		last := pages[len(pages)-1].lines
		if got := last[len(last)-1].ln.rtl; got != c.rtl {
			t.Errorf("%d lines held back: rtl = %v, want %v", c.held, got, c.rtl)
		}
	}
}

// BenchmarkLongParagraph sets one paragraph of 0.5, 2 and 8 MB into a PDF: time, bytes and
// allocations per byte stay flat as it grows, and the peak heap (peak-heap-B, sampled every
// millisecond, over the heap before) stays a few bytes per byte of text: the paragraph is set
// in parts and its pages written as they are made. The -whole runs set it whole, as before
// long paragraphs were streamed, holding all its tokens and lines at once.
func BenchmarkLongParagraph(b *testing.B) {
	fonts := fontsOrFail(b, testFonts)
	for _, mb := range []float64{0.5, 2, 8} {
		n := int(mb * (1 << 20))
		text := strings.Repeat(longWords, n/len(longWords)+1)[:n]
		doc := pipelinetest.Sample("en")
		doc.Blocks = append(doc.Blocks, &model.Paragraph{Pos: model.Pos{File: "x.txt", Line: 90}, Inlines: model.Texts(text, 90)})
		for _, whole := range []bool{false, true} {
			name := fmt.Sprintf("%gMB", mb)
			su := setup{fonts: fonts, compress: true}
			if whole {
				if mb > 2 {
					continue
				}
				name += "-whole"
				su.tune = func(l *layouter) { l.streamAbove = math.MaxInt }
			}
			b.Run(name, func(b *testing.B) {
				opts := writeOpts(b, doc)
				runtime.GC()
				base, stop := heapPeak()
				b.SetBytes(int64(n))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := typeset(context.Background(), doc, opts, su); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(stop()-base), "peak-heap-B")
			})
		}
	}
}

// heapPeak samples the heap's live and unswept objects every millisecond until stop is
// called, which returns the largest sample; base is the heap at the start.
func heapPeak() (base uint64, stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base = read()
	done := make(chan uint64)
	quit := make(chan struct{})
	go func() {
		peak := base
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				done <- max(peak, read())
				return
			case <-tick.C:
				peak = max(peak, read())
			}
		}
	}()
	return base, func() uint64 { close(quit); return <-done }
}
