// Package translate is scribe's translation round trip: it cuts a document into translation
// units (one per block, table cell, footnote and metadata label), segments them into
// sentences with the rules of the notes' language, protects inline codes (symbols, dates,
// numbers, links…) as placeholders, looks units up in a translation memory, a glossary and an
// optional machine-translation command, and finally applies translated units back onto a
// document.
//
// The package is format-neutral: formats/xliff writes a Bundle and reads Translations,
// formats/tmx reads and writes the memory's TUs. Unit ids are the block ids the ids
// normalizer stored on the model (see pipeline.Heading.ID); this package never invents block
// ids, it only derives ids for parts the model does not name (table cells "t1.r2.c3",
// footnotes "p4.fn1") and uses "meta.title", "meta.venue" and "meta.body" for metadata.
package translate

import (
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// SpanKind tells what a Span of Content is.
type SpanKind uint8

// The span kinds. Placeholders stand for a protected code that translators may move but not
// edit; Open and Close delimit a paired code (emphasis) around translatable text.
const (
	SpanText SpanKind = iota
	SpanPlaceholder
	SpanOpen
	SpanClose
)

// Span is one piece of Content: text, or a reference to a Code by id.
type Span struct {
	Kind SpanKind
	// Text is the text of a SpanText.
	Text string
	// Code is the id of the Code a placeholder, open or close span refers to.
	Code string
}

// Content is translatable text with inline codes, in reading order. Open and Close spans
// are balanced in content this package produces; content read from a file is checked.
type Content []Span

// CodeKind is what a protected inline code stands for.
type CodeKind string

// The code kinds. Placeholder kinds come back exactly as written; paired kinds (emphasis,
// strong, quoted) wrap text that is translated.
const (
	CodeSymbol   CodeKind = "symbol"
	CodeDate     CodeKind = "date"
	CodeTime     CodeKind = "time"
	CodeNumber   CodeKind = "number"
	CodeLink     CodeKind = "link"
	CodeEmail    CodeKind = "email"
	CodeFootnote CodeKind = "footnote"
	CodeEmphasis CodeKind = "emphasis"
	CodeStrong   CodeKind = "strong"
	CodeQuoted   CodeKind = "quoted"
)

// Paired reports whether codes of this kind wrap text (Open/Close) rather than stand alone.
func (k CodeKind) Paired() bool {
	return k == CodeEmphasis || k == CodeStrong || k == CodeQuoted
}

// KnownCodeKind reports whether k is one of the kinds above; readers map anything else to
// a generic placeholder.
func KnownCodeKind(k CodeKind) bool {
	switch k {
	case CodeSymbol, CodeDate, CodeTime, CodeNumber, CodeLink, CodeEmail, CodeFootnote,
		CodeEmphasis, CodeStrong, CodeQuoted:
		return true
	}
	return false
}

// Code is a protected inline code of one unit. Ids are "1", "2"… in order of appearance,
// unique within the unit, and stable: the same notes give the same ids.
type Code struct {
	ID   string
	Kind CodeKind
	// Data is the text the placeholder stands for ("A/RES/59/220", "10", "[^1]" for a
	// footnote reference); empty for paired codes.
	Data string
	// URL is the target of a link.
	URL string
	// Footnote is the id of the unit holding the footnote's text ("p4.fn1").
	Footnote string
}

// Plain returns the content as plain text: placeholders as the text they stand for, paired
// codes dropped. codes resolves ids; an unknown placeholder id contributes nothing.
func (c Content) Plain(codes []Code) string {
	var b strings.Builder
	for _, s := range c {
		switch s.Kind {
		case SpanText:
			b.WriteString(s.Text)
		case SpanPlaceholder:
			if cd, ok := findCode(codes, s.Code); ok {
				b.WriteString(cd.Data)
			}
		}
	}
	return b.String()
}

// Text returns only the translatable text of the content (no placeholder data).
func (c Content) Text() string {
	var b strings.Builder
	for _, s := range c {
		if s.Kind == SpanText {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// Key is a canonical form of the content used for fingerprints, memory look-ups and
// comparisons: text, each placeholder as its kind and data, each paired code as its kind.
// Two contents with the same Key print the same.
func (c Content) Key(codes []Code) string {
	var b strings.Builder
	for _, s := range c {
		switch s.Kind {
		case SpanText:
			b.WriteString(s.Text)
		case SpanPlaceholder:
			cd, _ := findCode(codes, s.Code)
			b.WriteString("\uE000")
			b.WriteString(string(cd.Kind))
			b.WriteByte(':')
			b.WriteString(cd.Data)
			b.WriteString("\uE001")
		case SpanOpen:
			cd, _ := findCode(codes, s.Code)
			b.WriteString("\uE002")
			b.WriteString(string(cd.Kind))
			b.WriteString("\uE003")
		case SpanClose:
			b.WriteString("\uE004")
		}
	}
	return b.String()
}

// IsBlank reports whether the content has no text other than white space.
func (c Content) IsBlank() bool {
	for _, s := range c {
		if s.Kind != SpanText || strings.TrimSpace(s.Text) != "" {
			return false
		}
	}
	return true
}

// HasWords reports whether the content holds translatable letters (not only codes,
// digits, punctuation and spaces). Units without words count as translated everywhere.
func (c Content) HasWords() bool {
	for _, s := range c {
		if s.Kind != SpanText {
			continue
		}
		for _, r := range s.Text {
			if isLetter(r) {
				return true
			}
		}
	}
	return false
}

// Clone returns a copy that shares nothing with c.
func (c Content) Clone() Content {
	if c == nil {
		return nil
	}
	return append(Content(nil), c...)
}

// appendText appends text to c, merging with a trailing text span.
func (c Content) appendText(s string) Content {
	if s == "" {
		return c
	}
	if n := len(c); n > 0 && c[n-1].Kind == SpanText {
		c[n-1].Text += s
		return c
	}
	return append(c, Span{Kind: SpanText, Text: s})
}

// Normalize merges adjacent text spans and drops empty ones.
func (c Content) Normalize() Content {
	var out Content
	for _, s := range c {
		if s.Kind == SpanText {
			out = out.appendText(s.Text)
			continue
		}
		out = append(out, s)
	}
	return out
}

// cleanChars is c with its text cleaned by model.CleanChars (NFC, no bidi or other invisible
// controls).
func (c Content) cleanChars() Content {
	out := make(Content, 0, len(c))
	for _, s := range c {
		if s.Kind == SpanText {
			if s.Text = model.CleanChars(s.Text); s.Text == "" {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

func findCode(codes []Code, id string) (Code, bool) {
	for _, c := range codes {
		if c.ID == id {
			return c, true
		}
	}
	return Code{}, false
}

// CodeByID returns the code with the given id.
func CodeByID(codes []Code, id string) (Code, bool) { return findCode(codes, id) }

// Balance returns c without paired-code spans that have no partner (an Open never closed,
// a Close never opened, or pairs that overlap instead of nesting), so that writers can
// always print well-formed markup.
func (c Content) Balance() Content {
	keep := make([]bool, len(c))
	var stack []int
	for i, s := range c {
		switch s.Kind {
		case SpanOpen:
			stack = append(stack, i)
		case SpanClose:
			if n := len(stack); n > 0 && c[stack[n-1]].Code == s.Code {
				keep[stack[n-1]], keep[i] = true, true
				stack = stack[:n-1]
			}
		default:
			keep[i] = true
		}
	}
	out := make(Content, 0, len(c))
	for i, s := range c {
		if keep[i] {
			out = append(out, s)
		}
	}
	return out
}
