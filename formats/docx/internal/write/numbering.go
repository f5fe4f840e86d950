package write

import (
	"strings"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Numbering ids. Every numbered body paragraph uses one w:num (wNumPara) of the UN paragraph
// scheme; subparagraphs are its deeper levels, so Word keeps them in one list and renumbers
// everything when a user inserts a paragraph. Headings use their own list bound to the
// Heading 1–3 styles. Further w:num instances are created only to restart a level (a second
// subparagraph list starting again at (a)); they point to the same abstractNum with a
// startOverride.
const (
	wAbsPara  = 0
	wAbsHead  = 1
	wNumPara  = 1
	wNumHead  = 2
	wMaxLevel = 9 // OOXML levels 0–8

	// wAbsParaName and wAbsHeadName are written as w:name so that a reference document made
	// from scribe's own output can restyle the numbering (see writer_reference.go).
	wAbsParaName = "UN Paragraphs"
	wAbsHeadName = "UN Headings"
)

// Indents in twips. The paragraph number hangs in a column left of the text block; every
// body paragraph, numbered or not, starts its text at wTextLeft, so the block is aligned.
// Each subparagraph level moves the label and text one step right.
const (
	wTextLeft   = 1134 // 2 cm: left edge of the text block
	wHang       = 567  // 1 cm: the number column
	wTextRight  = 567  // right indent of body text
	wQuoteLeft  = wTextLeft + wHang
	wQuoteRight = wTextRight + wHang
)

// wLevel is one level of a list as Word will print it.
type wLevel struct {
	numFmt  string // OOXML numFmt; "" when Word cannot print the label (spelled-out words)
	lvlText string // with %1…%9 for this level
	style   string // paragraph style bound to the level
	left    int
	src     locales.Level
	defined bool // the locale defines this level
}

// wNumInst is one w:num: the abstractNum it instantiates and, for restarts, the level from
// which startOverride values apply.
type wNumInst struct {
	id, abs   int
	from      int // first overridden level; -1 for none
	fromStart int // start value of level from
}

// wNumPlan assigns numbering as the body is written and then prints numbering.xml. It
// simulates the counters of every w:num so it can tell when Word would print a different
// number than the model's label, and restart (or fall back to literal text) in that case.
type wNumPlan struct {
	para         [wMaxLevel]wLevel
	head         [3]wLevel
	headNumbered bool
	insts        []*wNumInst
	counters     map[int]*[wMaxLevel]int
	paraNum      int // the w:num body paragraphs currently use
	headNum      int // the w:num headings currently use
	rtl          bool
	look         map[string]map[int]wLvlLook // from a reference document, by abstractNum name
}

// wOOXMLFormats are the locale counter styles that are also OOXML numFmt values.
var wOOXMLFormats = map[string]bool{
	"decimal": true, "upperRoman": true, "lowerRoman": true, "upperLetter": true,
	"lowerLetter": true, "chineseCounting": true,
}

// wLevelOf translates a locale level to a Word level at ilvl.
func wLevelOf(lv locales.Level, ilvl int, style string, left int) wLevel {
	f := lv.OOXML
	if f == "" && wOOXMLFormats[lv.Format] {
		f = lv.Format
	}
	text := lv.Text
	if text == "" {
		text = "%1"
	}
	return wLevel{
		numFmt: f, lvlText: strings.ReplaceAll(text, "%1", "%"+wItoa(ilvl+1)),
		style: style, left: left, src: lv, defined: true,
	}
}

// wParaStyles are the paragraph styles bound to the levels of the paragraph list.
var wParaStyles = [wMaxLevel]string{wStyleUNPara, wStyleSubpara, wStyleSubpara2}

func wNewNumPlan(loc *locales.Locale) *wNumPlan {
	p := &wNumPlan{counters: map[int]*[wMaxLevel]int{}, paraNum: wNumPara, headNum: wNumHead, rtl: loc.RTL()}
	n := loc.Numbering
	p.para[0] = wLevelOf(n.Paragraph, 0, wParaStyles[0], wTextLeft)
	for i := 1; i < wMaxLevel; i++ {
		left := wTextLeft + i*wHang
		if i-1 < len(n.Sub) {
			p.para[i] = wLevelOf(n.Sub[i-1], i, wParaStyles[i], left)
		} else {
			// Deeper than the locale defines: keep the level valid for Word, but never
			// use it for a model label (defined is false, so such items print literally).
			p.para[i] = wLevel{numFmt: "decimal", lvlText: "%" + wItoa(i+1) + ".", left: left}
		}
	}
	p.head[0] = wLevelOf(n.Chapter, 0, wStyleHeading1, wTextLeft)
	p.head[1] = wLevelOf(n.Section, 1, wStyleHeading2, wTextLeft)
	p.head[2] = wLevelOf(n.Subsection, 2, wStyleHeading3, wTextLeft)
	// Where Word has no numFmt for chapters or sections (Arabic spelled-out ordinals
	// "أولا -", "ألف -"), all heading labels are written as literal text at the start of the
	// heading: this is the one documented exception to "never typed-in numbers". Mixing
	// literal chapters with Word-numbered subsections would break Word's restart rules.
	p.headNumbered = p.head[0].numFmt != "" && p.head[1].numFmt != "" && p.head[2].numFmt != ""
	p.insts = append(p.insts, &wNumInst{id: wNumPara, abs: wAbsPara, from: -1})
	if p.headNumbered {
		p.insts = append(p.insts, &wNumInst{id: wNumHead, abs: wAbsHead, from: -1})
	}
	return p
}

func (p *wNumPlan) counter(num int) *[wMaxLevel]int {
	c := p.counters[num]
	if c == nil {
		c = &[wMaxLevel]int{}
		p.counters[num] = c
	}
	return c
}

// newInst creates a w:num of abs that restarts at level from with value start (deeper
// levels restart at 1).
func (p *wNumPlan) newInst(abs, from, start int) int {
	id := wNumHead + 1
	if n := len(p.insts); n > 0 && p.insts[n-1].id >= id {
		id = p.insts[n-1].id + 1
	}
	p.insts = append(p.insts, &wNumInst{id: id, abs: abs, from: from, fromStart: start})
	return id
}

// use decides how the label n at level ilvl of the list whose current w:num is *cur is
// printed. It returns false when Word numbering cannot print exactly n.Label, and the
// caller writes the label as text. Otherwise it may switch *cur to a restarting w:num.
func (p *wNumPlan) use(abs int, cur *int, lv wLevel, ilvl int, n model.Number) bool {
	if !lv.defined || lv.numFmt == "" || n.Label == "" {
		return false
	}
	c := p.counter(*cur)
	expected := c[ilvl] + 1
	ord := n.Ordinal
	if ord <= 0 {
		ord = expected
	}
	if strings.TrimSpace(lv.src.Label(ord)) != strings.TrimSpace(n.Label) {
		return false
	}
	if ord != expected {
		*cur = p.newInst(abs, ilvl, ord)
		c = p.counter(*cur)
	}
	c[ilvl] = ord
	for k := ilvl + 1; k < wMaxLevel; k++ {
		c[k] = 0
	}
	return true
}

// paragraph numbers a body paragraph; it returns the w:num to use, or 0 to print literally.
func (p *wNumPlan) paragraph(n model.Number) int {
	if p.use(wAbsPara, &p.paraNum, p.para[0], 0, n) {
		return p.paraNum
	}
	return 0
}

// item numbers a subparagraph at ilvl (1 for (a), 2 for (i)) of the list whose w:num is *cur.
func (p *wNumPlan) item(cur *int, ilvl int, n model.Number) int {
	if ilvl < 1 || ilvl >= wMaxLevel {
		return 0
	}
	if p.use(wAbsPara, cur, p.para[ilvl], ilvl, n) {
		return *cur
	}
	return 0
}

// heading numbers a heading at ilvl (0 chapter, 1 section, 2 subsection). It returns the
// w:num, or 0 to print the label literally.
func (p *wNumPlan) heading(ilvl int, n model.Number) int {
	if !p.headNumbered || ilvl < 0 || ilvl > 2 {
		return 0
	}
	if p.use(wAbsHead, &p.headNum, p.head[ilvl], ilvl, n) {
		return p.headNum
	}
	return 0
}

// numberingXML prints word/numbering.xml: abstractNums first, then nums (schema order).
func (p *wNumPlan) numberingXML() []byte {
	x := newWXML()
	x.open("w:numbering", "xmlns:w", wNSMain)
	p.abstractNum(x, wAbsPara, "5C0A0001", wAbsParaName, p.para[:])
	if p.headNumbered {
		p.abstractNum(x, wAbsHead, "5C0A0002", wAbsHeadName, p.head[:])
	}
	for _, in := range p.insts {
		x.open("w:num", "w:numId", wItoa(in.id))
		x.ival("w:abstractNumId", in.abs)
		if in.from >= 0 {
			levels := wMaxLevel
			if in.abs == wAbsHead {
				levels = len(p.head)
			}
			for l := in.from; l < levels; l++ {
				start := 1
				if l == in.from {
					start = in.fromStart
				}
				x.open("w:lvlOverride", "w:ilvl", wItoa(l))
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
func (p *wNumPlan) abstractNum(x *wXML, id int, nsid, name string, levels []wLevel) {
	x.open("w:abstractNum", "w:abstractNumId", wItoa(id))
	x.val("w:nsid", nsid)
	x.val("w:multiLevelType", "multilevel")
	x.val("w:name", name)
	for i, lv := range levels {
		fmtVal := lv.numFmt
		if fmtVal == "" {
			fmtVal = "decimal" // never used for a label: such levels print literally
		}
		x.open("w:lvl", "w:ilvl", wItoa(i))
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
			x.empty("w:ind", "w:left", wItoa(lv.left), "w:hanging", wItoa(wHang))
			x.close("w:pPr")
		}
		x.close("w:lvl")
	}
	x.close("w:abstractNum")
}
