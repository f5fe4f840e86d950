package translate

import (
	"sort"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Detectors of protected text inside plain runs, in order of priority: where two overlap,
// the earlier wins. Dates are only the language-neutral numeric forms; a date written with a
// month name ("2 May 2005") is text the translator must translate, and its numbers are
// protected one by one.
var detectors = []struct {
	kind CodeKind
	re   *lazyre.Regexp
}{
	{CodeLink, lazyre.New(`(?:https?|ftp)://[^\s<>"]+|www\.[A-Za-z0-9-]+\.[^\s<>"]+`)},
	{CodeEmail, lazyre.New(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+`)},
	// UN document symbols: an upper-case series, at least one slash, at least one digit
	// (checked below), an optional revision suffix ("PC-2/DT/2 (rev.2)").
	{CodeSymbol, lazyre.New(`[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+(?:\s?\((?:[Rr]ev|REV|[Cc]orr|[Aa]dd|[Aa]mend)\.\s?\d+\))?`)},
	{CodeDate, lazyre.New(`\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})`)},
	{CodeTime, lazyre.New(`\d{1,2}[:h]\d{2}`)},
	{CodeNumber, lazyre.New(`\d+(?:[.,]\d+)*%?`)},
}

// trailing punctuation a link, e-mail or symbol match must give back to the sentence.
const trailPunct = ".,;:!?)]}'\"”’»"

// protect splits plain text into text and placeholder spans, adding codes as it goes.
func (b *unitBuilder) protect(text string) {
	if text == "" {
		return
	}
	type match struct {
		start, end int
		kind       CodeKind
	}
	var found []match
	covered := make([]bool, len(text))
	for _, d := range detectors {
		for _, loc := range d.re.FindAllStringIndex(text, -1) {
			s, e := loc[0], loc[1]
			switch d.kind {
			case CodeLink, CodeEmail, CodeSymbol:
				for e > s {
					r, size := utf8.DecodeLastRuneInString(text[s:e])
					if !containsRune(trailPunct, r) || (r == ')' && d.kind == CodeSymbol && balancedParen(text[s:e])) {
						break
					}
					e -= size
				}
			}
			if e <= s || !boundaryOK(text, s, e, d.kind) {
				continue
			}
			if d.kind == CodeSymbol && !hasDigit(text[s:e]) {
				continue
			}
			overlap := false
			for i := s; i < e; i++ {
				if covered[i] {
					overlap = true
					break
				}
			}
			if overlap {
				continue
			}
			for i := s; i < e; i++ {
				covered[i] = true
			}
			found = append(found, match{s, e, d.kind})
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].start < found[j].start })
	pos := 0
	for _, m := range found {
		b.content = b.content.appendText(text[pos:m.start])
		b.placeholder(Code{Kind: m.kind, Data: text[m.start:m.end]})
		pos = m.end
	}
	b.content = b.content.appendText(text[pos:])
}

// boundaryOK rejects matches glued to a word: "G77", "2nd", "PC-2" are not numbers, and a
// symbol must not start in the middle of a word.
func boundaryOK(text string, s, e int, kind CodeKind) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:s])
	after, _ := utf8.DecodeRuneInString(text[e:])
	if s > 0 && glues(before) {
		return false
	}
	switch kind {
	case CodeNumber, CodeDate, CodeTime:
		if s > 0 && (before == '-' || before == '/' || before == '.' || before == '_') {
			return false
		}
		if e < len(text) && (glues(after) || after == '-' || after == '/' || after == '_') {
			return false
		}
	case CodeSymbol:
		if e < len(text) && glues(after) {
			return false
		}
	}
	return true
}

func balancedParen(s string) bool {
	n := 0
	for _, r := range s {
		switch r {
		case '(':
			n++
		case ')':
			n--
		}
	}
	return n == 0
}

func hasDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

func containsRune(set string, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// unitBuilder accumulates the content and codes of one unit.
type unitBuilder struct {
	id      string
	content Content
	codes   []Code
	// footnotes are the notes met in this unit, in order; each becomes its own unit.
	footnotes []footnote
}

type footnote struct {
	id   string
	note []model.Inline
}

func (b *unitBuilder) nextID() string { return strconv.Itoa(len(b.codes) + 1) }

func (b *unitBuilder) placeholder(c Code) {
	c.ID = b.nextID()
	b.codes = append(b.codes, c)
	b.content = append(b.content, Span{Kind: SpanPlaceholder, Code: c.ID})
}

// runs converts model runs into content.
func (b *unitBuilder) runs(ins []model.Inline) {
	for _, in := range ins {
		switch in.Kind {
		case model.KindSymbol:
			if in.Text != "" {
				b.placeholder(Code{Kind: CodeSymbol, Data: in.Text})
			}
		case model.KindLink:
			text := in.Text
			if text == "" {
				text = in.URL
			}
			if text != "" || in.URL != "" {
				b.placeholder(Code{Kind: CodeLink, Data: text, URL: in.URL})
			}
		case model.KindFootnote:
			n := len(b.footnotes) + 1
			fid := b.id + ".fn" + strconv.Itoa(n)
			b.footnotes = append(b.footnotes, footnote{id: fid, note: in.Note})
			b.placeholder(Code{Kind: CodeFootnote, Data: "[^" + strconv.Itoa(n) + "]", Footnote: fid})
		case model.KindEmphasis, model.KindStrong, model.KindQuoted:
			if in.Text == "" {
				continue
			}
			kind := CodeEmphasis
			switch in.Kind {
			case model.KindStrong:
				kind = CodeStrong
			case model.KindQuoted:
				kind = CodeQuoted
			}
			c := Code{ID: b.nextID(), Kind: kind}
			b.codes = append(b.codes, c)
			b.content = append(b.content, Span{Kind: SpanOpen, Code: c.ID})
			b.protect(in.Text)
			b.content = append(b.content, Span{Kind: SpanClose, Code: c.ID})
		default:
			// KindText and kinds added to the model later: translatable text.
			b.protect(in.Text)
		}
	}
}

// glues reports whether r joins the characters beside it into one word. Letters and digits
// do, except in scripts written without spaces (Han, kana, Hangul), where "2005年" is a
// number followed by a word.
func glues(r rune) bool {
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return false
	}
	return isLetter(r) || unicode.IsDigit(r)
}
