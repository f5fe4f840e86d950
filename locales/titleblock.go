package locales

import (
	"regexp"
	"strings"
)

// TitleBlockParts are the pieces of a title-block sentence ("Meeting held at {venue} on
// {date}, {time}"), as written; empty when the pattern that matched has no such slot.
type TitleBlockParts struct {
	Venue, Date, Time string
}

// timeSlot matches the time range scribe writes in loc's style ("14:00–17:30", "2 p.m.–5.30
// p.m.", "下午2时至5时30分"), or the 24-hour form of earlier versions: specific, because
// Chinese writes the date and time with nothing between them.
func timeSlot(loc *Locale) string {
	one := `\d{1,2}:\d{2}`
	var alts []string
	for _, p := range []string{loc.Dates.Time, loc.Dates.TimeOnHour} {
		if p == "" {
			continue
		}
		expr := quotePattern(p)
		ampm := `(?:` + regexp.QuoteMeta(loc.Dates.AM) + `|` + regexp.QuoteMeta(loc.Dates.PM) + `)`
		expr = strings.NewReplacer(`\{hh\}`, `\d{2}`, `\{h12\}`, `\d{1,2}`, `\{h\}`, `\d{1,2}`,
			`\{mm\}`, `\d{2}`, `\{ampm\}`, ampm).Replace(expr)
		alts = append(alts, expr)
	}
	if len(alts) > 0 {
		one = `(?:` + strings.Join(alts, "|") + `|` + one + `)`
	}
	rng := loc.Dates.TimeRange
	if rng == "" {
		rng = "{start}–{end}"
	}
	single := loc.Dates.TimeSingle
	if single == "" {
		single = "{time}"
	}
	rngExpr := strings.NewReplacer(`\{start\}`, one, `\{end\}`, one).Replace(quotePattern(rng))
	singleExpr := strings.Replace(quotePattern(single), `\{time\}`, one, 1)
	legacy := `\d{1,2}:\d{2}(?:` + spaceClass + `*[–-]` + spaceClass + `*\d{1,2}:\d{2})?`
	return `(?P<time>` + rngExpr + `|` + singleExpr + `|` + legacy + `)`
}

// quotePattern quotes a locale pattern for a regular expression in which every run of
// spaces, ordinary or no-break, matches any run of them: scribe writes no-break spaces
// where a line must not break ("17\u00a0h\u00a030", "14.00–17.30\u00a0horas"), and a
// word processor may turn one kind into the other.
func quotePattern(p string) string {
	var b strings.Builder
	inSpace := false
	for _, r := range p {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			if !inSpace {
				b.WriteString(spaceClass + "+")
			}
			inSpace = true
			continue
		}
		inSpace = false
		b.WriteString(regexp.QuoteMeta(string(r)))
	}
	return b.String()
}

// compileTitleBlocks turns every locale's title-block patterns into anchored expressions.
// Patterns with more slots come first, so "{date}, {time}" is not read as a date alone.
func compileTitleBlocks(locs []*Locale) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, pick := range []func(TitleBlock) string{
		func(t TitleBlock) string { return t.Full },
		func(t TitleBlock) string { return t.NoTime },
		func(t TitleBlock) string { return t.NoVenue },
		func(t TitleBlock) string { return t.DateOnly },
	} {
		for _, loc := range locs {
			p := pick(loc.TitleBlock)
			if p == "" {
				continue
			}
			expr := quotePattern(p)
			expr = strings.Replace(expr, `\{venue\}`, `(?P<venue>.+?)`, 1)
			expr = strings.Replace(expr, `\{date\}`, `(?P<date>.+?)`, 1)
			expr = strings.Replace(expr, `\{time\}`, timeSlot(loc), 1)
			if re, err := regexp.Compile("^" + expr + "$"); err == nil {
				out = append(out, re)
			}
		}
	}
	return out
}

// ParseTitleBlock recognises a title-block sentence written by scribe in any of the six
// languages ("Meeting held at ITU Headquarters on 2 May 2005, 14:00–17:30", "Réunion tenue
// à Genève le 2 mai 2005") and returns its parts, so a report edited in Word and read again
// keeps its venue, date and time.
func (s *Set) ParseTitleBlock(text string) (TitleBlockParts, bool) {
	text = strings.TrimSpace(text)
	var res []*regexp.Regexp
	if s.titleBlocks != nil {
		res = s.titleBlocks()
	}
	for _, re := range res {
		m := re.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		var p TitleBlockParts
		for i, name := range re.SubexpNames() {
			switch name {
			case "venue":
				p.Venue = strings.TrimSpace(m[i])
			case "date":
				p.Date = strings.TrimSpace(m[i])
			case "time":
				p.Time = strings.TrimSpace(m[i])
			}
		}
		return p, true
	}
	return TitleBlockParts{}, false
}
