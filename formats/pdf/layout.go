package pdf

import (
	"context"
	"strconv"
	"strings"

	geo "github.com/scribe-un/scribe/formats/internal/geometry"
	"github.com/scribe-un/scribe/formats/pdf/hyphen"
	"github.com/scribe-un/scribe/formats/pdf/internal/pdfdoc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// The page in millimetres, from the house geometry every writer shares.
const (
	pageW      = geo.PageWidth
	pageH      = geo.PageHeight
	marginSide = geo.Side
	bodyTop    = geo.Top
	bodyBottom = geo.PageHeight - geo.Bottom
	colW       = geo.Column
)

// ptToMM converts typographic points to millimetres, the unit of the layout.
const ptToMM = 25.4 / 72

// line is one typeset line of a block. Horizontal positions are distances from the start
// edge of the column: the left edge for left-to-right text, the right edge for right-to-left.
type line struct {
	toks    []token
	start   float64 // where the text starts
	width   float64 // width available to the text
	justify bool
	rtl     bool // base direction of the paragraph, from its first strong character
	// mirror measures the line's positions from the column's right edge: a right-to-left
	// paragraph's, and the masthead's in a right-to-left document. A paragraph left in
	// English in an Arabic report is set left to right.
	mirror bool
	label  []token // paragraph or heading number, printed at labelS on the first line
	labelS float64
	h      float64 // advance, mm
	asc    float64 // baseline below the top of the line, mm
	// dy moves what the line draws down from its place (the cells of a masthead row,
	// aligned at the row's bottom), without changing the advance.
	dy      float64
	notes   []*footnote
	outline *outlineEntry
	rule    float64  // thickness of a rule drawn across the line's width at its top+dy, mm; 0 for none
	end     bool     // aligned to the end edge (the symbol on the masthead)
	pic     *picture // drawn at start, top+dy (the emblem)
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
	// keepNext keeps the block's last lines on the page of the next block's first lines
	// (headings, titles, a paragraph that introduces a quotation or a list).
	keepNext     bool
	keepTogether bool // never split (headings, table rows, the masthead)
	// open says more lines are to come: a paragraph too long to lay out at once is handed
	// to the paginator in parts (see layouter.stream), and its lines are let go as their
	// pages are made.
	open bool
}

// layouter typesets a document's blocks into vblocks.
type layouter struct {
	ctx    context.Context
	df     *docFonts
	doc    *model.Document
	typo   typography
	emblem *Emblem // nil: no emblem in the masthead
	// hyph hyphenates the version's language; nil breaks at spaces and hard hyphens only.
	hyph   *hyphen.Dict
	rtl    bool
	notes  int // footnotes numbered so far
	blocks []*vblock
	level  int // last outline level, to keep the outline a proper tree
	// parent is the structure element new blocks go into: nil for the document, a list
	// item for the lists nested in it, a quotation for its paragraphs.
	parent *blockTag
	// pager places the blocks as they are made, drain hands it those in blocks; nil when
	// the layout is not paginated as it goes (then no paragraph is streamed).
	pager *paginator
	drain func() error
	// Streaming of long paragraphs (see stream): from streamAbove bytes of text, tokens
	// handed on streamBatch at a time, at most streamDirRows lines held back.
	streamAbove, streamBatch, streamDirRows int
	streamed                                int // paragraphs streamed so far
}

// typography is what the locale says about the type of one language version.
type typography struct {
	// size and lead are the body size and leading of text in the version's own script
	// when it is not Latin's 10 on 12 (Arabic: 13 on 18), in points; zero for 10 on 12.
	size, lead float64
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

func newLayouter(ctx context.Context, df *docFonts, doc *model.Document, typo typography, emblem *Emblem) *layouter {
	return &layouter{ctx: ctx, df: df, doc: doc, rtl: doc.Present.Dir == model.RTL, typo: typo, emblem: emblem,
		streamAbove: streamAbove, streamBatch: streamBatch, streamDirRows: streamDirRows}
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

// scaled returns the size and leading of a paragraph: a right-to-left paragraph of a
// version whose script is set larger (Arabic: 13 on 18 points instead of 10 on 12) takes the
// locale's leading, raised as much for every size. Its size stays the Latin one: the
// tokenizer enlarges the Arabic text itself (see tokenizer.arabicExtra), so Latin text in an
// Arabic report keeps its 10 points, as in Word.
func (l *layouter) scaled(ins []model.Inline, size, lead float64) (float64, float64) {
	if l.typo.size == 0 || !startsRTLInlines(ins) {
		return size, lead
	}
	return size, lead + l.typo.lead - geo.Leading
}

// startsRTLInlines reports whether the first strong character of the text of ins is right
// to left (without joining the text: a paragraph can be megabytes long).
func startsRTLInlines(ins []model.Inline) bool {
	for _, in := range ins {
		if rtl, strong := firstStrong(in.Text); strong {
			return rtl
		}
	}
	return false
}

// firstStrong finds the first strong character of s: rtl says whether it is right to left,
// strong whether there is one.
func firstStrong(s string) (rtl, strong bool) {
	for _, r := range s {
		if isRTLRune(r) {
			return true, true
		}
		if isStrongLTR(r) {
			return false, true
		}
	}
	return false, false
}

// tokens typesets inline runs in a base style.
func (l *layouter) tokens(ins []model.Inline, base runStyle, at model.Pos) ([]token, error) {
	tz := l.tokenizer()
	if err := l.feed(tz, ins, base, at); err != nil {
		return nil, err
	}
	return tz.finish()
}

// tokenizer returns a tokenizer for the document's text.
func (l *layouter) tokenizer() *tokenizer {
	tz := &tokenizer{ctx: l.ctx, df: l.df}
	if l.typo.size != 0 {
		tz.arabicExtra = l.typo.size - geo.BodySize
	}
	return tz
}

// feed adds inline runs, in a base style, to tz.
func (l *layouter) feed(tz *tokenizer, ins []model.Inline, base runStyle, at model.Pos) error {
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
			rs.link, _ = model.LinkTarget(in.URL)
		case model.KindFootnote:
			fn, err := l.footnote(in, at)
			if err != nil {
				return err
			}
			tz.attach(fn)
			mark := rs
			mark.size = geo.NoteMark * base.size / geo.BodySize
			mark.rise = base.size * 0.35 * ptToMM
			mark.nobreak = true
			if err := tz.add(strconv.Itoa(fn.num), mark, l.pos(in.Line, at)); err != nil {
				return err
			}
			continue
		}
		if err := tz.add(in.Text, rs, l.pos(in.Line, at)); err != nil {
			return err
		}
	}
	return nil
}

// footnote typesets the note of a footnote run: its number at the block's edge, the text at
// the next tab stop, later lines back at the edge.
func (l *layouter) footnote(in model.Inline, at model.Pos) (*footnote, error) {
	l.notes++
	fn := &footnote{num: l.notes}
	note := in.Note
	if len(note) == 0 && in.Text != "" {
		note = model.Texts(in.Text, in.Line)
	}
	size, lead := l.scaled(note, geo.NoteSize, geo.NoteLead)
	toks, err := l.tokens(note, runStyle{size: size}, l.pos(in.Line, at))
	if err != nil {
		return nil, err
	}
	label, err := l.tokens(model.Texts(strconv.Itoa(fn.num), in.Line), runStyle{size: size}, at)
	if err != nil {
		return nil, err
	}
	lines, err := l.para(toks, label, box{left: geo.Block, right: geo.Block, label: geo.Block, size: size, lead: lead, justify: true})
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

// box is where a paragraph's lines go, in millimetres from the column's start edge, and
// how they are set.
type box struct {
	left  float64 // start of every line but the first
	right float64 // distance of the lines' end from the column's end edge
	// label is where the first line starts: its number when it has one, else its text.
	label float64
	// hanging: the number hangs before left, and the first line's text starts at left
	// (headings); otherwise the text follows the number at the next tab stop and later
	// lines come back to left (UN paragraphs and subparagraphs).
	hanging    bool
	size, lead float64 // type size and distance between baselines, points
	justify    bool
	noHyphens  bool // headings and titles are never hyphenated
	// docSide places the lines from the document's start edge whatever their direction
	// (table cells); otherwise a paragraph's own direction decides.
	docSide bool
}

// firstStart is where the first line's text starts after a label of width w.
func (b box) firstStart(w float64) float64 {
	if w == 0 {
		return b.label
	}
	end := b.label + w
	if b.hanging && end < b.left-0.01 {
		return b.left
	}
	return geo.NextTab(end, 0)
}

// ascent is where a line's baseline sits below its top: the line's extra leading goes
// above the text, as in word processors' exact line spacing (LibreOffice's baseline, measured).
func ascent(size, lead float64) float64 { return (lead - 0.237*size) * ptToMM }

// para breaks tokens into the lines of box b, with label (a paragraph or heading number)
// at the start of the first line.
func (l *layouter) para(toks, label []token, b box) ([]*line, error) {
	s := l.newSetter(label, b)
	s.see(toks)
	rows, err := l.breakLines(toks, s.first, s.width, !b.noHyphens)
	if err != nil {
		return nil, err
	}
	return s.lines(rows, true), nil
}

// setter makes the lines of a paragraph in box b from its broken rows of tokens, in one go
// or in parts (see layouter.stream).
type setter struct {
	l                 *layouter
	b                 box
	label             []token
	width             float64 // of every line but the first
	firstStart, first float64 // where the first line's text starts, and its width
	// dir is the direction of the paragraph's first token with a letter, which sets the
	// paragraph's: neutral until one is seen.
	dir  dirClass
	made int // lines made so far
}

func (l *layouter) newSetter(label []token, b box) *setter {
	s := &setter{l: l, b: b, label: label, width: colW - b.right - b.left, firstStart: b.firstStart(tokensWidth(label))}
	s.first = colW - b.right - s.firstStart
	return s
}

// see looks for the paragraph's direction in its next tokens.
func (s *setter) see(toks []token) {
	for i := 0; s.dir == dirNeutral && s.made == 0 && i < len(toks); i++ {
		s.dir = toks[i].dir
	}
}

// lines makes lines of rows, the paragraph's next; last says they end it.
func (s *setter) lines(rows [][]token, last bool) []*line {
	b := s.b
	if last && s.made == 0 && len(rows) == 0 && len(s.label) > 0 {
		rows = [][]token{nil}
	}
	h := b.lead * ptToMM
	asc := ascent(b.size, b.lead)
	if s.l.typo.size != 0 && s.dir == dirRTL {
		// The taller Arabic line: LibreOffice sets its baseline a quarter of the added
		// leading higher (measured with Amiri).
		asc -= (s.l.typo.lead - geo.Leading) / 4 * ptToMM
	}
	rtl := s.dir == dirRTL || s.dir == dirNeutral && s.l.rtl
	mirror := rtl
	if b.docSide {
		mirror = s.l.rtl
	}
	out := make([]*line, len(rows))
	for i, r := range rows {
		ln := &line{toks: r, start: b.left, width: s.width, justify: b.justify && !(last && i == len(rows)-1), rtl: rtl, mirror: mirror,
			h: h, asc: asc}
		if s.made == 0 {
			ln.start, ln.width = s.firstStart, s.first
			ln.label, ln.labelS = s.label, b.label
		}
		for _, t := range r {
			ln.notes = append(ln.notes, t.notes...)
		}
		out[i] = ln
		s.made++
	}
	return out
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
		return l.heading(n)
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
				if err := l.paragraph(p, base+geo.Step, geo.Step); err != nil {
					return err
				}
			}
			return nil
		})
	case *model.Note:
		return l.plain(n.Inlines, n.Pos, base, geo.ParaAfter*ptSpace)
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
	ins := []model.Inline{{Kind: model.KindStrong, Text: text, Line: pos.Line}}
	size, lead := l.scaled(ins, geo.BodySize, geo.Leading)
	toks, err := l.tokens(ins, runStyle{size: size}, pos)
	if err != nil {
		return err
	}
	edge := geo.Block + base
	lines, err := l.para(toks, nil, box{left: edge, right: geo.Block, label: edge, size: size, lead: lead})
	if err != nil || len(lines) == 0 {
		return err
	}
	tagLines(lines, l.tag("P"))
	l.blocks = append(l.blocks, &vblock{lines: lines, before: geo.ParaAfter * ptSpace, after: geo.ParaAfter * ptSpace, keepNext: keepNext, keepTogether: true})
	return nil
}

// plain typesets unnumbered, unjustified runs at the block's edge (a note, an attendance
// line), followed by after mm of space.
func (l *layouter) plain(ins []model.Inline, pos model.Pos, base, after float64) error {
	size, lead := l.scaled(ins, geo.BodySize, geo.Leading)
	edge := geo.Block + base
	return l.flow(flowText{ins: ins, style: runStyle{size: size}, at: pos, tag: l.tag("P"), after: after,
		box: box{left: edge, right: geo.Block, label: edge, size: size, lead: lead}})
}

// preformatted typesets text whose lines matter: every source line starts a new line, none
// is justified, and the block is kept on one page when it fits.
func (l *layouter) preformatted(p *model.Preformatted, base float64) error {
	var all []*line
	edge := geo.Block + base
	for i, text := range strings.Split(p.Text, "\n") {
		if strings.TrimSpace(text) == "" {
			text = "\u00a0" // keep the blank line's height
		}
		toks, err := l.tokens(model.Texts(text, p.Pos.Line+i), runStyle{size: geo.BodySize - 1}, p.Pos)
		if err != nil {
			return err
		}
		lines, err := l.para(toks, nil, box{left: edge, right: geo.Block, label: edge, size: geo.BodySize - 1, lead: geo.Leading})
		if err != nil {
			return err
		}
		all = append(all, lines...)
	}
	if len(all) == 0 {
		return nil
	}
	tagLines(all, l.tag("Code"))
	l.blocks = append(l.blocks, &vblock{lines: all, after: geo.ParaAfter * ptSpace, keepTogether: len(all) <= 20})
	return nil
}

// heading typesets a heading: its number hangs at the column's edge, its text starts at the
// block's edge; it stays with the text that follows.
func (l *layouter) heading(n *model.Heading) error {
	hs := geo.HeadingLevel(n.Level)
	size, lead := l.scaled(n.Inlines, hs.Size, hs.Leading)
	rs := runStyle{size: size, heading: true}
	if hs.Bold {
		rs.st |= styleBold
	}
	if hs.Italic {
		rs.st |= styleItalic
	}
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
	lines, err := l.para(toks, label, box{left: geo.Block, right: geo.Block, label: 0, hanging: true, size: size, lead: lead, noHyphens: true})
	if err != nil || len(lines) == 0 {
		return err
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
	l.blocks = append(l.blocks, &vblock{lines: lines, before: hs.Before * ptSpace, after: hs.After * ptSpace, keepNext: true, keepTogether: true})
	return nil
}

func (l *layouter) add(lines []*line, after float64, keepNext bool) {
	if len(lines) > 0 {
		l.blocks = append(l.blocks, &vblock{lines: lines, after: after, keepNext: keepNext})
	}
}

// paragraph typesets a body paragraph as UN documents set it: its number at the block's
// edge, the text from the next tab stop, later lines back at the edge, justified; then its
// lists and quotations.
func (l *layouter) paragraph(p *model.Paragraph, base, rightIn float64) error {
	ins := p.RunIn()
	size, lead := l.scaled(ins, geo.BodySize, geo.Leading)
	t := flowText{ins: ins, style: runStyle{size: size}, at: p.Pos, tag: l.tag("P"), after: geo.ParaAfter * ptSpace,
		keepNext: model.Introduces(p.Children)}
	if p.Numbered {
		t.label = p.Number.Label
	}
	edge := geo.Block + base
	t.box = box{left: edge, right: geo.Block + rightIn, label: edge, size: size, lead: lead, justify: true}
	if err := l.flow(t); err != nil {
		return err
	}
	return l.build(p.Children, base)
}

// listItem typesets a subparagraph: its label indented one step per level, the text from
// the next tab stop, later lines back at the block's edge.
func (l *layouter) listItem(it *model.ListItem, depth int, base float64) error {
	if depth < 1 {
		depth = 1
	}
	edge := geo.Block + base
	labelS := edge + float64(depth)*geo.Step
	if labelS > edge+geo.TextWidth/3 { // absurdly deep nesting: stop indenting
		labelS = edge + geo.TextWidth/3
	}
	size, lead := l.scaled(it.Inlines, geo.BodySize, geo.Leading)
	item := l.tag("LI")
	err := l.flow(flowText{ins: it.Inlines, style: runStyle{size: size}, at: it.Pos, label: it.Number.Label, tag: item,
		box:   box{left: edge, right: geo.Block, label: labelS, size: size, lead: lead, justify: true},
		after: geo.ParaAfter * ptSpace, keepNext: model.Introduces(it.Children)})
	if err != nil {
		return err
	}
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
	left := geo.Block + base
	right := colW - geo.Block
	cw := (right - left) / float64(cols)
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
			size, lead := l.scaled(ins, 9, 11)
			rs := runStyle{size: size}
			if ri == 0 {
				rs.st = styleBold
			}
			toks, err := l.tokens(ins, rs, t.Pos)
			if err != nil {
				return err
			}
			start := left + float64(ci)*cw + 1.5
			lines, err := l.para(toks, nil, box{left: start, right: colW - (start + cw - 3), label: start, size: size, lead: lead, docSide: true})
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
					rowLines = append(rowLines, &line{h: 0, mirror: l.rtl})
				}
			}
			// the last record of the visual row carries the advance
			rowLines[len(rowLines)-1].h = adv
		}
		// UN tables have horizontal rules only: above and below the header row and under
		// the last row. The header row stays with the first body row.
		rule := func(w float64) *line {
			return &line{start: left, width: right - left, rule: w, h: 2, dy: 1, mirror: l.rtl}
		}
		b := &vblock{lines: rowLines, after: 1, keepTogether: true}
		if ri == 0 {
			b.lines = append(append([]*line{rule(0.35)}, rowLines...), rule(0.2))
			b.before, b.keepNext = geo.ParaAfter*ptSpace, len(t.Rows) > 1
		}
		if ri == len(t.Rows)-1 {
			b.lines = append(b.lines, rule(0.35))
			b.after = geo.ParaAfter * ptSpace
		}
		l.blocks = append(l.blocks, b)
	}
	return nil
}
