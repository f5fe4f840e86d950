package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/sniff"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

// benchRunner builds a runner the way runConvert does for `convert --to formats`: the
// registry (fonts loaded once, outside the timed loop), the embedded locales, default
// limits, the standard transforms and a fixed SOURCE_DATE_EPOCH.
func benchRunner(b *testing.B, formats ...string) *pipeline.Runner {
	b.Helper()
	reg, err := buildRegistry(registryOptions{needPDF: contains(formats, "pdf")})
	if err != nil {
		b.Fatal(err)
	}
	set, err := locales.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	epoch := time.Unix(1114992000, 0).UTC()
	r, err := pipeline.NewRunner(pipeline.Options{
		Registry:         reg,
		Locales:          set,
		FormatOf:         sniff.FromExtension,
		Sniff:            sniff.Format,
		To:               formats,
		Limits:           model.Limits{}.WithDefaults(),
		Generator:        generator(),
		SourceTransforms: normalize.Source(),
		OutputTransforms: normalize.Output(normalize.OutputOptions{}),
		SourceDateEpoch:  &epoch,
	})
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// BenchmarkConvertSeed measures one seed-sized input through the whole pipeline in-process,
// as one worker of a batch does it: read the file, parse, normalize, localize, write DOCX and
// PDF, and commit both files (temporary file, rename) into the output folder.
func BenchmarkConvertSeed(b *testing.B) {
	for _, tc := range []struct {
		name    string
		formats []string
	}{
		{"docx+pdf", []string{"docx", "pdf"}},
		{"docx", []string{"docx"}},
		{"pdf", []string{"pdf"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			r := benchRunner(b, tc.formats...)
			in := filepath.Join(b.TempDir(), sample+".txt")
			data, err := os.ReadFile(repoFile("testdata", sample+".txt"))
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(in, data, 0o644); err != nil {
				b.Fatal(err)
			}
			job := pipeline.Job{Path: in, OutDir: b.TempDir()}
			ctx := context.Background()
			if res := r.Convert(ctx, job); res.Err != nil { // warm the font caches
				b.Fatal(res.Err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if res := r.Convert(ctx, job); res.Err != nil {
					b.Fatal(res.Err)
				}
			}
		})
	}
}
