package infer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/internal/lazyre"
)

// bulletMatch is a recognised bullet at the start of a line.
type bulletMatch struct {
	marker, class string
	off           int
	weak          bool
}

// symbolBullets are the bullet characters of word processors and typists. A space after
// them is optional for the typographic ones, required for ASCII ones ("-1.5", "*emphasis*").
var symbolBullets = map[rune]bool{
	'·': false, '•': false, '◦': false, '▪': false, '▫': false, '■': false, '□': false,
	'►': false, '▶': false, '➢': false, '➤': false, '‣': false, '⁃': false, '∙': false,
	'●': false, '○': false, '\uf0b7': false, '\uf0a7': false, '✓': false, '✔': false,
	'-': true, '*': true, '+': true, '–': true, '—': true,
}

// Enumerated markers: (a) (i) (1) (A), a) i) 1), 1. a., Cyrillic and Arabic letters, and the
// Chinese 一、 （一） 1、 forms. They are matched on a short prefix only, so a 10 MB line
// costs nothing here.
var (
	reParen   = lazyre.New(`^[(（]([a-zA-Z]{1,3}|[0-9]{1,3}|\p{Cyrillic}|\p{Arabic}{1,2}|[一二三四五六七八九十]{1,3})[)）]\s*`)
	reClose   = lazyre.New(`^([a-z]{1,3}|[0-9]{1,3}|\p{Cyrillic})\)\s+`)
	reDot     = lazyre.New(`^([0-9]{1,3}|[a-z])\.\s+`)
	reCJKEnum = lazyre.New(`^([一二三四五六七八九十]{1,3}|[0-9]{1,3})、\s*`)
	reRoman   = lazyre.New(`^[ivxlc]+$`)
)

// findBullet recognises a bullet or enumerated marker at the start of t.
func findBullet(t string) (bulletMatch, bool) {
	r, size := utf8.DecodeRuneInString(t)
	// Only three of the bullet characters are ASCII: a line opening with any other ASCII
	// character (most lines) does not look the map up.
	needSpace, ok := false, false
	if r >= utf8.RuneSelf || r == '-' || r == '*' || r == '+' {
		needSpace, ok = symbolBullets[r]
	}
	if ok {
		rest := t[size:]
		spaced := strings.HasPrefix(rest, " ")
		if needSpace && !spaced {
			return bulletMatch{}, false
		}
		off := size
		if spaced {
			off++
		}
		if !hasWord(t[off:]) {
			return bulletMatch{}, false
		}
		class := string(r)
		switch r {
		case '–', '—':
			class = "–"
		}
		return bulletMatch{marker: string(r), class: class, off: off}, true
	}
	// "o" as a bullet is what Word's outline lists become in plain text; as a word it only
	// starts lines in a few languages, so it needs neighbouring bullets.
	if strings.HasPrefix(t, "o ") && hasWord(t[2:]) {
		return bulletMatch{marker: "o", class: "o", off: 2, weak: true}, true
	}
	if !mayEnumerate(t) {
		return bulletMatch{}, false
	}
	prefix := t
	if len(prefix) > 32 {
		cut := 32
		for cut > 0 && !utf8.RuneStart(prefix[cut]) {
			cut--
		}
		prefix = prefix[:cut]
	}
	if m := reParen.FindStringSubmatchIndex(prefix); m != nil {
		return enumMatch(t, m, "(", ")")
	}
	if m := reClose.FindStringSubmatchIndex(prefix); m != nil {
		return enumMatch(t, m, "", ")")
	}
	if m := reCJKEnum.FindStringSubmatchIndex(prefix); m != nil {
		return enumMatch(t, m, "", "、")
	}
	if m := reDot.FindStringSubmatchIndex(prefix); m != nil {
		b, ok := enumMatch(t, m, "", ".")
		// "a. text" is a weak marker ("a. m." is not a list); "12. text" is a typed paragraph
		// number, decided later from context.
		b.weak = b.class == "a."
		return b, ok
	}
	return bulletMatch{}, false
}

// mayEnumerate reports whether t could open with an enumerated marker, so that the
// expressions run on few lines: every marker opens with a bracket, a small Latin letter, a
// digit, a Cyrillic letter or a Chinese numeral, and a marker without a bracket ends in
// ")", "." or "、" within its first few characters. Most lines of notes open with a
// capital and are rejected by their first byte.
func mayEnumerate(t string) bool {
	if t == "" {
		return false
	}
	c := t[0]
	switch {
	case c == '(':
		return true
	case c >= '0' && c <= '9' || c >= 'a' && c <= 'z':
	case c < utf8.RuneSelf:
		return false
	default:
		r, _ := utf8.DecodeRuneInString(t)
		switch {
		case r == '（':
			return true
		case unicode.Is(unicode.Cyrillic, r), strings.ContainsRune("一二三四五六七八九十", r):
		default:
			return false
		}
	}
	// The counter is at most three characters (nine bytes for Chinese numerals) before its
	// closing mark.
	head := t[:min(len(t), 12)]
	return strings.IndexByte(head, ')') >= 0 || strings.IndexByte(head, '.') >= 0 || strings.Contains(head, "、")
}

// enumMatch builds the match of an enumerated marker; its class names the counter style.
func enumMatch(t string, m []int, open, close string) (bulletMatch, bool) {
	counter := t[m[2]:m[3]]
	off := m[1]
	if !hasWord(t[off:]) {
		return bulletMatch{}, false
	}
	return bulletMatch{marker: strings.TrimSpace(t[:off]), class: open + counterStyle(counter) + close, off: off}, true
}

// counterStyle reduces a counter to its style: "a", "A", "i", "1", "一", "а" (Cyrillic),
// "أ" (Arabic).
func counterStyle(c string) string {
	r, _ := utf8.DecodeRuneInString(c)
	switch {
	case r >= '0' && r <= '9':
		return "1"
	case reRoman.MatchString(c) && (len(c) > 1 || c == "i"):
		// A lone "v" or "x" is more often a letter than a roman numeral; "i" is decided by
		// the list it falls in (see nest).
		return "i"
	case r >= 'a' && r <= 'z':
		return "a"
	case r >= 'A' && r <= 'Z':
		return "A"
	case strings.ContainsRune("一二三四五六七八九十", r):
		return "一"
	case r >= 0x0400 && r <= 0x04FF:
		return "а"
	default:
		return "أ"
	}
}
