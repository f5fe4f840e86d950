package html

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// lineBuilder turns a tree without explicit structure into the lines a .txt file would
// have, for the notes inference.
type lineBuilder struct {
	c     *converter
	lines []infer.Line
	cur   textrun.Collector
	// blankAfterP is true when <p> elements are paragraphs with margins (web pages), false
	// when the document spaces its lines with empty paragraphs (Word and Outlook HTML).
	blankAfterP bool
}

// end finishes the current line, if it holds text.
func (b *lineBuilder) end() {
	for _, l := range b.cur.Lines() {
		b.lines = append(b.lines, infer.Line{Text: model.PlainText(l.Inlines), Pos: model.Pos{File: b.c.name, Line: l.Line}, Inlines: l.Inlines})
	}
	b.cur = textrun.Collector{}
}

// blank adds an empty line.
func (b *lineBuilder) blank() {
	b.end()
	b.lines = append(b.lines, infer.Line{Pos: b.c.pos()})
}

func (b *lineBuilder) empty() bool {
	return len(b.cur.Lines()) == 0
}

func (b *lineBuilder) walk(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode:
			b.c.text(ch, textrun.Style{Kind: model.KindText}, &b.cur)
		case ch.Type != html.ElementNode || ignored[ch.DataAtom]:
		case ch.DataAtom == atom.Br:
			if b.empty() {
				b.blank()
			} else {
				b.end()
			}
		case inlineElems[ch.DataAtom] && !hasBlock(ch):
			b.c.inline(ch, textrun.Style{Kind: model.KindText}, &b.cur)
		case ch.DataAtom == atom.Pre:
			b.end()
			for l := range strings.SplitSeq(textContent(ch), "\n") {
				b.c.locate(l)
				if strings.TrimSpace(l) == "" {
					b.blank()
					continue
				}
				ins := model.Texts(textrun.Clean(strings.TrimRight(l, " \t\r")), b.c.line)
				b.lines = append(b.lines, infer.Line{Text: ins[0].Text, Pos: b.c.pos(), Inlines: ins})
			}
		case ch.DataAtom == atom.P && strings.TrimSpace(strings.ReplaceAll(textContent(ch), "\u00a0", " ")) == "":
			b.blank() // an empty paragraph typed as spacing
		default:
			b.end()
			b.walk(ch)
			b.end()
			if ch.DataAtom == atom.P && b.blankAfterP {
				b.blank()
			}
		}
	}
}

// inferNotes hands an HTML document without explicit structure to the notes inference:
// each line of text (a <div>, a <p>, text between <br>s) becomes a line, and paragraphs
// are separated by blank lines as they would be in a .txt file.
func (c *converter) inferNotes(root *html.Node, doc *model.Document) error {
	b := &lineBuilder{c: c, blankAfterP: !hasEmptyParagraph(root)}
	b.walk(root)
	b.end()
	ls := b.lines
	for len(ls) > 0 && ls[0].Text == "" {
		ls = ls[1:]
	}
	for len(ls) > 0 && ls[len(ls)-1].Text == "" {
		ls = ls[:len(ls)-1]
	}
	if len(ls) == 0 {
		return nil
	}
	opts := c.opts
	opts.Name = c.name
	return infer.Into(c.ctx, ls, opts, doc)
}

// hasEmptyParagraph reports a <p> with no text, the spacing habit of Word and Outlook.
func hasEmptyParagraph(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.P &&
		strings.TrimSpace(strings.ReplaceAll(textContent(n), "\u00a0", " ")) == "" {
		return true
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if hasEmptyParagraph(ch) {
			return true
		}
	}
	return false
}
