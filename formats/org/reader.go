// Package org reads notes kept as an org-mode outline (.org, or by content: "* Item" and
// "** Sub" headlines at the left margin, "#+TITLE:" keywords) into scribe's document model,
// one construct per file:
//
//   - headlines.go: "* Heading", "** Sub" headlines become headings, the level being the
//     number of stars, shifted so the top level used is a chapter; tags (":board:") and
//     priority cookies ("[#A]") are dropped, TODO keywords kept as text.
//   - lists.go: "-", "+" and "1." items (and "*" items when indented) nested by
//     indentation; "term :: description" items read as "term: description"; checkboxes
//     dropped.
//   - blocks.go: "#+TITLE:", "#+DATE:" and "#+AUTHOR:" keywords set metadata; source and
//     example blocks and ": " lines are preformatted; quote blocks are quotations; comment
//     blocks, "# " comments and property drawers are dropped; "| a | b |" lines are tables.
//   - inlines.go: *bold*, /italic/, _underline_, =verbatim=, ~code~, +strike+, [[link][text]],
//     bare URLs and [fn:x] footnotes.
//
// Lines of a paragraph are split into one paragraph per note by the engine's note-line
// rule, as outlines pasted from a chat put one note per line. The reader decides structure
// only: speakers, attendance and decisions are left to the shared inference and the
// normalizers.
package org

import (
	"context"
	"strings"

	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/markup"
	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names this reader in errors and warnings.
const stage = "org"

type reader struct{}

// NewReader returns the org-mode reader. It holds no state and is safe for concurrent use.
func NewReader() model.Reader { return reader{} }

// Format returns "org".
func (reader) Format() string { return "org" }

// Read parses data as an org-mode outline. Errors wrap model.ErrEmpty, ErrBinary,
// ErrEncoding, ErrTooLarge or ErrTooDeep and name the file.
func (reader) Read(ctx context.Context, data []byte, opts model.ReadOptions) (*model.Document, error) {
	text, err := textenc.Input(ctx, stage, data, opts)
	if err != nil {
		return nil, err
	}
	doc := opts.NewDocument()
	p := &parser{ctx: ctx, name: opts.Name, warn: opts.Warnings, doc: doc,
		maxDepth: opts.Limits.WithDefaults().MaxDepth}
	lines := splitLines(text)
	p.collectFootnotes(lines)
	if err := p.parse(lines); err != nil {
		return nil, err
	}
	p.unusedNotes()
	blocks := infer.TitleFromHeading(doc, p.blocks, "the only top headline, opening the outline")
	infer.ShiftHeadings(blocks, func(level int) string { return strings.Repeat("*", level) })
	doc.Blocks = infer.AttachLists(blocks)
	p.dropped.Warn(p.warn, stage, p.name, "org-mode settings with no text of the notes")
	if len(doc.Blocks) == 0 && len(doc.Front) == 0 {
		return nil, model.Errorf(stage, model.Pos{File: opts.Name}, model.ErrEmpty, "no text in the outline")
	}
	return doc, nil
}

// parser holds the state of one conversion; it is never shared.
type parser struct {
	ctx      context.Context
	name     string
	warn     *model.Warnings
	doc      *model.Document
	maxDepth int
	blocks   []model.Block
	// para collects the lines of the paragraph being read.
	para []line
	// list is the list being read, nil between lists.
	list *listBuilder
	// notes are the footnote definitions, by label; usedNotes those referenced.
	notes     map[string]string
	usedNotes map[string]bool
	noteOrder []noteDef
	dropped   markup.Dropped
}

// line is one line of the file with its number.
type line struct {
	text string
	no   int
}

func (p *parser) pos(no int) model.Pos { return model.Pos{File: p.name, Line: no} }

// splitLines splits text into numbered lines without line ends or trailing spaces.
func splitLines(text string) []line {
	var out []line
	n := 0
	for l := range strings.Lines(text) {
		n++
		out = append(out, line{text: strings.TrimRight(l, " \t\r\n"), no: n})
	}
	return out
}

// indent counts leading white space, a tab as one column less than it looks: org-mode
// compares indentation only within one list, where writers are consistent.
func indent(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// endParagraph turns the collected lines into paragraphs: one per note, by the engine's
// note-line rule.
func (p *parser) endParagraph() {
	if len(p.para) == 0 {
		return
	}
	var ls []textrun.Line
	for _, l := range p.para {
		if ins := p.inlines(strings.TrimSpace(l.text), l.no); len(ins) > 0 {
			ls = append(ls, textrun.Line{Inlines: ins, Line: l.no})
		}
	}
	p.para = nil
	if len(ls) == 0 {
		return
	}
	for _, g := range infer.GroupNotes(ls) {
		why := "org-mode paragraph"
		if len(g) < len(ls) {
			why = "one note of a paragraph typed one note per line"
		}
		p.blocks = append(p.blocks, &model.Paragraph{Pos: p.pos(g[0].Line), Inlines: textrun.Join(g), Numbered: true, Why: why})
	}
}

// noteDef is a footnote definition as written.
type noteDef struct {
	label, text string
	no          int
	// dup is a second definition of a label, which no reference can reach.
	dup bool
}

// unusedNotes adds the footnotes nothing references at the end, as editorial notes: a note
// is text of the outline even when no reference points to it.
func (p *parser) unusedNotes() {
	for _, n := range p.noteOrder {
		if p.usedNotes[n.label] && !n.dup {
			continue
		}
		if ins := p.inlines(n.text, n.no); len(ins) > 0 {
			label := model.Inline{Kind: model.KindText, Text: "[" + n.label + "] ", Line: n.no}
			p.blocks = append(p.blocks, &model.Note{Pos: p.pos(n.no), Inlines: append([]model.Inline{label}, ins...),
				Why: "org-mode footnote no reference cites, kept at the end"})
		}
	}
}
