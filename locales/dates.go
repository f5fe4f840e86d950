package locales

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/internal/lazyre"
)

// DateMatch is a date found in a line of notes. Start and End are byte offsets of the match.
type DateMatch struct {
	Year, Month, Day int
	Start, End       int
	// Lang is the language whose month name matched ("" for numeric dates).
	Lang string
}

// ISO returns the date as YYYY-MM-DD.
func (d DateMatch) ISO() string {
	return strconv.Itoa(d.Year) + "-" + pad2(d.Month) + "-" + pad2(d.Day)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// TimeRange is a time or time range found in a line ("14:00-17:30", "9h30 – 12h").
type TimeRange struct {
	Start, End string // normalized "HH:MM"; End may be empty
	From, To   int    // byte offsets of the match
}

// spaceClass matches one space of any kind a date or time may be written with: Go's \s is
// ASCII only, and scribe itself writes times and dates with no-break spaces ("5.30\u00a0p.m.",
// "17\u00a0h\u00a030") that a report read back must still yield.
const spaceClass = `[\s\x{A0}\x{202F}]`

// Patterns are compiled once per process: they are immutable and safe to share.
var (
	reISODate   = lazyre.New(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	reCJKDate   = lazyre.New(strings.ReplaceAll(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`, `\s`, spaceClass))
	reSlashDate = lazyre.New(`\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b`)
	reShortDate = lazyre.New(`(\d{1,2})([./-])(\d{1,2})([./-])(\d{2})`)
	// Hours try 20–23 before 0–19: "20:00" is not "2" and a stray "0:00". Full-width
	// colons ("19：00") separate minutes as ASCII ones do; the French and Russian words
	// scribe writes ("14 heures–17 h 30", "15 ч. 30 м.") read back as times.
	reTime = lazyre.New(strings.ReplaceAll(`(?i)(2[0-3]|[01]?\d)\s*(?:(?:[:.h：]|ч\.?)\s*([0-5]\d)(?:\s*м\.)?|(heures?|h|ч\.?))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*(?:-|–|—|to|à|a|до|至|إلى)\s*(2[0-3]|[01]?\d)\s*(?:(?:[:.h：]|ч\.?)\s*([0-5]\d)(?:\s*м\.)?|(heures?|h|ч\.?))?\s*(a\.?m\.?|p\.?m\.?)?)?`, `\s`, spaceClass))
	// Chinese times: hours with 时, minutes with 分, after a part of the day
	// ("下午2时至下午5时30分"). 点 is left out: "第3点" is a point of a list, not 3 o'clock.
	reCJKTime = lazyre.New(strings.ReplaceAll(`(上午|下午|晚上|中午|早上|凌晨)?\s*(2[0-3]|[01]?\d)\s*时\s*(?:([0-5]?\d)\s*分)?(?:\s*(?:至|到|-|–|—|～)\s*(上午|下午|晚上|中午|早上|凌晨)?\s*(2[0-3]|[01]?\d)\s*时\s*(?:([0-5]?\d)\s*分)?)?`, `\s`, spaceClass))
)

// monthIndex maps a lower-cased month name in any supported language to 1–12.
type monthIndex map[string]monthEntry

type monthEntry struct {
	month int
	lang  string
}

// months returns the index built when the set was loaded. The index is read-only.
func (s *Set) months() monthIndex {
	if s.monthIdx != nil {
		return s.monthIdx
	}
	return s.buildMonths()
}

func (s *Set) buildMonths() monthIndex {
	idx := monthIndex{}
	for _, loc := range s.All() {
		for i, m := range loc.Dates.Months {
			idx[strings.ToLower(m)] = monthEntry{i + 1, loc.Tag}
		}
		for alias, m := range loc.Dates.MonthAliases {
			if _, taken := idx[strings.ToLower(alias)]; !taken {
				idx[strings.ToLower(alias)] = monthEntry{m, loc.Tag}
			}
		}
	}
	return idx
}

// FindDate looks for the first date in line, written in any of the six languages
// ("2 May 2005", "May 2, 2005", "2 de mayo de 2005", "2 мая 2005 г.", "2005年5月2日",
// "2 أيار/مايو 2005", "2005-05-02", "02/05/2005" read day first as UN documents do).
func (s *Set) FindDate(line string) (DateMatch, bool) {
	best := DateMatch{Start: -1}
	consider := func(m DateMatch) {
		if m.Month < 1 || m.Month > 12 || m.Day < 1 || m.Day > 31 || m.Year < 1000 || m.Year > 9999 {
			return
		}
		if best.Start < 0 || m.Start < best.Start {
			best = m
		}
	}
	if m := reCJKDate.FindStringSubmatchIndex(line); m != nil {
		consider(DateMatch{Year: atoi(line[m[2]:m[3]]), Month: atoi(line[m[4]:m[5]]), Day: atoi(line[m[6]:m[7]]), Start: m[0], End: m[1], Lang: "zh"})
	}
	if m := reISODate.FindStringSubmatchIndex(line); m != nil {
		consider(DateMatch{Year: atoi(line[m[2]:m[3]]), Month: atoi(line[m[4]:m[5]]), Day: atoi(line[m[6]:m[7]]), Start: m[0], End: m[1]})
	}
	if m := reSlashDate.FindStringSubmatchIndex(line); m != nil {
		consider(s.slashDate(line, atoi(line[m[2]:m[3]]), atoi(line[m[4]:m[5]]), atoi(line[m[6]:m[7]]), m[0], m[1]))
	}
	if m, ok := s.findWordDate(line); ok {
		consider(m)
	}
	return best, best.Start >= 0
}

// FindDateShortYear is FindDate for text known to hold a date (a labelled date field, the
// title of minutes): when FindDate finds none, it also reads a numeric date typed with a
// two-digit year ("17.11.14", "3/5/22", "17-11-14"; one separator throughout). The century
// is the POSIX one: 00–68 are 2000–2068, 69–99 are 1969–1999, whatever today's date, so
// a conversion gives the same output every year. The day comes first, as in slashDate,
// unless only the month-first reading is a date or a weekday on the line agrees with it
// alone. Running text is not searched this way: version numbers ("1.10.12", "v2.0.14")
// look alike, so the date must stand alone, not inside a longer dotted number or a word,
// and a dotted one has a two-digit day and month.
func (s *Set) FindDateShortYear(line string) (DateMatch, bool) {
	if m, ok := s.FindDate(line); ok {
		return m, true
	}
	for _, m := range reShortDate.FindAllStringSubmatchIndex(line, -1) {
		sep := line[m[4]:m[5]]
		if sep != line[m[8]:m[9]] || !shortDateAlone(line, m[0], m[1]) {
			continue
		}
		// Dotted, day and month are typed with two digits ("01.10.12"): "1.10.12" is
		// how version numbers are written.
		if sep == "." && (m[3]-m[2] != 2 || m[7]-m[6] != 2) {
			continue
		}
		year := atoi(line[m[10]:m[11]])
		if year < 69 {
			year += 2000
		} else {
			year += 1900
		}
		d := s.slashDate(line, atoi(line[m[2]:m[3]]), atoi(line[m[6]:m[7]]), year, m[0], m[1])
		if d.valid() {
			return d, true
		}
	}
	return DateMatch{}, false
}

// shortDateAlone reports a match at line[a:b] that is not part of a longer number or
// word: no letter, digit or joiner (".", "/", "-", ",") before it, and after it no digit,
// letter, or joiner followed by a digit.
func shortDateAlone(line string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(line[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("./-,", r) {
			return false
		}
	}
	if b < len(line) {
		r, n := utf8.DecodeRuneInString(line[b:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
		if strings.ContainsRune("./-,", r) && b+n < len(line) && line[b+n] >= '0' && line[b+n] <= '9' {
			return false
		}
	}
	return true
}

// slashDate reads "a/b/year": day first, as UN documents write it, unless only the
// month-first reading is a date ("10/27/2024") or a weekday on the line agrees with it
// alone ("Monday, 10/07/2024" is 7 October 2024, a Monday; 10 July was a Wednesday).
func (s *Set) slashDate(line string, a, b, year, start, end int) DateMatch {
	dayFirst := DateMatch{Year: year, Month: b, Day: a, Start: start, End: end}
	monthFirst := DateMatch{Year: year, Month: a, Day: b, Start: start, End: end}
	switch {
	case !dayFirst.valid() && monthFirst.valid():
		return monthFirst
	case a == b || !monthFirst.valid():
		return dayFirst
	}
	if wd, ok := s.weekdayIn(line); ok && monthFirst.weekday() == wd && dayFirst.weekday() != wd {
		return monthFirst
	}
	return dayFirst
}

// valid reports a day that exists in the calendar (no 31 June).
func (d DateMatch) valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	return t.Day() == d.Day
}

// weekday is the day of the week the date falls on.
func (d DateMatch) weekday() time.Weekday {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Weekday()
}

// weekdayIn returns the day of the week a word of line names ("Monday", "jeudi", "Tues",
// "周一"), in any locale of s. Weekday lists are Monday first, the abbreviations after
// the seven names: an abbreviation is a prefix of its name, or, when there are exactly
// seven, the one at the same place.
func (s *Set) weekdayIn(line string) (time.Weekday, bool) {
	words := strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
	for _, loc := range s.All() {
		days := loc.Dates.Weekdays
		if len(days) < 7 {
			continue
		}
		for _, w := range words {
			for i, d := range days {
				idx := -1
				switch {
				case !strings.EqualFold(d, w):
				case i < 7:
					idx = i
				case len(days) == 14:
					idx = i - 7
				default:
					for k := 0; k < 7; k++ {
						if len(w) <= len(days[k]) && strings.EqualFold(days[k][:len(w)], w) {
							idx = k
							break
						}
					}
				}
				if idx >= 0 {
					return time.Weekday((idx + 1) % 7), true
				}
			}
		}
	}
	return 0, false
}

// token is a word or number of a line with its byte span.
type token struct {
	text       string
	start, end int
}

// tokens reads the words of a line as they are asked for, keeping only those from the one
// the search stands at on: a paragraph of megabytes is never held as a slice of all its
// words (that slice was 6 bytes per byte of text, the peak of a one-line input).
type tokens struct {
	line string
	pos  int // where reading the next token starts
	base int // the index of buf[0]
	buf  []token
}

// at returns the i-th token of the line (i ≥ the last drop), false past the last one.
func (t *tokens) at(i int) (token, bool) {
	for i-t.base >= len(t.buf) {
		tok, ok := t.next()
		if !ok {
			return token{}, false
		}
		t.buf = append(t.buf, tok)
	}
	return t.buf[i-t.base], true
}

// drop lets the tokens before the i-th go.
func (t *tokens) drop(i int) {
	if n := i - t.base; n >= 64 {
		t.buf = t.buf[:copy(t.buf, t.buf[n:])]
		t.base = i
	}
}

// next reads the token after t.pos: a run of letters, digits, marks and slashes.
func (t *tokens) next() (token, bool) {
	start := -1
	for t.pos < len(t.line) {
		r, n := utf8.DecodeRuneInString(t.line[t.pos:])
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '/'
		if word && start < 0 {
			start = t.pos
		}
		if !word && start >= 0 {
			tok := token{t.line[start:t.pos], start, t.pos}
			t.pos += n
			return tok, true
		}
		t.pos += n
	}
	if start >= 0 {
		return token{t.line[start:], start, len(t.line)}, true
	}
	return token{}, false
}

// findWordDate finds day-month-year and month-day-year dates with a month name. Connecting
// words (de, г, года, er) between the parts are allowed, as the six languages write them.
func (s *Set) findWordDate(line string) (DateMatch, bool) {
	months := s.months()
	toks := &tokens{line: line}
	isFiller := func(t string) bool {
		switch strings.ToLower(t) {
		case "de", "del", "er", "г", "года", "год", "th", "st", "nd", "rd", "of":
			return true
		}
		return false
	}
	monthAt := func(i int) (monthEntry, int, bool) {
		tok, ok := toks.at(i)
		if !ok {
			return monthEntry{}, 0, false
		}
		// Two-word month names ("كانون الثاني/يناير", "تشرين الأول/أكتوبر").
		if next, ok := toks.at(i + 1); ok {
			two := strings.ToLower(line[tok.start:next.end])
			if e, ok := months[two]; ok {
				return e, 2, true
			}
		}
		t := strings.ToLower(strings.TrimSuffix(tok.text, "."))
		if e, ok := months[t]; ok {
			return e, 1, true
		}
		// Arabic double names may be written with either half first or alone.
		if strings.Contains(t, "/") {
			for _, half := range strings.Split(t, "/") {
				if e, ok := months[half]; ok {
					return e, 1, true
				}
			}
		}
		return monthEntry{}, 0, false
	}
	skip := func(i int) int {
		for {
			tok, ok := toks.at(i)
			if !ok || !isFiller(tok.text) {
				return i
			}
			i++
		}
	}
	for i := 0; ; i++ {
		tok, ok := toks.at(i)
		if !ok {
			break
		}
		toks.drop(i)
		// day month year
		if d, ok := dayNumber(tok.text); ok {
			j := skip(i + 1)
			if e, n, ok := monthAt(j); ok {
				k := skip(j + n)
				if year, ok := toks.at(k); ok && isYear(year.text) {
					return DateMatch{Year: atoi(year.text), Month: e.month, Day: d, Start: tok.start, End: extendYearSuffix(line, toks, k), Lang: e.lang}, true
				}
			}
		}
		// month day, year
		if e, n, ok := monthAt(i); ok {
			j := i + n
			if day, ok := toks.at(j); ok {
				if d, ok := dayNumber(day.text); ok {
					k := skip(j + 1)
					if year, ok := toks.at(k); ok && isYear(year.text) {
						return DateMatch{Year: atoi(year.text), Month: e.month, Day: d, Start: tok.start, End: year.end, Lang: e.lang}, true
					}
				}
			}
		}
	}
	return DateMatch{}, false
}

// extendYearSuffix includes a trailing "г." or "года" after a Russian year in the match.
func extendYearSuffix(line string, toks *tokens, k int) int {
	year, _ := toks.at(k)
	end := year.end
	if next, ok := toks.at(k + 1); ok {
		switch next.text {
		case "г", "года", "год":
			end = next.end
			if end < len(line) && line[end] == '.' {
				end++
			}
		}
	}
	return end
}

func dayNumber(t string) (int, bool) {
	t = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(t, "er"), "st"), "nd"), "th")
	if len(t) == 0 || len(t) > 2 {
		return 0, false
	}
	n := atoi(t)
	return n, n >= 1 && n <= 31
}

func isYear(t string) bool {
	return len(t) == 4 && atoi(t) >= 1000
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// maxTimeScan is how far into a line FindTimeRange looks.
const maxTimeScan = 512

// FindTimeRange looks for a clock time or time range ("14:00-17:30", "9h30–12h",
// "3 p.m. to 5 p.m."). A bare number is not a time: a time needs minutes or am/pm.
func FindTimeRange(line string) (TimeRange, bool) {
	// Date and time lines are short; looking at the start of a long line keeps the cost
	// bounded on hostile input (each rejected candidate restarts the search one rune on).
	if len(line) > maxTimeScan {
		cut := maxTimeScan
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		line = line[:cut]
	}
	tr, ok := findClockTime(line)
	if cjk, cok := findCJKTime(line); cok && (!ok || cjk.From < tr.From) {
		return cjk, true
	}
	return tr, ok
}

// findClockTime finds a time written with digits and separators or am/pm.
func findClockTime(line string) (TimeRange, bool) {
	for pos := 0; pos < len(line); {
		rel := reTime.FindStringSubmatchIndex(line[pos:])
		if rel == nil {
			break
		}
		m := make([]int, len(rel))
		for i, v := range rel {
			m[i] = v
			if v >= 0 {
				m[i] = v + pos
			}
		}
		_, size := utf8.DecodeRuneInString(line[m[0]:])
		pos = m[0] + max(size, 1)
		get := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return line[m[2*k]:m[2*k+1]]
		}
		h1, min1, hmark1, ampm1 := get(1), get(2), get(3), get(4)
		h2, min2, hmark2, ampm2 := get(5), get(6), get(7), get(8)
		// A bare number is not a time: it needs minutes, an "h" or am/pm.
		timeLike1 := min1 != "" || hmark1 != "" || ampm1 != ""
		timeLike2 := min2 != "" || hmark2 != "" || ampm2 != ""
		if !timeLike1 && (h2 == "" || !timeLike2) {
			continue
		}
		// Reject the year-like digits of dates: a time starts on a word boundary that is not
		// preceded by a digit separator.
		if m[0] > 0 {
			if r, _ := utf8.DecodeLastRuneInString(line[:m[0]]); r == '/' || r == '-' || r == '.' || r == ':' || unicode.IsDigit(r) || unicode.IsLetter(r) {
				continue
			}
		}
		if ampm1 == "" && ampm2 != "" && h2 != "" {
			ampm1 = ampm2
		}
		tr := TimeRange{Start: clock(h1, min1, ampm1), From: m[0], To: m[1]}
		if h2 != "" {
			tr.End = clock(h2, min2, ampm2)
		}
		// Trim trailing space the optional groups may have swallowed.
		tr.To = tr.From + len(strings.TrimRightFunc(line[tr.From:tr.To], unicode.IsSpace))
		return tr, true
	}
	return TimeRange{}, false
}

// findCJKTime finds a time as Chinese writes it ("下午2时至下午5时30分", "上午9时").
func findCJKTime(line string) (TimeRange, bool) {
	m := reCJKTime.FindStringSubmatchIndex(line)
	if m == nil {
		return TimeRange{}, false
	}
	get := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return line[m[2*k]:m[2*k+1]]
	}
	half := func(part string) string {
		switch part {
		case "下午", "晚上", "中午":
			return "pm"
		case "上午", "早上", "凌晨":
			return "am"
		}
		return ""
	}
	ampm1, ampm2 := half(get(1)), half(get(4))
	if ampm1 == "" {
		ampm1 = ampm2
	}
	if ampm2 == "" {
		ampm2 = ampm1
	}
	minutes := func(k int) string {
		if get(k) == "" {
			return ""
		}
		return pad2(atoi(get(k)))
	}
	tr := TimeRange{Start: clock(get(2), minutes(3), ampm1), From: m[0], To: m[1]}
	if get(5) != "" {
		tr.End = clock(get(5), minutes(6), ampm2)
	}
	return tr, true
}

func clock(h, m, ampm string) string {
	hour := atoi(h)
	if m == "" {
		m = "00"
	}
	a := strings.ToLower(strings.ReplaceAll(ampm, ".", ""))
	if a == "pm" && hour < 12 {
		hour += 12
	}
	if a == "am" && hour == 12 {
		hour = 0
	}
	return pad2(hour) + ":" + m
}

// IsWeekday reports whether word is the name of a day of the week in any locale of s
// ("Monday", "jeudi", "星期一"), ignoring case.
func (s *Set) IsWeekday(word string) bool {
	word = strings.TrimSpace(word)
	for _, loc := range s.All() {
		for _, d := range loc.Dates.Weekdays {
			if strings.EqualFold(d, word) {
				return true
			}
		}
	}
	return false
}
