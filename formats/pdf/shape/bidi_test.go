package shape

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

// reverse returns s with its runes in reverse order: the expected visual form of a run of
// Arabic letters.
func reverse(s string) string {
	rs := []rune(s)
	reverseRunes(rs)
	return string(rs)
}

func TestVisual(t *testing.T) {
	salam := "سلام"
	tests := []struct {
		name string
		in   string
		rtl  bool
		want string
	}{
		{"pure LTR unchanged", "Report of the Committee, 14:00–17:30", false, "Report of the Committee, 14:00–17:30"},
		{"pure Arabic reversed", salam, true, reverse(salam)},
		{"two Arabic words", "كلمة سلام", true, reverse(salam) + " " + reverse("كلمة")},
		{"document symbol stays LTR", "الوثيقة PC-2/DT/2 (rev.2) صدرت", true,
			reverse("صدرت") + " PC-2/DT/2 (rev.2) " + reverse("الوثيقة")},
		{"year stays LTR", "في 2005", true, "2005 " + reverse("في")},
		// Each time keeps its digits in order; the range reads right to left like the
		// words around it (UAX #9: the en dash between two numbers in Arabic text is R),
		// which is also how Word and LibreOffice show it.
		{"time range in Arabic", "من 14:00–17:30", true, "17:30–14:00 " + reverse("من")},
		{"brackets mirrored in RTL run", "ب (ا", true, "ا) ب"},
		{"bracketed Arabic", "(سلام)", true, "(" + reverse(salam) + ")"},
		{"guillemets mirrored", "«سلام»", true, "«" + reverse(salam) + "»"},
		{"Arabic word inside an LTR line", "The word سلام means peace", false,
			"The word " + reverse(salam) + " means peace"},
		// The level-0/level-2 case that go-text's runs merge: the number after the Arabic
		// word belongs to the RTL part, the Latin after it does not.
		{"digits after Arabic inside LTR", "abc كلمة 123 def", false, "abc 123 " + reverse("كلمة") + " def"},
		{"digits after Arabic at end of LTR", "See كلمة 2005", false, "See 2005 " + reverse("كلمة")},
		{"Arabic then digits at start of LTR", "كلمة 12 and 34", false, "12 " + reverse("كلمة") + " and 34"},
		{"digits before Arabic in LTR stay put", "In 2005 كلمة", false, "In 2005 " + reverse("كلمة")},
		{"Arabic-Indic digits in RTL", "رقم ١٢٣", true, "١٢٣ " + reverse("رقم")},
		{"mark precedes its base after reversal", "بَت", true, "تَب"},
		{"bidi controls stripped", "\u200Fabc\u061C \u2067x\u2069\u202B\u202C\u200E", false, "abc x"},
		{"controls stripped in RTL", "\u061Cسلام\u200F", true, reverse(salam)},
		{"Hebrew is RTL too", "שלום", true, "םולש"},
		{"LTR in RTL paragraph", "hello", true, "hello"},
		{"paragraphs reordered separately", "سلام\nكلمة", true, reverse(salam) + "\n" + reverse("كلمة")},
		{"trailing space stays at the paragraph end", "سلام ", true, " " + reverse(salam)},
		{"empty", "", true, ""},
		{"invalid UTF-8", "\xffسلام", true, reverse(salam) + "\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Visual(tt.in, tt.rtl)
			if got != tt.want {
				t.Errorf("Visual(%q, %t)\n got %q\nwant %q", tt.in, tt.rtl, got, tt.want)
			}
		})
	}
}

// TestVisualSentence pins the full pipeline (Arabic then Visual) on the reference sentence
// against a golden file, and checks its LTR islands independently of the golden.
func TestVisualSentence(t *testing.T) {
	const sentence = "قال ممثل كندا إن الوثيقة PC-2/DT/2 (rev.2) صدرت في 2 أيار/مايو 2005، 14:00–17:30."
	got := Visual(Arabic(sentence), true)
	for _, island := range []string{"PC-2/DT/2 (rev.2)", "2005", "14:00", "17:30"} {
		if !strings.Contains(got, island) {
			t.Errorf("visual line lost the left-to-right island %q: %q", island, got)
		}
	}
	// The sentence starts on the right: its first word is last in visual order, and the
	// full stop is first.
	if !strings.HasSuffix(got, reverse(Arabic("قال"))) {
		t.Errorf("first word is not at the right end: %q", got)
	}
	if !strings.HasPrefix(got, ".") {
		t.Errorf("full stop is not at the left end: %q", got)
	}
	golden := filepath.Join("testdata", "sentence.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got+"\n" != string(want) {
		t.Errorf("visual line differs from %s:\n got %s\nwant %s", golden, runes(got), runes(strings.TrimSuffix(string(want), "\n")))
	}
}

func TestHasRTL(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"hello", false},
		{"١٢٣", false}, // Arabic-Indic digits are numbers, not RTL letters
		{"abc سلام", true},
		{"\uFEB3", true}, // presentation forms count
		{"שלום", true},
		{"中文", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := HasRTL(tt.in); got != tt.want {
			t.Errorf("HasRTL(%q) = %t, want %t", tt.in, got, tt.want)
		}
	}
	if IsRTLRune('a') || !IsRTLRune('ب') || IsRTLRune('\u064E') {
		t.Error("IsRTLRune misclassifies a, ب or fatha")
	}
}

// visibleCount counts the runes Visual keeps (it drops bidi controls only).
func visibleCount(s string) int {
	n := 0
	for _, r := range s {
		if !isBidiControl(r) {
			n++
		}
	}
	return n
}

func FuzzVisual(f *testing.F) {
	for _, s := range []string{
		"قال ممثل كندا إن الوثيقة PC-2/DT/2 (rev.2) صدرت في 2 أيار/مايو 2005، 14:00–17:30.",
		"abc كلمة 123 def", "\u202Babc\u202C", "\u2067(\u2069", "((([[", "\xff\xfe", "a\nب\r\n1",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, rtl bool) {
		out := Visual(s, rtl)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 output for %q", s)
		}
		// Visual only reorders, mirrors and drops controls: it keeps every other rune
		// (an invalid byte counts as one U+FFFD, as in a range loop).
		if got, want := utf8.RuneCountInString(out), visibleCount(s); got != want {
			t.Fatalf("Visual(%q) has %d runes, want %d", s, got, want)
		}
		if !HasRTL(s) && !rtl && !strings.ContainsFunc(s, isBidiControl) && utf8.ValidString(s) && !hasRTLOrAN([]rune(s)) && out != s {
			t.Fatalf("pure LTR line changed: %q → %q", s, out)
		}
	})
}

// TestConcurrent runs the shaper and the reorderer from several goroutines (run with -race):
// they must not share state.
func TestConcurrent(t *testing.T) {
	const sentence = "قال ممثل كندا إن الوثيقة PC-2/DT/2 (rev.2) صدرت في 2 أيار/مايو 2005، 14:00–17:30."
	want := Visual(Arabic(sentence), true)
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func() {
			var got string
			for j := 0; j < 50; j++ {
				got = Visual(Arabic(sentence), true)
			}
			done <- got
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != want {
			t.Errorf("concurrent result differs: %q", got)
		}
	}
}
