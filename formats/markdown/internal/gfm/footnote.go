package gfm

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Footnotes, as GFM and PHP Markdown Extra write them:
//
//	The budget was approved.[^1]
//
//	[^1]: With one abstention.
//	    Indented lines continue the note.
//
// A definition ("[^label]: text", the label not blank) is a block that may interrupt a
// paragraph and holds every following line indented four columns, blank lines between
// them included. References ("[^label]") are matched to definitions by their exact label,
// wherever the definition stands, before or after; a reference without a definition stays
// text. Notes are numbered in the order of their first reference, and a definition nothing
// refers to is dropped.
//
// The tree is goldmark's: the definitions (east.Footnote, numbered in Index) gathered in
// one east.FootnoteList, the last child of the document when any note is referred to, and
// each reference an east.FootnoteLink carrying its note's number, with an
// east.FootnoteBacklink per reference appended to the note.

// maxLabel bounds a label, as CommonMark bounds link labels.
const maxLabel = 999

var (
	// footnoteListKey keeps the document's *east.FootnoteList while it is parsed.
	footnoteListKey = parser.NewContextKey()
	// footnoteLinksKey keeps the document's references, a *[]*east.FootnoteLink.
	footnoteLinksKey = parser.NewContextKey()
)

// labelEnd returns the index in b of the "]" that closes a label starting at b[0], or -1
// if a "[" comes first or nothing closes it. A backslash escapes the punctuation after it.
func labelEnd(b []byte) int {
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			i++
		case c == ']':
			return i
		case c == '[':
			return -1
		}
	}
	return -1
}

// footnoteDefinitionParser reads footnote definitions.
type footnoteDefinitionParser struct{}

// Trigger implements parser.BlockParser.
func (footnoteDefinitionParser) Trigger() []byte { return []byte{'['} }

// Open implements parser.BlockParser.
func (footnoteDefinitionParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos+1 >= len(line) || line[pos] != '[' || line[pos+1] != '^' {
		return nil, parser.NoChildren
	}
	open := pos + 2
	end := labelEnd(line[open:min(len(line), open+maxLabel)])
	if end < 0 {
		return nil, parser.NoChildren
	}
	closing := open + end
	colon := closing + 1
	if colon >= len(line) || line[colon] != ':' {
		return nil, parser.NoChildren
	}
	padding := seg.Padding
	label := reader.Value(text.NewSegment(seg.Start+open-padding, seg.Start+closing-padding))
	if util.IsBlank(label) {
		return nil, parser.NoChildren
	}
	note := east.NewFootnote(label)
	next := colon + 1 - padding
	if next >= len(line) {
		reader.Advance(next)
		return note, parser.NoChildren
	}
	reader.AdvanceAndSetPadding(next, padding)
	return note, parser.HasChildren
}

// Continue implements parser.BlockParser: blank lines and lines indented four columns
// belong to the note.
func (footnoteDefinitionParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), 4)
	if pos < 0 {
		return parser.Close
	}
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser: the note moves into the document's footnote list,
// which the first note closed puts where it stood.
func (footnoteDefinitionParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	parent := node.Parent()
	list, _ := pc.Get(footnoteListKey).(*east.FootnoteList)
	if list == nil {
		list = east.NewFootnoteList()
		pc.Set(footnoteListKey, list)
		parent.InsertBefore(parent, node, list)
	}
	parent.RemoveChild(parent, node)
	list.AppendChild(list, node)
}

// CanInterruptParagraph implements parser.BlockParser.
func (footnoteDefinitionParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (footnoteDefinitionParser) CanAcceptIndentedLine() bool { return false }

// footnoteReferenceParser reads references, "[^label]"; after "!" too, where the "!" is
// text and no image starts.
type footnoteReferenceParser struct{}

// Trigger implements parser.InlineParser.
func (footnoteReferenceParser) Trigger() []byte { return []byte{'!', '['} }

// Parse implements parser.InlineParser.
func (footnoteReferenceParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	pos := 1
	if line[0] == '!' {
		pos++
	}
	if pos+1 >= len(line) || line[pos] != '^' {
		return nil
	}
	open := pos + 1
	end := labelEnd(line[open:min(len(line), open+maxLabel)])
	if end < 0 {
		return nil
	}
	closing := open + end
	list, _ := pc.Get(footnoteListKey).(*east.FootnoteList)
	if list == nil {
		return nil
	}
	label := block.Value(text.NewSegment(seg.Start+open, seg.Start+closing))
	index := 0
	for n := list.FirstChild(); n != nil; n = n.NextSibling() {
		note := n.(*east.Footnote)
		if !bytes.Equal(note.Ref, label) {
			continue
		}
		if note.Index < 0 {
			list.Count++
			note.Index = list.Count
		}
		index = note.Index
		break
	}
	if index == 0 {
		return nil
	}
	block.Advance(closing + 1)
	link := east.NewFootnoteLink(index)
	links, _ := pc.Get(footnoteLinksKey).(*[]*east.FootnoteLink)
	if links == nil {
		links = new([]*east.FootnoteLink)
		pc.Set(footnoteLinksKey, links)
	}
	*links = append(*links, link)
	if line[0] == '!' {
		parent.AppendChild(parent, ast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+1)))
	}
	return link
}

// footnoteTransformer finishes the notes once the whole document is parsed: it counts
// each note's references, appends a back link per reference to the note, drops the notes
// nothing refers to, orders the list by number and moves it to the end of the document
// (or removes it, when no note is referred to).
type footnoteTransformer struct{}

// Transform implements parser.ASTTransformer.
func (footnoteTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	list, _ := pc.Get(footnoteListKey).(*east.FootnoteList)
	links, _ := pc.Get(footnoteLinksKey).(*[]*east.FootnoteLink)
	pc.Set(footnoteListKey, nil)
	pc.Set(footnoteLinksKey, nil)
	if list == nil {
		return
	}
	refs := map[int]int{} // references per note number
	if links != nil {
		for _, l := range *links {
			refs[l.Index]++
		}
		seen := map[int]int{}
		for _, l := range *links {
			l.RefCount = refs[l.Index]
			l.RefIndex = seen[l.Index]
			seen[l.Index]++
		}
	}
	for n := list.FirstChild(); n != nil; {
		next := n.NextSibling()
		note := n.(*east.Footnote)
		if note.Index < 0 {
			list.RemoveChild(list, note)
			n = next
			continue
		}
		// The back links end the note's last paragraph, or the note.
		var at ast.Node = note
		if last := note.LastChild(); last != nil && ast.IsParagraph(last) {
			at = last
		}
		for i := range max(refs[note.Index], 1) {
			back := east.NewFootnoteBacklink(note.Index)
			back.RefCount = refs[note.Index]
			back.RefIndex = i
			at.AppendChild(at, back)
		}
		n = next
	}
	list.SortChildren(func(a, b ast.Node) int {
		return a.(*east.Footnote).Index - b.(*east.Footnote).Index
	})
	if list.Count <= 0 {
		if parent := list.Parent(); parent != nil {
			parent.RemoveChild(parent, list)
		}
		return
	}
	doc.AppendChild(doc, list)
}
