package org

import (
	"strings"

	"github.com/scribe-un/scribe/formats/internal/markup"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

var (
	beginRe    = lazyre.New(`(?i)^\s*#\+begin_(\w+)`)
	keywordRe  = lazyre.New(`^\s*#\+(\w+):\s*(.*)$`)
	commentRe  = lazyre.New(`^\s*#(?:\s|$)`)
	drawerRe   = lazyre.New(`^\s*:([\w-]+):\s*$`)
	propertyRe = lazyre.New(`^\s*:[\w-]+\+?:\s+\S`)
	fixedRe    = lazyre.New(`^\s*:(?:\s(.*)|$)`)
	tableRe    = lazyre.New(`^\s*\|`)
	tableRule  = lazyre.New(`^\s*\|[-+:| ]*$`)
	footnoteRe = lazyre.New(`^\[fn:([^\]\s]+)\]\s*(.*)$`)
)

// parse reads the outline line by line into p.blocks.
func (p *parser) parse(lines []line) error {
	for i := 0; i < len(lines); i++ {
		if i%256 == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
		}
		l := lines[i]
		t := l.text
		switch {
		case strings.TrimSpace(t) == "":
			p.endParagraph()
			if p.list != nil {
				p.list.afterBlank = true
			}
		case isHeadline(t):
			p.endAll()
			if h := p.headline(t, l.no); h != nil {
				p.blocks = append(p.blocks, h)
			}
		case beginRe.MatchString(t):
			p.endAll()
			i = p.block(lines, i) - 1
		case keywordRe.MatchString(t):
			p.endAll()
			m := keywordRe.FindStringSubmatch(t)
			p.keyword(strings.ToLower(m[1]), strings.TrimSpace(m[2]), l.no)
		case commentRe.MatchString(t):
			p.endParagraph()
		case drawerRe.MatchString(t) || propertyRe.MatchString(t):
			// Drawer delimiters (":PROPERTIES:", ":END:") and property lines (":ID: 1") are
			// settings; any other line in a drawer is read as text.
			p.endParagraph()
			p.dropped.Add("drawer line")
		case footnoteRe.MatchString(t):
			p.endAll()
			for i+1 < len(lines) && strings.TrimSpace(lines[i+1].text) != "" && !isHeadline(lines[i+1].text) && !footnoteRe.MatchString(lines[i+1].text) {
				i++ // the definition's lines, read by collectFootnotes
			}
		case fixedRe.MatchString(t):
			p.endAll()
			j := i
			var pre []line
			for j < len(lines) && fixedRe.MatchString(lines[j].text) && !drawerRe.MatchString(lines[j].text) {
				pre = append(pre, line{text: fixedRe.FindStringSubmatch(lines[j].text)[1], no: lines[j].no})
				j++
			}
			p.preformatted(pre, "org-mode fixed-width lines (\": \")")
			i = j - 1
		case tableRe.MatchString(t):
			p.endAll()
			j := i
			for j < len(lines) && tableRe.MatchString(lines[j].text) {
				j++
			}
			p.table(lines[i:j])
			i = j - 1
		default:
			if err := p.textLine(l); err != nil {
				return err
			}
		}
	}
	p.endAll()
	return nil
}

// textLine reads a line that is a list item, a continuation of one, or paragraph text.
func (p *parser) textLine(l line) error {
	if m := itemAt(l.text); m != nil {
		p.endParagraph()
		return p.item(m, l)
	}
	if p.list != nil && indent(l.text) > p.list.textIndent() {
		p.list.continueItem(p, l)
		return nil
	}
	p.endList()
	p.para = append(p.para, l)
	return nil
}

// endAll closes the open paragraph and list.
func (p *parser) endAll() {
	p.endParagraph()
	p.endList()
}

// block reads "#+BEGIN_x" … "#+END_x" from lines[i] and returns the index after it.
func (p *parser) block(lines []line, i int) int {
	kind := strings.ToLower(beginRe.FindStringSubmatch(lines[i].text)[1])
	end := len(lines)
	for j := i + 1; j < len(lines); j++ {
		if strings.EqualFold(strings.TrimSpace(lines[j].text), "#+end_"+kind) {
			end = j
			break
		}
	}
	body := lines[i+1 : end]
	next := min(end+1, len(lines))
	switch kind {
	case "src", "example":
		p.preformatted(body, "org-mode "+kind+" block (preformatted)")
	case "comment", "export":
		p.dropped.Add(kind + " block")
	case "quote":
		q := &model.Quote{Pos: p.pos(lines[i].no), Why: "org-mode quote block"}
		var cur []textrun.Line
		flush := func() {
			if ins := textrun.Join(cur); len(ins) > 0 {
				q.Paragraphs = append(q.Paragraphs, &model.Paragraph{Pos: p.pos(cur[0].Line), Inlines: ins})
			}
			cur = nil
		}
		for _, l := range body {
			if strings.TrimSpace(l.text) == "" {
				flush()
				continue
			}
			if ins := p.inlines(strings.TrimSpace(l.text), l.no); len(ins) > 0 {
				cur = append(cur, textrun.Line{Inlines: ins, Line: l.no})
			}
		}
		flush()
		if len(q.Paragraphs) > 0 {
			p.blocks = append(p.blocks, q)
		}
	default: // verse, center and blocks scribe does not know: their lines are text
		for _, l := range body {
			if ins := p.inlines(strings.TrimSpace(l.text), l.no); len(ins) > 0 {
				p.blocks = append(p.blocks, &model.Paragraph{Pos: p.pos(l.no), Inlines: ins, Numbered: true, Why: "a line of an org-mode " + kind + " block"})
			}
		}
	}
	return next
}

// keyword applies a "#+KEY: value" line: the title and date set metadata, the language
// the notes' language; settings of org-mode itself are dropped; others are kept in the
// metadata's extra fields.
func (p *parser) keyword(key, value string, no int) {
	meta := &p.doc.Meta
	if meta.Lines == nil {
		meta.Lines = map[string]model.Pos{}
	}
	switch key {
	case "title":
		if value == "" {
			return
		}
		if meta.Title == "" {
			meta.Title = value
			meta.Lines["title"] = p.pos(no)
		}
		p.doc.Front = append(p.doc.Front, model.FrontLine{Pos: p.pos(no), Kind: model.FrontTitle, Text: value, Why: "the #+TITLE: keyword"})
	case "date":
		if value == "" {
			return
		}
		p.doc.Front = append(p.doc.Front, model.FrontLine{Pos: p.pos(no), Kind: model.FrontDate, Text: stripTimestamp(value), Why: "the #+DATE: keyword"})
	case "language":
		if meta.OriginalLang == "" && value != "" {
			meta.OriginalLang = value
			meta.Lines["originalLang"] = p.pos(no)
		}
	case "options", "startup", "setupfile", "filetags", "tags", "todo", "seq_todo", "typ_todo",
		"property", "tblfm", "latex_class", "latex_header", "html_head", "html", "latex", "name",
		"caption", "attr_html", "attr_latex", "include", "bind", "macro", "link", "archive", "category", "priorities", "results", "call":
		p.dropped.Add("#+" + strings.ToUpper(key) + " line")
	default:
		if value != "" {
			if meta.Extra == nil {
				meta.Extra = map[string]string{}
			}
			meta.Extra[key] = value
		}
	}
}

// stripTimestamp turns an org timestamp "<2016-03-14 Mon>" into its text "2016-03-14 Mon".
func stripTimestamp(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 2 && (s[0] == '<' && s[len(s)-1] == '>' || s[0] == '[' && s[len(s)-1] == ']') {
		return s[1 : len(s)-1]
	}
	return s
}

// preformatted keeps lines as written, never numbered.
func (p *parser) preformatted(lines []line, why string) {
	if len(lines) == 0 {
		return
	}
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	if pre := markup.Preformatted(p.name, lines[0].no, texts, why); pre != nil {
		p.blocks = append(p.blocks, pre)
	}
}

// table reads "| a | b |" lines; rule lines ("|---+---|") separate the header and add no
// row.
func (p *parser) table(lines []line) {
	tbl := &model.Table{Pos: p.pos(lines[0].no)}
	for _, l := range lines {
		if tableRule.MatchString(l.text) {
			// A rule under the first rows makes them the column headings.
			if tbl.Header == 0 && len(tbl.Rows) > 0 {
				tbl.Header = len(tbl.Rows)
			}
			continue
		}
		t := strings.TrimSpace(l.text)
		t = strings.TrimPrefix(t, "|")
		t = strings.TrimSuffix(t, "|")
		var row [][]model.Inline
		empty := true
		for _, c := range strings.Split(t, "|") {
			ins := p.inlines(strings.TrimSpace(c), l.no)
			if len(ins) > 0 {
				empty = false
			}
			row = append(row, ins)
		}
		if !empty {
			tbl.Rows = append(tbl.Rows, row)
		}
	}
	if len(tbl.Rows) > 0 {
		p.blocks = append(p.blocks, tbl)
	}
}

// collectFootnotes reads "[fn:label] text" definitions (with the lines that continue them)
// before the body, so references can come first.
func (p *parser) collectFootnotes(lines []line) {
	p.notes, p.usedNotes = map[string]string{}, map[string]bool{}
	for i := 0; i < len(lines); i++ {
		m := footnoteRe.FindStringSubmatch(lines[i].text)
		if m == nil {
			continue
		}
		text, first := m[2], lines[i].no
		for i+1 < len(lines) && strings.TrimSpace(lines[i+1].text) != "" && !isHeadline(lines[i+1].text) && !footnoteRe.MatchString(lines[i+1].text) {
			i++
			text += " " + strings.TrimSpace(lines[i].text)
		}
		_, dup := p.notes[m[1]]
		p.noteOrder = append(p.noteOrder, noteDef{label: m[1], text: strings.TrimSpace(text), no: first, dup: dup})
		if !dup {
			p.notes[m[1]] = strings.TrimSpace(text)
		}
	}
}
