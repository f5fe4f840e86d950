package infer

import (
	"fmt"
	"sort"
)

// maxTopicUnits is the longest topic label typed as a lone bullet, in words.
const maxTopicUnits = 8

// topicBullets marks the topic labels of minutes that open each topic with a lone bullet
// ("* security", blank line, then the discussion; IETF and many mailing-list minutes):
// a bullet with no other bullet before or after it, short, with no final punctuation, no
// address and no "Name: text", not the answer to a question or a colon line above it,
// followed by at least two items of text before the next such bullet. Topic labels are often lower case, so the capital a heading otherwise needs
// is not asked for; instead the pattern must repeat: two or more such bullets of one
// marker and indentation. It returns the items marked.
func (in *inferrer) topicBullets() []int {
	items := in.items
	type key struct {
		class  string
		indent int32
	}
	byKey := map[key][]int{}
	var keys []key
	for i := range items {
		it := &items[i]
		if it.kind != kBullet || it.weak || it.inQuote || it.quoteEnd > 0 || it.heading || i > 0 && !it.blankBefore {
			continue
		}
		if i > 0 && items[i-1].kind == kBullet || i+1 >= len(items) || items[i+1].kind == kBullet || !items[i+1].blankBefore {
			continue
		}
		// A bullet under a question or a colon answers it ("How has the community
		// developed?" over "- Two committers joined"); a question someone asked in the
		// discussion before ("mnot: who has read this?") does not.
		if i > 0 && (endsColon(items[i-1].content()) || isQuestion(items[i-1].text) && !speakerLead(items[i-1].text)) {
			continue
		}
		c := it.content()
		if it.units > maxTopicUnits || endsPunct(c) || speakerLead(c) || hasURL(c) || endsFunctionWord(c) {
			continue
		}
		k := key{it.class, it.indent}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	var marked []int
	for _, k := range keys {
		idx := byKey[k]
		// Each label has discussion under it: two items or more before the next label.
		var kept []int
		for j, i := range idx {
			next := len(items)
			if j+1 < len(idx) {
				next = idx[j+1]
			}
			if next-i > 2 {
				kept = append(kept, i)
			}
		}
		if len(kept) < 2 {
			continue
		}
		for _, i := range kept {
			it := &items[i]
			it.heading = true
			it.why = fmt.Sprintf("heading: a lone %q bullet, short, with discussion under it, one of %d such topic labels", it.marker, len(kept))
			marked = append(marked, i)
		}
	}
	sort.Ints(marked)
	return marked
}

// topicLevels sets the level of the topic labels: one below the explicit heading cue
// above them (a report's "Community" topics under its underlined title), chapters when
// no cue comes before them.
func (in *inferrer) topicLevels(topics []int) {
	t, level := 0, 0
	for i := range in.items {
		if t == len(topics) {
			return
		}
		it := &in.items[i]
		if it.kind == kHead && !it.inQuote {
			level = int(it.level)
		}
		if i == topics[t] {
			it.level = i32(min(level+1, 3))
			t++
		}
	}
}

// isQuestion reports text ending with a question mark.
func isQuestion(s string) bool {
	r := lastSignificant(s)
	return r == '?' || r == '？' || r == '؟'
}
