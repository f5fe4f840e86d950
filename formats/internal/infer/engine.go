// Package infer is scribe's structure-inference engine: it turns lines of text that carry no
// markup, or only a few light cues, into the structure a UN report needs (masthead lines,
// headings, numbered paragraphs, subparagraph lists, quotations, editorial notes), with
// general rules that hold in the six UN languages, and records in every node why it decided
// so, because `scribe inspect` prints those reasons.
//
// Every reader of text without explicit structure uses it: the notes reader for .txt files,
// and the Markdown, HTML and DOCX readers for files typed as plain paragraphs. A reader
// plugs in by handing over its lines (Line, with positions and, when it has them, inline
// runs) and calling Document or Into; blank lines separate paragraphs, as in a .txt file.
// The engine also holds the rules readers of structured formats share: the note-line rule
// that splits a paragraph typed one note per line (NoteStarts, GroupNotes), and the
// heading-level rules (TitleFromHeading, ShiftHeadings).
//
// The rules, in the order they apply:
//
//   - Every line is a paragraph unless another rule claims it. Blank lines may or may not
//     separate paragraphs. When a whole file is hard-wrapped (most lines end near one
//     width), the wrapped lines of a paragraph are joined again.
//   - Masthead: a venue line, a date or time line ("2 May 2005 – 14:00-17:30",
//     "2005年5月2日") and a title or symbol line near the top go to Document.Front, never to
//     the body.
//   - Heading: a short line (at most 20 words, a CJK character counting half a word), with
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
// and setext underlines, "> " quotation lines. When the notes mark more headings by hand
// than inference would find, they are taken to mark all their headings, and unmarked short
// lines stay paragraphs; the shallowest marker used is then a chapter (level 1), and a lone
// top marker opening the notes is their title. A short line that is wrongly taken for a
// heading is corrected by giving it a final stop.
//
// The engine does not number anything, detect speakers or document symbols, or set IDs:
// normalizers do. It keeps no state between calls; two conversions may run at once.
package infer

import (
	"context"
	"fmt"

	"github.com/scribe-un/scribe/formats/internal/frontmatter"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names the engine in errors and warnings: the notes reader's name, since the engine
// reads whatever a reader hands over as notes.
const stage = "notes"

// Line is one line of text handed to the engine, with its source position. Inlines, when
// set, carry the line's runs (emphasis, links, footnotes) and Text is their plain text; else
// Text alone is the line. A Line with empty Text is a blank line, which separates
// paragraphs. When Pos.Line is 0, the line's index in the input plus one is used.
type Line struct {
	Text    string
	Pos     model.Pos
	Inlines []model.Inline
	// Literal says the line opens with text its source marks as written, not typed as
	// notes (a Markdown code span or link text): "`0)` is…" is about the characters "0)",
	// so no cue, marker or number is read there, and none of the opening is dropped.
	Literal bool
}

// Document infers the structure of lines into a new document whose Source is opts.Name.
// Positions are taken from the lines. opts.Locales is required (masthead labels, month
// names, reporting verbs); opts.SourceLang, when set, is the notes' language.
func Document(ctx context.Context, lines []Line, opts model.ReadOptions) (doc *model.Document, err error) {
	lns := make([]ln, 0, len(lines))
	for i, l := range lines {
		n := l.Pos.Line
		if n <= 0 {
			n = i + 1
		}
		p := prepare(l.Text, l.Inlines, n)
		if l.Literal {
			p.asText()
		}
		lns = append(lns, p)
	}
	return run(ctx, lns, opts, nil)
}

// Into infers the structure of lines (as Document does) into doc, a document another reader
// has begun: it sets the blocks, appends the front lines after doc's own, and fills the
// metadata fields doc leaves empty.
func Into(ctx context.Context, lines []Line, opts model.ReadOptions, doc *model.Document) error {
	inferred, err := Document(ctx, lines, opts)
	if err != nil {
		return err
	}
	doc.Blocks = inferred.Blocks
	doc.Front = append(doc.Front, inferred.Front...)
	textrun.MergeMeta(&doc.Meta, inferred.Meta)
	return nil
}

// Text infers the structure of decoded text: it cuts it into lines (CR LF, LF and a lone
// CR all end one), numbering the first line first, and applies fm, the front matter split
// off above it (nil when none), to the metadata before inferring. It is the whole of the
// notes reader after decoding.
func Text(ctx context.Context, text string, first int, opts model.ReadOptions, fm *frontmatter.Block) (doc *model.Document, err error) {
	return run(ctx, splitText(text, first), opts, fm)
}

// errorAt is a shorthand for positioned errors.
func errorAt(name string, line int, sentinel error, format string, args ...any) error {
	return model.Errorf(stage, model.Pos{File: name, Line: line}, sentinel, "%s", fmt.Sprintf(format, args...))
}
