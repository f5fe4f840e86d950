package write

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

// Page geometry (A4, 1-inch margins) in twips.
const (
	pageW      = 11906
	pageH      = 16838
	margin     = 1440
	hdrFtrDist = 720
	textWidth  = pageW - 2*margin
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

// styleDefs returns the writer's styles in a fixed order. Sizes are half-points.
func styleDefs(look docLook, plan *numPlan) []*styleDef {
	cs := func(sz int) int { return sz * look.sizeCS / 20 } // complex-script twin of a size
	body := func(left, right, hang int) *indentation { return &indentation{left: left, right: right, hanging: hang} }
	headNum := func(ilvl int) (bool, int, int) {
		if plan.headNumbered {
			return true, numHead, ilvl
		}
		return false, 0, 0
	}
	h1n, h1id, h1l := headNum(0)
	h2n, h2id, h2l := headNum(1)
	h3n, h3id, h3l := headNum(2)
	return []*styleDef{
		{typ: "paragraph", id: styleNormal, name: "Normal", isDefault: true, qFormat: true},
		{typ: "character", id: "DefaultParagraphFont", name: "Default Paragraph Font", isDefault: true},
		{typ: "table", id: styleTableNorm, name: "Normal Table", isDefault: true, tableCellMargin: true},
		{typ: "paragraph", id: styleBody, name: "Body Text", basedOn: styleNormal, qFormat: true,
			pPr: &paraProps{spacing: &spacingProps{after: 120, line: 240}, ind: body(textLeft, textRight, 0), jc: "both"}},
		{typ: "paragraph", id: styleUNPara, name: "UN Paragraph", basedOn: styleBody, next: styleUNPara, qFormat: true,
			pPr: &paraProps{hasNum: true, numID: numPara, ilvl: 0, ind: body(textLeft, textRight, hangIndent)}},
		{typ: "paragraph", id: styleSubpara, name: "Subparagraph", basedOn: styleBody, next: styleSubpara, qFormat: true,
			pPr: &paraProps{hasNum: true, numID: numPara, ilvl: 1, ind: body(textLeft+hangIndent, textRight, hangIndent)}},
		{typ: "paragraph", id: styleSubpara2, name: "Subparagraph 2", basedOn: styleBody, next: styleSubpara2, qFormat: true,
			pPr: &paraProps{hasNum: true, numID: numPara, ilvl: 2, ind: body(textLeft+2*hangIndent, textRight, hangIndent)}},
		{typ: "paragraph", id: styleQuote, name: "Quote", basedOn: styleBody, next: styleBody, qFormat: true,
			pPr: &paraProps{ind: body(quoteLeft, quoteRight, 0)}},
		{typ: "paragraph", id: styleNote, name: "Note", basedOn: styleBody, next: styleBody, qFormat: true,
			pPr: &paraProps{jc: "center"}},
		{typ: "paragraph", id: styleTitle, name: "Title", basedOn: styleNormal, next: styleTitleBlock, qFormat: true,
			pPr: &paraProps{keepNext: true, spacing: &spacingProps{before: 360, after: 240, line: 240}, ind: body(textLeft, textRight, 0)},
			rPr: &runProps{b: true, sz: 28, szCs: cs(28)}},
		{typ: "paragraph", id: styleTitleBlock, name: "Title Block", basedOn: styleNormal, next: styleBody, qFormat: true,
			pPr: &paraProps{keepNext: true, spacing: &spacingProps{after: 360, line: 240}, ind: body(textLeft, textRight, 0)}},
		{typ: "paragraph", id: styleHeading1, name: "heading 1", basedOn: styleNormal, next: styleUNPara, qFormat: true,
			pPr: &paraProps{keepNext: true, keepLines: true, hasNum: h1n, numID: h1id, ilvl: h1l,
				spacing: &spacingProps{before: 360, after: 240, line: 240}, ind: body(textLeft, textRight, hangIndent), outline: 1},
			rPr: &runProps{b: true, sz: 24, szCs: cs(24)}},
		{typ: "paragraph", id: styleHeading2, name: "heading 2", basedOn: styleNormal, next: styleUNPara, qFormat: true,
			pPr: &paraProps{keepNext: true, keepLines: true, hasNum: h2n, numID: h2id, ilvl: h2l,
				spacing: &spacingProps{before: 240, after: 120, line: 240}, ind: body(textLeft, textRight, hangIndent), outline: 2},
			rPr: &runProps{b: true}},
		{typ: "paragraph", id: styleHeading3, name: "heading 3", basedOn: styleNormal, next: styleUNPara, qFormat: true,
			pPr: &paraProps{keepNext: true, keepLines: true, hasNum: h3n, numID: h3id, ilvl: h3l,
				spacing: &spacingProps{before: 240, after: 120, line: 240}, ind: body(textLeft, textRight, hangIndent), outline: 3},
			rPr: &runProps{b: true, i: true}},
		{typ: "paragraph", id: styleHeading4, name: "heading 4", basedOn: styleNormal, next: styleUNPara, qFormat: true,
			pPr: &paraProps{keepNext: true, keepLines: true,
				spacing: &spacingProps{before: 120, after: 120, line: 240}, ind: body(textLeft, textRight, hangIndent), outline: 4},
			rPr: &runProps{i: true}},
		{typ: "paragraph", id: styleMastUN, name: "Masthead UN", basedOn: styleNormal, qFormat: true,
			pPr: &paraProps{spacing: &spacingProps{after: 0, line: 240}}},
		{typ: "paragraph", id: styleMastOrgan, name: "Masthead Organ", basedOn: styleNormal, qFormat: true,
			pPr: &paraProps{spacing: &spacingProps{after: 0, line: 240}},
			rPr: &runProps{b: true, sz: 28, szCs: cs(28)}},
		{typ: "paragraph", id: styleMastSymbol, name: "Masthead Symbol", basedOn: styleNormal, qFormat: true,
			pPr: &paraProps{spacing: &spacingProps{after: 0, line: 240}, jc: "right"},
			rPr: &runProps{sz: 32, szCs: 32}},
		{typ: "paragraph", id: styleMast, name: "Masthead", basedOn: styleNormal, qFormat: true,
			pPr: &paraProps{spacing: &spacingProps{after: 0, line: 240}}},
		{typ: "paragraph", id: styleHeader, name: "header", basedOn: styleNormal,
			pPr: &paraProps{tabs: []tabStop{{"center", textWidth / 2}, {"right", textWidth}}},
			rPr: &runProps{b: true, sz: 17, szCs: cs(17)}},
		{typ: "paragraph", id: styleFooter, name: "footer", basedOn: styleNormal,
			pPr: &paraProps{tabs: []tabStop{{"center", textWidth / 2}, {"right", textWidth}}},
			rPr: &runProps{sz: 17, szCs: cs(17)}},
		{typ: "paragraph", id: styleFnText, name: "footnote text", basedOn: styleNormal,
			pPr: &paraProps{spacing: &spacingProps{after: 0, line: 240}, ind: body(textLeft, textRight, hangIndent)},
			rPr: &runProps{sz: 17, szCs: cs(17)}},
		{typ: "character", id: styleFnRef, name: "footnote reference", basedOn: "DefaultParagraphFont",
			rPr: &runProps{vertAlign: "superscript"}},
		{typ: "character", id: styleHyperlink, name: "Hyperlink", basedOn: "DefaultParagraphFont",
			rPr: &runProps{color: "0000FF", underline: "single"}},
		{typ: "character", id: styleDocSymbol, name: "Document Symbol", basedOn: "DefaultParagraphFont",
			rPr: &runProps{noProof: true}},
		{typ: "table", id: styleTableGrid, name: "Table Grid", basedOn: styleTableNorm, tableBorders: true,
			pPr: &paraProps{spacing: &spacingProps{after: 0, line: 240}}},
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
	p := paraProps{spacing: &spacingProps{after: 0, line: 240}}
	p.write(x)
	x.close("w:pPrDefault")
	x.close("w:docDefaults")
}
