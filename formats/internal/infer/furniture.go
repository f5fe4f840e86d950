package infer

import (
	"strings"
	"unicode"

	"github.com/scribe-un/scribe/internal/lazyre"
)

// Page furniture. Text extracted from a PDF keeps what was printed on every page: page
// numbers ("2 | Page", "Page 3 of 9", "- 4 -"), a running header (the meeting's name and
// date) and a running footer ("Minutes approved by the Council on …"). They are not the
// minutes' text, and left in they break sentences in two and turn up as paragraphs.
//
// The rule needs evidence that the text was paginated: two page-number lines or more, or
// form feeds. Then the page breaks are dropped (page numbers, and "---" rules standing
// between blank lines), and so is any short line (twelve words or fewer) that recurs,
// digits aside, next to page breaks (within two lines of one). A line that recurs
// elsewhere in the text ("No report was submitted.") is kept.

// rePageNumber matches a page-number line: "3", "Page 3", "page 3 of 9", "3/9", "- 3 -",
// "3 | Page" (with the letters of "Page" spread by the extraction: "Pa ge"), and the
// French, Spanish and Russian words for page.
var rePageNumber = lazyre.New(`(?i)^(?:(?:page|p\.|pág(?:ina)?\.?|стр\.?|страница)\s*)?\d{1,4}(?:\s*(?:of|/|de|sur|из)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$|^\d{1,4}\s*\|\s*p\s*a\s*g\s*e$`)

// pageNumberLetters are the letters rePageNumber's words are spelled with.
const pageNumberLetters = "pageináofdsurстраницз"

// isPageNumber reports a page-number line (rePageNumber). Most short lines hold a rune
// the expression cannot match, and are told apart without compiling it: most texts are
// never paginated, and compiling took a tenth of a millisecond of every run.
func isPageNumber(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !pageNumberRune(r) {
			return false
		}
	}
	return rePageNumber.MatchString(t)
}

// pageNumberRune reports a rune rePageNumber can match: a digit, a space, the punctuation
// it names, or a letter of its words in either case (any rune of the letter's case-folding
// orbit, as (?i) matches it).
func pageNumberRune(r rune) bool {
	switch {
	case r >= '0' && r <= '9', strings.ContainsRune(" \t\n\f\r./|-–—", r):
		return true
	case r < 'A':
		return false
	}
	for f := r; ; {
		if strings.ContainsRune(pageNumberLetters, f) {
			return true
		}
		if f = unicode.SimpleFold(f); f == r {
			return false
		}
	}
}

// PageFurniture reports, for each line of a text, whether it is page furniture to drop.
// It returns nil when the text shows no sign of pagination.
func PageFurniture(lines []string) []bool {
	pageNums := 0
	for _, l := range lines {
		if t := strings.TrimSpace(l); len(t) <= 16 && isPageNumber(t) || strings.ContainsRune(l, '\f') {
			pageNums++
			if pageNums >= 2 {
				break
			}
		}
	}
	if pageNums < 2 {
		return nil
	}
	trimmed := make([]string, len(lines))
	for i, l := range lines {
		trimmed[i] = strings.TrimSpace(l)
	}
	// A form feed starts a page; an extraction puts it at the start of the page's first
	// line ("\fEgypt agreed…"), so the line is a page break only when nothing but the form
	// feed and a page number is on it. The text beside a form feed is kept, and a short
	// line that starts a page counts as next to a break (a running header).
	breaks := make([]bool, len(lines))
	pageStart := make([]bool, len(lines))
	for i, t := range trimmed {
		pageStart[i] = strings.ContainsRune(lines[i], '\f')
		switch {
		case isPageNumber(t), pageStart[i] && (t == "" || isPageNumber(strings.TrimSpace(strings.ReplaceAll(t, "\f", " ")))):
			breaks[i] = true
		case isRule(t) && blankAt(trimmed, i-1) && blankAt(trimmed, i+1):
			breaks[i] = true
		}
	}
	nearBreak := func(i int) bool {
		if pageStart[i] {
			return true
		}
		for _, step := range []int{-1, 1} {
			seen := 0
			for j := i + step; j >= 0 && j < len(trimmed) && seen < 2; j += step {
				if breaks[j] || pageStart[j] {
					return true
				}
				if trimmed[j] != "" {
					seen++
				}
			}
		}
		return false
	}
	type tally struct{ all, near int }
	counts := map[string]*tally{}
	keys := make([]string, len(lines))
	for i, t := range trimmed {
		if t == "" || breaks[i] || len(strings.Fields(t)) > 12 {
			continue
		}
		keys[i] = furnitureKey(t)
		c := counts[keys[i]]
		if c == nil {
			c = &tally{}
			counts[keys[i]] = c
		}
		c.all++
		if nearBreak(i) {
			c.near++
		}
	}
	drop := make([]bool, len(lines))
	for i := range lines {
		switch {
		case breaks[i]:
			drop[i] = true // a page number, or the rule an extraction put between pages
		case keys[i] != "":
			if c := counts[keys[i]]; c.all >= 2 && c.near == c.all {
				drop[i] = true
			}
		}
	}
	return drop
}

// dropFurniture marks the page furniture among prepared lines.
func dropFurniture(lns []ln) {
	pageNums := 0
	for i := range lns {
		if t := lns[i].text; len(t) <= 16 && !lns[i].literal && isPageNumber(t) {
			pageNums++
		}
		if pageNums >= 2 {
			break
		}
	}
	if pageNums < 2 {
		return
	}
	texts := make([]string, len(lns))
	for i := range lns {
		texts[i] = lns[i].text
		if lns[i].literal {
			// Text as written (a Markdown code span or link) is not what an extraction
			// printed on every page: "`3`" is no page number. The line is judged with its
			// marks, as the reader judged its source line.
			texts[i] = "`" + texts[i] + "`"
		}
	}
	drop := PageFurniture(texts)
	for i, d := range drop {
		if d {
			lns[i].kind = kDrop
		}
	}
	// The blank lines around the furniture go with it: a sentence cut by a page break
	// runs on across it.
	for i := range lns {
		if lns[i].kind == kBlank && (i > 0 && drop[i-1] || i+1 < len(lns) && drop[i+1]) {
			lns[i].kind = kDrop
		}
	}
}

// furnitureKey is a line with its digits and spacing folded, so "Page 2" and "Page 3",
// or a header dated on each page, compare equal.
func furnitureKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsDigit(r):
			if !strings.HasSuffix(b.String(), "#") {
				b.WriteByte('#')
			}
		case unicode.IsSpace(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isRule reports a line of three or more "-", "_" or "*" alone: a horizontal rule.
func isRule(t string) bool {
	t = strings.ReplaceAll(t, " ", "")
	return len(t) >= 3 && (strings.Trim(t, "-") == "" || strings.Trim(t, "_") == "" || strings.Trim(t, "*") == "")
}

func blankAt(lines []string, i int) bool { return i < 0 || i >= len(lines) || lines[i] == "" }
