// Package geometry is the page of a UN document as scribe sets it, in one place for every
// writer: A4, the margins, the text block and its indents, the tab grid that places the
// text after a paragraph number, type sizes and leading, the space around paragraphs and
// headings, the masthead's rows and rules, the running head and the page number. The DOCX
// and the PDF writer both take their numbers from here, so a report breaks its lines and
// pages alike in Word (or LibreOffice) and in scribe's own PDF.
//
// Lengths are millimetres, measured from the page's top and from the column's start edge
// (the left margin, or the right one in a right-to-left document); type sizes and leading
// are points. Twips and EighthPoints convert for WordprocessingML.
package geometry

// The page: A4.
const (
	PageWidth  = 210.0
	PageHeight = 297.0
)

// Margins. The body of every page (the masthead on the first) starts at Top and ends at
// PageHeight-Bottom; the running head and the page number sit in the margins.
const (
	Side   = 20.0 // left and right
	Top    = 25.0
	Bottom = 25.0
	// Column is the width between the side margins: the masthead, the running head's rule
	// and the heading numbers use all of it.
	Column = PageWidth - 2*Side
	// HeaderFrom is the top of the running head, FooterFrom the distance of the page
	// number's line from the page's bottom edge (WordprocessingML's w:header, w:footer).
	HeaderFrom = 12.7
	FooterFrom = 12.7
)

// The text block: body text is indented Block from the column on both sides (the UN's
// SingleTxt), and heading numbers hang in that indent.
const (
	Block = 12.7
	// TextWidth is the width of a line of body text.
	TextWidth = Column - 2*Block
	// Step indents a subparagraph's label, per level, and a quotation on both sides. Only
	// the label's line is indented: a subparagraph's later lines come back to the block's
	// edge, as a numbered paragraph's do and as the UN template's SingleTxt sets them (a
	// tab before and after "(a)", no hanging indent), so the text block keeps one straight
	// start edge.
	Step = 12.7
	// Tab is the grid of tab stops from the column's start edge on which the text after a
	// paragraph or subparagraph label starts: the first stop past the label's end.
	Tab = 6.35
	// Tabs is how many stops of the grid a paragraph style states, from the block's edge.
	Tabs = 12
)

// NextTab returns the first stop of the tab grid beyond x that is at least from (the block
// edge for body text), so text after a label "1." starts at the same place in every
// format.
func NextTab(x, from float64) float64 {
	for t := from + Tab; ; t += Tab {
		if t > x+0.01 {
			return t
		}
	}
}

// Body text: 10 on 12 points, 6 points after each paragraph, justified and hyphenated.
const (
	BodySize  = 10.0
	Leading   = 12.0
	ParaAfter = 6.0
	NoteSize  = 8.0 // footnotes: 8 on 9.5
	NoteLead  = 9.5
	// NoteMark is the size of a footnote indicator in body text.
	NoteMark = 6.5
	// Widow and Orphan are the fewest lines of a paragraph left alone at the top or
	// bottom of a page.
	Widow  = 2
	Orphan = 2
)

// Heading is the look of one heading level.
type Heading struct {
	Size, Leading, Before, After float64
	Bold, Italic                 bool
}

// Headings by level: chapters (I.) 14-point bold, first-degree subheadings (A.) 12-point
// bold, second-degree (1.) 10-point bold, deeper ones 10-point italic, as the UN Editorial
// Manual has them.
var headings = [4]Heading{
	{Size: 14, Leading: 16, Before: 12, After: 12, Bold: true},
	{Size: 12, Leading: 14, Before: 12, After: 6, Bold: true},
	{Size: 10, Leading: 12, Before: 6, After: 6, Bold: true},
	{Size: 10, Leading: 12, Before: 6, After: 6, Italic: true},
}

// HeadingLevel returns the look of heading level (1 for chapters).
func HeadingLevel(level int) Heading {
	return headings[min(max(level, 1), len(headings))-1]
}

// The first page under the masthead: the session and agenda-item lines at the column's
// edge, then the title and subtitle in bold at the block's edge, then the sentence saying
// where and when the meeting was held.
var (
	Title    = Heading{Size: 14, Leading: 16, Before: 18, After: 6, Bold: true}
	Subtitle = Heading{Size: 12, Leading: 14, Before: 0, After: 6, Bold: true}
)

// TitleBlockAfter is the space after the title-block sentence, before the first paragraph.
const TitleBlockAfter = 12.0

// The masthead: a band with "United Nations", the emblem and the organ at the start edge and
// the symbol at the end edge, ruled below; then the distribution column, ruled below.
const (
	UNSize      = 10.0 // "United Nations"
	UNWidth     = 28.0 // its cell
	EmblemWidth = 16.0 // the emblem's cell, when there is one
	EmblemSize  = 13.0 // the emblem's height
	OrganSize   = 17.0
	OrganLead   = 20.0
	SymbolSize  = 17.0
	// SymbolWidth is the symbol's cell at the end edge, and the distribution column under
	// it; the organ has the rest of the band.
	SymbolWidth = 61.0
	// CellGap is kept free at the end of the band's cells before the symbol's (United
	// Nations, the emblem, the organ), mm: their text wraps CellGap short of the next
	// cell, in the PDF and in the DOCX alike.
	CellGap = 2.0
	// BandRule and ColumnRule are the rules under the band and under the distribution
	// column, in points.
	BandRule   = 1.5
	ColumnRule = 0.75
	// Pad is the space between a rule and the text above or below it, in points.
	Pad = 3.0
	// DistrFrom is where the distribution column starts, from the column's start edge.
	DistrFrom = Column - SymbolWidth
	// SessionAfter is the space under the masthead before the session lines.
	SessionBefore = 6.0
)

// Page furniture: the running head (the symbol, bold, at the outer edge over a rule) and
// the page number (bold, at the outer edge); on the first page the job number with its
// barcode at the start edge and "Please recycle" at the end edge.
const (
	HeadSize    = 9.0
	HeadLead    = 11.0
	HeadRule    = 0.5 // points
	FolioSize   = 9.0
	FolioLead   = 11.0
	JobSize     = 8.0
	BarcodeAt   = 25.0 // mm from the column's start edge
	BarcodeTall = 6.0  // mm
	BarcodeWide = 30.0 // mm, at most
	// BarcodeModule is the width of the barcode's narrowest bar, mm (less when the job
	// number is long).
	BarcodeModule = 0.25
)

// Twips converts millimetres to twentieths of a point (WordprocessingML lengths).
func Twips(mm float64) int { return int(mm*1440/25.4 + 0.5) }

// PtTwips converts points to twips.
func PtTwips(pt float64) int { return int(pt*20 + 0.5) }

// HalfPoints converts a type size in points to WordprocessingML's half-points.
func HalfPoints(pt float64) int { return int(pt*2 + 0.5) }

// EighthPoints converts a rule's thickness in points to eighths of a point (w:sz of borders).
func EighthPoints(pt float64) int { return int(pt*8 + 0.5) }

// MM converts points to millimetres.
func MM(pt float64) float64 { return pt * 25.4 / 72 }
