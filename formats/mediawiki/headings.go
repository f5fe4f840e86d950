package mediawiki

import (
	"fmt"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// maxLevel is the deepest heading MediaWiki has (====== six ======).
const maxLevel = 6

// isHeading reports a heading line: it starts and ends with "=" and holds text between.
// Spacing inside the signs is free ("==Réunion ==", "=== Lieu==="), and the two runs may
// differ in length; MediaWiki then takes the shorter one and keeps the extra signs as text.
func isHeading(t string) bool {
	if len(t) < 3 || t[0] != '=' || t[len(t)-1] != '=' {
		return false
	}
	open, close := headingRuns(t)
	return open > 0 && close > 0 && open+close < len(t) && strings.TrimSpace(strings.Trim(t, "=")) != ""
}

// headingRuns counts the equals signs opening and closing t.
func headingRuns(t string) (open, close int) {
	for open < len(t) && t[open] == '=' {
		open++
	}
	for close < len(t)-open && t[len(t)-1-close] == '=' {
		close++
	}
	return open, close
}

// heading converts a heading line. The level is the shorter run of equals signs (at most
// six); the extra signs of the longer run are part of the text, as on the rendered page.
func (p *parser) heading(t string, line int) *model.Heading {
	open, close := headingRuns(t)
	level := min(open, close, maxLevel)
	inner := t[level : len(t)-level]
	ins := p.inlines(strings.TrimSpace(inner), line)
	if len(ins) == 0 {
		return nil
	}
	marks := strings.Repeat("=", level)
	return &model.Heading{Pos: p.pos(line), Level: level, Inlines: ins,
		Why: fmt.Sprintf("MediaWiki heading %s … %s", marks, marks)}
}
