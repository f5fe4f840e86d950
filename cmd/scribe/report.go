package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/internal/outfile"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/translate"
)

// ReportSchema names the version of the --report JSON. The schema is documented in
// README.md ("Run report"); fields are only ever added within a version.
const ReportSchema = "scribe-report/1"

// runReport is the --report file: one entry per input, in input order, and totals.
type runReport struct {
	Schema    string            `json:"schema"`
	Version   string            `json:"scribeVersion"`
	Build     buildInfo         `json:"build"`
	Formats   []string          `json:"formats"`
	Languages []string          `json:"languages"`
	Inputs    []pipeline.Result `json:"inputs"`
	// Translations lists the --translations files and the inputs each was applied to.
	Translations []translate.Use `json:"translations,omitempty"`
	// Fonts are the faces the PDF outputs embed, each once, in order of first use.
	Fonts []model.FontUse `json:"fonts"`
	// PerLanguage totals the versions of each language actually written.
	PerLanguage map[string]*languageTotals `json:"perLanguage"`
	Totals      reportTotals               `json:"totals"`
	order       map[string]int
}

type reportTotals struct {
	Inputs     int     `json:"inputs"`
	Converted  int     `json:"converted"`
	Failed     int     `json:"failed"`
	Skipped    int     `json:"skipped"`
	Outputs    int     `json:"outputs"`
	Bytes      int     `json:"bytes"`
	Warnings   int     `json:"warnings"`
	DurationMs float64 `json:"durationMs"`
}

// languageTotals describe the versions of one language in a run: each input's version is
// counted once, whatever the number of formats.
type languageTotals struct {
	Versions int `json:"versions"`
	// Pages sums the pages of the PDF outputs.
	Pages int `json:"pages"`
	Words int `json:"words"`
	// Untranslated is the share of the versions' text blocks left in the notes' language,
	// averaged over the versions (1: none was translated).
	Untranslated float64 `json:"untranslated"`
}

func newReport(opts pipeline.Options, inputs []input) *runReport {
	r := &runReport{Schema: ReportSchema, Version: readBuild().Version, Build: readBuild(), Formats: opts.To, Languages: opts.Langs, order: map[string]int{}}
	for i, in := range inputs {
		r.order[in.path] = i
	}
	return r
}

func (r *runReport) add(res pipeline.Result) {
	if res.Warnings == nil {
		res.Warnings = []model.Diagnostic{}
	}
	if res.Outputs == nil {
		res.Outputs = []pipeline.Output{}
	}
	r.Inputs = append(r.Inputs, res)
}

func (r *runReport) write(files *outfile.Writer, path string, elapsed time.Duration) error {
	sort.SliceStable(r.Inputs, func(i, j int) bool { return r.order[r.Inputs[i].Input] < r.order[r.Inputs[j].Input] })
	t := reportTotals{Inputs: len(r.order), DurationMs: float64(elapsed.Microseconds()) / 1000}
	for _, in := range r.Inputs {
		switch {
		case in.Skipped:
			t.Skipped++
		case in.Err != nil:
			t.Failed++
		default:
			t.Converted++
		}
		t.Outputs += len(in.Outputs)
		for _, o := range in.Outputs {
			t.Bytes += o.Bytes
		}
		t.Warnings += len(in.Warnings)
	}
	r.Totals = t
	r.summarizeLanguages()
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return files.WriteFile(path, append(data, '\n'))
}

// summarizeLanguages fills Languages (those actually written, in the UN order), PerLanguage
// and Fonts from the outputs.
func (r *runReport) summarizeLanguages() {
	r.PerLanguage = map[string]*languageTotals{}
	r.Fonts = []model.FontUse{}
	seenFont := map[model.FontUse]bool{}
	shares := map[string]float64{}
	for _, in := range r.Inputs {
		counted := map[string]bool{}
		for _, o := range in.Outputs {
			lt := r.PerLanguage[o.Lang]
			if lt == nil {
				lt = &languageTotals{}
				r.PerLanguage[o.Lang] = lt
			}
			lt.Pages += o.Pages
			if !counted[o.Lang] {
				counted[o.Lang] = true
				lt.Versions++
				lt.Words += o.Words
				shares[o.Lang] += o.Untranslated
			}
			for _, f := range o.Fonts {
				if !seenFont[f] {
					seenFont[f] = true
					r.Fonts = append(r.Fonts, f)
				}
			}
		}
	}
	r.Languages = []string{}
	for _, l := range locales.Supported {
		if lt := r.PerLanguage[l]; lt != nil {
			lt.Untranslated = math.Round(shares[l]/float64(lt.Versions)*1000) / 1000
			r.Languages = append(r.Languages, l)
		}
	}
}

// sourceTextVersions counts, per language, the versions written without any translation:
// the notes' text under the language's labels and numbering. They are not warnings (so
// --strict accepts them); one line after the run says which languages they are.
type sourceTextVersions map[string]int

func (s sourceTextVersions) add(r pipeline.Result) {
	seen := map[string]bool{}
	for _, o := range r.Outputs {
		if o.Untranslated >= 1 && !seen[o.Lang] {
			seen[o.Lang] = true
			s[o.Lang]++
		}
	}
}

func (s sourceTextVersions) print(stdio IO) {
	if len(s) == 0 {
		return
	}
	var parts []string
	for _, l := range locales.Supported {
		if n := s[l]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s (%d)", l, n))
		}
	}
	fmt.Fprintf(stdio.Err, "note: versions in the notes' language, no translation given: %s; --translations brings translated text, --report gives the untranslated share per language\n", strings.Join(parts, ", "))
}

// fontKey identifies the faces PDF outputs would be typeset with on this machine, for
// --skip-unchanged: for each output language (all six when the notes decide), the family
// and file chosen for body and headings, with the file's size and time. Embedded faces
// change only with the build, which the manifest's code key covers. "" without PDF output.
func fontKey(fs *pdf.FontSet, set *locales.Set, langs []string) string {
	if fs == nil {
		return ""
	}
	if len(langs) == 0 {
		langs = locales.Supported
	}
	var parts []string
	for _, l := range langs {
		loc, err := set.Lookup(l)
		if err != nil {
			continue
		}
		for _, c := range fs.Choose(loc) {
			p := loc.Tag + ":" + c.Role + ":" + c.Family + ":" + c.Source + ":" + c.File
			if fi, err := os.Stat(c.File); c.File != "" && err == nil {
				p += fmt.Sprintf(":%d:%d", fi.Size(), fi.ModTime().UnixNano())
			}
			parts = append(parts, p)
		}
	}
	s := sha256.Sum256([]byte(strings.Join(parts, "\n")))
	return hex.EncodeToString(s[:])
}

// manifest records, in the output folder, what produced each output, so --skip-unchanged
// can skip inputs whose outputs are up to date.
type manifest struct {
	path    string
	options string
	// maxInput is the input size limit: a larger input is never up to date.
	maxInput int64
	Entries  map[string]manifestEntry `json:"entries"`
	Options  string                   `json:"options"`
	// Code identifies the scribe build (its VCS revision, or the executable's hash).
	Code string `json:"code"`
}

type manifestEntry struct {
	InputSHA256 string            `json:"inputSha256"`
	Outputs     []pipeline.Output `json:"outputs"`
}

const manifestName = ".scribe-manifest.json"

// maxManifestBytes bounds the manifest read back: a tampered one must not make a run read
// forever. A manifest takes about a kilobyte per input.
const maxManifestBytes = 1 << 30

func loadManifest(outDir, options string, maxInput int64) *manifest {
	m := &manifest{path: filepath.Join(outDir, manifestName), options: options, maxInput: maxInput, Entries: map[string]manifestEntry{}}
	data, err := outfile.ReadRegular(m.path, maxManifestBytes)
	if err != nil {
		return m
	}
	var old manifest
	if json.Unmarshal(data, &old) == nil && old.Options == options && old.Code == readBuild().codeKey() && old.Entries != nil {
		m.Entries = old.Entries
	}
	return m
}

// upToDate reports whether the job's input is unchanged since its outputs were written
// with the same version and options, and the outputs are intact.
func (m *manifest) upToDate(job pipeline.Job) bool {
	if job.Path == "-" {
		return false
	}
	e, ok := m.Entries[absPath(job.Path)]
	if !ok || len(e.Outputs) == 0 {
		return false
	}
	sum, err := fileSHA256(job.Path, m.maxInput)
	if err != nil || sum != e.InputSHA256 {
		return false
	}
	for _, o := range e.Outputs {
		if s, err := fileSHA256(o.Path, int64(o.Bytes)); err != nil || s != o.SHA256 {
			return false
		}
	}
	return true
}

func (m *manifest) record(r pipeline.Result) {
	if r.Input == "-" {
		return
	}
	sum, err := fileSHA256(r.Input, m.maxInput)
	if err != nil {
		return
	}
	m.Entries[absPath(r.Input)] = manifestEntry{InputSHA256: sum, Outputs: r.Outputs}
}

func (m *manifest) save(files *outfile.Writer) error {
	m.Options, m.Code = m.options, readBuild().codeKey()
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return files.WriteFile(m.path, data)
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// maxFontBytes bounds a font file hashed for the manifest's fingerprint.
const maxFontBytes = 1 << 30

// fileSHA256 hashes a regular file of at most limit bytes. A path that a tampered
// manifest points at a special file (/dev/zero) or at a huge file is an error, not a read
// that never ends.
func fileSHA256(path string, limit int64) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", err
	}
	if !fi.Mode().IsRegular() || fi.Size() > limit {
		return "", fmt.Errorf("%s: not a regular file of at most %d bytes", path, limit)
	}
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(f, limit+1))
	if err != nil {
		return "", err
	}
	if n > limit {
		return "", fmt.Errorf("%s: more than %d bytes", path, limit)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// optionsFingerprint identifies everything that changes outputs: formats, languages,
// metadata, translations, fonts, template, locales, SOURCE_DATE_EPOCH.
func optionsFingerprint(cmd *cli.Command, opts pipeline.Options, translations, fonts string) string {
	var parts []string
	for _, name := range []string{"from", "source-lang", "locales", "title", "body", "symbol", "distribution", "original", "job", "reference-doc", "accept-drafts", "strict"} {
		parts = append(parts, name+"="+fmt.Sprint(cmd.Value(name)))
	}
	parts = append(parts, "translations="+translations, "fonts="+fonts)
	for _, name := range []string{"font", "font-dir"} {
		vals := cmd.StringSlice(name)
		for _, v := range vals {
			if s, err := fileSHA256(v, maxFontBytes); err == nil {
				parts = append(parts, name+"="+v+"@"+s)
			} else {
				parts = append(parts, name+"="+v)
			}
		}
	}
	parts = append(parts, "to="+strings.Join(opts.To, ","), "lang="+strings.Join(opts.Langs, ","))
	if opts.SourceDateEpoch != nil {
		parts = append(parts, "epoch="+opts.SourceDateEpoch.String())
	}
	s := sha256.Sum256([]byte(strings.Join(parts, "\n")))
	return hex.EncodeToString(s[:])
}
