package model

// Walk calls fn for every block in document order, depth first: a paragraph before its
// children, a list before its items, a quotation before its paragraphs, an annex before
// its blocks. If fn returns
// false the block's children are skipped.
func Walk(blocks []Block, fn func(b Block) bool) {
	for _, b := range blocks {
		walkBlock(b, fn)
	}
}

func walkBlock(b Block, fn func(Block) bool) {
	if b == nil || !fn(b) {
		return
	}
	switch n := b.(type) {
	case *Paragraph:
		Walk(n.Children, fn)
	case *List:
		for _, it := range n.Items {
			if it != nil {
				walkBlock(it, fn)
			}
		}
	case *ListItem:
		Walk(n.Children, fn)
	case *Quote:
		for _, p := range n.Paragraphs {
			if p != nil {
				walkBlock(p, fn)
			}
		}
	case *Annex:
		Walk(n.Blocks, fn)
	}
}

// Clone returns a deep copy of the document, so one parsed document can be localized into
// several languages concurrently without the versions sharing mutable state.
func (d *Document) Clone() *Document {
	c := *d
	c.Meta.Extra = cloneMap(d.Meta.Extra)
	if d.Meta.Lines != nil {
		c.Meta.Lines = make(map[string]Pos, len(d.Meta.Lines))
		for k, v := range d.Meta.Lines {
			c.Meta.Lines[k] = v
		}
	}
	c.Meta.Participants = append([]Participant(nil), d.Meta.Participants...)
	c.Front = append([]FrontLine(nil), d.Front...)
	c.Present.Masthead = append([]MastheadLine(nil), d.Present.Masthead...)
	c.Present.Fonts = append([]string(nil), d.Present.Fonts...)
	c.Blocks = CloneBlocks(d.Blocks)
	return &c
}

func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// CloneBlocks deep-copies a slice of blocks.
func CloneBlocks(bs []Block) []Block {
	if bs == nil {
		return nil
	}
	out := make([]Block, len(bs))
	for i, b := range bs {
		out[i] = CloneBlock(b)
	}
	return out
}

// CloneBlock deep-copies one block.
func CloneBlock(b Block) Block {
	switch n := b.(type) {
	case *Heading:
		c := *n
		c.Inlines = CloneInlines(n.Inlines)
		return &c
	case *Paragraph:
		return cloneParagraph(n)
	case *List:
		c := *n
		c.Items = make([]*ListItem, len(n.Items))
		for i, it := range n.Items {
			c.Items[i] = CloneBlock(it).(*ListItem)
		}
		return &c
	case *ListItem:
		c := *n
		c.Inlines = CloneInlines(n.Inlines)
		c.Children = CloneBlocks(n.Children)
		return &c
	case *Quote:
		c := *n
		c.Paragraphs = make([]*Paragraph, len(n.Paragraphs))
		for i, p := range n.Paragraphs {
			c.Paragraphs[i] = cloneParagraph(p)
		}
		return &c
	case *Note:
		c := *n
		c.Inlines = CloneInlines(n.Inlines)
		return &c
	case *Table:
		c := *n
		c.Rows = make([][][]Inline, len(n.Rows))
		for i, row := range n.Rows {
			c.Rows[i] = make([][]Inline, len(row))
			for j, cell := range row {
				c.Rows[i][j] = CloneInlines(cell)
			}
		}
		return &c
	case *Preformatted:
		c := *n
		return &c
	case *Attendance:
		c := *n
		c.Groups = make([]AttendanceGroup, len(n.Groups))
		for i, g := range n.Groups {
			c.Groups[i] = g
			c.Groups[i].Names = append([]string(nil), g.Names...)
			c.Groups[i].Inlines = CloneInlines(g.Inlines)
		}
		return &c
	case *Annex:
		c := *n
		c.Blocks = CloneBlocks(n.Blocks)
		return &c
	}
	panic("model: CloneBlock: unknown block type")
}

func cloneParagraph(p *Paragraph) *Paragraph {
	c := *p
	c.Inlines = CloneInlines(p.Inlines)
	c.Children = CloneBlocks(p.Children)
	return &c
}

// CloneInlines deep-copies runs, including footnote contents.
func CloneInlines(ins []Inline) []Inline {
	if ins == nil {
		return nil
	}
	out := make([]Inline, len(ins))
	for i, in := range ins {
		out[i] = in
		out[i].Note = CloneInlines(in.Note)
	}
	return out
}
