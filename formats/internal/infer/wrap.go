package infer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The hard-wrap rule. Text typed in an editor with a fixed width, pasted from an e-mail or
// extracted from a PDF breaks sentences across lines. Whether a line continues the one
// before is decided per block (a run of lines between blank lines) from that block's own
// evidence, never once for the whole file:
//
//   - a block of three lines or more is hard-wrapped when it is 55 to 120 characters wide
//     and most of its lines but the last end near that width (three of them, or two and a
//     line running on into a small letter), two thirds of those without ending a sentence;
//     a page of extracted text, where short lines (items, labels) stand among the wrapped
//     prose, needs four near-width lines and two small-letter run-ons; a block of two lines is when its first line runs on near the width the
//     file's other hard-wrapped blocks share (the one place the file's evidence counts);
//   - a line never continues one that ends a sentence or a lead-in (". ! ? :" and their
//     CJK and Arabic forms), nor runs into a line that starts something of its own (a
//     marker, a "Label:", a word in capitals opening a record, a table row);
//   - in a hard-wrapped block a line continues a long line before it (near the block's
//     width); in any block 55 characters wide or more, it continues a line at least half
//     as wide that ends mid-sentence (a comma, a hyphen, an opening bracket, a function
//     word);
//   - in any block a line that starts with a small letter continues a line that ends
//     mid-sentence, or starts with a function word ("Pas d'adjoint dans les statuts" /
//     "mais permettre un renouvellement"); notes typed one per line keep their lines apart
//     ("Couleur" / "utilisation de cire noire");
//   - indentation changes end a paragraph, except a hanging indent: lines indented under a
//     long first line ("Name:  text" with its continuation two spaces in) belong to it.

// block is what the hard-wrap rule knows of the block a line belongs to.
type block struct {
	width   int  // the widest line
	lines   int  // lines that count (not blank, not dropped)
	wrapped bool // hard-wrapped, by the evidence of its own lines
	// firstOpen and firstWidth describe the first line, for two-line blocks.
	firstOpen  bool
	firstWidth int
	// lowerRuns is set on a two-line block whose first line runs on near the width of the
	// file's wrapped blocks: a second line starting with a small letter continues it.
	lowerRuns bool
}

// span is a block and the lines it covers, [start, end).
type span struct {
	start, end int
	block
}

// blocks describes the blocks of lns in order: the runs of lines between blank lines
// (dropped furniture does not count). It allocates per block, not per line, so a million
// lines of one block cost nothing.
func blocks(lns []ln) []span {
	// One block per blank line and one more: counted first, so the spans are allocated
	// once (growing them by appends copied a long input's spans over and over).
	nb := 1
	for i := range lns {
		if lns[i].kind == kBlank {
			nb++
		}
	}
	spans := make([]span, 0, nb)
	var fileWidths []int
	counts := func(l *ln) bool {
		return l.kind != kBlank && l.kind != kDrop && l.kind != kJunk && l.kind != kUnder
	}
	measure := func(start, end int) {
		sp := span{start: start, end: end}
		n, last := 0, -1
		for j := start; j < end; j++ {
			if counts(&lns[j]) {
				sp.width = max(sp.width, lineWidth(&lns[j]))
				n++
				last = j
			}
		}
		sp.lines = n
		if n >= 2 {
			sp.firstOpen = open(&lns[firstCounted(lns, start, end, counts)])
			sp.firstWidth = lineWidth(&lns[firstCounted(lns, start, end, counts)])
		}
		if n >= 3 && wrappedWidth(sp.width) {
			near, running, lowerNext := 0, 0, 0
			prevOpen := false
			for j := start; j < end; j++ {
				l := &lns[j]
				if !counts(l) {
					continue
				}
				if prevOpen && startsLower(l.text) {
					lowerNext++
				}
				prevOpen = open(l)
				if j != last && lineWidth(l)*100 >= sp.width*85 {
					near++
					if prevOpen {
						running++
					}
				}
			}
			// Two lines of one width may be chance; three, or a sentence running on into
			// a small letter, are not.
			// A page of extracted text mixes short lines (items, labels) with wrapped
			// prose: many near-width lines and several small-letter run-ons are enough.
			enough := near*2 >= n-1 || near >= 4 && lowerNext >= 2
			sp.wrapped = (near >= 3 || near == 2 && lowerNext > 0) && enough && running*3 >= near*2
			if sp.wrapped {
				fileWidths = append(fileWidths, sp.width)
			}
		}
		spans = append(spans, sp)
	}
	start := 0
	for i := range lns {
		if lns[i].kind == kBlank {
			measure(start, i)
			start = i + 1
		}
	}
	measure(start, len(lns))
	// Two-line blocks follow the width the file's wrapped blocks share.
	if len(fileWidths) >= 2 {
		slices.Sort(fileWidths)
		wrap := fileWidths[len(fileWidths)/2]
		for i := range spans {
			sp := &spans[i]
			if sp.lines == 2 && sp.firstOpen && sp.firstWidth*100 >= wrap*85 && sp.firstWidth <= wrap+5 {
				sp.width, sp.lowerRuns = wrap, true
			}
		}
	}
	return spans
}

// open reports a line left open: no sentence end, no lead-in colon.
func open(l *ln) bool { return !endsSentence(l.text) && !endsColon(l.text) }

// firstCounted is the index of the first line of [start, end) that counts.
func firstCounted(lns []ln, start, end int, counts func(*ln) bool) int {
	for j := start; j < end; j++ {
		if counts(&lns[j]) {
			return j
		}
	}
	return start
}

// lineWidth is a line's width in characters, indentation included.
func lineWidth(l *ln) int { return runeCount(l.text) + int(l.indent) }

// wrappedWidth reports a block width typical of hard-wrapped text.
func wrappedWidth(w int) bool { return w >= 55 && w <= 120 }

// continues reports whether line l continues item prev, the last item of its block, by the
// hard-wrap rule.
func continues(prev *item, l *ln, b block) bool {
	if l.kind != kText || (prev.kind != kText && prev.kind != kNumbered && prev.kind != kBullet) {
		return false
	}
	tail := prev.text
	if prev.runIn || startsRecord(l.text) && !(startsLower(l.text) && endsMidSentence(tail)) {
		// A lower-case "word:" after a line cut mid-sentence is the sentence running on
		// ("…bring up the" / "question: how…"), not a nick opening a turn.
		return false
	}
	if endsSentence(tail) || endsColon(tail) {
		return false
	}
	long := b.wrapped && int(prev.lastLen)*100 >= b.width*80
	switch {
	case l.indent == prev.lastIndent:
	case l.indent > prev.indent && prev.lines == 1 && long && prev.kind == kText:
		// A hanging indent under a long first line.
	default:
		return false
	}
	mid := endsMidSentence(tail)
	switch {
	case long:
		return true
	case mid && wrappedWidth(b.width) && int(prev.lastLen)*2 >= b.width:
		return true
	case startsLower(l.text):
		return mid || startsFunctionWord(l.text) || b.wrapped || b.lowerRuns
	}
	return false
}

// startsRecord reports a line that starts something of its own rather than continuing a
// sentence: "Councilors absent: …", "MOTION: …", "VOTED 9-0-0 …", "| a | b |". That is a
// "Label:" (one to four words from a capital, or one lower-case nick: "lmasinter:"), a word
// in capitals opening a record ("MOTION:", "VOTED 9-0-0", "RESOLVED,"), or a table row:
// what the expression recordStart (in the tests) matches, written out because compiling it
// took a quarter of a millisecond of every run.
func startsRecord(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '|' {
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsUpper(r):
		return capitalsRecord(s) || labelAfter(s[n:], 3, isLabelRune)
	case unicode.IsLower(r):
		return labelAfter(s[n:], 0, isNickByte)
	}
	return false
}

// capitalsRecord reports three or more capitals followed by ":", "," or spaces and a digit.
func capitalsRecord(s string) bool {
	caps := 0
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsUpper(r) {
			break
		}
		s = s[n:]
		caps++
	}
	if caps < 3 || s == "" {
		return false
	}
	if s[0] == ':' || s[0] == ',' {
		return true
	}
	rest := strings.TrimLeft(s, recordSpaces)
	return len(rest) < len(s) && rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

// recordSpaces are the spaces of \s in Go's regular expressions.
const recordSpaces = "\t\n\f\r "

// isLabelRune reports a rune of a word of a label; in a word after the first, brackets too.
func isLabelRune(r rune, later bool) bool {
	switch r {
	case '\'', '’', '.', '-':
		return true
	case '(', ')':
		return later
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isNickByte reports a rune of a lower-case nick: ASCII letters, digits, '_', '.', '-'.
func isNickByte(r rune, _ bool) bool {
	return r < utf8.RuneSelf && (r == '_' || r == '.' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// labelAfter reports whether s, the rest of a label's first word, runs on through the word
// and up to more words (each after spaces, in runes in) to a colon, at most one space
// before it and at least one after.
func labelAfter(s string, more int, in func(r rune, later bool) bool) bool {
	s = skipRunes(s, in, false)
	for words := 0; ; words++ {
		if rest, ok := cutColon(s); ok {
			return rest != "" && strings.IndexByte(recordSpaces, rest[0]) >= 0
		}
		spaced := strings.TrimLeft(s, recordSpaces)
		if len(spaced) == len(s) {
			return false
		}
		if len(s)-len(spaced) == 1 {
			if rest, ok := cutColon(spaced); ok {
				return rest != "" && strings.IndexByte(recordSpaces, rest[0]) >= 0
			}
		}
		word := skipRunes(spaced, in, true)
		if words == more || len(word) == len(spaced) {
			return false
		}
		s = word
	}
}

// skipRunes returns s after its leading runes in the set.
func skipRunes(s string, in func(r rune, later bool) bool, later bool) string {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !in(r, later) {
			break
		}
		s = s[n:]
	}
	return s
}

// cutColon returns s after a leading ":" or "：".
func cutColon(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, ":"); ok {
		return rest, true
	}
	return strings.CutPrefix(s, "：")
}

// startsFunctionWord reports a line whose first word is a function word ("mais", "and",
// "de"): it cannot open a note of its own.
func startsFunctionWord(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if end < 0 {
		end = len(s)
	}
	return functionWords[strings.ToLower(s[:end])]
}

// endsMidSentence reports a line that stops where a sentence cannot end: after a comma, a
// hyphen or dash, an opening bracket, or a function word.
func endsMidSentence(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case ',', '，', '、', '،', '-', '‐', '(', '[', '&':
		return true
	}
	return endsFunctionWord(s)
}
