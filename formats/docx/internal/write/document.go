package write

import (
	"io"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Fixed relationship ids of word/_rels/document.xml.rels. Hyperlinks follow from
// relFirstLink on, in order of first use.
const (
	relStyles     = "rId1"
	relNumbering  = "rId2"
	relSettings   = "rId3"
	relFontTable  = "rId4"
	relHeader1    = "rId5" // running header, page 2 on
	relHeader2    = "rId6" // first-page header
	relFooter1    = "rId7" // running footer with the page number
	relFooter2    = "rId8" // first-page footer with the job number
	relFootnotes  = "rId9"
	relFirstLink  = 10
	mastLeftCol   = 4820 // masthead column widths, twips (sum: the text width)
	mastRightCol  = textWidth - mastLeftCol
	mastRuleWidth = 12 // eighths of a point: the rule under the masthead's first row
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
		pp := paraProps{style: styleNote, bidi: st.look.rtl}
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
	pp := paraProps{style: styles[min(level, 4)-1], bidi: st.look.rtl}
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
				pp.ind.hanging = hangIndent
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
	pp := paraProps{bidi: st.look.rtl}
	label := ""
	switch {
	case ctx.inQuote:
		// Quotations never add a number, whatever the paragraph says.
		pp.style = styleQuote
	case ctx.itemLevel > 0:
		pp.style = styleBody
		pp.ind = &indentation{left: textLeft + ctx.itemLevel*hangIndent, right: textRight}
	case p.Numbered && p.Number.Label != "":
		pp.style = styleUNPara
		pp.hasNum = true
		if numID := st.num.paragraph(p.Number); numID > 0 {
			pp.numID = numID
		} else {
			label = p.Number.Label
			pp.ind = &indentation{left: textLeft, right: textRight, hanging: hangIndent}
			st.warnf(p.Pos, "paragraph label %q is not what Word numbering prints; written as text", label)
		}
	default:
		pp.style = styleBody
	}
	st.para(x, &pp, label, p.RunIn())
	return st.children(x, p.Children, ctx)
}

// preformatted prints text whose lines matter as one left-aligned paragraph in a
// fixed-width face, its lines separated by line breaks, unnumbered.
func (st *docState) preformatted(x *xmlWriter, p *model.Preformatted) {
	pp := paraProps{style: styleBody, jc: "left", ind: &indentation{left: textLeft, right: textRight}}
	x.open("w:p")
	pp.write(x)
	mono := &runFonts{ascii: "Courier New", hAnsi: "Courier New", eastAsia: st.look.eastAsia, cs: "Courier New"}
	st.textRun(x, runProps{fonts: mono, noProof: true}, p.Text)
	x.close("w:p")
}

// attendance prints the attendance section: its title as an unnumbered bold line that
// stays with what follows, then one line per role, the label in bold.
func (st *docState) attendance(x *xmlWriter, a *model.Attendance) {
	title := paraProps{style: styleBody, keepNext: true, bidi: st.look.rtl, ind: &indentation{left: textLeft, right: textRight}}
	st.para(x, &title, "", []model.Inline{{Kind: model.KindStrong, Text: a.Title}})
	for _, g := range a.Groups {
		pp := paraProps{style: styleBody, bidi: st.look.rtl, ind: &indentation{left: textLeft, right: textRight}}
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
		pp := paraProps{style: styleBody, jc: "center", keepNext: true, bidi: st.look.rtl}
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
		pp := paraProps{style: styleSubpara, bidi: st.look.rtl, hasNum: true}
		if ilvl >= 2 {
			pp.style = styleSubpara2
		}
		if ilvl >= 3 {
			pp.ind = &indentation{left: textLeft + ilvl*hangIndent, right: textRight, hanging: hangIndent}
		}
		label := ""
		if numID := st.num.item(&cur, ilvl, it.Number); numID > 0 {
			pp.numID, pp.ilvl = numID, ilvl
		} else if it.Number.Label != "" {
			label = it.Number.Label
			pp.ind = &indentation{left: textLeft + ilvl*hangIndent, right: textRight, hanging: hangIndent}
			if ilvl <= len(st.loc.Numbering.Sub) {
				st.warnf(it.Pos, "subparagraph label %q is not what Word numbering prints; written as text", label)
			}
		} else {
			// An unlettered item continues the list's text block.
			pp.ind = &indentation{left: textLeft + ilvl*hangIndent, right: textRight}
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

// masthead prints the first-page masthead as a borderless two-column table, as UN documents
// lay it out: the organ on the left and the symbol on the right (large) above a rule, then
// distribution, date, language and original in the right column.
func (st *docState) masthead(x *xmlWriter) {
	lines := st.doc.Present.Masthead
	if len(lines) == 0 {
		return
	}
	var organ, symbol, rest []model.MastheadLine
	rtl := false
	for _, l := range lines {
		rtl = rtl || hasRTL(l.Text)
		switch l.Key {
		case model.MastUN, model.MastOrgan:
			organ = append(organ, l)
		case model.MastSymbol:
			symbol = append(symbol, l)
		default:
			rest = append(rest, l)
		}
	}
	x.open("w:tbl")
	x.open("w:tblPr")
	x.val("w:tblStyle", styleTableMast)
	if rtl {
		x.empty("w:bidiVisual")
	}
	x.empty("w:tblW", "w:w", itoa(textWidth), "w:type", "dxa")
	x.val("w:tblLayout", "fixed")
	x.empty("w:tblLook", "w:val", "0000", "w:firstRow", "0", "w:lastRow", "0", "w:firstColumn", "0",
		"w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	x.close("w:tblPr")
	x.open("w:tblGrid")
	x.empty("w:gridCol", "w:w", itoa(mastLeftCol))
	x.empty("w:gridCol", "w:w", itoa(mastRightCol))
	x.close("w:tblGrid")
	x.open("w:tr")
	st.mastCell(x, mastLeftCol, true, styleMastOrgan, organ)
	st.mastCell(x, mastRightCol, true, styleMastSymbol, symbol)
	x.close("w:tr")
	if len(rest) > 0 {
		x.open("w:tr")
		st.mastCell(x, mastLeftCol, false, styleMast, nil)
		st.mastCell(x, mastRightCol, false, styleMast, rest)
		x.close("w:tr")
	}
	x.close("w:tbl")
}

// mastCell prints one masthead cell; ruled cells carry the thick rule below the first row.
func (st *docState) mastCell(x *xmlWriter, width int, ruled bool, style string, lines []model.MastheadLine) {
	x.open("w:tc")
	// CT_TcPr order: tcW, tcBorders, tcMar, vAlign.
	x.open("w:tcPr")
	x.empty("w:tcW", "w:w", itoa(width), "w:type", "dxa")
	if ruled {
		x.open("w:tcBorders")
		x.empty("w:bottom", "w:val", "single", "w:sz", itoa(mastRuleWidth), "w:space", "0", "w:color", "auto")
		x.close("w:tcBorders")
		x.val("w:vAlign", "bottom")
	} else {
		x.open("w:tcMar")
		x.empty("w:top", "w:w", "120", "w:type", "dxa")
		x.close("w:tcMar")
	}
	x.close("w:tcPr")
	if len(lines) == 0 {
		pp := paraProps{style: style}
		st.para(x, &pp, "", nil)
	}
	for _, l := range lines {
		// The masthead stays in English in the Arabic version: its lines follow their own
		// script, not the document's direction.
		pp := paraProps{style: style, bidi: hasRTL(l.Text)}
		if l.Key == model.MastUN {
			pp.style = styleMastUN
		}
		st.para(x, &pp, "", model.Texts(l.Text, 0))
	}
	x.close("w:tc")
}

// titles prints the report's title and the title block sentence under the masthead.
func (st *docState) titles(x *xmlWriter) {
	if t := strings.TrimSpace(st.doc.Meta.Title); t != "" {
		pp := paraProps{style: styleTitle, bidi: st.look.rtl}
		st.para(x, &pp, "", model.Texts(t, 0))
	}
	if t := strings.TrimSpace(st.doc.Present.TitleBlock); t != "" {
		pp := paraProps{style: styleTitleBlock, bidi: st.look.rtl}
		st.para(x, &pp, "", model.Texts(t, 0))
	}
}

// sectPr prints the body's section properties in CT_SectPr order: header and footer
// references, pgSz, pgMar, cols, titlePg (a different first page), bidi, docGrid.
func (st *docState) sectPr(x *xmlWriter) {
	x.open("w:sectPr")
	x.empty("w:headerReference", "w:type", "default", "r:id", relHeader1)
	x.empty("w:headerReference", "w:type", "first", "r:id", relHeader2)
	x.empty("w:footerReference", "w:type", "default", "r:id", relFooter1)
	x.empty("w:footerReference", "w:type", "first", "r:id", relFooter2)
	if st.ref != nil && len(st.ref.pgSz) > 0 {
		x.empty("w:pgSz", st.ref.pgSz...)
	} else {
		x.empty("w:pgSz", "w:w", itoa(pageW), "w:h", itoa(pageH))
	}
	if st.ref != nil && len(st.ref.pgMar) > 0 {
		x.empty("w:pgMar", st.ref.pgMar...)
	} else {
		x.empty("w:pgMar", "w:top", itoa(margin), "w:right", itoa(margin), "w:bottom", itoa(margin),
			"w:left", itoa(margin), "w:header", itoa(hdrFtrDist), "w:footer", itoa(hdrFtrDist), "w:gutter", "0")
	}
	x.empty("w:cols", "w:space", "720")
	x.empty("w:titlePg")
	if st.look.rtl {
		x.empty("w:bidi")
	}
	x.empty("w:docGrid", "w:linePitch", "360")
	x.close("w:sectPr")
}
