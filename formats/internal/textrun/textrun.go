// Package textrun holds the inline-run helpers shared by the readers of structured formats
// (Markdown, HTML, DOCX): collecting runs line by line, merging neighbours of one kind,
// joining lines with one space, trimming, making text safe for every writer, and merging
// metadata. One implementation keeps the readers' run boundaries identical.
package textrun

import (
	"strings"
	"unicode"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Line is the runs of one source line of a block. Hard is true when the author ended the
// line with an explicit break (two spaces or a backslash in Markdown, <br> in HTML).
// Literal is true when the line opens with text the source marks as written (a code span,
// a link's text; see MarkLiteral).
type Line struct {
	Inlines []model.Inline
	Line    int
	Hard    bool
	Literal bool
}

// Collector gathers runs line by line while a reader walks inline content. The zero value
// is ready to use.
type Collector struct {
	// CollapseSpace is for sources whose white space is not significant (HTML): white
	// space between tags at a line start is dropped, and a space never doubles across a run
	// boundary.
	CollapseSpace bool
	lines         []Line
}

// Add appends a run to the current line.
func (c *Collector) Add(in model.Inline) {
	if in.Text == "" && in.Kind != model.KindFootnote {
		return
	}
	if len(c.lines) == 0 {
		c.lines = append(c.lines, Line{Line: in.Line})
	}
	cur := &c.lines[len(c.lines)-1]
	if c.CollapseSpace && len(cur.Inlines) == 0 && strings.TrimSpace(in.Text) == "" {
		return
	}
	if cur.Line == 0 {
		cur.Line = in.Line
	}
	cur.Inlines = Append(cur.Inlines, in, c.CollapseSpace)
}

// MarkLiteral marks the line being collected as opening with text its source marks as
// written (a code span, a link's text), when what is on it yet is at most part of its
// first word: the inference must not read a list marker or a paragraph number there
// (infer.Line.Literal), whole ("`0)` means") or partly ("12`1. `" is not "121. "). Call
// it before adding the runs of such text.
func (c *Collector) MarkLiteral() {
	if len(c.lines) == 0 {
		c.lines = append(c.lines, Line{})
	}
	cur := &c.lines[len(c.lines)-1]
	seen := false // text seen on the line yet
	for _, in := range cur.Inlines {
		t := in.Text
		if !seen {
			t = strings.TrimLeftFunc(t, unicode.IsSpace)
		}
		if strings.IndexFunc(t, unicode.IsSpace) >= 0 {
			return // a word is complete: the opening is typed text
		}
		seen = seen || t != ""
	}
	cur.Literal = true
}

// Break ends the current line; the next run starts a new one.
func (c *Collector) Break(hard bool) {
	if len(c.lines) == 0 {
		return
	}
	c.lines[len(c.lines)-1].Hard = hard
	c.lines = append(c.lines, Line{})
}

// LastLine is the source line of the line being collected (0 before any run).
func (c *Collector) LastLine() int {
	for i := len(c.lines) - 1; i >= 0; i-- {
		if c.lines[i].Line > 0 {
			return c.lines[i].Line
		}
	}
	return 0
}

// Lines returns the lines that hold text. With CollapseSpace, each line's runs are trimmed
// too.
func (c *Collector) Lines() []Line {
	var out []Line
	for _, l := range c.lines {
		if c.CollapseSpace {
			l.Inlines = Trim(l.Inlines)
		}
		if len(l.Inlines) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// Append appends in to runs, merging it into the last run when both have the same kind and
// target, so "a *b* c" inside a link stays one link run. With collapse, a space at the end
// of the last run swallows the spaces starting in.
func Append(runs []model.Inline, in model.Inline, collapse bool) []model.Inline {
	if n := len(runs); n > 0 {
		last := &runs[n-1]
		if collapse && last.Kind != model.KindFootnote && strings.HasSuffix(last.Text, " ") {
			in.Text = strings.TrimLeft(in.Text, " ")
			if in.Text == "" {
				return runs
			}
		}
		if last.Kind == in.Kind && last.URL == in.URL && last.Kind != model.KindFootnote {
			last.Text += in.Text
			return runs
		}
	}
	return append(runs, in)
}

// Join joins lines into one sequence of runs, exactly one space between two lines (placed
// in a plain run where there is one), white space at both ends trimmed.
func Join(ls []Line) []model.Inline {
	var out []model.Inline
	for _, l := range ls {
		if len(l.Inlines) == 0 {
			continue
		}
		ins := append([]model.Inline(nil), l.Inlines...)
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.Kind != model.KindFootnote {
				last.Text = strings.TrimRight(last.Text, " \t")
			}
			if ins[0].Kind != model.KindFootnote {
				ins[0].Text = strings.TrimLeft(ins[0].Text, " \t")
			}
			switch {
			case ins[0].Kind == model.KindText || last.Kind == model.KindFootnote:
				ins[0].Text = " " + ins[0].Text
			default:
				last.Text += " "
			}
		}
		for _, in := range ins {
			out = Append(out, in, false)
		}
	}
	return Trim(out)
}

// Trim removes white space at both ends of a run sequence and drops runs left empty.
func Trim(runs []model.Inline) []model.Inline {
	for len(runs) > 0 && runs[0].Kind != model.KindFootnote {
		runs[0].Text = strings.TrimLeftFunc(runs[0].Text, unicode.IsSpace)
		if runs[0].Text != "" {
			break
		}
		runs = runs[1:]
	}
	for len(runs) > 0 && runs[len(runs)-1].Kind != model.KindFootnote {
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

// Clean makes text safe for every writer: valid UTF-8 (every output format requires it) and
// no NUL (XML cannot hold it).
func Clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

// MergeMeta fills the empty fields of dst from src; keys of Extra and Lines already in dst
// win.
func MergeMeta(dst *model.Metadata, src model.Metadata) {
	fill := func(d *string, s string) {
		if *d == "" {
			*d = s
		}
	}
	fill(&dst.Title, src.Title)
	fill(&dst.Body, src.Body)
	fill(&dst.Symbol, src.Symbol)
	fill(&dst.Distribution, src.Distribution)
	fill(&dst.Date, src.Date)
	fill(&dst.TimeStart, src.TimeStart)
	fill(&dst.TimeEnd, src.TimeEnd)
	fill(&dst.Venue, src.Venue)
	fill(&dst.OriginalLang, src.OriginalLang)
	fill(&dst.Lang, src.Lang)
	fill(&dst.Session, src.Session)
	fill(&dst.AgendaItem, src.AgendaItem)
	fill(&dst.Subtitle, src.Subtitle)
	fill(&dst.JobNumber, src.JobNumber)
	for k, v := range src.Extra {
		if _, ok := dst.Extra[k]; !ok {
			if dst.Extra == nil {
				dst.Extra = map[string]string{}
			}
			dst.Extra[k] = v
		}
	}
	for k, v := range src.Lines {
		if _, ok := dst.Lines[k]; !ok {
			if dst.Lines == nil {
				dst.Lines = map[string]model.Pos{}
			}
			dst.Lines[k] = v
		}
	}
}

// Style is the kind and link target that apply to the text a reader is walking. Runs are
// flat, so nested markup resolves to one kind: a link wins over strong, strong over
// emphasis.
type Style struct {
	Kind model.InlineKind
	URL  string
}

// Run is a run of kind with text cleaned; a link keeps its target only when
// model.LinkTarget does, and otherwise becomes text.
func Run(kind model.InlineKind, text, url string, line int) model.Inline {
	if kind == model.KindLink {
		return model.LinkRun(Clean(text), url, line)
	}
	return model.Inline{Kind: kind, Text: Clean(text), Line: line}
}

// Link returns the style inside a link to raw: a link when model.LinkTarget keeps the
// target, else s itself, so the text stays and a target scribe does not follow goes.
func (s Style) Link(raw string) Style {
	if u, ok := model.LinkTarget(raw); ok {
		return Style{Kind: model.KindLink, URL: u}
	}
	return s
}

// With returns the style inside markup of kind k.
func (s Style) With(k model.InlineKind) Style {
	switch {
	case s.Kind == model.KindLink:
		return s
	case s.Kind == model.KindStrong && k == model.KindEmphasis:
		return s
	}
	return Style{Kind: k}
}
