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

	gtext "github.com/yuin/goldmark/text"

	"github.com/scribe-un/scribe/formats/internal/frontmatter"
	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/formats/markdown/internal/gfm"
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
	fm, body, err := frontmatter.Split(stage, opts.Name, text, opts.Warnings)
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
	root := gfm.NewParser().Parse(gtext.NewReader(src))

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

// checkNesting refuses input whose quotation markers (">", "> >", …) or list items nest
// deeper than the depth limit, before goldmark builds a tree of that depth: goldmark's
// time grows with the depth of every line, and a 9 MB list 3,000 levels deep took minutes
// and 780 MB to be refused by the tree walk, which still checks what this misses
// (quotations and lists inside each other).
func checkNesting(body, name string, base, maxDepth int) error {
	line := base
	var items []int // content columns of the list items open around the line
	fenced := ""
	for l := range lines(body) {
		line++
		col, rest := indentOf(l)
		if f := fenceOf(rest); f != "" {
			switch fenced {
			case "":
				fenced = f
			case f:
				fenced = ""
			}
			continue
		}
		if fenced != "" {
			continue // code: its dashes are no list
		}
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
		if n := listMarker(rest); n > 0 {
			// CommonMark: an item is inside another when indented to its content column.
			for len(items) > 0 && col < items[len(items)-1] {
				items = items[:len(items)-1]
			}
			items = append(items, col+n)
			if len(items) > maxDepth {
				return model.Errorf(stage, model.Pos{File: name, Line: line}, model.ErrTooDeep,
					"lists nest deeper than %d levels", maxDepth)
			}
		}
	}
	return nil
}

// indentOf is the column where l's text starts (a tab to the next multiple of 4) and the
// text from there.
func indentOf(l string) (int, string) {
	col := 0
	for i, r := range l {
		switch r {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col, l[i:]
		}
	}
	return col, ""
}

// fenceOf is the fence (``` or ~~~) s starts with, or "".
func fenceOf(s string) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(s, f) {
			return f
		}
	}
	return ""
}

// listMarker is the width of the list marker s starts with and the space after it
// ("- ", "* ", "+ ", "1. ", "12) "), or 0.
func listMarker(s string) int {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	switch {
	case i == 0 && len(s) >= 2 && strings.IndexByte("-*+", s[0]) >= 0 && (s[1] == ' ' || s[1] == '\t'):
		return 2
	case i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t'):
		return i + 2
	}
	return 0
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
