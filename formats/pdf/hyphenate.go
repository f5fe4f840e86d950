package pdf

import (
	"strings"

	"github.com/scribe-un/scribe/formats/pdf/hyphen"
)

// Hyphenation: a word that does not fit at the end of a line is broken at the last of its
// hyphenation points (Liang's patterns for the version's language, package hyphen) whose
// first part, with the hyphen, still fits, as LibreOffice and Word do with the DOCX of the
// same report. Symbols, numbers, URLs, words in capitals and the last word of a paragraph
// are never broken; a compound breaks after its own hyphen, even in a language scribe has
// no patterns for.

// hyphenDict returns the patterns for the version's language: the text in its own script
// when it is written in Latin or Cyrillic letters, English for the Latin text of an Arabic
// or Chinese version. Nil when there are none: lines then break at spaces and hard hyphens.
func hyphenDict(lang, script string) *hyphen.Dict {
	if script == "Arab" || script == "Hans" || script == "Hant" {
		lang = "en"
	}
	d, err := hyphen.Load(lang)
	if err != nil {
		return nil
	}
	return d
}

// hyphenate splits t into a head that fits in avail (mm), ending with a hyphen where the
// patterns say, and the rest; ok is false when no break fits.
func (l *layouter) hyphenate(t token, avail float64) (head, tail token, ok bool, err error) {
	if t.keep || t.dir == dirRTL || len(t.pieces) == 0 || avail <= 0 {
		return head, tail, false, nil
	}
	var text strings.Builder
	for _, p := range t.pieces {
		text.WriteString(p.text)
	}
	breaks := l.breaksOf(text.String())
	for k := len(breaks) - 1; k >= 0; k-- {
		b := breaks[k]
		h, tl, can, err := l.splitAt(t, b.Byte, b.Hyphen)
		if err != nil {
			return head, tail, false, err
		}
		if can && h.w <= avail+1e-6 {
			return h, tl, true, nil
		}
	}
	return head, tail, false, nil
}

// breaksOf returns where a token may break: its hyphenation points, and in a compound
// ("multi-stakeholder") after its hyphens and inside its parts too, as LibreOffice breaks
// them ("multi-stake-holder").
func (l *layouter) breaksOf(tok string) []hyphen.Break {
	if isURL(tok) {
		return urlBreaks(tok)
	}
	if l.hyph == nil {
		return hardHyphenBreaks(tok)
	}
	breaks := l.hyph.Breaks(tok, hyphen.Rules{})
	hard := hardHyphenBreaks(tok)
	if len(hard) == 0 {
		return breaks
	}
	if len(breaks) == 0 {
		// A compound with digits or dots the patterns leave whole ("slides-97-quic-00.pdf").
		return hard
	}
	var out []hyphen.Break
	start := 0
	for _, h := range append(hard, hyphen.Break{Byte: len(tok)}) {
		part := tok[start:h.Byte]
		if h.Byte < len(tok) {
			part = tok[start : h.Byte-1] // without its hyphen
		}
		for _, b := range l.hyph.Breaks(part, hyphen.Rules{}) {
			if b.Hyphen {
				out = append(out, hyphen.Break{Byte: start + b.Byte, Hyphen: true})
			}
		}
		if h.Byte < len(tok) {
			out = append(out, h)
		}
		start = h.Byte
	}
	if len(out) == 0 {
		return breaks
	}
	return out
}

// isURLToken reports a token that is a web address.
func isURLToken(t token) bool {
	if t.keep || len(t.pieces) == 0 {
		return false
	}
	if t.pieces[0].link != "" {
		return true
	}
	var b strings.Builder
	for _, p := range t.pieces {
		b.WriteString(p.text)
	}
	return isURL(b.String())
}

// isURL reports a web address, which breaks after its slashes rather than hyphenating.
func isURL(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(strings.ToLower(s), "www.")
}

// urlBreaks allows a line to end inside a web address where style guides allow it, never
// adding a hyphen, which would read as part of it: after a slash (after "//", not between
// them), a question mark, an ampersand or an equals sign; before a full stop, a hyphen, an
// underscore or a tilde, so the next line shows it is a continuation.
func urlBreaks(s string) []hyphen.Break {
	var out []hyphen.Break
	for i := 1; i < len(s)-1; i++ {
		switch c := s[i]; {
		case c == '/' && s[i+1] != '/' && s[i-1] != ':', c == '?', c == '&', c == '=':
			out = append(out, hyphen.Break{Byte: i + 1})
		case (c == '.' || c == '-' || c == '_' || c == '~') && s[i-1] != '/' && s[i-1] != '.':
			out = append(out, hyphen.Break{Byte: i})
		}
	}
	return out
}

// hardHyphenBreaks allows a break after each hyphen between a letter or digit and a letter
// ("multi-stakeholder", "slides-97-quic"), as line breakers do; never before a digit, where
// the hyphen may be a minus.
func hardHyphenBreaks(s string) []hyphen.Break {
	var out []hyphen.Break
	prevAlnum := false
	for i, r := range s {
		if r == '-' && prevAlnum && i+1 < len(s) {
			next := rune(s[i+1])
			if next >= 'A' && next <= 'Z' || next >= 'a' && next <= 'z' || next >= 0xC0 {
				out = append(out, hyphen.Break{Byte: i + 1})
			}
		}
		prevAlnum = r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0xC0
	}
	return out
}

// splitAt cuts t at byte offset at of its text, adding a hyphen to the head when hyph is
// set; ok is false when the face there has no hyphen to add. The tail keeps what followed
// the token (its space, its footnotes).
func (l *layouter) splitAt(t token, at int, hyph bool) (head, tail token, ok bool, err error) {
	off := 0
	for i, p := range t.pieces {
		if at > off+len(p.text) || at == off+len(p.text) && i < len(t.pieces)-1 {
			off += len(p.text)
			continue
		}
		cut := at - off
		h, tl := p, p
		h.text, tl.text = p.text[:cut], p.text[cut:]
		if hyph {
			// The hyphen is drawn in the face of the syllable before it; without one there
			// the break would draw .notdef, which PDF/A forbids.
			if !p.face.has('-') {
				return head, tail, false, nil
			}
			h.text += "-"
		}
		if h.w, err = l.df.width(p.face, h.text, p.size); err != nil {
			return head, tail, false, err
		}
		if tl.w, err = l.df.width(p.face, tl.text, p.size); err != nil {
			return head, tail, false, err
		}
		head.pieces = append(append([]piece(nil), t.pieces[:i]...), h)
		tail.pieces = append([]piece{tl}, t.pieces[i+1:]...)
		break
	}
	for _, p := range head.pieces {
		head.w += p.w
	}
	for _, p := range tail.pieces {
		tail.w += p.w
	}
	head.dir, tail.dir = t.dir, t.dir
	tail.glue, tail.space, tail.notes = t.glue, t.space, t.notes
	return head, tail, true, nil
}
