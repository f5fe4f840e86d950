package translate

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
)

// CatalogFile is one translation file handed to NewCatalog.
type CatalogFile struct {
	*Translations
	// Explicit is true for a file the user named (rather than one found in a folder): a
	// named file whose language is not an output language is an error, while a folder may
	// hold every language and only the ones asked for are used.
	Explicit bool
}

// CatalogOptions configure NewCatalog.
type CatalogOptions struct {
	// Langs are the output languages of the run; empty means the notes' own language,
	// unknown until each input is read.
	Langs []string
	// Inputs is the number of inputs of the run. With one input, a lone file for a
	// language is tried on it even when neither its fingerprint nor its name match (a file
	// renamed by a CAT tool); Apply still checks every unit.
	Inputs int
	// Locales is the locale data (required to fingerprint documents).
	Locales *locales.Set
	// Apply configures applying the matched file.
	Apply ApplyOptions
}

// Catalog holds the translation files of a batch and gives each input, in each output
// language, the file made for it: first by the document fingerprint scribe writes into the
// XLIFF it extracts, then by name (the file's own, "notes.fr.xlf", or the original it names,
// "notes.fr.po", less extension and language, equal to the input's stem). It is safe for
// the concurrent workers of a batch.
type Catalog struct {
	opts   CatalogOptions
	byLang map[string][]*catalogEntry
	mu     sync.Mutex
	used   map[*catalogEntry][]string
}

type catalogEntry struct {
	tr *Translations
	// names are the input stems the file can be matched to by name.
	names []string
}

// NewCatalog checks the files of a run before anything is converted: every file must name
// (or its file name must give) a target language; a named file must be for an output
// language; and no two files may claim the same input in the same language (same
// fingerprint, or same name without one). Each problem is an ErrTranslation error naming
// the file.
func NewCatalog(files []CatalogFile, opts CatalogOptions) (*Catalog, error) {
	c := &Catalog{opts: opts, byLang: map[string][]*catalogEntry{}, used: map[*catalogEntry][]string{}}
	wanted := map[string]bool{}
	for _, l := range opts.Langs {
		wanted[baseLang(l)] = true
	}
	for _, f := range files {
		tr := f.Translations
		pos := model.Pos{File: tr.Name}
		if tr.TargetLang == "" {
			tr.TargetLang = TargetLanguage(tr)
		}
		if tr.TargetLang == "" && len(opts.Langs) == 1 {
			tr.TargetLang = opts.Langs[0]
		}
		lang := baseLang(tr.TargetLang)
		if lang == "" {
			return nil, model.Errorf(Stage, pos, model.ErrTranslation, "the file names no target language; name it <stem>.<lang>.xlf or convert it with exactly one --lang")
		}
		if len(wanted) > 0 && !wanted[lang] {
			if f.Explicit {
				return nil, model.Errorf(Stage, pos, model.ErrTranslation, "the file translates into %q, which is not an output language (%s); add it to --lang or leave the file out", tr.TargetLang, strings.Join(opts.Langs, ","))
			}
			continue // a folder holds every language; this one is not asked for
		}
		e := &catalogEntry{tr: tr, names: nameKeys(tr)}
		for _, prev := range c.byLang[lang] {
			if clash := claimsSame(prev, e); clash != "" {
				return nil, model.Errorf(Stage, pos, model.ErrTranslation, "this file and %s are both %s translations of %s; give one of them", prev.tr.Name, lang, clash)
			}
		}
		c.byLang[lang] = append(c.byLang[lang], e)
	}
	return c, nil
}

// claimsSame says what two files of one language both claim ("the same notes (fingerprint
// …)", "notes \"minutes\""), or "" when they do not clash.
func claimsSame(a, b *catalogEntry) string {
	if a.tr.Fingerprint != "" && a.tr.Fingerprint == b.tr.Fingerprint {
		return "the same notes (fingerprint " + short(a.tr.Fingerprint) + ")"
	}
	if a.tr.Fingerprint != "" || b.tr.Fingerprint != "" {
		return "" // a file with a fingerprint is matched by it first
	}
	for _, n := range a.names {
		for _, m := range b.names {
			if n == m {
				return `the notes named "` + n + `"`
			}
		}
	}
	return ""
}

// Translator returns the function the runner calls for each input and output language.
func (c *Catalog) Translator() pipeline.Translator {
	return func(ctx context.Context, doc *model.Document, lang string, warn *model.Warnings) (int, error) {
		o := c.opts.Apply
		o.OutputLang, o.Warnings = lang, warn
		if o.Locales == nil {
			o.Locales = c.opts.Locales
		}
		e, err := c.match(doc, lang)
		if err != nil {
			return 0, err
		}
		if e == nil {
			// No file for this version: counted as the runner counts a version written
			// without any translation.
			n := 0
			if ol := baseLang(doc.Meta.OriginalLang); ol != "" && ol != baseLang(lang) {
				n = pipeline.CountTranslatable(doc.Blocks)
			}
			doc.Present.Untranslated = n
			return n, nil
		}
		if err := Apply(ctx, doc, e.tr, o); err != nil {
			return 0, err
		}
		return doc.Present.Untranslated, nil
	}
}

// match finds the file for doc in lang: by fingerprint, then by name, then (one input, one
// file) the lone file. Nil means no file: the version stays in the notes' language.
func (c *Catalog) match(doc *model.Document, lang string) (*catalogEntry, error) {
	cands := c.byLang[baseLang(lang)]
	if len(cands) == 0 {
		return nil, nil
	}
	var found *catalogEntry
	hasFP := false
	for _, e := range cands {
		hasFP = hasFP || e.tr.Fingerprint != ""
	}
	if hasFP {
		units, err := Units(doc, lookupLocale(c.opts.Locales, doc.Meta.OriginalLang))
		if err == nil {
			fp := Fingerprint(units)
			for _, e := range cands {
				if e.tr.Fingerprint == fp {
					found = e
					break
				}
			}
		}
	}
	if found == nil {
		stem := inputStem(doc.Source)
		var byName []*catalogEntry
		for _, e := range cands {
			if containsString(e.names, stem) {
				byName = append(byName, e)
			}
		}
		switch len(byName) {
		case 0:
		case 1:
			found = byName[0]
		default:
			return nil, model.Errorf(Stage, model.Pos{File: doc.Source}, model.ErrTranslation, "%s and %s are both named for these notes and neither carries their fingerprint; give one of them", byName[0].tr.Name, byName[1].tr.Name)
		}
	}
	if found == nil && c.opts.Inputs == 1 && len(cands) == 1 {
		found = cands[0]
	}
	if found != nil {
		c.mu.Lock()
		c.used[found] = append(c.used[found], doc.Source)
		c.mu.Unlock()
	}
	return found, nil
}

// Use is how one file was used in a run.
type Use struct {
	File string `json:"file"`
	Lang string `json:"lang"`
	// Fingerprint is the scribe fingerprint the file carries ("" for a file rewritten by
	// another tool without one).
	Fingerprint string `json:"fingerprint,omitempty"`
	// Inputs are the inputs the file was applied to; empty for a file that matched none.
	Inputs []string `json:"inputs"`
}

// Uses lists every file of the catalog with the inputs it was matched to, in file order;
// call it once the batch is over.
func (c *Catalog) Uses() []Use {
	c.mu.Lock()
	defer c.mu.Unlock()
	var langs []string
	for l := range c.byLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var out []Use
	for _, l := range langs {
		for _, e := range c.byLang[l] {
			ins := append([]string{}, c.used[e]...)
			sort.Strings(ins)
			out = append(out, Use{File: e.tr.Name, Lang: l, Fingerprint: e.tr.Fingerprint, Inputs: ins})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

// nameKeys are the stems a file can be matched to: its own name and the original it names
// (po2xliff writes the PO file's name there), each less its extension and a language tag.
func nameKeys(tr *Translations) []string {
	var keys []string
	for _, n := range []string{tr.Name, tr.Original} {
		if n == "" || strings.HasPrefix(n, "sha256:") {
			continue
		}
		if k := inputStem(n); k != "" && !containsString(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// inputStem is a file's name less its extension and a trailing language tag:
// "xliff/notes.fr.xlf" → "notes", "minutes/notes.txt" → "notes", "report.en.md" → "report".
func inputStem(path string) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if ext := filepath.Ext(base); ext != "" && isLangTag(ext[1:]) {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// TargetLanguage is the language tr translates into: the one it names, else the one its
// file name or its original gives ("notes.fr.xlf", "notes.fr.po"); "" when none does.
func TargetLanguage(tr *Translations) string {
	if tr.TargetLang != "" {
		return tr.TargetLang
	}
	return langFromName(tr.Name, tr.Original)
}

// langFromName takes the language from "<stem>.<lang>.<ext>" in the file's name or the
// original it names; "" when neither carries one.
func langFromName(names ...string) string {
	for _, n := range names {
		base := filepath.Base(n)
		base = strings.TrimSuffix(base, filepath.Ext(base))
		if ext := filepath.Ext(base); ext != "" && isLangTag(ext[1:]) {
			return ext[1:]
		}
	}
	return ""
}

// isLangTag recognises the six UN languages, with a region or script ("fr", "zh-Hans").
func isLangTag(s string) bool {
	for _, l := range locales.Supported {
		if baseLang(s) == l {
			return true
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
