package html

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

var (
	cssBold   = lazyre.New(`(?i)font-weight\s*:\s*(bold|bolder|[6-9]00)`)
	cssNormal = lazyre.New(`(?i)font-weight\s*:\s*(normal|lighter|[1-4]00)`)
	cssItalic = lazyre.New(`(?i)font-style\s*:\s*(italic|oblique)`)
)

// styleOf returns the textrun.Style inside element n: the element's own meaning (b, i, a) and the
// inline CSS that word processors and Google Docs use instead of tags when copying.
func styleOf(n *html.Node, st textrun.Style) textrun.Style {
	css := attr(n, "style")
	switch n.DataAtom {
	case atom.A:
		// A fragment, a relative path or a scheme scribe does not follow keeps its text only.
		if l := st.Link(attr(n, "href")); l.Kind == model.KindLink {
			return l
		}
	case atom.B, atom.Strong:
		// Google Docs wraps a whole copied selection in <b textrun.Style="font-weight:normal">.
		if !cssNormal.MatchString(css) {
			st = st.With(model.KindStrong)
		}
	case atom.I, atom.Em, atom.Cite, atom.Dfn, atom.Var:
		st = st.With(model.KindEmphasis)
	}
	if css != "" {
		if cssBold.MatchString(css) {
			st = st.With(model.KindStrong)
		} else if cssNormal.MatchString(css) && st.Kind == model.KindStrong && n.DataAtom != atom.B && n.DataAtom != atom.Strong {
			st = textrun.Style{Kind: model.KindText}
		}
		if cssItalic.MatchString(css) {
			st = st.With(model.KindEmphasis)
		}
	}
	return st
}

// wsRun matches runs of HTML white space, which render as one space (a no-break space is
// not HTML white space and is kept).
var wsRun = lazyre.New(`[ \t\n\r\f]+`)

// text adds a text node's collapsed text.
func (c *converter) text(n *html.Node, st textrun.Style, out *textrun.Collector) {
	t := wsRun.ReplaceAllString(n.Data, " ")
	if t == "" {
		return
	}
	line := c.locate(n.Data)
	out.Add(model.Inline{Kind: st.Kind, Text: textrun.Clean(t), URL: st.URL, Line: line})
}

// inline walks an inline element.
func (c *converter) inline(n *html.Node, st textrun.Style, out *textrun.Collector) {
	switch {
	case n.Type == html.TextNode:
		c.text(n, st, out)
		return
	case n.Type != html.ElementNode || ignored[n.DataAtom]:
		return
	case n.DataAtom == atom.Br:
		out.Break(true)
		return
	case n.DataAtom == atom.Img:
		if alt := strings.TrimSpace(attr(n, "alt")); alt != "" {
			if !c.warnedImage {
				c.warnedImage = true
				c.opts.Warnings.Warn(stage, c.pos(), "images are not carried over; their alternative text is kept")
			}
			out.Add(model.Inline{Kind: st.Kind, Text: textrun.Clean(alt), URL: st.URL, Line: c.line})
		}
		return
	}
	inner := styleOf(n, st)
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.inline(ch, inner, out)
	}
}

// lineInlines returns the inline content of a block element, line by line. Nested block
// elements inside it (rare in headings and cells) contribute their text on new lines.
func (c *converter) lineInlines(n *html.Node) []textrun.Line {
	out := &textrun.Collector{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch {
			case ch.Type == html.ElementNode && !ignored[ch.DataAtom] && !inlineElems[ch.DataAtom] && ch.DataAtom != atom.Br:
				out.Break(false)
				walk(ch)
				out.Break(false)
			default:
				c.inline(ch, styleOf(n, textrun.Style{Kind: model.KindText}), out)
			}
		}
	}
	walk(n)
	return out.Lines()
}
