package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	gobidi "github.com/go-text/typesetting/bidi"

	geo "github.com/scribe-un/scribe/formats/internal/geometry"
	"github.com/scribe-un/scribe/formats/pdf/internal/pdfdoc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// renderer draws paginated lines, a page at a time: it records the page's drawing
// operations (which is what the tests' trace reads), then replays them on the PDF, which
// writes the page out when the next one starts.
type renderer struct {
	ops   []op
	df    *docFonts
	fonts map[*face]pdfdoc.FontRef // faces added to the document
	rtl   bool                     // the document is right to left
	// mirror measures positions from the column's right edge: the line being drawn's
	// (see line.mirror), the document's for page furniture.
	mirror   bool
	layouter *layouter
	trace    *strings.Builder // tests: one line per drawn run of text
	// the run being traced, and the face of its last piece
	traceRun  strings.Builder
	traceFont string
	page      int
	// within is the element whose text is being recorded (nil outside tagged text): the
	// element a link drawn there belongs to.
	within *blockTag
}

// op is one recorded drawing operation. A value, not a closure: a document records
// thousands, and a closure each was a heap allocation each.
type op struct {
	kind       opKind
	face       *face
	synth      pdfdoc.Synthetic
	size       float64
	x, y, w, h float64 // a line's second point is (w, h)
	text       string  // text, link target, bookmark title
	level      int     // bookmark depth
	tag        *blockTag
	pic        *picture
}

type opKind uint8

const (
	opPage opKind = iota
	opLine
	opRect
	opImage
	opText
	opSpace
	opLink
	opBookmark
	opBeginTag // what follows is the text of tag's element
	opElement  // adds tag's element to the structure, with no text yet
	opBeginArtifact
	opEndTag // ends a tag or an artifact
)

// furniture is what pages repeat: the running head from page 2, and the first page's foot
// (the job number, its barcode, "Please recycle").
type furniture struct {
	header, job, recycle []token
	bars                 []bar
	pos                  model.Pos
}

func textsOf(s string) []model.Inline { return model.Texts(s, 0) }

func (r *renderer) addPage() { r.ops = append(r.ops, op{kind: opPage}) }

func (r *renderer) line(x1, y1, x2, y2, width float64) {
	r.ops = append(r.ops, op{kind: opLine, x: x1, y: y1, w: x2, h: y2, size: width})
}

func (r *renderer) text(p *piece, x, y float64, text string) {
	r.df.need(p.face, text)
	r.ops = append(r.ops, op{kind: opText, face: p.face, synth: synthetic(p.synth), size: p.size, x: x, y: y, text: text})
}

// synthetic maps the style bits a face lacks to the imitations the PDF draws.
func synthetic(s style) pdfdoc.Synthetic {
	var out pdfdoc.Synthetic
	if s&styleBold != 0 {
		out |= pdfdoc.SynthBold
	}
	if s&styleItalic != 0 {
		out |= pdfdoc.SynthItalic
	}
	return out
}

// space draws an invisible space glyph of f at the start of the gap between two words, so
// that text extraction, search and screen readers find the word break where the reader
// sees it instead of guessing it from the distance between glyphs.
func (r *renderer) space(p *piece, x, y, w float64) {
	if w <= 0 || !p.face.has(' ') {
		return
	}
	r.df.need(p.face, " ")
	r.ops = append(r.ops, op{kind: opSpace, face: p.face, synth: synthetic(p.synth), size: p.size, x: x, y: y})
}

func (r *renderer) link(x, y, w, h float64, url string) {
	r.ops = append(r.ops, op{kind: opLink, x: x, y: y, w: w, h: h, text: safe(url), tag: r.within})
}

// tagged records draw as the content of element t (nothing to tag when t is nil).
func (r *renderer) tagged(t *blockTag, draw func() error) error {
	if t == nil {
		return draw()
	}
	r.ops = append(r.ops, op{kind: opBeginTag, tag: t})
	outer := r.within
	r.within = t
	err := draw()
	r.within = outer
	r.ops = append(r.ops, op{kind: opEndTag})
	return err
}

// artifact records draw as page furniture: running heads, page numbers, rules.
func (r *renderer) artifact(draw func() error) error {
	r.ops = append(r.ops, op{kind: opBeginArtifact})
	err := draw()
	r.ops = append(r.ops, op{kind: opEndTag})
	return err
}

// element returns t's structure element, adding it (and its parents) on first use, so the
// structure tree follows the order in which the text is drawn.
func (r *renderer) element(pdf *pdfdoc.Doc, t *blockTag) pdfdoc.StructElem {
	if !t.made {
		parent := pdfdoc.Root
		if t.parent != nil {
			parent = r.element(pdf, t.parent)
		}
		t.elem, t.made = pdf.Struct(t.role, parent), true
	}
	return t.elem
}

func (r *renderer) bookmark(text string, level int, y float64) {
	r.ops = append(r.ops, op{kind: opBookmark, y: y, text: safe(text), level: level})
}

// replay adds the faces first drawn since the last page, draws the recorded operations and
// forgets them.
func (r *renderer) replay(pdf *pdfdoc.Doc) error {
	r.df.register(pdf, r.fonts)
	fonts := r.fonts
	defer func() { clear(r.ops); r.ops = r.ops[:0] }()
	for i := range r.ops {
		o := &r.ops[i]
		switch o.kind {
		case opPage:
			pdf.AddPage()
		case opLine:
			pdf.Line(o.x, o.y, o.w, o.h, o.size)
		case opRect:
			pdf.Rect(o.x, o.y, o.w, o.h)
		case opImage:
			pdf.DrawImage(o.pic.img, o.x, o.y, o.w, o.h)
		case opText:
			pdf.Text(fonts[o.face].With(o.synth), o.size, o.x, o.y, o.text)
		case opSpace:
			pdf.Space(fonts[o.face].With(o.synth), o.size, o.x, o.y)
		case opLink:
			parent := pdfdoc.Root
			if o.tag != nil {
				parent = r.element(pdf, o.tag)
			}
			pdf.Link(o.x, o.y, o.w, o.h, o.text, parent)
		case opBookmark:
			pdf.Bookmark(o.text, o.level, o.y)
		case opBeginTag:
			pdf.BeginTag(r.element(pdf, o.tag))
		case opElement:
			r.element(pdf, o.tag)
		case opBeginArtifact:
			pdf.BeginArtifact()
		case opEndTag:
			pdf.EndTag()
		}
	}
	return nil
}

// x converts a box at s (from the column's start edge) of width w to the page's x of its
// left edge.
func (r *renderer) x(s, w float64) float64 {
	if r.mirror {
		return pageW - marginSide - s - w
	}
	return marginSide + s
}

// drawLine draws ln with its top at top.
func (r *renderer) drawLine(ln *line, top float64) error {
	top += ln.dy
	r.mirror = ln.mirror
	defer func() { r.mirror = r.rtl }()
	if ln.rule > 0 {
		_ = r.artifact(func() error {
			r.line(r.x(ln.start, ln.width), top, r.x(ln.start, ln.width)+ln.width, top, ln.rule)
			return nil
		})
	}
	if p := ln.pic; p != nil {
		// The emblem is the organisation's mark, not text: furniture to screen readers.
		_ = r.artifact(func() error {
			r.ops = append(r.ops, op{kind: opImage, pic: p, x: r.x(p.at, p.w), y: top, w: p.w, h: p.h})
			return nil
		})
		if r.trace != nil {
			fmt.Fprintf(r.trace, "p%d image x=%.2f y=%.2f %.2f×%.2f mm\n", r.page, r.x(p.at, p.w), top, p.w, p.h)
		}
	}
	if len(ln.label) == 0 && len(ln.toks) == 0 {
		return r.drawText(ln, top)
	}
	for _, t := range ln.before {
		r.ops = append(r.ops, op{kind: opElement, tag: t})
	}
	return r.tagged(ln.tag, func() error { return r.drawText(ln, top) })
}

// drawText draws the label and the text of ln.
func (r *renderer) drawText(ln *line, top float64) error {
	base := top + ln.asc
	if ln.outline != nil {
		r.bookmark(ln.outline.text, ln.outline.level, top)
		if r.trace != nil {
			fmt.Fprintf(r.trace, "p%d outline %d %s\n", r.page, ln.outline.level, ln.outline.text)
		}
	}
	if len(ln.label) > 0 {
		if err := r.drawRun(ln.label, ln.labelS, base, 0, false, ln.rtl); err != nil {
			return err
		}
		// The gap between a hanging number and its text is a word break to readers too.
		last := ln.label[len(ln.label)-1]
		if gapS := ln.labelS + tokensWidth(ln.label); len(ln.toks) > 0 && len(last.pieces) > 0 && ln.start > gapS {
			r.space(&last.pieces[len(last.pieces)-1], r.x(gapS, ln.start-gapS), base, ln.start-gapS)
		}
	}
	if len(ln.toks) == 0 {
		return nil
	}
	natural := tokensWidth(ln.toks)
	s := ln.start
	extra := 0.0
	switch {
	case ln.end:
		s += ln.width - natural
	case ln.justify && natural < ln.width:
		extra = ln.width - natural
	case ln.mirror != ln.rtl:
		// Text against the box's direction (English lines in an Arabic masthead) starts
		// at its own start edge, the box's far side.
		s += ln.width - natural
	}
	return r.drawRun(ln.toks, s, base, extra, ln.justify, ln.rtl)
}

// drawRun places tokens from s (measured from the column's start edge) and spreads extra
// over the gaps. rtl is the line's base direction, which orders the text; the column's
// direction (r.rtl) only decides which edge s is measured from.
func (r *renderer) drawRun(toks []token, s, base, extra float64, justify, rtl bool) error {
	if len(toks) == 0 {
		return nil
	}
	stretch := 0
	for i := 0; i < len(toks)-1; i++ {
		if toks[i].space {
			stretch++
		}
	}
	allGaps := stretch == 0 // CJK lines: spread over every character gap
	if allGaps {
		stretch = len(toks) - 1
	}
	per := 0.0
	if justify && stretch > 0 {
		per = extra / float64(stretch)
		// A space never stretches past twice its width: a line the line breaker could not
		// fill (an address it may not break further) ends short of the margin instead of
		// gaping.
		if space := maxSpace(toks); !allGaps && space > 0 && per > space {
			per = space
		}
	}
	gaps := make([]float64, len(toks))
	total := 0.0
	for i, t := range toks {
		total += t.w
		if i < len(toks)-1 {
			gaps[i] = t.glue
			if t.space || allGaps {
				gaps[i] += per
			}
			total += gaps[i]
		}
	}
	x := r.x(s, total)
	if r.trace != nil {
		r.traceRun.Reset()
		r.traceFont = ""
		defer func(x0 float64) {
			fmt.Fprintf(r.trace, "p%d y=%.2f x=%.2f–%.2f %s\n", r.page, base, x0, x0+total, r.traceRun.String())
		}(x)
	}
	if !rtl && !hasRTLTokens(toks) {
		// Left to right, the common case: tokens in logical order.
		for i, t := range toks {
			for _, p := range t.pieces {
				r.drawPiece(p, p.text, x, base, p.w)
				x += p.w
			}
			if i < len(toks)-1 && t.space && len(t.pieces) > 0 {
				r.space(&t.pieces[len(t.pieces)-1], x, base, gaps[i])
			}
			x += gaps[i]
			if r.trace != nil && i < len(toks)-1 {
				r.traceRun.WriteByte(' ')
			}
		}
		return nil
	}
	return r.drawBidi(toks, gaps, x, base, rtl)
}

// maxSpace is the widest word space of a line.
func maxSpace(toks []token) float64 {
	w := 0.0
	for _, t := range toks[:len(toks)-1] {
		if t.space {
			w = max(w, t.glue)
		}
	}
	return w
}

func hasRTLTokens(toks []token) bool {
	for _, t := range toks {
		if t.dir == dirRTL {
			return true
		}
	}
	return false
}

// cell is one character of a line being reordered for display, or a gap between tokens.
type cell struct {
	r     rune
	piece *piece // nil for a gap
	w     float64
	// after is, for a gap that is a space between words, the last piece of the word
	// before it in logical order, whose face draws the space.
	after *piece
}

// drawBidi reorders a line for display with the Unicode Bidirectional Algorithm, character
// by character (levels from go-text's bidi, rule L2, mirroring in right-to-left runs), so
// brackets and punctuation at the edge of a Latin word in Arabic text land where they
// belong, then draws it from the left, one piece of text per run of the same face.
func (r *renderer) drawBidi(toks []token, gaps []float64, x, base float64, rtl bool) error {
	var cells []cell
	for i := range toks {
		t := &toks[i]
		for k := range t.pieces {
			p := &t.pieces[k]
			for _, ch := range p.text {
				w, err := r.df.width(p.face, string(ch), p.size)
				if err != nil {
					return err
				}
				cells = append(cells, cell{r: ch, piece: p, w: w})
			}
		}
		if i < len(toks)-1 {
			c := cell{r: ' ', w: gaps[i]}
			if t.space && len(t.pieces) > 0 {
				c.after = &t.pieces[len(t.pieces)-1]
			}
			cells = append(cells, c)
		}
	}
	rs := make([]rune, len(cells))
	for i, c := range cells {
		rs[i] = c.r
	}
	dir := gobidi.LeftToRight
	if rtl {
		dir = gobidi.RightToLeft
	}
	var para gobidi.Paragraph
	runs := para.Segment(rs, dir)
	levels := make([]gobidi.Level, len(cells))
	for i := range levels {
		if rtl {
			levels[i] = 1
		}
	}
	for k := 0; k < runs.NumRuns(); k++ {
		run := runs.Run(k)
		for i := max(run.Start, 0); i < run.End && i < len(levels); i++ {
			levels[i] = run.Level
		}
	}
	var maxLevel, minOdd gobidi.Level = 0, 127
	for i, l := range levels {
		if l%2 == 1 {
			cells[i].r = mirrorRune(cells[i].r)
			minOdd = min(minOdd, l)
		}
		maxLevel = max(maxLevel, l)
	}
	for lvl := maxLevel; lvl >= minOdd && lvl > 0; lvl-- {
		for i := 0; i < len(cells); {
			if levels[i] < lvl {
				i++
				continue
			}
			j := i
			for j < len(cells) && levels[j] >= lvl {
				j++
			}
			slices.Reverse(cells[i:j])
			slices.Reverse(levels[i:j])
			i = j
		}
	}
	for i := 0; i < len(cells); {
		c := cells[i]
		if c.piece == nil {
			if c.after != nil {
				r.space(c.after, x, base, c.w)
			}
			x += c.w
			if r.trace != nil {
				r.traceRun.WriteByte(' ')
			}
			i++
			continue
		}
		j, w := i, 0.0
		var b strings.Builder
		for j < len(cells) && cells[j].piece == c.piece {
			b.WriteRune(cells[j].r)
			w += cells[j].w
			j++
		}
		r.drawPiece(*c.piece, b.String(), x, base, w)
		x += w
		i = j
	}
	return nil
}

// drawPiece draws text (a piece, or the visual form of a part of it) with its left edge at x.
func (r *renderer) drawPiece(p piece, text string, x, base, w float64) {
	r.text(&p, x, base-p.rise, text)
	if p.link != "" {
		h := p.size * ptToMM
		r.link(x, base-h*0.8, w, h, p.link)
	}
	if r.trace != nil {
		id := fmt.Sprintf("%s %g", psName(p.face), p.size)
		if p.synth != styleRegular {
			id += " synthetic " + strings.ToLower(p.synth.String())
		}
		if id != r.traceFont {
			fmt.Fprintf(&r.traceRun, "‹%s›", id)
			r.traceFont = id
		}
		r.traceRun.WriteString(text)
	}
}

// baseRTL is the base direction of a line of tokens: that of its first strong character
// (rule P2 of the bidi algorithm), else the document's.
func baseRTL(toks []token, doc bool) bool {
	for _, t := range toks {
		switch t.dir {
		case dirRTL:
			return true
		case dirLTR:
			return false
		}
	}
	return doc
}

// drawPage draws page n (1-based): the running head from page 2, the lines, the footnotes
// at the bottom, the page number from page 2 and the first page's foot.
func (r *renderer) drawPage(n int, pg *page, furn *furniture) error {
	r.addPage()
	r.page = n
	r.mirror = r.rtl
	// UN style: the running head and the page number at the outer edge, left on even pages,
	// right on odd ones, mirrored in right-to-left documents (bound at the right, so their
	// odd pages have the outer edge at the left). s counts from the start edge, the right
	// one when mirrored, so the far end is the outer edge of odd pages either way.
	outer := func(w float64) float64 {
		if n%2 == 1 {
			return colW - w
		}
		return 0
	}
	if n > 1 && len(furn.header) > 0 {
		top := geo.HeaderFrom
		if err := r.artifact(func() error {
			ruleY := top + (geo.HeadLead+1)*ptToMM
			r.line(marginSide, ruleY, pageW-marginSide, ruleY, geo.HeadRule*ptToMM)
			return r.drawRun(furn.header, outer(tokensWidth(furn.header)), top+ascent(geo.HeadSize, geo.HeadLead), 0, false, baseRTL(furn.header, r.rtl))
		}); err != nil {
			return err
		}
	}
	for _, pl := range pg.lines {
		if err := r.drawLine(pl.ln, pl.top); err != nil {
			return err
		}
	}
	if len(pg.notes) > 0 {
		y := bodyBottom - notesHeight(pg.notes)
		_ = r.artifact(func() error {
			r.line(r.x(geo.Block, 40), y+1.5, r.x(geo.Block, 40)+40, y+1.5, 0.2)
			return nil
		})
		y += notesGap
		for _, fn := range pg.notes {
			for _, ln := range fn.lines {
				if err := r.drawLine(ln, y); err != nil {
					return err
				}
				y += ln.h
			}
		}
	}
	footTop := pageH - geo.FooterFrom - geo.FolioLead*ptToMM
	if n > 1 {
		num, err := r.layouter.tokens(textsOf(strconv.Itoa(n)), runStyle{st: styleBold, size: geo.FolioSize}, furn.pos)
		if err != nil {
			return err
		}
		return r.artifact(func() error {
			return r.drawRun(num, outer(tokensWidth(num)), footTop+ascent(geo.FolioSize, geo.FolioLead), 0, false, r.rtl)
		})
	}
	return r.artifact(func() error { return r.drawFirstFoot(furn) })
}

// drawFirstFoot draws the first page's foot: the job number at the start edge with its
// barcode after it, "Please recycle" at the end edge, on the line of the page numbers.
func (r *renderer) drawFirstFoot(furn *furniture) error {
	// The foot's line ends a point above the footer's margin (the DOCX closes the part with
	// a one-point paragraph); the bars stand on the baseline.
	base := pageH - geo.FooterFrom - (0.22*geo.JobSize+1.5)*ptToMM
	bottom := base
	if len(furn.job) > 0 {
		if err := r.drawRun(furn.job, 0, base, 0, false, baseRTL(furn.job, r.rtl)); err != nil {
			return err
		}
		at := geo.BarcodeAt
		if len(furn.bars) > 0 {
			last := furn.bars[len(furn.bars)-1]
			width := last.x + last.w
			for _, b := range furn.bars {
				// Bars run from the start edge: mirrored with the page in RTL documents.
				s := at + b.x
				if r.rtl {
					s = at + width - b.x - b.w
				}
				r.ops = append(r.ops, op{kind: opRect, x: r.x(s, b.w), y: bottom - geo.BarcodeTall, w: b.w, h: geo.BarcodeTall})
			}
			if r.trace != nil {
				fmt.Fprintf(r.trace, "p%d barcode %d bars %.2f mm wide\n", r.page, len(furn.bars), width)
			}
		}
	}
	if len(furn.recycle) > 0 {
		return r.drawRun(furn.recycle, colW-tokensWidth(furn.recycle), base, 0, false, baseRTL(furn.recycle, r.rtl))
	}
	return nil
}

func boolF(b bool, v float64) float64 {
	if b {
		return v
	}
	return 0
}
