package infer

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/pipeline/model"
)

// The line tests written to run without allocating must answer as the plain forms they
// replace, here kept as references.

func numberThenLowerRef(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || !unicode.IsDigit([]rune(f[0])[0]) || strings.TrimFunc(f[0], func(r rune) bool { return unicode.IsDigit(r) || r == ',' }) != "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[1])
	return unicode.IsLower(r)
}

func wordInRef(s string, set map[string]bool) (string, bool) {
	for _, w := range wordsOf(s) {
		if set[w] {
			return w, true
		}
	}
	return "", false
}

func FuzzLineTests(f *testing.F) {
	for _, s := range []string{"", "12 members agreed", "1,200 delegates", "2020 Budget", "10. New Business",
		" \u00a03 items", "Canada AGREED to", "The Chair noted", "anti-Corruption", "Ⅻ ⅻ İstanbul",
		"(a) item", "a) item", "一、 项目", "б) пункт", "\xff1 a", "Mr Smith: said", "主席：会议", "a；b", "\xef\xbc", "x\xef\xbc\x9a", "один два три четыре пять: x"} {
		f.Add(s)
	}
	set := map[string]bool{"agreed": true, "noted": true, "anti-corruption": true, "istanbul": true, "i̇stanbul": true, "ⅻ": true}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := numberThenLower(s), numberThenLowerRef(s); got != want {
			t.Errorf("numberThenLower(%q) = %v, want %v", s, got, want)
		}
		for n := 0; n < 6; n++ {
			if got, want := fieldsAtMost(s, n), len(strings.Fields(s)) <= n; got != want {
				t.Errorf("fieldsAtMost(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
		if got, want := indexColon(s), strings.IndexAny(s, ":;：；"); got != want {
			t.Errorf("indexColon(%q) = %d, want %d", s, got, want)
		}
		gw, gok := wordIn(s, set)
		ww, wok := wordInRef(s, set)
		if gw != ww || gok != wok {
			t.Errorf("wordIn(%q) = %q %v, want %q %v", s, gw, gok, ww, wok)
		}
		if !mayEnumerate(s) {
			for _, re := range []interface{ MatchString(string) bool }{reParen, reClose, reDot, reCJKEnum} {
				if re.MatchString(s) {
					t.Errorf("mayEnumerate(%q) = false, but %v matches", s, re)
				}
			}
		}
	})
}

// The word-at-a-time scans answer as the byte loops they replace.
func FuzzASCIIScans(f *testing.F) {
	for _, s := range []string{"", "Plain line of text, clean.", "two  spaces here and there ok", "tab\there x", "exactly8", "1234567  ",
		"café au lait and more words", "del\x7fete this line please", "trailing space ", " leading", "a\u00a0b  c\u200bd  e",
		"        ", "abcdefg  hijklmn", "abcdefgh ijklmnop qrstuvw  x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
		if got, want := model.ASCII(s), strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) < 0; got != want {
			t.Errorf("model.ASCII(%q) = %v, want %v", s, got, want)
		}
		if got, want := cleanASCII(s), cleanASCIIRef(s); got != want {
			t.Errorf("cleanASCII(%q) = %v, want %v", s, got, want)
		}
		if got, want := units(s), unitsRef(s); got != want {
			t.Errorf("units(%q) = %d, want %d", s, got, want)
		}
		var got, want strings.Builder
		var n, m normalizer
		n.run(s, &got)
		normalizeRef(&m, s, &want)
		if got.String() != want.String() || n != m {
			t.Errorf("normalizer.run(%q) = %q %+v, want %q %+v", s, got.String(), n, want.String(), m)
		}
	})
}

func cleanASCIIRef(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || (c == ' ' && prev == ' ') {
			return false
		}
		prev = c
	}
	return true
}

func unitsRef(s string) int {
	words, cjk := 0, 0
	inWord := false
	for _, r := range s {
		switch {
		case isCJK(r):
			cjk++
			inWord = false
		case unicode.IsSpace(r) || isNoBreak(r):
			inWord = false
		case !inWord && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			words++
			inWord = true
		}
	}
	return words + (cjk+1)/2
}

func normalizeRef(n *normalizer, s string, b *strings.Builder) {
	for _, r := range s {
		switch {
		case invisible(r):
		case isSpaceRune(r):
			if !n.started {
				switch r {
				case '\t':
					n.indent += 4 - n.indent%4
				case '\u3000':
					n.indent += 2
				default:
					n.indent++
				}
				continue
			}
			if n.pending == 0 || (n.pending == ' ' && isNoBreak(r)) {
				if isNoBreak(r) {
					n.pending = r
				} else {
					n.pending = ' '
				}
			}
		default:
			if n.pending != 0 {
				b.WriteRune(n.pending)
				n.pending = 0
			}
			n.started = true
			b.WriteRune(r)
		}
	}
}
