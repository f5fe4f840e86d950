// Package gfm adds to a goldmark parser the four GitHub Flavored Markdown constructs
// scribe's Markdown reader reads beyond CommonMark: tables (table.go), ~~strikethrough~~
// (strikethrough.go), bare web and e-mail addresses as links (linkify.go) and footnotes
// (footnote.go).
//
// goldmark ships these as github.com/yuin/goldmark/extension, but that package compiles
// its regular expressions when the program starts, whatever the command, and the
// bounded repetitions of its address patterns grow the main goroutine's stack to 512 KB
// on the way: about 3 ms of every scribe process, `scribe --version` included. The
// parsers here scan bytes by hand and build the same nodes (the node types of
// github.com/yuin/goldmark/extension/ast), so the reader's tree walk is unchanged, and
// they recognise what goldmark's extensions recognise: the same tables, the same
// delimiter runs, the same addresses with the same trailing punctuation left out, the
// same footnotes numbered in the same order.
//
// Nothing here renders HTML: scribe reads the tree and never asks goldmark to print it.
package gfm

import (
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// Priorities of the parsers among goldmark's own (lower runs first). They decide which
// parser gets a character several of them want: footnote references ("[^1]") before
// links, definitions ("[^1]: …") before paragraphs, bare addresses after everything
// else, tables after link reference definitions have been taken out of a paragraph.
const (
	footnoteBlockPriority       = 999
	footnoteInlinePriority      = 101
	footnoteTransformerPriority = 999
	strikethroughPriority       = 500
	linkifyPriority             = 999
	tablePriority               = 200
	tableTransformerPriority    = 0
)

// Options returns the parser options that add tables, strikethrough, bare links and
// footnotes to a goldmark parser built with goldmark's default parsers.
func Options() []parser.Option {
	return []parser.Option{
		parser.WithBlockParsers(
			util.Prioritized(footnoteDefinitionParser{}, footnoteBlockPriority),
		),
		parser.WithInlineParsers(
			util.Prioritized(footnoteReferenceParser{}, footnoteInlinePriority),
			util.Prioritized(strikethroughParser{}, strikethroughPriority),
			util.Prioritized(linkifyParser{}, linkifyPriority),
		),
		parser.WithParagraphTransformers(
			util.Prioritized(tableParagraphTransformer{}, tablePriority),
		),
		parser.WithASTTransformers(
			util.Prioritized(tableCodeTransformer{}, tableTransformerPriority),
			util.Prioritized(footnoteTransformer{}, footnoteTransformerPriority),
		),
	}
}

// NewParser returns a goldmark parser with goldmark's default block parsers, inline
// parsers and paragraph transformers, and this package's constructs. It holds no state
// between calls to Parse and may be shared.
func NewParser() parser.Parser {
	opts := []parser.Option{
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	}
	return parser.NewParser(append(opts, Options()...)...)
}
