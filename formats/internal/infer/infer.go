package infer

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scribe-un/scribe/formats/internal/frontmatter"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// item is a paragraph candidate: one line, or several joined (a hard-wrapped paragraph, a
// bullet with its continuation lines).
type item struct {
	ln
	// cueWhy explains an explicit heading cue.
	cueWhy string
	// why says why inference makes the item a heading (or why not).
	why string
	// lastLen is the length in characters of the last source line joined into the item,
	// lastIndent its indentation, lines how many source lines the item holds.
	lastLen, lastIndent, lines int32
	// quoteEnd is the index of the item that closes a quotation opened in this one at byte
	// quoteAt of its content; 0 when none. inQuote marks the items inside.
	quoteEnd, quoteAt int32
	// listN is the number of following items that form an unmarked list under this one.
	listN int32
	// blankBefore is set when a blank or separator line precedes the item.
	blankBefore bool
	// runIn is set on an item that is a run-in head ("BUDGET: …"): nothing joins it.
	runIn bool
	// heading is set when inference makes the item a heading.
	heading  bool
	inQuote  bool
	listItem bool
}

// maxLines caps the lines of text of one input. The document model costs a few hundred
// bytes per paragraph, so this keeps a hostile file of tiny lines (64 MiB of "a\n") from
// asking for gigabytes; real notes have a few thousand lines.
const maxLines = 1 << 21

// inferrer holds the state of one conversion; nothing is shared between conversions.
type inferrer struct {
	ctx      context.Context
	opts     model.ReadOptions
	maxDepth int
	doc      *model.Document
	items    []item
	// set is opts.Locales (checked); locs its six locales.
	set  *locales.Set
	locs []*locales.Locale
	// verbs are the reporting verbs of the notes' language: a line holding one is a statement
	// ("Canada agreed"), not a heading.
	verbs map[string]bool
}

func (in *inferrer) pos(line int32) model.Pos { return model.Pos{File: in.opts.Name, Line: int(line)} }

// i32 is n as an int32, the width of the numbers a line keeps (line, indentation, lengths),
// at most math.MaxInt32.
func i32(n int) int32 { return int32(min(n, math.MaxInt32)) }

// checkCtx polls for cancellation every few thousand steps.
func (in *inferrer) checkCtx(i int) error {
	if i&4095 == 0 {
		if err := in.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// run applies the rules to prepared lines. fm is the front matter, nil when none.
func run(ctx context.Context, lns []ln, opts model.ReadOptions, fm *frontmatter.Block) (*model.Document, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	set, err := opts.LocaleSet(stage)
	if err != nil {
		return nil, err
	}
	in := &inferrer{
		ctx: ctx, opts: opts, maxDepth: opts.Limits.WithDefaults().MaxDepth,
		doc: &model.Document{Source: opts.Name, Blocks: []model.Block{}},
		set: set, locs: set.All(),
	}
	if fm != nil {
		fm.Apply(&in.doc.Meta, in.pos(1))
	}
	in.language(lns)
	dropFurniture(lns)
	if err := in.assemble(lns); err != nil {
		return nil, err
	}
	lns = nil // the items hold what is needed; let the lines go
	_ = lns
	if len(in.items) == 0 {
		opts.Warnings.Warn(stage, model.Pos{File: opts.Name}, "no body text")
		return in.doc, nil
	}
	in.masthead()
	if err := in.quotes(); err != nil {
		return nil, err
	}
	in.headings()
	in.unmarkedLists()
	if err := in.build(); err != nil {
		return nil, err
	}
	return in.doc, nil
}

// language settles Meta.OriginalLang (front matter, else the user's --source-lang, else a
// guess from the text) and loads the reporting verbs of that language.
func (in *inferrer) language(lns []ln) {
	m := &in.doc.Meta
	switch {
	case m.OriginalLang != "":
	case in.opts.SourceLang != "":
		m.OriginalLang = in.opts.SourceLang
	default:
		var b strings.Builder
		for i := range lns {
			if b.Len() > 64<<10 {
				break
			}
			b.WriteString(lns[i].text)
			b.WriteByte('\n')
		}
		m.OriginalLang = locales.DetectLanguage(b.String())
	}
	in.verbs = map[string]bool{}
	if loc, err := in.set.Lookup(m.OriginalLang); err == nil && m.OriginalLang != "" {
		m.OriginalLang = loc.Tag
		for _, v := range loc.Speech.Verbs {
			in.verbs[strings.ToLower(v)] = true
		}
		return
	}
	// Language unknown: the verbs of all six, without the one- and two-letter ones that are
	// other words elsewhere (French "a" is Spanish "to").
	for _, loc := range in.locs {
		for _, v := range loc.Speech.Verbs {
			if utf8.RuneCountInString(v) > 2 {
				in.verbs[strings.ToLower(v)] = true
			}
		}
	}
}

// joinTo appends line l to item it, separated by a space.
func (it *item) joinTo(l *ln) {
	if it.ins != nil || l.ins != nil {
		a := it.ins
		if a == nil {
			a = model.Texts(it.text, int(it.line))
		}
		b := l.ins
		if b == nil {
			b = model.Texts(l.text, int(l.line))
		}
		joined := make([]model.Inline, 0, len(a)+len(b)+1)
		joined = append(joined, a...)
		joined = append(joined, model.Inline{Kind: model.KindText, Text: " ", Line: int(l.line)})
		it.ins = append(joined, b...)
	}
	it.text += " " + l.text
	it.units += l.units
	it.lastLen = i32(runeCount(l.text) + int(l.indent))
	it.lastIndent = l.indent
	it.lines++
}

// assemble turns lines into items: blank and separator lines become blankBefore flags,
// setext underlines promote the line above, bullet continuation lines and the lines of a
// hard-wrapped paragraph are joined.
func (in *inferrer) assemble(lns []ln) error {
	spans := blocks(lns)
	cur := 0 // the span of line i
	n := 0
	for i := range lns {
		if lns[i].kind != kBlank && lns[i].kind != kJunk && lns[i].kind != kUnder && lns[i].kind != kDrop {
			n++
		}
	}
	if n > maxLines {
		return errorAt(in.opts.Name, 0, model.ErrTooLarge, "%d lines of text, limit %d", n, maxLines)
	}
	in.items = make([]item, 0, n)
	blank := false
	for i := range lns {
		if err := in.checkCtx(i); err != nil {
			return err
		}
		l := &lns[i]
		for cur+1 < len(spans) && i >= spans[cur].end {
			cur++
		}
		blk := spans[cur].block
		var prev *item
		if len(in.items) > 0 && !blank {
			prev = &in.items[len(in.items)-1]
		}
		switch l.kind {
		case kDrop:
			continue
		case kBlank, kJunk:
			blank = true
			continue
		case kUnder:
			if prev != nil && prev.kind == kText && prev.units <= 12 && !endsPunct(prev.text) && !mostlyDigits(prev.text) {
				prev.kind, prev.off, prev.level = kHead, 0, 1
				if l.text[0] == '-' {
					prev.level = 2
				}
				prev.cueWhy = fmt.Sprintf("heading: underlined with %q", l.text)
				continue
			}
			blank = true
			continue
		case kText:
			if prev != nil && prev.kind == kBullet && l.indent > prev.indent {
				prev.joinTo(l)
				continue
			}
			if prev != nil && continues(prev, l, blk) {
				prev.joinTo(l)
				continue
			}
		case kQuote:
			if prev != nil && prev.kind == kQuote && blk.wrapped && int(prev.lastLen)*100 >= blk.width*80 {
				c := *l
				c.text, c.off = l.content(), 0
				if c.ins != nil {
					c.ins = sliceInlines(l.ins, int(l.off), len(l.text), int(l.line))
				}
				prev.joinTo(&c)
				continue
			}
		}
		it := item{ln: *l, blankBefore: blank, lastLen: i32(runeCount(l.text) + int(l.indent)), lastIndent: l.indent, lines: 1}
		if l.kind == kHead {
			it.cueWhy = fmt.Sprintf("heading: marked with %q", strings.TrimSpace(l.text[:l.off])+" ")
		}
		in.items = append(in.items, it)
		blank = false
	}
	// Weak markers ("o ", "a. ") are bullets only beside another bullet of their kind.
	for i := range in.items {
		it := &in.items[i]
		if it.kind != kBullet || !it.weak {
			continue
		}
		near := func(j int) bool {
			return j >= 0 && j < len(in.items) && in.items[j].kind == kBullet && in.items[j].class == it.class
		}
		before := !it.blankBefore && near(i-1)
		after := i+1 < len(in.items) && !in.items[i+1].blankBefore && near(i+1)
		if !before && !after {
			it.kind, it.off, it.marker, it.class = kText, 0, "", ""
			it.units = i32(units(it.text))
		}
	}
	return nil
}

// isBody reports whether an item is body text that a heading of hUnits could head: a
// sentence (or a lead-in) at least twice as long as the heading and eight words long, a
// long run of text whatever its ending, or a lead-in ending with a colon that introduces
// subparagraphs ("Canada stated the following:" then bullets), however short.
func (in *inferrer) isBody(items []item, i int, hUnits int) bool {
	it := &items[i]
	if it.kind != kText && it.kind != kNumbered {
		return false
	}
	c := it.content()
	if endsColon(c) && it.units >= 2 && i+1 < len(items) && items[i+1].kind == kBullet {
		return true
	}
	need := max(8, 2*hUnits)
	return int(it.units) >= need && (endsSentence(c) || endsColon(c) || it.units >= 20)
}

// maxHeadingUnits is the longest heading inferred, in words: agenda-item titles run long
// ("Organisation of the work of the ITU WG on WSIS informal consultation and ITU contribution
// to WSIS process" is 17), and the body that must follow is twice as long.
const maxHeadingUnits = 20

// headingShape reports whether an item looks like a heading on its own, and if not, why not.
func (in *inferrer) headingShape(it *item) (bool, string) {
	t := it.text
	switch {
	case it.units > maxHeadingUnits:
		return false, ""
	case endsPunct(t):
		return false, "paragraph: short, but ends with punctuation"
	case startsLower(t), numberThenLower(t):
		return false, "paragraph: short, but starts with a small letter"
	case speakerLead(t):
		return false, "paragraph: short, but reads as \"Name: statement\""
	case hasURL(t):
		return false, "paragraph: short, but holds an address"
	case endsFunctionWord(t):
		return false, "paragraph: short, but ends with a function word"
	case innerSentenceEnd(t):
		return false, "paragraph: short, but holds more than one sentence"
	}
	if w, ok := wordIn(t, in.verbs); ok {
		return false, fmt.Sprintf("paragraph: short, but a statement (reporting verb %q)", w)
	}
	return true, ""
}

// describe says how long a line is, in words or, for Chinese, characters.
func describe(it *item) string {
	if n := cjkCount(it.text); n > 0 && n*2 >= int(it.units) {
		return fmt.Sprintf("%d characters", utf8.RuneCountInString(it.text))
	}
	if it.units == 1 {
		return "1 word"
	}
	return fmt.Sprintf("%d words", it.units)
}

// adjective turns "58 words" into "58-word".
func adjective(length string) string {
	length = strings.Replace(length, " ", "-", 1)
	return strings.TrimSuffix(length, "s")
}

// headings finds the inferred headings, decides whether inference stands against explicit
// cues, picks out a title, and settles the levels of explicit headings.
func (in *inferrer) headings() {
	cands, explicit := in.headingCandidates()
	if !in.inferenceStands(explicit, len(cands)) {
		for _, i := range cands {
			in.items[i].heading = false
			in.items[i].why = "paragraph: short and title-like, but the notes mark their headings by hand, so unmarked lines stay paragraphs"
		}
		cands = nil
	}
	// Outline numbers and lone topic bullets are typed by hand: they stand beside explicit
	// cues.
	cands = append(cands, in.outlineHeadings()...)
	topics := in.topicBullets()
	cands = append(cands, topics...)
	defer in.topicLevels(topics) // once the levels of the explicit cues are settled
	if explicit == 0 {
		return
	}
	if in.titleFromTopMarker(explicit, len(cands)) {
		explicit--
	}
	// The shallowest marker used is a chapter, unless inferred chapters stand beside them.
	shift := 0
	if minLevel := in.minCueLevel(); len(cands) == 0 && minLevel < 99 {
		shift = minLevel - 1
	}
	for i := range in.items {
		if in.items[i].kind == kHead {
			in.items[i].level = max(1, in.items[i].level-i32(shift))
		}
	}
}

// headingCandidates marks the items that inference makes headings and gives every other
// short text item the reason it is not one. It returns the candidates' indexes and the
// number of explicit heading cues outside quotations.
func (in *inferrer) headingCandidates() (cands []int, explicit int) {
	items := in.items
	for i := range items {
		it := &items[i]
		if it.kind == kHead && !it.inQuote {
			explicit++
			continue
		}
		if it.kind != kText || it.inQuote || it.quoteEnd > 0 {
			continue
		}
		if why, ok := in.headingInContext(i); !ok {
			it.why = why
			continue
		}
		it.heading = true
		it.why = fmt.Sprintf("heading: %s, no final stop, title-like, followed by a %s paragraph",
			describe(it), adjective(describe(&items[i+1])))
		cands = append(cands, i)
	}
	return cands, explicit
}

// outlineHeadings marks the items typed with an outline number that are headings: "1. Call
// to order", "2. Roll Call" in minutes that number their agenda items and write the
// discussion under each. Such an item is short and title-like after its marker, has body
// text or more indented lines after it, and has a sibling marker one number away at the
// same indentation that is such a heading too. A numbered statement ("12. The meeting
// noted…") is no heading. It returns the items marked.
func (in *inferrer) outlineHeadings() []int {
	items := in.items
	// Siblings are aligned on their text: " 9." and "10." start it in the same column.
	type key struct{ column, n int }
	shaped := map[key]int{}
	for i := range items {
		it := &items[i]
		if it.kind != kNumbered || it.inQuote || it.quoteEnd > 0 || i+1 >= len(items) {
			continue
		}
		title := *it
		title.text, title.off = it.content(), 0
		if ok, _ := in.headingShape(&title); !ok || endsColon(title.text) {
			continue
		}
		next := &items[i+1]
		if next.kind == kNumbered && next.indent <= it.indent || next.indent <= it.indent && !in.isBody(items, i+1, int(it.units)) {
			continue
		}
		n, err := strconv.Atoi(counterOf(it.marker))
		if err != nil {
			continue
		}
		shaped[key{int(it.indent + it.off), n}] = i
	}
	var marked []int
	for k, i := range shaped {
		var sib []string
		for _, d := range []int{-1, 1} {
			if _, ok := shaped[key{k.column, k.n + d}]; ok {
				sib = append(sib, strconv.Itoa(k.n+d)+".")
			}
		}
		if len(sib) == 0 {
			continue
		}
		it := &items[i]
		it.heading = true
		it.why = fmt.Sprintf("heading: outline marker %d. with sibling %s, short and title-like, body text under it", k.n, strings.Join(sib, " and "))
		marked = append(marked, i)
	}
	marked = append(marked, in.emptyAgendaItems()...)
	sort.Ints(marked)
	return marked
}

// emptyAgendaItems marks the agenda items with nothing under them that continue a run of
// outline headings ("10. Unfinished Business", "11. New Business" after the heading "9.
// Review Outstanding Action Items"): short and title-like, and the numbered line met last
// in their column is a heading numbered one less. Only a run a heading opens is continued,
// so a numbered list ("1. First point", "2. Second point") is not taken for agenda items.
func (in *inferrer) emptyAgendaItems() []int {
	items := in.items
	type seen struct {
		n       int
		heading bool
	}
	last := map[int]seen{} // by text column
	var marked []int
	for i := range items {
		it := &items[i]
		if it.kind != kNumbered || it.inQuote || it.quoteEnd > 0 {
			continue
		}
		n, err := strconv.Atoi(counterOf(it.marker))
		if err != nil {
			continue
		}
		col := int(it.indent + it.off)
		prev, ok := last[col]
		if !it.heading && ok && prev.heading && prev.n == n-1 {
			title := *it
			title.text, title.off = it.content(), 0
			if ok, _ := in.headingShape(&title); ok && !endsColon(title.text) {
				it.heading = true
				it.why = fmt.Sprintf("heading: outline marker %d. after the outline heading %d., short and title-like (an agenda item with nothing under it)", n, n-1)
				marked = append(marked, i)
			}
		}
		last[col] = seen{n, it.heading}
	}
	return marked
}

// headingInContext applies the heading rules to item i: its own shape, the line before (a
// lead-in, or text running on into it) and the body text that must follow. When the item
// is not a heading it returns why not.
func (in *inferrer) headingInContext(i int) (string, bool) {
	items := in.items
	it := &items[i]
	if ok, why := in.headingShape(it); !ok {
		return why, false
	}
	if i > 0 && items[i-1].kind != kFront && it.blankBefore && it.indent > items[i-1].indent && endsColon(items[i-1].content()) {
		return "paragraph: short and title-like, but indented under the line before, which introduces it", false
	}
	if i > 0 && items[i-1].kind != kFront && !it.blankBefore {
		prev := &items[i-1]
		if endsColon(prev.content()) {
			return "paragraph: short and title-like, but the line before introduces it", false
		}
		if (prev.kind == kText || prev.kind == kNumbered || prev.kind == kBullet) && !prev.heading && !endsSentence(prev.text) {
			return "paragraph: short and title-like, but the line before runs on into it (no final stop, no blank line)", false
		}
	}
	if i+1 >= len(items) || items[i+1].inQuote || !in.isBody(items, i+1, int(it.units)) {
		return "paragraph: short and title-like, but no body text follows, so not a heading", false
	}
	return "", true
}

// inferenceStands decides whether inferred headings stand beside the explicit cues. Notes
// that mark a hierarchy of headings (two or more marker levels), or more headings than
// inference finds, were structured by hand: inference would only add noise. A few markers
// among inferred headings are an officer's corrections, and both stand.
func (in *inferrer) inferenceStands(explicit, inferred int) bool {
	levels := map[int]bool{}
	for i := range in.items {
		if in.items[i].kind == kHead && !in.items[i].inQuote {
			levels[int(in.items[i].level)] = true
		}
	}
	return explicit <= inferred && len(levels) < 2
}

// minCueLevel is the shallowest level of the explicit heading cues outside quotations, 99
// when there is none.
func (in *inferrer) minCueLevel() int {
	minLevel := 99
	for i := range in.items {
		if in.items[i].kind == kHead && !in.items[i].inQuote && int(in.items[i].level) < minLevel {
			minLevel = int(in.items[i].level)
		}
	}
	return minLevel
}

// titleFromTopMarker makes a lone top-level marker that opens the notes their title (a
// front line), when the notes mark several headings or inference found none. It reports
// whether it did.
func (in *inferrer) titleFromTopMarker(explicit, inferred int) bool {
	items := in.items
	first := -1
	for i := range items {
		if items[i].kind != kFront {
			first = i
			break
		}
	}
	minLevel := in.minCueLevel()
	if first < 0 || items[first].kind != kHead || int(items[first].level) != minLevel || (explicit <= 1 && inferred > 0) {
		return false
	}
	for i := first + 1; i < len(items); i++ {
		if items[i].kind == kHead && !items[i].inQuote && int(items[i].level) <= minLevel {
			return false
		}
	}
	it := &items[first]
	it.kind = kFront
	in.doc.Front = append(in.doc.Front, model.FrontLine{Pos: in.pos(it.line), Kind: model.FrontTitle,
		Text: headingText(it), Why: "title: the only top-level heading marker, opening the notes"})
	return true
}

// headingText is a heading cue's text without its marker and closing "#" or "=".
func headingText(it *item) string {
	return strings.TrimRight(strings.TrimRight(it.content(), "#="), " ")
}

// unmarkedLists finds lists typed without markers: three or more short lines without final
// stops right under a short lead line, or two or more under a line ending with a colon.
func (in *inferrer) unmarkedLists() {
	items := in.items
	free := func(it *item) bool {
		return it.kind == kText && !it.heading && !it.inQuote && it.quoteEnd == 0
	}
	for i := 0; i < len(items); i++ {
		lead := &items[i]
		if !free(lead) {
			continue
		}
		colon := endsColon(lead.text)
		if !colon && (lead.units > 12 || endsPunct(lead.text)) {
			continue
		}
		// "Directors Present:" over a blank line and an indented block of names: the
		// block is its list.
		indented := colon && i+1 < len(items) && items[i+1].indent > lead.indent
		n := 0
		for j := i + 1; j < len(items); j++ {
			it := &items[j]
			if !free(it) || it.blankBefore && !(indented && j == i+1) || indented && it.indent <= lead.indent {
				break
			}
			if colon {
				if it.units > 12 || endsColon(it.text) {
					break
				}
			} else if it.units > 8 || endsSentence(it.text) || endsColon(it.text) {
				break
			}
			n++
		}
		need := 3
		switch {
		case indented:
			need = 1
		case colon:
			need = 2
		}
		if n < need || indented && n == 1 && (endsSentence(items[i+1].text) || items[i+1].units > 6) {
			// One indented line that says something is the lead's body, not a list.
			continue
		}
		lead.listN = i32(n)
		for j := i + 1; j <= i+n; j++ {
			items[j].listItem = true
		}
		i += n
	}
}
