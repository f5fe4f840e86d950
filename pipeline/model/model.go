// Package model is scribe's document model: the closed tree of blocks and inlines, metadata,
// positions, diagnostics, and the contracts of the stages that read, transform and write it
// (Reader, Transform, Writer and their options).
//
// Every reader produces a *Document, every normalizer rewrites one in place, and every writer
// prints one. Nothing else crosses stages. Writers never decide structure or numbers: the
// numbering normalizer stores the labels ("12.", "(a)", "II.") in the model and writers print
// them. Formats import this package only; the runner that drives them lives in pipeline.
package model

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line is 1-based; 0 means the node was synthesized
// (by a normalizer, a translation, or a format without lines such as DOCX, where Part names
// the package part instead).
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	// Part names the package part for archive formats (for example "word/document.xml").
	Part string `json:"part,omitempty"`
}

// String renders the position as "file:line", "file:part" or "file".
func (p Pos) String() string {
	switch {
	case p.Line > 0 && p.File != "":
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	case p.Part != "" && p.File != "":
		return p.File + ":" + p.Part
	case p.Line > 0:
		return fmt.Sprintf("line %d", p.Line)
	}
	return p.File
}

// Document is the whole report: metadata, the blocks of the body in reading order, and, once
// the localize stage has run, the presentation data that writers print verbatim.
type Document struct {
	// Source is the input's path as given by the user ("-" for standard input).
	Source string   `json:"source"`
	Meta   Metadata `json:"meta"`
	// Front holds the lines a reader recognised as masthead material (venue line, date and
	// time line, a title), verbatim, so the metadata normalizer can parse them and inspect can
	// show them. They are never numbered.
	Front  []FrontLine `json:"front,omitempty"`
	Blocks []Block     `json:"blocks"`
	// Present is filled by the localize normalizer for one output language; zero before.
	Present Presentation `json:"present"`
}

// Metadata is what the report says about itself. Empty strings mean "not known".
type Metadata struct {
	Title string `json:"title,omitempty"`
	// Body is the organ or body that met ("ITU Council Working Group on WSIS").
	Body         string `json:"body,omitempty"`
	Symbol       string `json:"symbol,omitempty"`
	Distribution string `json:"distribution,omitempty"`
	// Date is the meeting date as ISO 8601 (YYYY-MM-DD).
	Date string `json:"date,omitempty"`
	// TimeStart and TimeEnd are 24-hour "HH:MM" times.
	TimeStart string `json:"timeStart,omitempty"`
	TimeEnd   string `json:"timeEnd,omitempty"`
	Venue     string `json:"venue,omitempty"`
	// OriginalLang is the language the notes are written in (BCP 47 base, "en").
	OriginalLang string `json:"originalLang,omitempty"`
	// Original, when set, is the language the masthead's "Original:" line names instead of
	// OriginalLang (--original: a translation filed as the report's original). It never
	// changes how the notes are read.
	Original string `json:"original,omitempty"`
	// Lang is the language of this version of the report (BCP 47 base).
	Lang string `json:"lang,omitempty"`
	// Session is the session the report belongs to ("Fifty-ninth session").
	Session string `json:"session,omitempty"`
	// AgendaItem is the agenda item: a number ("3"), which the locale writes out ("Agenda
	// item 3", "Point 3 de l'ordre du jour"), or a line as written ("Item 3 of the
	// provisional agenda").
	AgendaItem string `json:"agendaItem,omitempty"`
	// Subtitle is printed under the title ("Note by the Secretariat").
	Subtitle string `json:"subtitle,omitempty"`
	// Localized holds fields given in several languages (front matter "body: {en: …,
	// fr: …}"), keyed by field ("title", "subtitle", "body", "session", "agendaItem") then
	// language; the plain field holds one of them. The localize normalizer picks each
	// version's own.
	Localized map[string]map[string]string `json:"localized,omitempty"`
	// Recycle asks for "Please recycle" at the foot of the first page.
	Recycle bool `json:"recycle,omitempty"`
	// JobNumber is the UN job number ("05-35610"); the locale adds the language letter.
	JobNumber string `json:"jobNumber,omitempty"`
	// Participants are the people the notes list as attending, absent, chairing or taking
	// the minutes, in the order the notes give them. The attendance normalizer prints them
	// as an unnumbered section, never as body paragraphs.
	Participants []Participant `json:"participants,omitempty"`
	// Extra keeps front-matter keys scribe does not interpret, so nothing is lost.
	Extra map[string]string `json:"extra,omitempty"`
	// Lines records where each field was recovered from, keyed by field name ("date").
	Lines map[string]Pos `json:"lines,omitempty"`
}

// Participant is one person (or delegation) the notes list under an attendance label.
type Participant struct {
	// Name as written, without initials or affiliation ("Jeremy Tandy").
	Name string `json:"name"`
	// Initials the notes define for the name ("JT" in "Jeremy Tandy (JT)"); speakers
	// written as these initials are resolved to Name.
	Initials string `json:"initials,omitempty"`
	// Affiliation is what the notes add to the name: an organization, a country, a role
	// ("Met Office", "Director of Revenue").
	Affiliation string `json:"affiliation,omitempty"`
	Role        Role   `json:"role"`
	Pos         Pos    `json:"pos"`
	// Why says how the name was recognised ("attendance: names only, under 'Present'").
	Why string `json:"why,omitempty"`
}

// Role is a participant's part in the meeting.
type Role string

// The roles, in the order the attendance section lists them.
const (
	RoleChair     Role = "chair"
	RolePresent   Role = "present"
	RoleGuest     Role = "guest"     // guests and observers
	RoleSecretary Role = "secretary" // secretary, scribe, note-taker
	RoleAbsent    Role = "absent"    // absent, apologies, regrets
)

// Roles lists the roles in printing order.
var Roles = []Role{RoleChair, RolePresent, RoleGuest, RoleSecretary, RoleAbsent}

// Presentation is the localized furniture of one language version: masthead lines, the title
// block sentence, running header and footer texts. The localize normalizer computes it from
// Metadata and the locale; writers print it and never recompute it.
type Presentation struct {
	Lang string `json:"lang,omitempty"`
	// Dir is the writing direction of the output language.
	Dir Direction `json:"dir,omitempty"`
	// Masthead lines in printing order (United Nations, organ, symbol, distribution, date,
	// language, original).
	Masthead []MastheadLine `json:"masthead,omitempty"`
	// TitleBlock is the sentence under the masthead: where and when the meeting was held.
	TitleBlock string `json:"titleBlock,omitempty"`
	// DateText is Metadata.Date written out in the output language ("2 mai 2005").
	DateText string `json:"dateText,omitempty"`
	// TimeText is the time range in the output language's style ("14:00–17:30").
	TimeText string `json:"timeText,omitempty"`
	// HeaderText is the running header from page 2 (normally the symbol).
	HeaderText string `json:"headerText,omitempty"`
	// FooterJob is the job-number slot ("05-35610 (F)"), empty when unknown.
	FooterJob string `json:"footerJob,omitempty"`
	// PageLabel is the localized word for "Page".
	PageLabel string `json:"pageLabel,omitempty"`
	// AgendaItem is the agenda-item line under the masthead ("Agenda item 3").
	AgendaItem string `json:"agendaItem,omitempty"`
	// Recycle is the "Please recycle" line of the first page's foot, empty when not
	// printed.
	Recycle string `json:"recycle,omitempty"`
	// Fonts suggested by the locale for this script, first choice first.
	Fonts []string `json:"fonts,omitempty"`
	// Untranslated counts blocks whose text is still in the source language.
	Untranslated int `json:"untranslated,omitempty"`
}

// Direction is a writing direction.
type Direction string

// The writing directions.
const (
	LTR Direction = "ltr"
	RTL Direction = "rtl"
)

// FrontLine is a line of front matter kept out of the body.
type FrontLine struct {
	Pos  Pos       `json:"pos"`
	Kind FrontKind `json:"kind"`
	Text string    `json:"text"`
	Why  string    `json:"why,omitempty"`
}

// FrontKind says what a front line gives the metadata normalizer.
type FrontKind string

// The kinds of front lines.
const (
	FrontTitle  FrontKind = "title"
	FrontVenue  FrontKind = "venue"
	FrontDate   FrontKind = "date" // a date or time line
	FrontSymbol FrontKind = "symbol"
	FrontOther  FrontKind = "other" // kept out of the body, read for nothing
)

// MastheadLine is one line of the first-page masthead. Key is stable so writers can style
// each line.
type MastheadLine struct {
	Key  MastheadKey `json:"key"`
	Text string      `json:"text"`
}

// MastheadKey names a masthead line.
type MastheadKey string

// The masthead lines, in printing order.
const (
	// MastUN is "United Nations" in the version's language, left of the organ.
	MastUN           MastheadKey = "un"
	MastOrgan        MastheadKey = "organ"
	MastSymbol       MastheadKey = "symbol"
	MastDistribution MastheadKey = "distribution"
	MastDate         MastheadKey = "date"
	MastLanguage     MastheadKey = "language"
	MastOriginal     MastheadKey = "original"
)

// Block is a node of the body. The interface is closed: only this package defines blocks,
// so a writer's type switch is exhaustive.
type Block interface {
	// Position is where the block starts in the source.
	Position() Pos
	block()
}

// Inline is a run of text inside a block. Runs are flat: a run has one kind, not nested
// markup, which keeps writers and translation placeholders simple.
type Inline struct {
	Kind InlineKind `json:"kind"`
	Text string     `json:"text"`
	// URL is the target of a KindLink run.
	URL string `json:"url,omitempty"`
	// Note holds the footnote's content for a KindFootnote run (Text is then empty).
	Note []Inline `json:"note,omitempty"`
	Line int      `json:"line,omitempty"`
}

// InlineKind tells how a run is to be printed and whether translators may change it.
type InlineKind string

// The inline kinds. Symbol, Date, Time, Number, Link and Email runs are protected in
// translation files: they come back exactly as written.
const (
	KindText     InlineKind = "text"
	KindEmphasis InlineKind = "emphasis" // italic
	KindStrong   InlineKind = "strong"   // bold
	KindSymbol   InlineKind = "symbol"   // a UN document symbol, never translated or broken
	KindQuoted   InlineKind = "quoted"   // quoted text of a draft, printed as written
	KindLink     InlineKind = "link"
	KindFootnote InlineKind = "footnote"
)

// Heading is a chapter (Level 1) or section (Level 2) heading, or a deeper one.
type Heading struct {
	Pos     Pos      `json:"pos"`
	Level   int      `json:"level"`
	Inlines []Inline `json:"inlines"`
	// Number is decided by the numbering normalizer.
	Number Number `json:"number"`
	// ID is a stable identifier derived from the structure, set once by the ids normalizer
	// and used as the unit id of translation files. The scheme: headings "h1", "h2"… in
	// document order; numbered paragraphs "p<N>" by paragraph ordinal; unnumbered top-level
	// paragraphs "u1", "u2"…; list items the parent's id plus a Latin letter, then a lower
	// roman numeral for the nested level ("p12.a", "p12.a.ii"), whatever the output
	// language; quotation paragraphs the parent's id plus ".q1", ".q2"; notes "n1"…;
	// tables "t1"….
	ID string `json:"id,omitempty"`
	// Why explains the reader's decision ("short line, no final stop, body text follows").
	Why string `json:"why,omitempty"`
}

// Paragraph is a body paragraph. Numbered paragraphs get 1, 2, 3… through the whole
// document; unnumbered ones continue a quotation or a list, or are front matter.
type Paragraph struct {
	Pos      Pos      `json:"pos"`
	Inlines  []Inline `json:"inlines"`
	Numbered bool     `json:"numbered"`
	Number   Number   `json:"number"`
	// Speaker is who speaks in this paragraph when the notes say it ("Canada",
	// "Mr Utsumi", "The ILO"); data, not formatting.
	Speaker string `json:"speaker,omitempty"`
	// Children are blocks that belong to this paragraph: the lists it introduces and the
	// quotations it contains. They add no paragraph number.
	Children []Block `json:"children,omitempty"`
	// Kind says what the paragraph records: a statement (empty), a decision the meeting
	// took, or an action someone is to take. Decisions and actions are numbered with the
	// body and printed with Label as a bold run-in label.
	Kind ParagraphKind `json:"kind,omitempty"`
	// Owner is who is to carry out an action ("Jane Doe", "the secretariat"), when the
	// notes say; Due its deadline as written ("April 15, 2022").
	Owner string `json:"owner,omitempty"`
	Due   string `json:"due,omitempty"`
	// Label is the run-in label of a decision or action in the output language, with its
	// punctuation ("Decision:", "Décision\u00a0:"), set by an output normalizer; writers
	// print it in bold before the text (see RunIn).
	Label string `json:"label,omitempty"`
	ID    string `json:"id,omitempty"`
	Why   string `json:"why,omitempty"`
}

// ParagraphKind distinguishes the paragraphs minutes record apart from statements.
type ParagraphKind string

// The kinds of paragraphs beyond statements.
const (
	KindDecision ParagraphKind = "decision" // resolved, agreed, decided
	KindAction   ParagraphKind = "action"   // an action item, with an owner when known
)

// List is a subparagraph list. Items are lettered (a), (b) at depth 1 and (i), (ii) at
// depth 2 by the numbering normalizer.
type List struct {
	Pos   Pos         `json:"pos"`
	Depth int         `json:"depth"`
	Items []*ListItem `json:"items"`
	// Nested is set when the list was nested under a bullet that became the paragraph it
	// belongs to: its items are that bullet's sub-points, whatever the paragraph ends with.
	Nested bool   `json:"nested,omitempty"`
	Why    string `json:"why,omitempty"`
}

// ListItem is one subparagraph. Marker is the bullet as typed ("·", "-", "a)"), kept for
// inspection only; writers print Number.
type ListItem struct {
	Pos     Pos      `json:"pos"`
	Marker  string   `json:"marker,omitempty"`
	Inlines []Inline `json:"inlines"`
	// Speaker is who speaks in the item when the notes say it, as for a paragraph.
	Speaker  string  `json:"speaker,omitempty"`
	Number   Number  `json:"number"`
	Children []Block `json:"children,omitempty"`
	ID       string  `json:"id,omitempty"`
}

// Quote is a block quotation, possibly several paragraphs long. It never adds a number.
type Quote struct {
	Pos        Pos          `json:"pos"`
	Paragraphs []*Paragraph `json:"paragraphs"`
	ID         string       `json:"id,omitempty"`
	Why        string       `json:"why,omitempty"`
}

// Note is an editorial note such as "(annexed)" or "(Spoke in French)", printed unnumbered.
type Note struct {
	Pos     Pos      `json:"pos"`
	Inlines []Inline `json:"inlines"`
	ID      string   `json:"id,omitempty"`
	Why     string   `json:"why,omitempty"`
}

// Table keeps a table from a structured source (DOCX, HTML) as rows of cells.
type Table struct {
	Pos  Pos          `json:"pos"`
	Rows [][][]Inline `json:"rows"`
	// Header is the number of leading rows that are column headings.
	Header int    `json:"header,omitempty"`
	ID     string `json:"id,omitempty"`
}

// Preformatted is text whose line breaks and spacing matter (code, a pasted log, an ASCII
// table): printed as written, in a fixed-width face, never numbered and never joined.
type Preformatted struct {
	Pos Pos `json:"pos"`
	// Text is the lines, separated by "\n", without the fences or indentation that marked
	// them in the source.
	Text string `json:"text"`
	ID   string `json:"id,omitempty"`
	Why  string `json:"why,omitempty"`
}

// Attendance is the unnumbered attendance section built from Metadata.Participants: a
// title ("Attendance", in the output language) and one line per role.
type Attendance struct {
	Pos    Pos               `json:"pos"`
	Title  string            `json:"title"`
	Groups []AttendanceGroup `json:"groups"`
	ID     string            `json:"id,omitempty"`
	Why    string            `json:"why,omitempty"`
}

// AttendanceGroup is the participants of one role: Label ("Present:", "Excusés\u00a0:"),
// the names as printed (affiliation in parentheses), and Inlines, the line writers print
// (the label in bold, then the names joined in the output language's way).
type AttendanceGroup struct {
	Role    Role     `json:"role"`
	Label   string   `json:"label"`
	Names   []string `json:"names"`
	Inlines []Inline `json:"inlines"`
}

// Annex is matter printed after the body under its own title, never numbered with it: the
// attendance placed in an annex, the table of decisions and action items.
type Annex struct {
	Pos Pos `json:"pos"`
	// Label is the annex's name in the output language ("Annex", "Annexe II"); Title what
	// it holds ("Attendance").
	Label  string  `json:"label"`
	Title  string  `json:"title"`
	Blocks []Block `json:"blocks"`
	ID     string  `json:"id,omitempty"`
	Why    string  `json:"why,omitempty"`
}

// Number is the label the numbering normalizer gives a heading, paragraph or list item.
// Ordinal is 1-based within its sequence; Label is the printed form in the output language
// ("12.", "(a)", "a)", "II.", "أولا -"); Level is the depth in the numbering scheme
// (paragraphs 0, subparagraphs 1 and 2; chapters 0, sections 1 for headings).
type Number struct {
	Ordinal int    `json:"ordinal,omitempty"`
	Label   string `json:"label,omitempty"`
	Level   int    `json:"level,omitempty"`
}

func (b *Heading) Position() Pos   { return b.Pos }
func (b *Paragraph) Position() Pos { return b.Pos }
func (b *List) Position() Pos      { return b.Pos }
func (b *ListItem) Position() Pos  { return b.Pos }
func (b *Quote) Position() Pos     { return b.Pos }
func (b *Note) Position() Pos      { return b.Pos }
func (b *Table) Position() Pos     { return b.Pos }

// Position implements Block.
func (b *Preformatted) Position() Pos { return b.Pos }

// Position implements Block.
func (b *Attendance) Position() Pos { return b.Pos }

// Position implements Block.
func (b *Annex) Position() Pos { return b.Pos }

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*List) block()      {}
func (*ListItem) block()  {}
func (*Quote) block()     {}
func (*Note) block()      {}
func (*Table) block()     {}

func (*Preformatted) block() {}
func (*Attendance) block()   {}
func (*Annex) block()        {}

// RunIn returns the runs a writer prints for p: its Label, when set, as a bold run-in label
// followed by a space, then p.Inlines.
func (p *Paragraph) RunIn() []Inline {
	if p.Label == "" {
		return p.Inlines
	}
	out := make([]Inline, 0, len(p.Inlines)+2)
	out = append(out, Inline{Kind: KindStrong, Text: p.Label, Line: p.Pos.Line}, Inline{Kind: KindText, Text: " ", Line: p.Pos.Line})
	return append(out, p.Inlines...)
}

// PlainText concatenates the text of runs, including footnote markers' text but not their
// notes. It is what inspection, speaker detection and heading rules look at.
func PlainText(ins []Inline) string {
	switch len(ins) {
	case 0:
		return ""
	case 1:
		// Most paragraphs are one run: its text is the answer, and strings are immutable,
		// so sharing it costs nothing (a copy per call was a fifth of a large input's
		// allocations: every normalizer asks).
		return ins[0].Text
	}
	n := 0
	for _, in := range ins {
		n += len(in.Text)
	}
	var b strings.Builder // one allocation: String does not copy
	b.Grow(n)
	for _, in := range ins {
		b.WriteString(in.Text)
	}
	return b.String()
}

// TextBytes is the length in bytes of the text of the headings, paragraphs and list items
// in blocks (and in their children): the measure of a document's size that memory and
// speed scale with.
func TextBytes(blocks []Block) int {
	n := 0
	Walk(blocks, func(b Block) bool {
		n += BlockTextBytes(b)
		return true
	})
	return n
}

// BlockTextBytes is the length in bytes of the text of b's own runs when b is a heading,
// a paragraph or a list item (its children aside), 0 for other blocks.
func BlockTextBytes(b Block) int {
	var ins []Inline
	switch x := b.(type) {
	case *Paragraph:
		ins = x.Inlines
	case *Heading:
		ins = x.Inlines
	case *ListItem:
		ins = x.Inlines
	}
	n := 0
	for _, in := range ins {
		n += len(in.Text)
	}
	return n
}

// Texts returns a single plain run holding s, the common case for readers of raw text.
func Texts(s string, line int) []Inline {
	return []Inline{{Kind: KindText, Text: s, Line: line}}
}

// SetLocalized records a field given per language ("title", "subtitle", "body", "session",
// "agendaItem"): every language's text in Localized, and the plain field set to the one that
// stands for all versions without their own (see PickLocalized).
func (m *Metadata) SetLocalized(field string, byLang map[string]string) {
	if m.Localized == nil {
		m.Localized = map[string]map[string]string{}
	}
	m.Localized[field] = byLang
	m.SetField(field, PickLocalized(byLang))
}

// SetField sets the text field of m named as in JSON ("title", "agendaItem", "venue"…) to
// v, and reports whether there is such a field. Fields that are not plain text (timeStart
// and timeEnd given as one range, recycle, participants) are set by their callers.
func (m *Metadata) SetField(field, v string) bool {
	p := map[string]*string{
		"title": &m.Title, "subtitle": &m.Subtitle, "body": &m.Body, "symbol": &m.Symbol,
		"distribution": &m.Distribution, "date": &m.Date, "timeStart": &m.TimeStart,
		"timeEnd": &m.TimeEnd, "venue": &m.Venue, "originalLang": &m.OriginalLang,
		"original": &m.Original, "lang": &m.Lang, "session": &m.Session,
		"agendaItem": &m.AgendaItem, "jobNumber": &m.JobNumber,
	}[field]
	if p == nil {
		return false
	}
	*p = v
	return true
}

// PickLocalized returns the text of a field given per language that stands for it in a
// version without its own: English, else the first language in tag order.
func PickLocalized(byLang map[string]string) string {
	if v := byLang["en"]; v != "" {
		return v
	}
	tags := make([]string, 0, len(byLang))
	for t := range byLang {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	for _, t := range tags {
		if byLang[t] != "" {
			return byLang[t]
		}
	}
	return ""
}

// LocalizedTags checks and normalizes the languages of a field given per language: tags are
// lower-cased and reduced to their base language ("fr-CA" is "fr"), text is trimmed.
func LocalizedTags(byLang map[string]string) (map[string]string, error) {
	out := make(map[string]string, len(byLang))
	for tag, text := range byLang {
		t := strings.ToLower(strings.TrimSpace(tag))
		if base, _, ok := strings.Cut(t, "-"); ok {
			t = base
		}
		if t == "" {
			return nil, fmt.Errorf("a language tag is empty")
		}
		out[t] = strings.TrimSpace(text)
	}
	return out, nil
}

// Introduces reports whether a paragraph with these children introduces the quotation or
// list that follows it (its first child), so writers keep it with their first lines.
func Introduces(children []Block) bool {
	if len(children) == 0 {
		return false
	}
	switch children[0].(type) {
	case *Quote, *List, *ListItem:
		return true
	}
	return false
}
