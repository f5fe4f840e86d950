package markdown

import (
	"github.com/yuin/goldmark/ast"

	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Notes typed in a Markdown editor often put one note per line with no blank line between
// them ("Changement de gouvernance" / "Chaque projet est représenté."). CommonMark joins
// such lines into one paragraph; a report must not. Each paragraph of a structured file is
// split back by the note-line rule of the inference engine (infer.NoteStarts). A file with
// no explicit block structure at all skips this rule: its lines go to the inference engine
// whole, as the lines of a .txt file would.

// splitParagraph converts a Markdown paragraph into one or more paragraphs by the note-line
// rule.
func (c *converter) splitParagraph(n ast.Node) []*model.Paragraph {
	ls := c.lineInlines(n)
	if len(ls) == 0 {
		return nil
	}
	groups := c.splitter.Group(ls)
	out := make([]*model.Paragraph, 0, len(groups))
	for _, g := range groups {
		ins := textrun.Join(g)
		if len(ins) == 0 {
			continue
		}
		p := &model.Paragraph{Pos: c.pos(g[0].Line), Inlines: ins}
		if len(groups) > 1 {
			p.Why = "one note of a paragraph typed one note per line"
		}
		out = append(out, p)
	}
	return out
}

// inferNotes hands a file without explicit structure to the inference engine, line by line:
// each paragraph's source lines with their inline runs, and the blank lines between
// paragraphs, so the inference sees what it would see in a .txt file.
func (c *converter) inferNotes(root ast.Node, doc *model.Document) error {
	var ls []infer.Line
	next := c.base + 1 // the first line not yet emitted
	// literal is a line opening with text as written (a code span, a link; see
	// textrun.Collector.MarkLiteral): no marker is read there.
	emit := func(line int, ins []model.Inline, literal bool) {
		for ; next < line; next++ {
			ls = append(ls, infer.Line{Pos: c.pos(next)})
		}
		ls = append(ls, infer.Line{Text: model.PlainText(ins), Pos: c.pos(line), Inlines: ins, Literal: literal})
		next = line + 1
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.(type) {
		case *ast.Paragraph:
			for _, l := range c.lineInlines(n) {
				emit(l.Line, textrun.Trim(l.Inlines), l.Literal)
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			if ins := c.blockInlines(n); len(ins) > 0 {
				emit(c.firstLine(n), ins, false)
			}
		}
	}
	if len(ls) == 0 {
		return nil
	}
	opts := c.opts
	opts.Name = c.name
	return infer.Into(c.ctx, ls, opts, doc)
}
