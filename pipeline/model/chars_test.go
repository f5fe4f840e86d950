package model

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestCleanChars(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"Canada \u202Eevil\u202C said", "Canada evil said"},
		{"\uFEFFBOM", "BOM"},
		{"line\nbreak\ttab", "line break tab"},
		{"e\u0301", "é"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"c1 \u0085 next", "c1   next"},
		{"isolate \u2066x\u2069 mark \u200F", "isolate x mark "},
	}
	for _, tt := range tests {
		if got := CleanChars(tt.in); got != tt.want {
			t.Errorf("CleanChars(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCleanFastPath: a string hasControls passes through is one dropControls leaves as it is.
func TestCleanFastPath(t *testing.T) {
	inputs := []string{"", "a", " ", "\t", "\n", "\u00a0", "\u202e", "\ufeff", "\u0085", "\u2028", "é", "\x7f", "中", "\u200f", "\u2066"}
	for _, a := range inputs {
		for _, b := range inputs {
			s := strings.ToValidUTF8(a+b, "\uFFFD")
			if !hasControls(s) && dropControls(s) != s {
				t.Errorf("hasControls(%q) = false, but cleaning gives %q", s, dropControls(s))
			}
		}
	}
}

func TestPrintableASCII(t *testing.T) {
	plain := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 || s[i] > 0x7E {
				return false
			}
		}
		return true
	}
	edges := []byte{0, 1, 0x1F, 0x20, 0x21, 0x40, 0x7E, 0x7F, 0x80, 0x81, 0x9F, 0xA0, 0xC2, 0xFE, 0xFF}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		b := make([]byte, r.IntN(20))
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = edges[r.IntN(len(edges))]
			} else {
				b[i] = byte(0x20 + r.IntN(0x5F))
			}
		}
		if got, want := PrintableASCII(string(b)), plain(string(b)); got != want {
			t.Fatalf("PrintableASCII(%q) = %v, want %v", b, got, want)
		}
	}
	// Every byte value at every place of an eight-byte word of spaces.
	for at := range 8 {
		for c := range 256 {
			b := []byte("        ")
			b[at] = byte(c)
			if got, want := PrintableASCII(string(b)), plain(string(b)); got != want {
				t.Fatalf("PrintableASCII(%q) = %v, want %v", b, got, want)
			}
		}
	}
}
