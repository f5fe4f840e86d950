package hyphen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Break is a place where a line may end inside a token.
type Break struct {
	// Byte and Rune are the offset of the break in the token, in bytes and in runes:
	// the line ends with token[:Byte] and the next one starts with token[Byte:].
	Byte, Rune int
	// Hyphen is true when the line must end with an added hyphen (a break found by the
	// patterns, or a soft hyphen in the text), false when the token already shows one
	// there (a compound such as "Secretary-General" breaks after its own hyphen).
	Hyphen bool
}

// Rules are the conventions Breaks applies on top of the patterns. The zero value is
// the house default: the language's own minimums, capitalised words hyphenated.
type Rules struct {
	// LeftMin and RightMin raise the fewest letters kept before and after a pattern
	// break; values below the language's (Dict.Mins) change nothing, as in LibreOffice,
	// which takes the larger of the dictionary's and the paragraph's settings.
	LeftMin, RightMin int
	// MinLength leaves words of fewer letters whole.
	MinLength int
	// SkipCapitalized leaves words that begin with a capital letter whole, as proper
	// names should be; off by default because the first word of a sentence is
	// capitalised too.
	SkipCapitalized bool
}

// Breaks returns where a line may end inside token, a run of text between two spaces
// as it appears in a line ("(information,", "l’économie", "Secretary-General's",
// "A/HRC/59/1"). It applies the language rules typesetters follow:
//
//   - punctuation around the word (brackets, quotes, commas, full stops) is kept with
//     it and never broken from it;
//   - nothing is broken in a token with a digit, a slash, an inner full stop or any
//     other symbol: numbers, dates, document symbols (A/HRC/59/1), abbreviations
//     (e.g.), file names, URLs and e-mail addresses;
//   - words in capitals (WSIS, UNCTAD, L’ONU) and words with a capital inside
//     (McDonald, iPhone) are left whole, and so are capitalised words (Geneva,
//     O’Brien, d’Humanistica) with Rules.SkipCapitalized;
//   - a compound with a hard hyphen or a dash breaks only after it, never with an
//     added hyphen ("Secretary-|General"); a non-breaking hyphen (U+2011) never
//     breaks;
//   - a word with soft hyphens (U+00AD) breaks only at them;
//   - an apostrophe belongs to its word, as in TeX's French patterns and in
//     LibreOffice, and a line never breaks next to it: an elided article stays with
//     its word, hyphenated after it ("l’éco-no-mie"), and so does a possessive
//     ending ("or-ga-ni-za-tion's").
//
// The caller decides what Breaks cannot see: the last word of a paragraph, and text
// in another language than the Dict's, should not be hyphenated. Matching ignores
// case; offsets refer to the token as given.
func (d *Dict) Breaks(token string, r Rules) []Break {
	return d.AppendBreaks(nil, token, r)
}

// AppendBreaks is Breaks appending to dst, for callers that reuse a buffer.
func (d *Dict) AppendBreaks(dst []Break, token string, r Rules) []Break {
	start, end, ok := wordSpan(token)
	if !ok {
		return dst
	}
	core := token[start:end]
	var soft, hard, letters, uppers int
	// A capital is an initial when it starts the word or follows an apostrophe
	// ("O’Brien", "d’Humanistica"); any other makes a mixed-case name or code.
	initials, segmentStart := true, true
	for _, c := range core {
		switch {
		case isLetter(c):
			letters++
			if isUpper(c) {
				uppers++
				initials = initials && segmentStart
			}
			segmentStart = false
		case c == softHyphen:
			soft++
		case isHardHyphen(c) || c == nbHyphen:
			hard++
		case isApostrophe(c):
			segmentStart = true
		default:
			// A digit, slash, inner full stop, combining mark or any symbol: a number,
			// a symbol or an address, whose every character matters.
			return dst
		}
	}
	base := utf8.RuneCountInString(token[:start])
	switch {
	case soft > 0:
		return appendAfter(dst, core, start, base, func(c rune) bool { return c == softHyphen }, true)
	case hard > 0:
		return appendAfter(dst, core, start, base, isHardHyphen, false)
	case letters == uppers && letters > 1:
		return dst // WSIS, UNCTAD, L’ONU
	case !initials:
		return dst // McDonald, iPhone
	case uppers > 0 && r.SkipCapitalized:
		return dst
	case letters < r.MinLength:
		return dst
	}
	left, right := max(d.left, r.LeftMin), max(d.right, r.RightMin)
	return d.appendWord(dst, core, start, base, left, right)
}

// appendWord appends the pattern breaks of word, found at byte offset at and rune
// offset base of the token.
func (d *Dict) appendWord(dst []Break, word string, at, base, left, right int) []Break {
	var stack [16]int
	pts := d.points(stack[:0], word, left, right)
	k, n := 0, 0
	prev := rune(0)
	for i, c := range word {
		if k == len(pts) {
			break
		}
		// Never next to an apostrophe: "l’|économie" and "don|’t" would lose it to the
		// line end or strand it at the start of a line.
		if n == pts[k] {
			if !isApostrophe(prev) && !isApostrophe(c) {
				dst = append(dst, Break{Byte: at + i, Rune: base + n, Hyphen: true})
			}
			k++
		}
		prev = c
		n++
	}
	return dst
}

// appendAfter appends a break after every rune of core that is, with a letter on
// both sides of it.
func appendAfter(dst []Break, core string, at, base int, is func(rune) bool, hyphen bool) []Break {
	prevLetter := false
	n := 0
	for i, c := range core {
		n++
		if !is(c) || !prevLetter {
			prevLetter = isLetter(c)
			continue
		}
		next := i + utf8.RuneLen(c)
		if nc, _ := utf8.DecodeRuneInString(core[next:]); isLetter(nc) {
			dst = append(dst, Break{Byte: at + next, Rune: base + n, Hyphen: hyphen})
		}
		prevLetter = false
	}
	return dst
}

const (
	softHyphen = '\u00AD'
	nbHyphen   = '\u2011'
)

// isHardHyphen reports a visible hyphen or dash a line may break after.
func isHardHyphen(c rune) bool {
	switch c {
	case '-', '\u2010', '\u2013', '\u2014':
		return true
	}
	return false
}

// isApostrophe reports an apostrophe, typed or typographic; a left single quotation
// mark inside a word is a mistyped apostrophe ("l‘association"), as LibreOffice
// reads it too.
func isApostrophe(c rune) bool {
	return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC'
}

// wordSpan finds the word in token, from its first letter to its last. The
// characters around it must be ordinary punctuation: brackets, quotes, dashes and
// ,.;:!?… — anything else (a slash in "http://", an at sign, a digit) marks an address,
// a handle or a reference, not a word.
func wordSpan(token string) (start, end int, ok bool) {
	start = strings.IndexFunc(token, isLetter)
	if start < 0 {
		return 0, 0, false
	}
	end = strings.LastIndexFunc(token, isLetter)
	_, size := utf8.DecodeRuneInString(token[end:])
	end += size
	for _, c := range token[:start] + token[end:] {
		if !isEdgePunct(c) {
			return 0, 0, false
		}
	}
	return start, end, true
}

// isEdgePunct reports the punctuation that may stand before or after a word.
func isEdgePunct(c rune) bool {
	if unicode.In(c, unicode.Ps, unicode.Pe, unicode.Pi, unicode.Pf, unicode.Pd) {
		return true
	}
	return strings.ContainsRune(".,;:!?¡¿…\"'’", c)
}
