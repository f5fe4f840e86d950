package normalize

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// fieldWindow is how many top-level blocks from the start may hold the meeting's fields:
// minutes state them at the top, and a "Date:" deep in the body is about something else.
const fieldWindow = 16

// bodyFields moves the meeting's labelled fields from the top of the body into front lines,
// where the metadata rules read them: "Date: 15 septembre 2021", "Time: 14:00-16:00",
// "Location: Room 3", "会议时间：2022-5-26", as paragraphs or as list items (minutes often
// bullet them under a "Meeting overview" heading). A field whose value holds no date or
// time, or a place that runs to a sentence, stays in the body. A date heading near the top
// ("## Monday, 10/07/2024") and a short first line holding a date above the first heading
// ("crHumanisticaRevue 11 juin 2015") are taken too.
func bodyFields(set *locales.Set, v vocab, doc *model.Document) {
	var front []model.FrontLine
	take := func(text string, pos model.Pos) bool {
		label, k, value, ok := v.splitLabel(text)
		if !ok || value == "" {
			return false
		}
		fl, ok := fieldLine(set, label, k, value, pos)
		if ok {
			front = append(front, fl)
		}
		return ok
	}
	out := doc.Blocks[:0]
	skip := -1      // a block taken with the one before it
	headed := false // a heading has been met: the header of the file is over
	for i, b := range doc.Blocks {
		if i == skip {
			continue
		}
		if i >= fieldWindow {
			out = append(out, b)
			continue
		}
		switch n := b.(type) {
		case *model.Paragraph:
			if len(n.Children) == 0 && n.Kind == "" && take(model.PlainText(n.Inlines), n.Pos) {
				continue
			}
			if fieldParagraph(v, n) {
				break
			}
			if i == 0 && doc.Meta.Title == "" {
				if fl, ok := titleLine(set, n, doc.Blocks[1:]); ok {
					front = append(front, fl...)
					continue
				}
			}
			for _, c := range n.Children {
				if l, ok := c.(*model.List); ok {
					takeItems(l, take)
				}
			}
			n.Children = dropEmptyLists(n.Children)
		case *model.List:
			if takeItems(n, take); len(n.Items) == 0 {
				continue
			}
			if fields, ok := fieldItems(v, n); ok && !headed {
				// A list becomes several blocks: past the blocks read so far, out
				// must not overwrite those still to read.
				if len(out)+len(fields) > i+1 {
					out = append(make([]model.Block, 0, len(doc.Blocks)+len(fields)), out...)
				}
				out = append(out, fields...)
				continue
			}
		case *model.Table:
			if i < 5 && doc.Meta.Date == "" {
				front = append(front, tableDates(set, n)...)
			}
		case *model.Heading:
			headed = true
			if fl, ok := labelHeading(set, v, n, doc.Blocks[i+1:]); ok {
				front = append(front, fl)
				skip = i + 1
				continue
			}
			if i < 5 && doc.Meta.Date == "" {
				if fl, ok := dateHeading(set, n, doc.Blocks); ok {
					if t, ok := titleAboveDate(doc, out); ok {
						out = out[:len(out)-1]
						front = append(front, t)
					}
					front = append(front, fl)
					continue
				}
			}
		}
		out = append(out, b)
	}
	doc.Blocks = out
	doc.Front = append(doc.Front, front...)
}

// letterheadLines is the fewest short lines stacked at the top that make a letterhead.
const letterheadLines = 3

// letterhead reads the lines a printed page stacks at its top, one short line each, as a
// PDF extraction or a copied letterhead gives them ("Town of Amherst", "Special Town
// Council Meeting", "Thursday, December 4, 2019 12:30 p.m.", "Town Room, Town Hall",
// "Minutes"): three or more short paragraphs in a row before any heading or statement,
// one of them a date line. They are the masthead of the source, not statements: they
// stay, unnumbered, and the date line moves to the front lines when no other line gives
// the meeting's date.
func letterhead(set *locales.Set, doc *model.Document) {
	start, end, date := -1, -1, -1
	for i, b := range doc.Blocks {
		if i >= fieldWindow {
			break
		}
		p, ok := b.(*model.Paragraph)
		if !ok {
			break
		}
		if !p.Numbered {
			if start < 0 {
				continue // fields and cover lines above
			}
			break
		}
		if len(p.Children) > 0 || p.Kind != "" {
			break
		}
		// The date is looked for only in a short line: a paragraph of megabytes is not
		// searched (nor its words listed) to be turned down.
		text := strings.TrimSpace(model.PlainText(p.Inlines))
		if textUnits(text) > 8 || strings.Contains(text, "://") {
			break
		}
		isDate := mostlyDate(set, text)
		if endsWithStop(text) && !isDate {
			break
		}
		if start < 0 {
			start = i
		}
		end = i + 1
		if isDate && date < 0 {
			date = i
		}
	}
	if start < 0 || date < 0 || end-start < letterheadLines {
		return
	}
	for _, b := range doc.Blocks[start:end] {
		p := b.(*model.Paragraph)
		p.Numbered = false
		p.Why = "letterhead: a short line stacked at the top with the date line, the source's masthead; not numbered"
	}
	if doc.Meta.Date != "" {
		return
	}
	for _, fl := range doc.Front {
		if fl.Kind == model.FrontDate {
			return
		}
	}
	// The date line moves to the front, where the report prints it under the title.
	p := doc.Blocks[date].(*model.Paragraph)
	doc.Front = append(doc.Front, model.FrontLine{Pos: p.Pos, Kind: model.FrontDate,
		Text: strings.TrimSpace(model.PlainText(p.Inlines)), Why: "date: the date line of the letterhead at the top"})
	doc.Blocks = append(doc.Blocks[:date], doc.Blocks[date+1:]...)
}

// labelHeading reads a heading that is a date or venue label over one short paragraph
// ("=== Lieu ===" over "(@LaPaillasse) - 19h à 21h", "## Date" over "15 March 2024"), the
// heading holding nothing else, as the labelled field it is. rest is the blocks after
// the heading.
func labelHeading(set *locales.Set, v vocab, h *model.Heading, rest []model.Block) (model.FrontLine, bool) {
	if len(rest) == 0 {
		return model.FrontLine{}, false
	}
	p, ok := rest[0].(*model.Paragraph)
	if !ok || len(p.Children) > 0 || p.Kind != "" {
		return model.FrontLine{}, false
	}
	if len(rest) > 1 {
		if _, ok := rest[1].(*model.Heading); !ok {
			return model.FrontLine{}, false
		}
	}
	label := strings.TrimSpace(model.PlainText(h.Inlines))
	k := v.kind(label)
	if k != labelVenue && k != labelDate {
		return model.FrontLine{}, false
	}
	fl, ok := fieldLine(set, label, k, strings.TrimSpace(model.PlainText(p.Inlines)), p.Pos)
	if ok {
		fl.Why = strings.Replace(fl.Why, "labelled", "under the heading", 1)
	}
	return fl, ok
}

// tableDates reads the first cell of a table near the top that is mostly a date (the
// header table of a Word minutes template: "April 8, 2022 2PM NJIT Campus Center"). The
// table stays as it is.
func tableDates(set *locales.Set, t *model.Table) []model.FrontLine {
	for _, row := range t.Rows {
		for _, cell := range row {
			if text := strings.TrimSpace(model.PlainText(cell)); mostlyDate(set, text) {
				return []model.FrontLine{{Pos: t.Pos, Kind: model.FrontDate, Text: text,
					Why: "date: a table cell that is mostly a date, at the top"}}
			}
		}
	}
	return nil
}

// takeItems removes the items of l that take accepts as fields.
func takeItems(l *model.List, take func(string, model.Pos) bool) {
	items := l.Items[:0]
	for _, it := range l.Items {
		if it != nil && len(it.Children) == 0 && take(model.PlainText(it.Inlines), it.Pos) {
			continue
		}
		items = append(items, it)
	}
	l.Items = items
}

// dropEmptyLists drops lists left without items.
func dropEmptyLists(kids []model.Block) []model.Block {
	out := kids[:0]
	for _, c := range kids {
		if l, ok := c.(*model.List); ok && len(l.Items) == 0 {
			continue
		}
		out = append(out, c)
	}
	return out
}

// fieldLine makes the front line of a labelled date or venue.
func fieldLine(set *locales.Set, label string, k labelKind, value string, pos model.Pos) (model.FrontLine, bool) {
	why := fmt.Sprintf("labelled %q in the body", label)
	switch k {
	case labelDate:
		value = strings.ReplaceAll(value, "：", ":") // full-width colons in CJK times
		_, date := set.FindDateShortYear(value)
		_, clock := locales.FindTimeRange(value)
		if !date && !clock {
			return model.FrontLine{}, false
		}
		return model.FrontLine{Pos: pos, Kind: model.FrontDate, Text: value, Why: "date: " + why}, true
	case labelVenue:
		if len(strings.Fields(value)) > 12 || strings.ContainsAny(value, ".!?。") && !strings.HasSuffix(value, ".") {
			return model.FrontLine{}, false
		}
		return model.FrontLine{Pos: pos, Kind: model.FrontVenue, Text: strings.TrimSuffix(value, "."), Why: "venue: " + why}, true
	}
	return model.FrontLine{}, false
}

// dateHeading takes a heading that is mostly a date ("## Monday, 10/07/2024", "# 2024-02-06",
// "#### 1 October 2020, BlueJeans video-conference.") when it is the only heading with a
// date: minutes that accumulate several meetings under date headings keep them. What is
// left beside the date is read as the place.
func dateHeading(set *locales.Set, h *model.Heading, blocks []model.Block) (model.FrontLine, bool) {
	text := strings.TrimSpace(model.PlainText(h.Inlines))
	if !mostlyDate(set, text) {
		return model.FrontLine{}, false
	}
	for _, b := range blocks {
		if o, ok := b.(*model.Heading); ok && o != h {
			if _, found := set.FindDate(model.PlainText(o.Inlines)); found {
				return model.FrontLine{}, false
			}
		}
	}
	return model.FrontLine{Pos: h.Pos, Kind: model.FrontDate, Text: text,
		Why: "date: a heading that is mostly a date, near the top; a date is not a chapter"}, true
}

// fieldParagraph unnumbers a field of the meeting near the top that is not its date or
// place ("Agenda: https://…", "Organizer: Manu Sporny", "Audio: …"): the report keeps it,
// but a field with a short value is no statement and gets no paragraph number.
func fieldParagraph(v vocab, p *model.Paragraph) bool {
	if !p.Numbered || p.Kind != "" || len(p.Children) > 0 || p.Speaker != "" {
		return false
	}
	label, k, value, ok := v.splitLabel(model.PlainText(p.Inlines))
	if !ok || (k != labelField && k != labelAgenda) || value == "" {
		return false
	}
	// A value that runs to a sentence ("MOTION: Councilor Ross moved, …", "Note: While
	// the rule requires …") is a statement and keeps its number.
	if endsWithStop(value) || len(strings.Fields(value)) > 8 {
		return false
	}
	p.Numbered = false
	p.Why = fmt.Sprintf("field: labelled %q near the top, a detail of the meeting, not a statement; not numbered", label)
	return true
}

// fieldItems turns a list above the first heading whose every item is a field with a short
// value ("- Source PDF: https://…", "- Fetched: 2026-04-18T18:12:31Z", the header an export
// or a scraper writes) into unnumbered field paragraphs, as fieldParagraph does for lines.
// Under a heading such a list belongs to the topic, and stays.
func fieldItems(v vocab, l *model.List) ([]model.Block, bool) {
	out := make([]model.Block, 0, len(l.Items))
	for _, it := range l.Items {
		if it == nil || len(it.Children) > 0 {
			return nil, false
		}
		p := &model.Paragraph{Pos: it.Pos, Inlines: it.Inlines, Numbered: true}
		if !fieldParagraph(v, p) {
			return nil, false
		}
		out = append(out, p)
	}
	return out, len(out) > 0
}

// titleAboveDate takes the heading that opens the notes, directly above their date
// heading ("# TBD — Trust Framework Kickoff" over "## Monday, 10/07/2024"), as the title
// when there is none yet: a title and its dateline, even when chapters of the same level
// ("# Attendees", "# Agenda") follow. kept is the blocks kept so far.
func titleAboveDate(doc *model.Document, kept []model.Block) (model.FrontLine, bool) {
	if doc.Meta.Title != "" || len(kept) != 1 {
		return model.FrontLine{}, false
	}
	h, ok := kept[0].(*model.Heading)
	if !ok || h != doc.Blocks[0] {
		return model.FrontLine{}, false
	}
	text := strings.TrimSpace(model.PlainText(h.Inlines))
	if text == "" || endsWithStop(text) {
		return model.FrontLine{}, false
	}
	doc.Meta.Title = text
	if doc.Meta.Lines == nil {
		doc.Meta.Lines = map[string]model.Pos{}
	}
	doc.Meta.Lines["title"] = h.Pos
	return model.FrontLine{Pos: h.Pos, Kind: model.FrontTitle, Text: text,
		Why: "title: the heading that opens the notes, directly above their date heading"}, true
}

// mostlyDate reports text that is a date with at most six words beside it (a weekday, a
// place, "Meeting of").
func mostlyDate(set *locales.Set, text string) bool {
	m, ok := set.FindDate(text)
	if !ok {
		return false
	}
	return wordsAtMost(text[:m.Start], 6)+wordsAtMost(text[m.End:], 6) <= 6
}

// wordsAtMost counts the runs of letters and digits in s, up to n+1: the count, or n+1 when
// there are more than n.
func wordsAtMost(s string, n int) int {
	words, in := 0, false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			in = false
			continue
		}
		if !in {
			if words++; words > n {
				return words
			}
		}
		in = true
	}
	return words
}

// dateAlone reports text that is a date with at most a weekday beside it.
func dateAlone(set *locales.Set, text string) bool {
	m, ok := set.FindDate(text)
	if !ok {
		return false
	}
	rest := text[:m.Start] + " " + text[m.End:]
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !set.IsWeekday(w) {
			return false
		}
	}
	return true
}

// titleLine takes a short first paragraph with a date, followed by a heading, as the title
// line of notes that start with one ("crHumanisticaRevue 11 juin 2015").
func titleLine(set *locales.Set, p *model.Paragraph, rest []model.Block) ([]model.FrontLine, bool) {
	if len(p.Children) > 0 || len(rest) == 0 {
		return nil, false
	}
	if _, ok := rest[0].(*model.Heading); !ok {
		return nil, false
	}
	text := strings.TrimSpace(model.PlainText(p.Inlines))
	if len(strings.Fields(text)) > 10 || endsWithStop(text) {
		return nil, false
	}
	m, ok := set.FindDate(text)
	if !ok {
		return nil, false
	}
	why := "a short first line with a date, above the first heading"
	out := []model.FrontLine{{Pos: p.Pos, Kind: model.FrontDate, Text: text[m.Start:m.End], Why: "date: " + why}}
	if title := strings.TrimSpace(strings.Trim(text[:m.Start]+text[m.End:], " ,;:–—-")); title != "" && !dateAlone(set, text) {
		out = append([]model.FrontLine{{Pos: p.Pos, Kind: model.FrontTitle, Text: title, Why: "title: " + why}}, out...)
	}
	return out, true
}

// endsWithStop reports a final sentence stop.
func endsWithStop(s string) bool {
	s = strings.TrimRight(s, " )]”’\"'»")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "。")
}

// dateFromTitle reads the meeting's date from the title when nothing else gave it:
// "Board meeting 2025-11-19", "Minutes — March 3, 2021", "Réunion du 15 septembre 2021",
// "17.11.14 : Le processing…" (a two-digit year; the date and the separator after it then
// leave the title).
// A title that is a date alone is no title: it becomes the date.
func dateFromTitle(set *locales.Set, m *model.Metadata, record func(string, model.Pos)) {
	if m.Date != "" || m.Title == "" {
		return
	}
	d, ok := set.FindDateShortYear(m.Title)
	if !ok || !validISO(d.ISO()) {
		return
	}
	pos := m.Lines["title"]
	m.Date = d.ISO()
	record("date", pos)
	if dateAlone(set, m.Title) {
		m.Title = ""
		delete(m.Lines, "title")
		return
	}
	// "17.11.14 : Le processing…", "2024-03-01 – Kickoff": a date that opens the title
	// before a separator is the page's date, and the subject follows it.
	if strings.TrimSpace(m.Title[:d.Start]) == "" {
		rest := strings.TrimLeft(m.Title[d.End:], " \u00a0\u202f")
		if r, size := utf8.DecodeRuneInString(rest); strings.ContainsRune(":：-–—|", r) {
			if subject := strings.TrimSpace(rest[size:]); subject != "" {
				m.Title = subject
			}
		}
	}
}
