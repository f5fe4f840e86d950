package html

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/scribe-un/scribe/pipeline"
)

// The run helpers below mirror formats/markdown/inlines.go; they belong in a shared
// formats/internal package once one is agreed.

// srcLine is the runs of one line of a block; hard is true when a <br> ended it.
type srcLine struct {
	ins  []pipeline.Inline
	line int
	hard bool
}

// lineRuns collects runs line by line while walking inline content.
type lineRuns struct {
	lines []srcLine
}

func (r *lineRuns) add(in pipeline.Inline) {
	if in.Text == "" && in.Kind != pipeline.KindFootnote {
		return
	}
	if len(r.lines) == 0 {
		r.lines = append(r.lines, srcLine{line: in.Line})
	}
	cur := &r.lines[len(r.lines)-1]
	if len(cur.ins) == 0 && strings.TrimSpace(in.Text) == "" {
		return // white space between tags at the start of a line
	}
	if cur.line == 0 {
		cur.line = in.Line
	}
	cur.ins = appendRun(cur.ins, in)
}

func (r *lineRuns) breakLine(hard bool) {
	if len(r.lines) == 0 {
		return
	}
	r.lines[len(r.lines)-1].hard = hard
	r.lines = append(r.lines, srcLine{})
}

// result returns the lines that hold text.
func (r *lineRuns) result() []srcLine {
	var out []srcLine
	for _, l := range r.lines {
		if ins := trimRuns(l.ins); len(ins) > 0 {
			l.ins = ins
			out = append(out, l)
		}
	}
	return out
}

// appendRun appends in to runs, merging runs of the same kind and target. Collapsed white
// space never doubles across run boundaries.
func appendRun(runs []pipeline.Inline, in pipeline.Inline) []pipeline.Inline {
	if n := len(runs); n > 0 {
		last := &runs[n-1]
		if last.Kind != pipeline.KindFootnote && strings.HasSuffix(last.Text, " ") {
			in.Text = strings.TrimLeft(in.Text, " ")
			if in.Text == "" {
				return runs
			}
		}
		if last.Kind == in.Kind && last.URL == in.URL && last.Kind != pipeline.KindFootnote {
			last.Text += in.Text
			return runs
		}
	}
	return append(runs, in)
}

// joinLines joins lines into one run sequence, one space between lines.
func joinLines(ls []srcLine) []pipeline.Inline {
	var runs []pipeline.Inline
	for _, l := range ls {
		if len(l.ins) == 0 {
			continue
		}
		ins := append([]pipeline.Inline(nil), l.ins...)
		if n := len(runs); n > 0 {
			last := &runs[n-1]
			if last.Kind != pipeline.KindFootnote {
				last.Text = strings.TrimRight(last.Text, " \t")
			}
			if ins[0].Kind == pipeline.KindText || last.Kind == pipeline.KindFootnote {
				ins[0].Text = " " + strings.TrimLeft(ins[0].Text, " \t")
			} else {
				last.Text += " "
			}
		}
		for _, in := range ins {
			runs = appendRun(runs, in)
		}
	}
	return trimRuns(runs)
}

// trimRuns removes white space at both ends of a run sequence and drops emptied runs.
func trimRuns(runs []pipeline.Inline) []pipeline.Inline {
	for len(runs) > 0 && runs[0].Kind != pipeline.KindFootnote {
		runs[0].Text = strings.TrimLeftFunc(runs[0].Text, unicode.IsSpace)
		if runs[0].Text != "" {
			break
		}
		runs = runs[1:]
	}
	for len(runs) > 0 && runs[len(runs)-1].Kind != pipeline.KindFootnote {
		last := &runs[len(runs)-1]
		last.Text = strings.TrimRightFunc(last.Text, unicode.IsSpace)
		if last.Text != "" {
			break
		}
		runs = runs[:len(runs)-1]
	}
	if len(runs) == 0 {
		return nil
	}
	return runs
}

// clean makes text safe for every writer: valid UTF-8, no NUL.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

// style is the kind and link target of the text being walked; nesting resolves to one kind
// (link over strong over emphasis), since runs are flat.
type style struct {
	kind pipeline.InlineKind
	url  string
}

func (s style) with(k pipeline.InlineKind) style {
	switch {
	case s.kind == pipeline.KindLink:
		return s
	case s.kind == pipeline.KindStrong && k == pipeline.KindEmphasis:
		return s
	}
	return style{kind: k}
}

var (
	cssBold   = regexp.MustCompile(`(?i)font-weight\s*:\s*(bold|bolder|[6-9]00)`)
	cssNormal = regexp.MustCompile(`(?i)font-weight\s*:\s*(normal|lighter|[1-4]00)`)
	cssItalic = regexp.MustCompile(`(?i)font-style\s*:\s*(italic|oblique)`)
)

// styleOf returns the style inside element n: the element's own meaning (b, i, a) and the
// inline CSS that word processors and Google Docs use instead of tags when copying.
func styleOf(n *html.Node, st style) style {
	css := attr(n, "style")
	switch n.DataAtom {
	case atom.A:
		if href := strings.TrimSpace(attr(n, "href")); href != "" && !strings.HasPrefix(href, "#") &&
			!strings.HasPrefix(strings.ToLower(href), "javascript:") {
			return style{kind: pipeline.KindLink, url: clean(href)}
		}
	case atom.B, atom.Strong:
		// Google Docs wraps a whole copied selection in <b style="font-weight:normal">.
		if !cssNormal.MatchString(css) {
			st = st.with(pipeline.KindStrong)
		}
	case atom.I, atom.Em, atom.Cite, atom.Dfn, atom.Var:
		st = st.with(pipeline.KindEmphasis)
	}
	if css != "" {
		if cssBold.MatchString(css) {
			st = st.with(pipeline.KindStrong)
		} else if cssNormal.MatchString(css) && st.kind == pipeline.KindStrong && n.DataAtom != atom.B && n.DataAtom != atom.Strong {
			st = style{kind: pipeline.KindText}
		}
		if cssItalic.MatchString(css) {
			st = st.with(pipeline.KindEmphasis)
		}
	}
	return st
}

// wsRun matches runs of HTML white space, which render as one space (a no-break space is
// not HTML white space and is kept).
var wsRun = regexp.MustCompile(`[ \t\n\r\f]+`)

// text adds a text node's collapsed text.
func (c *converter) text(n *html.Node, st style, out *lineRuns) {
	t := wsRun.ReplaceAllString(n.Data, " ")
	if t == "" {
		return
	}
	line := c.locate(n.Data)
	out.add(pipeline.Inline{Kind: st.kind, Text: clean(t), URL: st.url, Line: line})
}

// inline walks an inline element.
func (c *converter) inline(n *html.Node, st style, out *lineRuns) {
	switch {
	case n.Type == html.TextNode:
		c.text(n, st, out)
		return
	case n.Type != html.ElementNode || ignored[n.DataAtom]:
		return
	case n.DataAtom == atom.Br:
		out.breakLine(true)
		return
	case n.DataAtom == atom.Img:
		if alt := strings.TrimSpace(attr(n, "alt")); alt != "" {
			if !c.warnedImage {
				c.warnedImage = true
				c.opts.Warnings.Warn(stage, c.pos(), "images are not carried over; their alternative text is kept")
			}
			out.add(pipeline.Inline{Kind: st.kind, Text: clean(alt), URL: st.url, Line: c.line})
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
func (c *converter) lineInlines(n *html.Node) []srcLine {
	out := &lineRuns{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch {
			case ch.Type == html.ElementNode && !ignored[ch.DataAtom] && !inlineElems[ch.DataAtom] && ch.DataAtom != atom.Br:
				out.breakLine(false)
				walk(ch)
				out.breakLine(false)
			default:
				c.inline(ch, styleOf(n, style{kind: pipeline.KindText}), out)
			}
		}
	}
	walk(n)
	return out.result()
}
