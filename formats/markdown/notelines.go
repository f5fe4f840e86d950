package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Notes typed in a Markdown editor often put one note per line with no blank line between
// them ("Changement de gouvernance" / "Chaque projet est représenté."). CommonMark joins
// such lines into one paragraph; a report must not. The rule that splits them back, applied
// to each paragraph of a structured file:
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
//
// A file with no explicit block structure at all skips this rule: its lines go to the notes
// inference (formats/notes), as the lines of a .txt file would.
const (
	wrapMinWidth = 50
	wrapMaxWidth = 120
	wrapRatio    = 0.75
	// shortRatio marks a line that ends a sentence well before the wrap width.
	shortRatio = 0.8
)

// splitParagraph converts a Markdown paragraph into one or more paragraphs by the note-line
// rule.
func (c *converter) splitParagraph(n ast.Node) []*model.Paragraph {
	ls := c.lineInlines(n)
	if len(ls) == 0 {
		return nil
	}
	groups := groupNoteLines(ls)
	out := make([]*model.Paragraph, 0, len(groups))
	for _, g := range groups {
		ins := textrun.Join(g)
		if len(ins) == 0 {
			continue
		}
		p := &model.Paragraph{Pos: c.pos(g[0].Line), Inlines: ins}
		if len(groups) > 1 {
			p.Why = "one note of a paragraph typed one note per line"
		}
		out = append(out, p)
	}
	return out
}

// groupNoteLines splits a paragraph's lines into notes (see the rule above).
func groupNoteLines(ls []textrun.Line) [][]textrun.Line {
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

// NoteStarts applies the note-line rule (described at the top of notelines.go) to the lines
// of one paragraph: lines[i] is the plain text of line i and hard[i] tells that the author
// ended it with an explicit line break. It returns, for each line, whether a new note starts
// there (always true for the first). The HTML reader shares the rule for <br>-separated and
// preformatted lines.
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
			starts[i] = endsSentence(prev) && float64(utf8.RuneCountInString(prev)) < shortRatio*float64(widest)
		default:
			starts[i] = endsSentence(prev) || !startsContinuation(next)
		}
	}
	return starts
}

// closers may follow the sentence punctuation at the end of a line.
const closers = `)]}»”’"'`

// endsSentence reports whether a line ends with sentence punctuation.
func endsSentence(s string) bool {
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

// inferNotes hands a file without explicit structure to the notes inference, line by line:
// each paragraph's source lines with their inline runs, and the blank lines between
// paragraphs, so the inference sees what it would see in a .txt file.
func (c *converter) inferNotes(root ast.Node, doc *model.Document) error {
	var ls []notes.Line
	next := c.base + 1 // the first line not yet emitted
	emit := func(line int, ins []model.Inline) {
		for ; next < line; next++ {
			ls = append(ls, notes.Line{Pos: c.pos(next)})
		}
		ls = append(ls, notes.Line{Text: model.PlainText(ins), Pos: c.pos(line), Inlines: ins})
		next = line + 1
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.(type) {
		case *ast.Paragraph:
			for _, l := range c.lineInlines(n) {
				emit(l.Line, textrun.Trim(l.Inlines))
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			if ins := c.blockInlines(n); len(ins) > 0 {
				emit(c.firstLine(n), ins)
			}
		}
	}
	if len(ls) == 0 {
		return nil
	}
	opts := c.opts
	opts.Name = c.name
	return notes.InferInto(c.ctx, ls, opts, doc)
}
