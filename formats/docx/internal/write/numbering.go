package write

import (
	"strings"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Numbering ids. Every numbered body paragraph uses one w:num (numPara) of the UN paragraph
// scheme; subparagraphs are its deeper levels, so Word keeps them in one list and renumbers
// everything when a user inserts a paragraph. Headings use their own list bound to the
// Heading 1–3 styles. Further w:num instances are created only to restart a level (a second
// subparagraph list starting again at (a)); they point to the same abstractNum with a
// startOverride.
const (
	absPara  = 0
	absHead  = 1
	numPara  = 1
	numHead  = 2
	maxLevel = 9 // OOXML levels 0–8

	// absParaName and absHeadName are written as w:name so that a reference document made
	// from scribe's own output can restyle the numbering (see writer_reference.go).
	absParaName = "UN Paragraphs"
	absHeadName = "UN Headings"
)

// numLevel is one level of a list as Word will print it.
type numLevel struct {
	numFmt  string // OOXML numFmt; "" when Word cannot print the label (spelled-out words)
	lvlText string // with %1…%9 for this level
	style   string // paragraph style bound to the level
	// left, firstLine and hanging are the level's indents, twips: paragraphs and
	// subparagraphs start their number firstLine in from the block's edge and come back to
	// it; headings hang theirs in the margin.
	left, firstLine, hanging int
	src                      locales.Level
	defined                  bool // the locale defines this level
}

// numInst is one w:num: the abstractNum it instantiates and, for restarts, the level from
// which startOverride values apply.
type numInst struct {
	id, abs   int
	from      int // first overridden level; -1 for none
	fromStart int // start value of level from
}

// numPlan assigns numbering as the body is written and then prints numbering.xml. It
// simulates the counters of every w:num so it can tell when Word would print a different
// number than the model's label, and restart (or fall back to literal text) in that case.
type numPlan struct {
	para         [maxLevel]numLevel
	head         [3]numLevel
	headNumbered bool
	insts        []*numInst
	counters     map[int]*[maxLevel]int
	paraNum      int // the w:num body paragraphs currently use
	headNum      int // the w:num headings currently use
	rtl          bool
	look         map[string]map[int]lvlLook // from a reference document, by abstractNum name
}

// ooxmlFormats are the locale counter styles that are also OOXML numFmt values.
var ooxmlFormats = map[string]bool{
	"decimal": true, "upperRoman": true, "lowerRoman": true, "upperLetter": true,
	"lowerLetter": true, "chineseCounting": true,
}

// levelOf translates a locale level to a Word level at ilvl.
func levelOf(lv locales.Level, ilvl int, style string, left int) numLevel {
	// left is the block's edge; the body list's deeper levels push their first line in.
	f := lv.OOXML
	if f == "" && ooxmlFormats[lv.Format] {
		f = lv.Format
	}
	text := lv.Text
	if text == "" {
		text = "%1"
	}
	return numLevel{
		numFmt: f, lvlText: strings.ReplaceAll(text, "%1", "%"+itoa(ilvl+1)),
		style: style, left: left, src: lv, defined: true,
	}
}

// paraStyles are the paragraph styles bound to the levels of the paragraph list.
var paraStyles = [maxLevel]string{styleUNPara, styleSubpara, styleSubpara2}

func newNumPlan(loc *locales.Locale) *numPlan {
	p := &numPlan{counters: map[int]*[maxLevel]int{}, paraNum: numPara, headNum: numHead, rtl: loc.RTL()}
	n := loc.Numbering
	p.para[0] = levelOf(n.Paragraph, 0, paraStyles[0], textLeft)
	for i := 1; i < maxLevel; i++ {
		if i-1 < len(n.Sub) {
			p.para[i] = levelOf(n.Sub[i-1], i, paraStyles[i], textLeft)
		} else {
			// Deeper than the locale defines: keep the level valid for Word, but never
			// use it for a model label (defined is false, so such items print literally).
			p.para[i] = numLevel{numFmt: "decimal", lvlText: "%" + itoa(i+1) + ".", left: textLeft}
		}
		p.para[i].firstLine = subIndent(i)
	}
	for i := range p.head {
		src := []locales.Level{n.Chapter, n.Section, n.Subsection}[i]
		p.head[i] = levelOf(src, i, []string{styleHeading1, styleHeading2, styleHeading3}[i], textLeft)
		p.head[i].hanging = textLeft
	}
	// Where Word has no numFmt for chapters or sections (Arabic spelled-out ordinals
	// "أولا -", "ألف -"), all heading labels are written as literal text at the start of the
	// heading: this is the one documented exception to "never typed-in numbers". Mixing
	// literal chapters with Word-numbered subsections would break Word's restart rules.
	p.headNumbered = p.head[0].numFmt != "" && p.head[1].numFmt != "" && p.head[2].numFmt != ""
	p.insts = append(p.insts, &numInst{id: numPara, abs: absPara, from: -1})
	if p.headNumbered {
		p.insts = append(p.insts, &numInst{id: numHead, abs: absHead, from: -1})
	}
	return p
}

func (p *numPlan) counter(num int) *[maxLevel]int {
	c := p.counters[num]
	if c == nil {
		c = &[maxLevel]int{}
		p.counters[num] = c
	}
	return c
}

// newInst creates a w:num of abs that restarts at level from with value start (deeper
// levels restart at 1).
func (p *numPlan) newInst(abs, from, start int) int {
	id := numHead + 1
	if n := len(p.insts); n > 0 && p.insts[n-1].id >= id {
		id = p.insts[n-1].id + 1
	}
	p.insts = append(p.insts, &numInst{id: id, abs: abs, from: from, fromStart: start})
	return id
}

// use decides how the label n at level ilvl of the list whose current w:num is *cur is
// printed. It returns false when Word numbering cannot print exactly n.Label, and the
// caller writes the label as text. Otherwise it may switch *cur to a restarting w:num.
func (p *numPlan) use(abs int, cur *int, lv numLevel, ilvl int, n model.Number) bool {
	if !lv.defined || lv.numFmt == "" || n.Label == "" {
		return false
	}
	c := p.counter(*cur)
	expected := max(c[ilvl]+1, 1)
	ord := n.Ordinal
	if ord <= 0 {
		ord = expected
	}
	if strings.TrimSpace(lv.src.Label(ord)) != strings.TrimSpace(n.Label) {
		return false
	}
	if ord != expected || c[ilvl] == unsure {
		*cur = p.newInst(abs, ilvl, ord)
		c = p.counter(*cur)
	}
	c[ilvl] = ord
	for k := ilvl + 1; k < maxLevel; k++ {
		c[k] = 0
	}
	// A level used before the levels above it ((a) under a heading, before any numbered
	// paragraph): LibreOffice counts each unused level above as used once, so the next
	// paragraph would print 2. where the model says 1.; whether Word does is not sure
	// either. The next use of such a level restarts it explicitly.
	for k := range ilvl {
		if c[k] == 0 {
			c[k] = unsure
		}
	}
	return true
}

// unsure is a simulated counter of a level that was skipped over: Word and LibreOffice may
// disagree on its value, so its next use restarts it with a startOverride.
const unsure = -1

// paragraph numbers a body paragraph; it returns the w:num to use, or 0 to print literally.
func (p *numPlan) paragraph(n model.Number) int {
	if p.use(absPara, &p.paraNum, p.para[0], 0, n) {
		return p.paraNum
	}
	return 0
}

// item numbers a subparagraph at ilvl (1 for (a), 2 for (i)) of the list whose w:num is *cur.
func (p *numPlan) item(cur *int, ilvl int, n model.Number) int {
	if ilvl < 1 || ilvl >= maxLevel {
		return 0
	}
	if p.use(absPara, cur, p.para[ilvl], ilvl, n) {
		return *cur
	}
	return 0
}

// heading numbers a heading at ilvl (0 chapter, 1 section, 2 subsection). It returns the
// w:num, or 0 to print the label literally.
func (p *numPlan) heading(ilvl int, n model.Number) int {
	if !p.headNumbered || ilvl < 0 || ilvl > 2 {
		return 0
	}
	if p.use(absHead, &p.headNum, p.head[ilvl], ilvl, n) {
		return p.headNum
	}
	return 0
}

// numberingXML prints word/numbering.xml: abstractNums first, then nums (schema order).
func (p *numPlan) numberingXML() []byte {
	x := newXMLWriter()
	x.open("w:numbering", "xmlns:w", nsMain)
	p.abstractNum(x, absPara, "5C0A0001", absParaName, p.para[:])
	if p.headNumbered {
		p.abstractNum(x, absHead, "5C0A0002", absHeadName, p.head[:])
	}
	for _, in := range p.insts {
		x.open("w:num", "w:numId", itoa(in.id))
		x.ival("w:abstractNumId", in.abs)
		if in.from >= 0 {
			levels := maxLevel
			if in.abs == absHead {
				levels = len(p.head)
			}
			for l := in.from; l < levels; l++ {
				start := 1
				if l == in.from {
					start = in.fromStart
				}
				x.open("w:lvlOverride", "w:ilvl", itoa(l))
				x.ival("w:startOverride", start)
				x.close("w:lvlOverride")
			}
		}
		x.close("w:num")
	}
	x.close("w:numbering")
	return x.bytes()
}

// abstractNum prints one list definition. Child order follows CT_AbstractNum and CT_Lvl.
func (p *numPlan) abstractNum(x *xmlWriter, id int, nsid, name string, levels []numLevel) {
	x.open("w:abstractNum", "w:abstractNumId", itoa(id))
	x.val("w:nsid", nsid)
	x.val("w:multiLevelType", "multilevel")
	x.val("w:name", name)
	for i, lv := range levels {
		fmtVal := lv.numFmt
		if fmtVal == "" {
			fmtVal = "decimal" // never used for a label: such levels print literally
		}
		x.open("w:lvl", "w:ilvl", itoa(i))
		x.ival("w:start", 1)
		x.val("w:numFmt", fmtVal)
		if lv.style != "" {
			x.val("w:pStyle", lv.style)
		}
		x.val("w:suff", "tab")
		x.val("w:lvlText", lv.lvlText)
		// lvlJc is logical in a bidi paragraph: "left" is the paragraph's start edge,
		// so the same value puts Arabic numbers on the right.
		x.val("w:lvlJc", "left")
		if lk, ok := p.look[name][i]; ok {
			x.raw(lk.pPr)
			x.raw(lk.rPr)
		} else {
			x.open("w:pPr")
			if lv.hanging > 0 {
				x.empty("w:ind", "w:left", itoa(lv.left), "w:hanging", itoa(lv.hanging))
			} else {
				x.empty("w:ind", "w:left", itoa(lv.left), "w:firstLine", itoa(lv.firstLine))
			}
			x.close("w:pPr")
		}
		x.close("w:lvl")
	}
	x.close("w:abstractNum")
}
