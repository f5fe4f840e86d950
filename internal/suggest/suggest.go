// Package suggest finds the valid name nearest to a mistyped one, for messages such as
// unknown key "langs" (did you mean "lang"?).
package suggest

import "strings"

// Nearest returns the valid key closest to key by edit distance (case and the separators
// -, _ ignored), or "" when none is close enough to be a likely typo.
func Nearest(key string, valid []string) string {
	norm := func(s string) string {
		return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(s))
	}
	k := norm(key)
	best, bestD := "", -1
	for _, v := range valid {
		d := distance(k, norm(v))
		if bestD < 0 || d < bestD {
			best, bestD = v, d
		}
	}
	limit := max(2, len([]rune(k))/3)
	if bestD < 0 || bestD > limit {
		return ""
	}
	return best
}

// distance is the Levenshtein distance between a and b, counted in runes, with a swap of
// two neighbours counting as one edit (as typing does).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
