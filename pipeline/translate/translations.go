package translate

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Translations is what a reader recovered from one translation file (XLIFF 2.0 or 1.2).
type Translations struct {
	// Name is the file's path as given, used in messages.
	Name string
	// Version is the XLIFF version read ("2.0", "1.2"; 1.1 files read as "1.2").
	Version    string
	SourceLang string
	TargetLang string
	// Fingerprint is the document fingerprint stored by Extract; empty when the file was
	// made by another tool (po2xliff), in which case every unit's source is checked instead.
	Fingerprint string
	// Original is the source file the translation file names when it is not a
	// fingerprint (po2xliff writes the PO file's name, "notes.fr.po"); matching by name
	// uses it.
	Original string
	Units    []*TransUnit
}

// TransUnit is one unit of a translation file.
type TransUnit struct {
	ID  string
	Pos model.Pos
	// Codes are the placeholders defined in the file (id, and the data when the file
	// carries it); kinds are recovered from the file's type attributes when present.
	Codes  []Code
	Source Content
	// Target is the whole unit's translation: segments joined in order. Nil when no
	// segment has a target.
	Target Content
	// State is the least advanced state of the unit's segments, as written in the file.
	State string
	// Approved is true when every segment's state is a final one (2.0 translated,
	// reviewed, final; 1.2 translated, signed-off, final), whatever the read options.
	Approved bool
	// Accepted is true when the reader's policy accepts Target (Approved, or a draft
	// state with drafts allowed).
	Accepted bool
	// Segments are the aligned sentence pairs, for translation memory export.
	Segments []SegmentPair
}

// SegmentPair is one sentence of a translation file with its translation.
type SegmentPair struct {
	Source, Target Content
	State          string
	Approved       bool
}

// CheckCodes verifies that target uses the placeholders of source correctly: every
// placeholder of source exactly once, no placeholder source lacks, paired codes at most once
// and balanced. It returns a message naming the problem, or "" when target is fine.
func CheckCodes(source, target Content, codes []Code) string {
	want := map[string]int{}
	paired := map[string]bool{}
	for _, s := range source {
		switch s.Kind {
		case SpanPlaceholder:
			want[s.Code]++
		case SpanOpen:
			paired[s.Code] = true
		}
	}
	got := map[string]int{}
	opened := map[string]int{}
	var stack []string
	for _, s := range target {
		switch s.Kind {
		case SpanPlaceholder:
			if want[s.Code] == 0 {
				return fmt.Sprintf("placeholder %s%s is not in the source", s.Code, describe(codes, s.Code))
			}
			got[s.Code]++
			if got[s.Code] > want[s.Code] {
				return fmt.Sprintf("placeholder %s%s appears more than once", s.Code, describe(codes, s.Code))
			}
		case SpanOpen:
			if !paired[s.Code] {
				return fmt.Sprintf("paired code %s is not in the source", s.Code)
			}
			opened[s.Code]++
			if opened[s.Code] > 1 {
				return fmt.Sprintf("paired code %s appears more than once", s.Code)
			}
			stack = append(stack, s.Code)
		case SpanClose:
			if len(stack) == 0 || stack[len(stack)-1] != s.Code {
				return fmt.Sprintf("paired code %s is closed but not open", s.Code)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		return fmt.Sprintf("paired code %s is opened but not closed", stack[len(stack)-1])
	}
	for _, s := range source {
		if s.Kind == SpanPlaceholder && got[s.Code] < want[s.Code] {
			return fmt.Sprintf("placeholder %s%s is missing", s.Code, describe(codes, s.Code))
		}
	}
	return ""
}

func describe(codes []Code, id string) string {
	if c, ok := findCode(codes, id); ok && c.Data != "" {
		return fmt.Sprintf(" (%s %q)", c.Kind, c.Data)
	}
	return ""
}

// RecoverCodes turns a plain-text translation (from a tool that flattened placeholders
// into their text, such as a PO round trip) back into content: each placeholder of codes
// is found as its data, whole-word, in order of the source. It fails naming the first
// placeholder it cannot find. Paired codes cannot be recovered and are dropped.
func RecoverCodes(text string, source Content, codes []Code) (Content, error) {
	type hit struct {
		start, end int
		id         string
	}
	var hits []hit
	used := make([]bool, len(text))
	for _, s := range source {
		if s.Kind != SpanPlaceholder {
			continue
		}
		c, ok := findCode(codes, s.Code)
		if !ok || c.Data == "" {
			return nil, fmt.Errorf("placeholder %s has no text to look for", s.Code)
		}
		at := -1
		for from := 0; from <= len(text); {
			i := strings.Index(text[from:], c.Data)
			if i < 0 {
				break
			}
			i += from
			if wordBounded(text, i, i+len(c.Data)) && !anyUsed(used, i, i+len(c.Data)) {
				at = i
				break
			}
			from = i + 1
		}
		if at < 0 {
			return nil, fmt.Errorf("placeholder %s (%s %q) is missing", c.ID, c.Kind, c.Data)
		}
		for i := at; i < at+len(c.Data); i++ {
			used[i] = true
		}
		hits = append(hits, hit{at, at + len(c.Data), c.ID})
	}
	// Order by position.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].start < hits[j-1].start; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out Content
	pos := 0
	for _, h := range hits {
		out = out.appendText(text[pos:h.start])
		out = append(out, Span{Kind: SpanPlaceholder, Code: h.id})
		pos = h.end
	}
	out = out.appendText(text[pos:])
	return out, nil
}

func anyUsed(used []bool, a, b int) bool {
	for i := a; i < b; i++ {
		if used[i] {
			return true
		}
	}
	return false
}

// wordBounded reports whether text[a:b] is not glued to letters or digits on either side.
func wordBounded(text string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:a])
		if glues(r) {
			first, _ := utf8.DecodeRuneInString(text[a:])
			if glues(first) {
				return false
			}
		}
	}
	if b < len(text) {
		r, _ := utf8.DecodeRuneInString(text[b:])
		if glues(r) {
			last, _ := utf8.DecodeLastRuneInString(text[:b])
			if glues(last) {
				return false
			}
		}
	}
	return true
}
