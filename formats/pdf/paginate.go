package pdf

import geo "github.com/scribe-un/scribe/formats/internal/geometry"

// placed is a line at a vertical position (the top of the line, mm from the page top).
type placed struct {
	ln  *line
	top float64
}

// page is what one page carries.
type page struct {
	lines []placed
	notes []*footnote
}

// Footnote area: a separator and a small gap above the first note.
const notesGap = 4.0

// The paginator breaks pages as word processors do, so the PDF and the DOCX of a report
// (opened in Word or LibreOffice) have the same pages: the space between two paragraphs is
// the first one's space after plus the second one's space before; a page's first paragraph
// keeps its space before; a paragraph keeps at least two lines at the foot of a page and
// at the head of the next (widow and orphan control); a heading, or a paragraph that
// introduces a quotation, goes with the first lines of what follows, and a paragraph that
// must stay whole moves to the next page whole. Room is kept at the foot of the page for
// the footnotes of the lines placed on it.
type paginator struct {
	pages   []*page
	y       float64
	pending float64 // space owed after the previous block
}

func notesHeight(ns []*footnote) float64 {
	if len(ns) == 0 {
		return 0
	}
	h := notesGap
	for _, n := range ns {
		h += n.h
	}
	return h
}

func (p *paginator) cur() *page { return p.pages[len(p.pages)-1] }

func (p *paginator) empty() bool { return len(p.cur().lines) == 0 }

func (p *paginator) newPage() {
	p.pages = append(p.pages, &page{})
	p.y, p.pending = bodyTop, 0
}

// fit counts how many lines, starting at lines[0], fit on the current page below y.
func (p *paginator) fit(y float64, lines []*line, notes []*footnote) int {
	n := 0
	for _, ln := range lines {
		notes = append(notes, ln.notes...)
		if y+ln.h+notesHeight(notes) > bodyBottom+1e-6 {
			break
		}
		y += ln.h
		n++
	}
	return n
}

func (p *paginator) place(lines []*line) {
	pg := p.cur()
	for _, ln := range lines {
		pg.lines = append(pg.lines, placed{ln, p.y})
		pg.notes = append(pg.notes, ln.notes...)
		p.y += ln.h
	}
}

// chainFits reports whether the blocks that must follow blocks[i] on its page fit below y
// (after blocks[i] is placed whole): the blocks that keep with their next, and the first
// lines of the first one that does not.
func (p *paginator) chainFits(blocks []*vblock, i int, y float64, notes []*footnote) bool {
	b := blocks[i]
	for j := i + 1; b.keepNext && j < len(blocks); j++ {
		nb := blocks[j]
		y += b.after + nb.before
		lines := nb.lines
		// The fewest lines the next block can leave on this page: two, unless that would
		// leave fewer than two for the next page.
		if !nb.keepNext && !nb.keepTogether && len(lines)-geo.Orphan >= geo.Widow {
			lines = lines[:geo.Orphan]
		}
		if p.fit(y, lines, notes) < len(lines) {
			return false
		}
		for _, ln := range lines {
			y += ln.h
			notes = append(notes, ln.notes...)
		}
		b = nb
	}
	return true
}

// paginate lays out the blocks.
func paginate(blocks []*vblock) []*page {
	p := &paginator{}
	p.newPage()
	for bi, b := range blocks {
		if len(b.lines) == 0 {
			continue
		}
		p.y += p.pending + b.before
		lines := b.lines
		notes := p.cur().notes
		n := p.fit(p.y, lines, notes)
		whole := n == len(lines)
		if whole && b.keepNext && !p.empty() {
			y := p.y
			for _, ln := range lines {
				y += ln.h
				notes = append(notes, ln.notes...)
			}
			if !p.chainFits(blocks, bi, y, notes) {
				// The block must go with what follows: split it so at least two lines
				// go over, or move it whole.
				whole, n = false, min(n, len(lines)-geo.Widow)
				if b.keepTogether {
					n = 0
				}
			}
		}
		for !whole {
			k := n
			switch {
			case b.keepTogether:
				k = 0
			case len(lines)-k < geo.Widow: // a widow: carry more lines over
				k = len(lines) - geo.Widow
			}
			if k < geo.Orphan && !b.keepTogether || k < 0 {
				k = 0 // an orphan: move the whole rest
			}
			if k == 0 && p.empty() {
				// Nothing fits on an empty page (a huge table row or footnote): place what
				// fits, at least one line, rather than loop.
				k = max(n, 1)
			}
			p.place(lines[:k])
			lines = lines[k:]
			p.newPage()
			if k == 0 {
				p.y += b.before // moved whole: keeps its space before
			}
			n = p.fit(p.y, lines, p.cur().notes)
			whole = n == len(lines)
		}
		p.place(lines)
		p.pending = b.after
	}
	return p.pages
}
