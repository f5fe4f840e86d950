package serve

import (
	"net/http"
	"strings"

	"github.com/scribe-un/scribe/formats/xliff"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/translate"
)

// runnerOptions fills the server's shared runner options with what the request asks for:
// formats, languages, metadata, strictness and translations. Unknown formats and languages
// are refused here, before any work, with the CLI's messages.
func (s *Server) runnerOptions(req *request, to []string) (pipeline.Options, error) {
	opts := s.opts.Runner
	p := req.params
	opts.To = to
	for _, f := range to {
		if _, err := opts.Registry.Writer(f); err != nil {
			return opts, badRequest("unknown-format", "scribe serve: %v", err)
		}
	}
	if from := strings.TrimSpace(p.Get("from")); from != "" {
		if _, err := opts.Registry.Reader(from); err != nil {
			return opts, &httpError{status: http.StatusUnsupportedMediaType, code: "unknown-format", msg: "scribe serve: " + err.Error()}
		}
		opts.From = from
	}
	langs, err := s.langList(p.Get("lang"))
	if err != nil {
		return opts, err
	}
	opts.Langs = langs
	if sl := strings.TrimSpace(p.Get("source-lang")); sl != "" {
		if _, err := s.locales().Lookup(sl); err != nil {
			return opts, badRequest("language", "scribe serve: source-lang: %v", err)
		}
		opts.SourceLang = sl
	}
	if o := strings.TrimSpace(p.Get("original")); o != "" {
		if _, err := s.locales().Lookup(o); err != nil {
			return opts, badRequest("language", "scribe serve: original: %v", err)
		}
	}
	body := p.Get("body")
	if body == "" {
		body = p.Get("organ")
	}
	// The request's values win over the server's defaults (its flags and project file).
	m := &opts.Meta
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&m.Title, p.Get("title")}, {&m.Body, body}, {&m.Symbol, p.Get("symbol")},
		{&m.Distribution, p.Get("distribution")}, {&m.Original, p.Get("original")}, {&m.JobNumber, p.Get("job")},
		{&m.Session, p.Get("session")}, {&m.AgendaItem, p.Get("agenda-item")},
	} {
		if v := field(f.v); v != "" {
			*f.dst = v
		}
	}
	strict, err := boolParam(p.Get("strict"), "strict")
	if err != nil {
		return opts, err
	}
	// The server's own strictness (the project file's) cannot be turned off per request.
	opts.Strict = opts.Strict || strict
	drafts, err := boolParam(p.Get("accept-drafts"), "accept-drafts")
	if err != nil {
		return opts, err
	}
	if len(req.translations) > 0 {
		if opts.Translate, err = s.translator(req.translations, langs, drafts, opts.Strict); err != nil {
			return opts, err
		}
	}
	return opts, nil
}

// langList splits and checks a comma-separated list of languages ("fr,es" or "fr-CA"),
// giving their base tags.
func (s *Server) langList(v string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, l := range strings.Split(v, ",") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		loc, err := s.locales().Lookup(l)
		if err != nil {
			return nil, badRequest("language", "scribe serve: %v", err)
		}
		if !seen[loc.Tag] {
			seen[loc.Tag] = true
			out = append(out, loc.Tag)
		}
	}
	return out, nil
}

// formatList splits a comma-separated list of output formats.
func formatList(v string) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range strings.Split(v, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// field cleans a metadata value typed into a form: one line, no surrounding space.
func field(v string) string { return strings.Join(strings.Fields(v), " ") }

func boolParam(v, name string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no", "off":
		return false, nil
	case "1", "true", "yes", "on":
		return true, nil
	}
	return false, badRequest("bad-request", "scribe serve: %s must be true or false, got %q", name, v)
}

// translator reads the uploaded XLIFF files as `convert --translations` reads its files:
// one input, so each file is matched to it by fingerprint, name, or as the lone file of its
// language; a file's language comes from the file, its name, or the one output language.
func (s *Server) translator(files []upload, langs []string, drafts, strict bool) (pipeline.Translator, error) {
	cfs := make([]translate.CatalogFile, 0, len(files))
	for _, f := range files {
		tr, err := xliff.ReadTranslations(f.data, xliff.ReadOptions{Name: f.name, Limits: s.opts.Runner.Limits, AcceptDrafts: drafts})
		if err != nil {
			return nil, err
		}
		cfs = append(cfs, translate.CatalogFile{Translations: tr, Explicit: true})
	}
	cat, err := translate.NewCatalog(cfs, translate.CatalogOptions{
		Langs: langs, Inputs: 1, Locales: s.opts.Runner.Locales,
		Apply: translate.ApplyOptions{Strict: strict, Locales: s.opts.Runner.Locales},
	})
	if err != nil {
		return nil, err
	}
	return cat.Translator(), nil
}
