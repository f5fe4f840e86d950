package normalize

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Typed outline numbers. Note-takers number their agenda items by hand ("1. Welcome",
// "**2. Approval of agenda**", "A. Chairman [Brett]", "三、下次会议安排"), and readers keep
// what was typed. The report numbers its chapters and sections itself (I., A., 1.), so a
// typed outline number left in a heading prints twice ("II. 2. Approval of agenda"), and a
// typed agenda item left as a paragraph is numbered as one. outline settles both, in every
// reader's output:
//
//   - A heading whose text opens with an outline marker loses the marker when a sibling
//     heading of the same level carries the next or the previous number of the same kind
//     (2. after 1., B. after A., II. after I., 2.2 after 2.1, 二、 after 一、).
//   - A short, title-like paragraph (at most 20 words, no final stop, not a record or a
//     turn) opening with an outline marker becomes a heading, marker dropped, when a
//     sibling paragraph of its kind carries the next or previous number and the items of
//     the run have discussion under them (an agenda typed as numbered lines with nothing
//     under them stays as typed). Its level follows the kinds of marker: the first kind
//     met is one level below the heading above, a kind nested inside it ("a." under "4.")
//     one deeper, and meeting a kind again returns to its level. Lists the paragraph held
//     follow the new heading, where the structure rules place them.
//
// A number that is no outline marker stays: "2024 budget", "5G rollout", "3.5 million"
// (no sibling), a lone "A." with no "B." near it. Only the marker and the spaces after it
// go; the inspect reason names the marker dropped.

// reOutline matches an outline marker and the spaces after it: "12.", "3)", "2.1", "2.1.",
// "B.", "b)", "IV.", "iv)", "三、", "（二）". Group 1 is the counter.
var reOutline = lazyre.New(`^(?:(\d{1,3}(?:\.\d{1,3})*)[.)]?|([A-Za-z])[.)]|([IVXLC]{1,6}|[ivxlc]{1,6})[.)]|([一二三四五六七八九十]{1,3})[、．.]|[（(]([一二三四五六七八九十]{1,3})[)）])[\s\p{Zs}]*`)

// outlineReading is one way of reading a marker: its kind ("1", "1.2." for the children of
// 1.2, "A", "a", "I", "i", "一", "（一）") and value.
type outlineReading struct {
	kind string
	n    int
}

// outlineMarker is a marker found at the start of a block's text.
type outlineMarker struct {
	typed    string           // as typed, without the spaces after it
	end      int              // byte length of the marker and the spaces after it
	readings []outlineReading // "C." reads as a letter and as a roman numeral
}

// parseOutline reads the outline marker that opens text. A marker must be followed by a
// space (a CJK marker needs none) and then by a letter: "5G", "2024 budget", "3.5" alone
// are no markers.
func parseOutline(text string) (outlineMarker, bool) {
	if text == "" {
		return outlineMarker{}, false
	}
	if !mayOpenOutline(text) {
		return outlineMarker{}, false
	}
	m := reOutline.FindStringSubmatchIndex(text)
	if m == nil {
		return outlineMarker{}, false
	}
	end := m[1]
	typed := strings.TrimRightFunc(text[:end], unicode.IsSpace)
	rest := text[end:]
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsLetter(r) && !strings.ContainsRune("[\"'“‘«", r) {
		return outlineMarker{}, false
	}
	cjk := m[8] >= 0 || m[10] >= 0
	if !cjk && end == len(typed) {
		return outlineMarker{}, false // no space after the marker
	}
	om := outlineMarker{typed: typed, end: end}
	switch {
	case m[2] >= 0:
		num := text[m[2]:m[3]]
		dot := strings.LastIndexByte(num, '.')
		if dot < 0 && len(typed) == len(num) {
			return outlineMarker{}, false // "2024 budget": a number, no marker
		}
		n, _ := strconv.Atoi(num[dot+1:])
		om.readings = append(om.readings, outlineReading{"1" + num[:dot+1], n})
	case m[4] >= 0:
		c := text[m[4]]
		kind, n := "A", int(c-'A')+1
		if c >= 'a' {
			kind, n = "a", int(c-'a')+1
		}
		om.readings = append(om.readings, outlineReading{kind, n})
		if v := romanNumber(strings.ToLower(string(c))); v > 0 {
			om.readings = append(om.readings, outlineReading{romanKind(c), v})
		}
	case m[6] >= 0:
		s := text[m[6]:m[7]]
		v := romanNumber(strings.ToLower(s))
		if v == 0 {
			return outlineMarker{}, false
		}
		om.readings = append(om.readings, outlineReading{romanKind(s[0]), v})
	case m[8] >= 0:
		om.readings = append(om.readings, outlineReading{"一", hanNumber(text[m[8]:m[9]])})
	case m[10] >= 0:
		om.readings = append(om.readings, outlineReading{"（一）", hanNumber(text[m[10]:m[11]])})
	}
	if om.readings[0].n <= 0 {
		return outlineMarker{}, false
	}
	return om, true
}

// mayOpenOutline is a cheap test run before the pattern: a digit, a letter with "." or ")"
// after it, a roman numeral's letter, an opening parenthesis or a CJK numeral.
func mayOpenOutline(text string) bool {
	c := text[0]
	switch {
	case c >= '0' && c <= '9', c == '(':
		return true
	case c >= 0x80:
		r, _ := utf8.DecodeRuneInString(text)
		return r == '（' || strings.ContainsRune("一二三四五六七八九十", r)
	case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
		return len(text) > 1 && (text[1] == '.' || text[1] == ')') || strings.IndexByte("IVXLCivxlc", c) >= 0
	}
	return false
}

// romanKind is the kind of a roman numeral starting with c: "I" or "i".
func romanKind(c byte) string {
	if c >= 'a' {
		return "i"
	}
	return "I"
}

// romanNumber reads a roman numeral spelled canonically ("iv", not "iiii"); 0 otherwise.
func romanNumber(s string) int {
	if n := locales.ParseRoman(s); n > 0 && strings.EqualFold(locales.Roman(n), s) {
		return n
	}
	return 0
}

// hanNumber reads a Chinese numeral from 1 to 99 ("三", "十二", "二十一"); 0 otherwise.
func hanNumber(s string) int {
	digit := func(r rune) int { return strings.IndexRune("一二三四五六七八九", r)/3 + 1 }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return digit(rs[0]) * 10
	case len(rs) == 3 && rs[1] == '十':
		return digit(rs[0])*10 + digit(rs[2])
	}
	return 0
}

// outlineCand is a block that opens with an outline marker.
type outlineCand struct {
	at     int // index in the blocks
	m      outlineMarker
	head   *model.Heading   // set for a heading
	para   *model.Paragraph // set for a paragraph
	chosen int              // the reading that has a sibling, -1 for none
	sib    []string         // the sibling markers, for inspect
}

// leadText returns the first bytes of the text of ins, enough to read a marker and the
// word after it ("4. " in one run, the linked title in the next); "" when a footnote
// comes first.
func leadText(ins []model.Inline) string {
	// Most paragraphs open with a run long enough: no copy.
	if len(ins) > 0 && ins[0].Kind != model.KindFootnote && (len(ins) == 1 || len(ins[0].Text) >= 24) {
		return ins[0].Text
	}
	var b strings.Builder
	for _, in := range ins {
		if in.Kind == model.KindFootnote {
			break
		}
		b.WriteString(in.Text)
		if b.Len() >= 24 {
			break
		}
	}
	return b.String()
}

// maxOutlineUnits is the longest agenda-item title a paragraph may be, in words.
const maxOutlineUnits = 20

// outlineParagraph reports a paragraph that could be a typed agenda item: short,
// title-like, not a record or a turn.
func outlineParagraph(p *model.Paragraph, m outlineMarker) bool {
	if p.Kind != "" || p.Speaker != "" {
		return false
	}
	for _, c := range p.Children {
		if _, ok := c.(*model.List); !ok {
			return false // a quotation belongs to a statement
		}
	}
	text := strings.TrimSpace(model.PlainText(p.Inlines))
	if len(text) <= m.end {
		return false
	}
	rest := strings.TrimRight(strings.TrimSpace(text[m.end:]), "*_ ")
	if rest == "" || textUnits(rest) > maxOutlineUnits || endsWithStop(rest) || strings.HasSuffix(rest, ":") {
		return false
	}
	return !strings.ContainsAny(rest, "\n")
}

// outline applies the typed-outline rules to a run of top-level blocks and returns it.
func outline(blocks []model.Block) []model.Block {
	var cands []outlineCand
	for i, b := range blocks {
		switch n := b.(type) {
		case *model.Heading:
			if n == nil {
				continue
			}
			if t := leadText(n.Inlines); t != "" {
				if m, ok := parseOutline(t); ok {
					cands = append(cands, outlineCand{at: i, m: m, head: n, chosen: -1})
				}
			}
		case *model.Paragraph:
			if n == nil {
				continue
			}
			if t := leadText(n.Inlines); t != "" {
				if m, ok := parseOutline(t); ok && outlineParagraph(n, m) {
					cands = append(cands, outlineCand{at: i, m: m, para: n, chosen: -1})
				}
			}
		}
	}
	if len(cands) < 2 {
		return blocks
	}
	outlineSiblings(cands)
	keepRuns(cands)
	firstOfKind(blocks, cands)
	return outlineApply(blocks, cands)
}

// firstOfKind takes a lone first item ("A. The meeting of January 15, 2014", the only
// minutes approved under "Minutes from previous meetings") as a heading too when it opens
// the text under a heading, has text under it, and its kind of marker makes headings of
// paragraphs elsewhere in the document (the A., B. sections of the other chapters).
func firstOfKind(blocks []model.Block, cands []outlineCand) {
	used := map[string]bool{}
	for _, c := range cands {
		if c.para != nil && c.chosen >= 0 {
			used[c.m.readings[c.chosen].kind] = true
		}
	}
	for i := range cands {
		c := &cands[i]
		if c.para == nil || c.chosen >= 0 || c.at == 0 || c.at+1 >= len(blocks) {
			continue
		}
		if _, ok := blocks[c.at-1].(*model.Heading); !ok {
			continue
		}
		if _, ok := blocks[c.at+1].(*model.Paragraph); !ok {
			continue
		}
		for ri, r := range c.m.readings {
			if r.n == 1 && used[r.kind] {
				c.chosen, c.sib = ri, []string{"of the same kind in other chapters"}
				break
			}
		}
	}
}

// outlineGroup is the key of the candidates that may be siblings: same kind of marker, and
// headings of one level or paragraphs.
type outlineGroup struct {
	kind  string
	level int // heading level, 0 for paragraphs
}

// outlineSiblings chooses for every candidate the reading that has a sibling: the
// candidate of its group met just before or just after it carries the number one less or
// one more.
func outlineSiblings(cands []outlineCand) {
	type member struct{ ci, ri int }
	groups := map[outlineGroup][]member{}
	var order []outlineGroup
	for ci := range cands {
		c := &cands[ci]
		lv := 0
		if c.head != nil {
			lv = c.head.Level
		}
		for ri, r := range c.m.readings {
			g := outlineGroup{r.kind, lv}
			if _, ok := groups[g]; !ok {
				order = append(order, g)
			}
			groups[g] = append(groups[g], member{ci, ri})
		}
	}
	for _, g := range order {
		ms := groups[g]
		for k, mb := range ms {
			c := &cands[mb.ci]
			n := c.m.readings[mb.ri].n
			var sib []string
			if k > 0 && cands[ms[k-1].ci].m.readings[ms[k-1].ri].n == n-1 {
				sib = append(sib, cands[ms[k-1].ci].m.typed)
			}
			if k+1 < len(ms) && cands[ms[k+1].ci].m.readings[ms[k+1].ri].n == n+1 {
				sib = append(sib, cands[ms[k+1].ci].m.typed)
			}
			if len(sib) > 0 && c.chosen < 0 {
				c.chosen, c.sib = mb.ri, sib
			}
		}
	}
}

// keepRuns undoes the choice of paragraphs of a kind when fewer than half of them have
// anything under them (lists they hold, blocks before the next paragraph of that kind): numbered lines one after
// the other are a typed list (an agenda), not agenda items with their discussion. Items of
// a kind nested inside ("a." under "4.") count as what is under it.
func keepRuns(cands []outlineCand) {
	byKind := map[string][]int{}
	var kinds []string
	for i := range cands {
		c := &cands[i]
		if c.para == nil || c.chosen < 0 {
			continue
		}
		k := c.m.readings[c.chosen].kind
		if _, ok := byKind[k]; !ok {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], i)
	}
	for _, k := range kinds {
		idx := byKind[k]
		withBody, counted := 0, 0
		for j, ci := range idx {
			switch {
			case len(cands[ci].para.Children) > 0:
				withBody++
			case j+1 == len(idx):
				// What follows the last one may be the text after a typed list: it
				// does not count either way.
				continue
			case cands[idx[j+1]].at > cands[ci].at+1:
				withBody++
			}
			counted++
		}
		if 2*withBody < counted || withBody == 0 {
			for _, ci := range idx {
				cands[ci].chosen = -1
			}
		}
	}
}

// outlineApply drops the chosen markers and turns chosen paragraphs into headings.
func outlineApply(blocks []model.Block, cands []outlineCand) []model.Block {
	type open struct {
		kind  string
		level int
	}
	var stack []open
	last := 0 // the level of the last heading met
	out := make([]model.Block, 0, len(blocks))
	ci := 0
	for i, b := range blocks {
		var c *outlineCand
		for ci < len(cands) && cands[ci].at < i {
			ci++
		}
		if ci < len(cands) && cands[ci].at == i && cands[ci].chosen >= 0 {
			c = &cands[ci]
		}
		if h, ok := b.(*model.Heading); ok && h != nil {
			if c != nil {
				stripOutline(&h.Inlines, c.m)
				h.Why = strings.TrimSpace(h.Why + fmt.Sprintf(" (typed outline number %q dropped: the report numbers its headings)", c.m.typed))
			}
			for len(stack) > 0 && stack[len(stack)-1].level >= h.Level {
				stack = stack[:len(stack)-1]
			}
			last = h.Level
			out = append(out, h)
			continue
		}
		if c == nil {
			out = append(out, b)
			continue
		}
		kind := c.m.readings[c.chosen].kind
		level := -1
		for k := range stack {
			if stack[k].kind == kind {
				level = stack[k].level
				stack = stack[:k+1]
				break
			}
		}
		if level < 0 {
			level = min(last+1, 3)
			stack = append(stack, open{kind, level})
		}
		last = level
		p := c.para
		h := &model.Heading{Pos: p.Pos, Level: level, Inlines: p.Inlines,
			Why: fmt.Sprintf("heading: outline marker %s with sibling %s, short and title-like (typed number dropped: the report numbers its headings)", c.m.typed, strings.Join(c.sib, " and "))}
		stripOutline(&h.Inlines, c.m)
		out = append(out, h)
		out = append(out, p.Children...)
	}
	return out
}

// stripOutline removes the marker m and the spaces after it from the start of ins, with
// the emphasis and link runs around them intact. A marker typed twice ("1. 1. Budget") is
// left alone, so that applying the rule again changes nothing.
func stripOutline(ins *[]model.Inline, m outlineMarker) {
	t := leadText(*ins)
	if len(t) < m.end {
		return
	}
	if _, again := parseOutline(t[m.end:]); again {
		return
	}
	out := make([]model.Inline, 0, len(*ins))
	cut := m.end
	for _, in := range *ins {
		if cut > 0 && in.Kind != model.KindFootnote {
			n := min(cut, len(in.Text))
			in.Text = in.Text[n:]
			cut -= n
			if in.Text == "" {
				continue
			}
		}
		out = append(out, in)
	}
	*ins = out
}
