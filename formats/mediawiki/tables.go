package mediawiki

import (
	"strings"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

// tableEnd returns the index just past the "|}" line closing the table opened at lines[i],
// counting nested tables; an unclosed table runs to the end of the page, as on the wiki.
func tableEnd(lines []srcLine, i int) int {
	depth := 0
	for j := i; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j].text)
		switch {
		case strings.HasPrefix(t, "{|"):
			depth++
		case strings.HasPrefix(t, "|}"):
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(lines)
}

// tableCell is a cell being read: its text lines, the first line's number, and whether
// it is a header cell ("!").
type tableCell struct {
	parts  []string
	line   int
	header bool
}

// table converts the lines of one table, "{|" to "|}". Cells are separated by "||" (or
// "!!" in header rows) or start a line with "|" or "!"; a cell's attributes
// (style="…" |) are dropped; lines that start with neither continue the cell above. A
// nested table's cells are read as text of the cell that holds it. The caption ("|+")
// becomes a paragraph above the table.
func (p *parser) table(lines []srcLine) {
	var rows [][]*tableCell
	var row []*tableCell
	var caption *tableCell
	var cur *tableCell
	endRow := func() {
		if len(row) > 0 {
			rows = append(rows, row)
		}
		row = nil
		cur = nil
	}
	addCell := func(text string, line int, header bool) {
		cur = &tableCell{parts: []string{dropAttributes(text)}, line: line, header: header}
		row = append(row, cur)
	}
	depth := 0
	var trail srcLine
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(t, "{|"):
			depth++
			if depth == 1 {
				continue
			}
		case strings.HasPrefix(t, "|}"):
			depth--
			if depth <= 0 {
				endRow()
				trail = srcLine{text: strings.TrimSpace(t[2:]), line: l.line}
			} else if cur != nil {
				cur.parts = append(cur.parts, t[2:])
			}
			continue
		}
		if depth > 1 {
			// Inside a nested table: its text joins the cell holding it, or opens one when a
			// malformed table nests it between rows.
			text := strings.TrimLeft(t, "{}|!-+ ")
			switch {
			case cur != nil:
				cur.parts = append(cur.parts, text)
			case text != "":
				addCell(text, l.line, false)
			}
			continue
		}
		switch {
		case strings.HasPrefix(t, "|-"):
			endRow()
		case strings.HasPrefix(t, "|+") && caption != nil:
			// A second caption line adds to the first rather than replacing it.
			caption.parts = append(caption.parts, dropAttributes(t[2:]))
			cur = caption
		case strings.HasPrefix(t, "|+"):
			caption = &tableCell{parts: []string{dropAttributes(t[2:])}, line: l.line}
			cur = caption
		case strings.HasPrefix(t, "!"):
			for _, c := range splitCells(t[1:], true) {
				addCell(c, l.line, true)
			}
		case strings.HasPrefix(t, "|"):
			for _, c := range splitCells(t[1:], false) {
				addCell(c, l.line, false)
			}
		case t == "":
		default:
			if cur != nil {
				cur.parts = append(cur.parts, t)
			} else {
				addCell(t, l.line, false)
			}
		}
	}
	endRow()
	if caption != nil {
		if ins := p.cellInlines(caption); len(ins) > 0 {
			p.blocks = append(p.blocks, &model.Paragraph{Pos: p.pos(caption.line), Inlines: ins, Numbered: true, Why: "MediaWiki table caption (|+)"})
		}
	}
	tbl := &model.Table{Pos: p.pos(lines[0].line)}
	leading := true
	for _, r := range rows {
		cells := make([][]model.Inline, 0, len(r))
		empty, header := true, true
		for _, c := range r {
			header = header && c.header
			ins := p.cellInlines(c)
			if len(ins) > 0 {
				empty = false
			}
			cells = append(cells, ins)
		}
		if !empty {
			tbl.Rows = append(tbl.Rows, cells)
			// Rows of "!" cells opening the table are its column headings.
			if leading = leading && header; leading {
				tbl.Header++
			}
		}
	}
	if len(tbl.Rows) > 0 {
		p.blocks = append(p.blocks, tbl)
	}
	if trail.text != "" {
		// Text after "|}" on its line is shown under the table.
		p.para = append(p.para, trail)
	}
}

// cellInlines parses a cell's lines, joined by spaces.
func (p *parser) cellInlines(c *tableCell) []model.Inline {
	var ls []textrun.Line
	for i, part := range c.parts {
		if ins := p.inlines(part, c.line+i); len(ins) > 0 {
			ls = append(ls, textrun.Line{Inlines: ins, Line: c.line + i})
		}
	}
	return textrun.Join(ls)
}

// splitCells splits a row line at "||" (and at "!!" in a header row), outside links and
// templates.
func splitCells(s string, header bool) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == '[' && s[i+1] == '[':
			depth++
			i++
		case s[i] == ']' && s[i+1] == ']' && depth > 0:
			depth--
			i++
		case depth == 0 && (s[i] == '|' && s[i+1] == '|' || header && s[i] == '!' && s[i+1] == '!'):
			out = append(out, s[start:i])
			start = i + 2
			i++
		}
	}
	return append(out, s[start:])
}

// dropAttributes removes the attributes a cell may start with: `style="…" | text`. The
// part before the bar must consist of name=value pairs, so a bar in text is kept.
func dropAttributes(cell string) string {
	i := strings.IndexByte(cell, '|')
	if i < 0 || !attributes.MatchString(cell[:i]) {
		return strings.TrimSpace(cell)
	}
	return strings.TrimSpace(cell[i+1:])
}

// attributes matches a run of HTML attributes: name="value", name='value' or name=value.
var attributes = lazyre.New(`^\s*(?:[A-Za-z][\w-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'|]+)\s*)+$`)
