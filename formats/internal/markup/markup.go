// Package markup holds what the readers of lightweight markup languages (MediaWiki,
// reStructuredText, org-mode) share once they have parsed their syntax: placing lists
// after the paragraphs that introduce them, numbering list depths by nesting, and
// counting what they leave out so a user is told once per kind.
package markup

import (
	"fmt"
	"sort"

	"github.com/scribe-un/scribe/pipeline/model"
)

// MaxHeadingLevel is the deepest heading level the model distinguishes: chapters,
// sections, subsections.
const MaxHeadingLevel = 3

// AttachLists makes each top-level list a child of the numbered paragraph just before it,
// which introduces it; a list with no such paragraph (after a heading, at the start)
// stands alone. List depths are then set by nesting.
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
	setDepths(out, 0)
	return out
}

// setDepths numbers list depths by nesting: a list inside a list item is one deeper.
func setDepths(bs []model.Block, depth int) {
	for _, b := range bs {
		switch b := b.(type) {
		case *model.List:
			b.Depth = depth + 1
			for _, it := range b.Items {
				setDepths(it.Children, depth+1)
			}
		case *model.Paragraph:
			setDepths(b.Children, depth)
		}
	}
}

// Dropped counts constructs a reader leaves out, by kind. The zero value is ready.
type Dropped struct {
	counts map[string]int
}

// Add counts one construct of a kind ("template", "image").
func (d *Dropped) Add(kind string) {
	if d.counts == nil {
		d.counts = map[string]int{}
	}
	d.counts[kind]++
}

// Warn reports each kind once, with its count, in a stable order: "left out 3 templates
// (why)".
func (d *Dropped) Warn(w *model.Warnings, stage, file, why string) {
	kinds := make([]string, 0, len(d.counts))
	for k := range d.counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		n := d.counts[k]
		what := "1 " + k
		if n > 1 {
			what = fmt.Sprintf("%d × %s", n, k)
		}
		w.Warn(stage, model.Pos{File: file}, "left out %s (%s)", what, why)
	}
}
