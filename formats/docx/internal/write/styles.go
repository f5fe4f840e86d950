package write

// Style ids. Every piece of the report's look lives in a named style, so an editor can
// restyle all numbered paragraphs, quotations or masthead lines in one place. Built-in Word
// styles keep Word's canonical names ("heading 1", "footnote text"), which Word localizes in
// its user interface and which readers (pandoc, python-docx) recognise.
const (
	wStyleNormal     = "Normal"
	wStyleBody       = "BodyText"
	wStyleUNPara     = "UNParagraph"
	wStyleSubpara    = "Subparagraph"
	wStyleSubpara2   = "Subparagraph2"
	wStyleQuote      = "Quote"
	wStyleNote       = "Note"
	wStyleTitle      = "Title"
	wStyleTitleBlock = "TitleBlock"
	wStyleHeading1   = "Heading1"
	wStyleHeading2   = "Heading2"
	wStyleHeading3   = "Heading3"
	wStyleHeading4   = "Heading4"
	wStyleMastUN     = "MastheadUN"
	wStyleMastOrgan  = "MastheadOrgan"
	wStyleMastSymbol = "MastheadSymbol"
	wStyleMast       = "Masthead"
	wStyleHeader     = "Header"
	wStyleFooter     = "Footer"
	wStyleFnText     = "FootnoteText"
	wStyleFnRef      = "FootnoteReference"
	wStyleHyperlink  = "Hyperlink"
	wStyleDocSymbol  = "DocumentSymbol"
	wStyleTableGrid  = "TableGrid"
	wStyleTableNorm  = "TableNormal"
	wStyleTableMast  = "MastheadTable"
)

// Page geometry (A4, 1-inch margins) in twips.
const (
	wPageW      = 11906
	wPageH      = 16838
	wMargin     = 1440
	wHdrFtrDist = 720
	wTextWidth  = wPageW - 2*wMargin
)

// wStyleDef is one w:style.
type wStyleDef struct {
	typ, id, name   string
	basedOn, next   string
	isDefault       bool
	qFormat         bool
	pPr             *wPPr
	rPr             *wRPr
	tableBorders    bool // table styles: single borders on every edge
	tableCellMargin bool
}

// write prints the style in CT_Style order: name, basedOn, next, uiPriority, qFormat, pPr,
// rPr, tblPr.
func (s *wStyleDef) write(x *wXML) {
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

// wStyleDefs returns the writer's styles in a fixed order. Sizes are half-points.
func wStyleDefs(look wLook, plan *wNumPlan) []*wStyleDef {
	cs := func(sz int) int { return sz * look.sizeCS / 20 } // complex-script twin of a size
	body := func(left, right, hang int) *wInd { return &wInd{left: left, right: right, hanging: hang} }
	headNum := func(ilvl int) (bool, int, int) {
		if plan.headNumbered {
			return true, wNumHead, ilvl
		}
		return false, 0, 0
	}
	h1n, h1id, h1l := headNum(0)
	h2n, h2id, h2l := headNum(1)
	h3n, h3id, h3l := headNum(2)
	return []*wStyleDef{
		{typ: "paragraph", id: wStyleNormal, name: "Normal", isDefault: true, qFormat: true},
		{typ: "character", id: "DefaultParagraphFont", name: "Default Paragraph Font", isDefault: true},
		{typ: "table", id: wStyleTableNorm, name: "Normal Table", isDefault: true, tableCellMargin: true},
		{typ: "paragraph", id: wStyleBody, name: "Body Text", basedOn: wStyleNormal, qFormat: true,
			pPr: &wPPr{spacing: &wSpacing{after: 120, line: 240}, ind: body(wTextLeft, wTextRight, 0), jc: "both"}},
		{typ: "paragraph", id: wStyleUNPara, name: "UN Paragraph", basedOn: wStyleBody, next: wStyleUNPara, qFormat: true,
			pPr: &wPPr{hasNum: true, numID: wNumPara, ilvl: 0, ind: body(wTextLeft, wTextRight, wHang)}},
		{typ: "paragraph", id: wStyleSubpara, name: "Subparagraph", basedOn: wStyleBody, next: wStyleSubpara, qFormat: true,
			pPr: &wPPr{hasNum: true, numID: wNumPara, ilvl: 1, ind: body(wTextLeft+wHang, wTextRight, wHang)}},
		{typ: "paragraph", id: wStyleSubpara2, name: "Subparagraph 2", basedOn: wStyleBody, next: wStyleSubpara2, qFormat: true,
			pPr: &wPPr{hasNum: true, numID: wNumPara, ilvl: 2, ind: body(wTextLeft+2*wHang, wTextRight, wHang)}},
		{typ: "paragraph", id: wStyleQuote, name: "Quote", basedOn: wStyleBody, next: wStyleBody, qFormat: true,
			pPr: &wPPr{ind: body(wQuoteLeft, wQuoteRight, 0)}},
		{typ: "paragraph", id: wStyleNote, name: "Note", basedOn: wStyleBody, next: wStyleBody, qFormat: true,
			pPr: &wPPr{jc: "center"}},
		{typ: "paragraph", id: wStyleTitle, name: "Title", basedOn: wStyleNormal, next: wStyleTitleBlock, qFormat: true,
			pPr: &wPPr{keepNext: true, spacing: &wSpacing{before: 360, after: 240, line: 240}, ind: body(wTextLeft, wTextRight, 0)},
			rPr: &wRPr{b: true, sz: 28, szCs: cs(28)}},
		{typ: "paragraph", id: wStyleTitleBlock, name: "Title Block", basedOn: wStyleNormal, next: wStyleBody, qFormat: true,
			pPr: &wPPr{keepNext: true, spacing: &wSpacing{after: 360, line: 240}, ind: body(wTextLeft, wTextRight, 0)}},
		{typ: "paragraph", id: wStyleHeading1, name: "heading 1", basedOn: wStyleNormal, next: wStyleUNPara, qFormat: true,
			pPr: &wPPr{keepNext: true, keepLines: true, hasNum: h1n, numID: h1id, ilvl: h1l,
				spacing: &wSpacing{before: 360, after: 240, line: 240}, ind: body(wTextLeft, wTextRight, wHang), outline: 1},
			rPr: &wRPr{b: true, sz: 24, szCs: cs(24)}},
		{typ: "paragraph", id: wStyleHeading2, name: "heading 2", basedOn: wStyleNormal, next: wStyleUNPara, qFormat: true,
			pPr: &wPPr{keepNext: true, keepLines: true, hasNum: h2n, numID: h2id, ilvl: h2l,
				spacing: &wSpacing{before: 240, after: 120, line: 240}, ind: body(wTextLeft, wTextRight, wHang), outline: 2},
			rPr: &wRPr{b: true}},
		{typ: "paragraph", id: wStyleHeading3, name: "heading 3", basedOn: wStyleNormal, next: wStyleUNPara, qFormat: true,
			pPr: &wPPr{keepNext: true, keepLines: true, hasNum: h3n, numID: h3id, ilvl: h3l,
				spacing: &wSpacing{before: 240, after: 120, line: 240}, ind: body(wTextLeft, wTextRight, wHang), outline: 3},
			rPr: &wRPr{b: true, i: true}},
		{typ: "paragraph", id: wStyleHeading4, name: "heading 4", basedOn: wStyleNormal, next: wStyleUNPara, qFormat: true,
			pPr: &wPPr{keepNext: true, keepLines: true,
				spacing: &wSpacing{before: 120, after: 120, line: 240}, ind: body(wTextLeft, wTextRight, wHang), outline: 4},
			rPr: &wRPr{i: true}},
		{typ: "paragraph", id: wStyleMastUN, name: "Masthead UN", basedOn: wStyleNormal, qFormat: true,
			pPr: &wPPr{spacing: &wSpacing{after: 0, line: 240}}},
		{typ: "paragraph", id: wStyleMastOrgan, name: "Masthead Organ", basedOn: wStyleNormal, qFormat: true,
			pPr: &wPPr{spacing: &wSpacing{after: 0, line: 240}},
			rPr: &wRPr{b: true, sz: 28, szCs: cs(28)}},
		{typ: "paragraph", id: wStyleMastSymbol, name: "Masthead Symbol", basedOn: wStyleNormal, qFormat: true,
			pPr: &wPPr{spacing: &wSpacing{after: 0, line: 240}, jc: "right"},
			rPr: &wRPr{sz: 32, szCs: 32}},
		{typ: "paragraph", id: wStyleMast, name: "Masthead", basedOn: wStyleNormal, qFormat: true,
			pPr: &wPPr{spacing: &wSpacing{after: 0, line: 240}}},
		{typ: "paragraph", id: wStyleHeader, name: "header", basedOn: wStyleNormal,
			pPr: &wPPr{tabs: []wTab{{"center", wTextWidth / 2}, {"right", wTextWidth}}},
			rPr: &wRPr{b: true, sz: 17, szCs: cs(17)}},
		{typ: "paragraph", id: wStyleFooter, name: "footer", basedOn: wStyleNormal,
			pPr: &wPPr{tabs: []wTab{{"center", wTextWidth / 2}, {"right", wTextWidth}}},
			rPr: &wRPr{sz: 17, szCs: cs(17)}},
		{typ: "paragraph", id: wStyleFnText, name: "footnote text", basedOn: wStyleNormal,
			pPr: &wPPr{spacing: &wSpacing{after: 0, line: 240}, ind: body(wTextLeft, wTextRight, wHang)},
			rPr: &wRPr{sz: 17, szCs: cs(17)}},
		{typ: "character", id: wStyleFnRef, name: "footnote reference", basedOn: "DefaultParagraphFont",
			rPr: &wRPr{vertAlign: "superscript"}},
		{typ: "character", id: wStyleHyperlink, name: "Hyperlink", basedOn: "DefaultParagraphFont",
			rPr: &wRPr{color: "0000FF", underline: "single"}},
		{typ: "character", id: wStyleDocSymbol, name: "Document Symbol", basedOn: "DefaultParagraphFont",
			rPr: &wRPr{noProof: true}},
		{typ: "table", id: wStyleTableGrid, name: "Table Grid", basedOn: wStyleTableNorm, tableBorders: true,
			pPr: &wPPr{spacing: &wSpacing{after: 0, line: 240}}},
		{typ: "table", id: wStyleTableMast, name: "Masthead Table", basedOn: wStyleTableNorm},
	}
}

// stylesXML prints word/styles.xml: document defaults (fonts in all four slots, sizes and
// language tags, so one change there restyles the whole report), then the styles.
func (st *wState) stylesXML() []byte {
	x := newWXML()
	x.open("w:styles", "xmlns:w", wNSMain)
	st.docDefaults(x)
	for _, s := range wStyleDefs(st.look, st.num) {
		s.write(x)
	}
	x.close("w:styles")
	return x.bytes()
}

// docDefaults prints w:docDefaults (rPrDefault before pPrDefault).
func (st *wState) docDefaults(x *wXML) {
	l := st.look
	x.open("w:docDefaults")
	x.open("w:rPrDefault")
	r := wRPr{
		fonts: &wFonts{ascii: l.latin, hAnsi: l.latin, eastAsia: l.eastAsia, cs: l.cs},
		sz:    l.size, szCs: l.sizeCS,
		lang: &wLang{val: l.lang, eastAsia: l.langEA, bidi: l.langBidi},
	}
	r.write(x)
	x.close("w:rPrDefault")
	x.open("w:pPrDefault")
	p := wPPr{spacing: &wSpacing{after: 0, line: 240}}
	p.write(x)
	x.close("w:pPrDefault")
	x.close("w:docDefaults")
}
