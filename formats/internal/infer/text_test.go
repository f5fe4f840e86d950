package infer

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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
		"(a) item", "a) item", "一、 项目", "б) пункт", "\xff1 a", "Mr Smith: said", "один два три четыре пять: x"} {
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
