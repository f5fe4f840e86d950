package notes

import (
	"fmt"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// outline renders a document as one line per block, indented by nesting: the shape tests
// compare, and what a failing test prints.
func outline(doc *model.Document) string {
	var b strings.Builder
	for _, f := range doc.Front {
		fmt.Fprintf(&b, "front %s %d: %s\n", f.Kind, f.Pos.Line, f.Text)
	}
	var walk func(bs []model.Block, indent string)
	walk = func(bs []model.Block, indent string) {
		for _, blk := range bs {
			switch n := blk.(type) {
			case *model.Heading:
				fmt.Fprintf(&b, "%sH%d %d: %s\n", indent, n.Level, n.Pos.Line, short(model.PlainText(n.Inlines)))
			case *model.Paragraph:
				tag := "P"
				if !n.Numbered {
					tag = "p"
				}
				fmt.Fprintf(&b, "%s%s %d: %s\n", indent, tag, n.Pos.Line, short(model.PlainText(n.Inlines)))
				walk(n.Children, indent+"  ")
			case *model.List:
				fmt.Fprintf(&b, "%sL%d %d\n", indent, n.Depth, n.Pos.Line)
				for _, it := range n.Items {
					fmt.Fprintf(&b, "%s  I %d %s: %s\n", indent, it.Pos.Line, it.Marker, short(model.PlainText(it.Inlines)))
					walk(it.Children, indent+"    ")
				}
			case *model.Quote:
				fmt.Fprintf(&b, "%sQ %d\n", indent, n.Pos.Line)
				for _, p := range n.Paragraphs {
					walk([]model.Block{p}, indent+"  ")
				}
			case *model.Note:
				fmt.Fprintf(&b, "%sN %d: %s\n", indent, n.Pos.Line, short(model.PlainText(n.Inlines)))
			}
		}
	}
	walk(doc.Blocks, "")
	return b.String()
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
