package infer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// The note-line rule. Notes typed in an editor often put one note per line with no blank
// line between them ("Changement de gouvernance" / "Chaque projet est représenté."); a
// structured format (CommonMark, HTML <br>, Word line breaks) joins such lines into one
// paragraph, and a report must not. The lines of one paragraph are split back by the same
// hard-wrap rule the engine applies to text (see wrap.go), the paragraph being one block:
// a line continues the one before only on that block's evidence (a hard-wrapped block, a
// small letter or a function word after a line left open, a line ending mid-sentence),
// and never after a sentence end or into a "Label:" or a marker. An explicit line break
// (two trailing spaces, a backslash, <br>) always separates notes; in scripts without case
// (Arabic, Chinese), a line after one left open continues it.

// NoteStarts applies the note-line rule to the lines of one paragraph: lines[i] is the
// plain text of line i and hard[i] (nil for none) tells that the author ended it with an
// explicit line break. It returns, for each line, whether a new note starts there (always
// true for the first).
func NoteStarts(lines []string, hard []bool) []bool { return Splitter{}.Starts(lines, hard) }

// Splitter applies the note-line rule with what the reader knows of the whole file: Wrap,
// when not 0, is the width the file's hard-wrapped paragraphs share (WrapWidth), which
// tells that a two-line paragraph whose first line runs on near it is one wrapped note.
type Splitter struct {
	Wrap int
}

// WrapWidth is the width shared by the hard-wrapped blocks of a text (the runs of lines
// between blank lines whose own lines show wrapping), 0 when fewer than two show it.
func WrapWidth(text string) int {
	lns := splitText(text, 1)
	var widths []int
	for _, sp := range blocks(lns) {
		if sp.wrapped {
			widths = append(widths, sp.width)
		}
	}
	if len(widths) < 2 {
		return 0
	}
	slices.Sort(widths)
	return widths[len(widths)/2]
}

// Starts is NoteStarts with the file's wrap width.
func (s Splitter) Starts(lines []string, hard []bool) []bool {
	starts := make([]bool, len(lines))
	if len(lines) == 0 {
		return starts
	}
	lns := make([]ln, len(lines))
	for i, l := range lines {
		lns[i] = prepare(strings.TrimSpace(l), nil, i+1)
		if lns[i].kind == kBlank || lns[i].kind == kJunk || lns[i].kind == kUnder {
			lns[i].kind = kText // inside a paragraph every line is text
		}
	}
	blk := blocks(lns)[0].block // a paragraph is one block
	if s.Wrap > 0 && blk.lines == 2 && blk.firstOpen && blk.firstWidth*100 >= s.Wrap*85 && blk.firstWidth <= s.Wrap+5 {
		blk.width, blk.lowerRuns = s.Wrap, true
	}
	isHard := func(i int) bool { return i < len(hard) && hard[i] }
	cur := item{ln: lns[0], lastLen: i32(lineWidth(&lns[0])), lastIndent: lns[0].indent, lines: 1}
	starts[0] = true
	for i := 1; i < len(lns); i++ {
		l := &lns[i]
		join := !isHard(i-1) && (continues(&cur, l, blk) || uncasedRunOn(&cur, l))
		if join {
			cur.joinTo(l)
			continue
		}
		starts[i] = true
		cur = item{ln: *l, lastLen: i32(lineWidth(l)), lastIndent: l.indent, lines: 1}
	}
	return starts
}

// uncasedRunOn reports a line of a script without case (Arabic, Chinese) after a line left
// open: only punctuation can tell, and none ended the line before.
func uncasedRunOn(prev *item, l *ln) bool {
	if l.kind != kText || endsSentence(prev.text) || endsColon(prev.text) || startsRecord(l.text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(l.text)
	return unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r) && !unicode.IsTitle(r)
}

// GroupNotes splits the lines of one paragraph into notes by the note-line rule: each group
// is the lines of one note, in order.
func GroupNotes(ls []textrun.Line) [][]textrun.Line { return Splitter{}.Group(ls) }

// Group is GroupNotes with the file's wrap width.
func (s Splitter) Group(ls []textrun.Line) [][]textrun.Line {
	texts := make([]string, len(ls))
	hard := make([]bool, len(ls))
	for i, l := range ls {
		texts[i] = model.PlainText(l.Inlines)
		hard[i] = l.Hard
	}
	starts := s.Starts(texts, hard)
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
