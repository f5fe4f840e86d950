package write

import (
	"io"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Fixed relationship ids of word/_rels/document.xml.rels. Hyperlinks follow from
// wRelFirstLink on, in order of first use.
const (
	wRelStyles     = "rId1"
	wRelNumbering  = "rId2"
	wRelSettings   = "rId3"
	wRelFontTable  = "rId4"
	wRelHeader1    = "rId5" // running header, page 2 on
	wRelHeader2    = "rId6" // first-page header
	wRelFooter1    = "rId7" // running footer with the page number
	wRelFooter2    = "rId8" // first-page footer with the job number
	wRelFootnotes  = "rId9"
	wRelFirstLink  = 10
	wMastLeftCol   = 4820 // masthead column widths, twips (sum: the text width)
	wMastRightCol  = wTextWidth - wMastLeftCol
	wMastRuleWidth = 12 // eighths of a point: the rule under the masthead's first row
)

// wCtx is where a block sits: inside a quotation, inside a list item (ilvl of that item), and
// the w:num of the enclosing list.
type wCtx struct {
	depth     int
	inQuote   bool
	itemLevel int
	listNum   int
}

// wSpill is how much of word/document.xml the writer holds before passing it on to the
// compressor: the part is three to four times the size of the notes, and holding all of it
// was most of the memory a long document took to write.
const wSpill = 64 << 10

// document prints word/document.xml to out, a block at a time.
func (st *wState) document(out io.Writer) error {
	x := newWXML()
	x.open("w:document", "xmlns:w", wNSMain, "xmlns:r", wNSRel)
	x.open("w:body")
	st.masthead(x)
	st.titles(x)
	for _, b := range st.doc.Blocks {
		if err := st.checkCtx(); err != nil {
			return err
		}
		if err := st.block(x, b, wCtx{}); err != nil {
			return err
		}
		if x.b.Len() >= wSpill {
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
func (st *wState) block(x *wXML, b model.Block, ctx wCtx) error {
	if ctx.depth > st.depth {
		return model.Errorf(wStage, b.Position(), model.ErrTooDeep, "blocks nest deeper than %d levels", st.depth)
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
		pp := wPPr{style: wStyleNote, bidi: st.look.rtl}
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
func (st *wState) para(x *wXML, pp *wPPr, label string, ins []model.Inline) {
	x.open("w:p")
	pp.write(x)
	if label != "" {
		st.textRun(x, wRPr{rtl: wHasRTL(label)}, label)
		x.open("w:r")
		x.empty("w:tab")
		x.close("w:r")
	}
	st.runs(x, ins, false)
	x.close("w:p")
}

// heading prints a chapter or section heading, numbered by the heading list where Word can
// print the label, otherwise with the label as text.
func (st *wState) heading(x *wXML, h *model.Heading) {
	level := h.Level
	if level < 1 {
		level = 1
	}
	styles := []string{wStyleHeading1, wStyleHeading2, wStyleHeading3, wStyleHeading4}
	pp := wPPr{style: styles[min(level, 4)-1], bidi: st.look.rtl}
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
			pp.ind = &wInd{left: wTextLeft, right: wTextRight}
			if h.Number.Label != "" {
				pp.ind.hanging = wHang
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
func (st *wState) paragraph(x *wXML, p *model.Paragraph, ctx wCtx) error {
	pp := wPPr{bidi: st.look.rtl}
	label := ""
	switch {
	case ctx.inQuote:
		// Quotations never add a number, whatever the paragraph says.
		pp.style = wStyleQuote
	case ctx.itemLevel > 0:
		pp.style = wStyleBody
		pp.ind = &wInd{left: wTextLeft + ctx.itemLevel*wHang, right: wTextRight}
	case p.Numbered && p.Number.Label != "":
		pp.style = wStyleUNPara
		pp.hasNum = true
		if numID := st.num.paragraph(p.Number); numID > 0 {
			pp.numID = numID
		} else {
			label = p.Number.Label
			pp.ind = &wInd{left: wTextLeft, right: wTextRight, hanging: wHang}
			st.warnf(p.Pos, "paragraph label %q is not what Word numbering prints; written as text", label)
		}
	default:
		pp.style = wStyleBody
	}
	st.para(x, &pp, label, p.RunIn())
	return st.children(x, p.Children, ctx)
}

// preformatted prints text whose lines matter as one left-aligned paragraph in a
// fixed-width face, its lines separated by line breaks, unnumbered.
func (st *wState) preformatted(x *wXML, p *model.Preformatted) {
	pp := wPPr{style: wStyleBody, jc: "left", ind: &wInd{left: wTextLeft, right: wTextRight}}
	x.open("w:p")
	pp.write(x)
	mono := &wFonts{ascii: "Courier New", hAnsi: "Courier New", eastAsia: st.look.eastAsia, cs: "Courier New"}
	st.textRun(x, wRPr{fonts: mono, noProof: true}, p.Text)
	x.close("w:p")
}

// attendance prints the attendance section: its title as an unnumbered bold line that
// stays with what follows, then one line per role, the label in bold.
func (st *wState) attendance(x *wXML, a *model.Attendance) {
	title := wPPr{style: wStyleBody, keepNext: true, bidi: st.look.rtl, ind: &wInd{left: wTextLeft, right: wTextRight}}
	st.para(x, &title, "", []model.Inline{{Kind: model.KindStrong, Text: a.Title}})
	for _, g := range a.Groups {
		pp := wPPr{style: wStyleBody, bidi: st.look.rtl, ind: &wInd{left: wTextLeft, right: wTextRight}}
		st.para(x, &pp, "", g.Inlines)
	}
}

// annex prints an annex on a new page: its label and title centred and bold, then its
// blocks.
func (st *wState) annex(x *wXML, a *model.Annex, ctx wCtx) error {
	x.open("w:p")
	x.open("w:r")
	x.empty("w:br", "w:type", "page")
	x.close("w:r")
	x.close("w:p")
	for _, t := range []string{a.Label, a.Title} {
		if t == "" {
			continue
		}
		pp := wPPr{style: wStyleBody, jc: "center", keepNext: true, bidi: st.look.rtl}
		st.para(x, &pp, "", []model.Inline{{Kind: model.KindStrong, Text: t}})
	}
	return st.children(x, a.Blocks, ctx)
}

// children prints the blocks that belong to a paragraph or list item.
func (st *wState) children(x *wXML, kids []model.Block, ctx wCtx) error {
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
func (st *wState) list(x *wXML, l *model.List, ctx wCtx) error {
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
		pp := wPPr{style: wStyleSubpara, bidi: st.look.rtl, hasNum: true}
		if ilvl >= 2 {
			pp.style = wStyleSubpara2
		}
		if ilvl >= 3 {
			pp.ind = &wInd{left: wTextLeft + ilvl*wHang, right: wTextRight, hanging: wHang}
		}
		label := ""
		if numID := st.num.item(&cur, ilvl, it.Number); numID > 0 {
			pp.numID, pp.ilvl = numID, ilvl
		} else if it.Number.Label != "" {
			label = it.Number.Label
			pp.ind = &wInd{left: wTextLeft + ilvl*wHang, right: wTextRight, hanging: wHang}
			if ilvl <= len(st.loc.Numbering.Sub) {
				st.warnf(it.Pos, "subparagraph label %q is not what Word numbering prints; written as text", label)
			}
		} else {
			// An unlettered item continues the list's text block.
			pp.ind = &wInd{left: wTextLeft + ilvl*wHang, right: wTextRight}
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
func (st *wState) table(x *wXML, t *model.Table) {
	cols := 0
	for _, row := range t.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	width := wTextWidth - wTextLeft - wTextRight
	colW := width / cols
	x.open("w:tbl")
	// CT_TblPr order: tblStyle, bidiVisual, tblW, tblInd, tblLook.
	x.open("w:tblPr")
	x.val("w:tblStyle", wStyleTableGrid)
	if st.look.rtl {
		x.empty("w:bidiVisual")
	}
	x.empty("w:tblW", "w:w", wItoa(width), "w:type", "dxa")
	x.empty("w:tblInd", "w:w", wItoa(wTextLeft), "w:type", "dxa")
	x.empty("w:tblLook", "w:val", "04A0", "w:firstRow", "1", "w:lastRow", "0", "w:firstColumn", "1",
		"w:lastColumn", "0", "w:noHBand", "0", "w:noVBand", "1")
	x.close("w:tblPr")
	x.open("w:tblGrid")
	for range cols {
		x.empty("w:gridCol", "w:w", wItoa(colW))
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
			x.empty("w:tcW", "w:w", wItoa(colW), "w:type", "dxa")
			x.close("w:tcPr")
			var cell []model.Inline
			if c < len(row) {
				cell = row[c]
			}
			pp := wPPr{bidi: st.look.rtl}
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
func (st *wState) masthead(x *wXML) {
	lines := st.doc.Present.Masthead
	if len(lines) == 0 {
		return
	}
	var organ, symbol, rest []model.MastheadLine
	rtl := false
	for _, l := range lines {
		rtl = rtl || wHasRTL(l.Text)
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
	x.val("w:tblStyle", wStyleTableMast)
	if rtl {
		x.empty("w:bidiVisual")
	}
	x.empty("w:tblW", "w:w", wItoa(wTextWidth), "w:type", "dxa")
	x.val("w:tblLayout", "fixed")
	x.empty("w:tblLook", "w:val", "0000", "w:firstRow", "0", "w:lastRow", "0", "w:firstColumn", "0",
		"w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	x.close("w:tblPr")
	x.open("w:tblGrid")
	x.empty("w:gridCol", "w:w", wItoa(wMastLeftCol))
	x.empty("w:gridCol", "w:w", wItoa(wMastRightCol))
	x.close("w:tblGrid")
	x.open("w:tr")
	st.mastCell(x, wMastLeftCol, true, wStyleMastOrgan, organ)
	st.mastCell(x, wMastRightCol, true, wStyleMastSymbol, symbol)
	x.close("w:tr")
	if len(rest) > 0 {
		x.open("w:tr")
		st.mastCell(x, wMastLeftCol, false, wStyleMast, nil)
		st.mastCell(x, wMastRightCol, false, wStyleMast, rest)
		x.close("w:tr")
	}
	x.close("w:tbl")
}

// mastCell prints one masthead cell; ruled cells carry the thick rule below the first row.
func (st *wState) mastCell(x *wXML, width int, ruled bool, style string, lines []model.MastheadLine) {
	x.open("w:tc")
	// CT_TcPr order: tcW, tcBorders, tcMar, vAlign.
	x.open("w:tcPr")
	x.empty("w:tcW", "w:w", wItoa(width), "w:type", "dxa")
	if ruled {
		x.open("w:tcBorders")
		x.empty("w:bottom", "w:val", "single", "w:sz", wItoa(wMastRuleWidth), "w:space", "0", "w:color", "auto")
		x.close("w:tcBorders")
		x.val("w:vAlign", "bottom")
	} else {
		x.open("w:tcMar")
		x.empty("w:top", "w:w", "120", "w:type", "dxa")
		x.close("w:tcMar")
	}
	x.close("w:tcPr")
	if len(lines) == 0 {
		pp := wPPr{style: style}
		st.para(x, &pp, "", nil)
	}
	for _, l := range lines {
		// The masthead stays in English in the Arabic version: its lines follow their own
		// script, not the document's direction.
		pp := wPPr{style: style, bidi: wHasRTL(l.Text)}
		if l.Key == model.MastUN {
			pp.style = wStyleMastUN
		}
		st.para(x, &pp, "", model.Texts(l.Text, 0))
	}
	x.close("w:tc")
}

// titles prints the report's title and the title block sentence under the masthead.
func (st *wState) titles(x *wXML) {
	if t := strings.TrimSpace(st.doc.Meta.Title); t != "" {
		pp := wPPr{style: wStyleTitle, bidi: st.look.rtl}
		st.para(x, &pp, "", model.Texts(t, 0))
	}
	if t := strings.TrimSpace(st.doc.Present.TitleBlock); t != "" {
		pp := wPPr{style: wStyleTitleBlock, bidi: st.look.rtl}
		st.para(x, &pp, "", model.Texts(t, 0))
	}
}

// sectPr prints the body's section properties in CT_SectPr order: header and footer
// references, pgSz, pgMar, cols, titlePg (a different first page), bidi, docGrid.
func (st *wState) sectPr(x *wXML) {
	x.open("w:sectPr")
	x.empty("w:headerReference", "w:type", "default", "r:id", wRelHeader1)
	x.empty("w:headerReference", "w:type", "first", "r:id", wRelHeader2)
	x.empty("w:footerReference", "w:type", "default", "r:id", wRelFooter1)
	x.empty("w:footerReference", "w:type", "first", "r:id", wRelFooter2)
	if st.ref != nil && len(st.ref.pgSz) > 0 {
		x.empty("w:pgSz", st.ref.pgSz...)
	} else {
		x.empty("w:pgSz", "w:w", wItoa(wPageW), "w:h", wItoa(wPageH))
	}
	if st.ref != nil && len(st.ref.pgMar) > 0 {
		x.empty("w:pgMar", st.ref.pgMar...)
	} else {
		x.empty("w:pgMar", "w:top", wItoa(wMargin), "w:right", wItoa(wMargin), "w:bottom", wItoa(wMargin),
			"w:left", wItoa(wMargin), "w:header", wItoa(wHdrFtrDist), "w:footer", wItoa(wHdrFtrDist), "w:gutter", "0")
	}
	x.empty("w:cols", "w:space", "720")
	x.empty("w:titlePg")
	if st.look.rtl {
		x.empty("w:bidi")
	}
	x.empty("w:docGrid", "w:linePitch", "360")
	x.close("w:sectPr")
}
