// Package notes reads raw meeting notes typed as plain text: no markup, or only a few light
// cues. It infers the structure a UN report needs (masthead lines, headings, numbered
// paragraphs, subparagraph lists, quotations, editorial notes) from the shape of the lines,
// with general rules that hold in the six UN languages, and records in every node why it
// decided so, because `scribe inspect` prints those reasons.
//
// The rules, in the order they apply:
//
//   - Every line is a paragraph unless another rule claims it. Blank lines may or may not
//     separate paragraphs. When a whole file is hard-wrapped (most lines end near one
//     width), the wrapped lines of a paragraph are joined again.
//   - Masthead: a venue line, a date or time line ("2 May 2005 – 14:00-17:30",
//     "2005年5月2日") and a title or symbol line near the top go to Document.Front, never to
//     the body.
//   - Heading: a short line (at most 12 words, a CJK character counting half a word), with
//     no final punctuation, that starts with a capital (where the script has case), does
//     not end with a function word, is not "Name: text", and is followed by body text (a
//     sentence at least twice as long). Inferred headings are level 1.
//   - Bullets (`·` `•` `-` `*` `–` `o` `(a)` `a)` `1)` `(i)` `一、` …) form a List in the
//     Children of the paragraph before them; deeper indentation or a different marker nests
//     a level. Bullets that no paragraph introduces (first thing after a heading) become
//     numbered paragraphs, because a UN report has no subparagraphs without a chapeau. Lines
//     typed with their own paragraph numbers ("12. The Chair…") are numbered paragraphs
//     with the typed number dropped, unless the paragraph before ends with a colon.
//   - Three or more short lines without final stops right under a short lead line (or two
//     under a line ending with a colon) are an unmarked list ("Board Members" and the names).
//   - A quotation opened with “ " « 「 and left open at the end of a paragraph continues
//     over the following paragraphs until its closing mark: the text before the opening
//     mark stays in the paragraph, the quoted paragraphs (marks kept) become a Quote child.
//   - A line wholly in parentheses or brackets ("(Spoke in French)") is a Note.
//
// Light explicit cues override inference, so an officer can correct a wrong guess without
// another tool: "# " heading, "## " subheading (deeper "#" give deeper levels), "==Heading"
// and setext underlines, "> " quotation lines, and a YAML front-matter block for metadata.
// When the notes mark more headings by hand than inference would find, they are taken to
// mark all their headings, and unmarked short lines stay paragraphs; the shallowest marker
// used is then a chapter (level 1), and a lone top marker opening the notes is their title.
// A short line that is wrongly taken for a heading is corrected by giving it a final stop.
//
// The reader does not number anything, detect speakers or document symbols, or set IDs:
// normalizers do.
package notes

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/scribe-un/scribe/formats/internal/frontmatter"
	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names this reader in errors and warnings.
const stage = "notes"

// Line is one line (or paragraph) of notes with its source position. Readers of formats
// without explicit structure (a Word file typed as plain paragraphs) feed their lines through
// the same inference. Inlines, when set, carry runs with emphasis; else Text is used.
type Line struct {
	Text    string
	Pos     model.Pos
	Inlines []model.Inline
}

type reader struct{}

// New returns the reader of raw notes; its Format is "notes".
func New() model.Reader { return reader{} }

// Format returns "notes".
func (reader) Format() string { return "notes" }

// Read decodes data (UTF-8, UTF-16 with BOM or Windows-1252), splits off a YAML front-matter
// block into doc.Meta, and infers the structure of the body. Positions are lines of the file,
// front matter included.
func (reader) Read(ctx context.Context, data []byte, opts model.ReadOptions) (doc *model.Document, err error) {
	defer guard(opts.Name, &err)
	if err := opts.Limits.CheckInput(stage, opts.Name, len(data)); err != nil {
		return nil, err
	}
	text, err := textenc.Text(stage, data, opts)
	if err != nil {
		return nil, err
	}
	fm, body, err := frontmatter.Split(stage, opts.Name, text)
	if err != nil {
		return nil, err
	}
	first := 1
	if fm != nil {
		first = fm.Lines + 1
	}
	lns := splitText(body, first)
	return infer(ctx, lns, opts, fm)
}

// Infer builds a document from lines that carry no markup beyond the light cues of notes.
// It is what Read does after decoding and front matter; other readers call it for sources
// typed as plain paragraphs. Positions are taken from the lines; Doc.Source is opts.Name.
func Infer(ctx context.Context, lines []Line, opts model.ReadOptions) (doc *model.Document, err error) {
	defer guard(opts.Name, &err)
	lns := make([]ln, 0, len(lines))
	for i, l := range lines {
		n := l.Pos.Line
		if n <= 0 {
			n = i + 1
		}
		lns = append(lns, prepare(l.Text, l.Inlines, n))
	}
	return infer(ctx, lns, opts, nil)
}

// InferInto infers the structure of lines (Infer) into doc, a document another reader has
// begun: the blocks, the front lines after doc's own, the metadata where doc has none.
func InferInto(ctx context.Context, lines []Line, opts model.ReadOptions, doc *model.Document) error {
	inferred, err := Infer(ctx, lines, opts)
	if err != nil {
		return err
	}
	doc.Blocks = inferred.Blocks
	doc.Front = append(doc.Front, inferred.Front...)
	textrun.MergeMeta(&doc.Meta, inferred.Meta)
	return nil
}

// guard turns a panic into an error so that no input can crash the caller.
func guard(name string, err *error) {
	if r := recover(); r != nil {
		*err = model.Errorf(stage, model.Pos{File: name}, nil, "internal error: %v\n%s", r, debug.Stack())
	}
}

// errorAt is a shorthand for positioned errors.
func errorAt(name string, line int, sentinel error, format string, args ...any) error {
	return model.Errorf(stage, model.Pos{File: name, Line: line}, sentinel, "%s", fmt.Sprintf(format, args...))
}
