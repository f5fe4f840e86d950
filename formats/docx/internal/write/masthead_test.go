package write

import (
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// TestEmptyBand: notes converted without a body or a symbol have a masthead band with no
// text, only its rule over the distribution column. scribe's PDF gives such a band no
// height beyond its padding; the DOCX must not give it the height of an empty line of the
// organ's style (20 points), or LibreOffice and Word start page 1's text lower and break
// its pages elsewhere than the PDF.
func TestEmptyBand(t *testing.T) {
	const exact = `<w:trHeight w:val="60" w:hRule="exact"/>` // geo.Pad, 3 points
	for _, c := range []struct {
		name  string
		empty bool
	}{{"full masthead", false}, {"no body or symbol", true}} {
		doc := pipelinetest.Sample("en")
		if c.empty {
			var kept []model.MastheadLine
			for _, l := range doc.Present.Masthead {
				switch l.Key {
				case model.MastUN, model.MastOrgan, model.MastSymbol:
				default:
					kept = append(kept, l)
				}
			}
			doc.Present.Masthead = kept
		}
		data, _ := writeDoc(t, Options{}, doc, "en")
		parts, _ := unzipParts(t, data)
		got := strings.Count(string(parts["word/document.xml"]), exact)
		want := 0
		if c.empty {
			want = 1
		}
		if got != want {
			t.Errorf("%s: %d band rows of exact height, want %d", c.name, got, want)
		}
	}
}
