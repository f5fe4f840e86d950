package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/markup"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// document converts the goldmark tree into doc's blocks.
func (c *converter) document(root ast.Node, doc *model.Document) error {
	c.collectFootnotes(root)
	// A report scribe wrote is structured by the labels it printed, headings or not: its
	// paragraphs stay paragraphs, and the label stripper takes their numbers off. Through
	// the notes inference, a typed number would be dropped before the stripper saw it, and
	// a report without headings would come back unnumbered.
	if doc.Meta.Extra[LabelsKey] == "" && !hasExplicitStructure(root) {
		return c.inferNotes(root, doc)
	}
	var blocks []model.Block
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if err := c.ctx.Err(); err != nil {
			return err
		}
		switch n := n.(type) {
		case *ast.Heading:
			ins := c.joinedInlines(n)
			if len(ins) == 0 {
				continue
			}
			why := fmt.Sprintf("Markdown heading %s", strings.Repeat("#", n.Level))
			blocks = append(blocks, &model.Heading{Pos: c.pos(c.firstLine(n)), Level: n.Level, Inlines: ins, Why: why})
		case *ast.Paragraph:
			for _, p := range c.splitParagraph(n) {
				p.Numbered = true
				blocks = append(blocks, p)
			}
		case *ast.List:
			l, err := c.list(n, 1)
			if err != nil {
				return err
			}
			if len(l.Items) > 0 {
				blocks = attach(blocks, l)
			}
		case *ast.Blockquote:
			q, err := c.quote(n, 1)
			if err != nil {
				return err
			}
			if q != nil {
				blocks = attach(blocks, q)
			}
		case *ast.FencedCodeBlock:
			if pre := c.fenced(n); pre != nil {
				blocks = append(blocks, pre)
			}
		case *ast.CodeBlock:
			if p := c.codeBlock(n); p != nil {
				p.Numbered = true
				blocks = append(blocks, p)
			}
		case *ast.HTMLBlock:
			if p := c.htmlBlock(n); p != nil {
				p.Numbered = true
				blocks = append(blocks, p)
			}
		case *east.Table:
			blocks = append(blocks, c.table(n))
		}
		// Thematic breaks, link reference definitions and the footnote list add nothing.
	}
	blocks = infer.TitleFromHeading(doc, blocks, "the only # heading, at the top of the file")
	infer.ShiftHeadings(blocks, func(level int) string { return strings.Repeat("#", level) })
	doc.Blocks = blocks
	return nil
}

// attach makes b (a list or a quotation) a child of the paragraph just before it, which
// introduces it; with no such paragraph (after a heading, at the start) b stands alone.
func attach(blocks []model.Block, b model.Block) []model.Block {
	if len(blocks) > 0 {
		if p, ok := blocks[len(blocks)-1].(*model.Paragraph); ok {
			p.Children = append(p.Children, b)
			return blocks
		}
	}
	return append(blocks, b)
}

// hasExplicitStructure reports whether the file uses Markdown block structure: a heading,
// a list, a quotation, a table or a fenced code block. Without any, it is plain notes
// saved as .md.
func hasExplicitStructure(root ast.Node) bool {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.(type) {
		case *ast.Heading, *ast.List, *ast.Blockquote, *east.Table, *ast.FencedCodeBlock:
			return true
		}
	}
	return false
}

// list converts a Markdown list at the given depth (1 for a top-level list).
func (c *converter) list(n *ast.List, depth int) (*model.List, error) {
	line := c.firstLine(n)
	if depth > c.maxDepth {
		return nil, c.tooDeep(line)
	}
	l := &model.List{Pos: c.pos(line), Depth: depth}
	if n.IsOrdered() {
		l.Why = "Markdown ordered list (its numbers are replaced by the report's)"
	} else {
		l.Why = "Markdown bullet list"
	}
	num := n.Start
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		item := &model.ListItem{Pos: c.pos(c.firstLine(it))}
		if n.IsOrdered() {
			item.Marker = fmt.Sprintf("%d%c", num, n.Marker)
			num++
		} else {
			item.Marker = string(n.Marker)
		}
		for ch := it.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch ch := ch.(type) {
			case *ast.List:
				sub, err := c.list(ch, depth+1)
				if err != nil {
					return nil, err
				}
				if len(sub.Items) > 0 {
					item.Children = append(item.Children, sub)
				}
			case *ast.Blockquote:
				q, err := c.quote(ch, depth+1)
				if err != nil {
					return nil, err
				}
				if q != nil {
					item.Children = append(item.Children, q)
				}
			case *ast.FencedCodeBlock:
				if pre := c.fenced(ch); pre != nil {
					item.Children = append(item.Children, pre)
				}
			default:
				ins := c.blockInlines(ch)
				if len(ins) == 0 {
					continue
				}
				if item.Inlines == nil {
					item.Inlines = ins
					continue
				}
				// A second paragraph of the same item continues it without a number.
				item.Children = append(item.Children, &model.Paragraph{Pos: c.pos(c.firstLine(ch)), Inlines: ins})
			}
		}
		if item.Inlines == nil && len(item.Children) == 0 {
			continue // an empty bullet
		}
		l.Items = append(l.Items, item)
	}
	return l, nil
}

// quote converts a block quotation into a quotation of unnumbered paragraphs. Lists and
// nested quotations inside it are flattened into its paragraphs: a quotation reproduces
// text, it does not carry the report's own structure.
func (c *converter) quote(n *ast.Blockquote, depth int) (*model.Quote, error) {
	line := c.firstLine(n)
	if depth > c.maxDepth {
		return nil, c.tooDeep(line)
	}
	q := &model.Quote{Pos: c.pos(line), Why: "Markdown block quotation (>)"}
	var walk func(ast.Node, int) error
	walk = func(n ast.Node, d int) error {
		if d > c.maxDepth {
			return c.tooDeep(c.firstLine(n))
		}
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch ch.(type) {
			case *ast.Blockquote, *ast.List, *ast.ListItem:
				if err := walk(ch, d+1); err != nil {
					return err
				}
			default:
				if ins := c.blockInlines(ch); len(ins) > 0 {
					q.Paragraphs = append(q.Paragraphs, &model.Paragraph{Pos: c.pos(c.firstLine(ch)), Inlines: ins})
				}
			}
		}
		return nil
	}
	if err := walk(n, depth); err != nil {
		return nil, err
	}
	if len(q.Paragraphs) == 0 {
		return nil, nil
	}
	return q, nil
}

// blockInlines returns the text of a leaf block (paragraph, heading, code, HTML) as runs,
// its lines joined by spaces.
func (c *converter) blockInlines(n ast.Node) []model.Inline {
	switch n := n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		if p := c.codeBlock(n); p != nil {
			return p.Inlines
		}
		return nil
	case *ast.HTMLBlock:
		if p := c.htmlBlock(n); p != nil {
			return p.Inlines
		}
		return nil
	}
	return c.joinedInlines(n)
}

// fenced keeps a fenced code block as preformatted text: line for line, unnumbered. A
// fence is explicit Markdown, so what it holds (a command, a pasted log, draft text to be
// reproduced exactly) is printed as written, not as numbered paragraphs.
func (c *converter) fenced(n *ast.FencedCodeBlock) *model.Preformatted {
	segs := n.Lines()
	lines := make([]string, segs.Len())
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		lines[i] = string(s.Value(c.src))
	}
	first := c.line(n.Pos())
	if segs.Len() > 0 {
		first = c.line(segs.At(0).Start)
	}
	why := "Markdown fenced code block (preformatted, unnumbered)"
	return markup.Preformatted(c.name, first, lines, why)
}

// codeBlock keeps an indented code block's text as one paragraph: in notes, indentation is
// more often a typing habit than code, and the words still matter.
func (c *converter) codeBlock(n ast.Node) *model.Paragraph {
	segs := n.Lines()
	var parts []string
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		if t := strings.TrimSpace(string(s.Value(c.src))); t != "" {
			parts = append(parts, t)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	line := c.firstLine(n)
	return &model.Paragraph{Pos: c.pos(line), Inlines: model.Texts(textrun.Clean(strings.Join(parts, " ")), line),
		Why: "Markdown code block kept as text"}
}

// htmlBlock keeps the text of raw HTML (tags removed); comments and tag-only blocks
// vanish.
func (c *converter) htmlBlock(n *ast.HTMLBlock) *model.Paragraph {
	var raw bytes.Buffer
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		raw.Write(s.Value(c.src))
	}
	if n.HasClosure() {
		raw.Write(n.ClosureLine.Value(c.src))
	}
	text := strings.Join(strings.Fields(htmlText(raw.Bytes())), " ")
	if text == "" {
		return nil
	}
	line := c.firstLine(n)
	c.opts.Warnings.Warn(stage, c.pos(line), "raw HTML block: kept its text, dropped its markup")
	return &model.Paragraph{Pos: c.pos(line), Inlines: model.Texts(textrun.Clean(text), line), Why: "text of a raw HTML block"}
}

// table converts a GitHub table, header row included, into rows of cells.
func (c *converter) table(n *east.Table) *model.Table {
	t := &model.Table{Pos: c.pos(c.firstLine(n))}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]model.Inline
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.joinedInlines(cell))
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// firstLine finds the source line where a node starts: its own first line, else the first
// line of its first descendant that has one.
func (c *converter) firstLine(n ast.Node) int {
	found := -1
	var visit func(ast.Node) bool
	visit = func(n ast.Node) bool {
		if n.Type() == ast.TypeBlock {
			if segs := n.Lines(); segs != nil && segs.Len() > 0 {
				found = segs.At(0).Start
				return true
			}
		}
		if t, ok := n.(*ast.Text); ok {
			found = t.Segment.Start
			return true
		}
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if visit(ch) {
				return true
			}
		}
		return false
	}
	if !visit(n) {
		if p := n.Pos(); p >= 0 {
			return c.line(p)
		}
		return c.base + 1
	}
	return c.line(found)
}
