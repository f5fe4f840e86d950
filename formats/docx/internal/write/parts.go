package write

import (
	"strings"
	"time"

	"github.com/scribe-un/scribe/formats/docx/internal/opc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// wPart is one file of the package.
type wPart struct {
	name        string // zip path, no leading slash
	contentType string // for an Override in [Content_Types].xml; "" when a Default covers it
	data        []byte
	// deflated, when set, is the part already compressed (data is then nil).
	deflated *wStreamPart
	// shared marks a part whose bytes come only from the locale, the options and the
	// reference document, never from the document's text, so it recurs across documents
	// and its compressed form is worth keeping (see wDeflater).
	shared bool
}

// Content types of the parts the writer produces.
const (
	wCTMain      = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	wCTStyles    = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	wCTNumbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
	wCTSettings  = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	wCTFontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
	wCTHeader    = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	wCTFooter    = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	wCTFootnotes = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
	wCTCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	wCTApp       = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	wCTRels      = "application/vnd.openxmlformats-package.relationships+xml"

	wRTBase      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	wRTCore      = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	wHeaderSlots = 4
)

// wSlot is a header or footer slot of the section, in the fixed part order.
type wSlot struct {
	key, part, relID, relType, ct string
}

var wSlots = [wHeaderSlots]wSlot{
	{"header-default", "word/header1.xml", wRelHeader1, "header", wCTHeader},
	{"header-first", "word/header2.xml", wRelHeader2, "header", wCTHeader},
	{"footer-default", "word/footer1.xml", wRelFooter1, "footer", wCTFooter},
	{"footer-first", "word/footer2.xml", wRelFooter2, "footer", wCTFooter},
}

// parts assembles the package in its fixed order.
func (st *wState) parts(body *wStreamPart, opts model.WriteOptions) []wPart {
	ps := []wPart{
		{name: "word/document.xml", contentType: wCTMain, deflated: body},
		{name: "word/styles.xml", contentType: wCTStyles, data: st.stylesPart(), shared: true},
		{name: "word/numbering.xml", contentType: wCTNumbering, data: st.num.numberingXML(), shared: true},
		{name: "word/settings.xml", contentType: wCTSettings, data: st.settingsPart(), shared: true},
		{name: "word/fontTable.xml", contentType: wCTFontTable, data: st.fontTableXML(), shared: true},
	}
	var extra []wPart
	for i, s := range wSlots {
		if st.ref != nil {
			if rp, ok := st.ref.slots[s.key]; ok {
				ps = append(ps, wPart{name: s.part, contentType: s.ct, data: rp.data, shared: true})
				if rp.rels != nil {
					extra = append(extra, wPart{name: opc.RelsName(s.part), data: rp.rels, shared: true})
				}
				continue
			}
		}
		// The running header and the first-page footer print the symbol and the job number.
		shared := s.key == "header-first" || s.key == "footer-default"
		ps = append(ps, wPart{name: s.part, contentType: s.ct, data: st.hdrFtrXML(i), shared: shared})
	}
	if len(st.footnotes) > 0 {
		ps = append(ps, wPart{name: "word/footnotes.xml", contentType: wCTFootnotes, data: st.footnotesXML()})
	}
	if st.ref != nil {
		extra = append(extra, st.ref.media...)
	}
	ps = append(ps, wPart{name: "docProps/core.xml", contentType: wCTCore, data: st.coreXML(opts)})
	ps = append(ps, wPart{name: "docProps/app.xml", contentType: wCTApp, data: st.appXML(opts), shared: true})
	ps = append(ps, extra...)
	head := []wPart{
		{name: "[Content_Types].xml", data: st.contentTypesXML(ps), shared: true},
		{name: "_rels/.rels", data: wPackageRelsXML(), shared: true},
		// Hyperlink targets come from the text.
		{name: "word/_rels/document.xml.rels", data: st.documentRelsXML(), shared: len(st.links) == 0},
	}
	return append(head, ps...)
}

// contentTypesXML prints [Content_Types].xml: Defaults for rels, xml and copied media, then
// an Override per part, in part order.
func (st *wState) contentTypesXML(ps []wPart) []byte {
	x := newWXML()
	x.open("Types", "xmlns", wNSCT)
	x.empty("Default", "Extension", "rels", "ContentType", wCTRels)
	x.empty("Default", "Extension", "xml", "ContentType", "application/xml")
	if st.ref != nil {
		for _, d := range st.ref.defaults {
			x.empty("Default", "Extension", d[0], "ContentType", d[1])
		}
	}
	for _, p := range ps {
		if p.contentType != "" {
			x.empty("Override", "PartName", "/"+p.name, "ContentType", p.contentType)
		}
	}
	x.close("Types")
	return x.bytes()
}

// wPackageRelsXML prints _rels/.rels.
func wPackageRelsXML() []byte {
	x := newWXML()
	x.open("Relationships", "xmlns", wNSPkgRel)
	x.empty("Relationship", "Id", "rId1", "Type", wRTBase+"officeDocument", "Target", "word/document.xml")
	x.empty("Relationship", "Id", "rId2", "Type", wRTCore, "Target", "docProps/core.xml")
	x.empty("Relationship", "Id", "rId3", "Type", wRTBase+"extended-properties", "Target", "docProps/app.xml")
	x.close("Relationships")
	return x.bytes()
}

// documentRelsXML prints word/_rels/document.xml.rels with the fixed ids, then hyperlinks.
func (st *wState) documentRelsXML() []byte {
	x := newWXML()
	x.open("Relationships", "xmlns", wNSPkgRel)
	rel := func(id, typ, target string) {
		x.empty("Relationship", "Id", id, "Type", wRTBase+typ, "Target", target)
	}
	rel(wRelStyles, "styles", "styles.xml")
	rel(wRelNumbering, "numbering", "numbering.xml")
	rel(wRelSettings, "settings", "settings.xml")
	rel(wRelFontTable, "fontTable", "fontTable.xml")
	for _, s := range wSlots {
		rel(s.relID, s.relType, strings.TrimPrefix(s.part, "word/"))
	}
	if len(st.footnotes) > 0 {
		rel(wRelFootnotes, "footnotes", "footnotes.xml")
	}
	for i, target := range st.links {
		x.empty("Relationship", "Id", "rId"+wItoa(wRelFirstLink+i), "Type", wRTBase+"hyperlink",
			"Target", target, "TargetMode", "External")
	}
	x.close("Relationships")
	return x.bytes()
}

// stylesPart is the writer's styles, or the reference document's with the writer's missing
// styles added.
func (st *wState) stylesPart() []byte {
	if st.ref != nil {
		return st.ref.mergedStyles(st)
	}
	return st.stylesXML()
}

// settingsPart is the writer's settings, or the reference document's (cleaned).
func (st *wState) settingsPart() []byte {
	if st.ref != nil && st.ref.settings != nil {
		return st.ref.settings
	}
	return st.settingsXML()
}

// settingsXML prints word/settings.xml in CT_Settings order.
func (st *wState) settingsXML() []byte {
	x := newWXML()
	x.open("w:settings", "xmlns:w", wNSMain)
	x.empty("w:zoom", "w:percent", "100")
	x.ival("w:defaultTabStop", wHang)
	x.val("w:characterSpacingControl", "doNotCompress")
	if len(st.footnotes) > 0 {
		x.open("w:footnotePr")
		x.empty("w:footnote", "w:id", "-1")
		x.empty("w:footnote", "w:id", "0")
		x.close("w:footnotePr")
	}
	x.open("w:compat")
	// Lines ending in a manual line break are not stretched in justified paragraphs.
	x.empty("w:doNotExpandShiftReturn")
	x.empty("w:compatSetting", "w:name", "compatibilityMode", "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15")
	x.close("w:compat")
	x.empty("w:themeFontLang", "w:val", st.look.lang, "w:eastAsia", st.look.langEA, "w:bidi", st.look.langBidi)
	x.val("w:decimalSymbol", ".")
	x.val("w:listSeparator", ",")
	x.close("w:settings")
	return x.bytes()
}

// fontTableXML lists the fonts the styles name.
func (st *wState) fontTableXML() []byte {
	x := newWXML()
	x.open("w:fonts", "xmlns:w", wNSMain)
	for _, f := range st.look.fontsUsed {
		x.empty("w:font", "w:name", f)
	}
	x.close("w:fonts")
	return x.bytes()
}

// hdrFtrXML prints header or footer slot i: the symbol in the running header from page 2,
// nothing in the first-page header (the masthead carries the symbol), the page number in the
// running footer and the job number in the first-page footer.
func (st *wState) hdrFtrXML(i int) []byte {
	p := st.doc.Present
	root, style := "w:hdr", wStyleHeader
	if wSlots[i].relType == "footer" {
		root, style = "w:ftr", wStyleFooter
	}
	x := newWXML()
	x.open(root, "xmlns:w", wNSMain, "xmlns:r", wNSRel)
	pp := wPPr{style: style, bidi: st.look.rtl}
	switch wSlots[i].key {
	case "header-default":
		pp.bidi = wHasRTL(p.HeaderText)
		st.para(x, &pp, "", model.Texts(p.HeaderText, 0))
	case "footer-default":
		pp.jc = "center"
		x.open("w:p")
		pp.write(x)
		wPageField(x)
		x.close("w:p")
	case "footer-first":
		pp.bidi = wHasRTL(p.FooterJob)
		st.para(x, &pp, "", model.Texts(p.FooterJob, 0))
	default:
		st.para(x, &pp, "", nil)
	}
	x.close(root)
	return x.bytes()
}

// wPageField prints a PAGE field as Word writes it (begin, instruction, separate, cached
// result, end), so readers that ignore fields still see a number.
func wPageField(x *wXML) {
	fld := func(typ string) {
		x.open("w:r")
		x.empty("w:fldChar", "w:fldCharType", typ)
		x.close("w:r")
	}
	fld("begin")
	x.open("w:r")
	x.textElem("w:instrText", " PAGE ", "xml:space", "preserve")
	x.close("w:r")
	fld("separate")
	x.open("w:r")
	x.textElem("w:t", "1")
	x.close("w:r")
	fld("end")
}

// footnotesXML prints word/footnotes.xml: the separator (-1) and continuation separator (0)
// Word requires, then the notes 1…n in order of reference.
func (st *wState) footnotesXML() []byte {
	x := newWXML()
	x.open("w:footnotes", "xmlns:w", wNSMain, "xmlns:r", wNSRel)
	sep := func(id, typ, elem string) {
		x.open("w:footnote", "w:type", typ, "w:id", id)
		x.open("w:p")
		pp := wPPr{spacing: &wSpacing{after: 0, line: 240}}
		pp.write(x)
		x.open("w:r")
		x.empty(elem)
		x.close("w:r")
		x.close("w:p")
		x.close("w:footnote")
	}
	sep("-1", "separator", "w:separator")
	sep("0", "continuationSeparator", "w:continuationSeparator")
	for i, note := range st.footnotes {
		x.open("w:footnote", "w:id", wItoa(i+1))
		x.open("w:p")
		pp := wPPr{style: wStyleFnText, bidi: st.look.rtl}
		pp.write(x)
		x.open("w:r")
		r := wRPr{style: wStyleFnRef}
		r.write(x)
		x.empty("w:footnoteRef")
		x.close("w:r")
		x.open("w:r")
		x.empty("w:tab")
		x.close("w:r")
		st.runs(x, note, true)
		x.close("w:p")
		x.close("w:footnote")
	}
	x.close("w:footnotes")
	return x.bytes()
}

// coreXML prints docProps/core.xml (title, language, creator, dates).
func (st *wState) coreXML(opts model.WriteOptions) []byte {
	m := st.doc.Meta
	x := newWXML()
	x.open("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/",
		"xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:dcmitype", "http://purl.org/dc/dcmitype/",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	if m.Title != "" {
		x.textElem("dc:title", m.Title)
	}
	if m.Body != "" {
		x.textElem("dc:subject", m.Body)
	}
	x.textElem("dc:creator", wGenerator(opts))
	if m.Symbol != "" {
		x.textElem("dc:identifier", m.Symbol)
	}
	x.textElem("dc:language", st.look.tag)
	if !opts.Created.IsZero() {
		ts := wZipTime(opts.Created).Format(time.RFC3339)
		x.textElem("dcterms:created", ts, "xsi:type", "dcterms:W3CDTF")
		x.textElem("dcterms:modified", ts, "xsi:type", "dcterms:W3CDTF")
	}
	x.close("cp:coreProperties")
	return x.bytes()
}

// appXML prints docProps/app.xml.
func (st *wState) appXML(opts model.WriteOptions) []byte {
	x := newWXML()
	x.open("Properties", "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
		"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")
	x.textElem("Application", wGenerator(opts))
	x.textElem("DocSecurity", "0")
	x.close("Properties")
	return x.bytes()
}
