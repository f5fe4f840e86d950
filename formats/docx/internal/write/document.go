package write

import (
	"io"
	"strings"
	"unicode"

	geo "github.com/scribe-un/scribe/formats/internal/geometry"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Fixed relationship ids of word/_rels/document.xml.rels. Hyperlinks follow from
// relFirstLink on, in order of first use.
const (
	relStyles    = "rId1"
	relNumbering = "rId2"
	relSettings  = "rId3"
	relFontTable = "rId4"
	relHeader1   = "rId5" // running header, page 2 on
	relHeader2   = "rId6" // first-page header
	relFooter1   = "rId7" // running footer with the page number
	relFooter2   = "rId8" // first-page footer with the job number
	relFootnotes = "rId9"
	relHeader3   = "rId10" // running header on even pages
	relFooter3   = "rId11" // page number on even pages
	relEmblem    = "rId12" // the emblem in the masthead
	relFirstLink = 13
)

// blockCtx is where a block sits: inside a quotation, inside a list item (ilvl of that item), and
// the w:num of the enclosing list.
type blockCtx struct {
	depth     int
	inQuote   bool
	itemLevel int
	listNum   int
}

// spillBytes is how much of word/document.xml the writer holds before passing it on to the
// compressor: the part is three to four times the size of the notes, and holding all of it
// was most of the memory a long document took to write.
const spillBytes = 64 << 10

// document prints word/document.xml to out, a block at a time.
func (st *docState) document(out io.Writer) error {
	x := newXMLWriter()
	x.open("w:document", "xmlns:w", nsMain, "xmlns:r", nsRel)
	x.open("w:body")
	st.masthead(x)
	st.titles(x)
	for _, b := range st.doc.Blocks {
		if err := st.checkCtx(); err != nil {
			return err
		}
		if err := st.block(x, b, blockCtx{}); err != nil {
			return err
		}
		if x.b.Len() >= spillBytes {
			if err := x.flushTo(out); err != nil {
				return err
			}
		}
	}
	st.sectPr(x)
	x.close("w:body")
	x.close("w:document")
	return x.flushTo(out)
}

// block prints one block and its children.
func (st *docState) block(x *xmlWriter, b model.Block, ctx blockCtx) error {
	if ctx.depth > st.depth {
		return model.Errorf(stageName, b.Position(), model.ErrTooDeep, "blocks nest deeper than %d levels", st.depth)
	}
	ctx.depth++
	switch n := b.(type) {
	case nil:
	case *model.Heading:
		st.heading(x, n)
	case *model.Paragraph:
		return st.paragraph(x, n, ctx)
	case *model.List:
		return st.list(x, n, ctx)
	case *model.ListItem:
		return st.list(x, &model.List{Pos: n.Pos, Items: []*model.ListItem{n}}, ctx)
	case *model.Quote:
		q := ctx
		q.inQuote = true
		for _, p := range n.Paragraphs {
			if p == nil {
				continue
			}
			if err := st.paragraph(x, p, q); err != nil {
				return err
			}
		}
	case *model.Note:
		rtl := st.rtlOf(n.Inlines)
		pp := paraProps{style: styleNote, bidi: rtl, spacing: st.scaled(rtl, geo.Leading)}
		st.para(x, &pp, "", n.Inlines)
	case *model.Table:
		st.table(x, n)
	case *model.Preformatted:
		st.preformatted(x, n)
	case *model.Attendance:
		st.attendance(x, n)
	case *model.Annex:
		return st.annex(x, n, ctx)
	default:
		st.warnf(b.Position(), "block type %T is not supported by the DOCX writer; skipped", b)
	}
	return nil
}

// para prints one w:p: properties, an optional literal label followed by a tab, then runs.
func (st *docState) para(x *xmlWriter, pp *paraProps, label string, ins []model.Inline) {
	x.open("w:p")
	pp.write(x)
	if label != "" {
		st.textRun(x, runProps{rtl: hasRTL(label)}, label)
		x.open("w:r")
		x.empty("w:tab")
		x.close("w:r")
	}
	st.runs(x, ins, false)
	x.close("w:p")
}

// heading prints a chapter or section heading, numbered by the heading list where Word can
// print the label, otherwise with the label as text.
func (st *docState) heading(x *xmlWriter, h *model.Heading) {
	level := h.Level
	if level < 1 {
		level = 1
	}
	styles := []string{styleHeading1, styleHeading2, styleHeading3, styleHeading4}
	rtl := st.rtlOf(h.Inlines)
	pp := paraProps{style: styles[min(level, 4)-1], bidi: rtl, spacing: st.scaled(rtl, geo.HeadingLevel(level).Leading)}
	label := ""
	numID := 0
	if level <= 3 {
		numID = st.num.heading(level-1, h.Number)
	}
	switch {
	case numID > 0:
		// Explicit numPr even though the style carries it: a reference document's heading
		// styles may have no numbering, and the numbers must not vanish with them.
		pp.hasNum, pp.numID, pp.ilvl = true, numID, level-1
	default:
		if st.num.headNumbered && level <= 3 {
			pp.hasNum, pp.numID = true, 0 // no number (an unlabelled lone section), or literal
			// LibreOffice drops the style's indents along with the numbering: restate them.
			pp.ind = &indentation{left: textLeft, right: textRight}
			if h.Number.Label != "" {
				pp.ind.hanging = textLeft
			}
			if h.Number.Label != "" {
				st.warnf(h.Pos, "heading label %q is not what Word numbering prints; written as text", h.Number.Label)
			}
		}
		label = h.Number.Label
	}
	st.para(x, &pp, label, h.Inlines)
}

// paragraph prints a body paragraph (numbered with the UN paragraph list) or a paragraph of
// a quotation or list item, then its children.
func (st *docState) paragraph(x *xmlWriter, p *model.Paragraph, ctx blockCtx) error {
	ins := p.RunIn()
	rtl := st.rtlOf(ins)
	// A paragraph that introduces a quotation or a list stays with its first lines.
	pp := paraProps{bidi: rtl, spacing: st.scaled(rtl, geo.Leading), keepNext: model.Introduces(p.Children)}
	label := ""
	switch {
	case ctx.inQuote:
		// Quotations never add a number, whatever the paragraph says.
		pp.style = styleQuote
	case ctx.itemLevel > 0:
		pp.style = styleBody
	case p.Numbered && p.Number.Label != "":
		pp.style = styleUNPara
		pp.hasNum = true
		if numID := st.num.paragraph(p.Number); numID > 0 {
			pp.numID = numID
		} else {
			label = p.Number.Label
			pp.ind = &indentation{left: textLeft, right: textRight}
			st.warnf(p.Pos, "paragraph label %q is not what Word numbering prints; written as text", label)
		}
	default:
		pp.style = styleBody
	}
	st.para(x, &pp, label, ins)
	return st.children(x, p.Children, ctx)
}

// rtlOf tells a paragraph's direction by its first strong character, as the PDF does: an
// Arabic paragraph is right to left, a paragraph left in English in an Arabic report left
// to right; one without letters takes the document's.
func (st *docState) rtlOf(ins []model.Inline) bool {
	for _, in := range ins {
		for _, r := range in.Text {
			switch {
			case r >= 0x0590 && r <= 0x08FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
				return true
			case unicode.IsLetter(r):
				return false
			}
		}
	}
	return st.look.rtl
}

// scaled is the leading of a right-to-left paragraph in a version whose script is set
// larger (Arabic: 13 on 18 points, the locale's): the style's lead, raised as much as the
// body's; nil when nothing changes.
func (st *docState) scaled(rtl bool, lead float64) *spacingProps {
	if !rtl || st.look.extraLead == 0 {
		return nil
	}
	return &spacingProps{line: geo.PtTwips(lead + st.look.extraLead), exact: true, lineOnly: true}
}

// preformatted prints text whose lines matter as one left-aligned paragraph in a
// fixed-width face, its lines separated by line breaks, unnumbered.
func (st *docState) preformatted(x *xmlWriter, p *model.Preformatted) {
	pp := paraProps{style: styleBody, jc: "left"}
	x.open("w:p")
	pp.write(x)
	mono := &runFonts{ascii: "Courier New", hAnsi: "Courier New", eastAsia: st.look.eastAsia, cs: "Courier New"}
	st.textRun(x, runProps{fonts: mono, noProof: true}, p.Text)
	x.close("w:p")
}

// attendance prints the attendance section: its title as an unnumbered bold line that
// stays with what follows, then one line per role, the label in bold.
func (st *docState) attendance(x *xmlWriter, a *model.Attendance) {
	title := paraProps{style: styleBody, keepNext: true, keepLines: true, bidi: st.look.rtl, jc: "left",
		spacing: exactly(geo.ParaAfter, geo.ParaAfter, geo.Leading)}
	st.para(x, &title, "", []model.Inline{{Kind: model.KindStrong, Text: a.Title}})
	for _, g := range a.Groups {
		pp := paraProps{style: styleBody, bidi: st.rtlOf(g.Inlines), jc: "left", spacing: exactly(0, 3, geo.Leading)}
		st.para(x, &pp, "", g.Inlines)
	}
}

// annex prints an annex on a new page: its label and title centred and bold, then its
// blocks.
func (st *docState) annex(x *xmlWriter, a *model.Annex, ctx blockCtx) error {
	x.open("w:p")
	x.open("w:r")
	x.empty("w:br", "w:type", "page")
	x.close("w:r")
	x.close("w:p")
	for _, t := range []string{a.Label, a.Title} {
		if t == "" {
			continue
		}
		pp := paraProps{style: styleBody, jc: "left", keepNext: true, keepLines: true, bidi: st.look.rtl,
			spacing: exactly(geo.ParaAfter, geo.ParaAfter, geo.Leading)}
		st.para(x, &pp, "", []model.Inline{{Kind: model.KindStrong, Text: t}})
	}
	return st.children(x, a.Blocks, ctx)
}

// children prints the blocks that belong to a paragraph or list item.
func (st *docState) children(x *xmlWriter, kids []model.Block, ctx blockCtx) error {
	for _, c := range kids {
		if err := st.block(x, c, ctx); err != nil {
			return err
		}
	}
	return nil
}

// list prints subparagraphs at ilvl 1 ((a)) or 2 ((i)) of the paragraph list. The list
// starts from its parent's w:num; the numbering plan switches to a restarting w:num when
// Word would otherwise continue an earlier list's letters.
func (st *docState) list(x *xmlWriter, l *model.List, ctx blockCtx) error {
	ilvl := l.Depth
	if ilvl < 1 {
		ilvl = ctx.itemLevel + 1
	}
	cur := ctx.listNum
	if cur == 0 {
		cur = st.num.paraNum
	}
	for _, it := range l.Items {
		if it == nil {
			continue
		}
		rtl := st.rtlOf(it.Inlines)
		pp := paraProps{style: styleSubpara, bidi: rtl, hasNum: true, spacing: st.scaled(rtl, geo.Leading), keepNext: model.Introduces(it.Children)}
		if ilvl >= 2 {
			pp.style = styleSubpara2
		}
		// The label one step in per level, the text from the next tab stop, later lines
		// back at the block's edge.
		subInd := &indentation{left: textLeft, right: textRight, firstLine: subIndent(ilvl)}
		if ilvl >= 3 {
			pp.ind = subInd
		}
		label := ""
		if numID := st.num.item(&cur, ilvl, it.Number); numID > 0 {
			pp.numID, pp.ilvl = numID, ilvl
		} else {
			// A label Word numbering cannot print, or an unlettered item: the first line
			// starts where the label would.
			label = it.Number.Label
			pp.ind = subInd
			if label != "" && ilvl <= len(st.loc.Numbering.Sub) {
				st.warnf(it.Pos, "subparagraph label %q is not what Word numbering prints; written as text", label)
			}
		}
		st.para(x, &pp, label, it.Inlines)
		kid := ctx
		kid.itemLevel, kid.listNum = ilvl, cur
		if err := st.children(x, it.Children, kid); err != nil {
			return err
		}
	}
	return nil
}

// table prints a w:tbl. Ragged rows are padded so every row has the same number of cells.
func (st *docState) table(x *xmlWriter, t *model.Table) {
	cols := 0
	for _, row := range t.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	width := textWidth - textLeft - textRight
	colW := width / cols
	x.open("w:tbl")
	// CT_TblPr order: tblStyle, bidiVisual, tblW, tblInd, tblLook.
	x.open("w:tblPr")
	x.val("w:tblStyle", styleTableGrid)
	if st.look.rtl {
		x.empty("w:bidiVisual")
	}
	x.empty("w:tblW", "w:w", itoa(width), "w:type", "dxa")
	x.empty("w:tblInd", "w:w", itoa(textLeft), "w:type", "dxa")
	x.empty("w:tblLook", "w:val", "04A0", "w:firstRow", "1", "w:lastRow", "0", "w:firstColumn", "1",
		"w:lastColumn", "0", "w:noHBand", "0", "w:noVBand", "1")
	x.close("w:tblPr")
	x.open("w:tblGrid")
	for range cols {
		x.empty("w:gridCol", "w:w", itoa(colW))
	}
	x.close("w:tblGrid")
	for r, row := range t.Rows {
		x.open("w:tr")
		if r < t.Header {
			// Column headings repeat at the top of every page the table runs over.
			x.open("w:trPr")
			x.empty("w:tblHeader")
			x.close("w:trPr")
		}
		for c := range cols {
			x.open("w:tc")
			x.open("w:tcPr")
			x.empty("w:tcW", "w:w", itoa(colW), "w:type", "dxa")
			x.close("w:tcPr")
			var cell []model.Inline
			if c < len(row) {
				cell = row[c]
			}
			pp := paraProps{bidi: st.look.rtl}
			st.para(x, &pp, "", cell)
			x.close("w:tc")
		}
		x.close("w:tr")
	}
	x.close("w:tbl")
}

// The first page of a UN document: a band with "United Nations", the emblem and the organ
// at the start edge and the symbol at the end edge, ruled; the distribution column under the
// symbol, ruled; then the session and agenda-item lines, the title, the subtitle and the
// sentence saying where and when the meeting was held. The masthead is a borderless table
// with the widths and rules of the house geometry, mirrored in Arabic (bidiVisual).

// masthead prints the masthead table.
func (st *docState) masthead(x *xmlWriter) {
	var un, organ, symbol string
	var column []model.MastheadLine
	for _, l := range st.doc.Present.Masthead {
		switch l.Key {
		case model.MastUN:
			un = l.Text
		case model.MastOrgan:
			organ = l.Text
		case model.MastSymbol:
			symbol = l.Text
		default:
			if l.Text != "" {
				column = append(column, l)
			}
		}
	}
	if un == "" && organ == "" && symbol == "" && len(column) == 0 {
		return
	}
	// Columns: United Nations, the emblem (when there is one), the organ, the symbol.
	widths := []int{geo.Twips(geo.UNWidth)}
	if st.emblem != nil {
		widths = append(widths, geo.Twips(geo.EmblemWidth))
	}
	symW := geo.Twips(geo.SymbolWidth)
	rest := textWidth - symW
	for _, w := range widths {
		rest -= w
	}
	widths = append(widths, rest, symW)
	st.layoutTable(x, styleTableMast, widths)

	// The band: bottom-aligned, ruled below.
	band := cellLook{rule: geo.BandRule, padBottom: geo.Pad, vAlignBottom: true}
	x.open("w:tr")
	if un == "" && organ == "" && symbol == "" && st.emblem == nil {
		// Nothing in the band (no body, no symbol): only its padding over the rule, as in
		// the PDF. Its empty paragraphs would otherwise make it one organ line (20
		// points) high, and page 1 would break elsewhere than the PDF's.
		x.open("w:trPr")
		x.empty("w:trHeight", "w:val", itoa(geo.PtTwips(geo.Pad)), "w:hRule", "exact")
		x.close("w:trPr")
	}
	st.mastCell(x, widths[0], 1, band, func() { st.mastPara(x, styleMastUN, un, false) })
	if st.emblem != nil {
		st.mastCell(x, widths[1], 1, band, func() { st.emblemPara(x) })
	}
	st.mastCell(x, widths[len(widths)-2], 1, band, func() { st.mastPara(x, styleMastOrgan, organ, false) })
	st.mastCell(x, symW, 1, band, func() { st.mastPara(x, styleMastSymbol, symbol, true) })
	x.close("w:tr")
	if len(column) > 0 {
		col := cellLook{rule: geo.ColumnRule, padTop: geo.Pad, padBottom: geo.Pad}
		x.open("w:tr")
		st.mastCell(x, textWidth-symW, len(widths)-1, col, func() { st.mastPara(x, styleMast, "", false) })
		st.mastCell(x, symW, 1, col, func() {
			for i, l := range column {
				if l.Key == model.MastOriginal && i > 0 {
					st.mastPara(x, styleMast, "", false) // a blank line before "Original"
				}
				st.mastPara(x, styleMast, l.Text, false)
			}
		})
		x.close("w:tr")
	}
	x.close("w:tbl")
}

// layoutTable opens a borderless table across the column with cells of widths (twips), no
// cell margins, mirrored in a right-to-left document: the masthead and the first page's foot.
func (st *docState) layoutTable(x *xmlWriter, style string, widths []int) {
	x.open("w:tbl")
	x.open("w:tblPr")
	if style != "" {
		x.val("w:tblStyle", style)
	}
	if st.look.rtl {
		x.empty("w:bidiVisual")
	}
	x.empty("w:tblW", "w:w", itoa(textWidth), "w:type", "dxa")
	x.empty("w:tblInd", "w:w", "0", "w:type", "dxa")
	x.val("w:tblLayout", "fixed")
	x.open("w:tblCellMar")
	for _, edge := range []string{"w:top", "w:left", "w:bottom", "w:right"} {
		x.empty(edge, "w:w", "0", "w:type", "dxa")
	}
	x.close("w:tblCellMar")
	x.empty("w:tblLook", "w:val", "0000", "w:firstRow", "0", "w:lastRow", "0", "w:firstColumn", "0",
		"w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	x.close("w:tblPr")
	x.open("w:tblGrid")
	for _, w := range widths {
		x.empty("w:gridCol", "w:w", itoa(w))
	}
	x.close("w:tblGrid")
}

// cellLook is a masthead cell's padding (points), the rule under it (points) and whether its
// content sits at its bottom.
type cellLook struct {
	rule, padTop, padBottom float64
	vAlignBottom            bool
}

// mastCell prints one masthead cell spanning span grid columns.
func (st *docState) mastCell(x *xmlWriter, width, span int, c cellLook, content func()) {
	x.open("w:tc")
	// CT_TcPr order: tcW, gridSpan, tcBorders, tcMar, vAlign.
	x.open("w:tcPr")
	x.empty("w:tcW", "w:w", itoa(width), "w:type", "dxa")
	if span > 1 {
		x.ival("w:gridSpan", span)
	}
	x.open("w:tcBorders")
	x.empty("w:bottom", "w:val", "single", "w:sz", itoa(geo.EighthPoints(c.rule)), "w:space", "0", "w:color", "auto")
	x.close("w:tcBorders")
	x.open("w:tcMar")
	x.empty("w:top", "w:w", itoa(geo.PtTwips(c.padTop)), "w:type", "dxa")
	x.empty("w:bottom", "w:w", itoa(geo.PtTwips(c.padBottom)), "w:type", "dxa")
	x.close("w:tcMar")
	if c.vAlignBottom {
		x.val("w:vAlign", "bottom")
	}
	x.close("w:tcPr")
	content()
	x.close("w:tc")
}

// mastPara prints a masthead line. Its direction is its own (the masthead stays in English
// in the Arabic version), so it starts at its own start edge; end aligns it at the cell's
// end edge instead (the symbol: right, or left in a mirrored masthead).
func (st *docState) mastPara(x *xmlWriter, style, text string, end bool) {
	pp := paraProps{style: style, bidi: hasRTL(text)}
	if end {
		// jc is logical in a bidi paragraph ("left" is its start, the right edge).
		pp.jc = "right"
		if st.look.rtl != pp.bidi {
			pp.jc = "left"
		}
	}
	st.para(x, &pp, "", model.Texts(text, 0))
}

// titles prints what comes under the masthead: the session and agenda-item lines at the
// column's edge, the title and subtitle at the block's edge, and the title-block sentence.
func (st *docState) titles(x *xmlWriter) {
	// The first line under the masthead keeps some space from its rule.
	first := len(st.doc.Present.Masthead) > 0
	gap := func(pp *paraProps, before, lead float64) {
		if !first {
			return
		}
		first = false
		if before >= geo.SessionBefore {
			return
		}
		line := geo.PtTwips(lead)
		if pp.spacing != nil {
			line = pp.spacing.line
		}
		pp.spacing = &spacingProps{before: geo.PtTwips(geo.SessionBefore), after: 0, line: line, exact: true}
	}
	for _, t := range []string{st.doc.Meta.Session, st.doc.Present.AgendaItem} {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		rtl := hasRTL(t)
		pp := paraProps{style: styleSession, bidi: rtl, spacing: st.scaled(rtl, geo.Leading)}
		gap(&pp, 0, geo.Leading)
		st.para(x, &pp, "", model.Texts(t, 0))
	}
	for _, t := range []struct {
		text, style string
		h           geo.Heading
	}{{st.doc.Meta.Title, styleTitle, geo.Title}, {st.doc.Meta.Subtitle, styleSubtitle, geo.Subtitle}} {
		if t.text = strings.TrimSpace(t.text); t.text == "" {
			continue
		}
		rtl := hasRTL(t.text)
		pp := paraProps{style: t.style, bidi: rtl, spacing: st.scaled(rtl, t.h.Leading)}
		gap(&pp, t.h.Before, t.h.Leading)
		st.para(x, &pp, "", model.Texts(t.text, 0))
	}
	if t := strings.TrimSpace(st.doc.Present.TitleBlock); t != "" {
		rtl := st.rtlOf(model.Texts(t, 0))
		pp := paraProps{style: styleTitleBlock, bidi: rtl, spacing: st.scaled(rtl, geo.Leading)}
		gap(&pp, 0, geo.Leading)
		if pp.spacing != nil && !pp.spacing.lineOnly {
			pp.spacing.after = geo.PtTwips(geo.TitleBlockAfter)
		}
		st.para(x, &pp, "", model.Texts(t, 0))
	}
}

// sectPr prints the body's section properties in CT_SectPr order: header and footer
// references, pgSz, pgMar, cols, titlePg (a different first page), bidi, docGrid. Odd and
// even pages have their own running heads and page numbers (settings' evenAndOddHeaders).
func (st *docState) sectPr(x *xmlWriter) {
	x.open("w:sectPr")
	for _, s := range slots {
		x.empty("w:"+s.relType+"Reference", "w:type", s.kind, "r:id", s.relID)
	}
	if st.ref != nil && len(st.ref.pgSz) > 0 {
		x.empty("w:pgSz", st.ref.pgSz...)
	} else {
		x.empty("w:pgSz", "w:w", itoa(pageW), "w:h", itoa(pageH))
	}
	if st.ref != nil && len(st.ref.pgMar) > 0 {
		x.empty("w:pgMar", st.ref.pgMar...)
	} else {
		x.empty("w:pgMar", "w:top", itoa(marginTop), "w:right", itoa(marginSide), "w:bottom", itoa(marginBot),
			"w:left", itoa(marginSide), "w:header", itoa(headerFrom), "w:footer", itoa(footerFrom), "w:gutter", "0")
	}
	x.empty("w:cols", "w:space", "720")
	x.empty("w:titlePg")
	if st.look.rtl {
		x.empty("w:bidi")
	}
	x.empty("w:docGrid", "w:linePitch", "360")
	x.close("w:sectPr")
}
