package markdown

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/scribe-un/scribe/pipeline"
)

// srcLine is the runs of one source line of a paragraph. hard is true when the author
// ended the line with an explicit break (two spaces, a backslash, <br>).
type srcLine struct {
	ins  []pipeline.Inline
	line int
	hard bool
}

// lineRuns collects runs line by line while walking a paragraph's inline nodes.
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
	if cur.line == 0 {
		cur.line = in.Line
	}
	cur.ins = appendRun(cur.ins, in)
}

// breakLine ends the current line; the next run starts a new one.
func (r *lineRuns) breakLine(hard bool) {
	if len(r.lines) == 0 {
		return
	}
	r.lines[len(r.lines)-1].hard = hard
	r.lines = append(r.lines, srcLine{})
}

// result drops empty lines (a break at the very end) and returns the rest.
func (r *lineRuns) result() []srcLine {
	out := r.lines[:0:0]
	for _, l := range r.lines {
		if len(l.ins) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// appendRun appends in to runs, merging it into the last run when both have the same kind
// and target, so "a *b* c" inside a link stays one link run.
func appendRun(runs []pipeline.Inline, in pipeline.Inline) []pipeline.Inline {
	if n := len(runs); n > 0 {
		last := &runs[n-1]
		if last.Kind == in.Kind && last.URL == in.URL && last.Kind != pipeline.KindFootnote {
			last.Text += in.Text
			return runs
		}
	}
	return append(runs, in)
}

// style is the kind and link target that apply to the text being walked. Runs are flat,
// so nesting resolves to one kind: a link wins over strong, strong over emphasis.
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

// inlines walks the inline children of n and adds their runs to out.
func (c *converter) inlines(n ast.Node, st style, out *lineRuns) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			text := unescape(ch.Value(c.src))
			if ch.IsRaw() {
				text = clean(string(ch.Value(c.src)))
			}
			out.add(pipeline.Inline{Kind: st.kind, Text: text, URL: st.url, Line: c.line(ch.Segment.Start)})
			switch {
			case ch.HardLineBreak():
				out.breakLine(true)
			case ch.SoftLineBreak():
				out.breakLine(false)
			}
		case *ast.String:
			text := string(ch.Value)
			if !ch.IsCode() && !ch.IsRaw() {
				text = unescape(ch.Value)
			}
			out.add(pipeline.Inline{Kind: st.kind, Text: clean(text), URL: st.url, Line: c.lastLine(out)})
		case *ast.CodeSpan:
			// Code spans are verbatim: no escapes, no entities.
			var b strings.Builder
			for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b.Write(t.Value(c.src))
				case *ast.String:
					b.Write(t.Value)
				}
			}
			out.add(pipeline.Inline{Kind: st.kind, Text: clean(b.String()), URL: st.url, Line: c.line(ch.Pos())})
		case *ast.Emphasis:
			k := pipeline.KindEmphasis
			if ch.Level >= 2 {
				k = pipeline.KindStrong
			}
			c.inlines(ch, st.with(k), out)
		case *ast.Link:
			c.inlines(ch, style{kind: pipeline.KindLink, url: unescape(ch.Destination)}, out)
		case *ast.AutoLink:
			label := clean(string(ch.Label(c.src)))
			url := clean(string(ch.URL(c.src)))
			if ch.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
				url = "mailto:" + url
			}
			out.add(pipeline.Inline{Kind: pipeline.KindLink, Text: label, URL: url, Line: c.line(ch.Pos())})
		case *ast.Image:
			// The picture cannot be carried over; its alternative text can.
			if !c.warnedImage {
				c.warnedImage = true
				c.opts.Warnings.Warn(stage, c.pos(c.lastLine(out)), "images are not carried over; their alternative text is kept")
			}
			c.inlines(ch, st, out)
		case *ast.RawHTML:
			var raw strings.Builder
			for i := 0; i < ch.Segments.Len(); i++ {
				s := ch.Segments.At(i)
				raw.Write(s.Value(c.src))
			}
			if t := strings.ToLower(raw.String()); strings.HasPrefix(t, "<br") {
				out.breakLine(true)
			}
		case *east.FootnoteLink:
			out.add(pipeline.Inline{Kind: pipeline.KindFootnote, Note: pipeline.CloneInlines(c.notes[ch.Index]), Line: c.lastLine(out)})
		case *east.FootnoteBacklink:
			// Only meaningful in HTML output.
		default:
			c.inlines(ch, st, out)
		}
	}
}

// lastLine is the line of the latest run, for nodes that carry no position themselves.
func (c *converter) lastLine(out *lineRuns) int {
	for i := len(out.lines) - 1; i >= 0; i-- {
		if out.lines[i].line > 0 {
			return out.lines[i].line
		}
	}
	return c.base + 1
}

// lineInlines returns the runs of a block, line by line.
func (c *converter) lineInlines(n ast.Node) []srcLine {
	var out lineRuns
	c.inlines(n, style{kind: pipeline.KindText}, &out)
	return out.result()
}

// joinedInlines returns the runs of a block with its lines joined by spaces.
func (c *converter) joinedInlines(n ast.Node) []pipeline.Inline {
	return joinLines(c.lineInlines(n))
}

// joinLines joins source lines into one sequence of runs, a space between lines, with
// white space at both ends trimmed.
func joinLines(ls []srcLine) []pipeline.Inline {
	var runs []pipeline.Inline
	for _, l := range ls {
		if len(l.ins) == 0 {
			continue
		}
		ins := append([]pipeline.Inline(nil), l.ins...)
		if n := len(runs); n > 0 {
			// Exactly one space between two lines, placed in a plain run where there is one.
			last := &runs[n-1]
			if last.Kind != pipeline.KindFootnote {
				last.Text = strings.TrimRight(last.Text, " \t")
			}
			if ins[0].Kind != pipeline.KindFootnote {
				ins[0].Text = strings.TrimLeft(ins[0].Text, " \t")
			}
			switch {
			case ins[0].Kind == pipeline.KindText || last.Kind == pipeline.KindFootnote:
				ins[0].Text = " " + ins[0].Text
			default:
				last.Text += " "
			}
		}
		for _, in := range ins {
			runs = appendRun(runs, in)
		}
	}
	return trimRuns(runs)
}

// trimRuns removes leading and trailing white space from a run sequence and drops runs
// left empty.
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

// unescape resolves backslash escapes and character references the way CommonMark
// renders them.
func unescape(b []byte) string {
	return clean(string(util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(b)))))
}

// clean makes text safe for every writer: valid UTF-8, no NUL.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

// collectFootnotes reads the footnote definitions (which the footnote extension gathers at
// the end of the document) so references can carry their content.
func (c *converter) collectFootnotes(root ast.Node) {
	c.notes = map[int][]pipeline.Inline{}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		list, ok := n.(*east.FootnoteList)
		if !ok {
			continue
		}
		for fn := list.FirstChild(); fn != nil; fn = fn.NextSibling() {
			f, ok := fn.(*east.Footnote)
			if !ok {
				continue
			}
			var all []srcLine
			for p := f.FirstChild(); p != nil; p = p.NextSibling() {
				// A footnote inside a footnote would recurse; it is dropped.
				all = append(all, c.lineInlines(p)...)
			}
			c.notes[f.Index] = joinLines(all)
		}
	}
}
