package pdf

import (
	"context"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/formats/pdf/internal/pdfdoc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Page geometry in millimetres: A4 with the margins and indents of UN documents. The body
// text block (style SingleTxt) is indented 12.7 mm (0.5 in) on both sides of the column; the
// indent holds paragraph and heading numbers, hanging.
const (
	pageW      = 210.0 // A4 is 210 × 297 mm
	pageH      = 297.0
	marginSide = 20.0 // left and right
	bodyTop    = 28.0 // first body line on pages 2 and later
	bodyBottom = 272.0
	labelCol   = 12.7 // paragraph and heading numbers hang in this column
	stepIndent = 10.0 // one level of subparagraph or quotation
	colW       = pageW - 2*marginSide
	bodyRight  = colW - labelCol // right edge of body text, from the column's start edge
)

// Type sizes in points.
const (
	sizeBody     = 10.0
	sizeNote     = 8.0
	sizeNoteMark = 6.5
)

// line is one typeset line of a block. Horizontal positions are distances from the start
// edge of the column: the left edge for left-to-right text, the right edge for right-to-left.
type line struct {
	toks    []token
	start   float64 // where the text starts
	width   float64 // width available to the text
	justify bool
	rtl     bool    // base direction of the paragraph, from its first strong character
	label   []token // paragraph or heading number, printed at labelS on the first line
	labelS  float64
	h       float64 // advance, mm
	asc     float64 // baseline below the top of the line, mm
	notes   []*footnote
	outline *outlineEntry
	rule    float64 // thickness of a rule drawn across the line's width (masthead), 0 for none
	end     bool    // aligned to the end edge (the symbol on the masthead)
	tag     *blockTag
	// before are elements that come before tag in reading order although their lines are
	// drawn after this one (the organ, left of the masthead's symbol).
	before []*blockTag
}

// blockTag is the element of the PDF's structure tree that a line's text belongs to: a
// heading, a paragraph, a list item, a note. Lines of one block share it.
type blockTag struct {
	role   string // standard structure type: "H1", "P", "L", "LI", "BlockQuote", "Note", …
	parent *blockTag
	// The element once the renderer has added it to the document.
	elem pdfdoc.StructElem
	made bool
}

// tagLines makes t the element of lines.
func tagLines(lines []*line, t *blockTag) {
	for _, ln := range lines {
		ln.tag = t
	}
}

// outlineEntry is a bookmark for a heading.
type outlineEntry struct {
	text  string
	level int
}

// footnote is a note printed at the bottom of the page that carries its indicator.
type footnote struct {
	num   int
	lines []*line
	h     float64
}

// vblock is a vertical unit of the page: the lines of one paragraph, heading, list item.
type vblock struct {
	lines         []*line
	before, after float64 // space, mm
	keepNext      bool    // headings: never last on a page
	keepTogether  bool    // never split (headings, table rows)
}

// layouter typesets a document's blocks into vblocks.
type layouter struct {
	ctx    context.Context
	df     *docFonts
	doc    *model.Document
	rtl    bool
	notes  int // footnotes numbered so far
	blocks []*vblock
	level  int // last outline level, to keep the outline a proper tree
	// lead is the line height as a multiple of the type size: 1.2 (10 on 12 points, the UN
	// standard), more for Arabic, whose Naskh faces reach far above and below the line.
	lead float64
	// parent is the structure element new blocks go into: nil for the document, a list
	// item for the lists nested in it, a quotation for its paragraphs.
	parent *blockTag
}

// tag makes a structure element of role in the current parent.
func (l *layouter) tag(role string) *blockTag { return &blockTag{role: role, parent: l.parent} }

// within builds with parent as the current structure element.
func (l *layouter) within(parent *blockTag, build func() error) error {
	prev := l.parent
	l.parent = parent
	defer func() { l.parent = prev }()
	return build()
}

func newLayouter(ctx context.Context, df *docFonts, doc *model.Document) *layouter {
	l := &layouter{ctx: ctx, df: df, doc: doc, rtl: doc.Present.Dir == model.RTL, lead: 1.2}
	if doc.Present.Lang == "ar" {
		l.lead = 1.5
	}
	return l
}

func (l *layouter) pos(line int, fallback model.Pos) model.Pos {
	if line > 0 {
		return model.Pos{File: l.doc.Source, Line: line}
	}
	if fallback.File == "" {
		fallback.File = l.doc.Source
	}
	return fallback
}

// tokens typesets inline runs in a base style.
func (l *layouter) tokens(ins []model.Inline, base runStyle, at model.Pos) ([]token, error) {
	tz := &tokenizer{df: l.df}
	for _, in := range ins {
		rs := base
		switch in.Kind {
		case model.KindEmphasis:
			rs.st |= styleItalic
		case model.KindStrong:
			rs.st |= styleBold
		case model.KindSymbol:
			rs.nobreak = true
		case model.KindLink:
			rs.link = in.URL
		case model.KindFootnote:
			fn, err := l.footnote(in, at)
			if err != nil {
				return nil, err
			}
			tz.attach(fn)
			mark := rs
			mark.size = sizeNoteMark * base.size / sizeBody
			mark.rise = base.size * 0.35 * ptToMM
			mark.nobreak = true
			if err := tz.add(strconv.Itoa(fn.num), mark, l.pos(in.Line, at)); err != nil {
				return nil, err
			}
			continue
		}
		if err := tz.add(in.Text, rs, l.pos(in.Line, at)); err != nil {
			return nil, err
		}
	}
	return tz.finish()
}

// footnote typesets the note of a footnote run.
func (l *layouter) footnote(in model.Inline, at model.Pos) (*footnote, error) {
	l.notes++
	fn := &footnote{num: l.notes}
	note := in.Note
	if len(note) == 0 && in.Text != "" {
		note = model.Texts(in.Text, in.Line)
	}
	toks, err := l.tokens(note, runStyle{size: sizeNote}, l.pos(in.Line, at))
	if err != nil {
		return nil, err
	}
	label, err := l.tokens(model.Texts(strconv.Itoa(fn.num), in.Line), runStyle{size: sizeNote}, at)
	if err != nil {
		return nil, err
	}
	lines, err := l.para(toks, label, labelCol-2-tokensWidth(label), labelCol, 0, sizeNote, l.lead, true)
	if err != nil {
		return nil, err
	}
	tagLines(lines, &blockTag{role: "Note"})
	fn.lines = lines
	for _, ln := range lines {
		fn.h += ln.h
	}
	return fn, nil
}

func tokensWidth(ts []token) float64 {
	w := 0.0
	for i, t := range ts {
		w += t.w
		if i < len(ts)-1 {
			w += t.glue
		}
	}
	return w
}

// para breaks tokens into lines whose text starts at start (from the column's start edge),
// with the label at labelS on the first line, and the right indent rightIn.
func (l *layouter) para(toks, label []token, labelS, start, rightIn, size, leading float64, justify bool) ([]*line, error) {
	width := bodyRight - start - rightIn
	first := width
	firstStart := start
	if len(label) > 0 {
		// A label wider than its column pushes the first line's text along.
		if end := labelS + tokensWidth(label) + 1.5; end > start {
			firstStart = end
			first = width - (end - start)
		}
	}
	rows, err := l.breakLines(toks, first, width)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 && len(label) > 0 {
		rows = [][]token{nil}
	}
	h := size * leading * ptToMM
	rtl := baseRTL(toks, l.rtl)
	out := make([]*line, len(rows))
	for i, r := range rows {
		ln := &line{toks: r, start: start, width: width, justify: justify && i < len(rows)-1, rtl: rtl,
			h: h, asc: size * 0.95 * ptToMM}
		if i == 0 {
			ln.start, ln.width = firstStart, first
			ln.label, ln.labelS = label, labelS
		}
		for _, t := range r {
			ln.notes = append(ln.notes, t.notes...)
		}
		out[i] = ln
	}
	return out, nil
}

// headingStyle gives size (pt) and style per heading level: chapter (HCh), section (H1),
// subsection (H23), deeper (H4, italic).
func headingStyle(level int) (float64, style) {
	switch level {
	case 1:
		return 13, styleBold
	case 2:
		return 11, styleBold
	case 3:
		return 10, styleBold
	}
	return 10, styleItalic
}

// build typesets the body.
func (l *layouter) build(blocks []model.Block, base float64) error {
	for _, b := range blocks {
		if err := l.ctx.Err(); err != nil {
			return err
		}
		if err := l.block(b, base); err != nil {
			return err
		}
	}
	return nil
}

const ptSpace = ptToMM // one point of vertical space, in mm

func (l *layouter) block(b model.Block, base float64) error {
	switch n := b.(type) {
	case *model.Heading:
		size, st := headingStyle(n.Level)
		rs := runStyle{st: st, size: size, heading: true}
		toks, err := l.tokens(n.Inlines, rs, n.Pos)
		if err != nil {
			return err
		}
		var label []token
		if n.Number.Label != "" {
			if label, err = l.tokens(model.Texts(n.Number.Label, n.Pos.Line), rs, n.Pos); err != nil {
				return err
			}
		}
		lines, err := l.para(toks, label, 0, labelCol, 0, size, l.lead, false)
		if err != nil {
			return err
		}
		if len(lines) == 0 {
			return nil
		}
		lvl := n.Level - 1
		if lvl < 0 {
			lvl = 0
		}
		if lvl > l.level+1 {
			lvl = l.level + 1
		}
		l.level = lvl
		title := model.PlainText(n.Inlines)
		if n.Number.Label != "" {
			title = n.Number.Label + " " + title
		}
		lines[0].outline = &outlineEntry{text: clean(title), level: lvl}
		tagLines(lines, l.tag("H"+strconv.Itoa(min(max(n.Level, 1), 6))))
		before := 12 * ptSpace
		if n.Level > 1 {
			before = 9 * ptSpace
		}
		l.blocks = append(l.blocks, &vblock{lines: lines, before: before, after: 6 * ptSpace, keepNext: true, keepTogether: true})
	case *model.Paragraph:
		return l.paragraph(n, base, 0)
	case *model.List:
		return l.within(l.tag("L"), func() error {
			for _, it := range n.Items {
				if err := l.listItem(it, n.Depth, base); err != nil {
					return err
				}
			}
			return nil
		})
	case *model.ListItem:
		return l.within(l.tag("L"), func() error { return l.listItem(n, 1, base) })
	case *model.Quote:
		return l.within(l.tag("BlockQuote"), func() error {
			for _, p := range n.Paragraphs {
				if err := l.paragraph(p, base+stepIndent, stepIndent); err != nil {
					return err
				}
			}
			return nil
		})
	case *model.Note:
		return l.plain(n.Inlines, n.Pos, base, 6*ptSpace)
	case *model.Table:
		return l.table(n, base)
	case *model.Preformatted:
		return l.preformatted(n, base)
	case *model.Attendance:
		return l.within(l.tag("Sect"), func() error {
			if err := l.strongLine(n.Title, n.Pos, base, true); err != nil {
				return err
			}
			for _, g := range n.Groups {
				if err := l.plain(g.Inlines, n.Pos, base, 3*ptSpace); err != nil {
					return err
				}
			}
			return nil
		})
	case *model.Annex:
		return l.within(l.tag("Sect"), func() error {
			for _, t := range []string{n.Label, n.Title} {
				if t != "" {
					if err := l.strongLine(t, n.Pos, base, true); err != nil {
						return err
					}
				}
			}
			return l.build(n.Blocks, base)
		})
	}
	return nil
}

// strongLine typesets a bold unnumbered line (an attendance or annex title) that stays with
// what follows.
func (l *layouter) strongLine(text string, pos model.Pos, base float64, keepNext bool) error {
	toks, err := l.tokens([]model.Inline{{Kind: model.KindStrong, Text: text, Line: pos.Line}}, runStyle{size: sizeBody}, pos)
	if err != nil {
		return err
	}
	lines, err := l.para(toks, nil, 0, labelCol+base, 0, sizeBody, l.lead, false)
	if err != nil || len(lines) == 0 {
		return err
	}
	tagLines(lines, l.tag("P"))
	l.blocks = append(l.blocks, &vblock{lines: lines, before: 6 * ptSpace, after: 6 * ptSpace, keepNext: keepNext, keepTogether: true})
	return nil
}

// plain typesets unnumbered, unjustified runs at the text column (a note, an attendance
// line), followed by after mm of space.
func (l *layouter) plain(ins []model.Inline, pos model.Pos, base, after float64) error {
	toks, err := l.tokens(ins, runStyle{size: sizeBody}, pos)
	if err != nil {
		return err
	}
	lines, err := l.para(toks, nil, 0, labelCol+base, 0, sizeBody, l.lead, false)
	if err != nil {
		return err
	}
	tagLines(lines, l.tag("P"))
	l.add(lines, after)
	return nil
}

// preformatted typesets text whose lines matter: every source line starts a new line, none
// is justified, and the block is kept on one page when it fits.
func (l *layouter) preformatted(p *model.Preformatted, base float64) error {
	var all []*line
	for i, text := range strings.Split(p.Text, "\n") {
		if strings.TrimSpace(text) == "" {
			text = "\u00a0" // keep the blank line's height
		}
		toks, err := l.tokens(model.Texts(text, p.Pos.Line+i), runStyle{size: sizeBody - 1}, p.Pos)
		if err != nil {
			return err
		}
		lines, err := l.para(toks, nil, 0, labelCol+base, 0, sizeBody-1, l.lead, false)
		if err != nil {
			return err
		}
		all = append(all, lines...)
	}
	if len(all) == 0 {
		return nil
	}
	tagLines(all, l.tag("Code"))
	l.blocks = append(l.blocks, &vblock{lines: all, after: 6 * ptSpace, keepTogether: len(all) <= 20})
	return nil
}

func (l *layouter) add(lines []*line, after float64) {
	if len(lines) > 0 {
		l.blocks = append(l.blocks, &vblock{lines: lines, after: after})
	}
}

// paragraph typesets a body paragraph: its number hangs in the label column, the text block
// is justified, then its lists and quotations follow.
func (l *layouter) paragraph(p *model.Paragraph, base, rightIn float64) error {
	toks, err := l.tokens(p.RunIn(), runStyle{size: sizeBody}, p.Pos)
	if err != nil {
		return err
	}
	var label []token
	if p.Numbered && p.Number.Label != "" {
		if label, err = l.tokens(model.Texts(p.Number.Label, p.Pos.Line), runStyle{size: sizeBody}, p.Pos); err != nil {
			return err
		}
	}
	lines, err := l.para(toks, label, base, labelCol+base, rightIn, sizeBody, l.lead, true)
	if err != nil {
		return err
	}
	tagLines(lines, l.tag("P"))
	l.add(lines, 6*ptSpace)
	return l.build(p.Children, base)
}

// listItem typesets a subparagraph: label at the item's level, text one step further in.
func (l *layouter) listItem(it *model.ListItem, depth int, base float64) error {
	if depth < 1 {
		depth = 1
	}
	labelS := labelCol + base + float64(depth-1)*stepIndent
	start := labelS + stepIndent
	if start > bodyRight/2 { // absurdly deep nesting: stop indenting
		start, labelS = bodyRight/2, bodyRight/2-stepIndent
	}
	toks, err := l.tokens(it.Inlines, runStyle{size: sizeBody}, it.Pos)
	if err != nil {
		return err
	}
	var label []token
	if it.Number.Label != "" {
		if label, err = l.tokens(model.Texts(it.Number.Label, it.Pos.Line), runStyle{size: sizeBody}, it.Pos); err != nil {
			return err
		}
	}
	lines, err := l.para(toks, label, labelS, start, 0, sizeBody, l.lead, true)
	if err != nil {
		return err
	}
	item := l.tag("LI")
	tagLines(lines, item)
	l.add(lines, 6*ptSpace)
	// Nested lists place themselves by their depth, and belong to the item.
	return l.within(item, func() error { return l.build(it.Children, base) })
}

// table typesets each row as one unsplittable block of equal-width cells.
func (l *layouter) table(t *model.Table, base float64) error {
	cols := 0
	for _, r := range t.Rows {
		if len(r) > cols {
			cols = len(r)
		}
	}
	if cols == 0 {
		return nil
	}
	left := labelCol + base
	cw := (bodyRight - left) / float64(cols)
	table := l.tag("Table")
	for ri, row := range t.Rows {
		var rowLines []*line
		var cells [][]*line
		tr := &blockTag{role: "TR", parent: table}
		for ci := 0; ci < cols; ci++ {
			var ins []model.Inline
			if ci < len(row) {
				ins = row[ci]
			}
			rs := runStyle{size: 9}
			if ri == 0 {
				rs.st = styleBold
			}
			toks, err := l.tokens(ins, rs, t.Pos)
			if err != nil {
				return err
			}
			start := left + float64(ci)*cw + 1.5
			lines, err := l.para(toks, nil, 0, start, bodyRight-(start+cw-3), 9, l.lead, false)
			if err != nil {
				return err
			}
			cell := "TD"
			if ri == 0 {
				cell = "TH"
			}
			tagLines(lines, &blockTag{role: cell, parent: tr})
			cells = append(cells, lines)
		}
		// The k-th lines of all cells share one baseline: each is its own line record, all
		// but the last of the k-th group with no advance, the last with the tallest.
		depth := 0
		for _, c := range cells {
			if len(c) > depth {
				depth = len(c)
			}
		}
		for i := 0; i < depth; i++ {
			var adv float64
			for ci, c := range cells {
				if i < len(c) {
					ln := c[i]
					if ln.h > adv {
						adv = ln.h
					}
					if ci < len(cells)-1 {
						cp := *ln
						cp.h = 0
						rowLines = append(rowLines, &cp)
						continue
					}
					rowLines = append(rowLines, ln)
				} else if ci == len(cells)-1 {
					rowLines = append(rowLines, &line{h: 0})
				}
			}
			// the last record of the visual row carries the advance
			rowLines[len(rowLines)-1].h = adv
		}
		// UN tables have horizontal rules only: above and below the header row and under
		// the last row. The header row stays with the first body row.
		rule := func(w float64) *line { return &line{start: left, width: bodyRight - left, rule: w, h: 2} }
		b := &vblock{lines: rowLines, after: 1, keepTogether: true}
		if ri == 0 {
			b.lines = append(append([]*line{rule(0.35)}, rowLines...), rule(0.2))
			b.before, b.keepNext = 6*ptSpace, len(t.Rows) > 1
		}
		if ri == len(t.Rows)-1 {
			b.lines = append(b.lines, rule(0.35))
			b.after = 6 * ptSpace
		}
		l.blocks = append(l.blocks, b)
	}
	return nil
}
