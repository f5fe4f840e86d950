package shape

import (
	"sync"
	"unicode"
)

// IsCJK reports whether r belongs to Chinese, Japanese or Korean writing, where a line may
// break between any two characters: Han ideographs and radicals, kana, Hangul, Bopomofo,
// CJK symbols and punctuation, and full-width forms.
func IsCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	switch {
	case r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation (、。「」…)
		r >= 0xFF00 && r <= 0xFFEF, // half-width and full-width forms
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFE10 && r <= 0xFE1F, // vertical forms
		r >= 0x3200 && r <= 0x33FF, // enclosed CJK letters, CJK compatibility
		r >= 0x31C0 && r <= 0x31EF: // CJK strokes
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo)
}

// cjkSets holds the line-breaking classes of CanBreakBetween, built on first use (text with
// CJK characters), not when the program starts; read-only.
var cjkSets = sync.OnceValue(func() breakSets {
	return breakSets{
		noLineStart: runeSet(
			"。．，、；：？！）」』】》〉〕〗〙〛｝］｣”’・ー々〆ゝゞヽヾ〜～％‰℃°′″›»" +
				"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯｰ" +
				")]},.;:?!%",
		),
		noLineEnd:        runeSet("（「『【《〈〔〖〘〚｛［｢“‘‹«([{＄￥￡$£¥€"),
		unbreakablePairs: runeSet("—…‥"),
	}
})

type breakSets struct {
	// noLineStart holds the characters that must not begin a line (kinsoku shori, GB/T
	// 15834): closing brackets and quotes, sentence and clause punctuation, small kana, the
	// prolonged sound mark and iteration marks, and their ASCII counterparts.
	noLineStart map[rune]bool
	// noLineEnd holds the characters that must not end a line: opening brackets and quotes,
	// and currency signs that precede an amount.
	noLineEnd map[rune]bool
	// unbreakablePairs are characters that, doubled, form one sign that must stay on one
	// line: the Chinese dash —— and ellipsis …….
	unbreakablePairs map[rune]bool
}

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// CanBreakBetween reports whether a line may break between the adjacent runes prev and next
// when at least one of them is CJK: yes between ideographs (and between an ideograph and a
// Latin word), never before closing punctuation or small kana, never after opening
// punctuation, never inside a doubled dash or ellipsis. Pairs without a CJK character, and
// pairs involving a space, return false: the caller breaks Latin text at spaces.
func CanBreakBetween(prev, next rune) bool {
	if !IsCJK(prev) && !IsCJK(next) {
		return false
	}
	if unicode.IsSpace(prev) || unicode.IsSpace(next) {
		return false
	}
	sets := cjkSets()
	if sets.noLineStart[next] || sets.noLineEnd[prev] {
		return false
	}
	if prev == next && sets.unbreakablePairs[prev] {
		return false
	}
	// Combining marks belong to the character before them.
	if unicode.In(next, unicode.Mn, unicode.Me) {
		return false
	}
	return true
}
