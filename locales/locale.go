// Package locales holds scribe's per-language data for the six UN official languages:
// labels, numbering schemes, month names and date patterns, quotation marks and spacing,
// writing direction, default fonts, masthead rules and the job-number letter.
//
// The data lives in one YAML file per language, embedded at build time, so that a translator
// can correct a label without touching code; users may overlay their own corrected files
// with LoadDir. Label keys are typed constants, and a test checks that every locale defines
// every key.
package locales

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// ErrUnsupported is returned (wrapped) for a language scribe has no locale for.
var ErrUnsupported = errors.New("unsupported language")

// Key names a label. The set of keys is closed: every locale defines every key.
type Key string

// The label keys, as in the conventions table of UN reports.
const (
	Annex          Key = "annex"
	Contents       Key = "contents"
	Page           Key = "page"
	Summary        Key = "summary"
	ListOfSpeakers Key = "list_of_speakers"
	Abbreviations  Key = "abbreviations"
	Chair          Key = "chair"
	Venue          Key = "venue"
	Date           Key = "date"
	Original       Key = "original"
	Distribution   Key = "distribution"
	Of             Key = "of" // "Page 3 of 9"
	// PleaseRecycle is the line at the foot of the first page ("Please recycle").
	PleaseRecycle Key = "please_recycle"

	// The attendance section and its roles.
	Attendance Key = "attendance"
	Present    Key = "present"
	Absent     Key = "absent"
	Guests     Key = "guests"
	Secretary  Key = "secretary"

	// Run-in labels of decisions and action items, and the annex that tables them.
	Decision            Key = "decision"
	Action              Key = "action"
	DecisionsAndActions Key = "decisions_and_actions"
	Responsible         Key = "responsible"
	Deadline            Key = "deadline"
)

// Keys lists every label key; each locale must define all of them.
var Keys = []Key{Annex, Contents, Page, Summary, ListOfSpeakers, Abbreviations, Chair, Venue, Date, Original, Distribution, Of, PleaseRecycle,
	Attendance, Present, Absent, Guests, Secretary, Decision, Action, DecisionsAndActions, Responsible, Deadline}

// Locale is the data of one language. Field comments give the YAML key.
type Locale struct {
	// Tag is the BCP 47 base language ("fr").
	Tag string `yaml:"tag"`
	// Name is the language's name in itself ("Français").
	Name string `yaml:"name"`
	// EnglishName is the language's name in English ("French").
	EnglishName string `yaml:"englishName"`
	// Direction is "ltr" or "rtl".
	Direction string `yaml:"direction"`
	// Script is the ISO 15924 code of the main script ("Latn", "Cyrl", "Arab", "Hans").
	Script string `yaml:"script"`
	// JobLetter is the language letter of the footer job number ("F").
	JobLetter string `yaml:"jobLetter"`
	// Labels maps every Key to its text.
	Labels map[Key]string `yaml:"labels"`
	// LanguageNames names the six languages in this language, for "Original: anglais".
	LanguageNames map[string]string `yaml:"languageNames"`
	Numbering     Numbering         `yaml:"numbering"`
	Dates         Dates             `yaml:"dates"`
	Typography    Typography        `yaml:"typography"`
	Masthead      Masthead          `yaml:"masthead"`
	TitleBlock    TitleBlock        `yaml:"titleBlock"`
	// Fonts lists font families to prefer, per role, first choice first: "serif" for body
	// text (its first entry is the face a DOCX names), "heading" for headings and titles
	// where they use another face (Chinese: Hei), "sans".
	Fonts map[string][]string `yaml:"fonts"`
	// Speech is the vocabulary speaker detection and segmentation use for notes written in
	// this language.
	Speech Speech `yaml:"speech"`
	// Minutes is the vocabulary of the labels minutes use for attendance, decisions, action
	// items and fields, read in notes of any language (English labels are common in notes
	// written in French or Chinese).
	Minutes Minutes `yaml:"minutes"`

	// derived caches what other packages compute from this locale (see Derived); nil for a
	// locale built outside a Set, which then computes every time.
	derived *sync.Map
}

// Derived returns build's value for key, computed once per locale and shared: readers and
// normalizers keep look-up tables built from the locale's data here (a speech vocabulary,
// label patterns) instead of in package-level caches, so a set loaded with an overlay gets
// its own tables. A locale is read-only once loaded, so the value never goes stale; build
// may depend on the locale and on the Set it was loaded into, nothing else. Key by an
// unexported type of the caller's package, as with context values.
func (l *Locale) Derived(key any, build func() any) any {
	if l.derived == nil {
		return build()
	}
	if v, ok := l.derived.Load(key); ok {
		return v
	}
	v, _ := l.derived.LoadOrStore(key, build())
	return v
}

// RTL reports whether the language is written right to left.
func (l *Locale) RTL() bool { return l.Direction == "rtl" }

// Label returns the text of key, or the key itself when the locale lacks it (Validate
// reports that case, so it does not reach users of the embedded data).
func (l *Locale) Label(k Key) string {
	if s, ok := l.Labels[k]; ok && s != "" {
		return s
	}
	return string(k)
}

// LanguageName names language tag in this locale ("en" → "anglais" in French); the tag itself
// when unknown.
func (l *Locale) LanguageName(tag string) string {
	if s := l.LanguageNames[tag]; s != "" {
		return s
	}
	return tag
}

// Numbering is the UN numbering scheme of one language.
type Numbering struct {
	// Chapter numbers headings of level 1 ("I.", "一.", "أولا -").
	Chapter Level `yaml:"chapter"`
	// Section numbers headings of level 2 ("A.", "ألف -").
	Section Level `yaml:"section"`
	// Subsection numbers headings of level 3 ("1.").
	Subsection Level `yaml:"subsection"`
	// Paragraph numbers body paragraphs ("1.", "1 -").
	Paragraph Level `yaml:"paragraph"`
	// Sub numbers subparagraphs by depth: Sub[0] is (a), Sub[1] is (i), then a., i.
	Sub []Level `yaml:"sub"`
}

// Level is one level of a numbering scheme.
type Level struct {
	// Format is the counter style: decimal, upperRoman, lowerRoman, upperLetter,
	// lowerLetter, chineseCounting, or words (the label is taken from Words).
	Format string `yaml:"format"`
	// Text is the label pattern; "%1" stands for the counter ("(%1)", "%1.", "%1 -"), as in
	// an OOXML lvlText.
	Text string `yaml:"text"`
	// Words are the counters for Format "words" and for letter formats in non-Latin
	// alphabets (Arabic abjad): Words[0] is the counter of 1.
	Words []string `yaml:"words,omitempty"`
	// OOXML is the numFmt value a DOCX writer should use for this level ("upperRoman",
	// "arabicAbjad", "chineseCounting"); empty means the label must be written as literal
	// text (spelled-out Arabic ordinals).
	OOXML string `yaml:"ooxml,omitempty"`
}

// Counter renders n (1-based) in the level's counter style, without the pattern.
func (lv Level) Counter(n int) string {
	if n < 1 {
		n = 1
	}
	if len(lv.Words) > 0 && (lv.Format == "words" || lv.Format == "letters") {
		if n <= len(lv.Words) {
			return lv.Words[n-1]
		}
		// Past the list, letters repeat doubled as UN editors do (aa, bb); words fall back
		// to digits, which is still unambiguous.
		if lv.Format == "letters" {
			w := lv.Words[(n-1)%len(lv.Words)]
			return strings.Repeat(w, (n-1)/len(lv.Words)+1)
		}
		return strconv.Itoa(n)
	}
	switch lv.Format {
	case "upperRoman":
		return Roman(n)
	case "lowerRoman":
		return strings.ToLower(Roman(n))
	case "upperLetter":
		return Letters(n, 'A')
	case "lowerLetter":
		return Letters(n, 'a')
	case "chineseCounting":
		return ChineseCounting(n)
	}
	return strconv.Itoa(n)
}

// Label renders n with the level's pattern ("(a)", "II.", "أولا -").
func (lv Level) Label(n int) string {
	text := lv.Text
	if text == "" {
		text = "%1"
	}
	return strings.Replace(text, "%1", lv.Counter(n), 1)
}

// Roman writes n in upper-case roman numerals (n ≥ 1; above 3999 it gives digits).
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// ParseRoman reads roman numerals in either case ("iv", "XII"); 0 when s holds another
// character. It reads sloppy spellings too ("IIII" is 4): callers that need the canonical
// form compare Roman of the value with s.
func ParseRoman(s string) int {
	val := func(c byte) int {
		switch c | 0x20 {
		case 'i':
			return 1
		case 'v':
			return 5
		case 'x':
			return 10
		case 'l':
			return 50
		case 'c':
			return 100
		case 'd':
			return 500
		case 'm':
			return 1000
		}
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		v := val(s[i])
		if v == 0 {
			return 0
		}
		if i+1 < len(s) && val(s[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

// Letters writes n as a letter counter in the UN and Word style: a … z, aa … zz, aaa ….
func Letters(n int, first rune) string {
	if n < 1 {
		n = 1
	}
	letter := string(first + rune((n-1)%26))
	return strings.Repeat(letter, (n-1)/26+1)
}

// ChineseCounting writes n with Chinese numerals (一, 二 … 十, 十一 … 九十九, 一百 …).
func ChineseCounting(n int) string {
	digits := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if n <= 0 {
		return strconv.Itoa(n)
	}
	if n < 10 {
		return digits[n]
	}
	if n < 100 {
		tens, ones := n/10, n%10
		s := "十"
		if tens > 1 {
			s = digits[tens] + s
		}
		if ones > 0 {
			s += digits[ones]
		}
		return s
	}
	if n < 1000 {
		h, rest := n/100, n%100
		s := digits[h] + "百"
		switch {
		case rest == 0:
		case rest < 10:
			s += "〇" + digits[rest]
		case rest < 20:
			s += "一" + ChineseCounting(rest)
		default:
			s += ChineseCounting(rest)
		}
		return s
	}
	return strconv.Itoa(n)
}

// Dates holds month names and the date pattern.
type Dates struct {
	// Months are the twelve month names as used inside a date ("mai", "мая", "أيار/مايو").
	Months []string `yaml:"months"`
	// Weekdays are the names of the days, Monday first, with common abbreviations after
	// the seven ("Mon"); readers drop them from date lines so they are not taken for a place.
	Weekdays []string `yaml:"weekdays,omitempty"`
	// MonthAliases are other spellings readers accept when parsing notes (nominative
	// forms, abbreviations, the two halves of Arabic double names).
	MonthAliases map[string]int `yaml:"monthAliases,omitempty"`
	// Pattern lays out a date with {d}, {dd}, {m}, {mm}, {month} and {yyyy}.
	Pattern string `yaml:"pattern"`
	// FirstDay replaces {d} on the first of the month when set ("1er" in French).
	FirstDay string `yaml:"firstDay,omitempty"`
	// Time lays out a time of day with {h} (0–23), {hh} (00–23), {h12} (1–12), {mm} and
	// {ampm} (AM or PM below); TimeOnHour when the minutes are zero ("10 a.m.", "15
	// heures"). Empty keeps the 24-hour "14:30". A space the time must not break at is
	// written as a no-break space ("{h}\u00a0h\u00a0{mm}"); the parsers that read a report
	// back take any space for any other.
	Time       string `yaml:"time,omitempty"`
	TimeOnHour string `yaml:"timeOnHour,omitempty"`
	// AM and PM are the words {ampm} stands for ("a.m.", "p.m."; "上午", "下午").
	AM string `yaml:"am,omitempty"`
	PM string `yaml:"pm,omitempty"`
	// TimeRange lays out a time range with {start} and {end} ("{start}–{end}").
	TimeRange string `yaml:"timeRange"`
	// TimeSingle lays out a lone time with {time} ("{time} horas"); empty prints it alone.
	TimeSingle string `yaml:"timeSingle,omitempty"`
}

// FormatDate writes the date (year, month 1–12, day) in the locale's style.
func (l *Locale) FormatDate(year, month, day int) string {
	if month < 1 || month > 12 || len(l.Dates.Months) != 12 {
		return fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	}
	d := strconv.Itoa(day)
	if day == 1 && l.Dates.FirstDay != "" {
		d = l.Dates.FirstDay
	}
	r := strings.NewReplacer(
		"{d}", d,
		"{dd}", fmt.Sprintf("%02d", day),
		"{m}", strconv.Itoa(month),
		"{mm}", fmt.Sprintf("%02d", month),
		"{month}", l.Dates.Months[month-1],
		"{yyyy}", strconv.Itoa(year),
	)
	return r.Replace(l.Dates.Pattern)
}

// FormatTimeRange writes a time range in the locale's style ("2 p.m.–5.30 p.m.", "14
// heures–17 h 30"); start and end are 24-hour "HH:MM" times, end may be empty. A time that
// is not "HH:MM" is kept as written.
func (l *Locale) FormatTimeRange(start, end string) string {
	if end == "" {
		t := l.FormatTime(start)
		if l.Dates.TimeSingle != "" {
			t = strings.ReplaceAll(l.Dates.TimeSingle, "{time}", t)
		}
		return t
	}
	p := l.Dates.TimeRange
	if p == "" {
		p = "{start}–{end}"
	}
	return strings.NewReplacer("{start}", l.FormatTime(start), "{end}", l.FormatTime(end)).Replace(p)
}

// FormatTime writes one 24-hour "HH:MM" time in the locale's style.
func (l *Locale) FormatTime(hhmm string) string {
	hs, ms, ok := strings.Cut(hhmm, ":")
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if !ok || err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(ms) != 2 || l.Dates.Time == "" {
		return hhmm
	}
	p := l.Dates.Time
	if m == 0 && l.Dates.TimeOnHour != "" {
		p = l.Dates.TimeOnHour
	}
	h12, ampm := h%12, l.Dates.AM
	if h12 == 0 {
		h12 = 12
	}
	if h >= 12 {
		ampm = l.Dates.PM
	}
	return strings.NewReplacer("{hh}", fmt.Sprintf("%02d", h), "{h12}", strconv.Itoa(h12), "{h}", strconv.Itoa(h),
		"{mm}", fmt.Sprintf("%02d", m), "{ampm}", ampm).Replace(p)
}

// Typography holds quotation marks and spacing rules.
type Typography struct {
	// Quotes are the outer quotation marks: [open, close] ("«\u00a0", "\u00a0»").
	Quotes []string `yaml:"quotes"`
	// InnerQuotes are the marks of a quotation inside a quotation.
	InnerQuotes []string `yaml:"innerQuotes"`
	// SpaceBefore maps a punctuation mark to the space that must precede it (French: a
	// narrow no-break space before ; ! ? and a no-break space before :).
	SpaceBefore map[string]string `yaml:"spaceBefore,omitempty"`
	// FullStop and Comma are the sentence punctuation ("." / "。", "," / "،" / "，").
	FullStop string `yaml:"fullStop"`
	Comma    string `yaml:"comma"`
	// FootnoteBeforePunct is true where the footnote indicator precedes punctuation (fr, es).
	FootnoteBeforePunct bool `yaml:"footnoteBeforePunct"`
	// Apostrophe replaces a typed apostrophe between letters ("’" in French); empty keeps it.
	Apostrophe string `yaml:"apostrophe,omitempty"`
	// NoBreakAfter are words a no-break space joins to what follows ("paragraph 10",
	// "annex II", "Mr. Geiger"); matched without regard to case.
	NoBreakAfter []string `yaml:"noBreakAfter,omitempty"`
	// BodySize and Leading are the size of body text in points and the distance between
	// its baselines, for text in the language's own script (Arabic: 13 on 18); zero means
	// the house default, 10 on 12. Latin text in the version keeps 10 on 12.
	BodySize float64 `yaml:"bodySize,omitempty"`
	Leading  float64 `yaml:"leading,omitempty"`
}

// Masthead holds the rules of the first-page masthead.
type Masthead struct {
	// Translated is false where the masthead stays in English (ru, zh, ar).
	Translated bool `yaml:"translated"`
	// Distribution is the general-distribution line ("Distr. générale").
	Distribution string `yaml:"distribution"`
	// Limited and Restricted are the other distribution lines.
	Limited    string `yaml:"limited"`
	Restricted string `yaml:"restricted"`
	// LanguageLine names this version's language on the masthead; empty for English.
	LanguageLine string `yaml:"languageLine"`
	// Original lays out the original-language line with {language}.
	Original string `yaml:"original"`
	// OriginalNames names the original language as the masthead prints it (English names
	// where the masthead stays in English).
	OriginalNames map[string]string `yaml:"originalNames"`
	// UnitedNations is the organisation's name at the top left, always in the version's
	// own language ("Nations Unies", "联合国").
	UnitedNations string `yaml:"unitedNations"`
	// AgendaItem writes an agenda item given as a number, with {item} ("Agenda item 3").
	AgendaItem string `yaml:"agendaItem"`
}

// TitleBlock holds the patterns of the sentence under the masthead, with {venue}, {date} and
// {time}; the writer picks the one whose fields are all known.
type TitleBlock struct {
	Full     string `yaml:"full"`     // venue, date and time
	NoTime   string `yaml:"noTime"`   // venue and date
	NoVenue  string `yaml:"noVenue"`  // date and time
	DateOnly string `yaml:"dateOnly"` // date alone
}

// Speech is the vocabulary of reported speech in notes of this language.
// Minutes lists the labels minutes write before a list of people, a decision, an action
// item or a field value ("Present:", "Regrets:", "RESOLVED:", "ACTION:", "Date:"), in lower
// case, without the colon. Readers compare a label with its letters lower-cased and the
// inclusive-writing dots and parentheses dropped ("Présent.e.s" is "présentes").
type Minutes struct {
	Present   []string `yaml:"present,omitempty"`
	Absent    []string `yaml:"absent,omitempty"`
	Chair     []string `yaml:"chair,omitempty"`
	Secretary []string `yaml:"secretary,omitempty"`
	Guests    []string `yaml:"guests,omitempty"`
	Decision  []string `yaml:"decision,omitempty"`
	Action    []string `yaml:"action,omitempty"`
	// Introducers are the endings of a paragraph that introduces the list under it without
	// a colon ("as follows", "the following"), lower case.
	Introducers []string `yaml:"introducers,omitempty"`
	// Cardinals are the number words from two to ten, lower case: a paragraph that names
	// as many things as the list under it has items ("two documents") introduces it.
	Cardinals []string `yaml:"cardinals,omitempty"`
	// Date and Venue label the meeting's date or time and its place ("Date", "Lieu").
	Date  []string `yaml:"date,omitempty"`
	Venue []string `yaml:"venue,omitempty"`
	// Fields label other values that are never statements and never speakers ("Agenda",
	// "Slides", "Link", "Note").
	Fields []string `yaml:"fields,omitempty"`
	// Agenda labels the list of the meeting's items ("Agenda", "Ordre du jour"): the list
	// under such a heading is the agenda, kept a list however long its items; as a line's
	// label it is a field.
	Agenda []string `yaml:"agenda,omitempty"`
	// Tally labels the counts of a vote ("For", "Against", "Abstentions"; "Pour",
	// "Contre"): a line "Pour : 7" is part of a tally, not a decision or a speaker.
	Tally []string `yaml:"tally,omitempty"`
}

type Speech struct {
	// Verbs are reporting verbs that follow a speaker ("said", "recalled", "a souligné").
	Verbs []string `yaml:"verbs"`
	// Titles are honorifics that start a speaker's name ("Mr", "Ms", "Ambassador").
	Titles []string `yaml:"titles"`
	// Abbreviations end with a full stop that does not end a sentence ("Mr.", "No.").
	Abbreviations []string `yaml:"abbreviations"`
	// SentenceEnds are the characters that end a sentence ("." "?" "!" "。").
	SentenceEnds []string `yaml:"sentenceEnds"`

	// The closed-class words speaker detection needs: function words, not names, so short
	// lists cover them.

	// Articles may open a speaker's name ("the", "la", "los").
	Articles []string `yaml:"articles,omitempty"`
	// NameConnectors may stand between the capitalised words of a name ("of", "de", "и",
	// and particles such as "von", "bin").
	NameConnectors []string `yaml:"nameConnectors,omitempty"`
	// LeadIns open an adverbial clause or a pronoun subject, never a name ("after", "he"),
	// nor end one: a relative pronoun or a passive's auxiliary ("who", "qui", "was" in
	// "Charles Duffy was made a committer", where no one speaks).
	LeadIns []string `yaml:"leadIns,omitempty"`
	// Skips may stand between a speaker and the verb ("also", "加拿大还指出": 还).
	Skips []string `yaml:"skips,omitempty"`
	// Conjunctions join several speakers ("and", "et").
	Conjunctions []string `yaml:"conjunctions,omitempty"`
	// ClauseBoundaries end the subject of a verb-first clause ("قال ممثل كندا إن …": إن).
	ClauseBoundaries []string `yaml:"clauseBoundaries,omitempty"`
	// Bodies are speakers named without a title, in verb-first languages where nothing
	// marks where the subject ends: organisations and officers ("منظمة العمل الدولية",
	// "الرئيس"). The Member States' names come from CLDR and need no list.
	Bodies []string `yaml:"bodies,omitempty"`
	// Delegates are the words for a country's representative or delegation, which may
	// come before a country's name ("ممثل كندا").
	Delegates []string `yaml:"delegates,omitempty"`
	// ParticipleSuffixes end participles that open a lead-in ("Answering Djibouti,");
	// ParticipleMinLength is the shortest such word in letters, so short names are not
	// taken for one.
	ParticipleSuffixes  []string `yaml:"participleSuffixes,omitempty"`
	ParticipleMinLength int      `yaml:"participleMinLength,omitempty"`
	// AdverbSuffix ends manner adverbs allowed before the verb ("briefly": "ly").
	AdverbSuffix string `yaml:"adverbSuffix,omitempty"`
	// PresentFromPast also accepts present forms of "-ed" verbs ("agreed" → "agrees"), as
	// English board minutes write them.
	PresentFromPast bool `yaml:"presentFromPast,omitempty"`
}
