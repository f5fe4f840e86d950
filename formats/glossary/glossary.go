// Package glossary reads terminology for translators — names of member States,
// organizations and bodies — from a CSV file (a header row of language codes, then one
// term per language on each row) or a TBX file (TBX-Basic, TBX 2008 <martif> or TBX v3
// <tbx>), and adds country names in the six UN languages from CLDR
// (locales.RegionName) as the fallback. A *Glossary implements
// translate.Termbase, so Extract offers the entries found in each unit, and it translates
// speaker names for lists of speakers.
package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/scribe-un/scribe/formats/internal/xmltree"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/translate"
)

// Stage is the name errors and warnings of this package carry.
const Stage = "glossary"

// OriginCLDR marks entries that come from CLDR country names rather than a glossary file.
const OriginCLDR = "CLDR"

// Entry is one concept: its term in each language it is known in (base language tags).
type Entry struct {
	Terms map[string]string
	Note  string
}

// Glossary is a read-only set of entries plus, unless NoCountries, CLDR country names. It is
// safe for concurrent use; a nil *Glossary offers country names only.
type Glossary struct {
	// Name is the file the entries come from, written as the origin of its terms.
	Name    string
	Entries []Entry
	// NoCountries turns off the CLDR country-name fallback.
	NoCountries bool

	mu    sync.Mutex
	cache map[[2]string][]pair // per language pair, sorted longest source first
}

type pair struct {
	src, tgt, origin string
}

// ReadOptions configure Read.
type ReadOptions struct {
	// Name is the file's path as given, used in positions and as the entries' origin.
	Name string
	// Limits bound size and depth; zero fields take defaults.
	Limits model.Limits
	// Warnings receives diagnostics; nil discards them.
	Warnings *model.Warnings
}

// Read parses a glossary file: TBX when it starts with "<", CSV otherwise.
func Read(data []byte, opts ReadOptions) (g *Glossary, err error) {
	if err := opts.Limits.CheckInput(Stage, opts.Name, len(data)); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '<' {
		return readTBX(data, opts)
	}
	return readCSV(data, opts)
}

func readCSV(data []byte, opts ReadOptions) (*Glossary, error) {
	if !utf8.Valid(data) {
		return nil, model.Errorf(Stage, model.Pos{File: opts.Name}, model.ErrEncoding, "the CSV file is not UTF-8")
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err == io.EOF {
		return nil, model.Errorf(Stage, model.Pos{File: opts.Name}, model.ErrEmpty, "")
	}
	if err != nil {
		return nil, csvErr(opts.Name, err)
	}
	langs := make([]string, len(header))
	known := 0
	for i, h := range header {
		h = strings.TrimSpace(h)
		if t, err := language.Parse(h); err == nil && h != "" && !strings.EqualFold(h, "note") {
			b, _ := t.Base()
			langs[i] = b.String()
			known++
		}
	}
	if known < 2 {
		return nil, model.Errorf(Stage, model.Pos{File: opts.Name, Line: 1}, model.ErrMalformed, "the header row must name at least two languages (en,fr,es,ru,zh,ar), got %q", strings.Join(header, ","))
	}
	g := &Glossary{Name: opts.Name}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvErr(opts.Name, err)
		}
		e := Entry{Terms: map[string]string{}}
		for i, f := range rec {
			f = strings.TrimSpace(f)
			if f == "" || i >= len(langs) {
				continue
			}
			if langs[i] == "" {
				e.Note = f
				continue
			}
			e.Terms[langs[i]] = f
		}
		if len(e.Terms) >= 2 {
			g.Entries = append(g.Entries, e)
		}
	}
	return g, nil
}

func csvErr(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return model.Errorf(Stage, model.Pos{File: name, Line: pe.Line}, model.ErrMalformed, "%v", pe.Err)
	}
	return model.Errorf(Stage, model.Pos{File: name}, model.ErrMalformed, "%v", err)
}

// readTBX takes, per concept (termEntry or conceptEntry), the first term of each language
// section (langSet or langSec): TBX lists the preferred term first.
func readTBX(data []byte, opts ReadOptions) (*Glossary, error) {
	root, err := xmltree.Parse(data, Stage, model.ReadOptions{Name: opts.Name, Limits: opts.Limits})
	if err != nil {
		return nil, err
	}
	if root.Name.Local != "martif" && root.Name.Local != "tbx" {
		return nil, model.Errorf(Stage, model.Pos{File: opts.Name, Line: root.Line}, model.ErrMalformed, "not a TBX file (root element <%s>)", root.Name.Local)
	}
	g := &Glossary{Name: opts.Name}
	var walk func(n *xmltree.Node)
	walk = func(n *xmltree.Node) {
		for _, c := range n.Children {
			if c.IsText() {
				continue
			}
			if c.Name.Local == "termEntry" || c.Name.Local == "conceptEntry" {
				e := Entry{Terms: map[string]string{}}
				for _, ls := range c.Children {
					if ls.IsText() || (ls.Name.Local != "langSet" && ls.Name.Local != "langSec") {
						continue
					}
					lang := ls.Get("xml:lang")
					t, err := language.Parse(lang)
					if err != nil {
						continue
					}
					b, _ := t.Base()
					if term := firstTerm(ls); term != "" && e.Terms[b.String()] == "" {
						e.Terms[b.String()] = term
					}
				}
				if len(e.Terms) >= 2 {
					g.Entries = append(g.Entries, e)
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return g, nil
}

func firstTerm(n *xmltree.Node) string {
	for _, c := range n.Children {
		if c.IsText() {
			continue
		}
		if c.Name.Local == "term" {
			return strings.TrimSpace(c.TextContent())
		}
		if t := firstTerm(c); t != "" {
			return t
		}
	}
	return ""
}

// pairs returns the (source, target) terms for a language pair, glossary entries before
// country names, longest source first so "Syrian Arab Republic" wins over "Syria".
func (g *Glossary) pairs(src, tgt string) []pair {
	key := [2]string{src, tgt}
	if g != nil {
		g.mu.Lock()
		defer g.mu.Unlock()
		if p, ok := g.cache[key]; ok {
			return p
		}
	}
	var out []pair
	seen := map[string]bool{}
	name := ""
	if g != nil {
		name = g.Name
		if name == "" {
			name = "glossary"
		}
		for _, e := range g.Entries {
			s, t := e.Terms[src], e.Terms[tgt]
			if s != "" && t != "" && !seen[s] {
				seen[s] = true
				out = append(out, pair{s, t, name})
			}
		}
	}
	if g == nil || !g.NoCountries {
		for _, code := range locales.MemberStates() {
			s, t := locales.RegionName(src, code), locales.RegionName(tgt, code)
			if s != "" && t != "" && !seen[s] {
				seen[s] = true
				out = append(out, pair{s, t, OriginCLDR})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].src) > len(out[j].src) })
	if g != nil {
		if g.cache == nil {
			g.cache = map[[2]string][]pair{}
		}
		g.cache[key] = out
	}
	return out
}

// Find implements translate.Termbase: the entries whose source term occurs in text as a
// whole word (anywhere in scripts written without spaces), each once, in order of first
// occurrence.
func (g *Glossary) Find(text, srcLang, tgtLang string) []translate.Term {
	src, tgt := base(srcLang), base(tgtLang)
	if src == tgt {
		return nil
	}
	type hit struct {
		at int
		t  translate.Term
	}
	var hits []hit
	covered := make([]bool, len(text))
	for _, p := range g.pairs(src, tgt) {
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], p.src)
			if i < 0 {
				break
			}
			i += from
			end := i + len(p.src)
			if wholeWord(text, i, end) && !covered[i] {
				for k := i; k < end; k++ {
					covered[k] = true
				}
				hits = append(hits, hit{i, translate.Term{Source: p.src, Target: p.tgt, Origin: p.origin}})
				break
			}
			from = i + 1
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	out := make([]translate.Term, len(hits))
	for i, h := range hits {
		out[i] = h.t
	}
	return out
}

// TranslateName translates a speaker's name ("Syria", "The ILO", "USA") through the
// glossary, then CLDR country names (also from ISO codes such as "USA" or "CH"). Names of
// persons are not in either and come back unchanged with ok false.
func (g *Glossary) TranslateName(name, srcLang, tgtLang string) (string, bool) {
	src, tgt := base(srcLang), base(tgtLang)
	n := strings.TrimSpace(name)
	if n == "" || src == tgt {
		return name, false
	}
	candidates := []string{n}
	for _, art := range []string{"The ", "the "} {
		if rest, ok := strings.CutPrefix(n, art); ok {
			candidates = append(candidates, rest)
		}
	}
	for _, c := range candidates {
		for _, p := range g.pairs(src, tgt) {
			if strings.EqualFold(p.src, c) {
				return p.tgt, true
			}
		}
	}
	if g == nil || !g.NoCountries {
		if len(n) == 2 || len(n) == 3 {
			if r, err := language.ParseRegion(n); err == nil && strings.ToUpper(n) == n {
				if s := locales.RegionName(tgt, r.String()); s != "" {
					return s, true
				}
			}
		}
	}
	return name, false
}

// TranslateSpeakers translates a list of speakers (for the list of speakers of a report),
// keeping names it cannot translate. g may be nil (country names only).
func TranslateSpeakers(g *Glossary, names []string, srcLang, tgtLang string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i], _ = g.TranslateName(n, srcLang, tgtLang)
	}
	return out
}

func base(tag string) string {
	t, err := language.Parse(strings.TrimSpace(tag))
	if err != nil {
		return strings.ToLower(tag)
	}
	b, _ := t.Base()
	return b.String()
}

// wholeWord reports whether text[a:b] is not glued to letters or digits, except in scripts
// written without spaces.
func wholeWord(text string, a, b int) bool {
	glue := func(r rune) bool {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return false
		}
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:a])
		f, _ := utf8.DecodeRuneInString(text[a:])
		if glue(r) && glue(f) {
			return false
		}
	}
	if b < len(text) {
		r, _ := utf8.DecodeRuneInString(text[b:])
		l, _ := utf8.DecodeLastRuneInString(text[:b])
		if glue(r) && glue(l) {
			return false
		}
	}
	return true
}
