package rst

import (
	"strings"

	"github.com/scribe-un/scribe/formats/internal/markup"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// blocks parses lines (already dedented to their own left margin) into blocks. depth counts
// the nesting of block quotations, list items and directive content.
func (p *parser) blocks(lines []line, depth int) ([]model.Block, error) {
	if depth > p.maxDepth {
		no := 0
		if len(lines) > 0 {
			no = lines[0].no
		}
		return nil, model.Errorf(stage, p.pos(no), model.ErrTooDeep, "blocks nest deeper than %d levels", p.maxDepth)
	}
	var out []model.Block
	for i := 0; i < len(lines); {
		p.steps++
		if p.steps%256 == 0 {
			if err := p.ctx.Err(); err != nil {
				return nil, err
			}
		}
		if blank(lines[i]) {
			i++
			continue
		}
		n, bs, err := p.block(lines, i, depth)
		if err != nil {
			return nil, err
		}
		if depth == 0 && !p.bodyStarted {
			for _, b := range bs {
				if _, heading := b.(*model.Heading); !heading {
					p.bodyStarted = true
				}
			}
		}
		out = append(out, bs...)
		i += max(n, 1)
	}
	return out, nil
}

// block reads the construct starting at lines[i] and returns how many lines it took and
// the blocks it gave.
func (p *parser) block(lines []line, i, depth int) (int, []model.Block, error) {
	l := lines[i]
	t := l.text
	switch {
	case indent(t) > 0:
		return p.blockQuote(lines, i, depth)
	case isAdornment(t) && len(t) >= 2 && i+2 < len(lines) && !blank(lines[i+1]) && isAdornment(lines[i+2].text) && lines[i+2].text[0] == t[0]:
		return 3, p.section(lines[i+1], t[0], true), nil
	case isAdornment(t) && len(t) >= 4 && (i+1 == len(lines) || blank(lines[i+1])):
		return 1, nil, nil // a transition
	case i+1 < len(lines) && isUnderline(t, lines[i+1].text):
		return 2, p.section(l, lines[i+1].text[0], false), nil
	case t == ".." || strings.HasPrefix(t, ".. "):
		n := 1 + indentedBlock(lines, i+1, 1)
		bs, err := p.explicit(lines[i:i+n], depth)
		return n, bs, err
	case strings.HasPrefix(t, "__ "):
		return 1 + indentedBlock(lines, i+1, 1), nil, nil // an anonymous target, collected
	case isGridBorder(t):
		n := gridTableEnd(lines, i) - i
		return n, p.gridTable(lines[i : i+n]), nil
	case isSimpleBorder(t):
		n := simpleTableEnd(lines, i) - i
		return n, p.simpleTable(lines[i : i+n]), nil
	}
	if bulletAt(t) != "" {
		return p.list(lines, i, depth, bulletAt)
	}
	if enumAt(t) != "" && enumerationFollows(lines, i) {
		return p.list(lines, i, depth, enumAt)
	}
	if fieldAt(t) != "" {
		return p.fieldList(lines, i, depth)
	}
	if t == "|" || strings.HasPrefix(t, "| ") {
		return p.lineBlock(lines, i)
	}
	if i+1 < len(lines) && !blank(lines[i+1]) && indent(lines[i+1].text) > 0 {
		return p.definition(lines, i, depth)
	}
	return p.paragraph(lines, i, depth)
}

// paragraph reads lines up to a blank line (or a line that starts another construct: a
// title's underline below the next line). A paragraph ending with "::" introduces the
// literal block indented under it.
func (p *parser) paragraph(lines []line, i, depth int) (int, []model.Block, error) {
	end := i + 1
	for end < len(lines) && !blank(lines[end]) && indent(lines[end].text) == 0 {
		if end+1 < len(lines) && isUnderline(lines[end].text, lines[end+1].text) {
			break
		}
		end++
	}
	text := joinLines(lines[i:end])
	var out []model.Block
	literal := strings.HasSuffix(text, "::")
	if literal {
		switch {
		case text == "::":
			text = ""
		case strings.HasSuffix(text, " ::"):
			text = strings.TrimSpace(strings.TrimSuffix(text, "::"))
		default:
			text = strings.TrimSuffix(text, ":")
		}
	}
	if ins := p.inlines(text, lines[i].no); len(ins) > 0 {
		out = append(out, &model.Paragraph{Pos: p.pos(lines[i].no), Inlines: ins, Numbered: true, Why: "reStructuredText paragraph"})
	}
	if literal {
		j := end
		for j < len(lines) && blank(lines[j]) {
			j++
		}
		if j < len(lines) && indent(lines[j].text) > 0 {
			n := indentedBlock(lines, j, 1)
			body := lines[j : j+n]
			out = append(out, p.preformatted(dedent(body, minIndent(body)), "reStructuredText literal block (after \"::\")")...)
			end = j + n
		}
	}
	return end - i, out, nil
}

// joinLines joins the trimmed lines of a paragraph with spaces.
func joinLines(lines []line) string {
	parts := make([]string, 0, len(lines))
	for _, l := range lines {
		if t := strings.TrimSpace(l.text); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// blockQuote reads an indented block: a quotation, flattened to paragraphs.
func (p *parser) blockQuote(lines []line, i, depth int) (int, []model.Block, error) {
	n := indentedBlock(lines, i, 1)
	body := lines[i : i+n]
	inner, err := p.blocks(dedent(body, minIndent(body)), depth+1)
	if err != nil {
		return n, nil, err
	}
	q := &model.Quote{Pos: p.pos(lines[i].no), Why: "reStructuredText block quotation (indented text)"}
	q.Paragraphs = flatten(inner)
	if len(q.Paragraphs) == 0 {
		return n, nil, nil
	}
	return n, []model.Block{q}, nil
}

// flatten turns blocks into unnumbered paragraphs, for places whose content is text only
// (a quotation, a footnote, an admonition): list items and table cells become paragraphs
// of their own, nothing is dropped.
func flatten(bs []model.Block) []*model.Paragraph {
	var out []*model.Paragraph
	add := func(pos model.Pos, ins []model.Inline) {
		if len(ins) > 0 {
			out = append(out, &model.Paragraph{Pos: pos, Inlines: ins})
		}
	}
	var walk func([]model.Block)
	walk = func(bs []model.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *model.Paragraph:
				add(b.Pos, b.Inlines)
				walk(b.Children)
			case *model.Heading:
				add(b.Pos, b.Inlines)
			case *model.Note:
				add(b.Pos, b.Inlines)
			case *model.Preformatted:
				for i, l := range strings.Split(b.Text, "\n") {
					add(model.Pos{File: b.Pos.File, Line: b.Pos.Line + i}, model.Texts(l, b.Pos.Line+i))
				}
			case *model.List:
				for _, it := range b.Items {
					add(it.Pos, it.Inlines)
					walk(it.Children)
				}
			case *model.Quote:
				for _, qp := range b.Paragraphs {
					add(qp.Pos, qp.Inlines)
				}
			case *model.Table:
				for _, row := range b.Rows {
					var ls []textrun.Line
					for _, c := range row {
						ls = append(ls, textrun.Line{Inlines: c})
					}
					add(b.Pos, textrun.Join(ls))
				}
			}
		}
	}
	walk(bs)
	return out
}

// preformatted keeps lines as written, never numbered.
func (p *parser) preformatted(lines []line, why string) []model.Block {
	if len(lines) == 0 {
		return nil
	}
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	if pre := markup.Preformatted(p.name, lines[0].no, texts, why); pre != nil {
		return []model.Block{pre}
	}
	return nil
}
