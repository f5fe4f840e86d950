package markdown_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/formats/markdown"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
)

// FuzzWordsKept checks that nothing is lost: every word of a Markdown file outside the
// markup the reader drops (markers, link and image addresses, tag and attribute names, entity names, reference
// labels, fence info strings, kramdown attribute lists, front-matter keys, table cells
// beyond the header's count, page numbers of PDF extractions) is in the
// model, and the reader keeps its other promises (documented errors only, a position on
// every block).
func FuzzWordsKept(f *testing.F) {
	fuzzdoc.AddFiles(f, "testdata/*.md", "../../testdata/corpus/*.md")
	f.Add([]byte("# T\n\n**Date:** 2 May 2005\n\n- a *b* [c](http://x.org/d) <span class=\"e\">f</span>\n  1. g\n\n> q &amp; r\n\n```go\ncode\n```\n\n{: .no_toc}\n\n[l]: http://y.org\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckRead(t, markdown.NewReader(), "f.md", data, droppableMarkdown)
	})
}

var (
	mdMarker   = regexp.MustCompile(`(?m)^(?:[ \t>]*(?:[-*+][ \t]|\p{Nd}{1,9}[.)]|#{1,6}|\[[ xX]\]))+`)                                                                    // "1) * 2) x" nests three lists
	mdTag      = regexp.MustCompile(`</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[\s\S]*?(?:\?>|$)|(?:^|\n) {0,3}<!(?:[A-Za-z]|\[CDATA\[)[^>]*$`) // a declaration or CDATA section opening a line and never closed runs to the end
	mdEntity   = regexp.MustCompile(`&#?\w+;?`)
	mdLinkDest = regexp.MustCompile(`\]\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)?`) // balanced parentheses inside: "](a(b)c)"
	// Definitions inside list items and quotations too, and after a lone CR, which the
	// parser takes for white space there; footnote definitions go too: one
	// no reference points to is dropped by the parser.
	mdRefLabel  = regexp.MustCompile(`(?m)^[ \t\r>*+\-\d.)]*\[[^\]\n]*\]:.*$|\]\[[^\]\n]*\]|\[\^[^\]\n]*\]`)
	mdFenceInfo = regexp.MustCompile("(?m)^[ \\t\\r>*+\\-\\d.)]*(?:```|~~~).*$") // in a list item or quotation too
	mdAttrList  = regexp.MustCompile(`\{:[^}]*\}|\{#[^}]*\}|\{\.[^}]*\}`)
	mdFrontKey  = regexp.MustCompile(`(?m)^[A-Za-z_][\w-]*:`)
)

// mdHTMLDropped is HTML whose text the reader drops: a script or style element, and a tag
// that no ">" closes before the blank line ending its HTML block ("<div\nabc\n\n": the tag
// takes "abc" as an attribute; "<A>\nx<A0": "A0" is a tag cut off). Generously, such a tag
// outside an HTML block, which is text, is not compared either; so is an unclosed "<!",
// a bogus comment to the tokenizer ("<!---->0<!100").
var mdHTMLDropped = regexp.MustCompile(`(?is)<(?:script|style)\b.*?(?:</(?:script|style)>|$)|</?[A-Za-z][\w-]*(?:[^<>\w-][^<>]*?)?(?:\n[ \t]*\n|$)|<!\/?[^<>]*?(?:\n[ \t]*\n|$)`)

// mdTOCItem is the list item a kramdown "{:toc}" line replaces with a generated table of
// contents ("* TOC\n{:toc}"): the reader drops it.
var mdTOCItem = regexp.MustCompile(`(?m)^ {0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+\S.*\n(?:[ \t]*\n)*[ \t]*\{:[^{}\n]*toc[^{}\n]*\}`)

// mdFootnoteDef is a footnote definition with the lines that continue it: up to a blank
// line, and beyond it the indented lines of its further paragraphs; in a list item or a
// quotation too. One no reference points to is dropped by the parser.
var mdFootnoteDef = regexp.MustCompile(`(?m)^[ \t\r>*+\-\d.)]*\[\^[^\]\n]*\]:.*(?:\n.*\S.*|(?:\n[ \t]*)+\n(?: {4}|\t).*)*`)

// mdBareURL is an address the parser links by itself: it may end the link at another
// character than a word boundary ("http://0.a0" links "http://0.a"), so its words are not
// compared; the link keeps the address as its text. It ends at a "<", where a tag starts.
// It may follow a "_" (emphasis), which is no word character to the parser ("_a_www.a.b").
var mdBareURL = regexp.MustCompile(`(?i)(?:\b|_)(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+[^\s<]*`) // an e-mail address too ("0@0.0á" links "0@0.0")

// emphasisMarkers are what a line loses before the furniture rule sees it ("0*" is "0").
var emphasisMarkers = strings.NewReplacer("*", " ", "_", " ")

// mdPageNumber is page furniture of a PDF extraction, which the reader drops: "Page 3 of
// 9", "2 | Pa ge", a line of digits.
var mdPageNumber = regexp.MustCompile(`(?mi)^.*\b(?:p\s?a\s?g\s?e|pg)\b.*$|^[\s\d|/-]+$`)

// mdDelimiterRow is the row under a table's header ("---|:-:").
var mdDelimiterRow = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)

// tableCells drops the cells of table rows beyond the table's column count: GitHub tables
// ignore them. A table runs from its delimiter row to the first blank line.
func tableCells(text string) string {
	lines := strings.Split(text, "\n")
	cells := 0
	for i, l := range lines {
		switch {
		case i > 0 && strings.Contains(l, "-") && mdDelimiterRow.MatchString(l):
			// The parser keeps as many columns as the fewer of the header's and the
			// delimiter row's cells ("0||" over "-|" is one column).
			cells = min(len(splitRow(lines[i-1])), len(splitRow(l)))
		case strings.TrimSpace(l) == "":
			cells = 0
		case cells > 0:
			if row := splitRow(l); len(row) > cells {
				lines[i] = strings.Join(row[:cells], " | ")
			}
		}
	}
	return strings.Join(lines, "\n")
}

// splitRow splits a table row at its pipes, without the outer ones.
func splitRow(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
	return strings.Split(l, "|")
}

// droppableMarkdown removes from a Markdown file what the reader may drop, generously.
func droppableMarkdown(text string) string {
	// Table cells first, on the text as written: the parser trims only white space around a
	// row ("\x10|C" is the cells "\x10" and "C").
	text = tableCells(text)
	// Control characters are spaces to the reader ("\x0e0" is the page number "0"), DEL
	// and the C1 controls too ("0\x7f").
	text = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return ' '
		}
		return r
	}, text)
	text = readertest.WithoutFurniture(text, emphasisMarkers.Replace, mdPlainLine)
	// Footnote definitions first: the front-matter rule cuts every "key:" of a block whose
	// closing "---" is missing, "[^1]:" included, and the definition would no longer be
	// recognised.
	text = mdFootnoteDef.ReplaceAllString(text, " ")
	text = readertest.FrontMatterKeys(text)
	return blankMatches(text, typedMarkers(text), mdBareURL, mdPageNumber, mdLinkDest, mdTag, mdHTMLDropped, mdTOCItem, mdEntity, mdRefLabel, mdFenceInfo, mdAttrList, mdMarker, mdFrontKey)
}

// mdInlineMarkup is what a line loses before the notes inference reads it: emphasis and
// strikethrough markers, tags, comments, declarations and processing instructions,
// backslashes of escapes, zero-width spaces and byte order marks; and an entity, which may
// be a marker's first character ("&#48;0)" is "00)").
var mdInlineMarkup = regexp.MustCompile(`^(?:[*_~]+|<!--[\s\S]*?-->|<![^>]*>|<\?[\s\S]*?\?>|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|\\|&#?\w+;|[\x{200b}\x{feff}])`)

// mdBreak is a "<br>", which ends a line for the reader as a line end does.
var mdBreak = regexp.MustCompile(`(?i)<br\b[^<>]*>`)

// typedMarkers returns the spans of text holding the list markers and typed paragraph
// numbers a file without explicit structure may lose: its lines go to the notes inference,
// which takes "iv)", "(二)", "12." off a line (readertest.NotesMarker). The inference reads
// a line's text, so a marker in emphasis, after a tag or a comment, or escaped ("**1.**",
// "<b>1.</b>", "<!-- x -->1.", "1\)") is a marker too; one in a code span or a link's text
// is not: the reader reads the line's opening as written there ("`0)` means…"). A comment
// or tag over a line end leaves what follows it at the start of a line, and so does a
// "<br>".
func typedMarkers(text string) [][]int {
	var view []byte
	var at []int // at[k] is the offset in text of view[k]
	for i := 0; i < len(text); {
		if m := mdInlineMarkup.FindStringIndex(text[i:]); m != nil {
			if nl := strings.LastIndexByte(text[i:i+m[1]], '\n'); nl >= 0 {
				view = append(view, '\n')
				at = append(at, i+nl)
			} else if mdBreak.MatchString(text[i : i+m[1]]) {
				view = append(view, '\n')
				at = append(at, i)
			}
			i += m[1]
			continue
		}
		view = append(view, text[i])
		at = append(at, i)
		i++
	}
	var spans [][]int
	for _, m := range readertest.NotesMarker.FindAllIndex(view, -1) {
		if m[1] > m[0] {
			spans = append(spans, []int{at[m[0]], at[m[1]-1] + 1})
		}
	}
	return spans
}

// mdPlainLine is a line as the inference engine gets it, near enough: tags, comments,
// emphasis markers, backslashes, zero-width characters and kramdown attribute lists out,
// entities decoded, and a "<br>" a line end. The engine judges page furniture again on
// that text ("</span>03" is the page number "03", "12<br>" a line "12").
func mdPlainLine(l string) string {
	l = strings.ReplaceAll(l, "\r", " ") // a lone CR ends no line for the parser; a space to the engine
	l = mdBreak.ReplaceAllString(l, "\n")
	l = mdLineMarkup.ReplaceAllString(mdAttrList.ReplaceAllString(l, ""), "")
	return html.UnescapeString(l)
}

// mdLineMarkup is the markup mdPlainLine takes out of a line.
var mdLineMarkup = regexp.MustCompile(`[*_~\\\x{200b}\x{feff}]+|<!--.*?(?:-->|$)|<![^>]*>|<\?.*?\?>|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>`)

// blankMatches replaces what any of the patterns matches in text, and the spans given,
// with a space, each pattern matched against the text as written. Taking the matches out one pattern after
// the other let a pattern that spans lines take the start of a line another pattern
// needed: in "[a](\n```)go" the link destination took the fence, and "go", the fence's info
// string, which the reader drops, was counted lost; in "page <!--\nsecret\n-->" the
// page-number line took the comment's opening.
func blankMatches(text string, spans [][]int, res ...*regexp.Regexp) string {
	drop := make([]bool, len(text))
	for _, m := range spans {
		for i := m[0]; i < m[1]; i++ {
			drop[i] = true
		}
	}
	for _, re := range res {
		for _, m := range re.FindAllStringIndex(text, -1) {
			for i := m[0]; i < m[1]; i++ {
				drop[i] = true
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		if !drop[i] {
			b.WriteByte(text[i])
			i++
			continue
		}
		b.WriteByte(' ')
		for i < len(text) && drop[i] {
			i++
		}
	}
	return b.String()
}
