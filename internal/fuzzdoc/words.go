package fuzzdoc

import (
	"encoding/json"
	"strings"
	"unicode"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Words splits s into words: maximal runs of letters, digits and combining marks. Markup
// characters, punctuation and spaces separate words and are never words themselves.
func Words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// ModelText returns every string value of the document's JSON form (texts, URLs,
// footnotes, front lines, metadata), one per line: what a reader kept.
func ModelText(doc *model.Document) string {
	data, err := json.Marshal(doc)
	if err != nil {
		return ""
	}
	var v any
	if json.Unmarshal(data, &v) != nil {
		return ""
	}
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			b.WriteString(v)
			b.WriteByte('\n')
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	return b.String()
}

// MissingWords returns the words of text (the input with the markup its reader may drop
// already taken out) that the document does not hold: nothing is ever lost means this is
// empty. A word counts as kept when the model holds it, in any case ("manu" typed by a
// scribe is printed "Manu Sporny"), as a word or inside a longer one (an entity decoded into
// a letter joins the letters around it).
func MissingWords(text string, doc *model.Document) []string {
	kept := strings.ToLower(ModelText(doc))
	text = strings.ToLower(text)
	have := map[string]bool{}
	for _, w := range Words(kept) {
		have[w] = true
	}
	var missing []string
	seen := map[string]bool{}
	for _, w := range Words(text) {
		if have[w] || seen[w] || !hasLetterOrDigit(w) {
			// Combining marks on no letter are no word: text cleaning drops them.
			continue
		}
		seen[w] = true
		if !strings.Contains(kept, w) {
			missing = append(missing, w)
		}
	}
	return missing
}

// hasLetterOrDigit reports a word with something besides combining marks.
func hasLetterOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
