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
		expr := regexp.QuoteMeta(p)
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
	rngExpr := strings.NewReplacer(`\{start\}`, one, `\{end\}`, one).Replace(regexp.QuoteMeta(rng))
	singleExpr := strings.Replace(regexp.QuoteMeta(single), `\{time\}`, one, 1)
	legacy := `\d{1,2}:\d{2}(?:\s*[–-]\s*\d{1,2}:\d{2})?`
	return `(?P<time>` + rngExpr + `|` + singleExpr + `|` + legacy + `)`
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
			expr := regexp.QuoteMeta(p)
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
