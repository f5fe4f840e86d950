package read

import (
	"io"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/formats/docx/internal/opc"
	"github.com/scribe-un/scribe/internal/lazyre"
)

// styleDef is what the reader needs of one style in styles.xml.
type styleDef struct {
	id, name, basedOn, typ string
	outline                int // w:outlineLvl + 1; 0 when not set
	numID, ilvl            int
	hasNum                 bool
	bold, italic           *bool
}

// styleSheet maps style ids to styles.
type styleSheet map[string]*styleDef

// readStyles reads styles.xml; a missing part gives no styles (everything is Normal).
func readStyles(p *opc.Package, part string) (styleSheet, error) {
	styles := styleSheet{}
	if part == "" {
		return styles, nil
	}
	rc, err := p.Open(part)
	if err != nil || rc == nil {
		return styles, err
	}
	defer rc.Close()
	x := p.Decoder(rc, part)
	var cur *styleDef
	inPPr, inRPr := false, false
	for {
		t, err := x.Next()
		if err == io.EOF {
			return styles, nil
		}
		if err != nil {
			return nil, err
		}
		switch t.Kind {
		case opc.StartElement:
			if !inW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "style":
				id, _ := attr(t, "styleId")
				typ, _ := attr(t, "type")
				cur = &styleDef{id: id, typ: typ}
				styles[id] = cur
			case "latentStyles", "docDefaults", "pPrChange", "rPrChange", "tblPr", "tblStylePr", "trPr", "tcPr":
				if err := x.Skip(); err != nil {
					return nil, err
				}
			case "pPr":
				inPPr = true
			case "rPr":
				inRPr = true
			}
			if cur == nil {
				continue
			}
			v, _ := attr(t, "val")
			switch t.Name.Local {
			case "name":
				cur.name = v
			case "basedOn":
				cur.basedOn = v
			case "outlineLvl":
				if n, err := strconv.Atoi(v); err == nil && inPPr && n >= 0 && n < 9 {
					cur.outline = n + 1
				}
			case "numId":
				if n, err := strconv.Atoi(v); err == nil && inPPr {
					cur.numID, cur.hasNum = n, true
				}
			case "ilvl":
				if n, err := strconv.Atoi(v); err == nil && inPPr {
					cur.ilvl = n
				}
			case "b":
				if inRPr {
					on := isOn(t)
					cur.bold = &on
				}
			case "i":
				if inRPr {
					on := isOn(t)
					cur.italic = &on
				}
			}
		case opc.EndElement:
			if !inW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "style":
				cur = nil
			case "pPr":
				inPPr = false
			case "rPr":
				inRPr = false
			}
		}
	}
}

// chain returns the style and its basedOn ancestors, nearest first, stopping at a cycle or
// after a bounded number of steps.
func (s styleSheet) chain(id string) []*styleDef {
	var out []*styleDef
	seen := map[string]bool{}
	for id != "" && !seen[id] && len(out) < 32 {
		seen[id] = true
		st, ok := s[id]
		if !ok {
			break
		}
		out = append(out, st)
		id = st.basedOn
	}
	return out
}

// headingName matches built-in heading style names. Word writes the English name
// ("heading 1") in w:name whatever the interface language, while the style id is
// localized ("Titre1", "Überschrift1"); other producers sometimes localize the name too.
var headingName = lazyre.New(`^(?:heading|titre|überschrift|uberschrift|título|titulo|titolo|заголовок|标题|標題|عنوان|kop|nagłówek|rubrik|otsikko|overskrift)\s*(\d)$`)

// styleRole is what a paragraph style says about its paragraphs.
type styleRole struct {
	heading int // 1–9, 0 when not a heading
	title   bool
	quote   bool
	toc     bool
	// titleBlock and note are the paragraph styles of scribe's own reports ("Title Block":
	// where and when the meeting was held; "Note": an editorial note), so a report edited in
	// Word and read again keeps its numbering.
	titleBlock bool
	note       bool
	// masthead is "un", "organ", "symbol" or "line" for the masthead styles of scribe's
	// reports.
	masthead string
	why      string
}

// role resolves a paragraph style through its basedOn chain: the first style in the chain
// with a heading name, a title or quote name, or an outline level decides.
func (s styleSheet) role(id string) styleRole {
	for _, st := range s.chain(id) {
		name := strings.ToLower(strings.TrimSpace(st.name))
		if name == "" {
			name = strings.ToLower(st.id)
		}
		switch {
		case name == "title" || name == "titre" || name == "titel" || name == "título" || name == "titulo":
			return styleRole{title: true, why: "Word style " + styleLabel(st)}
		case quoteNames[name]:
			return styleRole{quote: true, why: "Word quotation style " + styleLabel(st)}
		case strings.HasPrefix(name, "toc ") || name == "toc heading" || name == "contents heading" || strings.HasPrefix(name, "contents "):
			return styleRole{toc: true}
		case name == "title block":
			return styleRole{titleBlock: true, why: "title block of a scribe report (style " + styleLabel(st) + ")"}
		case name == "note":
			return styleRole{note: true, why: "editorial note (style " + styleLabel(st) + ")"}
		case name == "masthead un":
			// "United Nations", printed from the locale: nothing to read back.
			return styleRole{masthead: "un"}
		case name == "masthead organ":
			return styleRole{masthead: "organ"}
		case name == "masthead symbol":
			return styleRole{masthead: "symbol"}
		case name == "masthead":
			return styleRole{masthead: "line"}
		}
		if m := headingName.FindStringSubmatch(name); m != nil {
			n, _ := strconv.Atoi(m[1])
			if n >= 1 {
				return styleRole{heading: n, why: "Word heading style " + styleLabel(st)}
			}
		}
		if st.outline > 0 {
			return styleRole{heading: st.outline, why: "outline level of Word style " + styleLabel(st)}
		}
	}
	return styleRole{}
}

// quoteNames lists quotation style names: Word's built-in "Quote", "Intense Quote" and
// "Block Text", LibreOffice's "Quotations", and common localized names.
var quoteNames = map[string]bool{
	"quote": true, "intense quote": true, "block text": true, "quotations": true, "quotation": true,
	"citation": true, "citation intense": true, "zitat": true, "intensives zitat": true, "cita": true,
	"cita destacada": true, "цитата": true, "引用": true, "اقتباس": true,
}

func styleLabel(st *styleDef) string {
	if st.name != "" && !strings.EqualFold(st.name, st.id) {
		return strconv.Quote(st.name) + " (id " + strconv.Quote(st.id) + ")"
	}
	return strconv.Quote(st.id)
}

// numbering resolves the numbering a paragraph style carries (List Bullet, List Number).
func (s styleSheet) numbering(id string) (numID, ilvl int, ok bool) {
	for _, st := range s.chain(id) {
		if st.hasNum {
			return st.numID, st.ilvl, true
		}
	}
	return 0, 0, false
}

// runFormat resolves bold and italic of a character style through its chain.
func (s styleSheet) runFormat(id string) (bold, italic bool) {
	var b, i *bool
	for _, st := range s.chain(id) {
		if b == nil {
			b = st.bold
		}
		if i == nil {
			i = st.italic
		}
	}
	return b != nil && *b, i != nil && *i
}

// numLevel is one level of a numbering definition.
type numLevel struct {
	numFmt string // "bullet", "decimal", "none", …
	indent int    // left indentation in twentieths of a point, -1 when not set
}

// numberingDefs maps numId to its levels by ilvl.
type numberingDefs map[int]map[int]numLevel

// readNumbering reads numbering.xml: abstract numbering definitions, the num instances
// that point at them, and level overrides.
func readNumbering(p *opc.Package, part string) (numberingDefs, error) {
	if part == "" {
		return numberingDefs{}, nil
	}
	rc, err := p.Open(part)
	if err != nil || rc == nil {
		return numberingDefs{}, err
	}
	defer rc.Close()
	x := p.Decoder(rc, part)
	r := &numberingReader{abstract: map[int]map[int]numLevel{}, insts: map[int]*numInstance{}, lvl: -1}
	for {
		t, err := x.Next()
		if err == io.EOF {
			return r.defs(), nil
		}
		if err != nil {
			return nil, err
		}
		switch t.Kind {
		case opc.StartElement:
			if inW(t.Name) {
				r.start(t)
			}
		case opc.EndElement:
			if inW(t.Name) {
				r.end(t.Name.Local)
			}
		}
	}
}

// numInstance is a w:num: the abstract numbering it uses and the levels it overrides.
type numInstance struct {
	abs      int
	override map[int]numLevel
}

// numberingReader follows the elements of a numbering part: the abstract numbering or the
// instance being read, and the level inside it (-1 outside a level).
type numberingReader struct {
	abstract map[int]map[int]numLevel
	insts    map[int]*numInstance
	curAbs   map[int]numLevel
	curInst  *numInstance
	lvl      int
}

func (r *numberingReader) start(t opc.Token) {
	v, _ := attr(t, "val")
	switch t.Name.Local {
	case "abstractNum":
		id, _ := attr(t, "abstractNumId")
		n, _ := strconv.Atoi(id)
		r.curAbs = map[int]numLevel{}
		r.abstract[n] = r.curAbs
	case "num":
		id, _ := attr(t, "numId")
		n, _ := strconv.Atoi(id)
		r.curInst = &numInstance{abs: -1, override: map[int]numLevel{}}
		r.insts[n] = r.curInst
	case "abstractNumId":
		if r.curInst != nil {
			if n, err := strconv.Atoi(v); err == nil {
				r.curInst.abs = n
			}
		}
	case "lvl":
		id, _ := attr(t, "ilvl")
		r.lvl, _ = strconv.Atoi(id)
		if r.lvl < 0 || r.lvl >= 10 {
			r.lvl = -1
			return
		}
		switch {
		case r.curInst != nil:
			r.curInst.override[r.lvl] = numLevel{indent: -1}
		case r.curAbs != nil:
			r.curAbs[r.lvl] = numLevel{indent: -1}
		}
	case "numFmt", "ind":
		var m map[int]numLevel
		switch {
		case r.curInst != nil && r.lvl >= 0:
			m = r.curInst.override
		case r.curAbs != nil && r.lvl >= 0:
			m = r.curAbs
		default:
			return
		}
		l := m[r.lvl]
		if t.Name.Local == "numFmt" {
			l.numFmt = v
		} else if n, ok := indentOf(t); ok {
			l.indent = n
		}
		m[r.lvl] = l
	}
}

func (r *numberingReader) end(local string) {
	switch local {
	case "abstractNum":
		r.curAbs = nil
	case "num":
		r.curInst = nil
	case "lvl":
		r.lvl = -1
	}
}

// defs resolves every instance: its abstract numbering's levels, overridden where the
// instance says otherwise.
func (r *numberingReader) defs() numberingDefs {
	out := numberingDefs{}
	for id, in := range r.insts {
		levels := map[int]numLevel{}
		for l, f := range r.abstract[in.abs] {
			levels[l] = f
		}
		for l, f := range in.override {
			base, ok := levels[l]
			if !ok {
				base = numLevel{indent: -1}
			}
			if f.numFmt != "" {
				base.numFmt = f.numFmt
			}
			if f.indent >= 0 {
				base.indent = f.indent
			}
			levels[l] = base
		}
		out[id] = levels
	}
	return out
}

// indentOf reads where a w:ind element puts a list label: the left (or start) indentation,
// moved by a first-line indent (scribe's subparagraphs keep their text at the block's edge
// and push the label in) or a hanging one.
func indentOf(e opc.Token) (int, bool) {
	for _, k := range []string{"left", "start"} {
		if v, ok := attr(e, k); ok {
			if n, err := strconv.Atoi(v); err == nil {
				if f, ok := attr(e, "firstLine"); ok {
					if d, err := strconv.Atoi(f); err == nil {
						n += d
					}
				} else if h, ok := attr(e, "hanging"); ok {
					if d, err := strconv.Atoi(h); err == nil {
						n -= d
					}
				}
				return n, true
			}
		}
	}
	return 0, false
}

// format returns the number format of a list level ("bullet", "decimal", "none", …), ""
// when numbering.xml does not define it.
func (n numberingDefs) format(numID, ilvl int) string {
	return n[numID][ilvl].numFmt
}

// indent returns a list level's left indentation, -1 when unknown.
func (n numberingDefs) indent(numID, ilvl int) int {
	if l, ok := n[numID][ilvl]; ok {
		return l.indent
	}
	return -1
}
