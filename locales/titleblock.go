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

// timeSlot matches the time range scribe writes ("14:00–17:30"): specific, because Chinese
// writes the date and time with nothing between them.
const timeSlot = `(?P<time>\d{1,2}:\d{2}(?:\s*[–-]\s*\d{1,2}:\d{2})?)`

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
			expr = strings.Replace(expr, `\{time\}`, timeSlot, 1)
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
	for _, re := range s.titleBlocks {
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
