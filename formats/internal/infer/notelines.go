package infer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// The note-line rule. Notes typed in an editor often put one note per line with no blank
// line between them ("Changement de gouvernance" / "Chaque projet est représenté."); a
// structured format (CommonMark, HTML <br>, Word line breaks) joins such lines into one
// paragraph, and a report must not. The rule that splits them back, applied to the lines of
// one paragraph:
//
//   - An explicit line break (two trailing spaces, a backslash, <br>) always separates notes.
//   - A paragraph is hard-wrapped prose when it has two lines or more, its longest line is
//     between 50 and 120 characters and every line but the last is at least 75% of that
//     width. Its lines are joined, except after a line that ends a sentence well short of
//     the width (a deliberate break).
//   - Otherwise a line continues the previous one only when it starts with a lower-case
//     letter (or a letter of a script without case) and the previous line does not end
//     with sentence punctuation (. ! ? … : ; and their CJK and Arabic forms). Anything
//     else (a capital, a digit, a marker such as "-->" or "=") starts a new note.
const (
	wrapMinWidth = 50
	wrapMaxWidth = 120
	wrapRatio    = 0.75
	// shortRatio marks a line that ends a sentence well before the wrap width.
	shortRatio = 0.8
)

// NoteStarts applies the note-line rule to the lines of one paragraph: lines[i] is the
// plain text of line i and hard[i] (nil for none) tells that the author ended it with an
// explicit line break. It returns, for each line, whether a new note starts there (always
// true for the first).
func NoteStarts(lines []string, hard []bool) []bool {
	starts := make([]bool, len(lines))
	if len(lines) == 0 {
		return starts
	}
	starts[0] = true
	texts := make([]string, len(lines))
	widest := 0
	for i, l := range lines {
		texts[i] = strings.TrimSpace(l)
		widest = max(widest, utf8.RuneCountInString(texts[i]))
	}
	isHard := func(i int) bool { return i < len(hard) && hard[i] }
	wrapped := len(lines) >= 2 && widest >= wrapMinWidth && widest <= wrapMaxWidth
	for i := 0; wrapped && i < len(lines)-1; i++ {
		if float64(utf8.RuneCountInString(texts[i])) < wrapRatio*float64(widest) && !isHard(i) {
			wrapped = false
		}
	}
	for i := 1; i < len(lines); i++ {
		prev, next := texts[i-1], texts[i]
		switch {
		case isHard(i - 1):
			starts[i] = true
		case wrapped:
			starts[i] = endsNote(prev) && float64(utf8.RuneCountInString(prev)) < shortRatio*float64(widest)
		default:
			starts[i] = endsNote(prev) || !startsContinuation(next)
		}
	}
	return starts
}

// GroupNotes splits the lines of one paragraph into notes by the note-line rule: each group
// is the lines of one note, in order.
func GroupNotes(ls []textrun.Line) [][]textrun.Line {
	texts := make([]string, len(ls))
	hard := make([]bool, len(ls))
	for i, l := range ls {
		texts[i] = model.PlainText(l.Inlines)
		hard[i] = l.Hard
	}
	starts := NoteStarts(texts, hard)
	var groups [][]textrun.Line
	begin := 0
	for i := 1; i < len(ls); i++ {
		if starts[i] {
			groups = append(groups, ls[begin:i])
			begin = i
		}
	}
	return append(groups, ls[begin:])
}

// closers may follow the sentence punctuation at the end of a line.
const closers = `)]}»”’"'`

// endsNote reports whether a line ends with the punctuation that closes a note: a sentence
// end, or a colon or semicolon.
func endsNote(s string) bool {
	s = strings.TrimRight(s, closers+" \t")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;。！？：；؟۔؛", r)
}

// startsContinuation reports whether a line reads as the continuation of the previous one:
// it starts with a lower-case letter, or with a letter of a script without case (Arabic,
// Chinese), where only punctuation can tell.
func startsContinuation(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	return unicode.IsLower(r) || !unicode.IsUpper(r) && !unicode.IsTitle(r)
}
