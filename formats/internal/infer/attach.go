package infer

import "github.com/scribe-un/scribe/pipeline/model"

// AttachLists places the lists of a structured source (MediaWiki, reStructuredText,
// org-mode) in the report's structure: each top-level list becomes a child of the numbered
// paragraph just before it, which introduces it; a list with no such paragraph (after a
// heading, at the start) stands alone. List depths are then set by nesting.
func AttachLists(blocks []model.Block) []model.Block {
	out := make([]model.Block, 0, len(blocks))
	for _, b := range blocks {
		if l, ok := b.(*model.List); ok && len(out) > 0 {
			if para, ok := out[len(out)-1].(*model.Paragraph); ok && para.Numbered {
				para.Children = append(para.Children, l)
				continue
			}
		}
		out = append(out, b)
	}
	setListDepths(out, 0)
	return out
}

// setListDepths numbers list depths by nesting: a list inside a list item is one deeper.
func setListDepths(bs []model.Block, depth int) {
	for _, b := range bs {
		switch b := b.(type) {
		case *model.List:
			b.Depth = depth + 1
			for _, it := range b.Items {
				setListDepths(it.Children, depth+1)
			}
		case *model.Paragraph:
			setListDepths(b.Children, depth)
		}
	}
}
