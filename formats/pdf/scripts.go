package pdf

import (
	"unicode"

	"github.com/scribe-un/scribe/formats/pdf/shape"
)

// The script hooks: Arabic shaping, display reordering and CJK line-break rules. The layout
// calls them per run (shaping) and per token (reordering), so a better implementation
// plugs in without changing the line breaker.

// shapeArabic turns Arabic letters in logical order into their contextual presentation forms.
func shapeArabic(s string) string { return shape.Arabic(s) }

// hasArabic reports whether s has Arabic letters that need shaping (a cheap test that spares
// other scripts the shaper).
func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0x08A0 && r <= 0x08FF {
			return true
		}
	}
	return false
}

// mirrorRune gives the mirror image of a bracket or other mirrored character, for right-to-left
// runs (Bidi_Mirroring_Glyph); other characters are returned unchanged.
func mirrorRune(r rune) rune {
	if m, ok := mirrors[r]; ok {
		return m
	}
	return r
}

var mirrors = func() map[rune]rune {
	pairs := []rune{'(', ')', '[', ']', '{', '}', '<', '>', '«', '»', '‹', '›', '⁽', '⁾', '₍', '₎',
		'≤', '≥', '⟨', '⟩', '〈', '〉', '《', '》', '「', '」', '『', '』', '【', '】', '〔', '〕',
		'（', '）', '［', '］', '｛', '｝', '＜', '＞'}
	m := make(map[rune]rune, len(pairs))
	for i := 0; i < len(pairs); i += 2 {
		m[pairs[i]], m[pairs[i+1]] = pairs[i+1], pairs[i]
	}
	return m
}()

// isRTLRune reports a strong right-to-left character.
func isRTLRune(r rune) bool { return shape.IsRTLRune(r) }

// isStrongLTR reports a letter that is not right to left (Latin, Cyrillic, Han…).
func isStrongLTR(r rune) bool { return unicode.IsLetter(r) && !isRTLRune(r) }

// isCJK reports a character between which and its neighbours lines may break.
func isCJK(r rune) bool { return shape.IsCJK(r) }

// canBreakBetween reports whether a line may break between prev and next (CJK rules,
// kinsoku); false between two non-CJK characters, which break at spaces only.
func canBreakBetween(prev, next rune) bool { return shape.CanBreakBetween(prev, next) }
