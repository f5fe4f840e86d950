package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The protected spans of a text run (document symbols, URLs) are found by hand-written
// scanners rather than by running regular expressions over every run: on long notes the
// expressions scanned every byte of every paragraph that held two slashes or a "://".
// Each scanner returns exactly the matches (leftmost-first, as Go's regexp package
// chooses them) of the expression its comment gives; scan_test.go holds the expressions
// and compares them with the scanners on random and fuzzed text.

// urlMatches appends to out the matches in s of
//
//	(?i)\b(?:https?://|www\.)[^\s<>"“”«»‘’]+
//
// URLs with a scheme or starting with "www.", found from each "://" and each ".".
func urlMatches(s string, out [][2]int) [][2]int {
	// The next start of a match from each kind of prefix at or after from, -1 for none;
	// -2 until looked for. A start stays the next one while from has not passed it.
	scheme, www := -2, -2
	for from := 0; from < len(s); {
		if scheme != -1 && scheme < from {
			scheme = nextSchemeURL(s, from)
		}
		if www != -1 && www < from {
			www = nextWWWURL(s, from)
		}
		p := scheme
		if p < 0 || (www >= 0 && www < p) {
			p = www
		}
		if p < 0 {
			break
		}
		e := urlAt(s, p)
		out = append(out, [2]int{p, e})
		from = e
	}
	return out
}

// nextSchemeURL is the first start at or after from of a match whose prefix is a scheme:
// "http", an optional s (in any case, or the long s "ſ" that case folding pairs with it),
// then "://", each found by its "://".
func nextSchemeURL(s string, from int) int {
	for k := from + 4; k <= len(s)-3; {
		i := strings.Index(s[k:], "://")
		if i < 0 {
			return -1
		}
		k += i
		for _, p := range [...]int{k - 6, k - 5, k - 4} {
			if p >= from && urlPrefixEnd(s, p) == k+3 && urlAt(s, p) >= 0 {
				return p
			}
		}
		k++
	}
	return -1
}

// nextWWWURL is the first start at or after from of a match whose prefix is "www.", in
// any case, each found by its ".".
func nextWWWURL(s string, from int) int {
	for k := from + 3; k < len(s); {
		i := strings.IndexByte(s[k:], '.')
		if i < 0 {
			return -1
		}
		k += i
		if p := k - 3; s[p]|0x20 == 'w' && s[p+1]|0x20 == 'w' && s[p+2]|0x20 == 'w' && urlAt(s, p) >= 0 {
			return p
		}
		k++
	}
	return -1
}

// urlPrefixEnd is the end of the prefix of a match at p ("http://", "https://", "www."),
// -1 when there is none.
func urlPrefixEnd(s string, p int) int {
	if p < 0 || p+4 > len(s) {
		return -1
	}
	if s[p]|0x20 == 'w' && s[p+1]|0x20 == 'w' && s[p+2]|0x20 == 'w' && s[p+3] == '.' {
		return p + 4
	}
	if s[p]|0x20 != 'h' || s[p+1]|0x20 != 't' || s[p+2]|0x20 != 't' || s[p+3]|0x20 != 'p' {
		return -1
	}
	q := p + 4
	rest := s[q:]
	switch {
	case strings.HasPrefix(rest, "://"):
		return q + 3
	case len(rest) > 0 && rest[0]|0x20 == 's' && strings.HasPrefix(rest[1:], "://"):
		return q + 4
	case strings.HasPrefix(rest, "ſ://"):
		return q + len("ſ://")
	}
	return -1
}

// urlAt is the end of the match at p, -1 when none starts there: a word boundary before
// p (\b: an ASCII letter, digit or underscore there is no boundary), the prefix, then as
// many characters as possible, at least one, that are neither ASCII white space (Go's \s:
// tab, line feed, form feed, carriage return, space) nor <>"“”«»‘’.
func urlAt(s string, p int) int {
	if p > 0 && isURLWordByte(s[p-1]) {
		return -1
	}
	q := urlPrefixEnd(s, p)
	if q < 0 {
		return -1
	}
	e := q
	for e < len(s) {
		if c := s[e]; c < utf8.RuneSelf {
			if c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ' || c == '<' || c == '>' || c == '"' {
				break
			}
			e++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[e:])
		if r == '“' || r == '”' || r == '«' || r == '»' || r == '‘' || r == '’' {
			break
		}
		e += n
	}
	if e == q {
		return -1
	}
	return e
}

func isURLWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// symbolMatches appends to out the matches in s of
//
//	[A-Z][A-Z0-9]*(?:[.\-][A-Z0-9]+)*
//	(?:/(?:[A-Z][a-z]{1,6}\.\d+|\d+(?:[.\-]\d+)*[A-Z]?|[A-Z][A-Z0-9]*(?:[.\-][A-Z0-9]+)*)){2,}
//	(?:[ \x{a0}]?\((?i:rev|add|corr|amend|suppl?)\.[ \x{a0}]?\d+\))?
//
// (one expression, cut in three lines), found from each slash. Every part ends where its
// greedy reading ends: what a shorter reading leaves next is a letter, digit, dot or
// hyphen, never the slash or bracket the expression needs next. So the match starting
// before a slash is decided by that slash; the first component is read backwards from it.
func symbolMatches(s string, out [][2]int) [][2]int {
	from := 0
	for k := 0; k < len(s); {
		i := strings.IndexByte(s[k:], '/')
		if i < 0 {
			break
		}
		k += i
		if p := firstComponentStart(s, from, k); p >= 0 {
			if e := symbolRest(s, k); e >= 0 {
				out = append(out, [2]int{p, e})
				from, k = e, e
				continue
			}
		}
		k++
	}
	return out
}

func isUpperByte(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isUpperDigit(c byte) bool { return isUpperByte(c) || isDigitByte(c) }
func isSymbolSep(c byte) bool  { return c == '.' || c == '-' }
func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// firstComponentStart is the first position p at or after from where
// [A-Z][A-Z0-9]*(?:[.\-][A-Z0-9]+)* reads s[p:k] whole, -1 when there is none: a capital
// at p, then capitals, digits and single dots or hyphens, the last character before k
// no dot or hyphen.
func firstComponentStart(s string, from, k int) int {
	if k == 0 || k-1 < from || !isUpperDigit(s[k-1]) {
		return -1
	}
	best := -1
	for i := k - 1; i >= from; i-- {
		c := s[i]
		switch {
		case isUpperByte(c):
			best = i
		case isDigitByte(c):
		case isSymbolSep(c):
			if isSymbolSep(s[i+1]) {
				return best // two in a row: no start at or before i
			}
		default:
			return best
		}
	}
	return best
}

// symbolRest is the end of the match of the components after the first (at least two)
// and of the bracketed revision, starting at the slash at k; -1 when fewer than two
// components follow. The second component must be read after the first as the
// expression's first choice that lets one follow; from the third on, the first choice
// that reads at all is taken.
func symbolRest(s string, k int) int {
	for alt := range 3 {
		e := componentEnd(s, k+1, alt)
		if e < 0 || e >= len(s) || s[e] != '/' {
			continue
		}
		e = anyComponentEnd(s, e+1)
		if e < 0 {
			continue
		}
		for e < len(s) && s[e] == '/' {
			next := anyComponentEnd(s, e+1)
			if next < 0 {
				break
			}
			e = next
		}
		return revisionEnd(s, e)
	}
	return -1
}

// anyComponentEnd is componentEnd of the first of the three choices that reads at i.
func anyComponentEnd(s string, i int) int {
	for alt := range 3 {
		if e := componentEnd(s, i, alt); e >= 0 {
			return e
		}
	}
	return -1
}

// componentEnd is the end of the greedy reading at i of one choice of a component, -1
// when it does not read: alt 0 is [A-Z][a-z]{1,6}\.\d+ ("Add.2"), alt 1
// \d+(?:[.\-]\d+)*[A-Z]? ("59", "2005-06", "4.1b" without the b), alt 2
// [A-Z][A-Z0-9]*(?:[.\-][A-Z0-9]+)* ("CN.4", "PC-2").
func componentEnd(s string, i, alt int) int {
	if i >= len(s) {
		return -1
	}
	switch alt {
	case 0:
		if !isUpperByte(s[i]) {
			return -1
		}
		j := i + 1
		for j < len(s) && isLowerASCII(s[j]) {
			j++
		}
		if n := j - i - 1; n < 1 || n > 6 || j+1 >= len(s) || s[j] != '.' || !isDigitByte(s[j+1]) {
			return -1
		}
		return digitsEnd(s, j+1)
	case 1:
		if !isDigitByte(s[i]) {
			return -1
		}
		j := digitsEnd(s, i)
		for j+1 < len(s) && isSymbolSep(s[j]) && isDigitByte(s[j+1]) {
			j = digitsEnd(s, j+1)
		}
		if j < len(s) && isUpperByte(s[j]) {
			j++
		}
		return j
	default:
		if !isUpperByte(s[i]) {
			return -1
		}
		j := i + 1
		for {
			for j < len(s) && isUpperDigit(s[j]) {
				j++
			}
			if j+1 < len(s) && isSymbolSep(s[j]) && isUpperDigit(s[j+1]) {
				j++
				continue
			}
			return j
		}
	}
}

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigitByte(s[i]) {
		i++
	}
	return i
}

// revisionEnd is the end of (?:[ \x{a0}]?\((?i:rev|add|corr|amend|suppl?)\.[ \x{a0}]?\d+\))?
// read at e: e itself when there is no revision there.
func revisionEnd(s string, e int) int {
	q := skipSpaceOrNBSP(s, e)
	if q >= len(s) || s[q] != '(' {
		return e
	}
	q++
	for _, w := range [...]string{"rev", "add", "corr", "amend", "suppl", "supp"} {
		if j := foldPrefixEnd(s, q, w); j >= 0 && j < len(s) && s[j] == '.' {
			d := skipSpaceOrNBSP(s, j+1)
			if d >= len(s) || !isDigitByte(s[d]) {
				return e
			}
			d = digitsEnd(s, d)
			if d < len(s) && s[d] == ')' {
				return d + 1
			}
			return e
		}
	}
	return e
}

// skipSpaceOrNBSP is i after one space or no-break space, if one is there.
func skipSpaceOrNBSP(s string, i int) int {
	switch {
	case i < len(s) && s[i] == ' ':
		return i + 1
	case strings.HasPrefix(s[i:], "\u00a0"):
		return i + len("\u00a0")
	}
	return i
}

// foldPrefixEnd is the end of the prefix of s[i:] that is w (lower-case ASCII) under
// simple case folding, as (?i) matches it ("ſ" is an s); -1 when there is none.
func foldPrefixEnd(s string, i int, w string) int {
	for _, want := range w {
		if i >= len(s) {
			return -1
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !foldEqual(r, want) {
			return -1
		}
		i += n
	}
	return i
}

// foldEqual reports whether r is in the case-folding orbit of want.
func foldEqual(r, want rune) bool {
	for f := want; ; {
		if f == r {
			return true
		}
		if f = unicode.SimpleFold(f); f == want {
			return false
		}
	}
}
