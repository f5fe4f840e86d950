package org

import (
	"fmt"
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

var (
	// headlineRe is "* text" at the left margin: stars, a space, the title.
	headlineRe = lazyre.New(`^(\*+)(?:\s+(.*))?$`)
	// tagsRe are the tags ending a headline: ":board:finance:".
	tagsRe = lazyre.New(`\s+:[\w@#%]+(?::[\w@#%]+)*:\s*$`)
	// priorityRe is a priority cookie: "[#A]".
	priorityRe = lazyre.New(`^\[#[A-Za-z0-9]\]\s*`)
)

// isHeadline reports a headline: stars at the left margin followed by a space or the end.
func isHeadline(t string) bool {
	return strings.HasPrefix(t, "*") && headlineRe.MatchString(t) && strings.Trim(t, "*") != "" || t == "*"
}

// headline converts a headline: its level is the number of stars; tags and a priority
// cookie are dropped; a TODO or DONE keyword stays, being part of what the note says.
func (p *parser) headline(t string, no int) *model.Heading {
	m := headlineRe.FindStringSubmatch(t)
	level := len(m[1])
	title := strings.TrimSpace(m[2])
	if tagsRe.MatchString(" " + title) {
		title = strings.TrimSpace(tagsRe.ReplaceAllString(" "+title, ""))
		p.dropped.Add("headline tag")
	}
	words := strings.SplitN(title, " ", 2)
	if len(words) == 2 && priorityRe.MatchString(words[1]) && isKeyword(words[0]) {
		title = words[0] + " " + priorityRe.ReplaceAllString(words[1], "")
	} else if priorityRe.MatchString(title) {
		title = priorityRe.ReplaceAllString(title, "")
	}
	ins := p.inlines(title, no)
	if len(ins) == 0 {
		return nil
	}
	return &model.Heading{Pos: p.pos(no), Level: level, Inlines: ins,
		Why: fmt.Sprintf("org-mode headline %s", strings.Repeat("*", level))}
}

// isKeyword reports a TODO keyword of the default set.
func isKeyword(w string) bool {
	return w == "TODO" || w == "DONE"
}
