package infer

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// TestPageFurniture: page numbers and running heads of a paginated extraction are dropped;
// the text that shares a line with a form feed is not.
func TestPageFurniture(t *testing.T) {
	cases := []struct {
		name, text string
		dropped    []int // line indexes, from 0
	}{
		{"no pagination", "Canada said.\n\nEgypt agreed.", nil},
		{"page numbers", "Canada said.\n\n1\n\nEgypt agreed.\n\n2\n\nBrazil objected.", []int{2, 6}},
		{"form feed before a page's first line", "Canada said.\n1\n\fEgypt agreed.\n2\n\fBrazil objected.", []int{1, 3}},
		{"form feed alone or with a page number", "Canada said.\n\f\nEgypt agreed.\n\f2\nBrazil objected.", []int{1, 3}},
		{"running head on the form feed's line", "\fMinutes of the Council\nCanada said.\n\fMinutes of the Council\nEgypt agreed.\n\fMinutes of the Council\nBrazil objected.", []int{0, 2, 4}},
		{"a recurring line away from the breaks is kept", "Canada said.\n1\nEgypt agreed.\nBrazil objected.\nNo report.\nChina too.\nIndia too.\nNo report.\nFrance too.\nSpain too.\n2", []int{1, 10}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			drop := PageFurniture(strings.Split(c.text, "\n"))
			var got []int
			for i, d := range drop {
				if d {
					got = append(got, i)
				}
			}
			if len(got) != len(c.dropped) {
				t.Fatalf("dropped %v, want %v", got, c.dropped)
			}
			for i := range got {
				if got[i] != c.dropped[i] {
					t.Fatalf("dropped %v, want %v", got, c.dropped)
				}
			}
		})
	}
}

// TestPageNumberRunes: every rune rePageNumber can match passes pageNumberRune, so the
// runes alone may rule a line out.
func TestPageNumberRunes(t *testing.T) {
	// The letters of the expression, but for those of escapes (\s, \d).
	var letters []rune
	expr := []rune(rePageNumber.String())
	for i, r := range expr {
		if unicode.IsLetter(r) && (i == 0 || expr[i-1] != '\\') {
			letters = append(letters, r)
		}
	}
	oneRune := regexp.MustCompile(`(?i)^[` + string(letters) + `0-9\s./|\-–—]$`)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if oneRune.MatchString(string(r)) && !pageNumberRune(r) {
			t.Errorf("pageNumberRune(%U) = false; rePageNumber can match it", r)
		}
	}
	lines := []string{"3", "Page 3", "PAGE 3 OF 9", "3/9", "- 3 -", "3 | Pa ge", "Стр. 4", "СТРАНИЦА 2 ИЗ 5", "página 2 de 3", "3 ſur 4", "2 May 2005"}
	files, _ := filepath.Glob("../../../testdata/real/*")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if got, want := isPageNumber(l), rePageNumber.MatchString(l); got != want {
			t.Errorf("isPageNumber(%q) = %v, rePageNumber says %v", l, got, want)
		}
	}
}
