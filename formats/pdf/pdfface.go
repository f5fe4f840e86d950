package pdf

import (
	"github.com/scribe-un/scribe/formats/pdf/internal/pdfdoc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// pdfFace gives the PDF serializer a face's glyphs, advances and subsets (pdfdoc.Face).
type pdfFace struct{ f *face }

// Glyph returns the glyph of r in the face.
func (p pdfFace) Glyph(r rune) (uint16, bool) {
	g, ok := p.f.cmap.Lookup(r)
	if !ok || int(g) >= p.f.sf.numGlyphs {
		return 0, false
	}
	return uint16(g), true
}

// Advance returns the advance of glyph g in font units.
func (p pdfFace) Advance(g uint16) int {
	return p.f.sf.advance(int(g))
}

// Subset cuts the face down to glyphs, in that order.
func (p pdfFace) Subset(glyphs []uint16, chars map[rune]uint16) ([]byte, error) {
	b, err := p.f.sf.subset(glyphs, chars)
	if err != nil {
		return nil, model.Errorf("pdf", model.Pos{File: p.f.name}, model.ErrFont, "font %s: %v", p.f.name, err)
	}
	return b, nil
}

var _ pdfdoc.Face = pdfFace{}
