package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/formats/docx"
	"github.com/scribe-un/scribe/formats/html"
	scribejson "github.com/scribe-un/scribe/formats/json"
	"github.com/scribe-un/scribe/formats/markdown"
	"github.com/scribe-un/scribe/formats/mediawiki"
	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/formats/rst"
	"github.com/scribe-un/scribe/formats/sniff"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

// session is what one command invocation loads once and shares across all its inputs.
type session struct {
	locales *locales.Set
	limits  model.Limits
}

// newSession applies the project file to cmd's flags (the command line wins), then loads
// the locales and limits the flags ask for.
func newSession(cmd *cli.Command) (*session, error) {
	pf, err := loadProjectFile(cmd)
	if err != nil {
		return nil, err
	}
	if err := pf.apply(cmd); err != nil {
		return nil, err
	}
	s := &session{}
	if dir := cmd.String("locales"); dir != "" {
		s.locales, err = locales.LoadDir(dir)
	} else {
		s.locales, err = locales.Embedded()
	}
	if err != nil {
		return nil, usageError{err}
	}
	s.limits = model.Limits{
		MaxInputBytes:    sizeOf(cmd, "max-input-size"),
		MaxInflatedBytes: sizeOf(cmd, "max-inflated-size"),
		MaxPartBytes:     min(model.DefaultMaxPartBytes, sizeOf(cmd, "max-inflated-size")),
		MaxDepth:         cmd.Int("max-depth"),
		MaxBlocks:        cmd.Int("max-blocks"),
	}
	if s.limits.MaxInputBytes <= 0 || s.limits.MaxDepth <= 0 || s.limits.MaxInflatedBytes <= 0 || s.limits.MaxBlocks <= 0 {
		return nil, usagef("limits must be positive")
	}
	return s, nil
}

// registryOptions say which writers need expensive setup (fonts, a reference DOCX).
type registryOptions struct {
	needPDF      bool
	fonts        pdf.FontOptions
	referenceDoc []byte
	referenceNm  string
}

// buildRegistry registers every reader and writer. Fonts are loaded here, once per
// process, and only when a PDF is asked for.
func buildRegistry(o registryOptions) (*pipeline.Registry, error) {
	reg := pipeline.NewRegistry()
	reg.AddReader(notes.New(), "txt", "text")
	reg.AddReader(markdown.NewReader(), "md")
	reg.AddReader(docx.NewReader())
	reg.AddReader(html.NewReader(), "htm")
	reg.AddReader(scribejson.NewReader())
	reg.AddReader(mediawiki.NewReader(), "wiki")
	reg.AddReader(rst.NewReader(), "rest", "restructuredtext")
	addRefusals(reg)
	reg.AddWriter(scribejson.NewWriter())
	reg.AddWriter(markdown.NewWriter(), "markdown")
	reg.AddWriter(html.NewWriter(), "htm")
	dw, err := docx.NewWriter(docx.WriterOptions{ReferenceDoc: o.referenceDoc, ReferenceName: o.referenceNm})
	if err != nil {
		return nil, err
	}
	reg.AddWriter(dw, "word")
	// The PDF writer is always registered, so --to and its errors know every format, but
	// fonts are loaded (once per process) only when a PDF is asked for.
	var fonts *pdf.FontSet
	if o.needPDF {
		if fonts, err = pdf.LoadFonts(o.fonts); err != nil {
			return nil, err
		}
	}
	reg.AddWriter(pdf.NewWriter(pdf.Options{Fonts: fonts, Compress: true}))
	return reg, nil
}

// modelRunner is a runner for commands that need the document model only (inspect,
// extract): the readers and normalizers, no document writer.
func (s *session) modelRunner(cmd *cli.Command) (*pipeline.Runner, error) {
	reg, err := buildRegistry(registryOptions{})
	if err != nil {
		return nil, err
	}
	opts := s.baseRunnerOptions(cmd, reg)
	opts.To = []string{"json"}
	runner, err := pipeline.NewRunner(opts)
	if err != nil {
		return nil, usageError{err}
	}
	return runner, nil
}

// baseRunnerOptions fills what every command shares: formats, locales, metadata flags,
// limits, transforms.
func (s *session) baseRunnerOptions(cmd *cli.Command, reg *pipeline.Registry) pipeline.Options {
	return pipeline.Options{
		Registry:   reg,
		Locales:    s.locales,
		From:       cmd.String("from"),
		FormatOf:   sniff.FromExtension,
		Sniff:      sniff.Format,
		SourceLang: cmd.String("source-lang"),
		Meta: pipeline.MetaOverrides{
			Title:        cmd.String("title"),
			Body:         cmd.String("body"),
			Symbol:       cmd.String("symbol"),
			Distribution: cmd.String("distribution"),
			Original:     cmd.String("original"),
			JobNumber:    cmd.String("job"),
		},
		Limits:           s.limits,
		Strict:           cmd.Bool("strict"),
		Generator:        generator(),
		SourceTransforms: normalize.Source(),
		OutputTransforms: normalize.Output(),
	}
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH (seconds since 1970, UTC).
func sourceDateEpoch(env func(string) string) (*time.Time, error) {
	v := strings.TrimSpace(env("SOURCE_DATE_EPOCH"))
	if v == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return nil, usagef("SOURCE_DATE_EPOCH must be a whole number of seconds, got %q", v)
	}
	t := time.Unix(n, 0).UTC()
	return &t, nil
}

// splitList splits comma-separated flag values ("docx,pdf" or repeated flags).
func splitList(vals []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			p = strings.ToLower(strings.TrimSpace(p))
			if p != "" && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

func describeFormats(reg *pipeline.Registry) string {
	return fmt.Sprintf("inputs: %s; outputs: %s", strings.Join(reg.ReaderNames(), ", "), strings.Join(reg.WriterNames(), ", "))
}
