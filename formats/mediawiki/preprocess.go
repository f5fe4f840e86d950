package mediawiki

import (
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
)

// preprocess drops what has no text of its own in an exported page: comments, templates
// ({{…}}, which the wiki expands and scribe cannot) and behaviour switches (__TOC__). Line
// breaks inside what is dropped are kept, so line numbers stay true to the file. <nowiki>
// and <pre> content is left as written. An unclosed template is text.
func (p *parser) preprocess(text string) string {
	spans := scanSpans(text)
	closeOf := matchTemplates(spans)
	var out strings.Builder
	out.Grow(len(text))
	at := 0
	for k, sp := range spans {
		if sp.start < at {
			continue // inside a dropped template
		}
		switch sp.kind {
		case spanComment:
			out.WriteString(text[at:sp.start])
			at = keepNewlines(&out, text, sp.start, sp.end)
		case spanOpen:
			if end, ok := closeOf[k]; ok {
				out.WriteString(text[at:sp.start])
				p.dropped.Add("template")
				at = keepNewlines(&out, text, sp.start, end)
			}
		}
	}
	out.WriteString(text[at:])
	return magicWord.ReplaceAllStringFunc(out.String(), func(string) string {
		p.dropped.Add("behaviour switch")
		return ""
	})
}

// magicWord matches behaviour switches such as __TOC__ and __NOTOC__.
var magicWord = lazyre.New(`__[A-Z]{3,20}__`)

// spanKind is what scanSpans found.
type spanKind int

const (
	spanComment spanKind = iota // <!-- … -->, dropped
	spanOpen                    // {{
	spanClose                   // }}
)

// span is a comment or a template brace in the page.
type span struct {
	kind       spanKind
	start, end int
}

// scanSpans finds comments and template braces in one pass, skipping <nowiki> and <pre>
// content, where neither is markup.
func scanSpans(text string) []span {
	var out []span
	for i := 0; i < len(text); {
		switch {
		case strings.HasPrefix(text[i:], "<!--"):
			end := strings.Index(text[i+4:], "-->")
			stop := len(text)
			if end >= 0 {
				stop = i + 4 + end + 3
			}
			out = append(out, span{spanComment, i, stop})
			i = stop
		case strings.HasPrefix(text[i:], "{{"):
			out = append(out, span{spanOpen, i, i + 2})
			i += 2
		case strings.HasPrefix(text[i:], "}}"):
			out = append(out, span{spanClose, i, i + 2})
			i += 2
		case text[i] == '<' && (hasPrefixFold(text[i:], "<nowiki>") || hasPrefixFold(text[i:], "<pre>") || hasPrefixFold(text[i:], "<pre ")):
			closer := "</nowiki>"
			if hasPrefixFold(text[i:], "<pre") {
				closer = "</pre>"
			}
			end := indexFold(text[i:], closer)
			if end < 0 {
				return out
			}
			i += end + len(closer)
		default:
			i++
		}
	}
	return out
}

// matchTemplates pairs each "{{" with its "}}" (innermost first, as nesting reads) and
// returns, by index in spans, the end offset of every closed template.
func matchTemplates(spans []span) map[int]int {
	closeOf := map[int]int{}
	var stack []int
	for k, sp := range spans {
		switch sp.kind {
		case spanOpen:
			stack = append(stack, k)
		case spanClose:
			if n := len(stack); n > 0 {
				closeOf[stack[n-1]] = sp.end
				stack = stack[:n-1]
			}
		}
	}
	return closeOf
}

// keepNewlines writes the line breaks of the dropped span text[i:stop] and returns where
// reading goes on. After a span over several lines, the spaces that followed it are
// dropped too: the text after "-->" was not written as preformatted text.
func keepNewlines(out *strings.Builder, text string, i, stop int) int {
	n := strings.Count(text[i:stop], "\n")
	out.WriteString(strings.Repeat("\n", n))
	if n > 0 {
		for stop < len(text) && (text[stop] == ' ' || text[stop] == '\t') {
			stop++
		}
	}
	return stop
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// indexFold is strings.Index with an ASCII-case-insensitive match of sub, which must be
// lower-case ASCII. Byte offsets are those of s.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
