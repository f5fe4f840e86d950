package markdown

import (
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
)

var (
	// ialLine is a kramdown attribute list alone on a line: a block IAL ("{: .no_toc}"), an
	// attribute definition ("{:ref: .note}") or an extension ("{::options …}", "{:toc}").
	ialLine = lazyre.New(`^ {0,3}\{:[^{}\n]*\}[ \t]*$`)
	// trailingIAL is an attribute list ending a line ("text{: .y}"); headingAttrs the
	// attributes ending an ATX heading ("## Budget {#budget .x}").
	trailingIAL  = lazyre.New(`[ \t]*\{:[^{}\n]*\}[ \t]*$`)
	headingAttrs = lazyre.New(`^ {0,3}#{1,6}[ \t].*?([ \t]*\{[#.:][^{}\n]*\}[ \t]*)$`)
	// listItemLine is one list item line, the kind kramdown turns into a table of contents
	// when "{:toc}" follows it.
	listItemLine = lazyre.New(`^ {0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+\S`)
	fenceLine    = lazyre.New("^ {0,3}(```|~~~)")
)

// dropAttributeLists removes kramdown's attribute lists, which GitHub Pages sites put
// after headings and lists ("{: .no_toc}") and which are layout, not text: a line that is
// only an attribute list becomes blank, one ending a line is cut off, and the "* TOC" item
// that "{:toc}" replaces with a generated table of contents goes too. Lines keep their
// numbers; fenced code is left alone.
func dropAttributeLists(body string) string {
	if !strings.Contains(body, "{:") && !strings.Contains(body, "{#") {
		return body
	}
	lines := strings.SplitAfter(body, "\n")
	fence := ""
	prevItem := -1 // the last non-blank line, when it is a lone list item
	for i, l := range lines {
		text := strings.TrimRight(l, "\r\n")
		end := l[len(text):]
		if m := fenceLine.FindStringSubmatch(text); m != nil {
			switch {
			case fence == "":
				fence = m[1]
			case fence == m[1]:
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		switch {
		case ialLine.MatchString(text):
			if strings.Contains(text, "toc") && !strings.Contains(text, "no_toc") && prevItem >= 0 {
				lines[prevItem] = lineEnd(lines[prevItem])
			}
			lines[i] = end
			prevItem = -1
		case strings.TrimSpace(text) == "":
		default:
			if m := headingAttrs.FindStringSubmatchIndex(text); m != nil {
				lines[i] = text[:m[2]] + end
			} else if loc := trailingIAL.FindStringIndex(text); loc != nil && strings.TrimSpace(text[:loc[0]]) != "" {
				lines[i] = text[:loc[0]] + end
			}
			if listItemLine.MatchString(text) && (i == 0 || strings.TrimSpace(lines[i-1]) == "") {
				prevItem = i
			} else {
				prevItem = -1
			}
		}
	}
	return strings.Join(lines, "")
}

// lineEnd returns the line break ending l ("" for the last line).
func lineEnd(l string) string {
	return l[len(strings.TrimRight(l, "\r\n")):]
}
