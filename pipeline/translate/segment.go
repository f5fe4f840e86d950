package translate

import (
	"strings"
	"unicode"

	"github.com/scribe-un/scribe/locales"
)

// Segment splits text into sentences with the rules of loc (the language the text is
// written in): a sentence ends at one of loc.Speech.SentenceEnds followed by white space and
// a word that does not start in lower case, unless the word before the full stop is one of
// loc.Speech.Abbreviations ("Mr.", "No.") or a single capital initial ("G."). Full-width
// ends (。？！) end a sentence without a following space. Closing quotes and brackets after
// the end stay with the sentence. The sentences are returned without the white space that
// separated them; a nil loc uses ". ? !" and no abbreviations.
func Segment(text string, loc *locales.Locale) []string {
	rs := newSegmenter(loc)
	var out []string
	for _, sp := range rs.spans([]rune(text), nil) {
		if s := strings.TrimSpace(sp); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// segmenter holds one language's segmentation rules.
type segmenter struct {
	ends   map[rune]bool
	abbrev map[string]bool
}

func newSegmenter(loc *locales.Locale) *segmenter {
	s := &segmenter{ends: map[rune]bool{}, abbrev: map[string]bool{}}
	ends := []string{".", "?", "!"}
	if loc != nil && len(loc.Speech.SentenceEnds) > 0 {
		ends = loc.Speech.SentenceEnds
	}
	for _, e := range ends {
		for _, r := range e {
			s.ends[r] = true
		}
	}
	if loc != nil {
		for _, a := range loc.Speech.Abbreviations {
			s.abbrev[a] = true
		}
		// Titles that end with a full stop are abbreviations too ("M.", "S.E.").
		for _, t := range loc.Speech.Titles {
			if strings.HasSuffix(t, ".") {
				s.abbrev[t] = true
			}
		}
	}
	return s
}

// fullWidthEnd reports ends that need no following space (Chinese and Japanese).
func fullWidthEnd(r rune) bool {
	switch r {
	case '。', '？', '！', '．', '｡':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '}', '」', '』', '）', '》', '〉', '›':
		return true
	}
	return false
}

// spans cuts rs into pieces whose concatenation is rs: each sentence carries the white
// space that follows it. glued marks runes (placeholders of footnote references) that stay
// with the preceding sentence end; noBreak marks positions inside paired codes where no
// boundary may fall. Both may be nil.
func (s *segmenter) spans(rs []rune, opts *spanOpts) []string {
	var out []string
	start := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if !s.ends[r] && !fullWidthEnd(r) {
			continue
		}
		j := i + 1
		for j < len(rs) && (s.ends[rs[j]] || fullWidthEnd(rs[j]) || isCloser(rs[j]) || (opts != nil && opts.glued(rs[j]))) {
			j++
		}
		if j >= len(rs) {
			break // the text ends here anyway
		}
		if opts != nil && opts.inside(j) {
			continue
		}
		k := j
		for k < len(rs) && unicode.IsSpace(rs[k]) {
			k++
		}
		if k >= len(rs) {
			break
		}
		if k == j && !fullWidthEnd(r) {
			continue // "3.5", "e.g.x": no space, no boundary
		}
		if unicode.IsLower(rs[k]) {
			continue // "etc. and", "p. 4" is caught by the abbreviation list
		}
		if r == '.' && s.isAbbrev(rs[start:i+1]) {
			continue
		}
		out = append(out, string(rs[start:k]))
		start = k
		i = k - 1
	}
	if start < len(rs) {
		out = append(out, string(rs[start:]))
	}
	return out
}

// isAbbrev reports whether the word ending at the full stop (the last rune of head) is an
// abbreviation or an initial.
func (s *segmenter) isAbbrev(head []rune) bool {
	b := len(head) - 1
	for b > 0 && !unicode.IsSpace(head[b-1]) {
		b--
	}
	word := strings.TrimLeft(string(head[b:]), "([{\"'“‘«")
	// French and Italian elision glues an article to the word: "l'art." is "art.".
	if i := strings.LastIndexAny(word, "'’"); i >= 0 {
		word = word[i+len(string([]rune(word[i:])[0])):]
	}
	if s.abbrev[word] {
		return true
	}
	rs := []rune(word)
	// A single capital letter and a full stop is an initial ("Yuri G. Grin").
	if len(rs) == 2 && unicode.IsUpper(rs[0]) {
		return true
	}
	return false
}

// spanOpts tells the segmenter about code markers in the rune string.
type spanOpts struct {
	gluedSet map[rune]bool
	depth    []int // paired-code depth before each rune index
}

func (o *spanOpts) glued(r rune) bool { return o.gluedSet[r] }

func (o *spanOpts) inside(i int) bool { return i < len(o.depth) && o.depth[i] > 0 }

// piece is a slice of content: a sentence, or the white space between two.
type piece struct {
	content Content
	space   bool
}

// segmentContent splits content into sentences and the white space between them. Code
// markers are private-use runes so the rules see placeholders as opaque characters;
// boundaries never fall inside a paired code, so every segment is well formed.
func (s *segmenter) segmentContent(c Content, codes []Code) []piece {
	const base = 0xF0000 // Supplementary Private Use Area-A: never in notes
	var rs []rune
	var depth []int
	glued := map[rune]bool{}
	d := 0
	for i, sp := range c {
		switch sp.Kind {
		case SpanText:
			for _, r := range sp.Text {
				rs = append(rs, r)
				depth = append(depth, d)
			}
			continue
		case SpanOpen:
			d++
		}
		m := rune(base + i)
		if sp.Kind == SpanPlaceholder {
			if cd, ok := findCode(codes, sp.Code); ok && cd.Kind == CodeFootnote {
				glued[m] = true
			}
		}
		rs = append(rs, m)
		depth = append(depth, d)
		if sp.Kind == SpanClose {
			d--
		}
	}
	parts := s.spans(rs, &spanOpts{gluedSet: glued, depth: depth})
	var out []piece
	for _, p := range parts {
		prs := []rune(p)
		// Split off leading and trailing white space as separate pieces.
		a, z := 0, len(prs)
		for a < z && unicode.IsSpace(prs[a]) {
			a++
		}
		for z > a && unicode.IsSpace(prs[z-1]) {
			z--
		}
		if a > 0 {
			out = append(out, piece{content: Content{{Kind: SpanText, Text: string(prs[:a])}}, space: true})
		}
		if z > a {
			out = append(out, piece{content: decode(prs[a:z], c, base)})
		}
		if z < len(prs) && z >= a {
			out = append(out, piece{content: Content{{Kind: SpanText, Text: string(prs[z:])}}, space: true})
		}
	}
	// Merge consecutive white-space pieces (only possible for blank content).
	return out
}

func decode(rs []rune, c Content, base int) Content {
	var out Content
	var text []rune
	flush := func() {
		if len(text) > 0 {
			out = out.appendText(string(text))
			text = text[:0]
		}
	}
	for _, r := range rs {
		if int(r) >= base && int(r) < base+len(c) {
			flush()
			out = append(out, c[int(r)-base])
			continue
		}
		text = append(text, r)
	}
	flush()
	return out
}
