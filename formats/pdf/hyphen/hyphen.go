package hyphen

import (
	"embed"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// The pattern files are embedded as published, with their licences; Load reads the
// compiled form of each (compiled.go).
//
//go:embed patterns/*.tex patterns/*.dic patterns/README.md
var patternFiles embed.FS

//go:generate go test -run TestCompiled -update

var (
	//go:embed patterns/hyph_en_US.trie
	compiledEnUS string
	//go:embed patterns/hyph-es.trie
	compiledES string
	//go:embed patterns/hyph-fr.trie
	compiledFR string
	//go:embed patterns/hyph-ru.trie
	compiledRU string
)

// ErrUnsupported is returned, wrapped, by Load for a language that has no patterns.
var ErrUnsupported = errors.New("no hyphenation patterns for this language")

// Dict hyphenates the words of one language. A Dict never changes once loaded, so one
// Dict serves any number of goroutines.
type Dict struct {
	lang        string
	left, right int
	trie        trie
	exc         exceptions
}

// language is one embedded pattern set, parsed the first time it is asked for.
type language struct {
	tag  string
	file string // a TeX file (.tex) or a Hyphen library file (.dic)
	// compiled is the compiled form of file: patterns/ beside it, ".trie" for its
	// extension.
	compiled string
	// left and right are the minimums of a .tex file: hyph-utf8's "hyphenmins:
	// typesetting" values, which TeX Live's language.dat and LibreOffice's
	// dictionaries use too. A .dic file states its own.
	left, right int

	once sync.Once
	dict *Dict
	err  error
}

// languages are the pattern sets scribe embeds; patterns/README.md says where each
// comes from, under which licence, and why English uses LibreOffice's patterns.
var languages = [...]*language{
	{tag: "en-us", file: "patterns/hyph_en_US.dic", compiled: compiledEnUS},
	{tag: "es", file: "patterns/hyph-es.tex", left: 2, right: 2, compiled: compiledES},
	{tag: "fr", file: "patterns/hyph-fr.tex", left: 2, right: 2, compiled: compiledFR},
	{tag: "ru", file: "patterns/hyph-ru.tex", left: 2, right: 2, compiled: compiledRU},
}

// Languages lists the pattern sets available, by the tags Dict.Lang reports.
func Languages() []string {
	out := make([]string, len(languages))
	for i, l := range languages {
		out[i] = l.tag
	}
	return out
}

// lookup finds the pattern set for a BCP 47 tag: "en", "en-US", "en_GB", "fr-CA", "ES",
// "ru-RU". Every English variant uses the American patterns, the only English set
// scribe embeds and the one LibreOffice's hyphen-en-us package installs.
func lookup(tag string) *language {
	t := strings.ToLower(strings.ReplaceAll(tag, "_", "-"))
	primary, _, _ := strings.Cut(t, "-")
	if primary == "en" {
		primary = "en-us"
	}
	for _, l := range languages {
		if l.tag == primary {
			return l
		}
	}
	return nil
}

// Supported reports whether Load has patterns for the language tag.
func Supported(tag string) bool { return lookup(tag) != nil }

// Load returns the hyphenation dictionary of a language, given as a BCP 47 tag ("en",
// "fr-FR", "es", "ru"). The patterns are embedded in the binary, compiled, and read in
// place on the first call for each language; later calls return the same *Dict. An
// unknown language gives an error wrapping ErrUnsupported.
func Load(tag string) (*Dict, error) {
	l := lookup(tag)
	if l == nil {
		return nil, fmt.Errorf("hyphen: %q: %w", tag, ErrUnsupported)
	}
	l.once.Do(func() {
		if l.dict, l.err = decode(l.tag, l.compiled); l.err != nil {
			l.err = fmt.Errorf("hyphen: %s: %w", l.file, l.err)
		}
	})
	return l.dict, l.err
}

// Notices returns the provenance and licences of the embedded patterns, for a
// program's licence listing.
func Notices() string {
	b, _ := patternFiles.ReadFile("patterns/README.md")
	return string(b)
}

// build parses the pattern file of l into a Dict, by way of the compiled form Load
// reads.
func build(l *language, src string) (*Dict, error) {
	c, err := compile(l, src)
	if err != nil {
		return nil, err
	}
	return decode(l.tag, string(c))
}

// splitHyphenated splits a hyphenated word ("as-so-ciate") into the word and the
// rune offsets of its hyphens.
func splitHyphenated(h string) (word string, points []int) {
	var b strings.Builder
	b.Grow(len(h))
	n := 0
	for _, r := range h {
		if r == '-' {
			points = append(points, n)
			continue
		}
		b.WriteRune(r)
		n++
	}
	return b.String(), points
}

// Lang is the tag of the pattern set: "en-us", "es", "fr" or "ru".
func (d *Dict) Lang() string { return d.lang }

// Mins returns the fewest letters the language leaves before and after a pattern
// break: 2 and 3 for English, 2 and 2 for French, Spanish and Russian.
func (d *Dict) Mins() (left, right int) { return d.left, d.right }

// fold maps a rune to the form the patterns are written in: lower case, and the
// typographic apostrophes to the ASCII one the patterns use ("l'a4", ".ﬁ9ancé's").
func fold(r rune) rune {
	switch r {
	case '\u2019', '\u2018', '\u02BC':
		return '\''
	}
	return toLower(r)
}

// Points returns the rune offsets in word where a line may break with a hyphen added:
// 2 and 6 for "hyphenation" (hy-phen-ation). Matching ignores case, and offsets refer
// to the word as given. Points applies the exceptions and minimums of the language but
// none of the rules about what is a word: give it one word of letters, or use Breaks
// on text as it appears in a line.
func (d *Dict) Points(word string) []int {
	return d.points(nil, word, d.left, d.right)
}

// AppendPoints is Points appending to dst, for callers that reuse a buffer; it
// allocates nothing for words under 60 letters when dst has room.
func (d *Dict) AppendPoints(dst []int, word string) []int {
	return d.points(dst, word, d.left, d.right)
}

// Hyphenate returns word with sep inserted at every point: "hy-phen-ation" for
// Hyphenate("hyphenation", "-").
func (d *Dict) Hyphenate(word, sep string) string {
	var stack [16]int
	pts := d.points(stack[:0], word, d.left, d.right)
	if len(pts) == 0 {
		return word
	}
	var b strings.Builder
	b.Grow(len(word) + len(pts)*len(sep))
	n, k := 0, 0
	for _, r := range word {
		if k < len(pts) && pts[k] == n {
			b.WriteString(sep)
			k++
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// stackWord is the longest word, in runes, hyphenated without heap allocation.
const stackWord = 60

// points runs Liang's algorithm on word with the given minimums.
func (d *Dict) points(dst []int, word string, left, right int) []int {
	left, right = max(left, 1), max(right, 1)
	n := utf8.RuneCountInString(word)
	if n < left+right {
		return dst
	}
	var wbuf [stackWord + 2]rune
	var kbuf [4 * stackWord]byte
	var vbuf [stackWord + 3]uint8
	w, key, v := wbuf[:0], kbuf[:0], vbuf[:0]
	w = append(w, '.')
	for _, r := range word {
		f := fold(r)
		w = append(w, f)
		key = utf8.AppendRune(key, f)
	}
	w = append(w, '.')
	if d.exc.index != "" {
		if pts, ok := d.exc.lookup(key); ok {
			for i := range len(pts) {
				if p := int(pts[i]); p >= left && p <= n-right {
					dst = append(dst, p)
				}
			}
			return dst
		}
	}
	for range len(w) + 1 {
		v = append(v, 0)
	}
	d.trie.apply(w, v)
	// v[i] lies between w[i-1] and w[i]; w[0] is the leading dot, so a break before
	// rune p of the word is v[p+1].
	for p := left; p <= n-right; p++ {
		if v[p+1]%2 == 1 {
			dst = append(dst, p)
		}
	}
	return dst
}
