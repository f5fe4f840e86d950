package rst

import (
	"strings"

	"github.com/scribe-un/scribe/formats/internal/frontmatter"
	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

var (
	bulletRe = lazyre.New(`^([*+\-•‣⁃])(?: +|$)`)
	enumRe   = lazyre.New(`^(?:\(([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)\)|([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)([.)]))(?: +|$)`)
	fieldRe  = lazyre.New("^:((?:[^:\\\\`\\s]|\\\\.)(?:[^:\\\\]|\\\\.)*):(?: +|$)")
)

// bulletAt returns the bullet opening t with the spaces after it, or "".
func bulletAt(t string) string { return bulletRe.FindString(t) }

// enumAt returns the enumerator opening t ("1. ", "(a) ", "iv) ", "#. "), or "".
func enumAt(t string) string { return enumRe.FindString(t) }

// fieldAt returns the field marker opening t (":date: "), or "". A role at the start of a
// line (":strike:`text`") is not a field.
func fieldAt(t string) string { return fieldRe.FindString(t) }

// markerKind tells which markers continue one list: the same bullet character, or
// enumerators of the same format and sequence ("1." and "2." but not "1." and "a)").
func markerKind(m string) string {
	m = strings.TrimSpace(m)
	if bulletRe.MatchString(m) {
		return m
	}
	sub := enumRe.FindStringSubmatch(m + " ")
	if sub == nil {
		return ""
	}
	val, format := sub[2], sub[3]
	if sub[1] != "" {
		val, format = sub[1], "()"
	}
	seq := "alpha"
	switch {
	case val == "#":
		seq = "auto"
	case val[0] >= '0' && val[0] <= '9':
		seq = "arabic"
	}
	return format + "|" + seq
}

// sameList reports whether an item of marker kind k continues a list of kind list: the
// same kind, or an auto-numbered "#." item after numbered items of the same format.
func sameList(k, list string) bool {
	if k == list {
		return true
	}
	kf, ks, _ := strings.Cut(k, "|")
	lf, ls, _ := strings.Cut(list, "|")
	return kf == lf && kf != "" && (ks == "auto" || ls == "auto")
}

// enumerationFollows applies docutils' test for an enumerated list: an enumerator line is
// a list item only when the next line is blank, indented, another item or the end, so a
// sentence that starts "A. Smith said" and runs on is a paragraph.
func enumerationFollows(lines []line, i int) bool {
	if i+1 >= len(lines) {
		return true
	}
	next := lines[i+1]
	return blank(next) || indent(next.text) > 0 || enumAt(next.text) != "" && sameList(markerKind(enumAt(next.text)), markerKind(enumAt(lines[i].text)))
}

// list reads a bullet or enumerated list: items with the same kind of marker, each item's
// body being the text after the marker and the lines indented under it.
func (p *parser) list(lines []line, i, depth int, marker func(string) string) (int, []model.Block, error) {
	start := i
	first := marker(lines[i].text)
	kind := markerKind(first)
	l := &model.List{Pos: p.pos(lines[i].no), Why: "reStructuredText bullet list"}
	if bulletAt(first) == "" {
		l.Why = "reStructuredText enumerated list (its numbers are replaced by the report's)"
	}
	for i < len(lines) {
		m := marker(lines[i].text)
		if m == "" || !sameList(markerKind(m), kind) || indent(lines[i].text) > 0 {
			break
		}
		col := len(m)
		n := indentedBlock(lines, i+1, 1)
		body := append([]line{{text: lines[i].text[col:], no: lines[i].no}}, dedent(lines[i+1:i+1+n], col)...)
		inner, err := p.blocks(body, depth+1)
		if err != nil {
			return 0, nil, err
		}
		if it := listItem(p.pos(lines[i].no), strings.TrimSpace(m), inner); it != nil {
			l.Items = append(l.Items, it)
		}
		i += 1 + n
		j := i
		for j < len(lines) && blank(lines[j]) {
			j++
		}
		if j == len(lines) || marker(lines[j].text) == "" || !sameList(markerKind(marker(lines[j].text)), kind) {
			break
		}
		i = j
	}
	if len(l.Items) == 0 {
		return i - start, nil, nil
	}
	return i - start, []model.Block{l}, nil
}

// listItem makes an item of a body: its first paragraph is the item's text, the rest
// (further paragraphs, nested lists) its children.
func listItem(pos model.Pos, marker string, body []model.Block) *model.ListItem {
	it := &model.ListItem{Pos: pos, Marker: marker}
	for k, b := range body {
		if para, ok := b.(*model.Paragraph); ok && k == 0 {
			it.Inlines = para.Inlines
			it.Children = append(it.Children, para.Children...)
			continue
		}
		if para, ok := b.(*model.Paragraph); ok {
			para.Numbered = false
		}
		it.Children = append(it.Children, b)
	}
	if len(it.Inlines) == 0 && len(it.Children) == 0 {
		return nil
	}
	return it
}

// fieldList reads ":name: value" fields. At the top of the document (before any body
// text) fields that name metadata (date, time, location, venue, title, session…) set it,
// like docutils' bibliographic fields; every other field becomes a "Name: value" paragraph,
// the form the inference reads labelled lines in ("Present: …", "Chair: …").
func (p *parser) fieldList(lines []line, i, depth int) (int, []model.Block, error) {
	start := i
	var out []model.Block
	for i < len(lines) {
		m := fieldAt(lines[i].text)
		if m == "" {
			break
		}
		name := strings.ReplaceAll(strings.TrimSpace(m)[1:len(strings.TrimSpace(m))-1], "\\", "")
		n := indentedBlock(lines, i+1, 1)
		body := append([]line{{text: lines[i].text[len(m):], no: lines[i].no}}, dedent(lines[i+1:i+1+n], minIndent(lines[i+1:i+1+n]))...)
		no := lines[i].no
		i += 1 + n
		if depth == 0 && !p.bodyStarted && frontmatter.Known(name) {
			value := joinLines(body)
			fm := frontmatter.Block{Fields: map[string]string{strings.ToLower(name): value}}
			fm.Apply(&p.doc.Meta, p.pos(no))
			p.doc.Front = append(p.doc.Front, model.FrontLine{Pos: p.pos(no), Kind: frontKind(name), Text: value,
				Why: "reStructuredText field :" + name + ": at the top of the document (bibliographic field)"})
		} else {
			inner, err := p.blocks(body, depth+1)
			if err != nil {
				return 0, nil, err
			}
			label := []model.Inline{{Kind: model.KindStrong, Text: name, Line: no}}
			out = append(out, labelled(p.pos(no), label, inner, "reStructuredText field :"+name+":"))
		}
		j := i
		for j < len(lines) && blank(lines[j]) {
			j++
		}
		if j == len(lines) || fieldAt(lines[j].text) == "" {
			break
		}
		i = j
	}
	return i - start, out, nil
}

// frontKind is the kind of front line a metadata field gives.
func frontKind(name string) model.FrontKind {
	switch strings.ToLower(name) {
	case "date", "time":
		return model.FrontDate
	case "venue", "location", "place":
		return model.FrontVenue
	case "title":
		return model.FrontTitle
	case "symbol":
		return model.FrontSymbol
	}
	return model.FrontOther
}

// labelled makes "Label: text" of a label and the blocks that follow it (a field, a
// definition list item): one paragraph when the body is one paragraph, else the label's
// paragraph with the body as its children.
func labelled(pos model.Pos, label []model.Inline, body []model.Block, why string) *model.Paragraph {
	para := &model.Paragraph{Pos: pos, Numbered: true, Why: why, Inlines: label}
	if len(body) > 0 {
		if first, ok := body[0].(*model.Paragraph); ok {
			if len(para.Inlines) > 0 {
				para.Inlines = append(para.Inlines, model.Inline{Kind: model.KindText, Text: ": ", Line: pos.Line})
			}
			para.Inlines = append(para.Inlines, first.Inlines...)
			para.Children = append(para.Children, first.Children...)
			body = body[1:]
		}
	}
	for _, b := range body {
		if bp, ok := b.(*model.Paragraph); ok {
			bp.Numbered = false
		}
		para.Children = append(para.Children, b)
	}
	return para
}

// definition reads a definition list item: a term line with its definition indented
// under it, read as "term: definition".
func (p *parser) definition(lines []line, i, depth int) (int, []model.Block, error) {
	n := indentedBlock(lines, i+1, 1)
	body := lines[i+1 : i+1+n]
	inner, err := p.blocks(dedent(body, minIndent(body)), depth+1)
	if err != nil {
		return 0, nil, err
	}
	term := p.inlines(strings.TrimSpace(lines[i].text), lines[i].no)
	for k := range term {
		if term[k].Kind == model.KindText || term[k].Kind == model.KindEmphasis {
			term[k].Kind = model.KindStrong
		}
	}
	para := labelled(p.pos(lines[i].no), term, inner, "reStructuredText definition list (term, indented definition)")
	if len(para.Inlines) == 0 && len(para.Children) == 0 {
		return 1 + n, nil, nil
	}
	return 1 + n, []model.Block{para}, nil
}

// lineBlock reads "| " lines: each line is kept as a line of its own (a paragraph);
// indented lines continue the line above.
func (p *parser) lineBlock(lines []line, i int) (int, []model.Block, error) {
	start := i
	var out []model.Block
	for i < len(lines) && (lines[i].text == "|" || strings.HasPrefix(lines[i].text, "| ")) {
		text := strings.TrimSpace(lines[i].text[1:])
		no := lines[i].no
		i++
		for i < len(lines) && !blank(lines[i]) && indent(lines[i].text) > 0 {
			text += " " + strings.TrimSpace(lines[i].text)
			i++
		}
		if ins := p.inlines(text, no); len(ins) > 0 {
			out = append(out, &model.Paragraph{Pos: p.pos(no), Inlines: ins, Numbered: true, Why: "reStructuredText line block (| )"})
		}
	}
	return i - start, out, nil
}
