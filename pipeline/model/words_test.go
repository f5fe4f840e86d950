package model

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

func TestCountWords(t *testing.T) {
	for s, want := range map[string]int{
		"Canada recalled that the meeting's aim was clear.": 8,
		"PC-2/DT/2 (rev.2)":   5,
		"会议于2005年5月2日举行":      11,
		"اجتمع الفريق العامل": 3,
		"  ":                  0,
	} {
		doc := []Block{&Paragraph{Inlines: Texts(s, 1)}}
		if got := CountWords(doc); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
		}
	}
	fn := []Block{&Paragraph{Inlines: []Inline{{Kind: KindText, Text: "One two"}, {Kind: KindFootnote, Text: "1", Note: Texts("three four", 1)}}}}
	if got := CountWords(fn); got != 4 {
		t.Errorf("with a footnote: %d, want 4 (the marker is not a word)", got)
	}
}

// refCountWords is countWords as it was before its ASCII table.
func refCountWords(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		switch {
		case r >= 0x2e80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || (inWord && (r == '\'' || r == '’' || r == '-')):
			if !inWord {
				n++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	return n
}

func TestCountWordsMatchesReference(t *testing.T) {
	ps := []string{"a", "Z", "0", "9", "'", "-", "’", " ", ".", "\t", "_", "é", "e\u0301", "\u0301", "中", "の", "カ", "٣", "\xff", "\xe2\x80", "don't", "co-chair", "--", "''", "\u00a0", "ß", "Ω"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(ps[r.IntN(len(ps))])
		}
		s := b.String()
		if got, want := countWords(s), refCountWords(s); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add("Canada recalled that the meeting's aim was clear.")
	f.Add("会议于2005年5月2日举行")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countWords(s), refCountWords(s); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", s, got, want)
		}
	})
}
