package model

import (
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
