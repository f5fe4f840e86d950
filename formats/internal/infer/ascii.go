package infer

import "unicode/utf8"

// Every line of an input is scanned a few times (is it clean, how wide, how many words);
// these helpers do the common case, printable ASCII, eight bytes at a time.

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	lows  = 0x7F7F7F7F7F7F7F7F
)

// load64 reads the eight bytes of s from i as one little-endian word (one load once
// compiled).
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// zeroBytes has the high bit set in each byte of x that is zero, and no other bit.
func zeroBytes(x uint64) uint64 { return ^(((x & lows) + lows) | x | lows) }

// runeCount is utf8.RuneCountInString, with ASCII counted a word at a time.
func runeCount(s string) int {
	i := 0
	for i+8 <= len(s) && load64(s, i)&highs == 0 {
		i += 8
	}
	return i + utf8.RuneCountInString(s[i:])
}

// cleanWord reports whether the eight bytes x are printable ASCII with no two spaces in a
// row; after says whether the byte before them was a space.
func cleanWord(x uint64, after bool) bool {
	if x&highs != 0 || zeroBytes(x&0xE0E0E0E0E0E0E0E0) != 0 || zeroBytes(x^lows) != 0 {
		return false // a byte of 0x80 or more, below 0x20, or DEL
	}
	sp := zeroBytes(x ^ 0x2020202020202020)
	return sp&(sp<<8) == 0 && !(after && sp&0x80 != 0)
}
