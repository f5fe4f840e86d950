package pdfdoc

import (
	"bytes"
	"fmt"
	"sort"
)

// Object numbers: the catalog, the page tree and the information dictionary are known from
// the start and written last; the others are numbered as they are needed: an image's when it
// is first drawn, a font's when the first page that uses it is written, then the page's, the
// rest when the document ends. Numbers depend only on what is drawn, in what order, so a
// document gives the same file whether its fonts are added up front or as pages need them.
// Pages are written as they end, so a long document never holds more than one page of
// drawing.
const (
	catalogID   = 1
	pagesID     = 2
	infoID      = 3
	firstFreeID = 4
)

// alloc returns the first of n new object numbers.
func (d *Doc) alloc(n int) int { return d.w.alloc(n) }

// writePage ends the current page and writes its object, its content and its links.
func (d *Doc) writePage() {
	p := d.page
	p.endMarks(p.marks)
	i := len(d.pages) - 1
	used := sortedKeys(p.used)
	for _, f := range used {
		if d.fontIDs[f] == 0 {
			d.fontIDs[f] = d.alloc(fontObjects)
		}
	}
	id := d.alloc(2 + len(p.links)) // page, content, then one per link
	d.pages[i] = pageDone{id: id, mcids: p.mcids}
	w := d.w
	var pd bytes.Buffer
	fmt.Fprintf(&pd, "<< /Type /Page /Parent %d 0 R /Contents %d 0 R /Resources << /Font <<", pagesID, id+1)
	for _, f := range used {
		fmt.Fprintf(&pd, " /F%d %d 0 R", f, d.fontIDs[f])
	}
	pd.WriteString(" >>")
	if len(p.images) > 0 {
		pd.WriteString(" /XObject <<")
		for _, k := range sortedKeys(p.images) {
			fmt.Fprintf(&pd, " /Im%d %d 0 R", k, d.imageIDs[k])
		}
		pd.WriteString(" >>")
	}
	pd.WriteString(" >>")
	if d.tagged() {
		// Tab order follows the structure; the parent tree entry is the page's index.
		fmt.Fprintf(&pd, " /StructParents %d /Tabs /S", i)
	}
	if len(p.links) > 0 {
		pd.WriteString(" /Annots [")
		for k := range p.links {
			fmt.Fprintf(&pd, " %d 0 R", id+2+k)
		}
		pd.WriteString(" ]")
	}
	pd.WriteString(" >>")
	w.object(id, pd.Bytes())
	if err := w.stream(id+1, "", p.content.Bytes()); err != nil {
		d.fail(err)
	}
	for k, l := range p.links {
		// PDF/A: printed (F 4); PDF/UA: a description (Contents) and the Link element
		// (StructParent).
		parent := ""
		if l.elem >= 0 {
			key := annotKeyBase + len(d.annots)
			d.annots = append(d.annots, annotDone{elem: l.elem, id: id + 2 + k, page: i, key: key})
			parent = fmt.Sprintf(" /StructParent %d", key)
		}
		w.object(id+2+k, fmt.Appendf(nil, "<< /Type /Annot /Subtype /Link /F 4 /Rect [%s %s %s %s] /Border [0 0 0] /Contents %s%s /A << /S /URI /URI %s >> >>",
			num(l.rect[0]), num(l.rect[1]), num(l.rect[2]), num(l.rect[3]), pdfString(l.uri), parent, pdfASCII(uriASCII(l.uri))))
	}
}

func sortedKeys(m map[int]bool) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

// tagged reports whether the document has a structure tree to write.
func (d *Doc) tagged() bool { return len(d.elems) > 0 }

// Bytes ends the last page, writes what needs the whole document (fonts, images, the
// outline, the structure tree, the catalog) and returns the file. The document cannot be
// drawn on afterwards.
func (d *Doc) Bytes() ([]byte, error) {
	if d.err != nil {
		return nil, d.err
	}
	if d.page == nil {
		return nil, errNoPages
	}
	d.writePage()
	d.page = nil
	if d.err != nil {
		return nil, d.err
	}
	if err := d.writeFonts(); err != nil {
		return nil, err
	}
	d.writeImages()
	outlineID := 0
	if len(d.marks) > 0 {
		outlineID = d.alloc(1 + len(d.marks))
		d.outline(d.w, outlineID)
	}
	structID := 0
	if d.tagged() {
		structID = d.alloc(2 + len(d.elems)) // root, Document, elements
		d.writeStructure(d.w, structID)
	}
	metadataID := d.alloc(1)
	d.w.rawStream(metadataID, " /Type /Metadata /Subtype /XML", d.xmp())
	// PDF/A: the colour space the file paints in, as an output intent.
	profileID := d.alloc(1)
	if err := d.w.stream(profileID, " /N 3", srgbProfile); err != nil {
		return nil, err
	}
	d.writeCatalog(outlineID, structID, metadataID, profileID)
	return d.w.finish(catalogID, infoID)
}

// writeFonts writes every font and the encoding they share.
func (d *Doc) writeFonts() error {
	if len(d.fonts) == 0 {
		return nil
	}
	for i := range d.fonts {
		if d.fontIDs[i] == 0 { // added, never drawn
			d.fontIDs[i] = d.alloc(fontObjects)
		}
	}
	cmapID := d.alloc(1)
	ordinals := 0
	for i, f := range d.fonts {
		gidMap := 0
		if !f.identity() {
			gidMap = d.alloc(1)
		}
		if err := d.w.font(d.fontIDs[i], cmapID, gidMap, f); err != nil {
			return err
		}
		ordinals = max(ordinals, len(f.glyphs))
	}
	return d.w.stream(cmapID, cmapDict, cmapOneTwo(ordinals))
}

// writeImages writes every image drawn, with its soft mask.
func (d *Doc) writeImages() {
	for i, img := range d.images {
		id := d.imageIDs[i]
		smask := ""
		if img.Alpha != nil {
			smask = fmt.Sprintf(" /SMask %d 0 R", id+1)
			d.w.rawStream(id+1, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
				img.Width, img.Height), img.Alpha)
		} else {
			d.w.object(id+1, []byte("null"))
		}
		d.w.rawStream(id, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode%s",
			img.Width, img.Height, smask), img.RGB)
	}
}

// writeCatalog writes the catalog, the page tree and the information dictionary.
func (d *Doc) writeCatalog(outlineID, structID, metadataID, profileID int) {
	var cat bytes.Buffer
	fmt.Fprintf(&cat, "<< /Type /Catalog /Pages %d 0 R", pagesID)
	if outlineID != 0 {
		fmt.Fprintf(&cat, " /Outlines %d 0 R /PageMode /UseOutlines", outlineID)
	}
	if d.info.Lang != "" {
		cat.WriteString(" /Lang ")
		cat.WriteString(pdfString(d.info.Lang))
	}
	if structID != 0 {
		fmt.Fprintf(&cat, " /MarkInfo << /Marked true >> /StructTreeRoot %d 0 R", structID)
	}
	fmt.Fprintf(&cat, " /Metadata %d 0 R", metadataID)
	fmt.Fprintf(&cat, " /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /DestOutputProfile %d 0 R >>]", profileID)
	cat.WriteString(" /ViewerPreferences << /DisplayDocTitle true >> >>")
	d.w.object(catalogID, cat.Bytes())

	var kids bytes.Buffer
	for i, p := range d.pages {
		if i > 0 {
			kids.WriteByte(' ')
		}
		fmt.Fprintf(&kids, "%d 0 R", p.id)
	}
	d.w.object(pagesID, fmt.Appendf(nil, "<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 %s %s] >>",
		kids.String(), len(d.pages), num(d.x(d.opts.PageWidth)), num(d.opts.PageHeight*ptPerMM)))
	d.w.object(infoID, d.infoDict())
}
