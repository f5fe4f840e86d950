package chat

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

// itemKind is what a piece of the minutes is.
type itemKind int

const (
	itemTurn    itemKind = iota // a speaker's turn, or a line of the scribe's own
	itemHeading                 // a topic
	itemLine                    // a labelled line (RESOLUTION:, ACTION:, a vote tally)
)

// item is a piece of the minutes before it becomes a block. Items are kept until the end
// so corrections and continuations can still change them.
type item struct {
	kind    itemKind
	level   int
	speaker string
	parts   []string
	bullets []string
	line    int
	why     string
}

// text joins the item's parts. Each part was typed as a line of its own, so a part that
// does not end a sentence gets a full stop before the next: "relevant because of X. Would
// like to see Y", not one run-on phrase.
func (it *item) text() string {
	var b strings.Builder
	for i, p := range it.parts {
		p = oneLine(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			if i > 0 && needsStop(b.String()) {
				b.WriteByte('.')
				p = capitalise(p)
			}
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}

// capitalise upper-cases the first letter of a sentence.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// needsStop reports text that ends without sentence punctuation, on a letter or digit.
func needsStop(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// builder reads entries in order.
type builder struct {
	opts   Options
	items  []*item
	people people
	// scribes are the nicks (lower-cased) minuting the meeting.
	scribes map[string]bool
	// lastScribed is the turn a scribe's "..." line continues.
	lastScribed *item
	// votes is the run of votes being read.
	votes []vote
	// roles in the order they were given, and their lines.
	present, regrets, chairs, scribeNames, agenda []string
	presentSet                                    map[string]bool
	rolesLine                                     int
	title, date                                   string
	titleLine, dateLine                           int
}

type vote struct {
	token, voter string
	line         int
}

func newBuilder(opts Options) *builder {
	return &builder{opts: opts, scribes: map[string]bool{}, presentSet: map[string]bool{}}
}

var (
	continuationRe = lazyre.New(`^(?:\.\.\.+|…)\s*(.*)$`)
	decisionRe     = lazyre.New(`(?i)^(RESOLUTION|RESOLVED|ACTION|PROPOSED|PROPOSAL|DECISION|AGREED|SUMMARY)\b\s*[:：-]`)
	voteRe         = lazyre.New(`^(?:[+-]1|[+-]?0|\+1000)\s*[.!]*$`)
	urlOnlyRe      = lazyre.New(`^https?://\S+$`)
	// speakerRe is "speaker: text" as scribes type it: a short name before a colon.
	speakerRe = lazyre.New(`^([^\s:][^:]{0,39}?)\s*:\s+(\S.*)$`)
	// sideRe is a side-chatter line quoted in text minutes: "<nick> text".
	sideRe = lazyre.New(`^<([^<>\s]{1,40})>\s*(.*)$`)
)

// notSpeakers are labels a scribe types before a colon that name no one.
var notSpeakers = map[string]bool{
	"topic": true, "subtopic": true, "agenda": true, "note": true, "notes": true, "action": true,
	"resolution": true, "resolved": true, "proposed": true, "proposal": true, "summary": true,
	"present": true, "regrets": true, "chair": true, "chairs": true, "scribe": true, "date": true,
	"meeting": true, "decision": true, "agreed": true, "question": true, "answer": true, "issue": true,
	"see": true, "link": true, "slides": true, "minutes": true, "http": true, "https": true,
	"e.g": true, "i.e": true, "re": true, "fyi": true, "ps": true, "todo": true, "update": true,
}

// entry reads one message.
func (b *builder) entry(e Entry) {
	text := strings.TrimSpace(e.Text)
	nick := strings.TrimSpace(e.Nick)
	if text == "" || IsBot(nick) {
		return
	}
	if nick != "" {
		b.people.add(nick)
	}
	if e.Speaker != "" {
		b.endVotes()
		b.turn(b.people.resolve(e.Speaker), text, e.Line, "a speaker's turn, as the minutes name it", true)
		return
	}
	if !e.Action {
		if c := parseCommand(firstLine(text)); c.kind != cmdNone {
			b.command(c, nick, e.Line)
			if _, rest, ok := strings.Cut(text, "\n"); ok {
				// Lines pasted under a command are a message of their own.
				b.entry(Entry{Nick: e.Nick, Text: rest, Line: e.Line, Side: e.Side})
			}
			return
		}
	}
	if nick == "" && b.opts.Scribed && !e.Side {
		if m := sideRe.FindStringSubmatch(text); m != nil {
			b.entry(Entry{Nick: m[1], Text: m[2], Line: e.Line, Side: true})
			return
		}
	}
	if voteRe.MatchString(text) && nick != "" && (e.Side || !b.scribes[strings.ToLower(nick)]) {
		b.votes = append(b.votes, vote{token: text, voter: Display(nick), line: e.Line})
		return
	}
	b.endVotes()
	switch {
	case e.Action:
		b.add(&item{kind: itemTurn, parts: []string{Display(nick) + " " + text}, line: e.Line, why: "an action (/me) in the log"})
	case e.Side || nick != "" && !b.scribes[strings.ToLower(nick)] && !b.minutesFor(nick, text):
		b.sideLine(nick, text, e.Line)
	default:
		if nick != "" && !b.scribes[strings.ToLower(nick)] {
			// Someone minuting for the scribe (who is speaking) scribes too.
			b.scribeNames = appendNew(b.scribeNames, b.people.resolve(nick))
		}
		b.scribeLine(nick, text, e.Line)
	}
}

// minutesFor reports a message typed by nick that minutes someone else's words
// ("mprorock: one of the calls…" typed by manu while mprorock spoke): a known person
// named before a colon.
func (b *builder) minutesFor(nick, text string) bool {
	m := speakerRe.FindStringSubmatch(firstLine(text))
	return m != nil && !strings.EqualFold(Display(m[1]), Display(nick)) && b.people.known(m[1])
}

// sideLine is a message in a participant's own name.
func (b *builder) sideLine(nick, text string, line int) {
	lead, bullets := splitBullets(text)
	if len(bullets) > 0 {
		b.add(&item{kind: itemTurn, speaker: b.people.resolve(nick), parts: []string{lead}, bullets: bullets, line: line,
			why: "a message of the log, its pasted bullets a list"})
		return
	}
	if !strings.Contains(text, "\n") {
		// A lone bullet typed as a message is a sentence, not a list.
		for _, m := range []string{"* ", "- ", "• "} {
			text = strings.TrimPrefix(text, m)
		}
	}
	b.turn(b.people.resolve(nick), text, line, "a message of the log, in the name of who typed it", false)
}

// scribeLine reads a line of minutes: a continuation, a labelled line, a speaker's turn,
// or the scribe's own words.
func (b *builder) scribeLine(nick, text string, line int) {
	first := firstLine(text)
	switch {
	case continuationRe.MatchString(first):
		rest := continuationRe.FindStringSubmatch(first)[1]
		if _, more, ok := strings.Cut(text, "\n"); ok {
			rest += " " + more
		}
		rest = oneLine(rest)
		if b.lastScribed != nil {
			if rest != "" {
				b.lastScribed.parts = append(b.lastScribed.parts, rest)
			}
			return
		}
		b.add(&item{kind: itemTurn, parts: []string{rest}, line: line, why: "a scribe's continued line"})
	case decisionRe.MatchString(first):
		b.lastScribed = nil
		b.add(&item{kind: itemLine, parts: []string{oneLine(text)}, line: line, why: "a labelled line of the minutes (" + strings.ToUpper(decisionRe.FindStringSubmatch(first)[1]) + ")"})
	case nick != "" && strings.HasPrefix(first, "+1") || nick != "" && strings.HasPrefix(first, "-1"):
		// A scribe's own vote or comment on a vote ("+1 Brent is solid on the topic").
		b.turn(b.people.resolve(nick), text, line, "a scribe's own message (a vote)", true)
	case urlOnlyRe.MatchString(first) && b.lastScribed != nil:
		b.lastScribed.parts = append(b.lastScribed.parts, oneLine(text))
	default:
		if lead, bullets := splitBullets(text); len(bullets) > 0 {
			b.lastScribed = nil
			b.add(&item{kind: itemTurn, parts: []string{lead}, bullets: bullets, line: line, why: "a line of the minutes with its list"})
			return
		}
		if m := speakerRe.FindStringSubmatch(first); m != nil && speakerLike(m[1]) {
			rest := strings.TrimSpace(text[strings.Index(text, m[2]):])
			b.turn(b.people.resolve(m[1]), rest, line, "a scribe's line \"speaker: text\"", true)
			return
		}
		b.lastScribed = nil
		b.add(&item{kind: itemTurn, parts: []string{oneLine(text)}, line: line, why: "a scribe's line without a speaker"})
	}
}

// speakerLike reports a prefix that can name a speaker: at most four words, no URL, not a
// label.
func speakerLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(strings.Fields(s)) > 4 || strings.ContainsAny(s, "/@()[]{}<>\"") {
		return false
	}
	return !notSpeakers[strings.ToLower(s)]
}

// turn adds text to the turn of speaker: the last item when it is that speaker's turn
// (consecutive messages of one speaker are one paragraph), else a new turn.
func (b *builder) turn(speaker, text string, line int, why string, scribed bool) {
	text = oneLine(text)
	if n := len(b.items); n > 0 {
		last := b.items[n-1]
		if last.kind == itemTurn && last.speaker != "" && strings.EqualFold(last.speaker, speaker) && len(last.bullets) == 0 {
			last.parts = append(last.parts, text)
			if scribed {
				b.lastScribed = last
			}
			return
		}
	}
	it := &item{kind: itemTurn, speaker: speaker, parts: []string{text}, line: line, why: why}
	b.add(it)
	if scribed {
		b.lastScribed = it
	}
}

func (b *builder) add(it *item) {
	b.items = append(b.items, it)
}

// endVotes turns a run of votes into one line per vote ("+1: Ana, Bo"); a single vote is
// an ordinary message.
func (b *builder) endVotes() {
	vs := b.votes
	b.votes = nil
	if len(vs) == 1 {
		b.turn(vs[0].voter, vs[0].token, vs[0].line, "a message of the log, in the name of who typed it", false)
		return
	}
	var order []string
	by := map[string][]string{}
	first := map[string]int{}
	for _, v := range vs {
		t := strings.TrimRight(v.token, ".! ")
		if _, ok := by[t]; !ok {
			order = append(order, t)
			first[t] = v.line
		}
		by[t] = append(by[t], v.voter)
	}
	for _, t := range order {
		b.add(&item{kind: itemLine, parts: []string{t + ": " + strings.Join(by[t], ", ")}, line: first[t],
			why: "a run of votes, one line per vote"})
	}
}

// command applies a command.
func (b *builder) command(c command, nick string, line int) {
	b.endVotes()
	if b.rolesLine == 0 {
		b.rolesLine = line
	}
	switch c.kind {
	case cmdPresent:
		who := names(c.arg)
		if len(who) == 0 && nick != "" {
			who = []string{nick}
		}
		for _, n := range who {
			b.people.add(n)
			d := Display(n)
			if k := strings.ToLower(d); !b.presentSet[k] {
				b.presentSet[k] = true
				b.present = append(b.present, d)
			}
		}
	case cmdAbsent:
		who := names(c.arg)
		if len(who) == 0 && nick != "" {
			who = []string{nick}
		}
		for _, n := range who {
			k := strings.ToLower(Display(n))
			if b.presentSet[k] {
				delete(b.presentSet, k)
				b.present = remove(b.present, k)
			}
		}
	case cmdRegrets:
		for _, n := range names(c.arg) {
			b.regrets = appendNew(b.regrets, Display(n))
		}
	case cmdScribe:
		who := c.arg
		if who == "" {
			who = nick
		}
		if who != "" {
			b.scribes[strings.ToLower(strings.TrimRight(who, "_"))] = true
			b.people.add(who)
			b.scribeNames = appendNew(b.scribeNames, Display(who))
		}
	case cmdScribeOff:
		who := c.arg
		if who == "" {
			who = nick
		}
		delete(b.scribes, strings.ToLower(strings.TrimRight(who, "_")))
	case cmdChair:
		for _, n := range names(c.arg) {
			b.people.add(n)
			b.chairs = appendNew(b.chairs, Display(n))
		}
	case cmdAgenda:
		if a := oneLine(c.arg); a != "" {
			b.agenda = append(b.agenda, a)
		}
	case cmdMeeting:
		if b.title == "" && strings.TrimSpace(c.arg) != "" {
			b.title, b.titleLine = oneLine(c.arg), line
		}
	case cmdDate:
		if b.date == "" {
			b.date, b.dateLine = oneLine(c.arg), line
		}
	case cmdTopic, cmdSubtopic:
		b.lastScribed = nil
		level := 1
		if c.kind == cmdSubtopic {
			level = 2
		}
		b.add(&item{kind: itemHeading, level: level, parts: []string{c.arg}, line: line, why: "a topic of the meeting (\"Topic:\")"})
	case cmdLabelled:
		b.lastScribed = nil
		text := oneLine(c.arg)
		if text == "" {
			return
		}
		if c.label != "" {
			text = c.label + ": " + text
		}
		b.add(&item{kind: itemLine, parts: []string{text}, line: line, why: "a meeting-bot line (#agreed, #action, #info)"})
	case cmdCorrection:
		b.correct(c)
	}
}

// correct applies "s/old/new/" to the latest item holding old (the scribe fixing a line
// just typed); "/g" replaces every occurrence in it.
func (b *builder) correct(c command) {
	for k := len(b.items) - 1; k >= 0 && k >= len(b.items)-30; k-- {
		it := b.items[k]
		for j := len(it.parts) - 1; j >= 0; j-- {
			if strings.Contains(it.parts[j], c.old) {
				n := 1
				if c.all {
					n = -1
				}
				it.parts[j] = strings.Replace(it.parts[j], c.old, c.new, n)
				return
			}
		}
	}
}

// result builds the blocks: the roles first, as labelled lines, then the items.
func (b *builder) result() Result {
	b.endVotes()
	var blocks []model.Block
	pos := func(line int) model.Pos { return model.Pos{File: b.opts.File, Line: max(line, 1)} }
	role := func(label string, values []string) {
		if len(values) == 0 {
			return
		}
		text := label + ": " + strings.Join(values, ", ")
		blocks = append(blocks, &model.Paragraph{Pos: pos(b.rolesLine), Inlines: Linkify(text, b.rolesLine), Numbered: true,
			Why: "the meeting's " + strings.ToLower(label) + " from the log's commands"})
	}
	chairs := make([]string, 0, len(b.chairs))
	for _, c := range b.chairs {
		chairs = appendNew(chairs, b.people.resolve(c)) // "chair: manu" names Manu Sporny
	}
	role("Chair", chairs)
	role("Scribe", b.scribeNames)
	role("Present", b.present)
	role("Regrets", b.regrets)
	role("Agenda", b.agenda)
	for _, it := range b.items {
		text := it.text()
		switch it.kind {
		case itemHeading:
			if text != "" {
				blocks = append(blocks, &model.Heading{Pos: pos(it.line), Level: it.level, Inlines: Linkify(text, it.line), Why: it.why})
			}
		default:
			if it.speaker != "" {
				text = it.speaker + ": " + text
				if len(it.bullets) > 0 && strings.TrimSpace(it.text()) == "" {
					text = it.speaker + ":"
				}
			}
			if strings.TrimSpace(text) == "" {
				continue
			}
			para := &model.Paragraph{Pos: pos(it.line), Inlines: Linkify(text, it.line), Numbered: true, Why: it.why}
			if len(it.bullets) > 0 {
				l := &model.List{Pos: pos(it.line), Depth: 1, Why: "bullets pasted in one message"}
				for _, bl := range it.bullets {
					l.Items = append(l.Items, &model.ListItem{Pos: pos(it.line), Marker: "*", Inlines: Linkify(bl, it.line)})
				}
				para.Children = []model.Block{l}
			}
			blocks = append(blocks, para)
		}
	}
	return Result{Blocks: blocks, Title: b.title, Date: b.date, TitleLine: b.titleLine, DateLine: b.dateLine}
}

// splitBullets splits a message pasted over several lines into its lead text and its
// bullet lines ("* a", "- b"), when at least two of its lines are bullets.
func splitBullets(text string) (lead string, bullets []string) {
	lines := strings.Split(text, "\n")
	if len(lines) < 2 {
		return text, nil
	}
	var leads []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "* "), strings.HasPrefix(t, "- "), strings.HasPrefix(t, "• "):
			bullets = append(bullets, strings.TrimSpace(t[2:]))
		case t != "":
			if len(bullets) > 0 {
				bullets[len(bullets)-1] += " " + t
			} else {
				leads = append(leads, t)
			}
		}
	}
	if len(bullets) < 2 {
		return text, nil
	}
	return strings.Join(leads, " "), bullets
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(first)
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

func remove(list []string, key string) []string {
	out := list[:0]
	for _, x := range list {
		if strings.ToLower(x) != key {
			out = append(out, x)
		}
	}
	return out
}

// Linkify makes runs of text, addresses as link runs (those model.LinkTarget keeps).
func Linkify(text string, line int) []model.Inline {
	var out []model.Inline
	for text != "" {
		loc := urlRe.FindStringIndex(text)
		if loc == nil {
			break
		}
		url := strings.TrimRight(text[loc[0]:loc[1]], ".,;:!?)'\"")
		if loc[0] > 0 {
			out = append(out, model.Inline{Kind: model.KindText, Text: textrun.Clean(text[:loc[0]]), Line: line})
		}
		out = append(out, model.LinkRun(textrun.Clean(url), url, line))
		text = text[loc[0]+len(url):]
	}
	if text != "" {
		out = append(out, model.Inline{Kind: model.KindText, Text: textrun.Clean(text), Line: line})
	}
	return out
}

var urlRe = lazyre.New(`(?i)\bhttps?://[^\s<>"]+`)
