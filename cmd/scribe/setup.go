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
	"github.com/scribe-un/scribe/formats/sniff"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

// Flags shared by the commands that read notes.
func readFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "project file with defaults (default: ./scribe.yaml when present)", TakesFile: true},
		&cli.StringFlag{Name: "from", Usage: "input format: notes, markdown, docx, html, json, mediawiki (default: by extension, then by content)"},
		&cli.StringFlag{Name: "source-lang", Usage: "language of the notes (default: front matter, else detected from the script)"},
		&cli.StringFlag{Name: "locales", Usage: "folder of corrected locale files (<lang>.yaml) overlaid on the built-in ones", TakesFile: true},
		&cli.StringFlag{Name: "title", Usage: "report title (overrides the notes)"},
		&cli.StringFlag{Name: "body", Usage: "organ or body that met, printed on the masthead"},
		&cli.StringFlag{Name: "symbol", Usage: "document symbol, e.g. A/HRC/59/1; {stem} and {yyyy} are replaced"},
		&cli.StringFlag{Name: "distribution", Usage: "General, Limited or Restricted (or your own line)"},
		&cli.StringFlag{Name: "original", Usage: "original language of the notes, for the masthead"},
		&cli.StringFlag{Name: "job", Usage: "UN job number for the footer, e.g. 05-35610"},
		&cli.Int64Flag{Name: "max-input-size", Usage: "largest input file accepted, in bytes", Value: model.DefaultMaxInputBytes},
		&cli.Int64Flag{Name: "max-inflated-size", Usage: "largest total inflated size of a DOCX input, in bytes", Value: model.DefaultMaxInflatedBytes},
		&cli.IntFlag{Name: "max-depth", Usage: "deepest nesting accepted (lists, XML elements)", Value: model.DefaultMaxDepth},
		&cli.IntFlag{Name: "max-blocks", Usage: "most paragraphs, headings and list items accepted in one document", Value: model.DefaultMaxBlocks},
		&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print warnings and internal details"},
	}
}

// session is what one command invocation loads once and shares across all its inputs.
type session struct {
	cfg     *Config
	locales *locales.Set
	limits  model.Limits
}

func newSession(cmd *cli.Command) (*session, error) {
	cfg, err := loadConfig(cmd.String("config"))
	if err != nil {
		return nil, err
	}
	s := &session{cfg: cfg}
	dir := pick(cmd, "locales", cfg.Locales)
	if dir != "" {
		s.locales, err = locales.LoadDir(dir)
	} else {
		s.locales, err = locales.Embedded()
	}
	if err != nil {
		return nil, err
	}
	s.limits = model.Limits{
		MaxInputBytes:    cmd.Int64("max-input-size"),
		MaxInflatedBytes: cmd.Int64("max-inflated-size"),
		MaxPartBytes:     min(model.DefaultMaxPartBytes, cmd.Int64("max-inflated-size")),
		MaxDepth:         cmd.Int("max-depth"),
		MaxBlocks:        cmd.Int("max-blocks"),
	}
	if s.limits.MaxInputBytes <= 0 || s.limits.MaxDepth <= 0 || s.limits.MaxInflatedBytes <= 0 || s.limits.MaxBlocks <= 0 {
		return nil, usagef("limits must be positive")
	}
	return s, nil
}

// pick returns the flag's value when the user set it, else the project file's value.
func pick(cmd *cli.Command, flag, fromConfig string) string {
	if cmd.IsSet(flag) {
		return cmd.String(flag)
	}
	return fromConfig
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
	reg.AddWriter(scribejson.NewWriter())
	reg.AddWriter(markdown.NewWriter(), "markdown")
	reg.AddWriter(html.NewWriter(), "htm")
	dw, err := docx.NewWriter(docx.WriterOptions{ReferenceDoc: o.referenceDoc, ReferenceName: o.referenceNm})
	if err != nil {
		return nil, err
	}
	reg.AddWriter(dw, "word")
	if o.needPDF {
		fonts, err := pdf.LoadFonts(o.fonts)
		if err != nil {
			return nil, err
		}
		reg.AddWriter(pdf.NewWriter(pdf.Options{Fonts: fonts, Compress: true}))
	}
	return reg, nil
}

// baseRunnerOptions fills what every command shares: formats, locales, metadata flags,
// limits, transforms.
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

func (s *session) baseRunnerOptions(cmd *cli.Command, reg *pipeline.Registry) pipeline.Options {
	c := s.cfg
	return pipeline.Options{
		Registry:   reg,
		Locales:    s.locales,
		From:       pick(cmd, "from", ""),
		FormatOf:   sniff.FromExtension,
		Sniff:      sniff.Format,
		SourceLang: pick(cmd, "source-lang", c.SourceLang),
		Meta: pipeline.MetaOverrides{
			Title:        cmd.String("title"),
			Body:         pick(cmd, "body", c.Organ),
			Symbol:       pick(cmd, "symbol", c.Symbol),
			Distribution: pick(cmd, "distribution", c.Distribution),
			Original:     cmd.String("original"),
			JobNumber:    cmd.String("job"),
		},
		Limits:           s.limits,
		Strict:           cmd.Bool("strict") || c.Strict,
		Generator:        "scribe " + version,
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
