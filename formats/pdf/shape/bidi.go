package shape

import (
	"strings"
	"sync"

	gobidi "github.com/go-text/typesetting/bidi"
	xbidi "golang.org/x/text/unicode/bidi"
)

// IsRTLRune reports whether r is a strong right-to-left character (bidi class R or AL):
// Hebrew, Arabic (including its presentation forms), Syriac, Thaana, N'Ko and the like.
// Arabic-Indic digits are not: they are numbers and display left to right.
func IsRTLRune(r rune) bool {
	if r < 0x0590 { // fast path: nothing below Hebrew is RTL
		return false
	}
	p, _ := xbidi.LookupRune(r)
	c := p.Class()
	return c == xbidi.R || c == xbidi.AL
}

// HasRTL reports whether s contains any strong right-to-left character.
func HasRTL(s string) bool {
	for _, r := range s {
		if IsRTLRune(r) {
			return true
		}
	}
	return false
}

// isBidiControl reports the invisible bidi controls that Visual removes: once the line is in
// visual order they have done their work, and a font would draw them as .notdef boxes
// (x/text number formatting inserts U+061C and U+200E, for instance).
func isBidiControl(r rune) bool {
	switch {
	case r == '\u061C', r == '\u200E', r == '\u200F':
		return true
	case r >= '\u202A' && r <= '\u202E':
		return true
	case r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// isParagraphSeparator reports bidi class B characters. go-text's bidi stops at the first
// one, so Visual reorders each piece separately and keeps the separators in place.
func isParagraphSeparator(r rune) bool {
	switch r {
	case '\n', '\r', '\u001C', '\u001D', '\u001E', '\u0085', '\u2029':
		return true
	}
	return false
}

// Visual reorders one line, given in logical order (and already shaped), into visual order
// for left-to-right glyph placement. rtlBase is the paragraph direction (true for Arabic).
//
// Levels come from go-text's implementation of the Unicode Bidirectional Algorithm
// (UAX #9); the line is then reversed from the highest level down (rule L2), brackets and
// other mirrored characters in right-to-left runs are replaced by their mirror images, and
// invisible bidi controls are removed. Latin words, digits and symbols keep their
// left-to-right order inside right-to-left text. Combining marks travel with their base
// letter: in a reversed run they come out before it, which is where a font without GPOS
// positioning (glyphs placed one after another) expects an RTL mark.
//
// Visual returns valid UTF-8 and never panics.
func Visual(line string, rtlBase bool) (out string) {
	defer func() {
		// The bidi implementation is third-party code working on arbitrary input: a panic
		// there must not take the conversion down. The logical line is a readable fallback.
		if recover() != nil {
			out = strings.Map(func(r rune) rune {
				if isBidiControl(r) {
					return -1
				}
				return r
			}, strings.ToValidUTF8(line, "\uFFFD"))
		}
	}()

	rs := make([]rune, 0, len(line))
	for _, r := range line { // range yields U+FFFD for invalid bytes
		if !isBidiControl(r) {
			rs = append(rs, r)
		}
	}
	// Reorder each stretch between paragraph separators on its own.
	var p gobidi.Paragraph
	start := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && !isParagraphSeparator(rs[i]) {
			continue
		}
		reorder(&p, rs[start:i], rtlBase)
		start = i + 1
	}
	return string(rs)
}

// reorder puts rs (one paragraph, no separators, no explicit controls) into visual order in
// place.
func reorder(p *gobidi.Paragraph, rs []rune, rtlBase bool) {
	if len(rs) == 0 {
		return
	}
	if !rtlBase && !hasRTLOrAN(rs) {
		return // pure LTR: nothing to do (the common case for five of the six languages)
	}
	levels := resolveLevels(p, rs, rtlBase)

	// Mirror before reversing, while levels still line up with the runes.
	for i, r := range rs {
		if levels[i]%2 == 1 {
			if m, ok := mirror()[r]; ok {
				rs[i] = m
			}
		}
	}

	// Rule L2: from the highest level down to the lowest odd level, reverse every maximal
	// sequence of characters at that level or higher.
	var maxLevel, minOdd gobidi.Level = 0, 127
	for _, l := range levels {
		if l > maxLevel {
			maxLevel = l
		}
		if l%2 == 1 && l < minOdd {
			minOdd = l
		}
	}
	for lvl := maxLevel; lvl >= minOdd && lvl > 0; lvl-- {
		for i := 0; i < len(rs); {
			if levels[i] < lvl {
				i++
				continue
			}
			j := i
			for j < len(rs) && levels[j] >= lvl {
				j++
			}
			reverseRunes(rs[i:j])
			reverseLevels(levels[i:j])
			i = j
		}
	}
}

// hasRTLOrAN reports whether an LTR paragraph needs the bidi algorithm at all: only strong
// RTL letters and Arabic-Indic digits can raise a level above zero once controls are gone.
func hasRTLOrAN(rs []rune) bool {
	for _, r := range rs {
		if r < 0x0590 {
			continue
		}
		p, _ := xbidi.LookupRune(r)
		switch p.Class() {
		case xbidi.R, xbidi.AL, xbidi.AN:
			return true
		}
	}
	return false
}

// resolveLevels returns the embedding level of every rune.
//
// go-text's bidi only reports runs split by direction, with the level of each run's first
// character: levels 0 and 2 (both even) end up in one run. Since explicit embeddings have
// been stripped, the only levels possible are 0, 1 and 2, and in an LTR paragraph level 2 is
// exactly the characters resolved to EN or AN (rule I1: numbers inside RTL text). Those
// are found here by rules W1–W7, and the odd/even split is taken from go-text. In an RTL
// paragraph the even level is always 2, so no correction is needed.
func resolveLevels(p *gobidi.Paragraph, rs []rune, rtlBase bool) []gobidi.Level {
	dir := gobidi.LeftToRight
	if rtlBase {
		dir = gobidi.RightToLeft
	}
	runs := p.Segment(rs, dir)
	levels := make([]gobidi.Level, len(rs))
	base := gobidi.Level(0)
	if rtlBase {
		base = 1
	}
	for i := range levels {
		levels[i] = base
	}
	for k := 0; k < runs.NumRuns(); k++ {
		run := runs.Run(k)
		for i := max(run.Start, 0); i < run.End && i < len(rs); i++ {
			levels[i] = run.Level
		}
	}
	if rtlBase {
		return levels
	}
	numeric := resolveNumbers(rs)
	for i, l := range levels {
		switch {
		case l%2 == 1:
			levels[i] = 1
		case numeric[i]:
			levels[i] = 2
		default:
			levels[i] = 0
		}
	}
	return levels
}

// resolveNumbers applies the weak-type rules W1–W7 of UAX #9 to an LTR paragraph without
// explicit embeddings and reports which characters resolve to EN or AN. Boundary neutrals
// (BN: ZWJ, soft hyphen…) are removed first, as rule X9 requires, and take the result of
// the character before them.
func resolveNumbers(rs []rune) []bool {
	idx := make([]int, 0, len(rs)) // positions of the non-BN characters
	cls := make([]xbidi.Class, 0, len(rs))
	for i, r := range rs {
		p, _ := xbidi.LookupRune(r)
		c := p.Class()
		if c == xbidi.BN {
			continue
		}
		idx = append(idx, i)
		cls = append(cls, c)
	}
	n := len(cls)
	// W1: a mark takes the type of the character before it (sos, L, at the start).
	for i := range cls {
		if cls[i] == xbidi.NSM {
			if i == 0 {
				cls[i] = xbidi.L
			} else {
				cls[i] = cls[i-1]
			}
		}
	}
	// W2: EN after AL becomes AN. W3: AL becomes R.
	last := xbidi.L
	for i, c := range cls {
		switch c {
		case xbidi.L, xbidi.R, xbidi.AL:
			last = c
		case xbidi.EN:
			if last == xbidi.AL {
				cls[i] = xbidi.AN
			}
		}
	}
	for i, c := range cls {
		if c == xbidi.AL {
			cls[i] = xbidi.R
		}
	}
	// W4: one separator between two numbers of the same kind joins them.
	for i := 1; i+1 < n; i++ {
		a, b := cls[i-1], cls[i+1]
		switch cls[i] {
		case xbidi.ES:
			if a == xbidi.EN && b == xbidi.EN {
				cls[i] = xbidi.EN
			}
		case xbidi.CS:
			if a == b && (a == xbidi.EN || a == xbidi.AN) {
				cls[i] = a
			}
		}
	}
	// W5: terminators (%, $, °…) next to a European number become part of it.
	for i := 0; i < n; {
		if cls[i] != xbidi.ET {
			i++
			continue
		}
		j := i
		for j < n && cls[j] == xbidi.ET {
			j++
		}
		if (i > 0 && cls[i-1] == xbidi.EN) || (j < n && cls[j] == xbidi.EN) {
			for k := i; k < j; k++ {
				cls[k] = xbidi.EN
			}
		}
		i = j
	}
	// W6 turns the remaining separators into neutrals: they are simply not numbers here.
	// W7: EN after L (or at the start of an LTR paragraph) becomes L.
	last = xbidi.L
	for i, c := range cls {
		switch c {
		case xbidi.L, xbidi.R:
			last = c
		case xbidi.EN:
			if last == xbidi.L {
				cls[i] = xbidi.L
			}
		}
	}

	out := make([]bool, len(rs))
	k := 0
	for i := range rs {
		if k < len(idx) && idx[k] == i {
			out[i] = cls[k] == xbidi.EN || cls[k] == xbidi.AN
			k++
		} else if i > 0 {
			out[i] = out[i-1]
		}
	}
	return out
}

func reverseRunes(s []rune) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

func reverseLevels(s []gobidi.Level) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// mirror holds Bidi_Mirroring_Glyph pairs (BidiMirroring.txt) for the characters that
// occur in documents: brackets, quotation angles, comparison and set operators. Other
// mirrored characters have no mirror glyph and are drawn as they are. Built on first use
// (right-to-left text), not when the program starts; read-only.
var mirror = sync.OnceValue(func() map[rune]rune {
	pairs := []rune{
		'(', ')', '[', ']', '{', '}', '<', '>', '«', '»', '‹', '›',
		'⁅', '⁆', '⁽', '⁾', '₍', '₎', '≤', '≥', '≦', '≧', '≨', '≩', '≪', '≫', '≮', '≯',
		'≰', '≱', '≲', '≳', '≶', '≷', '≺', '≻', '∈', '∋', '∉', '∌', '⊂', '⊃', '⊄', '⊅',
		'⊆', '⊇', '⊊', '⊋', '⌈', '⌉', '⌊', '⌋', '〈', '〉', '❨', '❩', '❪', '❫', '❬', '❭',
		'❮', '❯', '❰', '❱', '❲', '❳', '❴', '❵', '⟦', '⟧', '⟨', '⟩', '⟪', '⟫', '⦃', '⦄',
		'⦅', '⦆', '〈', '〉', '《', '》', '「', '」', '『', '』', '【', '】', '〔', '〕',
		'〖', '〗', '〘', '〙', '〚', '〛', '﹙', '﹚', '﹛', '﹜', '﹝', '﹞', '﹤', '﹥',
		'（', '）', '＜', '＞', '［', '］', '｛', '｝', '｟', '｠', '｢', '｣',
	}
	m := make(map[rune]rune, len(pairs))
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
		m[pairs[i+1]] = pairs[i]
	}
	return m
})
