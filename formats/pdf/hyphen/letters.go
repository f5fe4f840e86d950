package hyphen

import "unicode"

// The Unicode tables answer for any rune by binary search; the scripts of the
// embedded patterns get arithmetic fast paths, which halve the cost of a Russian or
// accented word. Each path gives what the unicode package gives for its runes
// (TestLetterFastPaths compares them).

// isLetter is unicode.IsLetter.
func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x400 <= r && r <= 0x481: // Cyrillic letters
		return true
	}
	return unicode.IsLetter(r)
}

// isUpper is unicode.IsUpper or unicode.IsTitle, for a letter.
func isUpper(r rune) bool {
	switch {
	case r < 0x80:
		return 'A' <= r && r <= 'Z'
	case 0x400 <= r && r <= 0x45F:
		return r < 0x430
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// toLower is unicode.ToLower.
func toLower(r rune) rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case 0xC0 <= r && r <= 0xDE && r != 0xD7: // À to Þ but ×
		return r + 0x20
	case 0xDF <= r && r <= 0xFF:
		return r
	case 0x400 <= r && r <= 0x40F: // Ѐ to Џ
		return r + 0x50
	case 0x410 <= r && r <= 0x42F: // А to Я
		return r + 0x20
	case 0x430 <= r && r <= 0x45F:
		return r
	}
	return unicode.ToLower(r)
}
