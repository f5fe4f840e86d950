package normalize

import (
	"testing"
)

// fastPathInputs mixes the characters the fast paths decide on: spaces of every kind,
// controls, hyphens next to digits, times, marks, invalid bytes.
var fastPathInputs = []string{
	"", " ", "  ", "a b", "a  b", "a\tb", "a\u00a0b", "a \u00a0b", "a\u202f\u00a0b", "a\u2003b", "a\u2007b",
	"\xff", "a\xffb", "line\nbreak", "\u200e mark", "\ufeffbom", "c1\u0085", "del\x7f", "ok \uFFFD",
	"10-12", "10 - 12", "2005-05-02", "14:00-17:30", "9.30 - 12.00", "9h-12h", "9h30\t-\t12h", "9h3-4",
	"A/59-60", "05-35610", "co-chair", "--help", "a -- b", "a --- b", "----", "1990-2000.", "x-1", "h-1",
	"Non ; oui ! quoi ? ici : là", "«texte»", "http://x", "14:00",
}

// TestRangeHyphenNecessary checks that the prefilters never skip a string the range
// expressions match.
func TestRangeHyphenNecessary(t *testing.T) {
	var ins []string
	for _, a := range fastPathInputs {
		for _, b := range fastPathInputs {
			ins = append(ins, a+b, a+" "+b)
		}
	}
	for _, s := range ins {
		if reTimeRange.MatchString(s) && !rangeHyphen(s, true) {
			t.Errorf("rangeHyphen(%q, time) = false, but reTimeRange matches", s)
		}
		if reNumRange.MatchString(s) && !rangeHyphen(s, false) {
			t.Errorf("rangeHyphen(%q) = false, but reNumRange matches", s)
		}
	}
}

// TestCleanFastPaths checks that a string the fast paths pass through is one the full
// rewrite leaves unchanged.
func TestCleanFastPaths(t *testing.T) {
	for _, a := range fastPathInputs {
		for _, b := range fastPathInputs {
			s := a + b
			if !needsCollapse(s) && collapseRunes(s) != s {
				t.Errorf("needsCollapse(%q) = false, but collapsing gives %q", s, collapseRunes(s))
			}
		}
	}
}
