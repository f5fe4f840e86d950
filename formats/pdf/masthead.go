package pdf

import (
	"strings"

	geo "github.com/scribe-un/scribe/formats/internal/geometry"
	"github.com/scribe-un/scribe/pipeline/model"
)

// The first page of a UN document: a band with "United Nations", the emblem and the organ
// at the start edge and the symbol at the end edge, ruled below; the distribution column
// (distribution, date, language, a blank line, original) at the end edge, ruled below; then
// the session and agenda-item lines, the title and subtitle in bold, and the sentence
// saying where and when the meeting was held. Arabic mirrors it all: the layout measures
// from the column's start edge, which is the right one there.

// mcell is one cell of a masthead row: lines set in [start, start+width) from the column's
// start edge; the row aligns every mcell's content at its bottom.
type mcell struct {
	lines []*line
	img   *picture
	h     float64 // content height, mm
}

// mastheadParts are the masthead lines by role.
type mastheadParts struct {
	un, organ, symbol string
	column            []model.MastheadLine
}

func splitMasthead(p model.Presentation, meta model.Metadata) mastheadParts {
	var m mastheadParts
	for _, ln := range p.Masthead {
		switch ln.Key {
		case model.MastUN:
			m.un = ln.Text
		case model.MastOrgan:
			m.organ = ln.Text
		case model.MastSymbol:
			m.symbol = ln.Text
		default:
			if ln.Text != "" {
				m.column = append(m.column, ln)
			}
		}
	}
	if len(p.Masthead) == 0 {
		m.organ, m.symbol = meta.Body, meta.Symbol
	}
	return m
}

// front typesets the masthead and the lines under it on page 1.
func (l *layouter) front() error {
	m := splitMasthead(l.doc.Present, l.doc.Meta)
	if m.un != "" || m.organ != "" || m.symbol != "" || len(m.column) > 0 {
		if err := l.masthead(m); err != nil {
			return err
		}
	}
	return l.underMasthead()
}

// textCell breaks text into the lines of a mcell.
func (l *layouter) textCell(text string, rs runStyle, lead, start, width float64, end bool, tag *blockTag) (mcell, error) {
	var c mcell
	if text == "" {
		return c, nil
	}
	pos := model.Pos{File: l.doc.Source}
	toks, err := l.tokens(textsOf(text), rs, pos)
	if err != nil {
		return c, err
	}
	rows, err := l.breakLines(toks, width, width, false)
	if err != nil {
		return c, err
	}
	for _, r := range rows {
		ln := &line{toks: r, start: start, width: width, end: end, h: lead * ptToMM, asc: ascent(rs.size, lead),
			rtl: baseRTL(r, l.rtl), mirror: l.rtl, tag: tag}
		c.lines = append(c.lines, ln)
		c.h += ln.h
	}
	return c, nil
}

// row lays cells out as one row at least minH high whose content is aligned at its bottom,
// with padding above and below (mm) and a rule of thickness rule (points) under it across
// the column; the last line returned carries the row's height.
func row(cells []mcell, minH, padTop, padBottom, rule float64, mirror bool) []*line {
	h := minH
	for _, c := range cells {
		h = max(h, c.h)
	}
	var out []*line
	for _, c := range cells {
		y := padTop + h - c.h
		if c.img != nil {
			out = append(out, &line{start: c.img.at, width: c.img.w, pic: c.img, dy: padTop + h - c.img.h, mirror: mirror})
		}
		for _, ln := range c.lines {
			// Drawn at its place in the mcell; the row's last record advances.
			ln.dy = y
			y += ln.h
			ln.h = 0
			out = append(out, ln)
		}
	}
	// The rule under the row takes its own thickness, as in LibreOffice's tables.
	total := padTop + h + padBottom
	out = append(out, &line{start: 0, width: colW, rule: rule * ptToMM, dy: total + rule*ptToMM/2, h: total + rule*ptToMM, mirror: mirror})
	return out
}

// masthead typesets the band and the distribution column.
func (l *layouter) masthead(m mastheadParts) error {
	organTag, symbolTag, unTag := l.tag("P"), l.tag("P"), l.tag("P")
	// The band's cells, from the start edge.
	at := 0.0
	un, err := l.textCell(m.un, runStyle{size: geo.UNSize}, geo.Leading, at, geo.UNWidth-geo.CellGap, false, unTag)
	if err != nil {
		return err
	}
	at += geo.UNWidth
	var emb mcell
	if e := l.emblem; e != nil {
		img := &picture{img: e.img, pw: e.pw, ph: e.ph, h: geo.EmblemSize, emblemTag: true}
		img.w = min(img.h*float64(e.pw)/float64(e.ph), geo.EmblemWidth-geo.CellGap)
		img.h = img.w * float64(e.ph) / float64(e.pw)
		img.at = at
		emb = mcell{img: img, h: img.h}
		at += geo.EmblemWidth
	}
	symW := geo.SymbolWidth
	organ, err := l.textCell(m.organ, runStyle{st: styleBold, size: geo.OrganSize}, geo.OrganLead, at, colW-symW-at-geo.CellGap, false, organTag)
	if err != nil {
		return err
	}
	symbol, err := l.textCell(m.symbol, runStyle{size: geo.SymbolSize, nobreak: true}, geo.OrganLead, colW-symW, symW, true, symbolTag)
	if err != nil {
		return err
	}
	// Reading order: United Nations, the organ, then the symbol, although the symbol's line
	// may be drawn first.
	if len(symbol.lines) > 0 {
		symbol.lines[0].before = []*blockTag{unTag, organTag}
	}
	band := row([]mcell{un, emb, organ, symbol}, 0, 0, geo.Pad*ptToMM, geo.BandRule, l.rtl)

	// The distribution column: a blank line before "Original".
	var col []*line
	colTag := l.tag("P")
	h := 0.0
	for i, c := range m.column {
		if c.Key == model.MastOriginal && i > 0 {
			col = append(col, &line{h: geo.Leading * ptToMM, mirror: l.rtl})
			h += geo.Leading * ptToMM
		}
		cl, err := l.textCell(c.Text, runStyle{size: geo.BodySize}, geo.Leading, geo.DistrFrom, colW-geo.DistrFrom, false, colTag)
		if err != nil {
			return err
		}
		for _, ln := range cl.lines {
			col = append(col, ln)
			h += ln.h
		}
	}
	lines := band
	if len(col) > 0 {
		// The column's lines advance one after another below the band; the rule closes it.
		pad := geo.Pad * ptToMM
		col[0].dy = pad
		for _, ln := range col[1:] {
			ln.dy = pad
		}
		lines = append(lines, col...)
		rule := geo.ColumnRule * ptToMM
		lines = append(lines, &line{start: 0, width: colW, rule: rule, dy: 2*pad + rule/2, h: 2*pad + rule, mirror: l.rtl})
	}
	l.blocks = append(l.blocks, &vblock{lines: lines, after: geo.SessionBefore * ptSpace, keepTogether: true, keepNext: true})
	return nil
}

// underMasthead typesets the session and agenda-item lines at the column's edge, the title
// and subtitle at the block's edge, and the title-block sentence.
func (l *layouter) underMasthead() error {
	pos := model.Pos{File: l.doc.Source}
	for _, t := range []string{l.doc.Meta.Session, l.doc.Present.AgendaItem} {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		ins := textsOf(t)
		size, lead := l.scaled(ins, geo.BodySize, geo.Leading)
		toks, err := l.tokens(ins, runStyle{size: size}, pos)
		if err != nil {
			return err
		}
		lines, err := l.para(toks, nil, box{left: 0, right: geo.Block, label: 0, size: size, lead: lead, noHyphens: true})
		if err != nil {
			return err
		}
		tagLines(lines, l.tag("P"))
		l.blocks = append(l.blocks, &vblock{lines: lines, keepNext: true, keepTogether: true})
	}
	for _, t := range []struct {
		text string
		hs   geo.Heading
		role string
	}{{l.doc.Meta.Title, geo.Title, "H"}, {l.doc.Meta.Subtitle, geo.Subtitle, "P"}} {
		if t.text = strings.TrimSpace(t.text); t.text == "" {
			continue
		}
		ins := textsOf(t.text)
		size, lead := l.scaled(ins, t.hs.Size, t.hs.Leading)
		toks, err := l.tokens(ins, runStyle{st: styleBold, size: size, heading: true}, pos)
		if err != nil {
			return err
		}
		lines, err := l.para(toks, nil, box{left: geo.Block, right: geo.Block, label: geo.Block, size: size, lead: lead, noHyphens: true})
		if err != nil {
			return err
		}
		tagLines(lines, l.tag(t.role))
		l.blocks = append(l.blocks, &vblock{lines: lines, before: t.hs.Before * ptSpace, after: t.hs.After * ptSpace, keepNext: true, keepTogether: true})
	}
	if t := l.doc.Present.TitleBlock; t != "" {
		ins := textsOf(t)
		size, lead := l.scaled(ins, geo.BodySize, geo.Leading)
		toks, err := l.tokens(ins, runStyle{size: size}, pos)
		if err != nil {
			return err
		}
		lines, err := l.para(toks, nil, box{left: geo.Block, right: geo.Block, label: geo.Block, size: size, lead: lead})
		if err != nil {
			return err
		}
		tagLines(lines, l.tag("P"))
		l.blocks = append(l.blocks, &vblock{lines: lines, after: geo.TitleBlockAfter * ptSpace, keepTogether: true})
	}
	return nil
}

// furniture typesets what pages repeat: the running head and, for the first page's foot,
// the job number, its barcode and "Please recycle".
func (l *layouter) furniture() (*furniture, error) {
	pos := model.Pos{File: l.doc.Source}
	f := &furniture{pos: pos}
	header := l.doc.Present.HeaderText
	if header == "" && len(l.doc.Present.Masthead) == 0 {
		header = l.doc.Meta.Symbol
	}
	var err error
	if header != "" {
		if f.header, err = l.tokens(textsOf(header), runStyle{st: styleBold, size: geo.HeadSize, nobreak: true}, pos); err != nil {
			return nil, err
		}
	}
	if job := l.doc.Present.FooterJob; job != "" {
		if f.job, err = l.tokens(textsOf(job), runStyle{size: geo.JobSize, nobreak: true}, pos); err != nil {
			return nil, err
		}
		f.bars = barcodeBars(l.doc.Meta.JobNumber)
	}
	if r := l.doc.Present.Recycle; r != "" {
		if f.recycle, err = l.tokens(textsOf(r), runStyle{size: geo.JobSize, nobreak: true}, pos); err != nil {
			return nil, err
		}
	}
	return f, nil
}
