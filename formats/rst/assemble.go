package rst

import (
	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/pipeline/model"
)

// assemble puts the blocks into the document: a lone title of the first style opening the
// document is its title (docutils' DocTitle rule) and the other sections move up a level;
// a list follows the paragraph that introduces it; list depths follow nesting.
func (p *parser) assemble(blocks []model.Block) {
	doc := p.doc
	blocks = infer.TitleFromHeading(doc, blocks, "the only section title of the first style, opening the document (docutils' document title)")
	infer.ShiftHeadings(blocks, func(level int) string { return "the " + ordinal(level) + " title style" })
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
	doc.Blocks = infer.AttachLists(out)
	p.dropped.Warn(p.warn, stage, p.name, "a directive of page layout or images, no text of the notes")
}
