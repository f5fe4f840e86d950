package normalize

import (
	"strconv"
	"testing"

	"github.com/scribe-un/scribe/locales"
)

// TestStrStoreSameStrings checks the store's labels and ids against the locale's own
// Label and strconv, for every pattern of the embedded locales and across many buffers.
func TestStrStoreSameStrings(t *testing.T) {
	levels := []locales.Level{{Format: "decimal", Text: "%1."}, {Format: "decimal"}, {Format: "decimal", Text: "no counter"},
		{Format: "lowerLetter", Text: "(%1)"}, {Format: "upperRoman", Text: "%1."}, {Format: "decimal", Text: "%1 - %1"}}
	for _, loc := range locales.MustEmbedded().All() {
		levels = append(levels, loc.Numbering.Paragraph)
	}
	for _, lv := range levels {
		var s strStore
		var kept []string
		for n := -1; n < 5000; n++ {
			got, want := s.label(lv, n), lv.Label(n)
			if got != want {
				t.Fatalf("label(%+v, %d) = %q, want %q", lv, n, got, want)
			}
			kept = append(kept, got)
		}
		for i, k := range kept {
			if want := lv.Label(i - 1); k != want {
				t.Fatalf("label %d changed to %q, want %q", i-1, k, want)
			}
		}
	}
	var s strStore
	var kept []string
	for n := 0; n < 5000; n++ {
		kept = append(kept, s.numbered("p", n))
	}
	for n, k := range kept {
		if want := "p" + strconv.Itoa(n); k != want {
			t.Fatalf("numbered(p, %d) = %q, want %q", n, k, want)
		}
	}
}
