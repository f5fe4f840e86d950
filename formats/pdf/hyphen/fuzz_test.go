package hyphen

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzBreaks feeds any text to every language: no panic, and every break lies inside
// the token, on a rune boundary, in order, with its rune offset right; every point
// respects the minimums.
func FuzzBreaks(f *testing.F) {
	for _, s := range []string{
		"information", "(l’économie),", "Secretary-General's", "A/HRC/59/1", "infor\u00admation",
		"информация", "información", "http://x.y", "aujourd’hui", "--", "a-", "’", "\u00ad",
		"ﬁnancement", "İstanbul", "ǅemal", strings.Repeat("ab", 100), "\xff\xfe", "a\u0301b",
	} {
		f.Add(s)
	}
	dicts := make([]*Dict, 0, len(languages))
	for _, tag := range Languages() {
		dicts = append(dicts, mustLoad(f, tag))
	}
	f.Fuzz(func(t *testing.T, token string) {
		for _, d := range dicts {
			prev := 0
			for _, b := range d.Breaks(token, Rules{}) {
				if b.Byte <= prev || b.Byte >= len(token) || !utf8.RuneStart(token[b.Byte]) {
					t.Fatalf("%s: Breaks(%q): bad break %+v", d.Lang(), token, b)
				}
				if n := utf8.RuneCountInString(token[:b.Byte]); n != b.Rune {
					t.Fatalf("%s: Breaks(%q): break %+v is rune %d", d.Lang(), token, b, n)
				}
				prev = b.Byte
			}
			left, right := d.Mins()
			n := utf8.RuneCountInString(token)
			prevPt := 0
			for _, p := range d.Points(token) {
				if p <= prevPt || p < left || p > n-right {
					t.Fatalf("%s: Points(%q): point %d out of order or within the minimums", d.Lang(), token, p)
				}
				prevPt = p
			}
			if utf8.ValidString(token) && !strings.Contains(token, "\x00") {
				if got := strings.ReplaceAll(d.Hyphenate(token, "\x00"), "\x00", ""); got != token {
					t.Fatalf("%s: Hyphenate(%q) lost text: %q", d.Lang(), token, got)
				}
			}
		}
	})
}
