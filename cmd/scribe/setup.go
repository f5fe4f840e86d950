package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v3"
	"go.yaml.in/yaml/v3"

	"github.com/scribe-un/scribe/formats/docx"
	"github.com/scribe-un/scribe/formats/html"
	"github.com/scribe-un/scribe/formats/irc"
	scribejson "github.com/scribe-un/scribe/formats/json"
	"github.com/scribe-un/scribe/formats/markdown"
	"github.com/scribe-un/scribe/formats/mediawiki"
	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/formats/org"
	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/formats/rst"
	"github.com/scribe-un/scribe/formats/sniff"
	"github.com/scribe-un/scribe/internal/outfile"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

// session is what one command invocation loads once and shares across all its inputs.
type session struct {
	locales *locales.Set
	limits  model.Limits
	// files writes every file of the command; it knows the files the command reads (inputs,
	// project file, translations, reference document…) and never writes over them.
	files *outfile.Writer
	// env looks up environment variables (IO.Env).
	env func(string) string
}

// newSession applies the project file to cmd's flags (the command line wins), then loads
// the locales and limits the flags ask for, and sets the process's soft memory limit to
// --max-memory (unless GOMEMLIMIT is set), so the collector works harder before the
// estimates the runner checks are reached.
func newSession(cmd *cli.Command, stdio IO) (*session, error) {
	pf, err := loadProjectFile(cmd)
	if err != nil {
		return nil, err
	}
	if err := pf.apply(cmd); err != nil {
		return nil, err
	}
	if err := checkMetaFlags(cmd); err != nil {
		return nil, err
	}
	s := &session{files: outfile.New(), env: stdio.Env}
	s.files.AddInput(pf.path)
	if dir := cmd.String("locales"); dir != "" {
		s.locales, err = locales.LoadDir(dir)
	} else {
		s.locales, err = locales.Embedded()
	}
	if err != nil {
		return nil, usageError{err}
	}
	for _, flag := range []string{"source-lang", "original"} {
		if v := cmd.String(flag); v != "" {
			if _, err := s.locales.Lookup(v); err != nil {
				return nil, usagef("--%s: %v", flag, err)
			}
		}
	}
	s.limits = model.Limits{
		MaxInputBytes:    sizeOf(cmd, "max-input-size"),
		MaxInflatedBytes: sizeOf(cmd, "max-inflated-size"),
		MaxPartBytes:     min(model.DefaultMaxPartBytes, sizeOf(cmd, "max-inflated-size")),
		MaxDepth:         cmd.Int("max-depth"),
		MaxBlocks:        cmd.Int("max-blocks"),
		MaxMemory:        sizeOf(cmd, "max-memory"),
	}
	if s.limits.MaxInputBytes <= 0 || s.limits.MaxDepth <= 0 || s.limits.MaxInflatedBytes <= 0 || s.limits.MaxBlocks <= 0 || s.limits.MaxMemory < 0 {
		return nil, usagef("limits must be positive")
	}
	if s.limits.MaxMemory == 0 {
		s.limits.MaxMemory = pipeline.DefaultMaxMemory()
	}
	if stdio.SetMemoryLimit != nil && (stdio.Env == nil || stdio.Env("GOMEMLIMIT") == "") {
		stdio.SetMemoryLimit(s.limits.MaxMemory)
	}
	return s, nil
}

// registryOptions say which writers need expensive setup (fonts, a reference DOCX).
type registryOptions struct {
	needPDF bool
	fonts   pdf.FontOptions
	// fontSet, when set, is the font set already loaded from fonts.
	fontSet      *pdf.FontSet
	referenceDoc []byte
	referenceNm  string
	// emblem is the masthead's PNG (--emblem, or the reference document's); nil for none.
	emblem   []byte
	emblemNm string
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
	reg.AddReader(irc.NewReader(), "chat", "log")
	reg.AddReader(org.NewReader(), "orgmode", "org-mode")
	addRefusals(reg)
	reg.AddWriter(scribejson.NewWriter())
	reg.AddWriter(markdown.NewWriter(), "markdown")
	reg.AddWriter(html.NewWriter(), "htm")
	dw, err := docx.NewWriter(docx.WriterOptions{ReferenceDoc: o.referenceDoc, ReferenceName: o.referenceNm,
		Emblem: o.emblem, EmblemName: o.emblemNm})
	if err != nil {
		return nil, err
	}
	var emblem *pdf.Emblem
	if o.emblem != nil {
		if emblem, err = pdf.LoadEmblem(o.emblem, o.emblemNm); err != nil {
			return nil, err
		}
	}
	reg.AddWriter(dw, "word")
	// The PDF writer is always registered, so --to and its errors know every format, but
	// fonts are loaded (once per process) only when a PDF is asked for.
	fonts := o.fontSet
	if o.needPDF && fonts == nil {
		if fonts, err = pdf.LoadFonts(o.fonts); err != nil {
			return nil, err
		}
	}
	reg.AddWriter(pdf.NewWriter(pdf.Options{Fonts: fonts, Compress: true, Emblem: emblem}))
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
	// newSession has checked the per-language flags (checkMetaFlags).
	return pipeline.Options{
		Registry:         reg,
		Locales:          s.locales,
		From:             cmd.String("from"),
		FormatOf:         sniff.FromExtension,
		Sniff:            sniff.Format,
		ContentWins:      sniff.ContentWins,
		SourceLang:       cmd.String("source-lang"),
		Meta:             metaOverrides(cmd),
		Limits:           s.limits,
		Strict:           cmd.Bool("strict"),
		Generator:        generator(),
		Files:            s.files,
		SourceTransforms: normalize.Source(),
		OutputTransforms: normalize.Output(normalize.OutputOptions{}),
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

// metaOverrides reads the metadata flags. A flag given per language ('{en: …, fr: …}', or a
// mapping in the project file) sets the field for each version; parseMetaFlags has checked
// the syntax already.
func metaOverrides(cmd *cli.Command) pipeline.MetaOverrides {
	m := pipeline.MetaOverrides{
		Symbol:       cmd.String("symbol"),
		Distribution: cmd.String("distribution"),
		Original:     cmd.String("original"),
		JobNumber:    cmd.String("job"),
		Recycle:      cmd.Bool("please-recycle"),
	}
	for _, f := range localizedFlags {
		plain, byLang, _ := perLanguage(cmd.String(f.flag))
		if byLang != nil {
			if m.Localized == nil {
				m.Localized = map[string]map[string]string{}
			}
			m.Localized[f.field] = byLang
			continue
		}
		*f.dst(&m) = plain
	}
	return m
}

// localizedFlags are the metadata flags that may be given per language, with the metadata
// field each sets.
var localizedFlags = []struct {
	flag, field string
	dst         func(*pipeline.MetaOverrides) *string
}{
	{"title", "title", func(m *pipeline.MetaOverrides) *string { return &m.Title }},
	{"subtitle", "subtitle", func(m *pipeline.MetaOverrides) *string { return &m.Subtitle }},
	{"body", "body", func(m *pipeline.MetaOverrides) *string { return &m.Body }},
	{"session", "session", func(m *pipeline.MetaOverrides) *string { return &m.Session }},
	{"agenda-item", "agendaItem", func(m *pipeline.MetaOverrides) *string { return &m.AgendaItem }},
}

// checkMetaFlags checks the per-language flags' syntax, so a typo is a usage error naming
// the flag rather than a masthead printing braces.
func checkMetaFlags(cmd *cli.Command) error {
	for _, f := range localizedFlags {
		if _, _, err := perLanguage(cmd.String(f.flag)); err != nil {
			return usagef("--%s: %v", f.flag, err)
		}
	}
	return nil
}

// perLanguage reads a flag value that is either plain text or a YAML mapping of language
// tags to text ('{en: General Assembly, fr: Assemblée générale}'). byLang is nil for plain
// text.
func perLanguage(v string) (plain string, byLang map[string]string, err error) {
	t := strings.TrimSpace(v)
	if !strings.HasPrefix(t, "{") {
		return v, nil, nil
	}
	m := map[string]string{}
	if err := yaml.Unmarshal([]byte(t), &m); err != nil {
		return "", nil, fmt.Errorf("expected text or {lang: text, …}, got %q", v)
	}
	m, err = model.LocalizedTags(m)
	if err != nil {
		return "", nil, err
	}
	return "", m, nil
}
