package hyphen

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestLibreOfficeAgreement compares the breaks of every word in testdata/
// libreoffice-*.txt with LibreOffice's (see testdata/README.md). English and French
// use LibreOffice's patterns and must agree on every word; Spanish and Russian use
// TeX's, and the floors below are the measured agreement, so a change of patterns
// or algorithm that moves away from LibreOffice fails here.
func TestLibreOfficeAgreement(t *testing.T) {
	for _, c := range []struct {
		lang string
		// sameWords is the least share of words hyphenated exactly alike; recall the
		// least share of LibreOffice's breaks that the package also finds.
		sameWords, recall float64
	}{
		{"en", 1, 1},
		{"fr", 1, 1},
		{"es", 0.95, 0.97},
		{"ru", 0.40, 0.97},
	} {
		d := mustLoad(t, c.lang)
		f, err := os.Open("testdata/libreoffice-" + c.lang + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		var words, same, loPoints, ours, common int
		var diffs []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			word, lo, ok := strings.Cut(sc.Text(), "\t")
			loWord, want := splitHyphenated(lo)
			if !ok || loWord != word {
				t.Fatalf("%s: bad line %q", c.lang, sc.Text())
			}
			got := d.Points(word)
			words++
			if slices.Equal(got, want) {
				same++
			} else if len(diffs) < 12 {
				diffs = append(diffs, lo+" ≠ "+d.Hyphenate(word, "-"))
			}
			loPoints += len(want)
			ours += len(got)
			for _, p := range got {
				if slices.Contains(want, p) {
					common++
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		sameShare, recall := float64(same)/float64(words), float64(common)/float64(loPoints)
		t.Logf("%s: %d words, %.1f%% hyphenated alike; LibreOffice %d breaks, scribe %d, common %d (%.1f%% of LibreOffice's)",
			c.lang, words, 100*sameShare, loPoints, ours, common, 100*recall)
		if len(diffs) > 0 {
			t.Logf("%s: LibreOffice ≠ scribe: %s", c.lang, strings.Join(diffs, ", "))
		}
		if sameShare < c.sameWords || recall < c.recall {
			t.Errorf("%s: agreement with LibreOffice fell to %.1f%% of words, %.1f%% of breaks; want at least %.0f%% and %.0f%%",
				c.lang, 100*sameShare, 100*recall, 100*c.sameWords, 100*c.recall)
		}
	}
}
