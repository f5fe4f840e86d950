package pdfdoc

import (
	"bytes"
	"fmt"
)

// A tagged PDF carries, beside the drawing, the logical structure of the document
// (headings, paragraphs, lists, notes) in reading order, and marks page furniture (running
// heads, page numbers, rules) as artifacts: screen readers, text reflow and accessibility
// checkers read that instead of guessing from positions. Content is tied to its element by
// marked-content sequences (BDC … EMC) numbered per page (MCID).

// StructElem identifies a structure element of a tagged document.
type StructElem int

// Root is the parent to give a top-level element: the Document element.
const Root StructElem = -1

type structElem struct {
	role   string
	parent StructElem
	kids   []structKid
}

// structKid is a child element, a marked-content sequence on a page, or an annotation.
type structKid struct {
	elem       StructElem // -1 for marked content, objr for an annotation
	page, mcid int
	annot      int // the annotation's object, for objr
}

// objr marks a structKid that refers to an annotation object.
const objr StructElem = -2

// Struct adds an element of the standard structure type role ("H1", "P", "L", "LI",
// "BlockQuote", "Note", "Table", "TR", "TD") under parent, after its existing children.
func (d *Doc) Struct(role string, parent StructElem) StructElem {
	d.elems = append(d.elems, structElem{role: role, parent: parent})
	e := StructElem(len(d.elems) - 1)
	if parent >= 0 && int(parent) < len(d.elems) {
		d.elems[parent].kids = append(d.elems[parent].kids, structKid{elem: e})
	} else {
		d.elems[e].parent = Root
		d.rootKids = append(d.rootKids, e)
	}
	return e
}

// BeginTag starts content that belongs to element e, on the current page; EndTag ends it.
// Tagged sequences do not nest. (Each line is its own sequence: readers that take an
// element's text from its sequences, as poppler does, join the text of one sequence without
// a break, and would run the last word of a line into the first of the next.)
func (d *Doc) BeginTag(e StructElem) {
	if e < 0 || int(e) >= len(d.elems) {
		d.fail(fmt.Errorf("pdfdoc: content tagged with unknown element %d", e))
		return
	}
	p := d.cur()
	p.endText()
	mcid := len(p.mcids)
	p.mcids = append(p.mcids, e)
	d.elems[e].kids = append(d.elems[e].kids, structKid{elem: -1, page: len(d.pages) - 1, mcid: mcid})
	fmt.Fprintf(&p.content, "/%s <</MCID %d>> BDC\n", d.elems[e].role, mcid)
	p.marks++
}

// EndTag ends the sequence BeginTag or BeginArtifact started. A sequence still open at the
// end of its page is ended there: marked content cannot cross pages.
func (d *Doc) EndTag() {
	d.cur().endMarks(1)
}

// endMarks ends up to n open marked-content sequences.
func (p *page) endMarks(n int) {
	p.endText()
	for ; n > 0 && p.marks > 0; n-- {
		p.content.WriteString("EMC\n")
		p.marks--
	}
}

// BeginArtifact starts page furniture (running heads, page numbers, rules), which is not
// part of the document's text; EndTag ends it.
func (d *Doc) BeginArtifact() {
	p := d.cur()
	p.endText()
	p.content.WriteString("/Artifact <</Type /Pagination>> BDC\n")
	p.marks++
}

// writeStructure writes the structure tree root at id, the Document element at id+1 and
// the elements at id+2…. An element's page (/Pg) is that of its first marked sequence, which
// its references on that page then need not repeat.
func (d *Doc) writeStructure(w *objWriter, id int) {
	docID := id + 1
	elemID := func(e StructElem) int { return id + 2 + int(e) }
	var b bytes.Buffer
	b.WriteString("<< /Type /StructTreeRoot /K ")
	fmt.Fprintf(&b, "%d 0 R /ParentTree << /Nums [", docID)
	for i, p := range d.pages {
		fmt.Fprintf(&b, " %d [", i)
		for _, e := range p.mcids {
			fmt.Fprintf(&b, " %d 0 R", elemID(e))
		}
		b.WriteString(" ]")
	}
	next := len(d.pages)
	for _, a := range d.annots {
		fmt.Fprintf(&b, " %d %d 0 R", a.key, elemID(a.elem))
		next = a.key + 1
		d.elems[a.elem].kids = append(d.elems[a.elem].kids, structKid{elem: objr, page: a.page, annot: a.id})
	}
	fmt.Fprintf(&b, " ] >> /ParentTreeNextKey %d >>", next)
	w.object(id, b.Bytes())

	b.Reset()
	fmt.Fprintf(&b, "<< /Type /StructElem /S /Document /P %d 0 R /K [", id)
	for _, e := range d.rootKids {
		fmt.Fprintf(&b, " %d 0 R", elemID(e))
	}
	b.WriteString(" ] >>")
	w.object(docID, b.Bytes())

	for i, el := range d.elems {
		b.Reset()
		parent := docID
		if el.parent >= 0 {
			parent = elemID(el.parent)
		}
		fmt.Fprintf(&b, "<< /Type /StructElem /S /%s /P %d 0 R", el.role, parent)
		pg := -1
		for _, k := range el.kids {
			if k.elem == -1 {
				pg = k.page
				fmt.Fprintf(&b, " /Pg %d 0 R", d.pages[pg].id)
				break
			}
		}
		b.WriteString(" /K [")
		for _, k := range el.kids {
			switch {
			case k.elem >= 0:
				fmt.Fprintf(&b, " %d 0 R", elemID(k.elem))
			case k.elem == objr:
				fmt.Fprintf(&b, " << /Type /OBJR /Obj %d 0 R /Pg %d 0 R >>", k.annot, d.pages[k.page].id)
			case k.page == pg:
				fmt.Fprintf(&b, " %d", k.mcid)
			default:
				fmt.Fprintf(&b, " << /Type /MCR /Pg %d 0 R /MCID %d >>", d.pages[k.page].id, k.mcid)
			}
		}
		b.WriteString(" ] >>")
		w.object(elemID(StructElem(i)), b.Bytes())
	}
}
