package model

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Inspect prints the recovered structure as an indented tree: one line per node with its
// source line, its number, the speaker, the start of its text and the reason the reader
// gave for the decision. It is what `scribe inspect` shows, so a user can see why a line
// became a heading and correct the notes with an explicit cue.
func Inspect(w io.Writer, doc *Document) error {
	iw := &inspectWriter{w: w}
	iw.printf(0, "document %s (language %s)", doc.Source, orDash(doc.Meta.OriginalLang))
	m := doc.Meta
	for _, f := range []struct{ k, v string }{
		{"title", m.Title}, {"subtitle", m.Subtitle}, {"body", m.Body}, {"symbol", m.Symbol}, {"venue", m.Venue},
		{"date", m.Date}, {"time", strings.Trim(m.TimeStart+"–"+m.TimeEnd, "–")},
		{"distribution", m.Distribution}, {"session", m.Session}, {"agenda item", m.AgendaItem},
	} {
		if f.v != "" {
			where := ""
			if p, ok := m.Lines[strings.ReplaceAll(f.k, " ", "")]; ok && p.Line > 0 {
				where = fmt.Sprintf(" (line %d)", p.Line)
			}
			iw.printf(1, "meta %s: %s%s", f.k, f.v, where)
		}
	}
	for _, pt := range m.Participants {
		name := pt.Name
		if pt.Initials != "" {
			name += " (" + pt.Initials + ")"
		}
		if pt.Affiliation != "" {
			name += ", " + pt.Affiliation
		}
		iw.printf(1, "%s participant %s: %s%s", lineOf(pt.Pos), pt.Role, name, because(pt.Why))
	}
	for _, fl := range doc.Front {
		iw.printf(1, "%s front %s: %q%s", lineOf(fl.Pos), fl.Kind, clip(fl.Text, 60), because(fl.Why))
	}
	for _, b := range doc.Blocks {
		iw.block(1, b)
	}
	return iw.err
}

type inspectWriter struct {
	w   io.Writer
	err error
}

func (iw *inspectWriter) printf(depth int, format string, args ...any) {
	if iw.err != nil {
		return
	}
	_, iw.err = fmt.Fprintf(iw.w, "%s%s\n", strings.Repeat("  ", depth), fmt.Sprintf(format, args...))
}

func (iw *inspectWriter) block(depth int, b Block) {
	switch n := b.(type) {
	case *Heading:
		iw.printf(depth, "%s heading %d %s%q%s", lineOf(n.Pos), n.Level, label(n.Number), clip(PlainText(n.Inlines), 60), because(n.Why))
	case *Paragraph:
		kind := "paragraph"
		if !n.Numbered {
			kind = "unnumbered paragraph"
		}
		if n.Kind != "" {
			kind = string(n.Kind)
			if !n.Numbered {
				kind = "unnumbered " + kind
			}
		}
		speaker := ""
		if n.Speaker != "" {
			speaker = fmt.Sprintf(" [speaker: %s]", n.Speaker)
		}
		if n.Owner != "" {
			speaker += fmt.Sprintf(" [owner: %s]", n.Owner)
		}
		if n.Due != "" {
			speaker += fmt.Sprintf(" [due: %s]", n.Due)
		}
		iw.printf(depth, "%s %s %s%q%s%s", lineOf(n.Pos), kind, label(n.Number), clip(PlainText(n.Inlines), 60), speaker, because(n.Why))
		for _, c := range n.Children {
			iw.block(depth+1, c)
		}
	case *List:
		iw.printf(depth, "%s list (depth %d, %d items)%s", lineOf(n.Pos), n.Depth, len(n.Items), because(n.Why))
		for _, it := range n.Items {
			iw.block(depth+1, it)
		}
	case *ListItem:
		speaker := ""
		if n.Speaker != "" {
			speaker = fmt.Sprintf(" [speaker: %s]", n.Speaker)
		}
		iw.printf(depth, "%s item %s%q%s", lineOf(n.Pos), label(n.Number), clip(PlainText(n.Inlines), 60), speaker)
		for _, c := range n.Children {
			iw.block(depth+1, c)
		}
	case *Quote:
		iw.printf(depth, "%s quotation (%d paragraphs, no number)%s", lineOf(n.Pos), len(n.Paragraphs), because(n.Why))
		for _, p := range n.Paragraphs {
			iw.printf(depth+1, "%s %q", lineOf(p.Pos), clip(PlainText(p.Inlines), 60))
		}
	case *Note:
		iw.printf(depth, "%s note %q%s", lineOf(n.Pos), clip(PlainText(n.Inlines), 60), because(n.Why))
	case *Table:
		iw.printf(depth, "%s table (%d rows)", lineOf(n.Pos), len(n.Rows))
	case *Preformatted:
		first, _, _ := strings.Cut(n.Text, "\n")
		iw.printf(depth, "%s preformatted (%d lines, no number) %q%s", lineOf(n.Pos), strings.Count(n.Text, "\n")+1, clip(first, 60), because(n.Why))
	case *Attendance:
		iw.printf(depth, "%s attendance %q (no number)%s", lineOf(n.Pos), n.Title, because(n.Why))
		for _, g := range n.Groups {
			iw.printf(depth+1, "%s %s", g.Label, clip(strings.Join(g.Names, ", "), 80))
		}
	case *Annex:
		iw.printf(depth, "%s annex %q %q%s", lineOf(n.Pos), n.Label, n.Title, because(n.Why))
		for _, c := range n.Blocks {
			iw.block(depth+1, c)
		}
	}
}

func lineOf(p Pos) string {
	if p.Line > 0 {
		return fmt.Sprintf("%4d", p.Line)
	}
	return "   -"
}

func label(n Number) string {
	if n.Label == "" {
		return ""
	}
	return n.Label + " "
}

func because(why string) string {
	if why == "" {
		return ""
	}
	return " — " + why
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to n runes with an ellipsis, for one-line listings.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
