package normalize

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Metadata recovers the report's metadata from the front lines a reader kept (venue line,
// date and time line, title, symbol) and puts front-matter values in canonical form: the
// date as ISO YYYY-MM-DD whatever language it was written in, times as 24-hour "HH:MM",
// the original language as a base tag, the distribution as General, Limited or Restricted.
// Values stated in front matter win over guesses from front lines. Meta.Lines records
// where each field came from. An unreadable date is a warning naming its line.
type Metadata struct{}

// Name returns "metadata".
func (Metadata) Name() string { return "metadata" }

var reISO = lazyre.New(`^\d{4}-\d{2}-\d{2}$`)

// Apply fills doc.Meta in place.
func (Metadata) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "metadata", doc, func() error {
		set, err := localeSet("metadata", doc, env)
		if err != nil {
			return err
		}
		bodyFields(set, labelVocab(set), doc)
		letterhead(set, doc)
		applyMetadata(set, doc, warnings(env))
		coverNote(doc, warnings(env))
		return nil
	})
}

func applyMetadata(set *locales.Set, doc *model.Document, w *model.Warnings) {
	record := fieldRecorder(&doc.Meta)
	// Front-matter values first: they are the officer's word.
	canonicalMetadata(set, doc, w)
	// Then the front lines, for what front matter left unknown.
	metadataFromFront(set, doc, w, record)
	dateFromTitle(set, &doc.Meta, record)
}

// coverNote unnumbers the paragraphs typed above the minutes' title: the note of an
// e-mail that carries the minutes ("Thanks to Mike for scribing! The minutes are now
// available:", a link, "Full text follows"), a forwarding line. They are not part of the
// minutes, but they are kept, unnumbered, and a warning names their lines so an officer
// can delete them.
func coverNote(doc *model.Document, w *model.Warnings) {
	title := 0
	for _, fl := range doc.Front {
		if fl.Kind == model.FrontTitle {
			title = fl.Pos.Line
			break
		}
	}
	if title <= 1 {
		return
	}
	var lines []string
	for i, b := range doc.Blocks {
		if i >= fieldWindow {
			break
		}
		p, ok := b.(*model.Paragraph)
		if !ok || !p.Numbered || p.Kind != "" || len(p.Children) > 0 || p.Pos.Line <= 0 || p.Pos.Line >= title {
			continue
		}
		if p.Pos.File != "" && doc.Source != "" && p.Pos.File != doc.Source {
			continue
		}
		p.Numbered = false
		p.Why = fmt.Sprintf("cover note: typed above the minutes' title (line %d), not part of the minutes; not numbered", title)
		lines = append(lines, strconv.Itoa(p.Pos.Line))
	}
	if len(lines) > 0 {
		w.Warn("metadata", model.Pos{File: doc.Source, Line: title},
			"lines %s above the title are a cover note, kept unnumbered; delete them if they are not part of the minutes", strings.Join(lines, ", "))
	}
}

// fieldRecorder returns the function that notes where a field of m was found, unless it was
// found before.
func fieldRecorder(m *model.Metadata) func(field string, pos model.Pos) {
	return func(field string, pos model.Pos) {
		if m.Lines == nil {
			m.Lines = map[string]model.Pos{}
		}
		if _, ok := m.Lines[field]; !ok {
			m.Lines[field] = pos
		}
	}
}

// fieldPos is where the field of doc's metadata was given, or the file alone.
func fieldPos(doc *model.Document, field string) model.Pos {
	if p, ok := doc.Meta.Lines[field]; ok {
		if p.File == "" {
			p.File = doc.Source
		}
		return p
	}
	return model.Pos{File: doc.Source}
}

// canonicalMetadata puts the values given as metadata (front matter, flags) in canonical
// form: an ISO date, HH:MM times, a supported language tag (guessed from the text when
// unknown), a standard distribution; a value that cannot be read is warned about and set
// aside.
func canonicalMetadata(set *locales.Set, doc *model.Document, w *model.Warnings) {
	m := &doc.Meta
	linePos := func(field string) model.Pos { return fieldPos(doc, field) }
	if m.Date != "" && !validISO(m.Date) {
		if d, ok := set.FindDateShortYear(m.Date); ok && validISO(d.ISO()) {
			m.Date = d.ISO()
		} else {
			w.Warn("metadata", linePos("date"), "cannot read the date %q; give it as YYYY-MM-DD", m.Date)
			if m.Extra == nil {
				m.Extra = map[string]string{}
			}
			m.Extra["date"] = m.Date
			m.Date = ""
		}
	}
	if m.TimeStart != "" && !validClock(m.TimeStart) || m.TimeEnd != "" && !validClock(m.TimeEnd) {
		raw := m.TimeStart
		if m.TimeEnd != "" {
			raw += "-" + m.TimeEnd
		}
		if tr, ok := locales.FindTimeRange(raw); ok && validClock(tr.Start) && (tr.End == "" || validClock(tr.End)) {
			m.TimeStart, m.TimeEnd = tr.Start, tr.End
		} else {
			w.Warn("metadata", linePos("time"), "cannot read the time %q; give it as HH:MM or HH:MM-HH:MM", raw)
			m.TimeStart, m.TimeEnd = "", ""
		}
	}
	if m.OriginalLang != "" {
		if tag, ok := canonicalLang(set, m.OriginalLang); ok {
			m.OriginalLang = tag
		} else {
			w.Warn("metadata", linePos("originalLang"), "unknown original language %q (supported: %s); guessing from the text",
				m.OriginalLang, strings.Join(locales.Supported, ", "))
			m.OriginalLang = ""
		}
	}
	if m.OriginalLang == "" {
		m.OriginalLang = guessLang(doc)
	}
	switch strings.ToLower(strings.TrimSuffix(strings.TrimSpace(m.Distribution), ".")) {
	case "general", "distr.: general", "distr. general":
		m.Distribution = "General"
	case "limited", "distr.: limited", "distr. limited":
		m.Distribution = "Limited"
	case "restricted", "distr.: restricted", "distr. restricted":
		m.Distribution = "Restricted"
	}

}

// metadataFromFront takes the title, the symbol, the date, the time and the venue from the
// front lines for the fields the metadata left empty.
func metadataFromFront(set *locales.Set, doc *model.Document, w *model.Warnings, record func(string, model.Pos)) {
	m := &doc.Meta
	for _, fl := range doc.Front {
		pos := fl.Pos
		if pos.File == "" {
			pos.File = doc.Source
		}
		text := strings.TrimSpace(fl.Text)
		switch fl.Kind {
		case model.FrontTitle:
			if m.Title == "" {
				m.Title = text
				record("title", pos)
			}
		case model.FrontSymbol:
			if m.Symbol == "" {
				m.Symbol = text
				record("symbol", pos)
			}
		case model.FrontVenue, model.FrontDate:
			// A date line is known to hold a date: a two-digit year is read there too.
			find := set.FindDate
			if fl.Kind == model.FrontDate {
				find = set.FindDateShortYear
			}
			rest, found := dateAndTime(find, m, text, pos, record)
			if fl.Kind == model.FrontDate && !found {
				w.Warn("metadata", pos, "cannot read a date or time in %q", text)
			}
			if fl.Kind == model.FrontVenue || found {
				// What remains once the date and time are taken out of the line is the
				// place: "Geneva, 2 May 2005" gives "Geneva".
				v := strings.TrimSpace(rest)
				if found {
					v = placeParts(set, rest)
				}
				if v != "" && m.Venue == "" && hasLetter(v) {
					m.Venue = v
					record("venue", pos)
				}
			}
		}
	}
}

// dateAndTime takes the date (found by find) and the time range out of a front line,
// stores them when still unknown, and returns the rest of the line and whether either was
// found.
func dateAndTime(find func(string) (locales.DateMatch, bool), m *model.Metadata, text string, pos model.Pos, record func(string, model.Pos)) (string, bool) {
	found := false
	rest := text
	if d, ok := find(rest); ok && validISO(d.ISO()) {
		found = true
		if m.Date == "" {
			m.Date = d.ISO()
			record("date", pos)
		}
		rest = rest[:d.Start] + " " + rest[d.End:]
	}
	if tr, ok := locales.FindTimeRange(rest); ok && validClock(tr.Start) && (tr.End == "" || validClock(tr.End)) {
		found = true
		if m.TimeStart == "" {
			m.TimeStart, m.TimeEnd = tr.Start, tr.End
			record("time", pos)
		}
		rest = rest[:tr.From] + " " + rest[tr.To:]
	}
	return rest, found
}

// placeParts is what is left of a line once its date and time are cut out, with the
// separators that joined them dropped: "Genève, , h" (from "Genève, 16 décembre 2014,
// 9h30 - 12h") gives "Genève". A stray "h" is the unit of a time such as "12h" that the
// time pattern leaves behind; a weekday ("Monday, 10/07/2024") is no place either.
func placeParts(set *locales.Set, s string) string {
	var parts []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(",;|–—،", r) }) {
		p = strings.Join(strings.Fields(p), " ")
		p = strings.TrimFunc(p, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(":-/", r) })
		p = strings.TrimRight(p, ".")
		// Two letters of an alphabet are a unit or a preposition the date left behind ("12h",
		// "à"); two ideographs may well be a city ("北京").
		short := utf8.RuneCountInString(p) <= 2 && !strings.ContainsFunc(p, isCJKRune)
		if !short && hasLetter(p) && !set.IsWeekday(p) {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// validISO reports a real calendar date in YYYY-MM-DD form (not 2005-02-30).
func validISO(s string) bool {
	if !reISO.MatchString(s) {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

var reClock = lazyre.New(`^([01]\d|2[0-3]):[0-5]\d$`)

func validClock(s string) bool { return reClock.MatchString(s) }
