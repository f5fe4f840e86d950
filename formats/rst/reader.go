// Package rst reads meeting notes written in reStructuredText (.rst, .rest) into scribe's
// document model. It reads the parts of the language minutes use, with docutils'
// rules where they matter for structure, one construct per file:
//
//   - sections.go: titles underlined (and optionally overlined) with punctuation; levels
//     follow the order in which the styles first appear, as in docutils. A lone title of
//     the first style opening the document is the document's title. Transitions are dropped.
//   - lists.go: bullet lists ("*", "-", "+", "•"), enumerated lists ("1.", "(a)", "i)",
//     "#."), definition lists (read as "term: definition" paragraphs), field lists (known
//     fields such as :date: and :location: are metadata, others stay as "Field: value"
//     paragraphs for the inference), line blocks ("| ").
//   - directives.go: explicit markup. ".. title::" and Nikola-style ".. title:" comments set
//     metadata; admonitions (".. note::") become editorial notes; code and literal blocks
//     are preformatted; figures keep their caption; images, contents and other layout
//     directives are dropped; unknown directives keep their text, with a warning. Hyperlink
//     targets (".. _x: url"), footnotes and substitutions are collected first and resolved
//     where they are used; comments are dropped.
//   - tables.go: grid and simple tables, csv-table and list-table directives.
//   - inlines.go: **strong**, *emphasis*, “literal“, `interpreted text` and roles
//     (:strike: and other unknown roles keep their text), hyperlink references (`text
//     <url>`_, Name_, `a phrase`_) resolved to link runs where the target is an address,
//     footnote references ([1]_) as footnotes, |substitutions|, standalone URLs.
//
// Indented text after a paragraph ending with "::" is a literal (preformatted) block;
// other indented text is a block quotation. The reader decides structure only: speakers,
// attendance and decisions are found in the paragraphs' text by the shared inference and
// the normalizers.
package rst

import (
	"context"
	"strings"

	"github.com/scribe-un/scribe/formats/internal/markup"
	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names this reader in errors and warnings.
const stage = "rst"

type reader struct{}

// NewReader returns the reStructuredText reader. It holds no state and is safe for
// concurrent use.
func NewReader() model.Reader { return reader{} }

// Format returns "rst".
func (reader) Format() string { return "rst" }

// Read parses data as reStructuredText. Errors wrap model.ErrEmpty, ErrBinary,
// ErrEncoding, ErrTooLarge or ErrTooDeep and name the file.
func (reader) Read(ctx context.Context, data []byte, opts model.ReadOptions) (*model.Document, error) {
	text, err := textenc.Input(ctx, stage, data, opts)
	if err != nil {
		return nil, err
	}
	lines := splitLines(text)
	doc := opts.NewDocument()
	p := &parser{
		ctx:      ctx,
		name:     opts.Name,
		warn:     opts.Warnings,
		maxDepth: opts.Limits.WithDefaults().MaxDepth,
		doc:      doc,
		styles:   map[string]int{},
	}
	p.collect(lines)
	blocks, err := p.blocks(lines, 0)
	if err != nil {
		return nil, err
	}
	p.assemble(blocks)
	if len(doc.Blocks) == 0 && len(doc.Front) == 0 && doc.Meta.Title == "" {
		return nil, model.Errorf(stage, model.Pos{File: opts.Name}, model.ErrEmpty, "no text in the document")
	}
	return doc, nil
}

// parser holds the state of one conversion; it is never shared.
type parser struct {
	ctx      context.Context
	name     string
	warn     *model.Warnings
	maxDepth int
	doc      *model.Document
	// styles maps a section title style ("=" underline, "=/=" over- and underline) to its
	// level, in order of first appearance.
	styles map[string]int
	// titles counts the section titles seen, for the document-title rule.
	titles int
	// refs are what the document defines once and uses elsewhere (see collect).
	refs refs
	// steps counts blocks parsed, to check the context now and then.
	steps int
	// bodyStarted is set by the first body block: fields after it are not metadata.
	bodyStarted bool
	// dropped counts directives left out, by name, for one warning each.
	dropped markup.Dropped
}

// line is one line of the document: its text with tabs expanded, its number in the file.
type line struct {
	text string
	no   int
}

func (p *parser) pos(no int) model.Pos { return model.Pos{File: p.name, Line: no} }

// splitLines splits text into lines, tabs expanded to multiples of eight columns as
// docutils does, trailing white space removed.
func splitLines(text string) []line {
	var out []line
	n := 0
	for l := range strings.Lines(text) {
		n++
		out = append(out, line{text: expandTabs(strings.TrimRight(l, " \t\r\n\f\v")), no: n})
	}
	return out
}

func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// indent is the number of leading spaces of s.
func indent(s string) int {
	return len(s) - len(strings.TrimLeft(s, " "))
}

// blank reports a line without text.
func blank(l line) bool { return strings.TrimSpace(l.text) == "" }

// dedent removes n columns of indentation from lines (fewer where a line has fewer).
func dedent(lines []line, n int) []line {
	out := make([]line, len(lines))
	for i, l := range lines {
		cut := min(n, indent(l.text))
		out[i] = line{text: l.text[cut:], no: l.no}
	}
	return out
}

// minIndent is the smallest indentation of the non-blank lines.
func minIndent(lines []line) int {
	m := -1
	for _, l := range lines {
		if blank(l) {
			continue
		}
		if i := indent(l.text); m < 0 || i < m {
			m = i
		}
	}
	return max(m, 0)
}

// indentedBlock returns how many lines from lines[from:] belong to an indented block:
// lines indented by at least min columns, and blank lines followed by such lines.
func indentedBlock(lines []line, from, minCol int) int {
	end := from
	for j := from; j < len(lines); j++ {
		if blank(lines[j]) {
			continue
		}
		if indent(lines[j].text) < minCol {
			break
		}
		end = j + 1
	}
	return end - from
}
