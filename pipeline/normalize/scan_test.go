package normalize

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"

	"github.com/scribe-un/scribe/locales"
)

// The expressions the scanners of scan.go stand for (inlines.go ran them until the
// scanners replaced them).
var (
	specSymbol = regexp.MustCompile(
		`[A-Z][A-Z0-9]*(?:[.\-][A-Z0-9]+)*` +
			`(?:/(?:[A-Z][a-z]{1,6}\.\d+|\d+(?:[.\-]\d+)*[A-Z]?|[A-Z][A-Z0-9]*(?:[.\-][A-Z0-9]+)*)){2,}` +
			`(?:[ \x{a0}]?\((?i:rev|add|corr|amend|suppl?)\.[ \x{a0}]?\d+\))?`)
	specURL = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"“”«»‘’]+`)
)

// checkScanners compares the scanners with their expressions on s.
func checkScanners(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name string
		re   *regexp.Regexp
		scan func(string, [][2]int) [][2]int
	}{{"symbolMatches", specSymbol, symbolMatches}, {"urlMatches", specURL, urlMatches}} {
		var want [][2]int
		for _, m := range c.re.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if got := c.scan(s, nil); !slices.Equal(got, want) {
			t.Fatalf("%s(%q) = %v, want %v", c.name, s, got, want)
		}
	}
}

func TestScannersMatchExpressions(t *testing.T) {
	for _, s := range []string{
		"A/RES/59/220", "E/CN.4/2005/L.10/Add.1", "WSIS-II/PC-2/DT/2 (rev.2)", "WSIS-II/PC-2/DT/2(Rev.2)",
		"see A/59/L.1\u00a0(Add.\u00a03) and S/2005/1.5", "and/or NGOs/Civil CS/NGO 02/05/2005 formal / informal",
		"A/RES/59/220-1", "A/Addendum.2/3", "A/Add.2X/3", "A..B/C/D", "A.-B/C/D", "-A/B/C", "A./B/C",
		"X/1a/2", "X/1.2.3B/4", "X/(suppl.2)/Y", "A/B/C (ſuppl.1)", "A/B/C (SUPP.1)", "A/B/C (amend. 1)", "A/B/C (corr.)",
		"https://www.ietf.org/proceedings/97/slides/slides-97-quic-00.pdf.", "(see http://x/y)", "xhttp://a", "_www.a",
		"éwww.a", "WWW.UN.ORG", "httpſ://a", "HTTPS://A", "http:// a", "www.", "www. a", "http://a“b", "http://a\xffb",
		"http://a\vb", "wwwww.a", "http://https://a", "www.www.a", "A/B/Chttp://x/Y/Z",
	} {
		checkScanners(t, s)
	}
	set := locales.MustEmbedded()
	ps := append(pieces(set), "Add.", "Rev.", "Corr.", ".", "-", "/", "/", "/", "A", "B", "1", "2", "L.1", "(", ")",
		"(rev.", "(Rev.\u00a0", "1)", "amend", "suppl", "supp", "Addendum", "a", "ab", "abcdefg", "1a", "9-", "http://", "www.", "://")
	r := rand.New(rand.NewPCG(11, 12))
	for range 100000 {
		var s string
		for range r.IntN(10) {
			s += ps[r.IntN(len(ps))]
			if r.IntN(5) == 0 {
				s += " "
			}
		}
		checkScanners(t, s)
	}
	// Slash-separated components, good and broken, with and without a revision after
	// them, amid other text: many runs hold a symbol, or almost.
	comps := []string{"A", "RES", "CN.4", "PC-2", "WSIS-II", "L.10", "Add.1", "Rev.12", "Addendum.1", "Ab.", "59", "2005", "2005-06",
		"4B", "4.1b", "a", "A.", "A..B", "A-.B", "1.", "-A", "Abcdefg.1", "", "X1", "DT", "9-", "A.1.B"}
	revs := []string{"", "", " (rev.2)", "(Rev.2)", "\u00a0(Add.\u00a03)", " (ſuppl.4)", " (SUPP.5)", " (amend.6)", " (corr. 7)",
		" (corr.)", "  (rev.1)", "(rev.1", "(revision.1)", " (suppl.x)"}
	noise := []string{"", " ", "x", "é", "see ", "(", "/", "and/or ", "http://x/", "www.A/B/C", "\xff", "_", "@"}
	matched := 0
	for range 100000 {
		var s string
		for range 1 + r.IntN(3) {
			s += noise[r.IntN(len(noise))] + comps[r.IntN(len(comps))]
			for range r.IntN(5) {
				s += "/" + comps[r.IntN(len(comps))]
			}
			s += revs[r.IntN(len(revs))]
		}
		checkScanners(t, s)
		matched += len(symbolMatches(s, nil))
	}
	if matched < 30000 {
		t.Errorf("only %d symbols in the random texts: the test tests little", matched)
	}
}

func FuzzScanners(f *testing.F) {
	for _, s := range []string{"A/RES/59/220 (rev.2)", "E/CN.4/2005/L.10/Add.1", "see https://www.un.org/x. and www.itu.int", "A/B/C/http://x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkScanners(t, s) })
}
