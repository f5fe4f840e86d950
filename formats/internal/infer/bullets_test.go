package infer

import "testing"

// TestMayEnumerateKeepsMatches checks that the byte check in front of the marker
// expressions rejects no line one of them matches: every string of up to four characters
// drawn from the characters markers are made of, followed by text, is tried.
func TestMayEnumerateKeepsMatches(t *testing.T) {
	alphabet := []string{"(", "（", ")", "）", ".", "、", " ", "\t", "a", "z", "A", "Z", "i", "v", "x",
		"0", "9", "б", "Ꙁ", "ب", "一", "十", "-", "é"}
	var try func(prefix string, depth int)
	try = func(prefix string, depth int) {
		s := prefix + " text"
		if !mayEnumerate(s) {
			for _, re := range []interface{ MatchString(string) bool }{reParen, reClose, reDot, reCJKEnum} {
				if re.MatchString(s) {
					t.Fatalf("mayEnumerate(%q) = false, but %v matches", s, re)
				}
			}
		}
		if depth == 4 {
			return
		}
		for _, c := range alphabet {
			try(prefix+c, depth+1)
		}
	}
	try("", 0)
}

// findBullet looks the symbol bullets up only for non-ASCII runes and "-", "*", "+".
func TestSymbolBulletsASCII(t *testing.T) {
	for r := range symbolBullets {
		if r < 0x80 && r != '-' && r != '*' && r != '+' {
			t.Errorf("symbol bullet %q is ASCII: findBullet skips it", r)
		}
	}
}
