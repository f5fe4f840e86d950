package rst

import (
	"fmt"
	"strings"

	"golang.org/x/text/width"

	"github.com/scribe-un/scribe/pipeline/model"
)

// adornmentChars are the characters docutils accepts in title adornments and transitions.
const adornmentChars = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// isAdornment reports a line made of one punctuation character repeated, from the left
// margin.
func isAdornment(s string) bool {
	if s == "" || strings.IndexByte(adornmentChars, s[0]) < 0 {
		return false
	}
	return strings.Trim(s, s[:1]) == ""
}

// isUnderline reports whether under underlines title: title is text at the left margin
// and under an adornment at least as wide as the title, or at least four characters long
// (docutils accepts a short underline of that length with a warning).
func isUnderline(title, under string) bool {
	if strings.TrimSpace(title) == "" || indent(title) > 0 || isAdornment(title) || !isAdornment(under) {
		return false
	}
	return len(under) >= 4 || len(under) >= textWidth(title)
}

// textWidth counts columns: East Asian wide characters take two.
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	return w
}

// section makes a heading of a title line. Levels follow the order in which adornment
// styles first appear: the first style used is level 1, the next new one level 2, and so on.
func (p *parser) section(l line, c byte, over bool) []model.Block {
	style := string(c)
	how := fmt.Sprintf("underlined with %q", style)
	if over {
		style += "/" + style
		how = fmt.Sprintf("over- and underlined with %q", string(c))
	}
	level, ok := p.styles[style]
	if !ok {
		level = len(p.styles) + 1
		p.styles[style] = level
	}
	p.titles++
	ins := p.inlines(strings.TrimSpace(l.text), l.no)
	if len(ins) == 0 {
		return nil
	}
	nth := ordinal(level)
	return []model.Block{&model.Heading{Pos: p.pos(l.no), Level: level, Inlines: ins,
		Why: fmt.Sprintf("reStructuredText section title %s (the %s title style to appear)", how, nth)}}
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	case 4:
		return "fourth"
	}
	return fmt.Sprintf("%dth", n)
}
