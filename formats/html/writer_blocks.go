package html

import (
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// masthead prints the first-page masthead: the organ and the symbol above a rule, then the
// distribution, date, language and original lines in the end column. Each line takes its
// own direction (dir="auto"): UN Arabic versions keep the masthead in English.
func (h *htmlWriter) masthead(doc *model.Document) {
	lines := doc.Present.Masthead
	if len(lines) == 0 {
		return
	}
	var organ, symbol string
	var rest []model.MastheadLine
	for _, l := range lines {
		switch l.Key {
		case model.MastUN:
			// The organisation's name belongs to the printed band; the page's title says it.
		case model.MastOrgan:
			organ = l.Text
		case model.MastSymbol:
			symbol = l.Text
		default:
			rest = append(rest, l)
		}
	}
	h.raw("<header class=\"un-masthead\">\n<div class=\"un-mast-top\">")
	h.raw("<p class=\"un-organ\" dir=\"auto\">")
	h.text(organ)
	h.raw("</p>")
	if symbol != "" {
		h.raw("<p class=\"un-symbol\" dir=\"auto\">")
		h.text(symbol)
		h.raw("</p>")
	}
	h.raw("</div>\n")
	if len(rest) > 0 {
		h.raw("<div class=\"un-mast-rest\">")
		for _, l := range rest {
			h.raw("<p")
			h.attr("class", "un-mast-"+string(l.Key))
			h.raw(" dir=\"auto\">")
			h.text(l.Text)
			h.raw("</p>")
		}
		h.raw("</div>\n")
	}
	h.raw("</header>\n")
}

// titles prints the title (the document's one h1) and the sentence of place and date.
func (h *htmlWriter) titles(doc *model.Document) {
	if t := strings.TrimSpace(doc.Meta.Title); t != "" {
		h.raw("<h1 class=\"un-title\">")
		h.text(t)
		h.raw("</h1>\n")
	}
	if t := strings.TrimSpace(doc.Present.TitleBlock); t != "" {
		h.raw("<p class=\"un-titleblock\">")
		h.text(t)
		h.raw("</p>\n")
	}
}

func (h *htmlWriter) block(b model.Block) {
	switch n := b.(type) {
	case *model.Heading:
		tag := "h" + strconv.Itoa(min(max(n.Level, 1), 5)+1)
		h.raw("<" + tag)
		h.attr("id", n.ID)
		h.attr("class", "un-heading")
		h.raw(">")
		h.label(n.Number)
		h.inlines(n.Inlines)
		h.raw("</" + tag + ">\n")
	case *model.Paragraph:
		h.paragraph(n)
	case *model.List:
		h.list(n)
	case *model.ListItem:
		// Items appear inside lists only; a stray one is printed as a list of one.
		h.list(&model.List{Items: []*model.ListItem{n}})
	case *model.Quote:
		h.raw("<blockquote class=\"un-quote\"")
		h.attr("id", n.ID)
		h.raw(">\n")
		for _, p := range n.Paragraphs {
			h.raw("<p")
			h.attr("id", p.ID)
			h.raw(">")
			h.label(p.Number)
			h.inlines(p.Inlines)
			h.raw("</p>\n")
		}
		h.raw("</blockquote>\n")
	case *model.Note:
		h.raw("<p class=\"un-note\"")
		h.attr("id", n.ID)
		h.raw(">")
		h.inlines(n.Inlines)
		h.raw("</p>\n")
	case *model.Table:
		h.table(n)
	case *model.Preformatted:
		h.raw("<pre class=\"un-pre\"")
		h.attr("id", n.ID)
		h.raw(">")
		h.text(n.Text)
		h.raw("</pre>\n")
	case *model.Attendance:
		h.raw("<section class=\"un-attendance\"")
		h.attr("id", n.ID)
		h.raw(">\n<p class=\"un-attendance-title\"><strong>")
		h.text(n.Title)
		h.raw("</strong></p>\n")
		for _, g := range n.Groups {
			h.raw("<p>")
			h.inlines(g.Inlines)
			h.raw("</p>\n")
		}
		h.raw("</section>\n")
	case *model.Annex:
		h.raw("<section class=\"un-annex\"")
		h.attr("id", n.ID)
		h.raw(">\n")
		for _, t := range []string{n.Label, n.Title} {
			if t != "" {
				h.raw("<p class=\"un-annex-title\"><strong>")
				h.text(t)
				h.raw("</strong></p>\n")
			}
		}
		for _, c := range n.Blocks {
			h.block(c)
		}
		h.raw("</section>\n")
	}
}

// paragraph prints a paragraph and the lists and quotations it introduces. Its number
// hangs in the label column; the children belong to it, so they are inside its element.
func (h *htmlWriter) paragraph(p *model.Paragraph) {
	cls := "un-para"
	if !p.Numbered {
		cls = "un-para un-unnumbered"
	}
	if len(p.Children) == 0 {
		h.raw("<p")
		h.attr("id", p.ID)
		h.attr("class", cls)
		h.raw(">")
		h.label(p.Number)
		h.inlines(p.RunIn())
		h.raw("</p>\n")
		return
	}
	h.raw("<div")
	h.attr("id", p.ID)
	h.attr("class", cls)
	h.raw(">\n")
	if len(p.Inlines) > 0 || p.Number.Label != "" {
		h.raw("<p>")
		h.label(p.Number)
		h.inlines(p.RunIn())
		h.raw("</p>\n")
	}
	for _, c := range p.Children {
		h.block(c)
	}
	h.raw("</div>\n")
}

func (h *htmlWriter) list(l *model.List) {
	h.raw("<ol class=\"un-sub\">\n")
	for _, it := range l.Items {
		h.raw("<li")
		h.attr("id", it.ID)
		h.raw(">")
		h.label(it.Number)
		h.inlines(it.Inlines)
		if len(it.Children) > 0 {
			h.raw("\n")
			for _, c := range it.Children {
				h.block(c)
			}
		}
		h.raw("</li>\n")
	}
	h.raw("</ol>\n")
}

func (h *htmlWriter) table(t *model.Table) {
	h.raw("<table class=\"un-table\"")
	h.attr("id", t.ID)
	h.raw(">\n")
	head := min(t.Header, len(t.Rows))
	if head > 0 {
		h.raw("<thead>\n")
		for _, row := range t.Rows[:head] {
			h.row(row, "th")
		}
		h.raw("</thead>\n")
	}
	h.raw("<tbody>\n")
	for _, row := range t.Rows[head:] {
		h.row(row, "td")
	}
	h.raw("</tbody>\n</table>\n")
}

// row prints one table row whose cells are cell elements ("td" or "th").
func (h *htmlWriter) row(row [][]model.Inline, cell string) {
	h.raw("<tr>")
	for _, c := range row {
		h.raw("<" + cell + ">")
		h.inlines(c)
		h.raw("</" + cell + ">")
	}
	h.raw("</tr>\n")
}

// label prints the number the normalizer gave a block, in its hanging label.
func (h *htmlWriter) label(n model.Number) {
	if n.Label == "" {
		return
	}
	h.raw("<span class=\"un-num\">")
	h.text(n.Label)
	h.raw("</span> ")
}

func (h *htmlWriter) inlines(ins []model.Inline) {
	for _, in := range ins {
		switch in.Kind {
		case model.KindEmphasis:
			h.wrap("em", "", in.Text)
		case model.KindStrong:
			h.wrap("strong", "", in.Text)
		case model.KindSymbol:
			h.wrap("span", "un-sym", in.Text)
		case model.KindQuoted:
			h.wrap("span", "un-quoted", in.Text)
		case model.KindLink:
			h.link(in)
		case model.KindFootnote:
			h.notes = append(h.notes, in.Note)
			n := strconv.Itoa(len(h.notes))
			h.raw(`<sup class="un-fnref"><a href="#un-fn` + n + `" id="un-fnref` + n + `" role="doc-noteref">` + n + `</a></sup>`)
		default:
			h.text(in.Text)
		}
	}
}

func (h *htmlWriter) wrap(tag, class, text string) {
	h.raw("<" + tag)
	h.attr("class", class)
	h.raw(">")
	h.text(text)
	h.raw("</" + tag + ">")
}

// link prints a hyperlink when its scheme is safe to follow, else its text alone.
func (h *htmlWriter) link(in model.Inline) {
	text := in.Text
	if text == "" {
		text = in.URL
	}
	url, ok := model.LinkTarget(in.URL)
	if !ok {
		h.text(text)
		return
	}
	h.raw("<a")
	h.attr("href", url)
	h.raw(">")
	h.text(text)
	h.raw("</a>")
}

// footnotes prints the notes collected from the markers, each linked back to its marker.
func (h *htmlWriter) footnotes() {
	if len(h.notes) == 0 {
		return
	}
	h.raw("<section class=\"un-footnotes\" role=\"doc-endnotes\">\n<ol>\n")
	for i, note := range h.notes {
		n := strconv.Itoa(i + 1)
		h.raw(`<li id="un-fn` + n + `">`)
		h.inlines(note)
		h.raw(` <a href="#un-fnref` + n + `" role="doc-backlink">↩</a></li>` + "\n")
	}
	h.raw("</ol>\n</section>\n")
}
