package mediawiki

import (
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// isListLine reports a line opening with a list marker: "*" bullet, "#" numbered item,
// ";" definition term, ":" definition or indented text.
func isListLine(t string) bool {
	return t != "" && strings.IndexByte("*#;:", t[0]) >= 0
}

// markerRun returns the run of list marker characters opening t.
func markerRun(t string) string {
	i := 0
	for i < len(t) && strings.IndexByte("*#;:", t[i]) >= 0 {
		i++
	}
	return t[:i]
}

// listBuilder is the list being read: one level per marker character, the top one first.
type listBuilder struct {
	levels []listLevel
	// term is the "term: definition" paragraph being read, for the ":" lines after ";";
	// defs counts its definitions.
	term *model.Paragraph
	defs int
}

type listLevel struct {
	list *model.List
	char byte
}

// listLine reads one line of a list or a definition list.
func (p *parser) listLine(t string, line int) error {
	run := markerRun(t)
	rest := strings.TrimSpace(t[len(run):])
	switch {
	case strings.Trim(run, ":") == "":
		p.indentLine(run, rest, line)
		return nil
	case run[0] == ';':
		p.termLine(run, rest, line)
		return nil
	}
	// Bullet and numbered items: "*", "#", "**", "#*"… A ":" or ";" inside the run
	// continues the item above rather than opening a level.
	if strings.ContainsAny(run, ":;") {
		if p.list != nil && len(p.list.levels) > 0 {
			p.continueItem(rest, line)
			return nil
		}
		run = strings.Map(func(r rune) rune {
			if r == ':' || r == ';' {
				return -1
			}
			return r
		}, run)
		if run == "" {
			// Only ":" and ";" (":;x" with no list above): indented text, no list level.
			p.indentLine(":", rest, line)
			return nil
		}
	}
	ins := p.inlines(rest, line)
	if len(ins) == 0 {
		return nil // an empty bullet opens nothing
	}
	if p.list == nil || p.list.term != nil {
		p.endList()
		p.list = &listBuilder{}
	}
	p.afterBlank = false
	b := p.list
	keep := 0
	for keep < len(b.levels) && keep < len(run) && b.levels[keep].char == run[keep] {
		keep++
	}
	if keep == 0 && len(b.levels) > 0 {
		// A list of another kind starts: "#" items after "*" items.
		p.endList()
		p.list = &listBuilder{}
		b = p.list
	}
	b.levels = b.levels[:keep]
	for len(b.levels) < len(run) {
		depth := len(b.levels) + 1
		if depth > p.maxDepth {
			return model.Errorf(stage, p.pos(line), model.ErrTooDeep, "lists nest deeper than %d levels", p.maxDepth)
		}
		if depth > 1 {
			parent := b.levels[depth-2].list
			if len(parent.Items) == 0 {
				break // "**" with no "*" item above: no empty item is invented
			}
		}
		c := run[len(b.levels)]
		l := &model.List{Pos: p.pos(line), Depth: depth, Why: listWhy(c)}
		if depth > 1 {
			parent := b.levels[depth-2].list
			last := parent.Items[len(parent.Items)-1]
			last.Children = append(last.Children, l)
		}
		b.levels = append(b.levels, listLevel{list: l, char: c})
	}
	top := b.levels[len(b.levels)-1].list
	top.Items = append(top.Items, &model.ListItem{Pos: p.pos(line), Marker: run, Inlines: ins})
	return nil
}

// listWhy explains a list by its marker.
func listWhy(c byte) string {
	if c == '#' {
		return "MediaWiki numbered list (#; its numbers are replaced by the report's)"
	}
	return "MediaWiki bullet list (*)"
}

// continueItem adds an indented line (":" under a "*" item) to the last item read, as an
// unnumbered paragraph of it.
func (p *parser) continueItem(rest string, line int) {
	ins := p.inlines(rest, line)
	if len(ins) == 0 {
		return
	}
	lv := p.list.levels[len(p.list.levels)-1].list
	if len(lv.Items) == 0 {
		// Only empty bullets above: the indented line is the item.
		lv.Items = append(lv.Items, &model.ListItem{Pos: p.pos(line), Marker: ":", Inlines: ins})
		return
	}
	it := lv.Items[len(lv.Items)-1]
	// Sublists opened under the item come after its own text.
	it.Children = append(it.Children, &model.Paragraph{Pos: p.pos(line), Inlines: ins, Why: "MediaWiki indented line (:) continuing the item"})
	p.afterBlank = false
}

// termLine reads ";term" or ";term : definition" into a paragraph "term: definition", the
// term in bold, which is how a definition list reads in a report.
func (p *parser) termLine(run, rest string, line int) {
	p.endList()
	term, def, hasDef := cutDefinition(rest)
	ins := p.inlines(term, line)
	for i := range ins {
		if ins[i].Kind == model.KindText || ins[i].Kind == model.KindEmphasis {
			ins[i].Kind = model.KindStrong
		}
	}
	para := &model.Paragraph{Pos: p.pos(line), Inlines: ins, Numbered: true, Why: "MediaWiki definition list (;term :definition)"}
	p.blocks = append(p.blocks, para)
	p.list = &listBuilder{term: para}
	if hasDef {
		p.addDefinition(def, line)
	}
}

// addDefinition appends a definition to the open term: ": def" after the term, "; def"
// after an earlier definition.
func (p *parser) addDefinition(def string, line int) {
	ins := p.inlines(def, line)
	if len(ins) == 0 {
		return
	}
	para := p.list.term
	sep := "; "
	switch {
	case len(para.Inlines) == 0:
		sep = ""
	case p.list.defs == 0:
		sep = ": "
	}
	p.list.defs++
	if sep != "" {
		para.Inlines = append(para.Inlines, model.Inline{Kind: model.KindText, Text: sep, Line: line})
	}
	para.Inlines = append(para.Inlines, ins...)
}

// indentLine reads a line of ":" markers: a definition after ";term", the continuation of
// the list item above, or else indented text, a paragraph of its own.
func (p *parser) indentLine(run, rest string, line int) {
	switch {
	case p.list != nil && p.list.term != nil && run == ":" && !p.afterBlank:
		p.addDefinition(rest, line)
	case p.list != nil && p.list.term == nil && len(p.list.levels) > 0:
		p.continueItem(rest, line)
	default:
		p.endList()
		if ins := p.inlines(rest, line); len(ins) > 0 {
			p.blocks = append(p.blocks, &model.Paragraph{Pos: p.pos(line), Inlines: ins, Numbered: true, Why: "MediaWiki indented text (:)"})
		}
	}
}

// cutDefinition splits ";term : definition" at the first colon outside links and tags.
func cutDefinition(s string) (term, def string, ok bool) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '<':
			depth++
		case ']', '>':
			if depth > 0 {
				depth--
			}
		case ':':
			if depth == 0 && !strings.HasPrefix(s[i:], "://") {
				return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:]), true
			}
		}
	}
	return s, "", false
}

// endList closes the open list, adding it to the blocks.
func (p *parser) endList() {
	if p.list == nil {
		return
	}
	if len(p.list.levels) > 0 && len(p.list.levels[0].list.Items) > 0 {
		p.blocks = append(p.blocks, p.list.levels[0].list)
	}
	p.list = nil
	p.afterBlank = false
}
