package read

import (
	"context"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/scribe-un/scribe/formats/docx/internal/opc"
	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// docState is one conversion: the package, its styles, numbering and notes.
type docState struct {
	ctx       context.Context
	pkg       *opc.Package
	opts      model.ReadOptions
	name      string
	locales   *locales.Set // opts.Locales, checked
	styles    styleSheet
	numbering numberingDefs
	footnotes map[string][]model.Inline
	endnotes  map[string][]model.Inline
	// warnedDrawing avoids one warning per picture.
	warnedDrawing bool
}

func (s *docState) warnDrawing() {
	if !s.warnedDrawing {
		s.warnedDrawing = true
		s.opts.Warnings.Warn(stage, model.Pos{File: s.name}, "drawings, pictures and text boxes are not read")
	}
}

// read locates the parts through the package relationships, reads styles, numbering and
// notes, then the main document.
func (s *docState) read() (*model.Document, error) {
	pkgRels, err := s.pkg.Rels("_rels/.rels")
	if err != nil {
		return nil, err
	}
	main := mainPart
	if t, ok := opc.RelOfType(pkgRels, "/officeDocument"); ok && s.pkg.Has(opc.Resolve("", t)) {
		main = opc.Resolve("", t)
	}
	if !s.pkg.Has(main) {
		return nil, model.Errorf(stage, model.Pos{File: s.name, Part: main}, model.ErrMalformed,
			"no main document part: this zip is not a Word document")
	}
	rels, err := s.pkg.Rels(path.Join(path.Dir(main), "_rels", path.Base(main)+".rels"))
	if err != nil {
		return nil, err
	}
	part := func(relType, fallback string) string {
		if t, ok := opc.RelOfType(rels, relType); ok {
			return opc.Resolve(main, t)
		}
		if s.pkg.Has(fallback) {
			return fallback
		}
		return ""
	}
	if s.styles, err = readStyles(s.pkg, part("/styles", "word/styles.xml")); err != nil {
		return nil, err
	}
	if s.numbering, err = readNumbering(s.pkg, part("/numbering", "word/numbering.xml")); err != nil {
		return nil, err
	}
	if s.footnotes, err = s.readNotes(part("/footnotes", "word/footnotes.xml"), "footnote"); err != nil {
		return nil, err
	}
	if s.endnotes, err = s.readNotes(part("/endnotes", "word/endnotes.xml"), "endnote"); err != nil {
		return nil, err
	}

	rc, err := s.pkg.Open(main)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	p := &bodyParser{st: s, x: s.pkg.Decoder(rc, main), part: main, rels: rels}
	items, err := p.body()
	if err != nil {
		return nil, err
	}
	doc := &model.Document{Source: s.name}
	if s.opts.SourceLang != "" {
		doc.Meta.OriginalLang = s.opts.SourceLang
	}
	if !s.structured(items) {
		if err := s.infer(items, main, doc); err != nil {
			return nil, err
		}
	} else {
		s.build(items, main, doc)
	}
	if len(doc.Blocks) == 0 && len(doc.Front) == 0 {
		return nil, model.Errorf(stage, model.Pos{File: s.name, Part: main}, model.ErrEmpty, "the document has no text")
	}
	return doc, nil
}

// readNotes reads footnotes.xml or endnotes.xml into note contents by id, skipping the
// separator notes Word keeps there.
func (s *docState) readNotes(part, elem string) (map[string][]model.Inline, error) {
	out := map[string][]model.Inline{}
	if part == "" {
		return out, nil
	}
	rc, err := s.pkg.Open(part)
	if err != nil || rc == nil {
		return out, err
	}
	defer rc.Close()
	p := &bodyParser{st: s, x: s.pkg.Decoder(rc, part), part: part}
	id, skip := "", false
	var cur []model.Inline
	for {
		t, err := p.x.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t.Kind {
		case opc.StartElement:
			switch {
			case isW(t.Name, elem):
				id, _ = attr(t, "id")
				typ, _ := attr(t, "type")
				skip = typ != "" && typ != "normal"
				cur = nil
			case isW(t.Name, "p"):
				para, err := p.paragraph()
				if err != nil {
					return nil, err
				}
				for _, l := range para.lines {
					cur = join(cur, l)
				}
			case p.skipped(t.Name):
				if err := p.x.Skip(); err != nil {
					return nil, err
				}
			}
		case opc.EndElement:
			if isW(t.Name, elem) && !skip {
				if ins := textrun.Trim(cur); len(ins) > 0 {
					for i := range ins {
						ins[i].Line = 0 // a note has no line of the main part
					}
					out[id] = ins
				}
			}
		}
	}
}

// class is what a paragraph is, from its style and numbering.
type class struct {
	kind     int // one of the classKind constants
	level    int // heading level or list ilvl
	numFmt   string
	numbered bool // a list with numbers rather than bullets
	indent   int  // left indentation of a list paragraph, -1 when unknown
	why      string
}

const (
	kindBody = iota
	kindHeading
	kindTitle
	kindQuote
	kindList
	kindSkip
	kindTitleBlock
	kindNote
)

// classify decides a paragraph's role: direct outline level, then the style chain (title,
// heading name or outline level, table of contents), then numbering (direct, else from the
// style), then quotation style.
func (s *docState) classify(p *rawPara) class {
	role := s.styles.role(p.styleID)
	switch {
	case role.toc:
		return class{kind: kindSkip}
	case role.title:
		return class{kind: kindTitle, why: role.why}
	case role.titleBlock:
		return class{kind: kindTitleBlock, why: role.why}
	case role.note:
		return class{kind: kindNote, why: role.why}
	case role.heading > 0:
		return class{kind: kindHeading, level: role.heading, why: role.why}
	case p.outline > 0:
		return class{kind: kindHeading, level: p.outline, why: "paragraph outline level"}
	}
	numID, ilvl, ok := p.numID, p.ilvl, p.hasNum
	if !ok {
		numID, ilvl, ok = s.styles.numbering(p.styleID)
	}
	if ok && numID != 0 {
		if f := s.numbering.format(numID, ilvl); f != "none" {
			numbered := f != "" && f != "bullet"
			why := "Word bullet list (numbering.xml)"
			if numbered {
				why = fmt.Sprintf("Word numbered list (%s; its numbers are replaced by the report's)", f)
			}
			indent := p.indent
			if indent < 0 {
				indent = s.numbering.indent(numID, ilvl)
			}
			return class{kind: kindList, level: ilvl, numFmt: f, numbered: numbered, indent: indent, why: why}
		}
	}
	if role.quote {
		return class{kind: kindQuote, why: role.why}
	}
	return class{kind: kindBody}
}

// structured reports whether the document uses Word structure: a heading or title style,
// a list, a quotation style or a table. Without any, it was typed as plain paragraphs.
func (s *docState) structured(items []bodyItem) bool {
	for _, it := range items {
		if it.mast != nil {
			return true // a report scribe wrote
		}
		if it.table != nil {
			if len(it.table.Rows) > 0 {
				return true
			}
			continue
		}
		switch s.classify(it.para).kind {
		case kindHeading, kindTitle, kindQuote, kindList, kindTitleBlock, kindNote:
			return true
		}
	}
	return false
}

func (s *docState) pos(part string, index int) model.Pos {
	return model.Pos{File: s.name, Part: part, Line: index}
}

// infer hands a document typed as plain paragraphs to the inference engine: every
// paragraph line (split at manual line breaks) is a line, every empty paragraph a blank
// line, exactly as the text would be in a .txt file.
func (s *docState) infer(items []bodyItem, part string, doc *model.Document) error {
	var ls []infer.Line
	for _, it := range items {
		if it.para == nil || s.classify(it.para).kind == kindSkip {
			continue
		}
		pos := s.pos(part, it.para.index)
		empty := true
		for _, l := range it.para.lines {
			if ins := textrun.Trim(l); len(ins) > 0 {
				empty = false
				ls = append(ls, infer.Line{Text: model.PlainText(ins), Pos: pos, Inlines: ins})
			}
		}
		if empty {
			ls = append(ls, infer.Line{Pos: pos})
		}
	}
	opts := s.opts
	opts.Name = s.name
	return infer.Into(s.ctx, ls, opts, doc)
}

// listEntry is one list paragraph waiting to be nested.
type listEntry struct {
	ilvl   int // nesting level: the list level, or the indentation rank (see setLevels)
	indent int
	numFmt string
	pos    model.Pos
	ins    []model.Inline
}

// isMasthead reports whether the paragraphs of a table are a scribe masthead: every one
// with text is in a masthead style, and the organ or the symbol is there. The masthead is
// printed from the metadata, so reading it as a table would print it twice.
func (s *docState) isMasthead(paras []*rawPara) bool {
	head := false
	for _, p := range paras {
		role := s.styles.role(p.styleID)
		if role.masthead == "" {
			if len(joinAll(p.lines)) > 0 {
				return false
			}
			continue
		}
		head = head || (role.masthead != "line" && len(joinAll(p.lines)) > 0)
	}
	return head
}

// masthead puts what a scribe masthead says back into the metadata (organ, symbol,
// distribution, original language), unless the document says it elsewhere. Its date and
// this version's language are left out: the title block and the text carry them.
func (s *docState) masthead(paras []*rawPara, part string, doc *model.Document) {
	set := func(field string, v *string, text string, pos model.Pos) {
		if *v != "" || text == "" {
			return
		}
		*v = text
		if doc.Meta.Lines == nil {
			doc.Meta.Lines = map[string]model.Pos{}
		}
		doc.Meta.Lines[field] = pos
	}
	var organ []string
	var organPos model.Pos
	for _, p := range paras {
		text := strings.TrimSpace(model.PlainText(joinAll(p.lines)))
		pos := s.pos(part, p.index)
		switch s.styles.role(p.styleID).masthead {
		case "organ":
			if text != "" {
				if len(organ) == 0 {
					organPos = pos
				}
				organ = append(organ, text)
			}
		case "symbol":
			set("symbol", &doc.Meta.Symbol, text, pos)
		case "line":
			f, ok := s.locales.ParseMastheadLine(text)
			switch {
			case !ok:
			case f.Key == "distribution" && f.Value != "general":
				set("distribution", &doc.Meta.Distribution, f.Value, pos)
			case f.Key == "original":
				set("originalLang", &doc.Meta.OriginalLang, f.Value, pos)
			}
		}
	}
	set("body", &doc.Meta.Body, strings.Join(organ, " "), organPos)
}

// build maps a structured document onto blocks.
func (s *docState) build(items []bodyItem, part string, doc *model.Document) {
	var blocks []model.Block
	for i := 0; i < len(items); i++ {
		it := items[i]
		if it.mast != nil {
			s.masthead(it.mast, part, doc)
			continue
		}
		if it.table != nil {
			if len(it.table.Rows) > 0 {
				blocks = append(blocks, it.table)
			}
			continue
		}
		c := s.classify(it.para)
		pos := s.pos(part, it.para.index)
		switch c.kind {
		case kindSkip:
			continue
		case kindTitle:
			frontTitle(doc, joinAll(it.para.lines), pos, c.why)
		case kindTitleBlock:
			s.titleBlock(doc, joinAll(it.para.lines), pos, c.why)
		case kindNote:
			if ins := joinAll(it.para.lines); len(ins) > 0 {
				blocks = append(blocks, &model.Note{Pos: pos, Inlines: ins, Why: c.why})
			}
		case kindHeading:
			if ins := joinAll(it.para.lines); len(ins) > 0 {
				blocks = append(blocks, &model.Heading{Pos: pos, Level: c.level, Inlines: ins, Why: c.why})
			}
		case kindQuote:
			var q *model.Quote
			q, i = s.quoteAt(items, i, part, c.why)
			if len(q.Paragraphs) > 0 {
				blocks = attach(blocks, q)
			}
		case kindList:
			var entries []listEntry
			entries, i = s.listAt(items, i, part)
			blocks = s.listBlocks(blocks, entries)
		default:
			for _, p := range s.paragraphs(it.para, pos) {
				p.Numbered = true
				blocks = append(blocks, p)
			}
		}
	}
	infer.ShiftHeadings(blocks, func(level int) string { return fmt.Sprintf("level %d", level) })
	doc.Blocks = blocks
}

// frontTitle makes a title paragraph a front line, and the title when none was set.
func frontTitle(doc *model.Document, ins []model.Inline, pos model.Pos, why string) {
	if len(ins) == 0 {
		return
	}
	text := model.PlainText(ins)
	doc.Front = append(doc.Front, model.FrontLine{Pos: pos, Kind: model.FrontTitle, Text: text, Why: why})
	if doc.Meta.Title == "" {
		doc.Meta.Title = text
		doc.Meta.Lines = map[string]model.Pos{"title": pos}
	}
}

// titleBlock makes the sentence that says where and when the meeting was held front lines
// (the venue, the date and time) that the metadata normalizer reads, never a numbered
// paragraph; a sentence it cannot read stays a front line as it is.
func (s *docState) titleBlock(doc *model.Document, ins []model.Inline, pos model.Pos, why string) {
	if len(ins) == 0 {
		return
	}
	text := model.PlainText(ins)
	parts, ok := s.locales.ParseTitleBlock(text)
	if !ok {
		doc.Front = append(doc.Front, model.FrontLine{Pos: pos, Kind: model.FrontOther, Text: text, Why: why})
		return
	}
	if parts.Venue != "" {
		doc.Front = append(doc.Front, model.FrontLine{Pos: pos, Kind: model.FrontVenue, Text: parts.Venue, Why: why})
	}
	if when := strings.TrimSpace(parts.Date + " " + parts.Time); when != "" {
		doc.Front = append(doc.Front, model.FrontLine{Pos: pos, Kind: model.FrontDate, Text: when, Why: why})
	}
}

// quoteAt gathers the quotation paragraphs from items[i] on into one quotation, and
// returns it with the index of its last item.
func (s *docState) quoteAt(items []bodyItem, i int, part, why string) (*model.Quote, int) {
	q := &model.Quote{Pos: s.pos(part, items[i].para.index), Why: why}
	for ; i < len(items); i++ {
		if items[i].para == nil || s.classify(items[i].para).kind != kindQuote {
			break
		}
		if ins := joinAll(items[i].para.lines); len(ins) > 0 {
			q.Paragraphs = append(q.Paragraphs, &model.Paragraph{Pos: s.pos(part, items[i].para.index), Inlines: ins})
		}
	}
	if len(q.Paragraphs) > 0 {
		q.Pos = q.Paragraphs[0].Pos
	}
	return q, i - 1
}

// listAt gathers the list paragraphs from items[i] on (an empty paragraph between two
// items does not end the list), and returns them with the index of the last item read.
func (s *docState) listAt(items []bodyItem, i int, part string) ([]listEntry, int) {
	var entries []listEntry
	for ; i < len(items); i++ {
		if items[i].para == nil {
			break
		}
		ci := s.classify(items[i].para)
		ins := joinAll(items[i].para.lines)
		if ci.kind != kindList {
			if len(ins) == 0 && i+1 < len(items) && items[i+1].para != nil && s.classify(items[i+1].para).kind == kindList {
				continue // an empty paragraph between two items
			}
			break
		}
		if len(ins) > 0 {
			entries = append(entries, listEntry{ilvl: ci.level, indent: ci.indent, numFmt: ci.numFmt, pos: s.pos(part, items[i].para.index), ins: ins})
		}
	}
	return entries, i - 1
}

// paragraphs turns a body paragraph into one or more paragraphs: lines separated by manual
// line breaks are split by the note-line rule shared with the Markdown reader.
func (s *docState) paragraphs(para *rawPara, pos model.Pos) []*model.Paragraph {
	var lines [][]model.Inline
	var texts []string
	for _, l := range para.lines {
		if ins := textrun.Trim(l); len(ins) > 0 {
			lines = append(lines, ins)
			texts = append(texts, model.PlainText(ins))
		}
	}
	if len(lines) == 0 {
		return nil
	}
	starts := infer.NoteStarts(texts, nil)
	var out []*model.Paragraph
	var cur []model.Inline
	for i, l := range lines {
		if starts[i] && cur != nil {
			out = append(out, &model.Paragraph{Pos: pos, Inlines: cur})
			cur = nil
		}
		cur = join(cur, l)
	}
	out = append(out, &model.Paragraph{Pos: pos, Inlines: cur})
	if len(out) > 1 {
		for _, p := range out {
			p.Why = "one note of a paragraph typed one note per line (manual line breaks)"
		}
	}
	return out
}

// listBlocks places a run of list paragraphs. Bullets introduced by a paragraph become its
// subparagraph list; numbered items too when the paragraph ends with a colon, ":" or "："
// as the notes reader judges it (and, when a quotation already follows that paragraph,
// only a lower-level numbered list). Otherwise
// (numbered items after an ordinary paragraph, or any list after a heading or at the start)
// the top-level items are the notes' own numbered paragraphs, as the notes reader decides
// for typed numbers: the typed number is dropped and the report's numbering applies; deeper
// items become their subparagraph lists.
func (s *docState) listBlocks(blocks []model.Block, entries []listEntry) []model.Block {
	if len(entries) == 0 {
		return blocks
	}
	// A list at a lower level of its numbering (ilvl > 0), before setLevels ranks the run.
	sublevel := entries[0].ilvl > 0
	setLevels(entries)
	base := entries[0].ilvl
	for _, e := range entries {
		base = min(base, e.ilvl)
	}
	var intro *model.Paragraph
	if n := len(blocks); n > 0 {
		intro, _ = blocks[n-1].(*model.Paragraph)
	}
	numbered := entries[0].numFmt != "" && entries[0].numFmt != "bullet"
	colon := intro != nil && infer.EndsColon(strings.TrimRightFunc(model.PlainText(intro.Inlines), unicode.IsSpace))
	// When a quotation (or a list) already separates the introducing paragraph from this
	// numbered list, only a lower-level list continues it; a top-level numbered list after
	// "…proposed the following text:" and its quotation is the next numbered paragraphs
	// (scribe's own DOCX numbers every UN paragraph that way).
	if colon && len(intro.Children) > 0 && !sublevel {
		colon = false
	}
	if intro != nil && (!numbered || colon) {
		intro.Children = append(intro.Children, nestList(entries, base, 1))
		return blocks
	}
	for i := 0; i < len(entries); {
		e := entries[i]
		p := &model.Paragraph{Pos: e.pos, Inlines: e.ins, Numbered: true,
			Why: "Word list item with no paragraph introducing it: a numbered paragraph"}
		j := i + 1
		for j < len(entries) && entries[j].ilvl > e.ilvl {
			j++
		}
		if j > i+1 {
			sub := nestList(entries[i+1:j], e.ilvl+1, 1)
			sub.Nested = true // the item's own sub-points
			p.Children = append(p.Children, sub)
		}
		blocks = append(blocks, p)
		i = j
	}
	return blocks
}

// setLevels decides the nesting of a run of list paragraphs. Word's built-in "List Bullet
// 2" and "List Number 3" styles use separate numbering definitions at level 0 and show
// their depth by indentation only, so when every item's indentation is known, items nest
// by indentation rank; otherwise by list level (ilvl).
func setLevels(entries []listEntry) {
	indents := map[int]bool{}
	for _, e := range entries {
		if e.indent < 0 {
			return
		}
		indents[e.indent] = true
	}
	sorted := make([]int, 0, len(indents))
	for n := range indents {
		sorted = append(sorted, n)
	}
	slices.Sort(sorted)
	for i := range entries {
		entries[i].ilvl = slices.Index(sorted, entries[i].indent)
	}
}

// nestList builds a list of the given depth from entries whose shallowest level is base;
// deeper entries nest under the item before them.
func nestList(entries []listEntry, base, depth int) *model.List {
	l := &model.List{Pos: entries[0].pos, Depth: depth}
	if entries[0].numFmt != "" && entries[0].numFmt != "bullet" {
		l.Why = fmt.Sprintf("Word numbered list (%s; its numbers are replaced by the report's)", entries[0].numFmt)
	} else {
		l.Why = "Word bullet list (numbering.xml)"
	}
	for i := 0; i < len(entries); {
		e := entries[i]
		marker := "•"
		if e.numFmt != "" && e.numFmt != "bullet" {
			marker = e.numFmt
		}
		item := &model.ListItem{Pos: e.pos, Marker: marker, Inlines: e.ins}
		j := i + 1
		for j < len(entries) && entries[j].ilvl > e.ilvl && entries[j].ilvl > base {
			j++
		}
		if j > i+1 {
			item.Children = append(item.Children, nestList(entries[i+1:j], e.ilvl+1, depth+1))
		}
		l.Items = append(l.Items, item)
		i = j
	}
	return l
}

// attach makes a quotation a child of the paragraph before it, else leaves it standalone.
func attach(blocks []model.Block, b model.Block) []model.Block {
	if n := len(blocks); n > 0 {
		if p, ok := blocks[n-1].(*model.Paragraph); ok {
			p.Children = append(p.Children, b)
			return blocks
		}
	}
	return append(blocks, b)
}

// merge merges adjacent runs of the same kind and target.
func merge(runs []model.Inline) []model.Inline {
	var out []model.Inline
	// Text of the last run being extended, joined once at the end: adding to a string run
	// by run would copy it every time (a paragraph of 320,000 runs).
	var pending strings.Builder
	flush := func() {
		if pending.Len() > 0 {
			out[len(out)-1].Text += pending.String()
			pending.Reset()
		}
	}
	for _, in := range runs {
		if n := len(out); n > 0 && out[n-1].Kind == in.Kind && out[n-1].URL == in.URL && in.Kind != model.KindFootnote {
			pending.WriteString(in.Text)
			continue
		}
		flush()
		out = append(out, in)
	}
	flush()
	return out
}

// join appends b to a with one space between them when both hold text.
func join(a, b []model.Inline) []model.Inline {
	b = textrun.Trim(append([]model.Inline(nil), b...))
	if len(b) == 0 {
		return a
	}
	a = textrun.Trim(a)
	if len(a) > 0 {
		a = append(a, model.Inline{Kind: model.KindText, Text: " ", Line: b[0].Line})
	}
	return merge(append(a, b...))
}

// joinAll joins the lines of a paragraph with spaces.
func joinAll(lines [][]model.Inline) []model.Inline {
	var out []model.Inline
	for _, l := range lines {
		out = join(out, l)
	}
	return out
}
