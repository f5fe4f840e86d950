package write

import geo "github.com/scribe-un/scribe/formats/internal/geometry"

// The page in twips, from the house geometry the PDF writer shares, so a report breaks its
// lines and pages alike in Word, in LibreOffice and in scribe's PDF.
var (
	pageW      = geo.Twips(geo.PageWidth)
	pageH      = geo.Twips(geo.PageHeight)
	marginSide = geo.Twips(geo.Side)
	marginTop  = geo.Twips(geo.Top)
	marginBot  = geo.Twips(geo.Bottom)
	headerFrom = geo.Twips(geo.HeaderFrom)
	footerFrom = geo.Twips(geo.FooterFrom)
	textWidth  = geo.Twips(geo.Column) // the column, between the side margins
	textLeft   = geo.Twips(geo.Block)  // the text block's edges: body text is indented this on both sides
	textRight  = geo.Twips(geo.Block)
	step       = geo.Twips(geo.Step) // one subparagraph level, one side of a quotation
	tabStep    = geo.Twips(geo.Tab)
)

// tabGrid is the grid of tab stops from the text block's edge on which the text after a
// paragraph or subparagraph number starts (the first stop past the number), as in the PDF.
func tabGrid() []tabStop {
	out := make([]tabStop, geo.Tabs)
	for i := range out {
		out[i] = tabStop{val: "left", pos: textLeft + (i+1)*tabStep}
	}
	return out
}

// subIndent is where a subparagraph label of level ilvl (1 for (a)) starts, from the block's
// edge: one step per level, no further than a third of the line.
func subIndent(ilvl int) int {
	return min(ilvl*step, geo.Twips(geo.TextWidth/3))
}
