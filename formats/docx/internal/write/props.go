package write

import geo "github.com/scribe-un/scribe/formats/internal/geometry"

// Paragraph and run properties. Word rejects a file whose w:pPr or w:rPr children are out of
// schema order (LibreOffice silently accepts it), so each struct has exactly one write method
// that emits the children in the order of ECMA-376 Part 1 CT_PPrBase (§17.3.1.26) and
// EG_RPrBase (§17.3.2.28); writer_order_test.go checks every part against those tables.

// spacingProps is w:spacing in twips. line is the distance between baselines in twips when
// exact (the house style's 12 points), else in 240ths of a line (lineRule auto).
// lineOnly states the line alone and lets before and after come from the style.
type spacingProps struct {
	before, after, line int
	exact               bool
	lineOnly            bool
}

// exactly returns spacing of before and after points around lines lead points apart.
func exactly(before, after, lead float64) *spacingProps {
	return &spacingProps{before: geo.PtTwips(before), after: geo.PtTwips(after), line: geo.PtTwips(lead), exact: true}
}

// indentation is w:ind in twips. For a bidi paragraph, left and right are the start and end
// edges. hanging pulls the first line out, firstLine pushes it in; at most one is set.
type indentation struct {
	left, right, hanging, firstLine int
}

// tabStop is one tab stop.
type tabStop struct {
	val string // left, center, right, num
	pos int
}

// paraProps is the subset of paragraph properties the writer uses.
type paraProps struct {
	style     string
	keepNext  bool
	keepLines bool
	// widowControl keeps two lines of a paragraph together at a page's foot and head.
	widowControl bool
	// numbering: hasNum writes numPr; numID 0 removes numbering inherited from the style.
	hasNum      bool
	numID, ilvl int
	borderBelow int // eighths of a point; 0 = none
	tabs        []tabStop
	// noHyphens turns hyphenation off for the paragraph (mastheads, titles).
	noHyphens bool
	// noAutoSpace turns off the space word processors add between Chinese and Latin text
	// or digits, which the PDF does not add either.
	noAutoSpace bool
	bidi        bool
	spacing     *spacingProps
	ind         *indentation
	jc          string
	outline     int // outline level + 1; 0 = none
	rPr         *runProps
}

func (p *paraProps) empty() bool {
	return p.style == "" && !p.keepNext && !p.keepLines && !p.widowControl && !p.hasNum && p.borderBelow == 0 &&
		len(p.tabs) == 0 && !p.noHyphens && !p.noAutoSpace && !p.bidi && p.spacing == nil && p.ind == nil && p.jc == "" &&
		p.outline == 0 && p.rPr == nil
}

// write prints <w:pPr> in CT_PPr order: pStyle, keepNext, keepLines, widowControl, numPr,
// pBdr, tabs, suppressAutoHyphens, autoSpaceDE, autoSpaceDN, bidi, spacing, ind, jc,
// outlineLvl, rPr.
func (p *paraProps) write(x *xmlWriter) {
	if p.empty() {
		return
	}
	x.open("w:pPr")
	if p.style != "" {
		x.val("w:pStyle", p.style)
	}
	if p.keepNext {
		x.empty("w:keepNext")
	}
	if p.keepLines {
		x.empty("w:keepLines")
	}
	if p.widowControl {
		x.empty("w:widowControl")
	}
	if p.hasNum {
		x.open("w:numPr")
		x.ival("w:ilvl", p.ilvl)
		x.ival("w:numId", p.numID)
		x.close("w:numPr")
	}
	if p.borderBelow > 0 {
		x.open("w:pBdr")
		x.empty("w:bottom", "w:val", "single", "w:sz", itoa(p.borderBelow), "w:space", "1", "w:color", "auto")
		x.close("w:pBdr")
	}
	if len(p.tabs) > 0 {
		x.open("w:tabs")
		for _, t := range p.tabs {
			x.empty("w:tab", "w:val", t.val, "w:pos", itoa(t.pos))
		}
		x.close("w:tabs")
	}
	if p.noHyphens {
		x.empty("w:suppressAutoHyphens")
	}
	if p.noAutoSpace {
		x.empty("w:autoSpaceDE", "w:val", "0")
		x.empty("w:autoSpaceDN", "w:val", "0")
	}
	if p.bidi {
		x.empty("w:bidi")
	}
	if s := p.spacing; s != nil {
		rule := "auto"
		if s.exact {
			rule = "exact"
		}
		if s.lineOnly {
			x.empty("w:spacing", "w:line", itoa(s.line), "w:lineRule", rule)
		} else {
			x.empty("w:spacing", "w:before", itoa(s.before), "w:after", itoa(s.after),
				"w:line", itoa(s.line), "w:lineRule", rule)
		}
	}
	if in := p.ind; in != nil {
		kv := []string{"w:left", itoa(in.left), "w:right", itoa(in.right)}
		if in.hanging > 0 {
			kv = append(kv, "w:hanging", itoa(in.hanging))
		} else {
			kv = append(kv, "w:firstLine", itoa(in.firstLine))
		}
		x.empty("w:ind", kv...)
	}
	if p.jc != "" {
		x.val("w:jc", p.jc)
	}
	if p.outline > 0 {
		x.ival("w:outlineLvl", p.outline-1)
	}
	if p.rPr != nil {
		p.rPr.write(x)
	}
	x.close("w:pPr")
}

// runFonts is w:rFonts with all four slots.
type runFonts struct {
	ascii, hAnsi, eastAsia, cs string
}

// runLang is w:lang with the three language slots.
type runLang struct {
	val, eastAsia, bidi string
}

// runProps is the subset of run properties the writer uses. Bold and italic always set their
// complex-script twins (bCs, iCs) so Arabic runs get the same emphasis.
type runProps struct {
	style     string
	fonts     *runFonts
	b, i      bool
	noProof   bool
	color     string
	sz, szCs  int // half-points; 0 = inherit
	underline string
	vertAlign string
	rtl       bool
	lang      *runLang
}

func (r *runProps) empty() bool {
	return r.style == "" && r.fonts == nil && !r.b && !r.i && !r.noProof && r.color == "" &&
		r.sz == 0 && r.szCs == 0 && r.underline == "" && r.vertAlign == "" && !r.rtl && r.lang == nil
}

// write prints <w:rPr> in EG_RPrBase order: rStyle, rFonts, b, bCs, i, iCs, noProof, color,
// sz, szCs, u, vertAlign, rtl, lang.
func (r *runProps) write(x *xmlWriter) {
	if r.empty() {
		return
	}
	x.open("w:rPr")
	if r.style != "" {
		x.val("w:rStyle", r.style)
	}
	if f := r.fonts; f != nil {
		x.empty("w:rFonts", "w:ascii", f.ascii, "w:hAnsi", f.hAnsi, "w:eastAsia", f.eastAsia, "w:cs", f.cs)
	}
	if r.b {
		x.empty("w:b")
		x.empty("w:bCs")
	}
	if r.i {
		x.empty("w:i")
		x.empty("w:iCs")
	}
	if r.noProof {
		x.empty("w:noProof")
	}
	if r.color != "" {
		x.val("w:color", r.color)
	}
	if r.sz > 0 {
		x.ival("w:sz", r.sz)
	}
	if r.szCs > 0 {
		x.ival("w:szCs", r.szCs)
	}
	if r.underline != "" {
		x.val("w:u", r.underline)
	}
	if r.vertAlign != "" {
		x.val("w:vertAlign", r.vertAlign)
	}
	if r.rtl {
		x.empty("w:rtl")
	}
	if l := r.lang; l != nil {
		x.empty("w:lang", "w:val", l.val, "w:eastAsia", l.eastAsia, "w:bidi", l.bidi)
	}
	x.close("w:rPr")
}
