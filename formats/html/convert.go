package html

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

// converter holds the state of one conversion; it is never shared.
type converter struct {
	ctx  context.Context
	src  string
	name string
	opts model.ReadOptions
	// cursor and line track the position in src of the text being converted: the parser
	// gives no positions, so each text node's first word is looked up ahead of the cursor.
	cursor, line int
	warnedImage  bool
}

// ignored elements hold no report text.
var ignored = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true,
	atom.Math: true, atom.Select: true, atom.Button: true, atom.Input: true, atom.Textarea: true,
	atom.Option: true, atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Map: true,
	atom.Meta: true, atom.Link: true, atom.Base: true,
}

// inlineElems are phrasing elements whose text flows into the surrounding paragraph.
var inlineElems = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Big: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Del: true, atom.Dfn: true, atom.Em: true,
	atom.Font: true, atom.I: true, atom.Img: true, atom.Ins: true, atom.Kbd: true, atom.Label: true,
	atom.Mark: true, atom.Nobr: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true,
	atom.Span: true, atom.Strike: true, atom.Strong: true, atom.Sub: true, atom.Sup: true,
	atom.Time: true, atom.Tt: true, atom.U: true, atom.Var: true, atom.Wbr: true,
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// document converts the parsed tree into doc.
func (c *converter) document(root *html.Node, doc *model.Document) error {
	if maxDepth(root) > maxElementDepth {
		return model.Errorf(stage, model.Pos{File: c.name}, model.ErrTooDeep, "elements nest deeper than %d levels", maxElementDepth)
	}
	if isW3CMinutes(root) {
		return c.w3cMinutes(root, doc)
	}
	if !hasStructure(root) {
		return c.inferNotes(root, doc)
	}
	blocks, err := c.blocksOf(root, 0)
	if err != nil {
		return err
	}
	blocks = c.headings(blocks, doc)
	for _, b := range blocks {
		if p, ok := b.(*model.Paragraph); ok {
			p.Numbered = true
		}
	}
	doc.Blocks = blocks
	return nil
}

// maxDepth returns the element depth of the tree (stopping once past the cap), walking it
// without recursion.
func maxDepth(root *html.Node) int {
	deepest := 0
	type frame struct {
		n *html.Node
		d int
	}
	stack := []frame{{root, 0}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		deepest = max(deepest, f.d)
		if f.d > maxElementDepth {
			return f.d
		}
		for ch := f.n.FirstChild; ch != nil; ch = ch.NextSibling {
			stack = append(stack, frame{ch, f.d + 1})
		}
	}
	return deepest
}

// hasStructure reports explicit structure outside ignored elements: a heading, a list, a
// quotation, a data table or a Word list paragraph.
func hasStructure(n *html.Node) bool {
	if n.Type == html.ElementNode {
		if ignored[n.DataAtom] {
			return false
		}
		switch {
		case headingLevel(n.DataAtom) > 0, n.DataAtom == atom.Blockquote, n.DataAtom == atom.Li:
			return true
		case n.DataAtom == atom.Table && isDataTable(n):
			return true
		case msoListLevel(n) > 0:
			return true
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if hasStructure(ch) {
			return true
		}
	}
	return false
}

// isDataTable tells a table of data (two rows or more, two columns or more) from a layout
// table (one cell, one column), which e-mail clients wrap around whole messages and which
// is read as a plain container.
func isDataTable(t *html.Node) bool {
	rows, cols := 0, 0
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch ch.DataAtom {
			case atom.Tr:
				rows++
				cells := 0
				for td := ch.FirstChild; td != nil; td = td.NextSibling {
					if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
						cells++
					}
				}
				cols = max(cols, cells)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				visit(ch)
			}
		}
	}
	visit(t)
	return rows >= 2 && cols >= 2
}

// hasBlock reports a block-level element among the descendants of an inline element (the
// parser allows <a><div>…</div></a>), which is then read as a container.
func hasBlock(n *html.Node) bool {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && !ignored[ch.DataAtom] && (!inlineElems[ch.DataAtom] || hasBlock(ch)) && ch.DataAtom != atom.Br {
			return true
		}
	}
	return false
}

// blocksOf converts the children of n into blocks. Inline content between block elements
// (the text of a <div>, or text after a nested block) becomes paragraphs; lists and
// quotations attach to the paragraph before them. listDepth is the depth of the list n is
// in (0 outside lists).
func (c *converter) blocksOf(n *html.Node, listDepth int) ([]model.Block, error) {
	var out []model.Block
	acc := &textrun.Collector{}
	flush := func() {
		for _, p := range c.paragraphs(acc.Lines()) {
			out = append(out, p)
		}
		acc = &textrun.Collector{}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if err := c.ctx.Err(); err != nil {
			return nil, err
		}
		switch {
		case ch.Type == html.TextNode:
			c.text(ch, textrun.Style{Kind: model.KindText}, acc)
			continue
		case ch.Type != html.ElementNode || ignored[ch.DataAtom]:
			continue
		case ch.DataAtom == atom.Br:
			acc.Break(true)
			continue
		case inlineElems[ch.DataAtom] && !hasBlock(ch):
			c.inline(ch, textrun.Style{Kind: model.KindText}, acc)
			continue
		}
		flush()
		if lvl := msoListLevel(ch); lvl > 0 {
			out = c.msoListItem(out, ch, listDepth+lvl)
			continue
		}
		switch a := ch.DataAtom; {
		case headingLevel(a) > 0:
			if ins := textrun.Join(c.lineInlines(ch)); len(ins) > 0 {
				out = append(out, &model.Heading{Pos: c.pos(), Level: headingLevel(a), Inlines: ins,
					Why: fmt.Sprintf("HTML <%s>", ch.Data)})
			}
		case a == atom.Ul || a == atom.Ol || a == atom.Menu || a == atom.Dir:
			l, err := c.list(ch, listDepth+1)
			if err != nil {
				return nil, err
			}
			if len(l.Items) > 0 {
				out = attach(out, l)
			}
		case a == atom.Blockquote:
			q, err := c.quote(ch, listDepth)
			if err != nil {
				return nil, err
			}
			if q != nil {
				out = attach(out, q)
			}
		case a == atom.Table && isDataTable(ch):
			if t := c.table(ch); t != nil {
				out = append(out, t)
			}
		case a == atom.Pre:
			out = append(out, c.pre(ch)...)
		case a == atom.Hr:
		default:
			sub, err := c.blocksOf(ch, listDepth)
			if err != nil {
				return nil, err
			}
			for _, b := range sub {
				switch b.(type) {
				case *model.List, *model.Quote:
					out = attach(out, b)
				default:
					out = append(out, b)
				}
			}
		}
	}
	flush()
	return out, nil
}

// attach makes b (a list or a quotation) a child of the paragraph just before it, which
// introduces it; with no such paragraph b stands alone. A list that follows a list of the
// same depth continues it (Word's list paragraphs arrive one by one).
func attach(blocks []model.Block, b model.Block) []model.Block {
	if len(blocks) == 0 {
		return append(blocks, b)
	}
	switch last := blocks[len(blocks)-1].(type) {
	case *model.Paragraph:
		if l, ok := b.(*model.List); ok && len(last.Children) > 0 {
			if prev, ok := last.Children[len(last.Children)-1].(*model.List); ok && mergeList(prev, l) {
				return blocks
			}
		}
		last.Children = append(last.Children, b)
		return blocks
	case *model.List:
		if l, ok := b.(*model.List); ok && mergeList(last, l) {
			return blocks
		}
	}
	return append(blocks, b)
}

// mergeList appends the items of next to prev when they continue it: same depth, or deeper
// (a nested level of prev's last item). It reports whether it did.
func mergeList(prev, next *model.List) bool {
	switch {
	case next.Depth == prev.Depth:
		prev.Items = append(prev.Items, next.Items...)
		return true
	case next.Depth > prev.Depth && len(prev.Items) > 0:
		last := prev.Items[len(prev.Items)-1]
		if n := len(last.Children); n > 0 {
			if sub, ok := last.Children[n-1].(*model.List); ok && mergeList(sub, next) {
				return true
			}
		}
		last.Children = append(last.Children, next)
		return true
	}
	return false
}

// msoStyle finds Word's list marker in a pasted paragraph's textrun.Style: "mso-list:l0 level2 lfo1".
var msoStyle = lazyre.New(`mso-list:\s*l\d+\s+level(\d+)`)

// msoListLevel returns the list level of a paragraph pasted from Word, 0 for others.
func msoListLevel(n *html.Node) int {
	if n.Type != html.ElementNode || n.DataAtom != atom.P {
		return 0
	}
	m := msoStyle.FindStringSubmatch(attr(n, "style"))
	if m == nil {
		return 0
	}
	lvl, _ := strconv.Atoi(m[1])
	return min(max(lvl, 1), 9)
}

// msoBullet is the bullet or number Word writes as text in front of a pasted list
// paragraph ("·", "o", "§", "1.", "a)") followed by non-breaking spaces.
var msoBullet = lazyre.New(`^[\s\x{00a0}]*(?:[·•o§▪\-–]|\(?[0-9]{1,3}[.)]|\(?[a-zA-Z]{1,4}[.)])[\s\x{00a0}]+`)

// msoListItem turns a Word list paragraph into a one-item list at depth and attaches it,
// so consecutive list paragraphs form one list.
func (c *converter) msoListItem(out []model.Block, p *html.Node, depth int) []model.Block {
	ins := textrun.Join(c.lineInlines(p))
	marker := ""
	if len(ins) > 0 && ins[0].Kind != model.KindFootnote {
		if m := msoBullet.FindString(ins[0].Text); m != "" {
			marker = strings.TrimSpace(strings.ReplaceAll(m, "\u00a0", " "))
			ins[0].Text = ins[0].Text[len(m):]
			ins = textrun.Trim(ins)
		}
	}
	if len(ins) == 0 {
		return out
	}
	pos := c.pos()
	l := &model.List{Pos: pos, Depth: depth, Why: "Word list paragraph (mso-list)",
		Items: []*model.ListItem{{Pos: pos, Marker: marker, Inlines: ins}}}
	return attach(out, l)
}

// list converts ul/ol at the given depth.
func (c *converter) list(n *html.Node, depth int) (*model.List, error) {
	pos := c.pos()
	if depth > c.opts.Limits.WithDefaults().MaxDepth {
		return nil, model.Errorf(stage, pos, model.ErrTooDeep, "lists nest deeper than %d levels", c.opts.Limits.WithDefaults().MaxDepth)
	}
	l := &model.List{Pos: pos, Depth: depth, Why: "HTML bullet list"}
	ordered := n.DataAtom == atom.Ol
	num := 1
	if ordered {
		l.Why = "HTML ordered list (its numbers are replaced by the report's)"
		if s, err := strconv.Atoi(attr(n, "start")); err == nil {
			num = s
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode {
			if ch.Type == html.TextNode && strings.TrimSpace(ch.Data) != "" {
				// Stray text directly inside a list reads as an item.
				acc := &textrun.Collector{}
				c.text(ch, textrun.Style{Kind: model.KindText}, acc)
				if ins := textrun.Join(acc.Lines()); len(ins) > 0 {
					l.Items = append(l.Items, &model.ListItem{Pos: c.pos(), Inlines: ins})
				}
			}
			continue
		}
		switch ch.DataAtom {
		case atom.Ul, atom.Ol:
			// A list directly inside a list (invalid but common) nests under the last item.
			sub, err := c.list(ch, depth+1)
			if err != nil {
				return nil, err
			}
			if len(sub.Items) == 0 {
				continue
			}
			if len(l.Items) == 0 {
				l.Items = append(l.Items, sub.Items...)
				continue
			}
			last := l.Items[len(l.Items)-1]
			last.Children = append(last.Children, sub)
			continue
		}
		if ignored[ch.DataAtom] {
			continue
		}
		itemPos := c.pos()
		blocks, err := c.blocksOf(ch, depth)
		if err != nil {
			return nil, err
		}
		item := &model.ListItem{Pos: itemPos}
		if ordered {
			item.Marker = fmt.Sprintf("%d.", num)
			num++
		} else {
			item.Marker = "•"
		}
		for i, b := range blocks {
			switch b := b.(type) {
			case *model.Paragraph:
				if i == 0 {
					item.Pos = b.Pos
					item.Inlines = b.Inlines
					item.Children = append(item.Children, b.Children...)
					continue
				}
				item.Children = append(item.Children, b)
			case *model.Heading:
				item.Children = append(item.Children, &model.Paragraph{Pos: b.Pos, Inlines: b.Inlines})
			default:
				item.Children = append(item.Children, b)
			}
		}
		if item.Inlines == nil && len(item.Children) == 0 {
			continue
		}
		l.Items = append(l.Items, item)
	}
	if len(l.Items) > 0 {
		l.Pos = l.Items[0].Pos
	}
	return l, nil
}

// quote converts a blockquote into a quotation of unnumbered paragraphs; structure inside
// it is flattened, since a quotation reproduces text.
func (c *converter) quote(n *html.Node, listDepth int) (*model.Quote, error) {
	pos := c.pos()
	blocks, err := c.blocksOf(n, listDepth)
	if err != nil {
		return nil, err
	}
	q := &model.Quote{Pos: pos, Why: "HTML <blockquote>"}
	q.Paragraphs = flatten(blocks, nil)
	if len(q.Paragraphs) == 0 {
		return nil, nil
	}
	q.Pos = q.Paragraphs[0].Pos
	return q, nil
}

// flatten turns blocks into plain paragraphs, in reading order.
func flatten(blocks []model.Block, out []*model.Paragraph) []*model.Paragraph {
	for _, b := range blocks {
		switch b := b.(type) {
		case *model.Paragraph:
			out = append(out, &model.Paragraph{Pos: b.Pos, Inlines: b.Inlines})
			out = flatten(b.Children, out)
		case *model.Heading:
			out = append(out, &model.Paragraph{Pos: b.Pos, Inlines: b.Inlines})
		case *model.List:
			for _, it := range b.Items {
				if len(it.Inlines) > 0 {
					out = append(out, &model.Paragraph{Pos: it.Pos, Inlines: it.Inlines})
				}
				out = flatten(it.Children, out)
			}
		case *model.Quote:
			out = append(out, b.Paragraphs...)
		case *model.Note:
			out = append(out, &model.Paragraph{Pos: b.Pos, Inlines: b.Inlines})
		case *model.Table:
			for _, row := range b.Rows {
				for _, cell := range row {
					if len(cell) > 0 {
						out = append(out, &model.Paragraph{Pos: b.Pos, Inlines: cell})
					}
				}
			}
		}
	}
	return out
}

// table converts a data table into rows of cells.
func (c *converter) table(t *html.Node) *model.Table {
	tb := &model.Table{Pos: c.pos()}
	var rows func(*html.Node)
	rows = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch ch.DataAtom {
			case atom.Tr:
				var cells [][]model.Inline
				for td := ch.FirstChild; td != nil; td = td.NextSibling {
					if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
						cells = append(cells, textrun.Join(c.lineInlines(td)))
					}
				}
				if len(cells) > 0 {
					tb.Rows = append(tb.Rows, cells)
				}
			case atom.Thead, atom.Tbody, atom.Tfoot:
				rows(ch)
			}
		}
	}
	rows(t)
	if len(tb.Rows) == 0 {
		return nil
	}
	tb.Pos = c.pos()
	return tb
}

// pre converts preformatted text: blank lines separate paragraphs, and within a paragraph
// the note-line rule decides which lines are separate notes.
func (c *converter) pre(n *html.Node) []model.Block {
	var out []model.Block
	var group []textrun.Line
	flush := func() {
		for _, p := range c.paragraphs(group) {
			out = append(out, p)
		}
		group = nil
	}
	line := c.pos().Line
	for l := range strings.SplitSeq(textContent(n), "\n") {
		l = strings.TrimRight(l, " \t\r")
		if strings.TrimSpace(l) == "" {
			flush()
		} else {
			group = append(group, textrun.Line{Inlines: model.Texts(textrun.Clean(l), line), Line: line})
		}
		line++
	}
	flush()
	return out
}

// paragraphs groups lines into paragraphs by the note-line rule.
func (c *converter) paragraphs(ls []textrun.Line) []*model.Paragraph {
	if len(ls) == 0 {
		return nil
	}
	var out []*model.Paragraph
	for _, g := range infer.GroupNotes(ls) {
		if ins := textrun.Join(g); len(ins) > 0 {
			out = append(out, &model.Paragraph{Pos: model.Pos{File: c.name, Line: g[0].Line}, Inlines: ins})
		}
	}
	if len(out) > 1 {
		for _, p := range out {
			p.Why = "one note of a block typed one note per line"
		}
	}
	return out
}

// headings moves a lone leading h1 into the front matter as the title, and shifts heading
// levels so the highest level used becomes a chapter (pages often start at h2 or h3); levels
// below the third stay at 3.
func (c *converter) headings(blocks []model.Block, doc *model.Document) []model.Block {
	blocks = infer.TitleFromHeading(doc, blocks, "the only <h1>, at the top")
	infer.ShiftHeadings(blocks, func(level int) string { return fmt.Sprintf("<h%d>", level) })
	return blocks
}

// textContent is the text of n and its descendants, as written.
func textContent(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte('\n')
		case n.Type == html.ElementNode && ignored[n.DataAtom]:
			return
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			visit(ch)
		}
	}
	visit(n)
	return b.String()
}

// attr returns the value of an attribute, "" when absent.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// pos returns the current source position.
func (c *converter) pos() model.Pos { return model.Pos{File: c.name, Line: c.line} }

// locate advances the position to the first word of s, searched a bounded distance ahead
// of the cursor so a word that is not found (an entity, a tag attribute) costs little.
func (c *converter) locate(s string) int {
	w := firstWord(s)
	if w == "" {
		return c.line
	}
	end := min(len(c.src), c.cursor+32<<10)
	if i := strings.Index(c.src[c.cursor:end], w); i >= 0 {
		c.line += strings.Count(c.src[c.cursor:c.cursor+i], "\n")
		c.cursor += i
	}
	return c.line
}

// firstWord returns the first run of letters and digits in s (at most 24 bytes).
func firstWord(s string) string {
	start := strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if start < 0 {
		return ""
	}
	s = s[start:]
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if end < 0 {
		end = len(s)
	}
	if end > 24 {
		end = 24
		for end > 0 && !utf8RuneStart(s[end]) {
			end--
		}
	}
	return s[:end]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
