package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGCPercentFor: the small-input target for one short input, Go's default for one
// ordinary input, the batch target for several, the large-input target as soon as one input
// is large (a file or standard input).
func TestGCPercentFor(t *testing.T) {
	dir := t.TempDir()
	small, medium, large := filepath.Join(dir, "a.txt"), filepath.Join(dir, "m.txt"), filepath.Join(dir, "b.txt")
	if err := os.WriteFile(small, []byte("notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(medium, make([]byte, smallInput), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(large, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(large, largeInput); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		inputs []input
		want   int
	}{
		{"one small", []input{{path: small}}, smallGCPercent},
		{"one ordinary", []input{{path: medium}}, 0},
		{"small standard input", []input{{path: "-", data: []byte("notes")}}, smallGCPercent},
		{"batch", []input{{path: small}, {path: small}}, batchGCPercent},
		{"one large", []input{{path: large}}, largeGCPercent},
		{"batch with a large one", []input{{path: small}, {path: large}}, largeGCPercent},
		{"large standard input", []input{{path: "-", data: make([]byte, largeInput)}}, largeGCPercent},
	} {
		if got := gcPercentFor(c.inputs); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}
