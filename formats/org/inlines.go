package org

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

var (
	// linkRe is [[target][description]] or [[target]].
	linkRe = lazyre.New(`^\[\[([^\]]+)\](?:\[([^\]]*)\])?\]`)
	// fnRefRe is a footnote reference: [fn:label] or an inline [fn::text] / [fn:label:text].
	fnRefRe = lazyre.New(`^\[fn:([^\]:\s]*)(?::([^\]]*))?\]`)
	// stampRe is an org timestamp: <2016-03-14 Mon> or [2016-03-14 Mon 10:00].
	stampRe = lazyre.New(`^[<\[](\d{4}-\d{2}-\d{2}[^>\]\n]*)[>\]]`)
	urlRe   = lazyre.New(`^https?://[^\s<>\]"]+`)
)

// emphasis are the markers of org-mode's emphasis and the run kind each gives.
var emphasis = map[byte]model.InlineKind{
	'*': model.KindStrong, '/': model.KindEmphasis, '_': model.KindText,
	'=': model.KindText, '~': model.KindText, '+': model.KindText,
}

// inlines parses one line of org text into runs.
func (p *parser) inlines(s string, no int) []model.Inline {
	in := &inlineParser{p: p, line: no}
	in.run(s, 0)
	in.flush()
	return textrun.Trim(in.runs)
}

type inlineParser struct {
	p    *parser
	line int
	runs []model.Inline
	buf  strings.Builder
	// noClose records emphasis markers with no closing marker after some offset.
	noClose map[byte]int
}

func (in *inlineParser) flush() {
	if in.buf.Len() > 0 {
		in.add(model.KindText, in.buf.String(), "")
		in.buf.Reset()
	}
}

func (in *inlineParser) add(kind model.InlineKind, text, url string) {
	if text == "" {
		return
	}
	in.runs = textrun.Append(in.runs, textrun.Run(kind, text, url, in.line), false)
}

// run parses s; depth bounds footnotes inside footnotes.
func (in *inlineParser) run(s string, depth int) {
	for i := 0; i < len(s); {
		rest := s[i:]
		switch c := s[i]; {
		case c == '[' && linkRe.MatchString(rest):
			m := linkRe.FindStringSubmatch(rest)
			in.link(m[1], m[2])
			i += len(m[0])
		case c == '[' && fnRefRe.MatchString(rest) && depth == 0:
			m := fnRefRe.FindStringSubmatch(rest)
			in.footnote(m[1], m[2])
			i += len(m[0])
		case (c == '<' || c == '[') && stampRe.MatchString(rest):
			m := stampRe.FindStringSubmatch(rest)
			in.buf.WriteString(m[1])
			i += len(m[0])
		case (c == 'h' || c == 'f') && urlRe.MatchString(rest) && boundary(s, i):
			u := strings.TrimRight(urlRe.FindString(rest), ".,;:!?)'")
			in.flush()
			in.add(model.KindLink, u, u)
			i += len(u)
		case emphasis[c] != "" && boundary(s, i):
			if n := in.emphasis(s, i); n > 0 {
				i += n
				continue
			}
			in.buf.WriteByte(c)
			i++
		default:
			in.buf.WriteByte(c)
			i++
		}
	}
}

// boundary reports a position where markup may start: the start of the text, or after
// white space or opening punctuation.
func boundary(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r) || strings.ContainsRune("-({'\"", r)
}

// emphasis reads *bold*, /italic/, _underline_, =verbatim=, ~code~ and +strike+ at s[i]:
// the marker, text that neither starts nor ends with white space, the same marker before
// white space, punctuation or the end. Underline, verbatim, code and strike-through keep
// their text as plain text.
func (in *inlineParser) emphasis(s string, i int) int {
	c := s[i]
	if i+1 >= len(s) || unicode.IsSpace(rune(s[i+1])) || s[i+1] == c {
		return 0
	}
	if f, ok := in.noClose[c]; ok && i >= f {
		return 0
	}
	for j := i + 2; j < len(s); j++ {
		if s[j] != c || unicode.IsSpace(rune(s[j-1])) {
			continue
		}
		if j+1 < len(s) {
			r, _ := utf8.DecodeRuneInString(s[j+1:])
			if !unicode.IsSpace(r) && !strings.ContainsRune("-.,:!?;'\")}[", r) {
				continue
			}
		}
		in.flush()
		in.add(emphasis[c], s[i+1:j], "")
		return j + 1 - i
	}
	if in.noClose == nil {
		in.noClose = map[byte]int{}
	}
	in.noClose[c] = i
	return 0
}

// link prints [[target][description]] as a link run when the target is an address, else
// as its description (or target) in text.
func (in *inlineParser) link(target, desc string) {
	text := strings.TrimSpace(desc)
	if text == "" {
		text = target
	}
	in.flush()
	if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
		in.add(model.KindLink, text, target)
		return
	}
	in.add(model.KindText, strings.TrimPrefix(text, "file:"), "")
}

// footnote prints a reference to a footnote: [fn:label] with its definition, or an inline
// [fn::text] note.
func (in *inlineParser) footnote(label, inline string) {
	text := inline
	if text == "" {
		var ok bool
		if text, ok = in.p.notes[label]; !ok {
			in.buf.WriteString("[fn:" + label + "]")
			return
		}
		in.p.usedNotes[label] = true
	}
	sub := &inlineParser{p: in.p, line: in.line}
	sub.run(text, 1)
	sub.flush()
	if note := textrun.Trim(sub.runs); len(note) > 0 {
		in.flush()
		in.runs = append(in.runs, model.Inline{Kind: model.KindFootnote, Note: note, Line: in.line})
	}
}
