package gfm

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableParagraphTransformer turns a paragraph into a GFM table when one of its lines,
// after the first, is a delimiter row ("| --- | :---: |"):
//
//	| Item   | Decision |
//	|--------|:--------:|
//	| Budget | approved |
//
// The line before the delimiter row is the header; the lines after it, to the end of the
// paragraph (a blank line, or a block that interrupts a paragraph), are rows, with or
// without their outer pipes; lines before the header stay a paragraph. A row is cut to the
// number of columns and padded with empty cells up to it; a header with more cells than
// the delimiter row has columns makes no table. "\|" is a pipe inside a cell, in a code
// span too (tableCodeTransformer). These are goldmark's rules, which are GFM's except
// that a shorter header is padded rather than refused.
type tableParagraphTransformer struct{}

// Transform implements parser.ParagraphTransformer.
func (tableParagraphTransformer) Transform(para *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := para.Lines()
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		aligns := delimiterRow(lines.At(i), src)
		if aligns == nil {
			continue
		}
		header := tableRow(lines.At(i-1), aligns, true, src, pc)
		if header.ChildCount() != len(aligns) {
			return
		}
		table := east.NewTable()
		table.Alignments = aligns
		table.SetPos(para.Pos())
		table.AppendChild(table, east.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, tableRow(lines.At(j), aligns, false, src, pc))
		}
		parent := para.Parent()
		parent.InsertAfter(parent, para, table)
		lines.SetSliced(0, i-1)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, para)
			return
		}
		// The paragraph now ends with the line before the header: without its line end.
		last := lines.At(i - 2)
		last.Stop--
		lines.Set(i-2, last)
		return
	}
}

// delimiterRow returns the column alignments of a delimiter row, or nil if seg is no
// such row. A delimiter row is indented at most three columns and holds only pipes,
// colons, hyphens and spaces; each column between pipes (the outer pipes optional) is
// one or more hyphens with an optional colon on either side: ":--" left, "--:" right,
// ":-:" centred, "---" unspecified.
func delimiterRow(seg text.Segment, src []byte) []east.Alignment {
	b := seg.Value(src)
	if w, _ := util.IndentWidth(b, 0); w > 3 {
		return nil
	}
	onlyHyphens := true
	for _, c := range b {
		switch {
		case c == '-':
		case c == '|' || c == ':' || util.IsSpace(c):
			onlyHyphens = false
		default:
			return nil
		}
	}
	if onlyHyphens {
		// Hyphens and no line end. (A line of hyphens that ends in a line end is a
		// setext underline or a thematic break: it never reaches a paragraph's lines.)
		return nil
	}
	cols := bytes.Split(b, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var aligns []east.Alignment
	for _, col := range cols {
		a := alignment(col)
		if a == 0 {
			return nil
		}
		aligns = append(aligns, a)
	}
	return aligns
}

// alignment reads one column of a delimiter row; 0 if it is not hyphens between optional
// colons.
func alignment(col []byte) east.Alignment {
	col = col[util.TrimLeftSpaceLength(col):]
	col = col[:len(col)-util.TrimRightSpaceLength(col)]
	left := len(col) > 0 && col[0] == ':'
	if left {
		col = col[1:]
	}
	right := len(col) > 0 && col[len(col)-1] == ':'
	if right {
		col = col[:len(col)-1]
	}
	if len(col) == 0 || len(bytes.Trim(col, "-")) != 0 {
		return 0
	}
	switch {
	case left && right:
		return east.AlignCenter
	case left:
		return east.AlignLeft
	case right:
		return east.AlignRight
	}
	return east.AlignNone
}

// tableRow splits the line seg into cells at its unescaped pipes, one per column:
// cells beyond the last column are dropped (kept in a header, which then makes no table)
// and missing ones added empty. Each cell's text is trimmed of spaces; its inline markup
// is parsed later, like a paragraph's. A backslash that escapes a pipe after a backtick
// is recorded for tableCodeTransformer.
func tableRow(seg text.Segment, aligns []east.Alignment, header bool, src []byte, pc parser.Context) *east.TableRow {
	row := east.NewTableRow(aligns)
	row.SetPos(seg.Start)
	trimmed := seg.TrimLeftSpace(src)
	trimmed = trimmed.TrimRightSpace(src)
	b := trimmed.Value(src)
	pos, limit := 0, len(b)
	if limit > 0 && b[0] == '|' {
		pos++
	}
	if limit > 0 && b[limit-1] == '|' {
		limit--
	}
	col := 0
	for ; pos < limit; col++ {
		align := east.AlignNone
		if col < len(aligns) {
			align = aligns[col]
		} else if !header {
			return row
		}
		cell := east.NewTableCell()
		cell.SetPos(seg.Start + pos - seg.Padding)
		cell.Alignment = align
		backtick, recorded := false, false
		end := pos
		for ; end < limit; end++ {
			switch b[end] {
			case '`':
				backtick = true
			case '|':
				if end == 0 || b[end-1] != '\\' {
					goto cut
				}
				if backtick {
					escapedPipesOf(pc).add(cell, !recorded, trimmed.Start+end-1)
					recorded = true
				}
			}
		}
	cut:
		content := text.NewSegment(trimmed.Start+pos, trimmed.Start+end)
		content = content.TrimLeftSpace(src)
		content = content.TrimRightSpace(src)
		cell.Lines().Append(content)
		row.AppendChild(row, cell)
		pos = end + 1
	}
	for ; col < len(aligns); col++ {
		row.AppendChild(row, east.NewTableCell())
	}
	return row
}

// escapedPipesKey keeps, while one document is parsed, the *escapedPipes of its tables.
var escapedPipesKey = parser.NewContextKey()

// escapedPipes lists the table cells with a code span that may hold an escaped pipe, and
// the offsets in the source of the backslashes of those pipes.
type escapedPipes struct {
	cells       []*east.TableCell
	backslashes []int
}

// escapedPipesOf returns the document's escapedPipes, made on first use.
func escapedPipesOf(pc parser.Context) *escapedPipes {
	return pc.ComputeIfAbsent(escapedPipesKey, func() any { return &escapedPipes{} }).(*escapedPipes)
}

// add records the backslash at offset at, in cell; newCell says cell is not listed yet.
func (e *escapedPipes) add(cell *east.TableCell, newCell bool, at int) {
	if newCell {
		e.cells = append(e.cells, cell)
	}
	e.backslashes = append(e.backslashes, at)
}

// tableCodeTransformer takes the backslash out of "\|" in the code spans of table
// cells: the pipe had to be escaped to stay in its cell, but a code span keeps
// backslashes, so without this "`a \| b`" would print its backslash.
type tableCodeTransformer struct{}

// Transform implements parser.ASTTransformer.
func (tableCodeTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	e, _ := pc.Get(escapedPipesKey).(*escapedPipes)
	if e == nil {
		return
	}
	pc.Set(escapedPipesKey, nil)
	for _, cell := range e.cells {
		_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Kind() == ast.KindCodeSpan {
				for ch := n.FirstChild(); ch != nil; {
					next := ch.NextSibling()
					if t, ok := ch.(*ast.Text); ok {
						dropBackslashes(n, t, e.backslashes)
					}
					ch = next
				}
			}
			return ast.WalkContinue, nil
		})
	}
}

// dropBackslashes replaces t, a child of span, by raw texts that leave out the bytes at
// the offsets in at (ascending) that fall inside t.
func dropBackslashes(span ast.Node, t *ast.Text, at []int) {
	seg := t.Segment
	var tail ast.Node = t
	for _, p := range at {
		if p < seg.Start || p >= seg.Stop {
			continue
		}
		cur := tail.(*ast.Text).Segment
		before := ast.NewRawTextSegment(cur.WithStop(p))
		after := ast.NewRawTextSegment(cur.WithStart(p + 1))
		span.InsertAfter(span, tail, before)
		span.InsertAfter(span, before, after)
		span.RemoveChild(span, tail)
		tail = after
	}
}
