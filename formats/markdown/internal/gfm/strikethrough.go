package gfm

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// strikethroughParser reads GFM strikethrough: text between runs of one or two tildes,
// "~~withdrawn~~" or "~withdrawn~". A run of three or more tildes is text, as is a run
// that a tilde precedes. The runs go on goldmark's delimiter stack, like emphasis, so
// they nest with it by the same left- and right-flanking rules; an opener matches any
// closer of tildes, "~a~~" included, as in goldmark.
type strikethroughParser struct{}

// Trigger implements parser.InlineParser.
func (strikethroughParser) Trigger() []byte { return []byte{'~'} }

// Parse implements parser.InlineParser.
func (strikethroughParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	if before == '~' {
		return nil // the tail of a longer run
	}
	line, seg := block.PeekLine()
	d := parser.ScanDelimiter(line, before, 1, tildes{})
	if d == nil || d.OriginalLength > 2 {
		return nil
	}
	d.Segment = seg.WithStop(seg.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

// tildes is the delimiter processor of tilde runs: a matched pair becomes an
// east.Strikethrough holding what lies between.
type tildes struct{}

// IsDelimiter implements parser.DelimiterProcessor.
func (tildes) IsDelimiter(b byte) bool { return b == '~' }

// CanOpenCloser implements parser.DelimiterProcessor.
func (tildes) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

// OnMatch implements parser.DelimiterProcessor.
func (tildes) OnMatch(int) ast.Node { return east.NewStrikethrough() }
