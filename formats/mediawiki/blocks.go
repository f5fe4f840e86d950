package mediawiki

import (
	"strings"

	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/markup"
	"github.com/scribe-un/scribe/pipeline/model"
)

// isPreStart reports a line opening a <pre> block.
func isPreStart(t string) bool {
	t = strings.TrimSpace(t)
	return hasPrefixFold(t, "<pre>") || hasPrefixFold(t, "<pre ")
}

// preEnd returns the index just past the line that closes the <pre> block opened at
// lines[i] (the same line when it closes there).
func preEnd(lines []srcLine, i int) int {
	for j := i; j < len(lines); j++ {
		from := 0
		if j == i {
			from = indexFold(lines[j].text, "<pre") + 4
		}
		if indexFold(lines[j].text[from:], "</pre>") >= 0 {
			return j + 1
		}
	}
	return len(lines)
}

// preBlock keeps a <pre> block's text as written, tags removed.
func (p *parser) preBlock(lines []srcLine) {
	var out []srcLine
	for k, l := range lines {
		t := l.text
		if k == 0 {
			i := indexFold(t, "<pre")
			_, _, _, n := parseTag(t[i:])
			if n == 0 {
				n = 4
			}
			t = t[i+n:]
		}
		if j := indexFold(t, "</pre>"); j >= 0 {
			rest := strings.TrimSpace(t[j+len("</pre>"):])
			t = t[:j]
			if rest != "" {
				t += " " + rest
			}
		}
		out = append(out, srcLine{text: t, line: l.line})
	}
	p.preformatted(out, "MediaWiki <pre> block")
}

// indented keeps lines that start with a space, MediaWiki's preformatted text.
func (p *parser) indented(lines []srcLine) {
	out := make([]srcLine, len(lines))
	for i, l := range lines {
		out[i] = srcLine{text: l.text[1:], line: l.line}
	}
	p.preformatted(out, "MediaWiki preformatted text (lines starting with a space)")
}

// preformatted adds text kept line for line and never numbered.
func (p *parser) preformatted(lines []srcLine, why string) {
	if len(lines) == 0 {
		return
	}
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	if pre := markup.Preformatted(p.name, lines[0].line, texts, why); pre != nil {
		p.blocks = append(p.blocks, pre)
	}
}

// assemble puts the page's blocks into doc: a title line opening the page goes to the
// front matter, heading levels are shifted so the shallowest one used is a chapter, and a
// list follows the paragraph that introduces it.
func (p *parser) assemble(doc *model.Document) {
	blocks := exportTitle(doc, p.blocks)
	blocks = infer.TitleFromHeading(doc, blocks, "the only = heading =, at the top of the page (a page's own name)")
	infer.ShiftHeadings(blocks, func(level int) string {
		marks := strings.Repeat("=", level)
		return marks + " … " + marks
	})
	doc.Blocks = infer.AttachLists(blocks)
	p.dropped.Warn(p.warn, stage, p.name, "wiki markup the report cannot show: the wiki expands or draws it")
}

// exportTitle takes a one-item "#" line right above the first heading as the title: that
// is how exports write the page name, in Markdown ("# Title"), although MediaWiki would read
// it as a numbered item, and a page does not open with a one-item list.
func exportTitle(doc *model.Document, blocks []model.Block) []model.Block {
	if len(blocks) < 2 {
		return blocks
	}
	l, ok := blocks[0].(*model.List)
	if _, next := blocks[1].(*model.Heading); !ok || !next || len(l.Items) != 1 || l.Items[0].Marker != "#" || len(l.Items[0].Children) > 0 {
		return blocks
	}
	text := strings.TrimSpace(model.PlainText(l.Items[0].Inlines))
	doc.Front = append(doc.Front, model.FrontLine{Pos: l.Pos, Kind: model.FrontTitle, Text: text,
		Why: "a lone \"# \" line opening the page, above its first heading (a page name written by an export, not a one-item list)"})
	if doc.Meta.Title == "" {
		doc.Meta.Title = text
		if doc.Meta.Lines == nil {
			doc.Meta.Lines = map[string]model.Pos{}
		}
		doc.Meta.Lines["title"] = l.Pos
	}
	return blocks[1:]
}
