package pdf

import (
	"context"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/pipeline/model"
)

// dirClass is the bidi class of a token, enough to order words on a line.
type dirClass uint8

const (
	dirNeutral dirClass = iota // digits, punctuation
	dirLTR                     // has a left-to-right letter
	dirRTL                     // has a right-to-left letter
)

// piece is text printed in one face, size and position: the smallest drawing unit.
type piece struct {
	face *face
	// synth is the part of the wanted style the face lacks (bold asked of a family with
	// no bold face), drawn by imitation.
	synth style
	size  float64 // pt
	rise  float64 // mm above the baseline (footnote indicators)
	text  string  // logical order, shaped
	w     float64 // mm
	link  string
}

// token is an unbreakable box: a word, a CJK character with its kinsoku neighbours, a
// symbol. A line may break after any token.
type token struct {
	pieces []piece
	w      float64
	glue   float64 // width of the space after the token, 0 when none
	space  bool    // a space follows, which justification may stretch
	dir    dirClass
	notes  []*footnote
	// keep leaves the token whole at a line's end: a document symbol, a footnote mark.
	keep bool
}

// runStyle is how an inline run is printed.
type runStyle struct {
	st      style
	size    float64 // pt
	rise    float64 // mm
	link    string
	nobreak bool // a document symbol: its spaces do not break
	heading bool // set in the heading faces (Chinese headings are in a Hei face)
}

// tokenizer cuts runs of text into tokens, resolving fonts and measuring as it goes.
type tokenizer struct {
	// ctx is looked at every checkEvery runes: a paragraph can be megabytes long.
	ctx   context.Context
	runes int
	df    *docFonts
	toks  []token
	cur   token
	prev  rune
	// the piece being built: a substring of the current segment
	pface  *face
	pstyle runStyle
	ptext  []byte
	// pieces holds the pieces of every token, in order: each token's pieces are a
	// sub-slice of it, so a word costs no allocation of its own.
	pieces []piece
	pstart int // where the current token's pieces start
	// arabicExtra enlarges Arabic text, points (the locale's Arabic body size over 10), as
	// word processors set complex-script text at its own size: Arabic letters, and the
	// digits, spaces and punctuation among them, take it; Latin text keeps its size.
	arabicExtra float64
	inArabic    bool // the last strong letter was Arabic
	started     bool // inArabic is known
	// spill, when set, takes the tokens in batches of spillAt as they are made, so a long
	// paragraph is never held whole (see layouter.stream); finish returns the rest.
	spill   func([]token) error
	spillAt int
}

const zwsp = '\u200B'

// clean maps characters that must not reach the PDF: line breaks and tabs become spaces,
// invisible bidi and formatting controls (which fonts draw as boxes) and soft hyphens go.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if dropRune(r) || r == '\t' || r == '\n' || r == '\r' {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	b := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b = append(b, ' ')
		case dropRune(r):
		default:
			b = append(b, r)
		}
	}
	return string(b)
}

func dropRune(r rune) bool {
	switch {
	case r == 0xAD, r == 0x061C, r == 0xFEFF, r >= 0x200C && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2060 && r <= 0x2069:
		return true
	case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7F, r >= 0x80 && r < 0xA0:
		return true
	}
	return false
}

// checkEvery is how often, in runes, the tokenizer looks whether the conversion was
// cancelled: a few milliseconds of work.
const checkEvery = 1 << 16

// add appends a run of text.
func (tz *tokenizer) add(text string, rs runStyle, pos model.Pos) error {
	if !utf8.ValidString(text) {
		return model.Errorf("pdf", pos, model.ErrEncoding, "text is not valid UTF-8")
	}
	// About one token (and piece) per six bytes of text: reserve room once (for a batch of
	// tokens when they are spilled).
	more := len(text)/6 + 1
	if tz.spill != nil {
		more = min(more, tz.spillAt+1)
	}
	if want := len(tz.toks) + more; cap(tz.toks) < want {
		tz.toks = slices.Grow(tz.toks, want-len(tz.toks))
	}
	if want := len(tz.pieces) + more; cap(tz.pieces) < want {
		tz.pieces = slices.Grow(tz.pieces, want-len(tz.pieces))
	}
	text = clean(text)
	if hasArabic(text) {
		text = shapeArabic(text)
	}
	segs, err := tz.df.resolve(text, rs.st, rs.heading, pos)
	if err != nil {
		return err
	}
	if tz.arabicExtra != 0 && !tz.started {
		// Digits and punctuation before the first letter go with that letter.
		if n := nextStrong(text); n != 0 {
			tz.inArabic, tz.started = classOf(n) == classArabic, true
		}
	}
	for _, sg := range segs {
		for _, r := range sg.text {
			rr := rs
			if tz.arabicExtra != 0 {
				switch {
				case classOf(r) == classArabic && !neutral(r):
					tz.inArabic, tz.started = true, true
				case unicode.IsLetter(r):
					tz.inArabic, tz.started = false, true
				}
				if tz.inArabic {
					rr.size += tz.arabicExtra
					rr.rise *= rr.size / rs.size
				}
			}
			if tz.runes++; tz.runes%checkEvery == 0 && tz.ctx != nil {
				if err := tz.ctx.Err(); err != nil {
					return err
				}
			}
			if err := tz.addRune(r, sg.face, rr); err != nil {
				return err
			}
		}
	}
	return nil
}

func (tz *tokenizer) addRune(r rune, f *face, rs runStyle) error {
	switch {
	case r == ' ' && !rs.nobreak:
		if len(tz.ptext) > 0 || len(tz.cur.pieces) > 0 {
			if err := tz.flush(); err != nil {
				return err
			}
		}
		if n := len(tz.toks); n > 0 && !tz.toks[n-1].space {
			w, err := tz.df.width(f, " ", rs.size)
			if err != nil {
				return err
			}
			tz.toks[n-1].glue, tz.toks[n-1].space = w, true
		}
		tz.prev = r
		return nil
	case r == zwsp:
		tz.prev = r
		return tz.flush()
	}
	if !rs.nobreak && tz.prev != 0 && (len(tz.ptext) > 0 || len(tz.cur.pieces) > 0) && canBreakBetween(tz.prev, r) {
		if err := tz.flush(); err != nil {
			return err
		}
		// Word processors set a little space between Chinese characters and Latin letters
		// or digits next to them ("2005 年"): a fifth of an em, as LibreOffice does.
		if n := len(tz.toks); n > 0 && tz.toks[n-1].glue == 0 && (isIdeograph(tz.prev) && isLatinAlnum(r) || isLatinAlnum(tz.prev) && isIdeograph(r)) {
			tz.toks[n-1].glue = autoSpace * rs.size * ptToMM
		}
	}
	if f != tz.pface || rs != tz.pstyle {
		if err := tz.closePiece(); err != nil {
			return err
		}
		tz.pface, tz.pstyle = f, rs
	}
	tz.ptext = utf8.AppendRune(tz.ptext, r)
	tz.prev = r
	return nil
}

// autoSpace is the space between Chinese and Latin text, in ems.
const autoSpace = 0.2

// isIdeograph reports a Han character or kana: the Asian text autospacing separates from
// Latin text.
func isIdeograph(r rune) bool {
	return r >= 0x3040 && r <= 0x30FF || r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF
}

// isLatinAlnum reports a Latin letter or a digit.
func isLatinAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xC0 && r <= 0x24F && unicode.IsLetter(r)
}

// closePiece measures the piece being built and adds it to the current token.
func (tz *tokenizer) closePiece() error {
	if len(tz.ptext) == 0 {
		return nil
	}
	text := string(tz.ptext)
	tz.ptext = tz.ptext[:0]
	w, err := tz.df.width(tz.pface, text, tz.pstyle.size)
	if err != nil {
		return err
	}
	tz.pieces = append(tz.pieces, piece{face: tz.pface, synth: tz.pstyle.st &^ tz.pface.style,
		size: tz.pstyle.size, rise: tz.pstyle.rise, text: text, w: w, link: tz.pstyle.link})
	n := len(tz.pieces)
	tz.cur.pieces = tz.pieces[tz.pstart:n:n]
	tz.cur.w += w
	tz.cur.keep = tz.cur.keep || tz.pstyle.nobreak
	return nil
}

// flush ends the current token.
func (tz *tokenizer) flush() error {
	if err := tz.closePiece(); err != nil {
		return err
	}
	if len(tz.cur.pieces) == 0 {
		if len(tz.cur.notes) > 0 && len(tz.toks) > 0 {
			last := &tz.toks[len(tz.toks)-1]
			last.notes = append(last.notes, tz.cur.notes...)
			tz.cur.notes = nil
		}
		return nil
	}
	tz.cur.dir = dirOf(tz.cur.pieces)
	tz.toks = append(tz.toks, tz.cur)
	tz.cur = token{}
	tz.pstart = len(tz.pieces)
	if tz.spill != nil && len(tz.toks) > tz.spillAt {
		return tz.spillToks()
	}
	return nil
}

// spillToks hands the tokens made so far to spill, but the last: a space or a footnote
// that follows may still change it. The pieces of the tokens handed on stay theirs: the
// tokens to come get a new array.
func (tz *tokenizer) spillToks() error {
	n := len(tz.toks)
	if err := tz.spill(tz.toks[:n-1]); err != nil {
		return err
	}
	tz.toks[0] = tz.toks[n-1]
	clear(tz.toks[1:n])
	tz.toks = tz.toks[:1]
	tz.pieces = make([]piece, 0, tz.spillAt+1)
	tz.pstart = 0
	return nil
}

// attach ties a footnote to the token being built, so the note goes on the page of the line
// that carries its indicator.
func (tz *tokenizer) attach(fn *footnote) {
	tz.cur.notes = append(tz.cur.notes, fn)
}

// finish returns the tokens, with no glue after the last one.
func (tz *tokenizer) finish() ([]token, error) {
	if err := tz.flush(); err != nil {
		return nil, err
	}
	if n := len(tz.toks); n > 0 {
		tz.toks[n-1].glue, tz.toks[n-1].space = 0, false
	}
	return tz.toks, nil
}

func dirOf(ps []piece) dirClass {
	d := dirNeutral
	for _, p := range ps {
		for _, r := range p.text {
			if isRTLRune(r) && unicode.IsLetter(r) || r >= 0xFB50 && r <= 0xFEFC {
				return dirRTL
			}
			if unicode.IsLetter(r) {
				d = dirLTR
			}
		}
	}
	return d
}

// breakLines fills lines greedily (first-fit). first and rest are the widths available to the
// first and the following lines.
func (l *layouter) breakLines(toks []token, first, rest float64, hyphenate bool) ([][]token, error) {
	br := l.newBreaker(first, rest, hyphenate, len(toks), int(tokensWidth(toks)/max(rest, 1)))
	for i, t := range toks {
		if err := br.add(t, i == len(toks)-1); err != nil {
			return nil, err
		}
	}
	return br.finish(), nil
}

// breaker breaks a paragraph into lines greedily (first-fit), a token at a time: a line
// depends only on the tokens from its start, so a paragraph of any length can be broken as
// its tokens come, and its lines taken as they are made (see layouter.stream). A token wider
// than a whole line (a long URL) is cut where it overflows, preferably after a slash, hyphen
// or dot, so no line is overfull.
type breaker struct {
	l         *layouter
	rest      float64 // width of the lines after the first
	hyphenate bool
	// The lines are consecutive sub-slices of all, sized for the tokens (a cut token adds
	// one), so breaking a paragraph allocates once or twice, not once per line.
	all      []token
	lines    [][]token // complete, not yet taken
	cur      []token   // the line being filled: the tail of all
	avail, w float64   // width of the current line, and what it holds
}

// newBreaker returns a breaker with room for about toks tokens in about lines lines.
func (l *layouter) newBreaker(first, rest float64, hyphenate bool, toks, lines int) *breaker {
	return &breaker{l: l, rest: rest, hyphenate: hyphenate, avail: first,
		all: make([]token, 0, toks+2), lines: make([][]token, 0, lines+2)}
}

func (br *breaker) endLine() {
	br.lines = append(br.lines, br.cur)
	br.cur, br.w, br.avail = nil, 0, br.rest
}

func (br *breaker) push(t token) {
	br.all = append(br.all, t)
	n := len(br.all)
	br.cur = br.all[n-len(br.cur)-1 : n : n]
}

// add puts t on the lines; last says it ends the paragraph.
func (br *breaker) add(t token, last bool) error {
	for {
		need := t.w
		glue := 0.0
		if len(br.cur) > 0 {
			glue = br.cur[len(br.cur)-1].glue
			need += glue
		}
		if br.w+need <= br.avail+1e-6 {
			br.push(t)
			br.w += need
			return nil
		}
		if len(br.cur) > 0 {
			// The word does not fit: end the line with as much of it as fits before
			// a hyphenation point; the paragraph's last word only when the line would
			// otherwise gape (its spaces stretched past twice their width).
			if br.hyphenate && (!last || loose(br.cur, br.avail-br.w)) {
				head, tail, ok, err := br.l.hyphenate(t, br.avail-br.w-glue)
				if err != nil {
					return err
				}
				if isURLToken(t) && loose(br.cur, br.avail-br.w-glue-head.w) {
					// An address that would leave the line gaping is cut where it
					// fills the line, as a long address alone on a line is.
					if head, tail, err = br.l.splitToken(t, br.avail-br.w-glue); err != nil {
						return err
					}
					ok = len(tail.pieces) > 0 && head.w > 0
				}
				if ok {
					br.push(head)
					br.endLine()
					t = tail
					continue
				}
			}
			br.endLine()
			continue
		}
		// Alone on its line and still too wide: cut it, and go on with the rest. Each
		// cut costs one line's worth of text, so a hostile megabyte-long word stays
		// linear.
		head, tail, err := br.l.splitToken(t, br.avail)
		if err != nil {
			return err
		}
		br.push(head)
		br.endLine()
		if len(tail.pieces) == 0 {
			return nil
		}
		t = tail
	}
}

// take returns the lines completed so far and forgets them: the line being filled moves to
// fresh arrays sized for about toks more tokens, so the lines taken are the only hold on
// theirs.
func (br *breaker) take(toks int) [][]token {
	out := br.lines
	all := make([]token, len(br.cur), len(br.cur)+toks+2)
	copy(all, br.cur)
	br.all, br.cur = all, all[:len(br.cur):len(br.cur)]
	br.lines = make([][]token, 0, len(out))
	return out
}

// finish returns the lines not taken, the last one included.
func (br *breaker) finish() [][]token {
	if len(br.cur) > 0 {
		br.lines = append(br.lines, br.cur)
		br.cur = nil
	}
	return br.lines
}

// loose reports whether a justified line of tokens with slack mm left over would stretch its
// spaces past twice their width.
func loose(line []token, slack float64) bool {
	gaps, space := 0, 0.0
	for _, t := range line[:len(line)-1] {
		if t.space {
			gaps++
			space = max(space, t.glue)
		}
	}
	return gaps > 0 && space > 0 && slack/float64(gaps) > space
}

// splitToken cuts t into a head no wider than avail (at least one character) and the rest.
func (l *layouter) splitToken(t token, avail float64) (token, token, error) {
	var head, tail token
	w := 0.0
	type cut struct {
		piece, byteOff int
		w              float64
	}
	var best, last cut
	found := false
outer:
	for pi, p := range t.pieces {
		for bi, r := range p.text {
			rw, err := l.df.width(p.face, string(r), p.size)
			if err != nil {
				return head, tail, err
			}
			if w+rw > avail && (pi > 0 || bi > 0) {
				break outer
			}
			w += rw
			last = cut{pi, bi + utf8.RuneLen(r), w}
			if r == '/' || r == '-' || r == '.' || r == '_' || r == '?' || r == '&' || r == '=' {
				best, found = last, true
			}
		}
	}
	if !found || best.w < avail/2 {
		best = last
	}
	for pi, p := range t.pieces {
		switch {
		case pi < best.piece:
			head.pieces = append(head.pieces, p)
		case pi == best.piece:
			h, tl := p, p
			h.text, tl.text = p.text[:best.byteOff], p.text[best.byteOff:]
			var err error
			if h.w, err = l.df.width(p.face, h.text, p.size); err != nil {
				return head, tail, err
			}
			head.pieces = append(head.pieces, h)
			if tl.text != "" {
				tl.w = p.w - h.w
				tail.pieces = append(tail.pieces, tl)
			}
		default:
			tail.pieces = append(tail.pieces, p)
		}
	}
	for _, p := range head.pieces {
		head.w += p.w
	}
	for _, p := range tail.pieces {
		tail.w += p.w
	}
	// The tail keeps the token's class: measuring it again would make cutting a hostile,
	// megabyte-long word quadratic, and a word cut in two keeps its direction.
	head.dir, tail.dir = dirOf(head.pieces), t.dir
	tail.glue, tail.space, tail.notes = t.glue, t.space, t.notes
	return head, tail, nil
}
