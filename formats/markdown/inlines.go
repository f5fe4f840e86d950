package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// inlines walks the inline children of n and adds their runs to out.
func (c *converter) inlines(n ast.Node, st textrun.Style, out *textrun.Collector) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			text := unescape(ch.Value(c.src))
			if ch.IsRaw() {
				text = textrun.Clean(string(ch.Value(c.src)))
			}
			out.Add(model.Inline{Kind: st.Kind, Text: text, URL: st.URL, Line: c.line(ch.Segment.Start)})
			switch {
			case ch.HardLineBreak():
				out.Break(true)
			case ch.SoftLineBreak():
				out.Break(false)
			}
		case *ast.String:
			text := string(ch.Value)
			if !ch.IsCode() && !ch.IsRaw() {
				text = unescape(ch.Value)
			}
			out.Add(model.Inline{Kind: st.Kind, Text: textrun.Clean(text), URL: st.URL, Line: c.lastLine(out)})
		case *ast.CodeSpan:
			// Code spans are verbatim: no escapes, no entities, and no list marker or
			// paragraph number either when one opens a line ("`0)` means…").
			out.MarkLiteral()
			var b strings.Builder
			for t := ch.FirstChild(); t != nil; t = t.NextSibling() {
				switch t := t.(type) {
				case *ast.Text:
					b.Write(t.Value(c.src))
				case *ast.String:
					b.Write(t.Value)
				}
			}
			out.Add(model.Inline{Kind: st.Kind, Text: textrun.Clean(b.String()), URL: st.URL, Line: c.line(ch.Pos())})
		case *ast.Emphasis:
			k := model.KindEmphasis
			if ch.Level >= 2 {
				k = model.KindStrong
			}
			c.inlines(ch, st.With(k), out)
		case *ast.Link:
			// A link's text is what it links, never a marker or number to drop.
			out.MarkLiteral()
			dest := unescape(ch.Destination)
			if !ch.HasChildren() && strings.TrimSpace(dest) != "" {
				// "[](https://…)": a link without text shows its address, not nothing.
				out.Add(model.Inline{Kind: model.KindLink, Text: textrun.Clean(dest), URL: dest, Line: c.line(ch.Pos())})
				break
			}
			c.inlines(ch, st.Link(dest), out)
		case *ast.AutoLink:
			label := textrun.Clean(string(ch.Label(c.src)))
			url := textrun.Clean(string(ch.URL(c.src)))
			if ch.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
				url = "mailto:" + url
			}
			out.Add(model.LinkRun(label, url, c.line(ch.Pos())))
		case *ast.Image:
			// The picture cannot be carried over; its alternative text can.
			if !c.warnedImage {
				c.warnedImage = true
				c.opts.Warnings.Warn(stage, c.pos(c.lastLine(out)), "images are not carried over; their alternative text is kept")
			}
			out.MarkLiteral() // the alternative text is kept whole, as a link's text is
			c.inlines(ch, st, out)
		case *ast.RawHTML:
			var raw strings.Builder
			for i := 0; i < ch.Segments.Len(); i++ {
				s := ch.Segments.At(i)
				raw.Write(s.Value(c.src))
			}
			switch name, markup := rawTag(raw.String()); {
			case name == "br":
				out.Break(true)
			case !markup:
				// "<emu-alg>", "<nick>": not HTML, so text the notes mean literally.
				out.Add(model.Inline{Kind: st.Kind, Text: textrun.Clean(raw.String()), URL: st.URL, Line: c.line(ch.Segments.At(0).Start)})
			}
		case *east.FootnoteLink:
			out.Add(model.Inline{Kind: model.KindFootnote, Note: model.CloneInlines(c.notes[ch.Index]), Line: c.lastLine(out)})
		case *east.FootnoteBacklink:
			// Only meaningful in HTML output.
		default:
			c.inlines(ch, st, out)
		}
	}
}

// lastLine is the line of the latest run, for nodes that carry no position themselves.
func (c *converter) lastLine(out *textrun.Collector) int {
	if l := out.LastLine(); l > 0 {
		return l
	}
	return c.base + 1
}

// lineInlines returns the runs of a block, line by line.
func (c *converter) lineInlines(n ast.Node) []textrun.Line {
	if t, ok := n.(*east.Table); ok {
		return c.tableLines(t)
	}
	var out textrun.Collector
	c.inlines(n, textrun.Style{Kind: model.KindText}, &out)
	lines := out.Lines()
	if c.furniture == nil {
		return lines
	}
	kept := lines[:0]
	for _, l := range lines {
		if i := l.Line - c.base - 1; i >= 0 && i < len(c.furniture) && c.furniture[i] {
			continue // a page number or a running header or footer
		}
		kept = append(kept, l)
	}
	return kept
}

// tableLines returns the runs of a table that stands where only text can (in a
// quotation, a list item or a footnote): each cell as a line of its own, so that joined
// lines keep cells apart as words ("a | b" is "a b", not "ab").
func (c *converter) tableLines(t *east.Table) []textrun.Line {
	var lines []textrun.Line
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			lines = append(lines, c.lineInlines(cell)...)
		}
	}
	return lines
}

// joinedInlines returns the runs of a block with its lines joined by spaces.
func (c *converter) joinedInlines(n ast.Node) []model.Inline {
	return textrun.Join(c.lineInlines(n))
}

// unescape resolves backslash escapes and character references the way CommonMark
// renders them.
func unescape(b []byte) string {
	return textrun.Clean(string(util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(b)))))
}

// collectFootnotes reads the footnote definitions (which the footnote extension gathers at
// the end of the document) so references can carry their content.
func (c *converter) collectFootnotes(root ast.Node) {
	c.notes = map[int][]model.Inline{}
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
			var all []textrun.Line
			for p := f.FirstChild(); p != nil; p = p.NextSibling() {
				// A footnote inside a footnote would recurse; it is dropped.
				all = append(all, c.lineInlines(p)...)
			}
			c.notes[f.Index] = textrun.Join(all)
		}
	}
}
