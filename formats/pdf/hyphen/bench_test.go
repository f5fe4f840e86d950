package hyphen

import (
	"os"
	"strings"
	"testing"
	"time"
)

// BenchmarkLoad measures reading one language's compiled patterns, the cost a process
// pays once per language on its first Load.
func BenchmarkLoad(b *testing.B) {
	for _, l := range languages {
		b.Run(l.tag, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				if _, err := decode(l.tag, l.compiled); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu, 1, "cpu-ns/op")
		})
	}
}

// BenchmarkCompile measures parsing one language's pattern file into its compiled
// form, the cost go generate pays, and Load paid before the compiled forms.
func BenchmarkCompile(b *testing.B) {
	for _, l := range languages {
		src, err := patternFiles.ReadFile(l.file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(l.tag, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				if _, err := compile(l, string(src)); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu, 1, "cpu-ns/op")
		})
	}
}

var benchWords = map[string][]string{
	"en-us": {"hyphenation", "information", "consultation", "representatives", "declaration", "implementation", "organization’s", "the", "summit", "telecommunication"},
	"es":    {"información", "desarrollo", "consulta", "representantes", "declaración", "aplicación", "organización", "los", "cumbre", "telecomunicaciones"},
	"fr":    {"information", "développement", "consultation", "représentants", "déclaration", "l’économie", "organisation", "les", "sommet", "télécommunications"},
	"ru":    {"информация", "развитие", "консультации", "представители", "декларация", "осуществление", "организации", "все", "встреча", "электросвязи"},
}

// BenchmarkPoints measures one word's hyphenation by the patterns alone.
func BenchmarkPoints(b *testing.B) {
	for _, l := range languages {
		d, err := Load(l.tag)
		if err != nil {
			b.Fatal(err)
		}
		words := benchWords[l.tag]
		b.Run(l.tag, func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]int, 0, 16)
			i := 0
			for b.Loop() {
				buf = d.AppendPoints(buf[:0], words[i%len(words)])
				i++
			}
		})
	}
}

// BenchmarkBreaks measures Breaks on tokens as a layout meets them.
func BenchmarkBreaks(b *testing.B) {
	d, err := Load("en")
	if err != nil {
		b.Fatal(err)
	}
	tokens := []string{"(consultation),", "Secretary-General", "A/HRC/59/1", "WSIS", "implementation.", "the", "organization’s", "https://www.itu.int"}
	b.ReportAllocs()
	buf := make([]Break, 0, 16)
	i := 0
	for b.Loop() {
		buf = d.AppendBreaks(buf[:0], tokens[i%len(tokens)], Rules{})
		i++
	}
}

// BenchmarkCorpus hyphenates every distinct word of a language's test corpus
// (testdata/libreoffice-*.txt, 1,100 to 5,000 words): the cost of hyphenating
// every word of a long report, more than a layout asks for.
func BenchmarkCorpus(b *testing.B) {
	for _, c := range []struct{ tag, file string }{{"en-us", "en"}, {"es", "es"}, {"fr", "fr"}, {"ru", "ru"}} {
		d, err := Load(c.tag)
		if err != nil {
			b.Fatal(err)
		}
		src, err := os.ReadFile("testdata/libreoffice-" + c.file + ".txt")
		if err != nil {
			b.Fatal(err)
		}
		var words []string
		for line := range strings.Lines(string(src)) {
			w, _, _ := strings.Cut(line, "\t")
			words = append(words, w)
		}
		b.Run(c.tag, func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]Break, 0, 16)
			cpu := cpuTime()
			for b.Loop() {
				for _, w := range words {
					buf = d.AppendBreaks(buf[:0], w, Rules{})
				}
			}
			reportCPU(b, cpu, len(words), "cpu-ns/word")
		})
	}
}

// reportCPU reports the CPU time used since cpu per operation, or per unit when an
// operation handles several.
func reportCPU(b *testing.B, cpu time.Duration, units int, metric string) {
	if used := cpuTime() - cpu; used > 0 {
		b.ReportMetric(float64(used.Nanoseconds())/float64(b.N*units), metric)
	}
}
