package org

import (
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

var (
	// itemRe is a list item: "-", "+" or "1." / "1)" at any indentation, "*" only when
	// indented (at the margin it is a headline).
	itemRe = lazyre.New(`^(\s*)([-+]|\d+[.)]|[A-Za-z][.)])(?:\s+(.*)|$)|^(\s+)(\*)(?:\s+(.*)|$)`)
	// checkboxRe and counterRe open an item: "[ ]", "[X]", "[-]"; "[@3]".
	checkboxRe = lazyre.New(`^\[[ Xx-]\]\s*`)
	counterRe  = lazyre.New(`^\[@\w+\]\s*`)
)

// itemMatch is a parsed list item line.
type itemMatch struct {
	indent int
	marker string
	text   string
}

// itemAt parses a list item line, or returns nil.
func itemAt(t string) *itemMatch {
	m := itemRe.FindStringSubmatch(t)
	if m == nil {
		return nil
	}
	if m[2] != "" {
		// "A." at the margin starts sentences ("A. Smith said"); a letter item needs indentation.
		if m[2][0] > '9' && m[2] != "-" && m[2] != "+" && m[1] == "" {
			return nil
		}
		return &itemMatch{indent: indent(t), marker: m[2], text: m[3]}
	}
	return &itemMatch{indent: indent(t), marker: m[5], text: m[6]}
}

// listBuilder is the list being read: one level per indentation of items.
type listBuilder struct {
	levels     []listLevel
	afterBlank bool
}

type listLevel struct {
	indent int
	list   *model.List
}

// textIndent is the indentation past which a line continues the last item.
func (b *listBuilder) textIndent() int {
	return b.levels[len(b.levels)-1].indent
}

// item reads one list item: nested under the last item when indented further, else a
// sibling of the items of its indentation.
func (p *parser) item(m *itemMatch, l line) error {
	if p.list == nil {
		p.list = &listBuilder{}
	}
	if len(p.list.levels) > 0 && m.indent < p.list.levels[0].indent {
		// Less indented than the list's first items: that list is over.
		p.endList()
		p.list = &listBuilder{}
	}
	b := p.list
	for len(b.levels) > 0 && b.levels[len(b.levels)-1].indent > m.indent {
		b.levels = b.levels[:len(b.levels)-1]
	}
	text := strings.TrimSpace(m.text)
	if checkboxRe.MatchString(text) {
		text = checkboxRe.ReplaceAllString(text, "")
		p.dropped.Add("checkbox")
	}
	text = counterRe.ReplaceAllString(text, "")
	ins := p.itemInlines(text, l.no)
	if len(b.levels) == 0 || b.levels[len(b.levels)-1].indent < m.indent {
		depth := len(b.levels) + 1
		if depth > p.maxDepth {
			return model.Errorf(stage, p.pos(l.no), model.ErrTooDeep, "lists nest deeper than %d levels", p.maxDepth)
		}
		nl := &model.List{Pos: p.pos(l.no), Depth: depth, Why: listWhy(m.marker)}
		if depth > 1 {
			parent := b.levels[depth-2].list
			last := parent.Items[len(parent.Items)-1]
			last.Children = append(last.Children, nl)
		}
		b.levels = append(b.levels, listLevel{indent: m.indent, list: nl})
	}
	top := b.levels[len(b.levels)-1].list
	top.Items = append(top.Items, &model.ListItem{Pos: p.pos(l.no), Marker: m.marker, Inlines: ins})
	b.afterBlank = false
	return nil
}

// itemInlines reads an item's text; "term :: description" reads as "term: description",
// the term in bold.
func (p *parser) itemInlines(text string, no int) []model.Inline {
	term, desc, ok := strings.Cut(text, " :: ")
	if !ok {
		if strings.HasSuffix(text, " ::") {
			term, ok = strings.TrimSuffix(text, " ::"), true
		}
	}
	if !ok || strings.TrimSpace(term) == "" {
		return p.inlines(text, no)
	}
	ins := p.inlines(strings.TrimSpace(term), no)
	for i := range ins {
		if ins[i].Kind == model.KindText || ins[i].Kind == model.KindEmphasis {
			ins[i].Kind = model.KindStrong
		}
	}
	if d := p.inlines(strings.TrimSpace(desc), no); len(d) > 0 {
		ins = append(ins, model.Inline{Kind: model.KindText, Text: ": ", Line: no})
		ins = append(ins, d...)
	}
	return ins
}

func listWhy(marker string) string {
	if marker == "-" || marker == "+" || marker == "*" {
		return "org-mode plain list"
	}
	return "org-mode ordered list (its numbers are replaced by the report's)"
}

// continueItem adds an indented line to the last item: after a blank line it is a
// paragraph of its own under the item, else it continues the item's text.
func (b *listBuilder) continueItem(p *parser, l line) {
	lv := b.levels[len(b.levels)-1].list
	it := lv.Items[len(lv.Items)-1]
	ins := p.inlines(strings.TrimSpace(l.text), l.no)
	if len(ins) == 0 {
		return
	}
	if b.afterBlank || len(it.Inlines) == 0 {
		if len(it.Inlines) == 0 {
			it.Inlines = ins
		} else {
			it.Children = append(it.Children, &model.Paragraph{Pos: p.pos(l.no), Inlines: ins, Why: "org-mode paragraph of a list item"})
		}
		b.afterBlank = false
		return
	}
	it.Inlines = append(it.Inlines, model.Inline{Kind: model.KindText, Text: " ", Line: l.no})
	it.Inlines = append(it.Inlines, ins...)
}

// endList closes the open list, adding it to the blocks.
func (p *parser) endList() {
	if p.list == nil {
		return
	}
	if len(p.list.levels) > 0 {
		p.blocks = append(p.blocks, p.list.levels[0].list)
	}
	p.list = nil
}
