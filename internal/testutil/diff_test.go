package testutil

import (
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	want := "a\nb\nc\nd\ne\nf\ng\n"
	tests := []struct {
		name, got string
		has       []string
		hasNot    []string
	}{
		{"one line changed", "a\nb\nc\nD\ne\nf\ng\n", []string{"@@ line 4", "- d", "+ D", "  c", "  e"}, []string{"+ d", "- D"}},
		{"line added", "a\nb\nc\nd\nx\ne\nf\ng\n", []string{"@@ line 5: 0 line(s) of want, 1 of got", "+ x"}, []string{"- "}},
		{"tail cut", "a\nb\n", []string{"@@ line 3", "- c", "- g"}, []string{"+ "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Diff(want, tt.got)
			for _, h := range tt.has {
				if !strings.Contains(d, h) {
					t.Errorf("diff lacks %q:\n%s", h, d)
				}
			}
			for _, h := range tt.hasNot {
				if strings.Contains(d, h) {
					t.Errorf("diff has %q:\n%s", h, d)
				}
			}
		})
	}
	long := strings.Repeat("x\n", 500)
	if d := Diff(long, strings.Repeat("y\n", 500)); strings.Count(d, "\n") > 2*diffLines+6 {
		t.Errorf("diff of 500 changed lines has %d lines", strings.Count(d, "\n"))
	}
}
