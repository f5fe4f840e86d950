package normalize

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Structure applies the UN rules of paragraphs and subparagraphs to whatever structure the
// reader found, so bullet-only minutes become a report: every substantive statement is a
// numbered paragraph, and subparagraphs (a), (b) exist only under a paragraph that
// introduces them.
//
//   - A list stays under the paragraph before it only when that paragraph introduces it:
//     it ends with a colon, or with a lead-in such as "as follows" or "the following".
//   - Otherwise the list's top-level items become numbered paragraphs, their sub-items
//     subparagraphs of them; a top-level item that is a short label with sub-items
//     ("- Transport" over bullets) is a heading one level below the current one; a bare
//     "Name:" or "Name (role):" item over bullets makes each bullet a paragraph spoken by
//     that name.
//   - A list of short items none of which is a statement, with nothing to introduce it (an
//     agenda, a list of topics), stays a list; so does the list under an agenda's heading
//     ("Agenda", "Ordre du jour"), however long its items, unless discussion is typed
//     under them.
//   - Typed outline numbers ("2. Approval of agenda", "A. Chairman") leave headings, and
//     short agenda items typed with them become headings (outline.go).
//   - A heading has no final colon ("Discussion:" typed as a heading).
//   - A paragraph wholly in brackets ("(Not minuted.)", "[Ask for slides]") is the
//     note-taker's remark: an unnumbered note, whichever reader kept it as a paragraph.
//   - A heading never skips a level: "###" right under "#" becomes a section, so the
//     numbering reads I. → A. → 1.
//
// Paragraphs it makes say why in inspect. It runs before speaker detection, which then sees
// the paragraphs it made.
type Structure struct{}

// Name returns "structure".
func (Structure) Name() string { return "structure" }

// The reasons Structure gives.
const (
	whyStatement   = "paragraph: top-level bullet, a full statement, no lead-in above"
	whyNotLeadIn   = "paragraph: a bullet the paragraph above does not introduce (it does not end with a colon or a lead-in)"
	whyListKept    = "list: short items, mostly not statements, with nothing to introduce them (an agenda, a list of topics); kept as a list"
	whyLabelHead   = "heading: a short label with sub-items, one level below the heading above"
	whySpokenItem  = "paragraph: a bullet under %q, spoken by %s"
	whyLoneItem    = "paragraph: a lone bullet with nothing to introduce it; a report has no (a) without a (b)"
	whyTally       = "list: a vote tally (for, against, abstentions), kept as typed; not decisions"
	whyAgenda      = "list: the items of the agenda, under its heading; kept as a list"
	whyBracketNote = "note: the whole paragraph is in brackets, an editorial remark; not numbered"
)

// tally reports a list that counts a vote: every item a tally label and a number ("Pour :
// 7", "Contre : 0", "Abstention : 0"; "Against: 2"), at least two items.
func (s *structurer) tally(l *model.List) bool {
	n := 0
	for _, it := range l.Items {
		if it == nil {
			continue
		}
		_, k, value, ok := s.labels.splitLabel(model.PlainText(it.Inlines))
		if !ok || k != labelTally || len(it.Children) > 0 || !startsWithDigit(value) {
			return false
		}
		n++
	}
	return n >= 2
}

// loneItem reports a list of one item with nothing under it.
func loneItem(l *model.List) bool {
	n := 0
	for _, it := range l.Items {
		if it == nil {
			continue
		}
		if n++; len(it.Children) > 0 {
			return false
		}
	}
	return n == 1
}

// withoutFinalColon returns ins without the colon that ends a label ("Avantage :"): a
// heading has none.
func withoutFinalColon(ins []model.Inline) []model.Inline {
	i := lastTextRun(ins)
	if i < 0 {
		return ins
	}
	t := strings.TrimRightFunc(ins[i].Text, unicode.IsSpace)
	if !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "：") {
		return ins
	}
	_, size := utf8.DecodeLastRuneInString(t)
	out := append([]model.Inline(nil), ins...)
	out[i].Text = strings.TrimRightFunc(t[:len(t)-size], unicode.IsSpace)
	return out
}

func startsLowerCase(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " *_"))
	return unicode.IsLower(r)
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return unicode.IsDigit(r)
}

// bareSpeaker is the package's bareSpeaker, without the labels that name no one
// ("Avantage :", "Pros:", "Pour :" over bullets are a label, not a person).
func (s *structurer) bareSpeaker(text string) (string, bool) {
	name, ok := bareSpeaker(text)
	if !ok {
		return "", false
	}
	switch s.labels.kind(name) {
	case labelNone, labelChair, labelSecretary:
		return name, true
	}
	return "", false
}

// Apply restructures doc in place.
func (Structure) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "structure", doc, func() error {
		set, err := localeSet("structure", doc, env)
		if err != nil {
			return err
		}
		s := newStructurer(set)
		doc.Blocks = s.blocks(outline(doc.Blocks))
		closeHeadingGaps(doc.Blocks)
		return nil
	})
}

// newStructurer reads the lead-ins, number words and labels of every locale of set.
func newStructurer(set *locales.Set) *structurer {
	s := &structurer{intro: introducers(set), cardinals: map[int][]cardinal{}, labels: labelVocab(set), introByLast: [][]string{nil}}
	for _, w := range s.intro {
		s.introRunes = max(s.introRunes, utf8.RuneCountInString(w))
		if w == "" || s.introGroup[w[len(w)-1]] == 0 && len(s.introByLast) > 255 {
			// (No index left for a group: in data that ends words in more bytes than
			// UTF-8 has, the rest are compared with every paragraph.)
			s.introAny = append(s.introAny, w)
		} else {
			c := w[len(w)-1]
			if s.introGroup[c] == 0 {
				s.introByLast = append(s.introByLast, nil)
				s.introGroup[c] = uint8(len(s.introByLast) - 1)
			}
			s.introByLast[s.introGroup[c]] = append(s.introByLast[s.introGroup[c]], w)
		}
	}
	for _, loc := range set.All() {
		for i, w := range loc.Minutes.Cardinals {
			s.cardinals[i+2] = append(s.cardinals[i+2], cardinal{w, w != "" && isCJKRune([]rune(w)[0])})
		}
	}
	return s
}

// structurer holds the lead-in endings and the number words of every language.
type structurer struct {
	intro []string
	// introRunes is the length in runes of the longest of intro.
	introRunes int
	// introByLast are the lead-ins of intro by their last byte, which the end of a
	// paragraph must have for one of them to end it; introAny the empty ones, if any.
	// introGroup[c] is the index in introByLast of those ending in byte c, 0 (an empty
	// group) for none: a table of bytes, not of 256 slices, for each document.
	introGroup  [256]uint8
	introByLast [][]string
	introAny    []string
	// cardinals[n] are the words for n (2 to 10).
	cardinals map[int][]cardinal
	// labels name the sections whose lists are decided by their heading: the items under
	// "Decisions" or "Action items" are paragraphs, however short.
	labels vocab
	// section is the kind of the label of the heading above (labelNone for none).
	section labelKind
}

// cardinal is a number word, and whether it is Chinese (counted with a measure word).
type cardinal struct {
	word string
	cjk  bool
}

// introducers collects the lead-in endings of every locale, longest first.
func introducers(set *locales.Set) []string {
	var out []string
	for _, loc := range set.All() {
		out = append(out, loc.Minutes.Introducers...)
	}
	return out
}

// introduces reports a paragraph that introduces the lists under it: one that ends with a
// colon or a lead-in, or that names as many things as a list has items ("Two additional
// documents, …, would be taken note of" over two bullets describing them).
func (s *structurer) introduces(p *model.Paragraph, text string) bool {
	if s.leadIn(text) {
		return true
	}
	if l, ok := firstList(p.Children); ok && s.announces(text, len(l.Items)) {
		return true
	}
	return false
}

// announces reports text that holds the number n as a word or in digits followed by a word
// ("two documents", "3 points").
func (s *structurer) announces(text string, n int) bool {
	num := strconv.Itoa(n)
	cards := s.cardinals[n]
	afterNum := false // the word before is n in digits
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if afterNum && !isDigits(w) {
			return true
		}
		afterNum = w == num
		for _, c := range cards {
			// (cjkCount looks for c followed by a measure word: c must be there.)
			if w == c.word || c.cjk && strings.Contains(w, c.word) && cjkCount(w, c.word) {
				return true
			}
		}
	}
	return false
}

// cjkCount reports a Chinese number word with a measure word ("两个", "三项", "四点"):
// alone, the character is as often part of an ordinal ("第三次").
func cjkCount(run, c string) bool {
	for _, m := range []string{"个", "項", "项", "点", "點", "条", "條", "份"} {
		if strings.Contains(run, c+m) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// leadIn reports a paragraph that ends with a colon or a lead-in phrase.
func (s *structurer) leadIn(text string) bool {
	text = strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("*_)”’\"'", r)
	})
	if strings.HasSuffix(text, ":") || strings.HasSuffix(text, "：") {
		return true
	}
	// Only the end can match: one rune more than the longest lead-in, for the letter test
	// before it, is folded instead of the whole paragraph (lower-casing maps rune to rune).
	var buf [64]byte
	lower := lowerTail(lastRunes(trimDots(text), s.introRunes+1), &buf)
	ends := s.introAny
	if lower != "" {
		// A lead-in ends lower only if its last byte does.
		ends = s.introByLast[s.introGroup[lower[len(lower)-1]]]
	}
	for _, ws := range [][]string{ends, s.introAny} {
		for _, w := range ws {
			if strings.HasSuffix(lower, w) && (len(lower) == len(w) || !isLetterBefore(lower, len(lower)-len(w))) {
				return true
			}
		}
	}
	return false
}

// lowerTail is strings.ToLower(t), in buf when t is short and ASCII (most ends of
// paragraphs): a copy on the heap for each paragraph was most of leadIn's allocations.
func lowerTail(t string, buf *[64]byte) string {
	if len(t) > len(buf) {
		return strings.ToLower(t)
	}
	upper := false
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(t)
		}
		upper = upper || isUpperByte(c)
	}
	if !upper {
		return t
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if isUpperByte(c) {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return unsafe.String(&buf[0], len(t))
}

// trimDots is strings.TrimRight(s, ".…"), without its generic path for a cutset that
// is not ASCII.
func trimDots(s string) string {
	for {
		switch {
		case strings.HasSuffix(s, "."):
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "…"):
			s = s[:len(s)-len("…")]
		default:
			return s
		}
	}
}

// lastRunes is the end of s, n runes long (all of s when shorter).
func lastRunes(s string, n int) string {
	// When the last n bytes are ASCII they are the last n runes (an ASCII byte is a rune
	// of its own, whatever stands before it).
	if n > 0 {
		if tail := s[max(len(s)-n, 0):]; model.ASCII(tail) {
			return tail
		}
	}
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// isLetterBefore reports a letter just before byte i of s (so "following" does not end
// "the following" inside "nonfollowing").
func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// blocks restructures a run of top-level blocks.
func (s *structurer) blocks(in []model.Block) []model.Block {
	out := make([]model.Block, 0, len(in))
	level := 0
	for _, b := range in {
		switch n := b.(type) {
		case *model.Heading:
			level = n.Level
			s.section = s.labels.kind(headingLabel(n))
			// "Discussion:" typed as a heading: a heading has no colon.
			n.Inlines = withoutFinalColon(n.Inlines)
			out = append(out, n)
		case *model.Paragraph:
			// Its text, asked below by each rule, is joined once (when it has several runs).
			text := model.PlainText(n.Inlines)
			// "(Not minuted.)", "[Ask for slides]": a remark of the note-taker, whatever
			// reader kept it as a paragraph.
			if n.Numbered && n.Kind == "" && n.Speaker == "" && len(n.Children) == 0 && model.Bracketed(text) {
				out = append(out, &model.Note{Pos: n.Pos, Inlines: n.Inlines, ID: n.ID, Why: whyBracketNote})
				continue
			}
			if name, ok := s.bareSpeaker(text); ok && n.Kind == "" {
				if l, ok := soleList(n); ok && !l.Nested {
					out = append(out, spokenItems(l, name, n.Inlines)...)
					continue
				}
			}
			if n.Kind == "" && !s.introduces(n, text) {
				kept, loose := detachLists(n)
				n.Children = kept
				out = append(out, n)
				for _, l := range loose {
					out = append(out, s.promote(l, level, whyNotLeadIn)...)
				}
				continue
			}
			out = append(out, n)
		case *model.List:
			out = append(out, s.promote(n, level, whyStatement)...)
		default:
			out = append(out, b)
		}
	}
	return out
}

// detachLists splits a paragraph's children into those it keeps (quotations, the sub-points
// of the bullet it was made from) and the lists it does not introduce.
func detachLists(p *model.Paragraph) (kept []model.Block, loose []*model.List) {
	for _, c := range p.Children {
		if l, ok := c.(*model.List); ok && !l.Nested {
			loose = append(loose, l)
			continue
		}
		kept = append(kept, c)
	}
	return kept, loose
}

// promote turns a list that nothing introduces into the blocks of a report, under a
// heading of the given level (0 for none). why is the reason of its statement paragraphs.
func (s *structurer) promote(l *model.List, level int, why string) []model.Block {
	if s.tally(l) {
		l.Why = whyTally
		setDepths(l, 1)
		return []model.Block{l}
	}
	// Under "Agenda" or "Ordre du jour" the items are the agenda's, however long ("Lecture
	// et adoption des statuts"), unless discussion was typed under them.
	if s.section == labelAgenda && !loneItem(l) && !discussed(l) {
		l.Why = whyAgenda
		setDepths(l, 1)
		return []model.Block{l}
	}
	// Under "Decisions" or "Action items" every item is a record, however short; a lone
	// item is no list either: a report has no (a) without a (b).
	if s.section != labelDecision && s.section != labelAction && !anyStatement(l) {
		if !loneItem(l) {
			l.Why = whyListKept
			setDepths(l, 1)
			return []model.Block{l}
		}
		why = whyLoneItem
	}
	var out []model.Block
	for _, it := range l.Items {
		if it == nil {
			continue
		}
		text := strings.TrimSpace(model.PlainText(it.Inlines))
		sub, hasSub := firstList(it.Children)
		if name, ok := s.bareSpeaker(text); ok && hasSub {
			out = append(out, spokenItems(sub, name, it.Inlines)...)
			continue
		}
		// "discussed a couple open issues:" in lower case is a lead-in that runs on from
		// the line before, not a label: a paragraph over its subparagraphs.
		if hasSub && isLabel(text) && !startsLowerCase(text) {
			lv := min(level+1, 3)
			out = append(out, &model.Heading{Pos: it.Pos, Level: lv, Inlines: withoutFinalColon(it.Inlines), Why: whyLabelHead})
			// What follows is under the new heading, as a second pass would see it.
			s.section = s.labels.kind(strings.TrimRight(text, ":："))
			out = append(out, s.promote(sub, lv, whyStatement)...)
			continue
		}
		out = append(out, itemParagraph(it, why))
	}
	return out
}

// itemParagraph makes a numbered paragraph of a list item, its sub-lists subparagraphs.
func itemParagraph(it *model.ListItem, why string) *model.Paragraph {
	p := &model.Paragraph{Pos: it.Pos, Inlines: it.Inlines, Numbered: true, Children: it.Children, Why: why}
	for _, c := range p.Children {
		if l, ok := c.(*model.List); ok {
			setDepths(l, 1)
			l.Nested = true
		}
	}
	return p
}

// spokenItems makes each item of l a paragraph spoken by name, as minutes write a speaker's
// points as bullets under "Name:". label is the runs of the "Name:" line, kept nowhere
// else: the speaker field carries the name.
func spokenItems(l *model.List, name string, label []model.Inline) []model.Block {
	var out []model.Block
	why := fmt.Sprintf(whySpokenItem, strings.TrimSpace(model.PlainText(label)), name)
	for _, it := range l.Items {
		if it == nil {
			continue
		}
		p := itemParagraph(it, why)
		p.Speaker = name
		out = append(out, p)
	}
	return out
}

// firstList returns the first list among a block's children.
func firstList(kids []model.Block) (*model.List, bool) {
	for _, c := range kids {
		if l, ok := c.(*model.List); ok {
			return l, true
		}
	}
	return nil, false
}

// setDepths numbers the depth of l and the lists nested in its items from depth.
func setDepths(l *model.List, depth int) {
	l.Depth = depth
	for _, it := range l.Items {
		if it == nil {
			continue
		}
		for _, c := range it.Children {
			if sub, ok := c.(*model.List); ok {
				setDepths(sub, depth+1)
			}
		}
	}
}

// discussed reports a list with statements typed under its items: notes taken item by item
// under the agenda's heading, not the agenda.
func discussed(l *model.List) bool {
	for _, it := range l.Items {
		if it == nil {
			continue
		}
		for _, c := range it.Children {
			sub, ok := c.(*model.List)
			if !ok || anyStatement(sub) {
				return true
			}
		}
	}
	return false
}

// anyStatement reports a list that is the substance of the minutes, not an agenda or an
// enumeration: more than half of its items are statements or have sub-items. One long item
// among short topics ("Welcome", "Background and goals for the work ahead", "Close-out")
// does not make an agenda statements.
func anyStatement(l *model.List) bool {
	n, said := 0, 0
	for _, it := range l.Items {
		if it == nil {
			continue
		}
		n++
		if len(it.Children) > 0 || isStatement(model.PlainText(it.Inlines)) {
			said++
		}
	}
	return 2*said > n
}

// isStatement reports text that says something: a sentence, five words or more, or a
// speaker's words ("Ana: agreed").
func isStatement(text string) bool {
	text = strings.TrimSpace(text)
	if last, _ := utf8.DecodeLastRuneInString(text); strings.ContainsRune(",;，；、", last) {
		return false // one term of an enumeration that runs on into the next item
	}
	if endsWithStop(text) {
		return true
	}
	if _, ok := bareSpeaker(text); ok {
		return false
	}
	if i := strings.IndexAny(text, ":："); i > 0 && strings.TrimSpace(text[i+1:]) != "" {
		return true
	}
	return textUnits(text) >= 5
}

// isLabel reports a short label: at most six words (or twelve CJK characters), no final
// punctuation but an optional colon, not a statement.
func isLabel(text string) bool {
	text = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), ":："))
	if text == "" || textUnits(text) > 6 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".!?。！？;,；，", last)
}

// textUnits measures text in words, a CJK character counting half a word.
func textUnits(s string) int {
	words, cjk := 0, 0
	in := false
	for _, r := range s {
		switch {
		case isCJKRune(r):
			cjk++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				words++
			}
			in = true
		default:
			in = false
		}
	}
	return words + (cjk+1)/2
}

// reBareSpeaker matches a bare "Name:" or "Name (role):" line: one to four capitalised or
// lower-case name words, an optional parenthesis, a colon, nothing after.
func bareSpeaker(text string) (string, bool) {
	text = strings.TrimSpace(strings.Trim(strings.TrimSpace(text), "*_"))
	if !strings.HasSuffix(text, ":") && !strings.HasSuffix(text, "：") {
		return "", false
	}
	name := strings.TrimSpace(strings.TrimRight(strings.TrimRight(text, ":："), "*_ "))
	if m := reParens.FindStringSubmatch(name); m != nil && m[1] != "" {
		name = strings.TrimSpace(m[1])
	}
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 4 || !nameLike(name) {
		return "", false
	}
	// Every word but particles starts with a capital, or the name is one nickname.
	if len(words) > 1 {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(r) && len(w) > 3 {
				return "", false
			}
		}
	}
	return name, true
}

// closeHeadingGaps lowers a heading that skips levels below the one before it ("###"
// right under "#"), so numbering never jumps from a chapter to a subsection. Headings typed
// at one level keep one level among themselves: the second "####" under a "#" is a
// sibling of the first, not its child.
func closeHeadingGaps(blocks []model.Block) {
	type open struct{ typed, level int }
	var stack []open
	for _, b := range blocks {
		h, ok := b.(*model.Heading)
		if !ok {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].typed >= h.Level {
			stack = stack[:len(stack)-1]
		}
		want := 1
		if len(stack) > 0 {
			want = stack[len(stack)-1].level + 1
		}
		typed := h.Level
		if h.Level > want {
			h.Why = strings.TrimSpace(h.Why + fmt.Sprintf(" (level %d right under level %d: set to %d)", h.Level, want-1, want))
			h.Level = want
		}
		stack = append(stack, open{typed, h.Level})
	}
}
