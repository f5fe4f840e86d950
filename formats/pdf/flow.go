package pdf

import (
	geo "github.com/scribe-un/scribe/formats/internal/geometry"
	"github.com/scribe-un/scribe/pipeline/model"
)

// flowText is a block of running text: a body paragraph, a subparagraph, a note.
type flowText struct {
	ins   []model.Inline
	style runStyle // of its text; its label is set in the same size, plain
	at    model.Pos
	label string // its number, at the start of the first line; "" for none
	box   box
	tag   *blockTag
	// after is the space after the block, mm; keepNext keeps it with the next block.
	after    float64
	keepNext bool
}

// flow typesets t and adds its block: whole, or, when it is long and the layout feeds a
// paginator, in parts (stream).
func (l *layouter) flow(t flowText) error {
	if l.pager != nil && inlineBytes(t.ins) >= l.streamAbove {
		return l.stream(t)
	}
	toks, err := l.tokens(t.ins, t.style, t.at)
	if err != nil {
		return err
	}
	label, err := l.labelTokens(t)
	if err != nil {
		return err
	}
	lines, err := l.para(toks, label, t.box)
	if err != nil {
		return err
	}
	tagLines(lines, t.tag)
	l.add(lines, t.after, t.keepNext)
	return nil
}

// labelTokens typesets t's label.
func (l *layouter) labelTokens(t flowText) ([]token, error) {
	if t.label == "" {
		return nil, nil
	}
	return l.tokens(model.Texts(t.label, t.at.Line), runStyle{size: t.style.size}, t.at)
}

// inlineBytes is the length of the text of ins.
func inlineBytes(ins []model.Inline) int {
	n := 0
	for _, in := range ins {
		n += len(in.Text)
	}
	return n
}

// Long paragraphs. Lines are broken first-fit (breaker), so a line depends only on the text
// from its start, and pages are made as lines come (paginator). A paragraph of megabytes (a
// whole file on one line) is therefore never held whole: its tokens are made in batches
// (tokenizer.spill), broken into lines as they come, and the lines handed to the paginator,
// in an open block, which places them and lets them go page by page. The result is the one
// the paragraph set whole would have, line for line and page for page (TestStreamedSame):
//   - a line is justified unless it ends the paragraph: the last line made is held back
//     until the next one comes or the paragraph ends;
//   - the paragraph's direction is that of its first token with a letter: lines are held
//     back until one is seen (for at most streamDirRows lines: a paragraph of that many
//     lines of digits and punctuation takes the document's direction);
//   - the block is handed on once it has more lines than a page holds, so the blocks that
//     keep with it see the same first lines; the paginator places an open block's lines only
//     while more than the page's and a widow's are known (paginator.placeFirst).

// Defaults of the layouter's streaming knobs.
const (
	// streamAbove is the length of text, bytes, from which a paragraph is streamed: far
	// longer than any real paragraph (a page holds about 4 KB).
	streamAbove = 64 << 10
	// streamBatch is how many tokens the tokenizer hands on at a time.
	streamBatch = 4096
	// streamDirRows is how many lines of a paragraph are held back at most, waiting for a
	// letter that gives its direction.
	streamDirRows = 4096
)

// stream typesets t in parts: see above.
func (l *layouter) stream(t flowText) error {
	l.streamed++
	// The label first: the tokens of the text go on as they are made.
	label, err := l.labelTokens(t)
	if err != nil {
		return err
	}
	s := l.newSetter(label, t.box)
	br := l.newBreaker(s.first, s.width, !t.box.noHyphens, l.streamBatch, l.streamBatch/4)
	b := &vblock{after: t.after, keepNext: t.keepNext, open: true}
	// A page holds at most this many of the paragraph's lines: the block goes to the
	// paginator when it has more, and the widow and orphan lines besides.
	pageLines := int((bodyBottom-bodyTop)/(t.box.lead*ptToMM)) + 2 + geo.Orphan + geo.Widow
	handed := false
	// rows are broken, not yet made lines: the last one (justified or not), and all of
	// them while the paragraph's direction is not known.
	var rows [][]token
	set := func(last bool) error {
		if last {
			rows = append(rows, br.finish()...)
		} else {
			rows = append(rows, br.take(l.streamBatch)...)
			if s.dir == dirNeutral && len(rows) <= l.streamDirRows {
				return nil
			}
		}
		n := len(rows)
		if !last {
			if n <= 1 {
				return nil
			}
			n--
		}
		lines := s.lines(rows[:n], last)
		tagLines(lines, t.tag)
		b.lines = append(b.lines, lines...)
		k := copy(rows, rows[n:])
		clear(rows[k:])
		rows = rows[:k]
		b.open = !last
		if !handed {
			if b.open && len(b.lines) <= pageLines {
				return nil
			}
			handed = true
			l.blocks = append(l.blocks, b)
			return l.drain()
		}
		return l.pager.more(b)
	}
	tz := l.tokenizer()
	tz.spillAt = l.streamBatch
	tz.spill = func(toks []token) error {
		s.see(toks)
		for _, tk := range toks {
			if err := br.add(tk, false); err != nil {
				return err
			}
		}
		return set(false)
	}
	if err := l.feed(tz, t.ins, t.style, t.at); err != nil {
		return err
	}
	toks, err := tz.finish()
	if err != nil {
		return err
	}
	s.see(toks)
	for i, tk := range toks {
		if err := br.add(tk, i == len(toks)-1); err != nil {
			return err
		}
	}
	return set(true)
}
