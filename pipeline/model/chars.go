package model

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CleanChars applies NFC and removes invisible controls: bidi controls (U+202E and the
// others: writers set direction from the locale, and a stray override reverses text),
// byte order marks and other C0 and C1 controls. Line breaks and tabs become spaces: a run
// is flowing text, and the reader has already decided where blocks end. Readers' text goes
// through it in the clean transform, translated text when it is applied.
func CleanChars(s string) string {
	if s == "" || PrintableASCII(s) {
		// Most runs of most notes: valid, in NFC, without a control; three passes over
		// them (validity, NFC's quick check, controls) were a third of cleaning.
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFC.String(s)
	if !hasControls(s) {
		return s
	}
	return dropControls(s)
}

// ASCII reports whether every byte of s is below 0x80. It reads s eight bytes at a time:
// readers and normalizers ask it of whole lines and paragraphs to take their ASCII paths.
func ASCII(s string) bool {
	const highs = 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if x&highs != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// PrintableASCII reports whether s holds only the printable ASCII characters, from the
// space to '~': no control, no byte above 0x7E. It reads s eight bytes at a time.
func PrintableASCII(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for len(s) >= 8 {
		x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		// Once no byte has its high bit set, a byte below 0x20 leaves its high bit set in
		// x-0x20 (and not in x), and so does a zero byte of x^0x7F (a DEL) in x^0x7F-1.
		del := x ^ 0x7F*ones
		if x&highs != 0 || (x-0x20*ones)&^x&highs != 0 || (del-ones)&^del&highs != 0 {
			return false
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7E {
			return false
		}
	}
	return true
}

// dropControls is the rewrite of CleanChars: line breaks and tabs become spaces, bidi
// controls, BOMs and other controls go.
func dropControls(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case isBidiControl(r) || r == 0xFEFF:
			// Invisible direction marks render as boxes in PDF fonts and confuse matching;
			// writers set direction from the locale instead.
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
			// Other C0 and C1 controls carry nothing printable.
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasControls reports whether CleanChars would change the valid UTF-8 string s: a line
// break, tab, bidi control, BOM or other control character. Most runs have none, and
// copying them rune by rune was a large part of cleaning.
func hasControls(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7F {
			return true
		}
		if c < utf8.RuneSelf {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0x85 || r == 0x2028 || r == 0x2029 || isBidiControl(r) || r == 0xFEFF || (r >= 0x80 && r <= 0x9F) {
			return true
		}
		i += n - 1
	}
	return false
}

func isBidiControl(r rune) bool {
	switch {
	case r == 0x200E || r == 0x200F || r == 0x061C:
		return true
	case r >= 0x202A && r <= 0x202E:
		return true
	case r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
