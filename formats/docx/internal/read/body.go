package read

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scribe-un/scribe/formats/docx/internal/opc"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

// rawPara is one w:p as read: its properties and its text, split into lines at manual line
// breaks (w:br).
type rawPara struct {
	index   int // 1-based position among the paragraphs of the part
	styleID string
	numID   int
	ilvl    int
	hasNum  bool // direct w:numPr
	outline int  // direct w:outlineLvl + 1, 0 when absent
	indent  int  // direct left indentation, -1 when absent
	lines   [][]model.Inline
}

// bodyItem is a body block as read: a paragraph or a table.
type bodyItem struct {
	para  *rawPara
	table *model.Table
	// mast is the masthead table of a scribe report, read back as its lines.
	mast []*rawPara
}

// complexField is an open complex field (w:fldChar begin … separate … end).
type complexField struct {
	result bool // past "separate": runs are the field's visible result
	instr  strings.Builder
	url    string
}

// bodyParser reads the paragraphs and tables of one part (document, footnotes, endnotes).
type bodyParser struct {
	st        *docState
	x         *opc.Decoder
	part      string
	rels      map[string]opc.Rel
	paraCount int
	fields    []*complexField
	// tables counts the tables open around the current position (one inside a cell of another).
	tables int
	// runText and instrText are buffers kept from run to run.
	runText, instrText []byte
}

// hyperlinkInstr finds the target of a HYPERLINK field instruction.
var hyperlinkInstr = lazyre.New(`^\s*HYPERLINK\s+(?:\\[a-z]\s+)*"([^"]+)"`)

// body reads the whole part and returns its blocks in order. Containers that only wrap
// content (content controls, custom XML, tracked insertions, compatibility choices) are
// transparent; deleted content, section properties and compatibility fallbacks are skipped.
func (p *bodyParser) body() ([]bodyItem, error) {
	var items []bodyItem
	for {
		if err := p.st.ctx.Err(); err != nil {
			return nil, err
		}
		t, err := p.x.Next()
		if err == io.EOF {
			return items, nil
		}
		if err != nil {
			return nil, err
		}
		if t.Kind != opc.StartElement {
			continue
		}
		se := t
		switch {
		case isW(se.Name, "p"):
			para, err := p.paragraph()
			if err != nil {
				return nil, err
			}
			items = append(items, bodyItem{para: para})
			if err := p.checkBlocks(len(items)); err != nil {
				return nil, err
			}
		case isW(se.Name, "tbl"):
			tbl, paras, err := p.table()
			if err != nil {
				return nil, err
			}
			if p.st.isMasthead(paras) {
				items = append(items, bodyItem{mast: paras})
				continue
			}
			items = append(items, bodyItem{table: tbl})
			if err := p.checkBlocks(len(items)); err != nil {
				return nil, err
			}
		case p.skipped(se.Name):
			if err := p.x.Skip(); err != nil {
				return nil, err
			}
		}
	}
}

// skipped lists elements whose content is never text of the document.
func (p *bodyParser) skipped(n xml.Name) bool {
	if n.Space == nsMC {
		return n.Local == "Fallback"
	}
	if !inW(n) {
		// Math, drawings and other vocabularies: no report text.
		return n.Local != "AlternateContent" && n.Local != "Choice"
	}
	switch n.Local {
	case "del", "moveFrom", "sectPr", "sdtPr", "sdtEndPr", "pPrChange", "rPrChange", "tblPrChange",
		"trPrChange", "tcPrChange", "sectPrChange", "numberingChange", "commentReference",
		"drawing", "pict", "object", "txbxContent", "background", "tblPr", "tblGrid", "trPr", "tcPr":
		return true
	}
	return false
}

// paragraph reads a w:p whose start tag was just read.
func (p *bodyParser) paragraph() (*rawPara, error) {
	p.paraCount++
	para := &rawPara{index: p.paraCount, indent: -1}
	cur := &lineRuns{}
	var links []struct {
		depth int
		url   string
	}
	depth := 1
	for depth > 0 {
		t, err := p.x.Next()
		if err != nil {
			if err == io.EOF {
				return nil, model.Errorf(stage, p.x.Pos(), model.ErrMalformed, "paragraph %d is not closed", para.index)
			}
			return nil, err
		}
		switch t.Kind {
		case opc.StartElement:
			switch {
			case isW(t.Name, "pPr"):
				if err := p.paraProps(para); err != nil {
					return nil, err
				}
			case isW(t.Name, "r"):
				url := ""
				if n := len(links); n > 0 {
					url = links[n-1].url
				}
				if err := p.run(cur, url, para); err != nil {
					return nil, err
				}
			case isW(t.Name, "hyperlink"):
				depth++
				url := ""
				if id := relAttr(t, "id"); id != "" {
					if r, ok := p.rels[id]; ok && r.External {
						url = r.Target
					}
				}
				links = append(links, struct {
					depth int
					url   string
				}{depth, url})
			case isW(t.Name, "p"):
				// A paragraph inside a paragraph (text boxes written inline by some
				// producers): its text joins this one.
				inner, err := p.paragraph()
				if err != nil {
					return nil, err
				}
				for _, l := range inner.lines {
					for _, in := range l {
						cur.add(in)
					}
				}
			case p.skipped(t.Name):
				if err := p.x.Skip(); err != nil {
					return nil, err
				}
			default:
				depth++ // transparent: ins, moveTo, smartTag, customXml, sdt, fldSimple, …
			}
		case opc.EndElement:
			depth--
			if n := len(links); n > 0 && links[n-1].depth == depth+1 {
				links = links[:n-1]
			}
		}
	}
	para.lines = append(para.lines, cur.take())
	for i, l := range para.lines {
		para.lines[i] = merge(l)
	}
	return para, nil
}

// paraProps reads w:pPr: style, numbering, outline level. Property changes (the previous
// formatting of a tracked change) and the paragraph mark's run properties are skipped.
func (p *bodyParser) paraProps(para *rawPara) error {
	depth := 1
	for depth > 0 {
		t, err := p.x.Next()
		if err != nil {
			return p.eof(err)
		}
		switch t.Kind {
		case opc.StartElement:
			if !inW(t.Name) {
				if err := p.x.Skip(); err != nil {
					return err
				}
				continue
			}
			v, _ := attr(t, "val")
			switch t.Name.Local {
			case "pPrChange", "rPr", "sectPr", "framePr", "tabs", "pBdr":
				if err := p.x.Skip(); err != nil {
					return err
				}
				continue
			case "pStyle":
				para.styleID = v
			case "numId":
				if n, err := strconv.Atoi(v); err == nil {
					para.numID, para.hasNum = n, true
				}
			case "ilvl":
				if n, err := strconv.Atoi(v); err == nil && n >= 0 {
					para.ilvl = n
				}
			case "outlineLvl":
				if n, err := strconv.Atoi(v); err == nil && n >= 0 && n < 9 {
					para.outline = n + 1
				}
			case "ind":
				if n, ok := indentOf(t); ok {
					para.indent = n
				}
			}
			depth++
		case opc.EndElement:
			depth--
		}
	}
	return nil
}

func (p *bodyParser) eof(err error) error {
	if err == io.EOF {
		return model.Errorf(stage, p.x.Pos(), model.ErrMalformed, "XML ends inside an element")
	}
	return err
}

// run reads a w:r and adds its text to line. url is the target of an enclosing
// hyperlink. A manual line break ends the paragraph's current line: it goes to
// para.lines and a new line starts (done here, once per break, so a paragraph of many
// runs is read in linear time).
func (p *bodyParser) run(line *lineRuns, url string, para *rawPara) error {
	r := &runState{url: url, para: para, line: line, text: p.runText[:0]}
	defer func() { p.runText = r.text[:0] }()
	depth := 1
	for depth > 0 {
		t, err := p.x.Next()
		if err != nil {
			return p.eof(err)
		}
		switch t.Kind {
		case opc.StartElement:
			descend, err := p.runChild(t, r)
			if err != nil {
				return err
			}
			if descend {
				depth++
			}
		case opc.EndElement:
			depth--
		}
	}
	p.flushRun(r)
	return nil
}

// runState is what a w:r has said so far: its properties, the text not yet made a run, and
// the runs of the paragraph's current line.
type runState struct {
	bold, italic, hidden *bool
	charStyle            string
	text                 []byte
	url                  string // of an enclosing w:hyperlink
	para                 *rawPara
	line                 *lineRuns
}

// runChild reads an element inside a w:r whose start tag was just read. descend is true
// when its content is left to the caller's loop, false when it was read or skipped whole.
func (p *bodyParser) runChild(t opc.Token, r *runState) (descend bool, err error) {
	if !inW(t.Name) {
		if t.Name.Space == nsMC && t.Name.Local == "AlternateContent" {
			p.st.warnDrawing()
		}
		return false, p.x.Skip()
	}
	switch t.Name.Local {
	case "rPr":
		return false, p.runProps(&r.bold, &r.italic, &r.hidden, &r.charStyle)
	case "t":
		r.text, err = p.charData(r.text)
		return false, err
	case "instrText":
		p.instrText, err = p.charData(p.instrText[:0])
		if n := len(p.fields); err == nil && n > 0 && !p.fields[n-1].result {
			p.fields[n-1].instr.Write(p.instrText)
		}
		return false, err
	case "tab", "ptab":
		r.text = append(r.text, ' ')
	case "noBreakHyphen":
		r.text = append(r.text, "\u2011"...)
	case "br", "cr":
		if typ, _ := attr(t, "type"); typ != "page" && typ != "column" {
			p.flushRun(r)
			if !p.inInstr() {
				r.para.lines = append(r.para.lines, r.line.take())
			}
		}
	case "fldChar":
		p.flushRun(r)
		typ, _ := attr(t, "fldCharType")
		p.fieldChar(typ)
	case "footnoteReference", "endnoteReference":
		p.flushRun(r)
		id, _ := attr(t, "id")
		notes := p.st.footnotes
		if t.Name.Local == "endnoteReference" {
			notes = p.st.endnotes
		}
		if note, ok := notes[id]; ok && !p.inInstr() && (r.hidden == nil || !*r.hidden) {
			r.line.add(model.Inline{Kind: model.KindFootnote, Note: model.CloneInlines(note), Line: r.para.index})
		}
	case "drawing", "pict", "object":
		p.st.warnDrawing()
		return false, p.x.Skip()
	case "delText", "delInstrText", "sym", "footnoteRef", "endnoteRef", "separator",
		"continuationSeparator", "annotationRef", "commentReference", "ruby":
		return false, p.x.Skip()
	}
	return true, nil
}

// flushRun makes the text read since the last flush a run of r.line, with the run's
// formatting (its own, else its character style's) and link, unless the text is hidden or
// part of a field instruction.
func (p *bodyParser) flushRun(r *runState) {
	if len(r.text) == 0 {
		return
	}
	s := r.text
	r.text = r.text[:0]
	if r.hidden != nil && *r.hidden || p.inInstr() {
		return
	}
	b, i := p.st.styles.runFormat(r.charStyle)
	if r.bold != nil {
		b = *r.bold
	}
	if r.italic != nil {
		i = *r.italic
	}
	kind := model.KindText
	switch {
	case b:
		kind = model.KindStrong
	case i:
		kind = model.KindEmphasis
	}
	link := r.url
	if link == "" {
		link = p.fieldURL()
	}
	if u, ok := model.LinkTarget(link); ok {
		kind, link = model.KindLink, u
	} else {
		link = ""
	}
	r.line.addText(model.Inline{Kind: kind, URL: link, Line: r.para.index}, s)
}

// lineRuns are the runs of the line being read, merged as they come (a paragraph may have
// hundreds of thousands of runs, mostly with the same formatting): text that continues
// the last run's formatting waits in tail and is joined to it once.
type lineRuns struct {
	runs []model.Inline
	tail []byte
}

// mergeable reports whether b continues run a, as merge joins them.
func mergeable(a, b *model.Inline) bool {
	return a.Kind == b.Kind && a.URL == b.URL && b.Kind != model.KindFootnote
}

// add appends in, or its text to the last run when it continues it.
func (l *lineRuns) add(in model.Inline) {
	if n := len(l.runs); n > 0 && mergeable(&l.runs[n-1], &in) {
		l.tail = append(l.tail, in.Text...)
		return
	}
	l.flush()
	l.runs = append(l.runs, in)
}

// addText adds a run of in's kind with text, cleaned as textrun.Clean does.
func (l *lineRuns) addText(in model.Inline, text []byte) {
	if !utf8.Valid(text) || bytes.IndexByte(text, 0) >= 0 {
		text = []byte(textrun.Clean(string(text)))
	}
	if n := len(l.runs); n > 0 && mergeable(&l.runs[n-1], &in) {
		l.tail = append(l.tail, text...)
		return
	}
	l.flush()
	in.Text = string(text)
	l.runs = append(l.runs, in)
}

func (l *lineRuns) flush() {
	if len(l.tail) > 0 {
		l.runs[len(l.runs)-1].Text += string(l.tail)
		l.tail = l.tail[:0]
	}
}

// take returns the line's runs and starts a new line.
func (l *lineRuns) take() []model.Inline {
	l.flush()
	runs := l.runs
	if runs == nil {
		runs = []model.Inline{}
	}
	l.runs = nil
	return runs
}

// runProps reads w:rPr: bold, italic, hidden text and the character style.
func (p *bodyParser) runProps(bold, italic, hidden **bool, charStyle *string) error {
	depth := 1
	for depth > 0 {
		t, err := p.x.Next()
		if err != nil {
			return p.eof(err)
		}
		switch t.Kind {
		case opc.StartElement:
			if inW(t.Name) {
				switch t.Name.Local {
				case "rPrChange":
					if err := p.x.Skip(); err != nil {
						return err
					}
					continue
				case "b":
					on := isOn(t)
					*bold = &on
				case "i":
					on := isOn(t)
					*italic = &on
				case "vanish", "webHidden", "specVanish":
					on := isOn(t)
					*hidden = &on
				case "rStyle":
					*charStyle, _ = attr(t, "val")
				}
			}
			depth++
		case opc.EndElement:
			depth--
		}
	}
	return nil
}

// charData appends the text of a w:t (or w:instrText) element, up to its end tag, to dst.
func (p *bodyParser) charData(dst []byte) ([]byte, error) {
	depth := 1
	for depth > 0 {
		t, err := p.x.Next()
		if err != nil {
			return dst, p.eof(err)
		}
		switch t.Kind {
		case opc.CharData:
			if depth == 1 {
				dst = append(dst, t.Data...)
			}
		case opc.StartElement:
			depth++
		case opc.EndElement:
			depth--
		}
	}
	return dst, nil
}

// fieldChar moves the complex-field state machine. Fields nest and may span paragraphs.
func (p *bodyParser) fieldChar(typ string) {
	switch typ {
	case "begin":
		if len(p.fields) < opc.MaxXMLDepth {
			p.fields = append(p.fields, &complexField{})
		}
	case "separate":
		if n := len(p.fields); n > 0 {
			f := p.fields[n-1]
			f.result = true
			if m := hyperlinkInstr.FindStringSubmatch(f.instr.String()); m != nil {
				f.url = m[1]
			}
		}
	case "end":
		if n := len(p.fields); n > 0 {
			p.fields = p.fields[:n-1]
		}
	}
}

// inInstr reports whether text now belongs to a field instruction (between begin and
// separate of any open field), which is never shown.
func (p *bodyParser) inInstr() bool {
	for _, f := range p.fields {
		if !f.result {
			return true
		}
	}
	return false
}

// fieldURL is the target of the innermost HYPERLINK field whose result is being read.
func (p *bodyParser) fieldURL() string {
	for i := len(p.fields) - 1; i >= 0; i-- {
		if p.fields[i].url != "" {
			return p.fields[i].url
		}
	}
	return ""
}

// checkBlocks stops reading as soon as the body, or one table, has more than MaxBlocks
// blocks or rows: a small DOCX can inflate to millions of paragraphs, and the runner's own
// count comes only after all of them are in memory.
func (p *bodyParser) checkBlocks(n int) error {
	if max := p.st.opts.Limits.WithDefaults().MaxBlocks; n > max {
		return model.Errorf(stage, model.Pos{File: p.st.name, Part: p.part, Line: p.paraCount}, model.ErrTooLarge,
			"more than %d blocks (paragraphs, tables, rows), the limit", max).WithSetting(model.SettingMaxBlocks)
	}
	return nil
}

// table reads a w:tbl whose start tag was just read. Cell paragraphs are joined with
// spaces; a table nested in a cell adds its text to the cell. The cell paragraphs are
// returned too (not those of nested tables), for what their styles say of the table.
func (p *bodyParser) table() (*model.Table, []*rawPara, error) {
	var paras []*rawPara
	tbl := &model.Table{Pos: model.Pos{File: p.st.name, Part: p.part, Line: p.paraCount + 1}}
	p.tables++
	defer func() { p.tables-- }()
	if max := p.st.opts.Limits.WithDefaults().MaxDepth; p.tables > max {
		return nil, nil, model.Errorf(stage, tbl.Pos, model.ErrTooDeep, "tables nest deeper than %d levels", max).WithSetting(model.SettingMaxDepth)
	}
	var row [][]model.Inline
	var cell []model.Inline
	inRow, inCell := false, false
	depth := 1
	for depth > 0 {
		t, err := p.x.Next()
		if err != nil {
			return nil, nil, p.eof(err)
		}
		switch t.Kind {
		case opc.StartElement:
			switch {
			case isW(t.Name, "tr"):
				row, inRow = nil, true
			case isW(t.Name, "tc"):
				cell, inCell = nil, true
			case isW(t.Name, "p"):
				para, err := p.paragraph()
				if err != nil {
					return nil, nil, err
				}
				paras = append(paras, para)
				for _, l := range para.lines {
					cell = join(cell, l)
				}
				continue
			case isW(t.Name, "tbl"):
				inner, _, err := p.table()
				if err != nil {
					return nil, nil, err
				}
				for _, r := range inner.Rows {
					for _, c := range r {
						cell = join(cell, c)
					}
				}
				continue
			case p.skipped(t.Name):
				if err := p.x.Skip(); err != nil {
					return nil, nil, err
				}
				continue
			}
			depth++
		case opc.EndElement:
			depth--
			switch {
			case isW(t.Name, "tc") && inCell:
				row = append(row, textrun.Trim(cell))
				inCell = false
			case isW(t.Name, "tr") && inRow:
				if len(row) > 0 {
					tbl.Rows = append(tbl.Rows, row)
					if err := p.checkBlocks(len(tbl.Rows)); err != nil {
						return nil, nil, err
					}
				}
				inRow = false
			}
		}
	}
	return tbl, paras, nil
}
