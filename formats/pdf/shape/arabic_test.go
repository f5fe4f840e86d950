package shape

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// runes renders a string as code points, so failures show what the glyphs are.
func runes(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	return b.String()
}

func TestArabic(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"salam: initial seen, final lam-alef, isolated meem", "سلام", "\uFEB3\uFEFC\uFEE1"},
		{"lam-alef alone", "لا", "\uFEFB"},
		{"lam-alef after a joining letter is final", "بلا", "\uFE91\uFEFC"},
		{"lam-alef with madda, hamza above and below", "لآ لأ لإ", "\uFEF5 \uFEF7 \uFEF9"},
		{"lam with fatha before alef still ligates, mark follows", "لَا", "\uFEFB\u064E"},
		{"shadda and fatha stay after their letter", "مُحَمَّد",
			"\uFEE3\u064F\uFEA4\u064E\uFEE4\u064E\u0651\uFEAA"},
		{"superscript alef is transparent", "هٰذا", "\uFEEB\u0670\uFEAC\uFE8D"},
		{"right-joining letter breaks the word", "دار", "\uFEA9\uFE8D\uFEAD"},
		{"hamza joins nothing", "بءب", "\uFE8F\uFE80\uFE8F"},
		{"tatweel forces joining", "بـ", "\uFE91\u0640"},
		{"tatweel between letters", "بـب", "\uFE91\u0640\uFE90"},
		{"ZWJ forces joining", "ب\u200D", "\uFE91\u200D"},
		{"ZWNJ prevents joining", "ب\u200Cب", "\uFE8F\u200C\uFE8F"},
		{"teh marbuta final", "مدرسة", "\uFEE3\uFEAA\uFEAD\uFEB3\uFE94"},
		{"alef maksura final only", "على", "\uFECB\uFEE0\uFEF0"},
		{"Persian pe, farsi yeh, tcheh, gaf, keheh, jeh", "پیچ گک ژ",
			"\uFB58\uFBFF\uFB7B \uFB94\uFB8F \uFB8A"},
		{"Latin and digits untouched", "PC-2/DT/2 (rev.2) 14:00", "PC-2/DT/2 (rev.2) 14:00"},
		{"mixed", "وثيقة A/78/1", "\uFEED\uFE9B\uFEF4\uFED8\uFE94 A/78/1"},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb", "a\uFFFDb"},
		{"invalid UTF-8 among Arabic", "ب\xffب", "\uFE8F\uFFFD\uFE8F"},
		{"empty", "", ""},
		{"letters without presentation forms are left alone", "ػ", "ػ"},
		{"LRM does not break joining", "ب\u200Eب", "\uFE91\u200E\uFE90"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Arabic(tt.in)
			if got != tt.want {
				t.Errorf("Arabic(%q)\n got %s\nwant %s", tt.in, runes(got), runes(tt.want))
			}
		})
	}
}

// TestArabicRoundTrip checks that compatibility normalization gives back the input: the
// shaper only ever substitutes forms of the same letter (what pdftotext users rely on).
func TestArabicRoundTrip(t *testing.T) {
	for _, s := range []string{
		"قال ممثل كندا إن الوثيقة صدرت في أيار/مايو",
		"مُحَمَّدٌ رَسُولُ اللَّهِ",
		"السلام عليكم ورحمة الله وبركاته",
		"پیشنهاد گزارش کمیته",
	} {
		got := norm.NFKC.String(Arabic(s))
		if want := norm.NFKC.String(s); got != want {
			t.Errorf("NFKC(Arabic(%q)) = %q", s, got)
		}
	}
}

// TestFormsDecompose checks the generated table: every form decomposes to its letter, and
// the columns hold distinct code points.
func TestFormsDecompose(t *testing.T) {
	for base, forms := range arabicForms() {
		seen := map[rune]bool{}
		for col, f := range forms {
			if f == 0 {
				continue
			}
			if got, want := norm.NFKC.String(string(f)), norm.NFKC.String(string(base)); got != want {
				t.Errorf("form %d of U+%04X: U+%04X decomposes to %s", col, base, f, runes(got))
			}
			if seen[f] {
				t.Errorf("U+%04X: form U+%04X repeated", base, f)
			}
			seen[f] = true
		}
		if forms[0] == 0 {
			t.Errorf("U+%04X has no isolated form", base)
		}
	}
	// Every letter of the basic block that has forms in Unicode is covered.
	for r := rune(0x0621); r <= 0x064A; r++ {
		if r >= 0x063B && r <= 0x0640 {
			continue // no presentation forms exist for these (and 0640 is tatweel)
		}
		if _, ok := arabicForms()[r]; !ok {
			t.Errorf("U+%04X missing from the table", r)
		}
	}
}

func FuzzArabic(f *testing.F) {
	for _, s := range []string{"سلام", "لا", "مُحَمَّد", "بـ\u200D\u200C", "abc", "\xff\xfe", "لَّ\u0670ا"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Arabic(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 output for %q", s)
		}
		// Shaping never adds characters: ligatures only remove them.
		if utf8.RuneCountInString(out) > utf8.RuneCountInString(s) {
			t.Fatalf("output longer than input: %q → %q", s, out)
		}
	})
}

// TestLetters: every presentation form Arabic makes maps back to the letters it was made
// from, which are its compatibility decomposition (up to the decomposition of the letter
// itself: U+FBDD is the form of U+0677, which decomposes further).
func TestLetters(t *testing.T) {
	const text = "الأمم المتحدة لا إلا بلا"
	shaped := Arabic(text)
	var back strings.Builder
	for _, r := range shaped {
		if s, ok := Letters(r); ok {
			back.WriteString(s)
		} else {
			back.WriteRune(r)
		}
	}
	if back.String() != text {
		t.Errorf("%q shaped as %q reads back as %q", text, shaped, back.String())
	}
	for r, s := range formLetters() {
		if d := norm.NFKC.String(string(r)); d != norm.NFKC.String(s) {
			t.Errorf("U+%04X: %q, its decomposition is %q", r, s, d)
		}
	}
	if _, ok := Letters('a'); ok {
		t.Error("a Latin letter is taken for a presentation form")
	}
}
