package pdf

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

// paginator places vblocks on pages, keeping headings with the text that follows them,
// avoiding widows and orphans, and reserving room at the page bottom for the footnotes of
// the lines placed on it.
type paginator struct {
	pages   []*page
	y       float64
	top     float64 // top of the body on the current page
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
	p.y, p.top, p.pending = bodyTop, bodyTop, 0
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

// paginate lays out the blocks; page 1 starts at firstTop.
func paginate(blocks []*vblock, firstTop float64) []*page {
	p := &paginator{}
	p.newPage()
	p.y, p.top = firstTop, firstTop
	for bi, b := range blocks {
		if len(b.lines) == 0 {
			continue
		}
		gap := b.before
		if p.pending > gap {
			gap = p.pending
		}
		if !p.empty() {
			p.y += gap
		}
		// Keep a heading (and any headings right after it) with the first two lines of the
		// text that follows.
		if b.keepNext && !p.empty() {
			group := append([]*line(nil), b.lines...)
			for _, nb := range blocks[bi+1:] {
				if nb.keepNext {
					group = append(group, nb.lines...)
					continue
				}
				n := len(nb.lines)
				if n > 2 {
					n = 2
				}
				group = append(group, nb.lines[:n]...)
				break
			}
			if p.fit(p.y, group, p.cur().notes) < len(group) {
				p.newPage()
			}
		}
		lines := b.lines
		for len(lines) > 0 {
			n := p.fit(p.y, lines, p.cur().notes)
			if n >= len(lines) {
				p.place(lines)
				break
			}
			k := n
			if !b.keepTogether {
				if len(lines)-k < 2 { // a widow: carry one more line over
					k = len(lines) - 2
				}
				if k < 2 { // an orphan: move the whole rest
					k = 0
				}
			} else {
				k = 0
			}
			if k <= 0 {
				if p.empty() {
					// Nothing fits on an empty page (a huge table row or footnote):
					// place what fits, at least one line, rather than loop.
					k = n
					if k == 0 {
						k = 1
					}
				} else {
					p.newPage()
					continue
				}
			}
			p.place(lines[:k])
			lines = lines[k:]
			p.newPage()
		}
		p.pending = b.after
	}
	return p.pages
}
