package infer

import (
	"strings"
	"unicode/utf8"

	"github.com/scribe-un/scribe/pipeline/model"
)

// quoteSpan is how many paragraphs a quotation may run over before an unclosed mark is taken
// for a stray one. It also keeps the look-ahead, and so the reader, linear.
const quoteSpan = 20

// Quotation mark families. Straight and curly double quotes toggle, because typists mix them
// and Arabic text opens with ” where English opens with “; guillemets and corner brackets
// nest.
const (
	famNone byte = iota
	famToggle
	famGuillemet
	famCorner
	famWhiteCorner
)

// qstate is the quotation state at a point of the text.
type qstate struct {
	fam   byte
	depth int
}

// scan follows the quotation marks of s from state st. It returns the state at the end, the
// byte offset of the mark that opened the quotation still open at the end (-1 if none), and
// the offset just past the mark that first closes a quotation open at the start (-1 if none).
func scan(s string, st qstate) (end qstate, openAt, closedAt int) {
	openAt, closedAt = -1, -1
	if st.fam != famNone {
		openAt = 0
	} else if strings.IndexByte(s, '"') < 0 && model.ASCII(s) {
		return st, -1, -1 // no mark can open a quotation: most paragraphs, at once
	}
	for i, r := range s {
		switch st.fam {
		case famNone:
			switch r {
			case '"', '“', '”', '„':
				st, openAt = qstate{famToggle, 1}, i
			case '«':
				st, openAt = qstate{famGuillemet, 1}, i
			case '「':
				st, openAt = qstate{famCorner, 1}, i
			case '『':
				st, openAt = qstate{famWhiteCorner, 1}, i
			}
			continue
		case famToggle:
			if r == '"' || r == '“' || r == '”' {
				st.depth = 0
			}
		case famGuillemet:
			st.depth += delta(r, '«', '»')
		case famCorner:
			st.depth += delta(r, '「', '」')
		case famWhiteCorner:
			st.depth += delta(r, '『', '』')
		}
		if st.depth == 0 {
			st = qstate{}
			openAt = -1
			if closedAt < 0 {
				closedAt = i + utf8.RuneLen(r)
			}
		}
	}
	return st, openAt, closedAt
}

func delta(r, open, close rune) int {
	switch r {
	case open:
		return 1
	case close:
		return -1
	}
	return 0
}

// quotes finds quotations that open in one paragraph and close paragraphs later. A mark left
// open is followed for at most quoteSpan items and never across an explicit heading; a mark
// that does not close by then is taken for a stray one and reported.
func (in *inferrer) quotes() error {
	items := in.items
	for i := 0; i < len(items); i++ {
		if err := in.checkCtx(i); err != nil {
			return err
		}
		it := &items[i]
		if it.kind != kText && it.kind != kNumbered {
			continue
		}
		st, openAt, _ := scan(it.content(), qstate{})
		if st.fam == famNone {
			continue
		}
		end := -1
		for j := i + 1; j < len(items) && j <= i+quoteSpan; j++ {
			if items[j].kind == kHead || items[j].kind == kFront {
				break
			}
			var closedAt int
			st, _, closedAt = scan(items[j].text, st)
			if closedAt >= 0 {
				end = j
				break
			}
		}
		if end < 0 {
			in.opts.Warnings.Warn(stage, in.pos(it.line), "quotation mark is not closed in the next paragraphs; read as text")
			continue
		}
		it.quoteEnd, it.quoteAt = i32(end), i32(openAt)
		for j := i + 1; j <= end; j++ {
			items[j].inQuote = true
		}
		i = end
	}
	return nil
}

// sliceInlines returns the runs covering bytes [from, to) of their concatenated text, trimmed
// of spaces at both ends. Footnote runs (no text) inside the range are kept.
func sliceInlines(ins []model.Inline, from, to, line int) []model.Inline {
	var out []model.Inline
	pos := 0
	for _, in := range ins {
		start, end := pos, pos+len(in.Text)
		pos = end
		if in.Text == "" {
			if start >= from && (start < to || start == to && to == pos) {
				out = append(out, in)
			}
			continue
		}
		if end <= from || start >= to {
			continue
		}
		a, b := max(from, start)-start, min(to, end)-start
		c := in
		c.Text = in.Text[a:b]
		if c.Line == 0 {
			c.Line = line
		}
		out = append(out, c)
	}
	// Trim the white space the cut left at the ends.
	for len(out) > 0 {
		first := &out[0]
		first.Text = trimLeftSpace(first.Text)
		if first.Text != "" || first.Kind == model.KindFootnote {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		last := &out[len(out)-1]
		last.Text = trimRightSpace(last.Text)
		if last.Text != "" || last.Kind == model.KindFootnote {
			break
		}
		out = out[:len(out)-1]
	}
	return out
}

func trimLeftSpace(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[size:]
	}
	return s
}

func trimRightSpace(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}
