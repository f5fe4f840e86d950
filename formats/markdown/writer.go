package markdown

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// NewWriter returns the Markdown writer (Format "md", extension ".md"): a readable rendering
// of the report with its UN numbers, for review in a browser or a merge request. Paragraph
// numbers are escaped ("12\.") so Markdown renderers print them as written instead of
// renumbering them as a list.
//
// The file reads back as the same report: the metadata the masthead and the title block
// are printed from goes into YAML front matter (which renderers show as a table), with a
// "scribe-labels" key naming the language of the printed numbers, so the reader takes the
// numbers off again instead of numbering them a second time.
func NewWriter() model.Writer { return mdWriter{} }

type mdWriter struct{}

func (mdWriter) Format() string { return "md" }
func (mdWriter) Ext() string    { return ".md" }

// Write renders the document.
func (mdWriter) Write(_ context.Context, w io.Writer, doc *model.Document, _ model.WriteOptions) error {
	mw := &mdRender{w: bufio.NewWriter(w)}
	mw.render(doc)
	if mw.err != nil {
		return mw.err
	}
	return mw.w.Flush()
}

type mdRender struct {
	w     *bufio.Writer
	err   error
	notes [][]model.Inline
}

func (m *mdRender) print(s string) {
	if m.err == nil {
		_, m.err = m.w.WriteString(s)
	}
}

func (m *mdRender) render(doc *model.Document) {
	m.frontMatter(doc)
	rtl := doc.Present.Dir == model.RTL
	if rtl {
		m.print("<div dir=\"rtl\">\n\n")
	}
	if doc.Meta.Title != "" {
		m.print("# " + mdEscape(doc.Meta.Title) + "\n\n")
	}
	if doc.Present.TitleBlock != "" {
		m.print("*" + mdEscape(doc.Present.TitleBlock) + "*\n\n")
	}
	for _, b := range doc.Blocks {
		m.block(b, 0)
	}
	for i, n := range m.notes {
		m.print(fmt.Sprintf("[^%d]: %s\n", i+1, m.inlines(n)))
	}
	if len(m.notes) > 0 {
		m.print("\n")
	}
	if rtl {
		m.print("</div>\n")
	}
}

// LabelsKey is the front-matter key naming the language of the numbers printed in a
// Markdown report scribe wrote ("scribe-labels: fr").
const LabelsKey = "scribe-labels"

// frontMatter writes the metadata as YAML front matter, values double-quoted.
func (m *mdRender) frontMatter(doc *model.Document) {
	md := doc.Meta
	time := md.TimeStart
	if md.TimeEnd != "" {
		time += "–" + md.TimeEnd
	}
	lang := doc.Present.Lang
	if lang == "" {
		lang = md.Lang
	}
	m.print("---\n")
	for _, kv := range [][2]string{
		{"title", md.Title}, {"organ", md.Body}, {"symbol", md.Symbol}, {"distribution", md.Distribution},
		{"date", md.Date}, {"time", time}, {"venue", md.Venue}, {"original", md.OriginalLang},
		{"subtitle", md.Subtitle}, {"session", md.Session}, {"agenda-item", md.AgendaItem}, {"job", md.JobNumber}, {LabelsKey, lang},
	} {
		if kv[1] != "" {
			m.print(kv[0] + ": " + strconv.Quote(kv[1]) + "\n")
		}
	}
	m.print("---\n\n")
}

func (m *mdRender) block(b model.Block, depth int) {
	switch n := b.(type) {
	case *model.Heading:
		level := n.Level
		if level < 1 {
			level = 1
		}
		if level > 5 {
			level = 5
		}
		m.print(strings.Repeat("#", level+1) + " " + mdLabel(n.Number.Label) + m.inlines(n.Inlines) + "\n\n")
	case *model.Paragraph:
		if text := m.inlines(n.RunIn()); text != "" {
			m.print(mdLabel(n.Number.Label) + text + "\n\n")
		}
		for _, c := range n.Children {
			m.block(c, depth)
		}
	case *model.List:
		for _, it := range n.Items {
			m.print(strings.Repeat("    ", depth) + "- " + mdLabel(it.Number.Label) + m.inlines(it.Inlines) + "\n")
			for _, c := range it.Children {
				if l, ok := c.(*model.List); ok {
					m.block(l, depth+1)
				}
			}
		}
		if depth == 0 {
			m.print("\n")
		}
		for _, it := range n.Items {
			for _, c := range it.Children {
				if _, ok := c.(*model.List); !ok {
					m.block(c, depth)
				}
			}
		}
	case *model.ListItem:
		m.print(mdLabel(n.Number.Label) + m.inlines(n.Inlines) + "\n\n")
	case *model.Quote:
		for i, p := range n.Paragraphs {
			if i > 0 {
				m.print(">\n")
			}
			m.print("> " + m.inlines(p.Inlines) + "\n")
		}
		m.print("\n")
	case *model.Note:
		m.print("*" + m.inlines(n.Inlines) + "*\n\n")
	case *model.Table:
		for i, row := range n.Rows {
			cells := make([]string, len(row))
			for j, c := range row {
				cells[j] = strings.ReplaceAll(m.inlines(c), "|", "\\|")
			}
			m.print("| " + strings.Join(cells, " | ") + " |\n")
			if i == 0 {
				m.print("|" + strings.Repeat(" --- |", len(row)) + "\n")
			}
		}
		m.print("\n")
	case *model.Preformatted:
		fence := "```"
		for strings.Contains(n.Text, fence) {
			fence += "`"
		}
		m.print(fence + "\n" + n.Text + "\n" + fence + "\n\n")
	case *model.Attendance:
		m.print("**" + mdEscape(n.Title) + "**\n\n")
		for i, g := range n.Groups {
			end := "\\\n" // a hard line break keeps one role per line
			if i == len(n.Groups)-1 {
				end = "\n\n"
			}
			m.print(m.inlines(g.Inlines) + end)
		}
	case *model.Annex:
		m.print("---\n\n")
		for _, t := range []string{n.Label, n.Title} {
			if t != "" {
				m.print("**" + mdEscape(t) + "**\n\n")
			}
		}
		for _, c := range n.Blocks {
			m.block(c, depth)
		}
	}
}

func (m *mdRender) inlines(ins []model.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		text := mdEscape(in.Text)
		switch in.Kind {
		case model.KindEmphasis:
			b.WriteString(mdWrap("*", text))
		case model.KindStrong:
			b.WriteString(mdWrap("**", text))
		case model.KindLink:
			url, ok := model.LinkTarget(in.URL)
			switch {
			case !ok:
				b.WriteString(text)
			case url != in.Text || strings.ContainsAny(url, "<>"):
				fmt.Fprintf(&b, "[%s](%s)", text, strings.ReplaceAll(url, ")", "%29"))
			default:
				fmt.Fprintf(&b, "<%s>", url)
			}
		case model.KindFootnote:
			m.notes = append(m.notes, in.Note)
			fmt.Fprintf(&b, "[^%d]", len(m.notes))
		default:
			b.WriteString(text)
		}
	}
	return strings.TrimSpace(strings.ReplaceAll(b.String(), "\n", " "))
}

// mdWrap puts emphasis markers around the text but outside its edge spaces, which would
// otherwise stop Markdown from seeing the emphasis.
func mdWrap(mark, text string) string {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return text
	}
	lead := text[:strings.Index(text, trimmed)]
	trail := text[len(lead)+len(trimmed):]
	return lead + mark + trimmed + mark + trail
}

// mdLabel escapes a number label so Markdown prints it as written ("12\.", "\(a\)").
func mdLabel(label string) string {
	if label == "" {
		return ""
	}
	return mdEscape(label) + " "
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`,
	"~", `\~`, // "~~~" opens a code fence, "~~x~~" is strikethrough for the reader
)

func mdEscape(s string) string {
	s = mdEscaper.Replace(s)
	// A number followed by a full stop or a closing parenthesis at the start of a line
	// starts an ordered list ("12." or "0)").
	if i := strings.IndexAny(s, ".)"); i > 0 && i <= 9 && strings.Trim(s[:i], "0123456789") == "" {
		s = s[:i] + `\` + s[i:]
	}
	// "-" and "+" start a bullet item (even alone: an empty item) and "---" a rule.
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		s = `\` + s
	}
	return s
}
