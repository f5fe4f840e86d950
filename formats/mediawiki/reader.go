// Package mediawiki reads meeting notes written in MediaWiki markup (pages exported from a
// wiki as .mediawiki or .wiki files) into scribe's document model.
//
// The markup maps directly onto the model, one construct per file:
//
//   - headings.go: "== Heading ==" lines, with any spacing inside the equals signs, become
//     headings; the shallowest level used becomes the chapter level.
//   - lists.go: "*" and "#" lines become lists, nested by the length of their marker run
//     ("**", "*#"); ";term" and ":definition" lines become "term: definition" paragraphs, and
//     ":" lines under a list item continue it. Blank lines between items of one list do not
//     split it, as they do not on the rendered page.
//   - tables.go: "{| … |}" tables become tables, header cells included; a caption becomes a
//     paragraph above the table.
//   - inlines.go: ”'bold”' and ”italic” become strong and emphasis runs, [[internal
//     links]] their label, [url text] and bare URLs link runs, <ref> footnotes footnote
//     runs, HTML entities characters. Formatting tags keep their text; unknown tags are
//     kept as written, because MediaWiki prints them so.
//   - preprocess.go: <!-- comments -->, {{templates}} and __MAGIC__ words are dropped
//     before the lines are read (their output depends on the wiki, which scribe does not
//     have); <nowiki> and <pre> text is kept as written.
//
// Lines starting with a space and <pre> blocks are preformatted text. Every other line is
// paragraph text; consecutive lines join into one paragraph, as MediaWiki joins them.
// The reader decides structure only: speakers, attendance and decisions are found in the
// paragraphs' text by the shared inference and the normalizers.
package mediawiki

import (
	"context"
	"strings"

	"github.com/scribe-un/scribe/formats/internal/markup"
	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names this reader in errors and warnings.
const stage = "mediawiki"

type reader struct{}

// NewReader returns the MediaWiki reader. It holds no state and is safe for concurrent use.
func NewReader() model.Reader { return reader{} }

// Format returns "mediawiki".
func (reader) Format() string { return "mediawiki" }

// Read parses data as MediaWiki markup. Errors wrap model.ErrEmpty, ErrBinary, ErrEncoding,
// ErrTooLarge or ErrTooDeep and name the file.
func (reader) Read(ctx context.Context, data []byte, opts model.ReadOptions) (*model.Document, error) {
	text, err := textenc.Input(ctx, stage, data, opts)
	if err != nil {
		return nil, err
	}
	p := &parser{
		ctx:      ctx,
		name:     opts.Name,
		warn:     opts.Warnings,
		maxDepth: opts.Limits.WithDefaults().MaxDepth,
	}
	text = p.preprocess(text)
	doc := opts.NewDocument()
	if err := p.parse(text); err != nil {
		return nil, err
	}
	p.assemble(doc)
	if len(doc.Blocks) == 0 && len(doc.Front) == 0 {
		return nil, model.Errorf(stage, model.Pos{File: opts.Name}, model.ErrEmpty, "no text in the page")
	}
	return doc, nil
}

// parser holds the state of one conversion; it is never shared.
type parser struct {
	ctx      context.Context
	name     string
	warn     *model.Warnings
	maxDepth int
	// blocks are the top-level blocks in page order, heading levels as written.
	blocks []model.Block
	// para collects the lines of the paragraph being read.
	para []srcLine
	// list is the list being read (nil between lists); afterBlank is true when blank lines
	// followed its last item.
	list       *listBuilder
	afterBlank bool
	// dropped counts what the page holds that the report leaves out.
	dropped markup.Dropped
}

// srcLine is one line of the page with its 1-based line number.
type srcLine struct {
	text string
	line int
}

func (p *parser) pos(line int) model.Pos { return model.Pos{File: p.name, Line: line} }

// parse reads the page line by line into p.blocks.
func (p *parser) parse(text string) error {
	lines := splitLines(text)
	for i := 0; i < len(lines); i++ {
		if i%256 == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
		}
		l := lines[i]
		t := strings.TrimRight(l.text, " \t")
		switch {
		case strings.TrimSpace(t) == "":
			p.endParagraph()
			if p.list != nil {
				p.afterBlank = true
			}
		case isHeading(t):
			p.endAll()
			if h := p.heading(t, l.line); h != nil {
				p.blocks = append(p.blocks, h)
			}
		case strings.HasPrefix(t, "{|"):
			p.endAll()
			end := tableEnd(lines, i)
			p.table(lines[i:end])
			i = end - 1
		case strings.HasPrefix(t, "----"):
			// A rule; text after it on the line is a paragraph of its own.
			p.endAll()
			if rest := strings.TrimSpace(strings.TrimLeft(t, "-")); rest != "" {
				p.para = append(p.para, srcLine{text: rest, line: l.line})
			}
		case isListLine(t):
			p.endParagraph()
			if err := p.listLine(t, l.line); err != nil {
				return err
			}
		case isPreStart(t):
			p.endAll()
			end := preEnd(lines, i)
			p.preBlock(lines[i:end])
			i = end - 1
		case strings.HasPrefix(l.text, " "):
			p.endAll()
			end := i + 1
			for end < len(lines) && strings.HasPrefix(lines[end].text, " ") && strings.TrimSpace(lines[end].text) != "" {
				end++
			}
			p.indented(lines[i:end])
			i = end - 1
		default:
			if p.list != nil {
				p.endList()
			}
			p.para = append(p.para, srcLine{text: t, line: l.line})
		}
	}
	p.endAll()
	return nil
}

// endAll closes whatever block is open.
func (p *parser) endAll() {
	p.endParagraph()
	p.endList()
}

// endParagraph turns the collected lines into a paragraph, the lines joined by spaces.
func (p *parser) endParagraph() {
	if len(p.para) == 0 {
		return
	}
	var ls []textrun.Line
	for _, l := range p.para {
		if ins := p.inlines(strings.TrimSpace(l.text), l.line); len(ins) > 0 {
			ls = append(ls, textrun.Line{Inlines: ins, Line: l.line})
		}
	}
	line := p.para[0].line
	p.para = nil
	ins := textrun.Join(ls)
	if len(ins) == 0 {
		return
	}
	p.blocks = append(p.blocks, &model.Paragraph{Pos: p.pos(line), Inlines: ins, Numbered: true, Why: "MediaWiki paragraph"})
}

// splitLines splits text into numbered lines without their line ends.
func splitLines(text string) []srcLine {
	var out []srcLine
	n := 0
	for l := range strings.Lines(text) {
		n++
		out = append(out, srcLine{text: strings.TrimRight(l, "\r\n"), line: n})
	}
	return out
}
