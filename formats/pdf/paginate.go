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
// the larger of the first one's space after and the second one's space before (both Word
// and LibreOffice collapse them so); a page's first paragraph
// keeps its space before; a paragraph keeps at least two lines at the foot of a page and
// at the head of the next (widow and orphan control); a heading, or a paragraph that
// introduces a quotation, goes with the first lines of what follows, and a paragraph that
// must stay whole moves to the next page whole. Room is kept at the foot of the page for
// the footnotes of the lines placed on it.
//
// Pages are made as the blocks come and handed on (emit) as soon as they are complete, so a
// long document is laid out, drawn and written a page at a time. A block that keeps with the
// next waits in the queue until the first block of its chain that does not has come: placing
// it needs to know whether they fit together.
type paginator struct {
	cur     *page
	y       float64
	pending float64 // space owed after the previous block
	queue   []*vblock
	emit    func(*page) error
	// begun says the first block of the queue is partly placed: its space before is taken,
	// and its lines are placed up to a page break or not yet at all. Only an open block is
	// left so (see vblock.open).
	begun bool
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

func (p *paginator) empty() bool { return len(p.cur.lines) == 0 }

// newPage hands the current page on and starts the next.
func (p *paginator) newPage() error {
	if p.cur != nil {
		if err := p.emit(p.cur); err != nil {
			return err
		}
	}
	p.cur = &page{}
	p.y, p.pending = bodyTop, 0
	return nil
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
	pg := p.cur
	for _, ln := range lines {
		pg.lines = append(pg.lines, placed{ln, p.y})
		pg.notes = append(pg.notes, ln.notes...)
		p.y += ln.h
	}
}

// chainFits reports whether the blocks that must follow b on its page fit below y (after b
// is placed whole): of the blocks after it (next), those that keep with their next, and the
// first lines of the first one that does not.
func (p *paginator) chainFits(b *vblock, next []*vblock, y float64, notes []*footnote) bool {
	for j := 0; b.keepNext && j < len(next); j++ {
		nb := next[j]
		y += max(b.after, nb.before)
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

// add takes the next block and places every block whose chain of keep-with-next blocks is
// complete, and what can be placed of an open block.
func (p *paginator) add(b *vblock) error {
	p.queue = append(p.queue, b)
	if b.keepNext && !b.open {
		return nil
	}
	return p.placeQueue()
}

// more places what it can of the open block b after its lines grew, or of all the queue
// once b is closed (unless it keeps with the next block).
func (p *paginator) more(b *vblock) error {
	if !b.open && b.keepNext {
		return nil
	}
	return p.placeQueue()
}

// placeQueue places the blocks of the queue until it is empty or its first block is open
// and needs more lines.
func (p *paginator) placeQueue() error {
	for len(p.queue) > 0 {
		done, err := p.placeFirst()
		if err != nil || !done {
			return err
		}
	}
	return nil
}

// finish places what waits and hands on the last page.
func (p *paginator) finish() error {
	if err := p.placeQueue(); err != nil {
		return err
	}
	return p.emit(p.cur)
}

// placeFirst places the first block of the queue, breaking pages as needed, and drops it;
// done is false when it is an open block of which only the pages that cannot change were
// placed (with the lines its next lines cannot change: those of the pages before the last
// page, while more than a page and a widow's lines are known). Its lines placed are let go.
func (p *paginator) placeFirst() (done bool, err error) {
	blocks := p.queue
	b := blocks[0]
	if !p.begun {
		if len(b.lines) == 0 {
			if b.open {
				return false, nil
			}
			p.drop()
			return true, nil
		}
		p.y += max(p.pending, b.before)
		p.begun = true
	}
	lines := b.lines
	notes := p.cur.notes
	n := p.fit(p.y, lines, notes)
	whole := n == len(lines)
	if whole && b.keepNext && !b.open && !p.empty() {
		y := p.y
		for _, ln := range lines {
			y += ln.h
			notes = append(notes, ln.notes...)
		}
		if !p.chainFits(b, blocks[1:], y, notes) {
			// The block must go with what follows: split it so at least two lines
			// go over, or move it whole.
			whole, n = false, min(n, len(lines)-geo.Widow)
			if b.keepTogether {
				n = 0
			}
		}
	}
	for !whole {
		if b.open && len(lines)-n <= geo.Widow {
			break // the lines to come may make a widow of these
		}
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
		if err := p.newPage(); err != nil {
			return false, err
		}
		if k == 0 {
			p.y += b.before // moved whole: keeps its space before
		}
		n = p.fit(p.y, lines, p.cur.notes)
		whole = n == len(lines)
	}
	if b.open {
		// Keep what is not placed, in the block's own array: the block grows into it.
		k := copy(b.lines, lines)
		clear(b.lines[k:])
		b.lines = b.lines[:k]
		return false, nil
	}
	p.place(lines)
	p.pending = b.after
	p.drop()
	return true, nil
}

// drop removes the first block of the queue: its lines belong to their pages now.
func (p *paginator) drop() {
	blocks := p.queue
	blocks[0] = nil
	p.queue = blocks[1:]
	if len(p.queue) == 0 {
		p.queue = blocks[:0]
	}
	p.begun = false
}
