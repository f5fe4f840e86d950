package rst

import (
	"strings"

	"github.com/scribe-un/scribe/formats/internal/markup"
	"github.com/scribe-un/scribe/pipeline/model"
)

// assemble puts the blocks into the document: a lone title of the first style opening the
// document is its title (docutils' DocTitle rule) and the other sections move up a level;
// a list follows the paragraph that introduces it; list depths follow nesting.
func (p *parser) assemble(blocks []model.Block) {
	doc := p.doc
	if h, ok := firstHeading(blocks); ok && loneTop(blocks) {
		text := strings.TrimSpace(model.PlainText(h.Inlines))
		doc.Front = append(doc.Front, model.FrontLine{Pos: h.Pos, Kind: model.FrontTitle, Text: text,
			Why: "title: the only section title of the first style, opening the document (docutils' document title)"})
		if doc.Meta.Title == "" {
			doc.Meta.Title = text
			if doc.Meta.Lines == nil {
				doc.Meta.Lines = map[string]model.Pos{}
			}
			doc.Meta.Lines["title"] = h.Pos
		}
		blocks = blocks[1:]
		for _, b := range blocks {
			if h, ok := b.(*model.Heading); ok {
				h.Level--
			}
		}
	}
	for _, b := range blocks {
		if h, ok := b.(*model.Heading); ok {
			h.Level = min(max(h.Level, 1), markup.MaxHeadingLevel)
		}
	}
	out := blocks
	// Footnotes that nothing cites are printed where docutils prints them: at the end.
	for _, n := range p.refs.unused() {
		if ins := p.inlines(n.text, n.no); len(ins) > 0 {
			label := model.Inline{Kind: model.KindText, Text: "[" + n.label + "] ", Line: n.no}
			if n.label == "#" {
				label.Text = ""
			}
			out = append(out, &model.Note{Pos: p.pos(max(n.no, 1)), Inlines: append([]model.Inline{label}, ins...),
				Why: "reStructuredText footnote no reference cites, kept at the end"})
		}
	}
	doc.Blocks = markup.AttachLists(out)
	p.dropped.Warn(p.warn, stage, p.name, "a directive of page layout or images, no text of the notes")
}

// firstHeading returns blocks[0] when it is a heading of the first style.
func firstHeading(blocks []model.Block) (*model.Heading, bool) {
	if len(blocks) == 0 {
		return nil, false
	}
	h, ok := blocks[0].(*model.Heading)
	return h, ok && h.Level == 1
}

// loneTop reports that exactly one heading has level 1.
func loneTop(blocks []model.Block) bool {
	n := 0
	for _, b := range blocks {
		if h, ok := b.(*model.Heading); ok && h.Level == 1 {
			n++
		}
	}
	return n == 1
}
