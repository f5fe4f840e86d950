package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/scribe-un/scribe/internal/outfile"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// MetaOverrides are metadata given on the command line or in the project file; a non-empty
// field replaces what the notes say.
type MetaOverrides struct {
	Title, Body, Symbol, Distribution, Original, JobNumber string
	// Session and AgendaItem name the session and the agenda item the report belongs to.
	Session, AgendaItem string
	// Subtitle is printed under the title.
	Subtitle string
	// Localized gives fields per language (--body '{en: …, fr: …}'): field ("title",
	// "subtitle", "body", "session", "agendaItem"), then language.
	Localized map[string]map[string]string
	// Recycle prints "Please recycle" at the foot of the first page.
	Recycle bool
}

// Translator supplies the translated text of a document for one output language. It is
// called on the language's clone, after the source transforms and before numbering; it
// returns how many blocks stay untranslated. A nil Translator leaves the text as written.
type Translator func(ctx context.Context, doc *model.Document, lang string, warn *model.Warnings) (untranslated int, err error)

// Options configure a Runner. Fields are read-only once the runner starts, and shared by
// every worker of a batch.
type Options struct {
	// Registry holds the readers and writers; required.
	Registry *Registry
	// Locales is the locale data (embedded, or overlaid with --locales); required.
	Locales *locales.Set
	// From forces the input format ("notes", "docx"…); empty means by extension, then by
	// content.
	From string
	// FormatOf maps a path to a format by extension ("" when unknown); Sniff guesses a format
	// from content ("" when unknown). Both optional.
	FormatOf func(path string) string
	Sniff    func(data []byte) string
	// ContentWins, when set, says whether the format found in the content beats the one
	// the extension names (a MediaWiki page saved as .md). A Word file always wins.
	ContentWins func(byExt, byContent string) bool
	// To lists the output formats, in order.
	To []string
	// Langs lists the output languages; empty means the language of the notes.
	Langs []string
	// SourceLang states the language of the notes (--source-lang).
	SourceLang string
	Meta       MetaOverrides
	Limits     model.Limits
	// Strict turns warnings into errors (--strict).
	Strict bool
	// SourceDateEpoch, when non-nil, fixes every timestamp in the outputs (the
	// SOURCE_DATE_EPOCH convention). Otherwise the meeting date is used, then
	// 1 January 1980, so outputs are repeatable by default.
	SourceDateEpoch *time.Time
	// Generator is "scribe <version>", stamped into document properties.
	Generator string
	// SourceTransforms run once per input; OutputTransforms per output language.
	SourceTransforms, OutputTransforms []model.Transform
	// Translate supplies translations; nil keeps the text as written.
	Translate Translator
	// Stdout receives the output when OutDir is "-".
	Stdout io.Writer
	// Render makes the files of each input from its parsed document; nil renders the
	// version in each of Langs with each writer of To.
	Render Renderer
	// Files writes the output files; it knows the run's inputs, which are never written
	// over. nil gives the runner a writer of its own.
	Files *outfile.Writer
	// AfterParse, when set, is called once an input is parsed, before its files are
	// rendered; scribe's command uses it to prepare the heap of a one-input run for the
	// writers.
	AfterParse func()
	// DocumentRead, when set, is passed to the writer of an input's last output (see
	// model.WriteOptions.DocumentRead): nothing holds the document any more once it is
	// called. scribe's command collects garbage there after a long input.
	DocumentRead func()
}

// ErrNoFormat is returned by NewRunner when Options give no output format.
var ErrNoFormat = &model.Error{Stage: "scribe", Err: errors.New("no output format given"), Setting: model.SettingFormats}

// Renderer makes the files of one input from its parsed document (after the source
// transforms). The default renders each output language's version with each writer;
// extraction renders one XLIFF file per target language instead, and shares everything
// else (reading, limits, batch, commit, report) with conversion.
type Renderer func(ctx context.Context, r *Runner, doc *model.Document, warn *model.Warnings) ([]Rendition, error)

// Rendition is one file made from an input. The runner names it <stem>.<Lang><Ext> in the
// job's output folder.
type Rendition struct {
	Format, Lang, Ext string
	Data              []byte
	// Facts are what the report says about the file besides its path, size and hash.
	Facts Output
}

// Job is one input of a batch.
type Job struct {
	// Path is the input file ("-" for standard input).
	Path string
	// Data is the input's content when already read (standard input); nil means read Path.
	Data []byte
	// OutDir is the folder outputs go to ("-" for standard output).
	OutDir string
	// OutFile, when set, is the path of the job's one output (pandoc's "-o report.pdf"):
	// the caller asks for one format and one language, and sets OutDir to its folder.
	OutFile string
	// RelDir is the input's folder relative to the root it was found under, so outputs can
	// mirror the input tree under OutDir ("" for the top).
	RelDir string
	// Sink, when set, receives the outputs instead of the file system (OutDir is then
	// ignored): once every output of the input has been rendered, in order, so it sees all of
	// them or none. A server uses it to answer a request without touching the disk.
	Sink func(File) error
}

// File is one rendered output handed to a Job's Sink. Name is "<stem>.<lang><ext>", a bare
// file name with no folder.
type File struct {
	Name, Format, Lang string
	Data               []byte
}

// Output is one file a conversion wrote.
type Output struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	Lang   string `json:"lang"`
	Bytes  int    `json:"bytes"`
	SHA256 string `json:"sha256"`
	// Pages is the page count of a PDF.
	Pages int `json:"pages,omitempty"`
	// Words counts the words of the version (each Chinese character counts as one).
	Words int `json:"words"`
	// Untranslated is the share, from 0 to 1, of the version's text blocks left in the
	// notes' language: 1 for a version in another language without a translation file.
	Untranslated float64 `json:"untranslated"`
	// Fonts are the font faces a PDF embeds.
	Fonts []model.FontUse `json:"fonts,omitempty"`
}

// Result is the outcome of one input.
type Result struct {
	Input    string             `json:"input"`
	Format   string             `json:"format,omitempty"`
	Outputs  []Output           `json:"outputs"`
	Warnings []model.Diagnostic `json:"warnings"`
	Duration time.Duration      `json:"-"`
	Millis   float64            `json:"durationMs"`
	Err      error              `json:"-"`
	Error    string             `json:"error,omitempty"`
	// Stack is the stack of a recovered panic, for --verbose.
	Stack   string `json:"-"`
	Skipped bool   `json:"skipped,omitempty"`
}

// Runner converts inputs with fixed options. It holds no per-conversion state, so one
// Runner serves every worker of a batch concurrently.
type Runner struct {
	opts  Options
	files *outfile.Writer
	mem   *budget // Limits.MaxMemory, shared by the inputs in flight
}

// NewRunner checks the options (formats and languages exist) and returns a runner.
func NewRunner(opts Options) (*Runner, error) {
	if opts.Registry == nil || opts.Locales == nil {
		return nil, errors.New("pipeline: Options.Registry and Options.Locales are required")
	}
	if opts.From != "" {
		if _, err := opts.Registry.Reader(opts.From); err != nil {
			return nil, err
		}
	}
	if len(opts.To) == 0 && opts.Render == nil {
		return nil, ErrNoFormat
	}
	for _, f := range opts.To {
		if _, err := opts.Registry.Writer(f); err != nil {
			return nil, err
		}
	}
	for _, l := range opts.Langs {
		if _, err := opts.Locales.Lookup(l); err != nil {
			return nil, err
		}
	}
	for _, l := range []string{opts.SourceLang, opts.Meta.Original} {
		if l != "" {
			if _, err := opts.Locales.Lookup(l); err != nil {
				return nil, err
			}
		}
	}
	opts.Limits = opts.Limits.WithDefaults()
	if opts.Limits.MaxMemory <= 0 {
		opts.Limits.MaxMemory = DefaultMaxMemory()
	}
	files := opts.Files
	if files == nil {
		files = outfile.New()
	}
	return &Runner{opts: opts, files: files, mem: newBudget(opts.Limits.MaxMemory)}, nil
}

// Options returns the runner's options (read-only).
func (r *Runner) Options() Options { return r.opts }

// rendered is an output held in memory until every output of the input succeeded, so a
// failing input leaves no partial files.
type rendered struct {
	Rendition
	path string
}

// output describes the rendered file once written at path.
func (o rendered) output(path string) Output {
	out := o.Facts
	out.Path, out.Format, out.Lang, out.Bytes, out.SHA256 = path, o.Format, o.Lang, len(o.Data), sha256Hex(o.Data)
	return out
}

// Convert reads, normalizes and writes one input. A panic anywhere inside becomes the
// input's error (its stack kept in Result.Stack), so one bad input never stops a batch.
func (r *Runner) Convert(ctx context.Context, job Job) (res Result) {
	start := time.Now()
	res.Input = job.Path
	warn := &model.Warnings{}
	defer func() {
		res.Warnings = warn.List()
		res.Duration = time.Since(start)
		res.Millis = float64(res.Duration.Microseconds()) / 1000
		if res.Err != nil {
			res.Error = res.Err.Error()
		}
	}()
	// The job's boundary: a panic anywhere in reading, normalizing or writing fails this
	// input alone, with its stack kept for --verbose.
	defer func() {
		var pe *model.PanicError
		if errors.As(res.Err, &pe) {
			res.Err = &model.Error{Stage: "scribe", Pos: model.Pos{File: job.Path}, Err: pe}
			res.Stack = string(pe.Stack)
			res.Outputs = nil
		}
	}()
	defer model.Recover(&res.Err)
	outs, format, err := r.render(ctx, job, warn)
	res.Format = format
	if err != nil {
		res.Err = err
		return res
	}
	if r.opts.Strict && warn.Len() > 0 {
		first := warn.List()[0]
		res.Err = &model.Error{Stage: first.Stage, Pos: first.Pos, Err: fmt.Errorf("%w: %s (and %d more)", model.ErrStrict, first.Message, warn.Len()-1)}
		if warn.Len() == 1 {
			res.Err = &model.Error{Stage: first.Stage, Pos: first.Pos, Err: fmt.Errorf("%w: %s", model.ErrStrict, first.Message)}
		}
		return res
	}
	written, err := r.commit(ctx, job, outs)
	res.Outputs = written
	if err != nil {
		res.Err = err
	}
	return res
}

// Parse reads one input and runs the source transforms: the document before any
// language-specific numbering. `scribe inspect` and `scribe extract` start from here.
func (r *Runner) Parse(ctx context.Context, job Job, warn *model.Warnings) (*model.Document, string, error) {
	size := int64(len(job.Data))
	if job.Data == nil {
		if fi, err := os.Stat(job.Path); err == nil && fi.Mode().IsRegular() {
			size = min(fi.Size(), r.opts.Limits.MaxInputBytes)
		}
	}
	release, err := r.reserve(ctx, job.Path, "reading it", readNeed(size))
	if err != nil {
		return nil, "", err
	}
	defer release()
	data := job.Data
	if data == nil {
		data, err = readLimited(job.Path, r.opts.Limits.MaxInputBytes)
		if err != nil {
			return nil, "", err
		}
	}
	format, err := r.chooseFormat(job.Path, data, warn)
	if err != nil {
		return nil, "", err
	}
	rd, err := r.opts.Registry.Reader(format)
	if err != nil {
		return nil, format, err
	}
	doc, err := rd.Read(ctx, data, model.ReadOptions{Name: job.Path, Limits: r.opts.Limits, Warnings: warn, SourceLang: r.opts.SourceLang, Locales: r.opts.Locales})
	if err != nil {
		return nil, format, err
	}
	if n := countBlocks(doc.Blocks); n > r.opts.Limits.MaxBlocks {
		return nil, format, model.Errorf("scribe", model.Pos{File: job.Path}, model.ErrTooLarge, "%d blocks (paragraphs, headings, items), limit %d", n, r.opts.Limits.MaxBlocks).WithSetting(model.SettingMaxBlocks)
	}
	r.applyOverrides(doc, warn)
	env := &model.Env{Locales: r.opts.Locales, Warnings: warn}
	for _, t := range r.opts.SourceTransforms {
		if err := ctx.Err(); err != nil {
			return nil, format, err
		}
		if err := t.Apply(ctx, doc, env); err != nil {
			return nil, format, wrapStage(t.Name(), job.Path, err)
		}
	}
	return doc, format, nil
}

// Localize makes the version of a parsed document in one language: a clone, translated when
// a Translator is set, numbered and localized by the output transforms.
func (r *Runner) Localize(ctx context.Context, doc *model.Document, lang string, warn *model.Warnings) (*model.Document, *locales.Locale, error) {
	return r.localize(ctx, doc, lang, warn, false)
}

// localize is Localize; inPlace makes the version of doc itself instead of a clone, for the
// last version of a document nothing else will read (a clone is about as large as the
// document, which is most of what a long input holds in memory).
func (r *Runner) localize(ctx context.Context, doc *model.Document, lang string, warn *model.Warnings, inPlace bool) (*model.Document, *locales.Locale, error) {
	loc, err := r.opts.Locales.Lookup(lang)
	if err != nil {
		return nil, nil, &model.Error{Stage: "scribe", Pos: model.Pos{File: doc.Source}, Err: err}
	}
	v := doc
	if !inPlace {
		v = doc.Clone()
	}
	v.Meta.Lang = loc.Tag
	untranslated := 0
	switch {
	case r.opts.Translate != nil:
		untranslated, err = r.opts.Translate(ctx, v, loc.Tag, warn)
		if err != nil {
			return nil, nil, wrapStage("translate", doc.Source, err)
		}
	case baseLang(doc.Meta.OriginalLang) != "" && baseLang(doc.Meta.OriginalLang) != loc.Tag:
		// A version asked for without any translation is a deliberate source-text version
		// (labels, numbering and dates of the language, text of the notes): not a warning,
		// so --strict keeps its meaning for incomplete translations; Result.Outputs report
		// the untranslated share.
		untranslated = CountTranslatable(v.Blocks)
	}
	env := &model.Env{Locales: r.opts.Locales, Locale: loc, Warnings: warn}
	for _, t := range r.opts.OutputTransforms {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if err := t.Apply(ctx, v, env); err != nil {
			return nil, nil, wrapStage(t.Name(), doc.Source, err)
		}
	}
	v.Present.Untranslated = untranslated
	return v, loc, nil
}

func baseLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	return tag
}

// countBlocks counts every block, nested ones included.
func countBlocks(blocks []model.Block) int {
	n := 0
	model.Walk(blocks, func(model.Block) bool { n++; return true })
	return n
}

// untranslatedShare is the share of a version's text blocks left in the notes' language:
// untranslated of total, rounded to a thousandth, at most 1.
func untranslatedShare(untranslated, total int) float64 {
	if untranslated <= 0 || total <= 0 {
		return 0
	}
	return math.Round(min(1, float64(untranslated)/float64(total))*1000) / 1000
}

// countTranslatable counts the blocks that carry text of their own.
func CountTranslatable(blocks []model.Block) int {
	n := 0
	model.Walk(blocks, func(b model.Block) bool {
		switch x := b.(type) {
		case *model.Heading, *model.ListItem, *model.Note:
			n++
		case *model.Paragraph:
			if len(x.Inlines) > 0 {
				n++
			}
		}
		return true
	})
	return n
}

func (r *Runner) render(ctx context.Context, job Job, warn *model.Warnings) ([]rendered, string, error) {
	doc, format, err := r.Parse(ctx, job, warn)
	if err != nil {
		return nil, format, err
	}
	if r.opts.AfterParse != nil {
		r.opts.AfterParse()
	}
	release, err := r.reserve(ctx, job.Path, "converting it", r.renderNeed(doc))
	if err != nil {
		return nil, format, err
	}
	defer release()
	render := r.opts.Render
	if render == nil {
		render = r.versions(job)
	}
	rends, err := render(ctx, r, doc, warn)
	if err != nil {
		return nil, format, wrapStage("scribe", job.Path, err)
	}
	outs := make([]rendered, len(rends))
	for i, o := range rends {
		outs[i] = rendered{Rendition: o, path: r.outputPath(job, o.Lang, o.Ext)}
	}
	return outs, format, nil
}

// versions is the default Renderer: the version in each output language (the notes' own
// when none is given), printed by each writer.
func (r *Runner) versions(job Job) Renderer {
	return func(ctx context.Context, r *Runner, doc *model.Document, warn *model.Warnings) ([]Rendition, error) {
		langs := r.opts.Langs
		if len(langs) == 0 {
			langs = []string{r.notesLang(doc, warn)}
		}
		created := r.created(doc)
		translatable := CountTranslatable(doc.Blocks)
		var outs []Rendition
		for i, lang := range langs {
			// The last version is made of the document itself: nothing reads it after.
			v, loc, err := r.localize(ctx, doc, lang, warn, i == len(langs)-1)
			if err != nil {
				return nil, err
			}
			words, share := model.CountWords(v.Blocks), untranslatedShare(v.Present.Untranslated, translatable)
			for j, f := range r.opts.To {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				w, _ := r.opts.Registry.Writer(f)
				var buf bytes.Buffer
				stats := &model.OutputStats{}
				wopts := model.WriteOptions{Locale: loc, Created: created, Generator: r.opts.Generator, Warnings: warn, Stats: stats}
				version := v
				if i == len(langs)-1 && j == len(r.opts.To)-1 {
					// The last output: let go of the document so the writer's DocumentRead
					// finds nothing else holding it.
					v, doc = nil, nil
					wopts.DocumentRead = r.opts.DocumentRead
				}
				if err := w.Write(ctx, &buf, version, wopts); err != nil {
					return nil, wrapStage(w.Format(), job.Path, err)
				}
				facts := Output{Pages: stats.Pages, Fonts: stats.Fonts, Words: words, Untranslated: share}
				outs = append(outs, Rendition{Format: w.Format(), Lang: loc.Tag, Ext: w.Ext(), Data: buf.Bytes(), Facts: facts})
			}
		}
		return outs, nil
	}
}

// NotesLang is the language the notes are in when it has a locale, else English (with a
// warning naming the language found).
func (r *Runner) notesLang(doc *model.Document, warn *model.Warnings) string {
	lang := doc.Meta.OriginalLang
	if _, err := r.opts.Locales.Lookup(lang); lang == "" || err != nil {
		if lang != "" {
			warn.Warn("scribe", model.Pos{File: doc.Source}, "notes are in %q, which has no locale; writing the English version", lang)
		}
		lang = "en"
	}
	return lang
}

// defaultEpoch is the timestamp of outputs whose notes give no date when no
// SOURCE_DATE_EPOCH is set: 1 January 1980, the earliest time a zip entry can carry. A fixed
// time, never the input's modification time or the clock, so the same notes give the same
// bytes wherever and whenever they are converted, standard input included.
func defaultEpoch() time.Time { return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) }

// created picks the timestamp stamped into outputs: SOURCE_DATE_EPOCH, else the meeting
// date at noon UTC, else DefaultEpoch.
func (r *Runner) created(doc *model.Document) time.Time {
	if r.opts.SourceDateEpoch != nil {
		return r.opts.SourceDateEpoch.UTC()
	}
	if t, err := time.Parse("2006-01-02", doc.Meta.Date); err == nil {
		return t.Add(12 * time.Hour).UTC()
	}
	return defaultEpoch()
}

// OutputPath returns where the output of job in lang with extension ext goes:
// OutDir/RelDir/<stem>.<lang><ext>.
func (r *Runner) outputPath(job Job, lang, ext string) string {
	if job.Sink != nil {
		return outputStem(job) + "." + lang + ext
	}
	if job.OutFile != "" {
		return job.OutFile
	}
	if job.OutDir == "-" {
		return "-"
	}
	return filepath.Join(job.OutDir, job.RelDir, outputStem(job)+"."+lang+ext)
}

// outputStem is the input's file name without its extension ("stdin" for standard input)
// and without a language tag before it: scribe's own report.en.md, edited and converted
// again, gives report.en.docx, not report.en.en.docx.
func outputStem(job Job) string {
	if job.Path == "-" || job.Path == "" {
		return "stdin"
	}
	base := filepath.Base(job.Path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if tag := filepath.Ext(stem); len(tag) > 1 && slices.Contains(locales.Supported, strings.ToLower(tag[1:])) && len(stem) > len(tag) {
		stem = strings.TrimSuffix(stem, tag)
	}
	return stem
}

func (r *Runner) chooseFormat(path string, data []byte, warn *model.Warnings) (string, error) {
	if r.opts.From != "" {
		return r.opts.From, nil
	}
	byExt := ""
	if r.opts.FormatOf != nil && path != "-" {
		byExt = r.opts.FormatOf(path)
	}
	byContent := ""
	if r.opts.Sniff != nil {
		byContent = r.opts.Sniff(data)
	}
	switch {
	case byContent == "docx" && byExt != "" && byExt != "docx":
		// A Word file renamed .txt: the content decides, with a warning. The reverse (a
		// .docx that is not a zip) is left to the DOCX reader, which reports it.
		warn.Warn("scribe", model.Pos{File: path}, "file extension says %s but the content is a Word document; reading it as docx", byExt)
		return byContent, nil
	case byExt != "" && byContent != "" && byContent != byExt && r.opts.ContentWins != nil && r.opts.ContentWins(byExt, byContent):
		return byContent, nil
	case byExt != "":
		return byExt, nil
	case byContent != "":
		return byContent, nil
	}
	return "notes", nil
}

// applyOverrides puts the metadata given on the command line over the notes'. Original
// (--original) only names the masthead's "Original:" language: the notes are still read as
// the language they are in, and a disagreement with it is a warning (unless --source-lang
// states that language, which makes the difference deliberate).
func (r *Runner) applyOverrides(doc *model.Document, warn *model.Warnings) {
	m := r.opts.Meta
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&doc.Meta.Title, m.Title)
	set(&doc.Meta.Body, m.Body)
	set(&doc.Meta.Symbol, m.Symbol)
	set(&doc.Meta.Distribution, m.Distribution)
	set(&doc.Meta.Original, baseLang(m.Original))
	set(&doc.Meta.JobNumber, m.JobNumber)
	set(&doc.Meta.Session, m.Session)
	set(&doc.Meta.AgendaItem, m.AgendaItem)
	set(&doc.Meta.Subtitle, m.Subtitle)
	for field, byLang := range m.Localized {
		// A copy: the overrides are shared by every input of a batch.
		doc.Meta.SetLocalized(field, maps.Clone(byLang))
	}
	if m.Recycle {
		doc.Meta.Recycle = true
	}
	if r.opts.SourceLang != "" {
		doc.Meta.OriginalLang = baseLang(r.opts.SourceLang)
	}
	if o := baseLang(m.Original); o != "" && r.opts.SourceLang == "" && doc.Meta.OriginalLang != "" && o != baseLang(doc.Meta.OriginalLang) {
		warn.Warn("scribe", model.Pos{File: doc.Source}, "--original %s, but the notes are in %q: the masthead will say the original is %s while the notes are read as %s (give --source-lang %s if they are written in it)", o, doc.Meta.OriginalLang, o, doc.Meta.OriginalLang, o)
	}
}

// readLimited reads a file, refusing one larger than limit before reading it whole.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &model.Error{Stage: "scribe", Pos: model.Pos{File: path}, Err: unwrapPathError(err)}
	}
	defer f.Close()
	size := int64(0)
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() {
			return nil, model.Errorf("scribe", model.Pos{File: path}, nil, "is a folder (use -r to convert a folder)")
		}
		if fi.Size() > limit {
			return nil, model.Errorf("scribe", model.Pos{File: path}, model.ErrTooLarge, "%d bytes, limit %d", fi.Size(), limit).WithSetting(model.SettingMaxInputBytes)
		}
		size = fi.Size()
	}
	data, err := readAllSized(io.LimitReader(f, limit+1), size)
	if err != nil {
		return nil, &model.Error{Stage: "scribe", Pos: model.Pos{File: path}, Err: unwrapPathError(err)}
	}
	if int64(len(data)) > limit {
		return nil, model.Errorf("scribe", model.Pos{File: path}, model.ErrTooLarge, "more than %d bytes, the limit", limit).WithSetting(model.SettingMaxInputBytes)
	}
	return data, nil
}

// readAllSized is io.ReadAll into a buffer sized for a file of size bytes (its size when it
// was opened), so a large input is read in one allocation instead of a doubling series of
// them; the buffer still grows if the file did.
func readAllSized(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, size+1) // one byte more: the read that finds the end
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// ReadInput reads an input the way the runner does (size limit, standard input for "-").
func ReadInput(path string, stdin io.Reader, limit int64) ([]byte, error) {
	if path != "-" {
		return readLimited(path, limit)
	}
	data, err := io.ReadAll(io.LimitReader(stdin, limit+1))
	if err != nil {
		return nil, &model.Error{Stage: "scribe", Pos: model.Pos{File: "-"}, Err: err}
	}
	if int64(len(data)) > limit {
		return nil, model.Errorf("scribe", model.Pos{File: "-"}, model.ErrTooLarge, "standard input exceeds %d bytes, the limit", limit).WithSetting(model.SettingMaxInputBytes)
	}
	return data, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// wrapStage makes sure an error names its stage and file.
func wrapStage(stage, file string, err error) error {
	var se *model.Error
	if errors.As(err, &se) {
		if se.Pos.File == "" {
			se.Pos.File = file
		}
		return err
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	return &model.Error{Stage: stage, Pos: model.Pos{File: file}, Err: err}
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
