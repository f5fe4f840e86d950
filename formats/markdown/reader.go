// Package markdown reads meeting notes written in Markdown (CommonMark with GitHub tables,
// footnotes and bare links) into scribe's document model, and writes reports as Markdown
// (writer.go). What follows describes the reader.
//
// Explicit Markdown structure maps directly: # headings become headings, paragraphs become
// numbered paragraphs, bullet and ordered lists become subparagraph lists attached to the
// paragraph that introduces them, block quotations become quotations, **strong**, *emphasis*
// and links become runs of the matching kind. YAML front matter sets the metadata.
//
// Markdown written as notes is handled by two rules (see notelines.go): a file with no
// explicit block structure at all (no heading, list, quotation or table) is read line by line
// by the notes inference, exactly as a .txt file would be; and inside structured files a
// paragraph whose soft-broken lines are each a complete note is split into one paragraph per
// note.
package markdown

import (
	"context"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gtext "github.com/yuin/goldmark/text"

	"github.com/scribe-un/scribe/formats/internal/frontmatter"
	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names this reader in errors and warnings.
const stage = "markdown"

type reader struct{}

// NewReader returns the Markdown reader. It holds no state and is safe for concurrent use.
func NewReader() model.Reader { return reader{} }

// Format returns "markdown".
func (reader) Format() string { return "markdown" }

// Read parses data as Markdown. Errors wrap pipeline.ErrEmpty, ErrBinary, ErrEncoding,
// ErrTooLarge, ErrTooDeep or ErrMalformed (invalid front matter) and name the file.
func (reader) Read(ctx context.Context, data []byte, opts model.ReadOptions) (doc *model.Document, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := opts.Limits.CheckInput(stage, opts.Name, len(data)); err != nil {
		return nil, err
	}
	limits := opts.Limits.WithDefaults()
	text, err := textenc.Text(stage, data, opts)
	if err != nil {
		return nil, err
	}
	fm, body, err := frontmatter.Split(stage, opts.Name, text)
	if err != nil {
		return nil, err
	}
	doc = &model.Document{Source: opts.Name}
	base := 0
	if fm != nil {
		fm.Apply(&doc.Meta, model.Pos{File: opts.Name, Line: 1})
		base = fm.Lines
	}
	if opts.SourceLang != "" {
		doc.Meta.OriginalLang = opts.SourceLang
	}
	if err := checkNesting(body, opts.Name, base, limits.MaxDepth); err != nil {
		return nil, err
	}

	src := []byte(dropAttributeLists(body))
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.Footnote),
	)
	root := md.Parser().Parse(gtext.NewReader(src))

	c := &converter{
		ctx: ctx, src: src, name: opts.Name, base: base, opts: opts,
		maxDepth: limits.MaxDepth, lineStarts: lineStarts(src),
		furniture: infer.PageFurniture(strings.Split(body, "\n")),
		splitter:  infer.Splitter{Wrap: infer.WrapWidth(body)},
	}
	if err := c.document(root, doc); err != nil {
		return nil, err
	}
	ownReport := doc.Meta.Extra[LabelsKey] != ""
	if lang := doc.Meta.Extra[LabelsKey]; lang != "" {
		// A report scribe wrote: its numbers are printed in the text.
		delete(doc.Meta.Extra, LabelsKey)
		if len(doc.Meta.Extra) == 0 {
			doc.Meta.Extra = nil
		}
		set, err := opts.LocaleSet(stage)
		if err != nil {
			return nil, err
		}
		if s := labelStripperFor(set, lang); s != nil {
			doc.Blocks = s.strip(doc.Blocks)
		}
	}
	// A report scribe wrote may hold nothing but what its front matter says.
	if len(doc.Blocks) == 0 && len(doc.Front) == 0 && !ownReport {
		return nil, model.Errorf(stage, model.Pos{File: opts.Name}, model.ErrEmpty, "no text after the front matter")
	}
	return doc, nil
}

// converter holds the state of one conversion; it is never shared.
type converter struct {
	ctx        context.Context
	src        []byte
	name       string
	base       int // lines taken by front matter, added to every line number
	opts       model.ReadOptions
	maxDepth   int
	lineStarts []int
	// notes maps a footnote index to its content, collected before the body is walked.
	notes map[int][]model.Inline
	// warnedImage avoids one warning per image in a file full of them.
	warnedImage bool
	// furniture marks the body's lines that are page furniture of a PDF extraction (page
	// numbers, running headers and footers), by line index; nil when none.
	furniture []bool
	// splitter splits paragraphs typed one note per line, knowing the file's wrap width.
	splitter infer.Splitter
}

// lineStarts returns the byte offset at which each line of src begins.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line converts a byte offset in the body into a 1-based line number in the file.
func (c *converter) line(off int) int {
	i := sort.Search(len(c.lineStarts), func(i int) bool { return c.lineStarts[i] > off })
	return i + c.base
}

func (c *converter) pos(line int) model.Pos { return model.Pos{File: c.name, Line: line} }

// checkNesting refuses input whose quotation markers (">", "> >", …) nest deeper than the
// depth limit, before goldmark builds a tree of that depth. List nesting is checked while
// walking the tree.
func checkNesting(body, name string, base, maxDepth int) error {
	line := base
	for l := range lines(body) {
		line++
		depth := 0
	scan:
		for _, r := range l {
			switch r {
			case '>':
				depth++
			case ' ', '\t':
			default:
				break scan
			}
		}
		if depth > maxDepth {
			return model.Errorf(stage, model.Pos{File: name, Line: line}, model.ErrTooDeep,
				"quotations nest deeper than %d levels", maxDepth)
		}
	}
	return nil
}

// lines iterates over the lines of s without their line ends.
func lines(s string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for len(s) > 0 {
			i := 0
			for i < len(s) && s[i] != '\n' {
				i++
			}
			if !yield(s[:i]) {
				return
			}
			if i == len(s) {
				return
			}
			s = s[i+1:]
		}
	}
}

// tooDeep is the error for nesting found while walking the tree.
func (c *converter) tooDeep(line int) error {
	return model.Errorf(stage, c.pos(line), model.ErrTooDeep, "lists or quotations nest deeper than %d levels", c.maxDepth)
}
