package infer

import (
	"fmt"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// MaxHeadingLevel is the deepest heading level the report distinguishes: chapters (1),
// sections (2) and subsections (3). Deeper source levels are kept at 3.
const MaxHeadingLevel = 3

// TitleFromHeading moves a level-1 heading that opens blocks, and is the only level-1
// heading among them, into doc's front lines as the title ("# Minutes of …" over "## Item 1"
// sections names the document, it is not a chapter). doc.Meta.Title is set unless known.
// why is the reason inspect shows. It returns the blocks without the title.
func TitleFromHeading(doc *model.Document, blocks []model.Block, why string) []model.Block {
	if len(blocks) == 0 {
		return blocks
	}
	first, ok := blocks[0].(*model.Heading)
	if !ok || first.Level != 1 || hasFootnote(first.Inlines) {
		// A title is one line of text: a heading carrying a footnote stays a heading, so
		// the note is not lost.
		return blocks
	}
	for _, b := range blocks[1:] {
		if h, ok := b.(*model.Heading); ok && h.Level == 1 {
			return blocks
		}
	}
	text := strings.TrimSpace(model.PlainText(first.Inlines))
	if text == "" {
		return blocks
	}
	doc.Front = append(doc.Front, model.FrontLine{Pos: first.Pos, Kind: model.FrontTitle, Text: text, Why: why})
	if doc.Meta.Title == "" {
		doc.Meta.Title = text
		if doc.Meta.Lines == nil {
			doc.Meta.Lines = map[string]model.Pos{}
		}
		doc.Meta.Lines["title"] = first.Pos
	}
	return blocks[1:]
}

// ShiftHeadings makes the highest heading level used among blocks a chapter (level 1), the
// next a section, and keeps deeper levels at MaxHeadingLevel: pages often start at <h2>,
// Markdown under a title at "##", Word documents at "Heading 2". When levels move, each
// heading's reason says so, naming the top level as the source writes it (name(2) is "##",
// "<h2>" or "level 2").
func ShiftHeadings(blocks []model.Block, name func(level int) string) {
	top := 0
	for _, b := range blocks {
		if h, ok := b.(*model.Heading); ok && (top == 0 || h.Level < top) {
			top = h.Level
		}
	}
	for _, b := range blocks {
		if h, ok := b.(*model.Heading); ok {
			if top > 1 {
				h.Why += fmt.Sprintf(" (levels shifted: %s is the top level)", name(top))
			}
			h.Level = min(max(h.Level-top+1, 1), MaxHeadingLevel)
		}
	}
}

func hasFootnote(ins []model.Inline) bool {
	for _, in := range ins {
		if in.Kind == model.KindFootnote {
			return true
		}
	}
	return false
}
