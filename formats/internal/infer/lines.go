package infer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/pipeline/model"
)

// kind is what a single line is, before paragraphs are assembled.
type kind uint8

const (
	kBlank    kind = iota // empty or white space only
	kJunk                 // no letter or digit ("----", "* * *", "."): a separator, dropped
	kText                 // ordinary text
	kHead                 // explicit heading cue: "# ", "==", or a setext underline above
	kQuote                // explicit quotation cue: "> "
	kBullet               // a bullet or enumerated subparagraph
	kNote                 // a line wholly in parentheses or brackets
	kUnder                // a setext underline ("====", "----") under a short line
	kFront                // claimed by the masthead
	kNumbered             // a paragraph typed with its own number ("12. …")
	kDrop                 // page furniture of a PDF extraction: dropped, and transparent to joining
)

// ln is one prepared line: white space normalized, indentation measured, classified. The
// numbers are int32 and the fields ordered so that a line takes 96 bytes: a long input has
// hundreds of thousands of them.
type ln struct {
	// text is the line without indentation or trailing space, inner white space collapsed.
	text string
	// ins are the normalized runs when the line came with emphasis; nil for plain text.
	ins []model.Inline
	// marker is the bullet as typed, class its family ("(a)", "a)", "1)", "-", "·"…).
	marker, class string
	line, indent  int32
	// off is where the content starts after a cue or marker ("# ", "· ", "(a) ").
	off int32
	// units measures length: words, plus CJK characters at half a word each.
	units int32
	// level is the heading level of a cue.
	level int32
	kind  kind
	// weak markers ("o", "a.") only count as bullets next to other bullets.
	weak bool
	// literal is a line opening with text as written (Line.Literal).
	literal bool
}

// splitText cuts text into prepared lines. CR LF, LF and a lone CR all end a line; the first
// line is numbered first. The lines' texts are copied into a few large buffers (textStore),
// so the model does not keep all of text alive through the few substrings of it that end
// up in a paragraph as they were typed.
func splitText(text string, first int) []ln {
	n := strings.Count(text, "\n") + 1
	if n > 1<<22 {
		n = 1 << 22 // a hint only; append grows past it
	}
	out := make([]ln, 0, n)
	store := textStore{left: len(text)}
	line := first
	// Without a CR anywhere a line ends at the next LF, which IndexByte finds much faster
	// than IndexAny finds either.
	lineEnd := func(s string) int { return strings.IndexByte(s, '\n') }
	if strings.IndexByte(text, '\r') >= 0 {
		lineEnd = func(s string) int { return strings.IndexAny(s, "\r\n") }
	}
	for len(text) > 0 {
		i := lineEnd(text)
		if i < 0 {
			out = append(out, prepareIn(text, line, &store))
			break
		}
		out = append(out, prepareIn(text[:i], line, &store))
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		text = text[i+1:]
		store.left = len(text)
		line++
	}
	return out
}

// isSpaceRune reports white space in the wide sense notes need: Unicode spaces, no-break
// spaces, and control characters that editors leave behind (form feed, vertical tab).
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2007' || r == '\u3000' ||
		(r < 0x20) || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// isNoBreak reports the no-break spaces, which are kept (once) inside text because French
// typography relies on them.
func isNoBreak(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2007' }

// invisible reports characters dropped everywhere: stray byte order marks and zero-width
// spaces pasted from web pages.
func invisible(r rune) bool { return r == '\ufeff' || r == '\u200b' }

// cleanASCII reports whether s needs no normalization: printable ASCII, single inner spaces,
// none at the ends. Most lines of English notes take this fast path without allocating.
func cleanASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if !cleanWord(load64(s, i), i > 0 && s[i-1] == ' ') {
			break // the bytes below tell
		}
	}
	prev := byte(0)
	if i > 0 {
		prev = s[i-1]
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || (c == ' ' && prev == ' ') {
			return false
		}
		prev = c
	}
	return true
}

// paddedASCII is the fast path of a line that is clean ASCII (cleanASCII) but for
// leading spaces and tabs and trailing white space, as lines typed in editors often are:
// what the normalizer would make of it, the line trimmed and its indent, without copying.
func paddedASCII(s string) (core string, indent int, ok bool) {
	i := 0
	for ; i < len(s) && (s[i] == ' ' || s[i] == '\t'); i++ {
		if s[i] == '\t' {
			indent += 4 - indent%4
		} else {
			indent++
		}
	}
	j := len(s)
	for j > i && (s[j-1] <= ' ' || s[j-1] == 0x7f) {
		j-- // white space or a control character, which the normalizer drops at the end
	}
	if j == i || !cleanASCII(s[i:j]) {
		return "", 0, false
	}
	return s[i:j], indent, true
}

// normalizer collapses white space across a sequence of runs.
type normalizer struct {
	started bool
	pending rune // white space waiting for the next visible character; 0 if none
	indent  int
}

func (n *normalizer) run(s string, b *strings.Builder) {
	for i := 0; i < len(s); {
		// Printable ASCII other than the space is written as it is, a stretch at a time:
		// it is most of the text of most notes.
		if c := s[i]; c > ' ' && c < 0x7f {
			if n.pending != 0 {
				b.WriteRune(n.pending)
				n.pending = 0
			}
			n.started = true
			// Single spaces between words go with them: each would be pending and written
			// before the next character, as it is here.
			j := i + 1
			for j < len(s) {
				if c := s[j]; c > ' ' && c < 0x7f {
					j++
				} else if c == ' ' && j+1 < len(s) && s[j+1] > ' ' && s[j+1] < 0x7f {
					j += 2
				} else {
					break
				}
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:]) // as range does: U+FFFD for a bad byte
		i += size
		switch {
		case invisible(r):
		case isSpaceRune(r):
			if !n.started {
				switch r {
				case '\t':
					n.indent += 4 - n.indent%4
				case '\u3000':
					n.indent += 2
				default:
					n.indent++
				}
				continue
			}
			if n.pending == 0 || (n.pending == ' ' && isNoBreak(r)) {
				if isNoBreak(r) {
					n.pending = r
				} else {
					n.pending = ' '
				}
			}
		default:
			if n.pending != 0 {
				b.WriteRune(n.pending)
				n.pending = 0
			}
			n.started = true
			b.WriteRune(r)
		}
	}
}

// textStore holds the normalized texts of lines, one after the other, in buffers of at most
// storeChunk bytes: a buffer is never written over (strings.Builder only appends), so every
// text taken from it stays valid. left is the length of the text still to be stored, so a
// short input takes one buffer of its own size.
type textStore struct {
	b    strings.Builder
	left int
}

// storeChunk is the size of a text store's buffers: large enough that a line rarely wastes
// the end of one, small enough that a few lines kept alone pin little.
const storeChunk = 256 << 10

// reserve makes room for n more bytes in the current buffer, starting a new one when the
// current one is full, and returns where the next text starts.
func (s *textStore) reserve(n int) int {
	if s.b.Cap()-s.b.Len() < n {
		s.b = strings.Builder{}
		s.b.Grow(max(n, min(s.left, storeChunk)))
	}
	return s.b.Len()
}

// text returns what was written since start.
func (s *textStore) text(start int) string { return s.b.String()[start:] }

// prepareIn normalizes and classifies one line of plain text, its text kept in store.
func prepareIn(text string, line int, store *textStore) ln {
	l := ln{line: i32(line)}
	core, indent := text, 0
	if !cleanASCII(text) {
		var ok bool
		if core, indent, ok = paddedASCII(text); !ok {
			var nz normalizer
			start := store.reserve(len(text))
			nz.run(text, &store.b)
			l.text, l.indent = store.text(start), i32(nz.indent)
			classify(&l)
			return l
		}
	}
	if core != "" {
		start := store.reserve(len(core))
		store.b.WriteString(core)
		core = store.text(start)
	}
	l.text, l.indent = core, i32(indent)
	classify(&l)
	return l
}

// prepare normalizes and classifies one line. ins, when not nil, are the line's runs.
func prepare(text string, ins []model.Inline, line int) ln {
	l := ln{line: i32(line)}
	if ins != nil {
		var nz normalizer
		out := make([]model.Inline, 0, len(ins))
		var all strings.Builder
		for _, in := range ins {
			var b strings.Builder
			nz.run(in.Text, &b)
			if b.Len() == 0 && in.Kind != model.KindFootnote {
				continue
			}
			in.Text = b.String()
			if in.Line == 0 {
				in.Line = line
			}
			all.WriteString(in.Text)
			out = append(out, in)
		}
		l.text, l.indent, l.ins = all.String(), i32(nz.indent), out
	} else if cleanASCII(text) {
		l.text = text
	} else if core, indent, ok := paddedASCII(text); ok {
		l.text, l.indent = core, i32(indent)
	} else {
		var nz normalizer
		var b strings.Builder
		b.Grow(len(text))
		nz.run(text, &b)
		l.text, l.indent = b.String(), i32(nz.indent)
	}
	classify(&l)
	return l
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// classify sets the kind of a prepared line from its own text; context comes later.
func classify(l *ln) {
	t := l.text
	switch {
	case t == "":
		l.kind = kBlank
		return
	case !hasWord(t):
		l.kind = kJunk
		if isUnderline(t) {
			l.kind = kUnder
		}
		return
	}
	if lvl, off, ok := headingCue(t); ok {
		l.kind, l.level, l.off = kHead, i32(lvl), i32(off)
	} else if off, ok := quoteCue(t); ok {
		l.kind, l.off = kQuote, i32(off)
	} else if m, ok := findBullet(t); ok {
		l.kind, l.off, l.marker, l.class, l.weak = kBullet, i32(m.off), m.marker, m.class, m.weak
		if m.class == "1." {
			l.kind = kNumbered
		}
	} else if isNote(t) {
		l.kind = kNote
	} else {
		l.kind = kText
	}
	l.units = i32(units(t[l.off:]))
}

// asText makes a line with a cue or marker (a heading, quotation, bullet, typed number or
// editorial note) plain text, for a line that opens with text as written (Line.Literal).
func (l *ln) asText() {
	l.literal = true
	switch l.kind {
	case kHead, kQuote, kBullet, kNumbered, kNote:
		l.kind, l.off, l.level, l.marker, l.class, l.weak = kText, 0, 0, "", "", false
		l.units = i32(units(l.text))
	}
}

// content returns the line's text after its cue or marker.
func (l *ln) content() string { return l.text[l.off:] }

// isUnderline reports a setext underline: three or more "=" or "-" and nothing else.
func isUnderline(t string) bool {
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if c != '=' && c != '-' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != c {
			return false
		}
	}
	return true
}

// headingCue recognises "# Title" … "###### Title" and "==Title", "== Title ==".
func headingCue(t string) (level, off int, ok bool) {
	c := t[0]
	if c != '#' && c != '=' {
		return 0, 0, false
	}
	n := 0
	for n < len(t) && t[n] == c && n < 7 {
		n++
	}
	if n > 6 || n == len(t) {
		return 0, 0, false
	}
	rest := t[n:]
	if c == '#' {
		// Markdown needs a space: "#hashtag" and "#3" are text.
		if rest[0] != ' ' {
			return 0, 0, false
		}
	}
	if c == '=' && n < 2 {
		// A single "=" starts formulas and arrows ("=> …", "= lettres …"), not headings.
		return 0, 0, false
	}
	off = n
	for off < len(t) && t[off] == ' ' {
		off++
	}
	if !hasWord(t[off:]) {
		return 0, 0, false
	}
	return n, off, true
}

// quoteCue recognises "> text" (and ">text", but not "->" or ">>=" operators).
func quoteCue(t string) (off int, ok bool) {
	if t[0] != '>' {
		return 0, false
	}
	off = 1
	for off < len(t) && t[off] == '>' {
		off++
	}
	if off < len(t) && t[off] == ' ' {
		off++
	}
	return off, true
}

// isNote reports a line wholly inside one pair of parentheses or brackets, ASCII or
// full-width: an editorial note.
func isNote(t string) bool { return model.Bracketed(t) }

// units measures the length of text for the heading and list rules: words of scripts that
// separate words with spaces, plus CJK characters at half a word each (a Chinese heading of
// 16 characters is as long as an English one of 8 words).
func units(s string) int {
	words, cjk := 0, 0
	var inWord uint8 // 1 inside a word
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII: no CJK; the white space of unicode.IsSpace and the letters and
			// digits of unicode.IsLetter and IsDigit, from a table and without a branch
			// (word boundaries are too frequent to predict): a letter or digit outside a
			// word starts one, white space ends it, anything else leaves it as it is.
			k := asciiUnit[c]
			letter := k & 1
			words += int(letter &^ inWord)
			inWord = (inWord | letter) &^ (k >> 1)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case isCJK(r):
			cjk++
			inWord = 0
		case unicode.IsSpace(r) || isNoBreak(r):
			inWord = 0
		case inWord == 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			words++
			inWord = 1
		}
	}
	return words + (cjk+1)/2
}

// asciiUnit is, for units, 1 for an ASCII letter or digit and 2 for ASCII white space.
var asciiUnit = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c >= '\t' && c <= '\r':
			t[c] = 2
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			t[c] = 1
		}
	}
	return t
}()

// isCJK reports ideographs, kana and hangul: scripts written without spaces between words.
func isCJK(r rune) bool {
	// Nothing below U+1100 (Hangul Jamo) is in these scripts: Latin, Cyrillic and Arabic
	// text skips the four table lookups.
	if r < 0x1100 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}
