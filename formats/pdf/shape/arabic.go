// Package shape prepares text for a PDF page, where glyphs are placed one after another from
// left to right with no knowledge of scripts: it shapes Arabic letters into their
// contextual presentation forms, reorders right-to-left lines into visual order following
// the Unicode Bidirectional Algorithm, and tells where CJK text may break.
//
// The functions are pure and keep no state, so conversions may run concurrently. They never
// panic and always return valid UTF-8 (invalid bytes become U+FFFD).
//
// The intended order of use for one paragraph is: Arabic (shape the whole paragraph in
// logical order, so joining sees both neighbours), break into lines measuring the shaped
// text, then Visual for each line, then draw it right-aligned when the paragraph is RTL.
package shape

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// joining is the Arabic joining type of a character (Unicode ArabicShaping.txt), reduced
// to what the presentation forms can express.
type joining uint8

const (
	joinNone        joining = iota // U: joins neither side (spaces, Latin, hamza, letters without forms)
	joinRight                      // R: joins the preceding letter only (alef, dal, reh, waw…)
	joinDual                       // D: joins both sides (beh, seen, lam…)
	joinCausing                    // C: tatweel and ZWJ: neighbours join to it, it does not change
	joinTransparent                // T: combining marks and format controls: skipped when looking for neighbours
)

const (
	lam    = '\u0644'
	zwj    = '\u200D'
	zwnj   = '\u200C'
	tatwel = '\u0640'
)

// lamAlef maps the alef that follows a lam to the isolated and final forms of the
// mandatory ligature.
var lamAlef = map[rune][2]rune{
	'\u0622': {'\uFEF5', '\uFEF6'}, // alef with madda above
	'\u0623': {'\uFEF7', '\uFEF8'}, // alef with hamza above
	'\u0625': {'\uFEF9', '\uFEFA'}, // alef with hamza below
	'\u0627': {'\uFEFB', '\uFEFC'}, // alef
}

func joiningType(r rune) joining {
	switch r {
	case tatwel, zwj:
		return joinCausing
	case zwnj:
		return joinNone
	}
	if f, ok := formsOf(r); ok {
		switch {
		case f[2] != 0 && f[3] != 0:
			return joinDual
		case f[1] != 0:
			return joinRight
		}
		return joinNone
	}
	// Marks (harakat, shadda, superscript alef…) and invisible format characters (LRM and
	// friends) do not interrupt joining.
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return joinTransparent
	}
	return joinNone
}

// joinsLeft reports whether a character of type t connects to the letter after it.
func joinsLeft(t joining) bool { return t == joinDual || t == joinCausing }

// joinsRight reports whether a character of type t connects to the letter before it.
func joinsRight(t joining) bool { return t == joinDual || t == joinRight || t == joinCausing }

// Arabic shapes Arabic text given in logical order: each Arabic letter that has
// presentation forms (U+0621–U+064A and the common extended letters such as پ چ ژ ک گ ی)
// is replaced by its isolated, final, initial or medial form according to its neighbours;
// lam followed by an alef becomes one of the four mandatory lam-alef ligatures. Combining
// marks (harakat, shadda, superscript alef) stay right after their base letter and do not
// break joining; tatweel and ZWJ force joining, ZWNJ prevents it. Everything else is
// returned unchanged, except invalid UTF-8, which becomes U+FFFD.
func Arabic(s string) string {
	if !needsShaping(s) {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	rs := []rune(s) // also turns invalid bytes into U+FFFD
	types := make([]joining, len(rs))
	for i, r := range rs {
		types[i] = joiningType(r)
	}
	// prevSolid and nextSolid find the nearest neighbour that is not transparent.
	prevSolid := func(i int) int {
		for i--; i >= 0 && types[i] == joinTransparent; i-- {
		}
		return i
	}
	nextSolid := func(i int) int {
		for i++; i < len(rs) && types[i] == joinTransparent; i++ {
		}
		return i
	}

	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		forms, ok := formsOf(r)
		if !ok {
			out = append(out, r)
			continue
		}
		p := prevSolid(i)
		joinPrev := p >= 0 && joinsLeft(types[p]) && joinsRight(types[i])
		n := nextSolid(i)

		if r == lam && n < len(rs) {
			if lig, ok := lamAlef[rs[n]]; ok {
				if joinPrev {
					out = append(out, lig[1])
				} else {
					out = append(out, lig[0])
				}
				// The lam's own marks follow the ligature; the alef's marks follow in the
				// next iterations as ordinary characters.
				out = append(out, rs[i+1:n]...)
				i = n
				continue
			}
		}

		joinNext := n < len(rs) && joinsLeft(types[i]) && joinsRight(types[n])
		var form rune
		switch {
		case joinPrev && joinNext:
			form = forms[3]
		case joinPrev:
			form = forms[1]
		case joinNext:
			form = forms[2]
		default:
			form = forms[0]
		}
		if form == 0 {
			form = forms[0]
		}
		if form == 0 {
			form = r
		}
		out = append(out, form)
	}
	return string(out)
}

// needsShaping reports whether s contains a letter that Arabic would change.
func needsShaping(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := formsOf(r); ok {
			return true
		}
		i += size
	}
	return false
}

// Letters returns the Arabic letters that a presentation form made by Arabic stands for (two
// for a lam–alef ligature, in logical order), and false for any other character. A PDF
// maps its glyphs to these, not to the forms, so that text copied or searched in a viewer
// is the text that was written.
func Letters(r rune) (string, bool) {
	if !(r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF) {
		return "", false // not a presentation form: the common case, no table needed
	}
	s, ok := formLetters()[r]
	return s, ok
}

// formsOf returns the presentation forms of r (see arabicForms). Every letter that has forms
// is in the Arabic block, so other text never builds the table.
func formsOf(r rune) ([4]rune, bool) {
	if r < 0x0600 || r > 0x06FF {
		return [4]rune{}, false
	}
	f, ok := arabicForms()[r]
	return f, ok
}

// formLetters inverts arabicForms and lamAlef, on first use; read-only.
var formLetters = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{}
	for letter, forms := range arabicForms() {
		for _, f := range forms {
			if f != 0 {
				m[f] = string(letter)
			}
		}
	}
	for alef, forms := range lamAlef {
		for _, f := range forms {
			m[f] = string([]rune{lam, alef})
		}
	}
	return m
})
