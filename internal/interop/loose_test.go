package interop

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
)

// TestNoLooseLines reads the glyph positions back from the PDFs of the reference notes and
// of the corpus (MuPDF's structured text: every character with its box and font size) and
// checks that no word space of the Latin text is stretched past twice its width: the line
// breaker hyphenates (and breaks web addresses) so justified lines stay tight, and a line it
// cannot fill ends short of the margin rather than gaping. The space after a paragraph or
// subparagraph number is a tab, not a word space, and is left out.
func TestNoLooseLines(t *testing.T) {
	mutool := testutil.RequireTool(t, "mutool")
	out := suite.convert(t)
	char := regexp.MustCompile(`<char quad="([-\d.]+) [-\d.]+ ([-\d.]+) [^"]*" x="[-\d.]+" y="[-\d.]+"[^>]*c="([^"]*)"`)
	font := regexp.MustCompile(`<font name="([^"]*)" size="([\d.]+)"`)
	label := regexp.MustCompile(`^(\(?[0-9]{1,4}[.)]?|\(?[a-z]{1,4}\)|[a-z]{1,4}\.|[IVXLC]{1,7}\.|[A-Z]\.|[0-9]+ -)$`)
	checked := 0
	for _, stem := range out.corpus {
		text := run(t, nil, mutool, "draw", "-F", "stext", "-o", "-", stem+".pdf")
		for _, line := range strings.Split(text, "<line ")[1:] {
			type glyph struct {
				x0, x1, size float64
				c            string
				latin        bool
			}
			var gs []glyph
			var size float64
			latin := false
			for _, tok := range regexp.MustCompile(`<font [^>]*>|<char [^>]*>`).FindAllString(line, -1) {
				if m := font.FindStringSubmatch(tok); m != nil {
					size, _ = strconv.ParseFloat(m[2], 64)
					latin = strings.Contains(m[1], "LiberationSerif")
					continue
				}
				if m := char.FindStringSubmatch(tok); m != nil {
					x0, _ := strconv.ParseFloat(m[1], 64)
					x1, _ := strconv.ParseFloat(m[2], 64)
					gs = append(gs, glyph{x0, x1, size, html.UnescapeString(m[3]), latin})
				}
			}
			var word strings.Builder
			first := true
			for i := 1; i+1 < len(gs); i++ {
				if gs[i].c != " " {
					if gs[i-1].c == " " {
						word.Reset()
					}
					word.WriteString(gs[i].c)
					continue
				}
				prev, next := gs[i-1], gs[i+1]
				w := strings.TrimSpace(gs[0].c + word.String())
				if first && label.MatchString(w) || !prev.latin || !next.latin || next.c == " " {
					first = false
					continue
				}
				first = false
				checked++
				gap, space := next.x0-prev.x1, 0.25*prev.size // Liberation Serif's space is a quarter em
				if gap > 2*space+0.05 {
					t.Errorf("%s: a word space of %.2f pt, %.1f times its width, before %q", stem, gap, gap/space, next.c+"…")
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d word spaces checked", checked)
	}
	t.Logf("%d word spaces checked", checked)
}
