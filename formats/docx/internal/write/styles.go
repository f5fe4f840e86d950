package write

import geo "github.com/scribe-un/scribe/formats/internal/geometry"

// Style ids. Every piece of the report's look lives in a named style, so an editor can
// restyle all numbered paragraphs, quotations or masthead lines in one place. Built-in Word
// styles keep Word's canonical names ("heading 1", "footnote text"), which Word localizes in
// its user interface and which readers (pandoc, python-docx) recognise.
const (
	styleNormal     = "Normal"
	styleBody       = "BodyText"
	styleUNPara     = "UNParagraph"
	styleSubpara    = "Subparagraph"
	styleSubpara2   = "Subparagraph2"
	styleQuote      = "Quote"
	styleNote       = "Note"
	styleTitle      = "Title"
	styleTitleBlock = "TitleBlock"
	styleSubtitle   = "Subtitle"
	styleSession    = "MastheadSession"
	styleHeading1   = "Heading1"
	styleHeading2   = "Heading2"
	styleHeading3   = "Heading3"
	styleHeading4   = "Heading4"
	styleMastUN     = "MastheadUN"
	styleMastOrgan  = "MastheadOrgan"
	styleMastSymbol = "MastheadSymbol"
	styleMast       = "Masthead"
	styleHeader     = "Header"
	styleFooter     = "Footer"
	styleFnText     = "FootnoteText"
	styleFnRef      = "FootnoteReference"
	styleHyperlink  = "Hyperlink"
	styleDocSymbol  = "DocumentSymbol"
	styleTableGrid  = "TableGrid"
	styleTableNorm  = "TableNormal"
	styleTableMast  = "MastheadTable"
)

// styleDef is one w:style.
type styleDef struct {
	typ, id, name   string
	basedOn, next   string
	isDefault       bool
	qFormat         bool
	pPr             *paraProps
	rPr             *runProps
	tableBorders    bool // table styles: single borders on every edge
	tableCellMargin bool
}

// write prints the style in CT_Style order: name, basedOn, next, uiPriority, qFormat, pPr,
// rPr, tblPr.
func (s *styleDef) write(x *xmlWriter) {
	kv := []string{"w:type", s.typ}
	if s.isDefault {
		kv = append(kv, "w:default", "1")
	}
	kv = append(kv, "w:styleId", s.id)
	x.open("w:style", kv...)
	x.val("w:name", s.name)
	if s.basedOn != "" {
		x.val("w:basedOn", s.basedOn)
	}
	if s.next != "" {
		x.val("w:next", s.next)
	}
	if s.qFormat {
		x.empty("w:qFormat")
	}
	if s.pPr != nil {
		s.pPr.write(x)
	}
	if s.rPr != nil {
		s.rPr.write(x)
	}
	if s.typ == "table" {
		// CT_TblPrBase order: tblInd, tblBorders, tblCellMar.
		x.open("w:tblPr")
		x.empty("w:tblInd", "w:w", "0", "w:type", "dxa")
		if s.tableBorders {
			x.open("w:tblBorders")
			for _, edge := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
				x.empty(edge, "w:val", "single", "w:sz", "4", "w:space", "0", "w:color", "auto")
			}
			x.close("w:tblBorders")
		}
		if s.tableCellMargin {
			x.open("w:tblCellMar")
			x.empty("w:top", "w:w", "0", "w:type", "dxa")
			x.empty("w:left", "w:w", "108", "w:type", "dxa")
			x.empty("w:bottom", "w:w", "0", "w:type", "dxa")
			x.empty("w:right", "w:w", "108", "w:type", "dxa")
			x.close("w:tblCellMar")
		}
		x.close("w:tblPr")
	}
	x.close("w:style")
}

// styleDefs returns the writer's styles in a fixed order, with the sizes, leading, spacing
// and indents of the house geometry (formats/internal/geometry). Every paragraph is set on
// exact leading, so Word, LibreOffice and the PDF put the same lines on a page.
func styleDefs(look docLook, plan *numPlan) []*styleDef {
	hp := geo.HalfPoints
	// cs is the complex-script twin of a size: Arabic text is set larger by the locale's
	// difference (10 points become 13).
	cs := func(sz int) int { return sz + look.sizeCS - look.size }
	ind := func(left, right, hanging, first int) *indentation {
		return &indentation{left: left, right: right, hanging: hanging, firstLine: first}
	}
	headNum := func(ilvl int) (bool, int, int) {
		if plan.headNumbered {
			return true, numHead, ilvl
		}
		return false, 0, 0
	}
	// A heading face for the scripts that have one (Chinese: Hei).
	var headFonts *runFonts
	if look.eastAsiaHead != look.eastAsia {
		headFonts = &runFonts{ascii: look.latin, hAnsi: look.latin, eastAsia: look.eastAsiaHead, cs: look.cs}
	}
	heading := func(id, name string, level int) *styleDef {
		h := geo.HeadingLevel(level)
		n, numID, ilvl := false, 0, 0
		if level <= 3 {
			n, numID, ilvl = headNum(level - 1)
		}
		return &styleDef{typ: "paragraph", id: id, name: name, basedOn: styleNormal, next: styleUNPara, qFormat: true,
			pPr: &paraProps{keepNext: true, keepLines: true, hasNum: n, numID: numID, ilvl: ilvl, noHyphens: true,
				spacing: exactly(h.Before, h.After, h.Leading), ind: ind(textLeft, textRight, textLeft, 0), outline: level},
			rPr: &runProps{fonts: headFonts, b: h.Bold, i: h.Italic, sz: hp(h.Size), szCs: cs(hp(h.Size))}}
	}
	title := func(id, name, next string, h geo.Heading) *styleDef {
		return &styleDef{typ: "paragraph", id: id, name: name, basedOn: styleNormal, next: next, qFormat: true,
			pPr: &paraProps{keepNext: true, keepLines: true, noHyphens: true, spacing: exactly(h.Before, h.After, h.Leading),
				ind: ind(textLeft, textRight, 0, 0)},
			rPr: &runProps{fonts: headFonts, b: h.Bold, sz: hp(h.Size), szCs: cs(hp(h.Size))}}
	}
	mast := func(id, name string, size, lead float64, bold bool) *styleDef {
		return &styleDef{typ: "paragraph", id: id, name: name, basedOn: styleNormal, qFormat: true,
			pPr: &paraProps{noHyphens: true, spacing: exactly(0, 0, lead)},
			rPr: &runProps{b: bold, sz: hp(size), szCs: cs(hp(size))}}
	}
	// United Nations and the organ wrap geo.CellGap short of the next cell, as in the PDF
	// (w:right is the paragraph's end edge, whatever its direction).
	gapped := func(s *styleDef) *styleDef {
		s.pPr.ind = ind(0, geo.Twips(geo.CellGap), 0, 0)
		return s
	}
	return []*styleDef{
		{typ: "paragraph", id: styleNormal, name: "Normal", isDefault: true, qFormat: true,
			pPr: &paraProps{widowControl: true, noAutoSpace: true, spacing: exactly(0, 0, geo.Leading)}},
		{typ: "character", id: "DefaultParagraphFont", name: "Default Paragraph Font", isDefault: true},
		{typ: "table", id: styleTableNorm, name: "Normal Table", isDefault: true, tableCellMargin: true},
		{typ: "paragraph", id: styleBody, name: "Body Text", basedOn: styleNormal, qFormat: true,
			pPr: &paraProps{tabs: tabGrid(), spacing: exactly(0, geo.ParaAfter, geo.Leading), ind: ind(textLeft, textRight, 0, 0), jc: "both"}},
		// Numbered paragraphs: the number at the block's edge, the text from the next tab
		// stop, later lines back at the edge (the numbering level holds the indents).
		{typ: "paragraph", id: styleUNPara, name: "UN Paragraph", basedOn: styleBody, next: styleUNPara, qFormat: true,
			pPr: &paraProps{hasNum: true, numID: numPara, ilvl: 0, ind: ind(textLeft, textRight, 0, 0)}},
		{typ: "paragraph", id: styleSubpara, name: "Subparagraph", basedOn: styleBody, next: styleSubpara, qFormat: true,
			pPr: &paraProps{hasNum: true, numID: numPara, ilvl: 1, ind: ind(textLeft, textRight, 0, subIndent(1))}},
		{typ: "paragraph", id: styleSubpara2, name: "Subparagraph 2", basedOn: styleBody, next: styleSubpara2, qFormat: true,
			pPr: &paraProps{hasNum: true, numID: numPara, ilvl: 2, ind: ind(textLeft, textRight, 0, subIndent(2))}},
		{typ: "paragraph", id: styleQuote, name: "Quote", basedOn: styleBody, next: styleBody, qFormat: true,
			pPr: &paraProps{ind: ind(textLeft+step, textRight+step, 0, 0)}},
		{typ: "paragraph", id: styleNote, name: "Note", basedOn: styleBody, next: styleBody, qFormat: true,
			pPr: &paraProps{jc: "left"}},
		title(styleTitle, "Title", styleSubtitle, geo.Title),
		title(styleSubtitle, "Subtitle", styleTitleBlock, geo.Subtitle),
		{typ: "paragraph", id: styleTitleBlock, name: "Title Block", basedOn: styleNormal, next: styleBody, qFormat: true,
			pPr: &paraProps{keepLines: true, spacing: exactly(0, geo.TitleBlockAfter, geo.Leading), ind: ind(textLeft, textRight, 0, 0)}},
		{typ: "paragraph", id: styleSession, name: "Masthead Session", basedOn: styleNormal, qFormat: true,
			pPr: &paraProps{keepNext: true, keepLines: true, noHyphens: true, spacing: exactly(0, 0, geo.Leading), ind: ind(0, textRight, 0, 0)}},
		heading(styleHeading1, "heading 1", 1),
		heading(styleHeading2, "heading 2", 2),
		heading(styleHeading3, "heading 3", 3),
		heading(styleHeading4, "heading 4", 4),
		gapped(mast(styleMastUN, "Masthead UN", geo.UNSize, geo.Leading, false)),
		gapped(mast(styleMastOrgan, "Masthead Organ", geo.OrganSize, geo.OrganLead, true)),
		mast(styleMastSymbol, "Masthead Symbol", geo.SymbolSize, geo.OrganLead, false),
		mast(styleMast, "Masthead", geo.BodySize, geo.Leading, false),
		// The running head: the symbol in bold over a rule; the page number in bold.
		{typ: "paragraph", id: styleHeader, name: "header", basedOn: styleNormal,
			pPr: &paraProps{borderBelow: geo.EighthPoints(geo.HeadRule), noHyphens: true, spacing: exactly(0, 0, geo.HeadLead)},
			rPr: &runProps{b: true, sz: hp(geo.HeadSize), szCs: cs(hp(geo.HeadSize))}},
		{typ: "paragraph", id: styleFooter, name: "footer", basedOn: styleNormal,
			pPr: &paraProps{noHyphens: true, spacing: exactly(0, 0, geo.FolioLead)},
			rPr: &runProps{b: true, sz: hp(geo.FolioSize), szCs: cs(hp(geo.FolioSize))}},
		{typ: "paragraph", id: styleFnText, name: "footnote text", basedOn: styleNormal,
			pPr: &paraProps{tabs: tabGrid(), spacing: exactly(0, 0, geo.NoteLead), ind: ind(textLeft, textRight, 0, 0), jc: "both"},
			rPr: &runProps{sz: hp(geo.NoteSize), szCs: cs(hp(geo.NoteSize))}},
		{typ: "character", id: styleFnRef, name: "footnote reference", basedOn: "DefaultParagraphFont",
			rPr: &runProps{vertAlign: "superscript"}},
		{typ: "character", id: styleHyperlink, name: "Hyperlink", basedOn: "DefaultParagraphFont",
			rPr: &runProps{color: "0000FF", underline: "single"}},
		{typ: "character", id: styleDocSymbol, name: "Document Symbol", basedOn: "DefaultParagraphFont",
			rPr: &runProps{noProof: true}},
		{typ: "table", id: styleTableGrid, name: "Table Grid", basedOn: styleTableNorm, tableBorders: true,
			pPr: &paraProps{spacing: exactly(0, 0, 11)}},
		{typ: "table", id: styleTableMast, name: "Masthead Table", basedOn: styleTableNorm},
	}
}

// stylesXML prints word/styles.xml: document defaults (fonts in all four slots, sizes and
// language tags, so one change there restyles the whole report), then the styles.
func (st *docState) stylesXML() []byte {
	x := newXMLWriter()
	x.open("w:styles", "xmlns:w", nsMain)
	st.docDefaults(x)
	for _, s := range styleDefs(st.look, st.num) {
		s.write(x)
	}
	x.close("w:styles")
	return x.bytes()
}

// docDefaults prints w:docDefaults (rPrDefault before pPrDefault).
func (st *docState) docDefaults(x *xmlWriter) {
	l := st.look
	x.open("w:docDefaults")
	x.open("w:rPrDefault")
	r := runProps{
		fonts: &runFonts{ascii: l.latin, hAnsi: l.latin, eastAsia: l.eastAsia, cs: l.cs},
		sz:    l.size, szCs: l.sizeCS,
		lang: &runLang{val: l.lang, eastAsia: l.langEA, bidi: l.langBidi},
	}
	r.write(x)
	x.close("w:rPrDefault")
	x.open("w:pPrDefault")
	p := paraProps{widowControl: true, noAutoSpace: true, spacing: exactly(0, 0, geo.Leading)}
	p.write(x)
	x.close("w:pPrDefault")
	x.close("w:docDefaults")
}
