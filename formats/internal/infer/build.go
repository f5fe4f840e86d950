package infer

import (
	"fmt"
	"strings"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Reasons shared by many blocks are constants, so a million-line input does not format a
// million strings.
const (
	whyQuotePara = "quotation paragraph"
	whyNumbered  = "paragraph: typed with its own number, which is dropped; the numbering normalizer numbers paragraphs"
	whyOrphan    = "paragraph: a bullet that no paragraph introduces; a UN report has no subparagraphs without a lead paragraph"
	whyLongPara  = "paragraph: body text"
	whyListLead  = "paragraph: introduces the unmarked list under it"
	whyQuoteLead = "paragraph: the quotation it opens continues over the next paragraphs"
	whyCueQuote  = "quotation: lines marked \"> \""
)

// inl returns the runs of bytes [from, to) of the item's text.
func (in *inferrer) inl(it *item, from, to int) []model.Inline {
	if it.ins != nil {
		return sliceInlines(it.ins, from, to, int(it.line))
	}
	return model.Texts(strings.TrimSpace(it.text[from:to]), int(it.line))
}

// contentInl returns the runs of the item's content (after its cue or marker).
func (in *inferrer) contentInl(it *item) []model.Inline {
	return in.inl(it, int(it.off), len(it.text))
}

// builder assembles blocks; lastPara is the paragraph that lists and quotations attach to.
type builder struct {
	*inferrer
	blocks   []model.Block
	lastPara *model.Paragraph
}

func (b *builder) add(blk model.Block) {
	b.blocks = append(b.blocks, blk)
	if p, ok := blk.(*model.Paragraph); ok && p.Numbered {
		b.lastPara = p
	} else {
		b.lastPara = nil
	}
}

// attach adds a child to the paragraph before, or puts it in the body when there is none.
func (b *builder) attach(blk model.Block) {
	if b.lastPara != nil {
		b.lastPara.Children = append(b.lastPara.Children, blk)
		return
	}
	b.blocks = append(b.blocks, blk)
}

func (in *inferrer) build() error {
	b := &builder{inferrer: in, blocks: make([]model.Block, 0, len(in.items))}
	items := in.items
	for i := 0; i < len(items); i++ {
		if err := in.checkCtx(i); err != nil {
			return err
		}
		it := &items[i]
		switch {
		case it.kind == kFront:
		case it.quoteEnd > 0:
			b.quotation(i)
			i = int(it.quoteEnd)
		case it.kind == kHead:
			b.add(&model.Heading{Pos: in.pos(it.line), Level: int(it.level),
				Inlines: in.inl(it, int(it.off), int(it.off)+len(headingText(it))), Why: it.cueWhy})
		case it.heading:
			// Inferred headings are chapters; a topic label may sit under a cue.
			b.add(&model.Heading{Pos: in.pos(it.line), Level: max(1, int(it.level)), Inlines: in.contentInl(it), Why: it.why})
		case it.kind == kQuote:
			q := &model.Quote{Pos: in.pos(it.line), Why: whyCueQuote}
			for ; i < len(items) && items[i].kind == kQuote; i++ {
				q.Paragraphs = append(q.Paragraphs, &model.Paragraph{Pos: in.pos(items[i].line),
					Inlines: in.contentInl(&items[i]), Why: whyQuotePara})
			}
			i--
			b.attach(q)
		case it.kind == kNote:
			b.add(&model.Note{Pos: in.pos(it.line), Inlines: in.contentInl(it), Why: "note: the whole line is in brackets, an editorial remark; not numbered"})
		case it.kind == kBullet || (it.kind == kNumbered && b.lastPara != nil && endsColon(model.PlainText(b.lastPara.Inlines))):
			n, err := b.bullets(i)
			if err != nil {
				return err
			}
			i += n - 1
		case it.kind == kNumbered:
			b.add(&model.Paragraph{Pos: in.pos(it.line), Inlines: in.contentInl(it), Numbered: true, Why: whyNumbered})
		default:
			p := &model.Paragraph{Pos: in.pos(it.line), Inlines: in.contentInl(it), Numbered: true, Why: it.why}
			if p.Why == "" {
				p.Why = whyLongPara
			}
			b.add(p)
			if it.listN > 0 {
				p.Why = whyListLead
				l := &model.List{Pos: in.pos(items[i+1].line), Depth: 1,
					Why: fmt.Sprintf("list: %d short lines without final stops under the lead line %d", it.listN, it.line)}
				if endsColon(it.text) {
					l.Why = fmt.Sprintf("list: %d short lines under the lead line %d, which ends with a colon", it.listN, it.line)
				}
				for j := i + 1; j <= i+int(it.listN); j++ {
					l.Items = append(l.Items, &model.ListItem{Pos: in.pos(items[j].line), Inlines: in.contentInl(&items[j])})
				}
				p.Children = append(p.Children, l)
				i += int(it.listN)
			}
		}
	}
	in.doc.Blocks = b.blocks
	return nil
}

// quotation builds a quotation that opens in item i and closes in item it.quoteEnd. The text
// before the opening mark stays a paragraph; the quoted paragraphs, marks kept, become a
// Quote child of it (or of the paragraph before, when the quotation opens the line).
func (b *builder) quotation(i int) {
	items := b.items
	it := &items[i]
	end := int(it.quoteEnd)
	open := int(it.off + it.quoteAt)
	q := &model.Quote{Pos: b.pos(it.line),
		Why: fmt.Sprintf("quotation: opened at line %d and closed at line %d, over %d paragraphs", it.line, items[end].line, end-i+1)}
	q.Paragraphs = append(q.Paragraphs, &model.Paragraph{Pos: b.pos(it.line), Inlines: b.inl(it, open, len(it.text)), Why: whyQuotePara})
	for j := i + 1; j <= end; j++ {
		q.Paragraphs = append(q.Paragraphs, &model.Paragraph{Pos: b.pos(items[j].line), Inlines: b.inl(&items[j], 0, len(items[j].text)), Why: whyQuotePara})
	}
	if hasWord(it.text[it.off:open]) {
		why := whyQuoteLead
		if it.kind == kNumbered {
			why = whyNumbered
		}
		p := &model.Paragraph{Pos: b.pos(it.line), Inlines: b.inl(it, int(it.off), open), Numbered: true, Why: why}
		b.add(p)
		p.Children = append(p.Children, q)
		return
	}
	b.attach(q)
}

// node is a bullet in the tree that nesting builds.
type node struct {
	it       *item
	children []*node
	// nestWhy says why the list under this node is nested.
	nestWhy string
}

// frame is one open list level while nesting bullets.
type frame struct {
	indent   int32
	class    string
	siblings *[]*node
	prevSame int // index of the next frame down with the same class, -1 if none
}

// bullets reads the run of bullets starting at item i (blank lines between bullets do not
// end it) and attaches it: as the subparagraph list of the paragraph before, or, with no
// paragraph to introduce it, as numbered paragraphs. It returns the number of items
// consumed.
func (b *builder) bullets(i int) (int, error) {
	roots, n, err := b.nest(i)
	if err != nil {
		return 0, err
	}
	if b.lastPara != nil {
		l := b.list(roots, 1)
		l.Why = fmt.Sprintf("list: %d %s marked %q, introduced by the paragraph at line %d",
			len(roots), plural(len(roots), "item", "items"), roots[0].it.marker, b.lastPara.Pos.Line)
		b.lastPara.Children = append(b.lastPara.Children, l)
		return n, nil
	}
	for _, n := range roots {
		why := whyOrphan
		if n.it.kind == kNumbered {
			why = whyNumbered
		}
		p := &model.Paragraph{Pos: b.pos(n.it.line), Inlines: b.contentInl(n.it), Numbered: true, Why: why}
		if len(n.children) > 0 {
			l := b.list(n.children, 1)
			l.Why = fmt.Sprintf("list: %d %s nested under a bullet by %s", len(n.children), plural(len(n.children), "item", "items"), n.nestWhy)
			l.Nested = true
			p.Children = append(p.Children, l)
		}
		b.add(p)
	}
	return n, nil
}

// nest builds the tree of the run of bullets starting at item i. Deeper indentation nests a
// level; at the same indentation a different marker nests too, unless an enclosing level
// uses it. It returns the top-level nodes and the number of items in the run.
func (b *builder) nest(i int) ([]*node, int, error) {
	items := b.items
	var roots []*node
	ns := nestStack{top: map[string]int{}}
	j := i
	for ; j < len(items); j++ {
		it := &items[j]
		if it.kind != kBullet && it.kind != kNumbered || j > i && it.heading {
			break
		}
		if len(ns.stack) == 0 {
			ns.push(it.indent, it.class, &roots)
		} else {
			ns.place(it)
		}
		if len(ns.stack) > b.maxDepth {
			return nil, 0, errorAt(b.opts.Name, int(it.line), model.ErrTooDeep, "bullets nest %d levels deep, limit %d", len(ns.stack), b.maxDepth)
		}
		f := ns.stack[len(ns.stack)-1]
		*f.siblings = append(*f.siblings, &node{it: it})
	}
	return roots, j - i, nil
}

// nestStack is the open list levels while nesting bullets; top maps a marker class to the
// innermost level using it.
type nestStack struct {
	stack []frame
	top   map[string]int
}

func (ns *nestStack) push(indent int32, class string, siblings *[]*node) {
	prev, ok := ns.top[class]
	if !ok {
		prev = -1
	}
	ns.top[class] = len(ns.stack)
	ns.stack = append(ns.stack, frame{indent, class, siblings, prev})
}

func (ns *nestStack) pop() {
	f := ns.stack[len(ns.stack)-1]
	if f.prevSame < 0 {
		delete(ns.top, f.class)
	} else {
		ns.top[f.class] = f.prevSame
	}
	ns.stack = ns.stack[:len(ns.stack)-1]
}

// place settles the level of bullet it, opening or closing levels: shallower indentation
// closes levels; deeper indentation, or a marker of another class at the same indentation,
// opens one under the last bullet, unless an enclosing level uses that class, which is then
// returned to.
func (ns *nestStack) place(it *item) {
	for len(ns.stack) > 1 && ns.stack[len(ns.stack)-1].indent > it.indent {
		ns.pop()
	}
	f := ns.stack[len(ns.stack)-1]
	class := it.class
	if it.indent <= f.indent {
		sib := *f.siblings
		class = sameStyle(it, f.class, sib[len(sib)-1].it.marker)
	}
	it.class = class
	if it.indent <= f.indent && class == f.class {
		return
	}
	if k, ok := ns.top[class]; ok && it.indent <= f.indent {
		for len(ns.stack)-1 > k {
			ns.pop()
		}
		return
	}
	sib := *f.siblings
	parent := sib[len(sib)-1]
	if it.indent > f.indent {
		parent.nestWhy = "deeper indentation"
	} else {
		parent.nestWhy = fmt.Sprintf("a different marker (%q under %q)", it.marker, parent.it.marker)
	}
	ns.push(it.indent, class, &parent.children)
}

// sameStyle reconciles the letter-or-roman ambiguity of "i", "v", "x", "l", "c": a marker
// continues the current list when the list's last counter is the one before it, in the
// list's own style ("h)" then "i)" are letters; "iv)" then "v)" are roman numerals).
func sameStyle(it *item, current, lastMarker string) string {
	class := it.class
	if class == current || len(class) != len(current) {
		return class
	}
	if strings.NewReplacer("a", "i", "i", "a").Replace(class) != current {
		return class
	}
	counter, last := counterOf(it.marker), counterOf(lastMarker)
	if strings.Contains(current, "a") {
		if len(counter) == 1 && len(last) == 1 && counter[0] == last[0]+1 {
			return current
		}
		return class
	}
	if r, p := locales.ParseRoman(counter), locales.ParseRoman(last); r > 0 && p > 0 && r == p+1 {
		return current
	}
	return class
}

func counterOf(marker string) string { return strings.Trim(marker, "()（）.、") }

// list converts bullet nodes into a List of the given depth, with nested lists below.
func (b *builder) list(nodes []*node, depth int) *model.List {
	l := &model.List{Pos: b.pos(nodes[0].it.line), Depth: depth, Items: make([]*model.ListItem, 0, len(nodes))}
	for _, n := range nodes {
		li := &model.ListItem{Pos: b.pos(n.it.line), Marker: n.it.marker, Inlines: b.contentInl(n.it)}
		if len(n.children) > 0 {
			sub := b.list(n.children, depth+1)
			sub.Why = fmt.Sprintf("list: %d %s at depth %d, nested by %s", len(n.children), plural(len(n.children), "item", "items"), depth+1, n.nestWhy)
			li.Children = []model.Block{sub}
		}
		l.Items = append(l.Items, li)
	}
	return l
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
