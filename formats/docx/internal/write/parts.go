package write

import (
	"bytes"
	"io"
	"strings"
	"time"

	"github.com/scribe-un/scribe/formats/docx/internal/opc"
	geo "github.com/scribe-un/scribe/formats/internal/geometry"
	"github.com/scribe-un/scribe/pipeline/model"
)

// zipPart is one file of the package.
type zipPart struct {
	name        string // zip path, no leading slash
	contentType string // for an Override in [Content_Types].xml; "" when a Default covers it
	data        []byte
	// deflated, when set, is the part already compressed (data is then nil).
	deflated *streamingPart
	// shared marks a part whose bytes come only from the locale, the options and the
	// reference document, never from the document's text, so it recurs across documents
	// and its compressed form is worth keeping (see deflateCache).
	shared bool
}

// Content types of the parts the writer produces.
const (
	ctMain      = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles    = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctNumbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
	ctSettings  = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctFontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
	ctHeader    = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	ctFooter    = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	ctFootnotes = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
	ctCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp       = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	ctRels      = "application/vnd.openxmlformats-package.relationships+xml"

	rtBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	rtCore = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)

// hdrFtrSlot is a header or footer slot of the section, in the fixed part order: kind is
// its w:type (default is odd pages, as settings say evenAndOddHeaders).
type hdrFtrSlot struct {
	key, kind, part, relID, relType, ct string
}

var slots = [...]hdrFtrSlot{
	{"header-default", "default", "word/header1.xml", relHeader1, "header", ctHeader},
	{"header-first", "first", "word/header2.xml", relHeader2, "header", ctHeader},
	{"header-even", "even", "word/header3.xml", relHeader3, "header", ctHeader},
	{"footer-default", "default", "word/footer1.xml", relFooter1, "footer", ctFooter},
	{"footer-first", "first", "word/footer2.xml", relFooter2, "footer", ctFooter},
	{"footer-even", "even", "word/footer3.xml", relFooter3, "footer", ctFooter},
}

// Pictures: the job number's barcode (in the first-page footer) and the emblem (in the
// masthead), as PNG media parts.
const (
	barcodePart = "word/media/barcode.png"
	emblemPart  = "word/media/emblem.png"
	relBarcode  = "rId1" // in word/_rels/footer2.xml.rels
)

// parts assembles the package in its fixed order.
func (st *docState) parts(body, rels *streamingPart, opts model.WriteOptions) []zipPart {
	ps := []zipPart{
		{name: "word/document.xml", contentType: ctMain, deflated: body},
		{name: "word/styles.xml", contentType: ctStyles, data: st.stylesPart(), shared: true},
		{name: "word/numbering.xml", contentType: ctNumbering, data: st.num.numberingXML(), shared: true},
		{name: "word/settings.xml", contentType: ctSettings, data: st.settingsPart(), shared: true},
		{name: "word/fontTable.xml", contentType: ctFontTable, data: st.fontTableXML(), shared: true},
	}
	var extra []zipPart
	for i, s := range slots {
		if st.ref != nil {
			if rp, ok := st.ref.slots[s.key]; ok {
				ps = append(ps, zipPart{name: s.part, contentType: s.ct, data: rp.data, shared: true})
				if rp.rels != nil {
					extra = append(extra, zipPart{name: opc.RelsName(s.part), data: rp.rels, shared: true})
				}
				continue
			}
		}
		// The first-page header is empty and the page numbers are fields: the same bytes in
		// every document of a language.
		shared := s.key == "header-first" || s.key == "footer-default" || s.key == "footer-even"
		ps = append(ps, zipPart{name: s.part, contentType: s.ct, data: st.hdrFtrXML(i), shared: shared})
		if s.key == "footer-first" && st.barcode != nil {
			extra = append(extra, zipPart{name: opc.RelsName(s.part), data: imageRelsXML(relBarcode, "media/barcode.png")},
				zipPart{name: barcodePart, data: st.barcode})
		}
	}
	if st.emblem != nil {
		extra = append(extra, zipPart{name: emblemPart, data: st.emblem.png, shared: true})
	}
	if len(st.footnotes) > 0 {
		ps = append(ps, zipPart{name: "word/footnotes.xml", contentType: ctFootnotes, data: st.footnotesXML()})
	}
	if st.ref != nil {
		extra = append(extra, st.ref.media...)
	}
	ps = append(ps, zipPart{name: "docProps/core.xml", contentType: ctCore, data: st.coreXML(opts)})
	ps = append(ps, zipPart{name: "docProps/app.xml", contentType: ctApp, data: st.appXML(opts), shared: true})
	ps = append(ps, extra...)
	docRels := zipPart{name: "word/_rels/document.xml.rels", deflated: rels}
	if rels == nil {
		// Without hyperlinks (whose targets come from the text) the part recurs.
		docRels = zipPart{name: docRels.name, data: st.documentRelsXML(), shared: true}
	}
	head := []zipPart{
		{name: "[Content_Types].xml", data: st.contentTypesXML(ps), shared: true},
		{name: "_rels/.rels", data: packageRelsXML(), shared: true},
		docRels,
	}
	return append(head, ps...)
}

// contentTypesXML prints [Content_Types].xml: Defaults for rels, xml and copied media, then
// an Override per part, in part order.
func (st *docState) contentTypesXML(ps []zipPart) []byte {
	x := newXMLWriter()
	x.open("Types", "xmlns", nsCT)
	x.empty("Default", "Extension", "rels", "ContentType", ctRels)
	x.empty("Default", "Extension", "xml", "ContentType", "application/xml")
	png := st.barcode != nil || st.emblem != nil
	if st.ref != nil {
		for _, d := range st.ref.defaults {
			x.empty("Default", "Extension", d[0], "ContentType", d[1])
			png = png && d[0] != "png"
		}
	}
	if png {
		x.empty("Default", "Extension", "png", "ContentType", "image/png")
	}
	for _, p := range ps {
		if p.contentType != "" {
			x.empty("Override", "PartName", "/"+p.name, "ContentType", p.contentType)
		}
	}
	x.close("Types")
	return x.bytes()
}

// packageRelsXML prints _rels/.rels.
func packageRelsXML() []byte {
	x := newXMLWriter()
	x.open("Relationships", "xmlns", nsPkgRel)
	x.empty("Relationship", "Id", "rId1", "Type", rtBase+"officeDocument", "Target", "word/document.xml")
	x.empty("Relationship", "Id", "rId2", "Type", rtCore, "Target", "docProps/core.xml")
	x.empty("Relationship", "Id", "rId3", "Type", rtBase+"extended-properties", "Target", "docProps/app.xml")
	x.close("Relationships")
	return x.bytes()
}

// documentRelsXML prints word/_rels/document.xml.rels with the fixed ids, then hyperlinks.
func (st *docState) documentRelsXML() []byte {
	var b bytes.Buffer
	_ = st.documentRels(&b) // writes to a bytes.Buffer cannot fail
	return b.Bytes()
}

// documentRels prints word/_rels/document.xml.rels to out. A long document has a hyperlink
// relationship for every link it prints (2.2 MB of XML for 12 MB of notes), so the part is
// passed on as it is printed, like word/document.xml.
func (st *docState) documentRels(out io.Writer) error {
	x := newXMLWriter()
	x.open("Relationships", "xmlns", nsPkgRel)
	rel := func(id, typ, target string) {
		x.empty("Relationship", "Id", id, "Type", rtBase+typ, "Target", target)
	}
	rel(relStyles, "styles", "styles.xml")
	rel(relNumbering, "numbering", "numbering.xml")
	rel(relSettings, "settings", "settings.xml")
	rel(relFontTable, "fontTable", "fontTable.xml")
	for _, s := range slots[:] {
		rel(s.relID, s.relType, strings.TrimPrefix(s.part, "word/"))
	}
	if len(st.footnotes) > 0 {
		rel(relFootnotes, "footnotes", "footnotes.xml")
	}
	if st.emblem != nil {
		rel(relEmblem, "image", "media/emblem.png")
	}
	for i, target := range st.links {
		x.empty("Relationship", "Id", "rId"+itoa(relFirstLink+i), "Type", rtBase+"hyperlink",
			"Target", target, "TargetMode", "External")
		if x.b.Len() >= spillBytes {
			if err := x.flushTo(out); err != nil {
				return err
			}
		}
	}
	x.close("Relationships")
	return x.flushTo(out)
}

// stylesPart is the writer's styles, or the reference document's with the writer's missing
// styles added.
func (st *docState) stylesPart() []byte {
	if st.ref != nil {
		return st.ref.mergedStyles(st)
	}
	return st.stylesXML()
}

// settingsPart is the writer's settings, or the reference document's (cleaned).
func (st *docState) settingsPart() []byte {
	if st.ref != nil && st.ref.settings != nil {
		return st.ref.settings
	}
	return st.settingsXML()
}

// settingsXML prints word/settings.xml in CT_Settings order.
func (st *docState) settingsXML() []byte {
	x := newXMLWriter()
	x.open("w:settings", "xmlns:w", nsMain)
	x.empty("w:zoom", "w:percent", "100")
	x.ival("w:defaultTabStop", tabStep)
	// Hyphenated like the PDF (which never breaks words in capitals), in the text's
	// language; odd and even pages carry their running heads at their outer edges.
	x.empty("w:autoHyphenation")
	x.empty("w:doNotHyphenateCaps")
	x.empty("w:evenAndOddHeaders")
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
func (st *docState) fontTableXML() []byte {
	x := newXMLWriter()
	x.open("w:fonts", "xmlns:w", nsMain)
	for _, f := range st.look.fontsUsed {
		x.empty("w:font", "w:name", f)
	}
	x.close("w:fonts")
	return x.bytes()
}

// hdrFtrXML prints header or footer slot i: from page 2 the symbol over a rule in the
// running head and the page number, at the outer edge (right on odd pages, left on even
// ones, mirrored in a right-to-left document); an empty first-page header (the masthead
// carries the symbol) and the first page's foot (the job number, its barcode, "Please
// recycle").
func (st *docState) hdrFtrXML(i int) []byte {
	p := st.doc.Present
	s := slots[i]
	root := "w:hdr"
	if s.relType == "footer" {
		root = "w:ftr"
	}
	x := newXMLWriter()
	x.open(root, "xmlns:w", nsMain, "xmlns:r", nsRel)
	// outer aligns a paragraph of direction rtl at the page's outer edge. jc is logical in a
	// bidi paragraph ("left" is its start, the right edge) and physical otherwise.
	outer := func(pp *paraProps, rtl bool) {
		right := (s.kind == "default") != st.look.rtl // odd pages' outer edge is on the right
		pp.bidi = rtl
		if right != rtl {
			pp.jc = "right"
		} else {
			pp.jc = "left"
		}
	}
	switch {
	case s.kind == "first" && s.relType == "footer":
		st.firstFoot(x)
	case s.kind == "first":
		st.para(x, &paraProps{}, "", nil)
	case s.relType == "header":
		pp := paraProps{style: styleHeader}
		outer(&pp, hasRTL(p.HeaderText))
		st.para(x, &pp, "", model.Texts(p.HeaderText, 0))
	default:
		pp := paraProps{style: styleFooter}
		outer(&pp, false)
		x.open("w:p")
		pp.write(x)
		pageField(x)
		x.close("w:p")
	}
	x.close(root)
	return x.bytes()
}

// firstFoot prints the first page's foot as a borderless row of three cells, mirrored in a
// right-to-left document: the job number at the start edge, its barcode from BarcodeAt,
// "Please recycle" at the end edge. (A line with tab stops would come apart in LibreOffice
// once right-to-left text is on it.)
func (st *docState) firstFoot(x *xmlWriter) {
	p := st.doc.Present
	small := runProps{sz: geo.HalfPoints(geo.JobSize), szCs: geo.HalfPoints(geo.JobSize) + st.look.sizeCS - st.look.size}
	jobW := geo.Twips(geo.BarcodeAt)
	codeW := geo.Twips(geo.BarcodeWide + 5)
	widths := []int{jobW, codeW, textWidth - jobW - codeW}
	st.layoutTable(x, "", widths)
	x.open("w:tr")
	cell := func(w int, body func()) {
		x.open("w:tc")
		x.open("w:tcPr")
		x.empty("w:tcW", "w:w", itoa(w), "w:type", "dxa")
		x.val("w:vAlign", "bottom")
		x.close("w:tcPr")
		body()
		x.close("w:tc")
	}
	text := func(s string, end bool) func() {
		return func() {
			r := small
			r.rtl = hasRTL(s)
			pp := paraProps{bidi: r.rtl, noHyphens: true}
			if end {
				// The end edge is on the right, or on the left in a mirrored foot; jc is
				// logical in a bidi paragraph.
				pp.jc = "right"
				if st.look.rtl != r.rtl {
					pp.jc = "left"
				}
			}
			x.open("w:p")
			pp.write(x)
			st.textRun(x, r, s)
			x.close("w:p")
		}
	}
	cell(widths[0], text(p.FooterJob, false))
	cell(widths[1], func() {
		pp := paraProps{spacing: &spacingProps{line: 240}}
		x.open("w:p")
		pp.write(x)
		if st.barcode != nil {
			x.open("w:r")
			inlinePicture(x, picture{rel: relBarcode, id: 1, name: "barcode.png", descr: "Barcode of job number " + p.FooterJob,
				w: st.barcodeWidth, h: geo.BarcodeTall})
			x.close("w:r")
		}
		x.close("w:p")
	})
	cell(widths[2], text(p.Recycle, true))
	x.close("w:tr")
	x.close("w:tbl")
	// A part ends with a paragraph; this one takes a single point.
	end := paraProps{spacing: &spacingProps{line: 20, exact: true}}
	st.para(x, &end, "", nil)
}

// pageField prints a PAGE field as Word writes it (begin, instruction, separate, cached
// result, end), so readers that ignore fields still see a number.
func pageField(x *xmlWriter) {
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
func (st *docState) footnotesXML() []byte {
	x := newXMLWriter()
	x.open("w:footnotes", "xmlns:w", nsMain, "xmlns:r", nsRel)
	sep := func(id, typ, elem string) {
		x.open("w:footnote", "w:type", typ, "w:id", id)
		x.open("w:p")
		pp := paraProps{spacing: &spacingProps{after: 0, line: 240}}
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
		x.open("w:footnote", "w:id", itoa(i+1))
		x.open("w:p")
		pp := paraProps{style: styleFnText, bidi: st.look.rtl}
		pp.write(x)
		x.open("w:r")
		r := runProps{style: styleFnRef}
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
func (st *docState) coreXML(opts model.WriteOptions) []byte {
	m := st.doc.Meta
	x := newXMLWriter()
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
	x.textElem("dc:creator", generator(opts))
	if m.Symbol != "" {
		x.textElem("dc:identifier", m.Symbol)
	}
	x.textElem("dc:language", st.look.tag)
	if !opts.Created.IsZero() {
		ts := zipTime(opts.Created).Format(time.RFC3339)
		x.textElem("dcterms:created", ts, "xsi:type", "dcterms:W3CDTF")
		x.textElem("dcterms:modified", ts, "xsi:type", "dcterms:W3CDTF")
	}
	x.close("cp:coreProperties")
	return x.bytes()
}

// appXML prints docProps/app.xml.
func (st *docState) appXML(opts model.WriteOptions) []byte {
	x := newXMLWriter()
	x.open("Properties", "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
		"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")
	x.textElem("Application", generator(opts))
	x.textElem("DocSecurity", "0")
	x.close("Properties")
	return x.bytes()
}
