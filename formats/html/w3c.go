package html

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/scribe-un/scribe/formats/internal/chat"
	"github.com/scribe-un/scribe/pipeline/model"
)

// W3C minutes are pages written by the scribe tools of W3C and similar groups
// (scribe.perl): each statement is a <p> opening with <cite>speaker:</cite>, its "…" lines
// after <br>s; raw IRC lines are <p> opening with <cite>&lt;nick&gt;</cite>; the attendance
// is a <dl> (Present, Regrets, Chair, Scribe); topics are headings; resolutions are
// paragraphs "RESOLUTION: …". Such a page is read with the chat conventions
// (formats/internal/chat) rather than paragraph by paragraph: one paragraph per turn, "…"
// lines joined into it, runs of "+1" tallied, the attendance as labelled lines.

// minTurns is how many <cite> paragraphs make a page W3C minutes.
const minTurns = 3

// isW3CMinutes reports a page with at least minTurns paragraphs opening with <cite>.
func isW3CMinutes(root *html.Node) bool {
	n := 0
	var visit func(*html.Node) bool
	visit = func(x *html.Node) bool {
		if x.Type == html.ElementNode && x.DataAtom == atom.P && citeOf(x) != nil {
			n++
			if n >= minTurns {
				return true
			}
		}
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			if visit(ch) {
				return true
			}
		}
		return false
	}
	return visit(root)
}

// citeOf returns the <cite> element a paragraph opens with (white space before it
// allowed, or the "<" older tools write before an IRC nick: "&lt;<cite>nick</cite>&gt;"),
// or nil.
func citeOf(p *html.Node) *html.Node {
	for ch := p.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode && (strings.TrimSpace(ch.Data) == "" || strings.TrimSpace(ch.Data) == "<"):
		case ch.Type == html.ElementNode && ch.DataAtom == atom.Cite:
			return ch
		default:
			return nil
		}
	}
	return nil
}

// bracketed reports the older form of an IRC line, "&lt;<cite>nick</cite>&gt; text".
func bracketed(cite *html.Node) bool {
	prev, next := cite.PrevSibling, cite.NextSibling
	return prev != nil && prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "<" &&
		next != nil && next.Type == html.TextNode && strings.HasPrefix(strings.TrimSpace(next.Data), ">")
}

// boilerplate are the headings scribe tools put around the minutes: page sections, not
// topics of the meeting.
var boilerplate = map[string]bool{
	"meeting minutes": true, "attendees": true, "contents": true, "summary of resolutions": true,
	"summary of action items": true, "summary of actions": true, "minutes": true,
}

// w3cReader walks a minutes page in reading order.
type w3cReader struct {
	c       *converter
	doc     *model.Document
	entries []chat.Entry
	// titled is set once the page's <h1> has given the title; dated once the heading under
	// it has given the date.
	titled, dated bool
	skipped       int
}

// w3cMinutes reads a minutes page into doc.
func (c *converter) w3cMinutes(root *html.Node, doc *model.Document) error {
	r := &w3cReader{c: c, doc: doc}
	r.walk(root)
	res := chat.Build(r.entries, chat.Options{File: c.name, Scribed: true})
	doc.Blocks = res.Blocks
	if res.Title != "" && doc.Meta.Title == "" {
		r.title(res.Title, res.TitleLine)
	}
	if r.skipped > 0 {
		c.opts.Warnings.Warn(stage, model.Pos{File: c.name}, "left out %d parts of the minutes page that repeat the minutes (contents, summaries, tool footer)", r.skipped)
	}
	return nil
}

func (r *w3cReader) walk(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode || ignored[ch.DataAtom] {
			continue
		}
		if err := r.c.ctx.Err(); err != nil {
			return
		}
		switch a := ch.DataAtom; {
		case a == atom.Nav || a == atom.Address || attr(ch, "id") == "ResolutionSummary" || attr(ch, "id") == "ActionSummary":
			r.skipped++
		case headingLevel(a) > 0:
			r.heading(ch)
		case a == atom.Dl:
			r.attendance(ch)
		case a == atom.P:
			r.paragraph(ch)
		case a == atom.Ul || a == atom.Ol:
			for li := ch.FirstChild; li != nil; li = li.NextSibling {
				if li.Type == html.ElementNode && li.DataAtom == atom.Li {
					r.lines(chat.Entry{}, textContent(li))
				}
			}
		case a == atom.Img:
		default:
			r.walk(ch)
		}
	}
}

// heading reads a heading: the page's first <h1> is the title and the heading right
// under it, when it is a date line, the date; the tools' own section headings are
// skipped; every other heading is a topic.
func (r *w3cReader) heading(h *html.Node) {
	text := oneLine(textContent(h))
	line := r.c.locate(text)
	switch {
	case text == "", strings.EqualFold(strings.Trim(text, "- "), "draft"):
		// "- DRAFT -" is how the tools mark minutes not yet approved, not a title.
	case h.DataAtom == atom.H1 && !r.titled:
		r.titled = true
		r.title(text, line)
	case r.titled && !r.dated && len(r.entries) == 0 && h.DataAtom == atom.H2 && !boilerplate[strings.ToLower(text)]:
		r.dated = true
		r.doc.Front = append(r.doc.Front, model.FrontLine{Pos: r.c.posAt(line), Kind: model.FrontDate, Text: text,
			Why: "the line under the title of W3C minutes"})
	case boilerplate[strings.ToLower(text)]:
	default:
		r.entries = append(r.entries, chat.Entry{Text: "Topic: " + text, Line: line})
	}
}

// title sets the document's title.
func (r *w3cReader) title(text string, line int) {
	r.doc.Meta.Title = text
	if r.doc.Meta.Lines == nil {
		r.doc.Meta.Lines = map[string]model.Pos{}
	}
	r.doc.Meta.Lines["title"] = r.c.posAt(line)
	r.doc.Front = append(r.doc.Front, model.FrontLine{Pos: r.c.posAt(line), Kind: model.FrontTitle, Text: text,
		Why: "the <h1> of W3C minutes"})
}

// attendance reads the <dl> of roles: each <dt> (Present, Regrets, Chair, Scribe) and its
// <dd> of comma-separated names, as the scribe commands that made them.
func (r *w3cReader) attendance(dl *html.Node) {
	label := ""
	for ch := dl.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode {
			continue
		}
		text := oneLine(textContent(ch))
		switch ch.DataAtom {
		case atom.Dt:
			label = text
		case atom.Dd:
			if text == "" || text == "-" || label == "" {
				continue
			}
			line := r.c.locate(text)
			cmd, ok := roleCommands[strings.ToLower(strings.TrimSuffix(label, ":"))]
			if !ok {
				r.entries = append(r.entries, chat.Entry{Text: label + ": " + text, Line: line})
				continue
			}
			r.entries = append(r.entries, chat.Entry{Text: cmd + ": " + text, Line: line})
		}
	}
}

// roleCommands maps the attendance labels of minutes to the scribe commands behind them.
var roleCommands = map[string]string{
	"present": "present", "attendees": "present", "regrets": "regrets", "absent": "regrets",
	"chair": "chair", "chairs": "chair", "scribe": "scribe", "scribes": "scribe", "agenda": "agenda",
}

// paragraph reads a <p>: a statement of the speaker its <cite> names ("nick:"), a raw IRC
// line ("<nick>"), or a line of the minutes.
func (r *w3cReader) paragraph(p *html.Node) {
	cite := citeOf(p)
	if cite == nil {
		r.lines(chat.Entry{}, textContent(p))
		return
	}
	who := oneLine(textContent(cite))
	var rest strings.Builder
	for ch := cite.NextSibling; ch != nil; ch = ch.NextSibling {
		rest.WriteString(textContentNode(ch))
	}
	if bracketed(cite) {
		who = "<" + who + ">"
		text := strings.TrimPrefix(strings.TrimSpace(rest.String()), ">")
		rest.Reset()
		rest.WriteString(text)
	}
	switch {
	case strings.HasPrefix(who, "<") && strings.HasSuffix(who, ">"):
		text := oneLine(rest.String())
		if text != "" {
			r.entries = append(r.entries, chat.Entry{Nick: strings.Trim(who, "<>"), Side: true, Text: text, Line: r.c.locate(text)})
		}
	default:
		r.lines(chat.Entry{Speaker: strings.TrimSpace(strings.TrimSuffix(who, ":"))}, rest.String())
	}
}

// lines adds the lines of a paragraph (split at <br>) as entries: the first as e says, the
// others as the scribe's continuation lines ("… more").
func (r *w3cReader) lines(e chat.Entry, text string) {
	first := true
	for _, l := range strings.Split(text, "\n") {
		l = oneLine(l)
		if l == "" {
			continue
		}
		line := r.c.locate(l)
		if first {
			e.Text, e.Line = l, line
			r.entries = append(r.entries, e)
			first = false
			continue
		}
		if !strings.HasPrefix(l, "…") && !strings.HasPrefix(l, "...") {
			l = "… " + l
		}
		r.entries = append(r.entries, chat.Entry{Text: l, Line: line})
	}
}

// textContentNode is the text of one node (an element or text), <br> as a line break.
func textContentNode(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Br {
		return "\n"
	}
	return textContent(n)
}

// oneLine folds white space into single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// posAt is a position at a source line.
func (c *converter) posAt(line int) model.Pos { return model.Pos{File: c.name, Line: max(line, 1)} }
