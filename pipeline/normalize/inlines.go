package normalize

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Inlines finds the runs that must be protected from translation and line breaking in
// plain text runs: UN document symbols become KindSymbol runs, URLs and e-mail addresses
// KindLink runs (with "mailto:" for addresses). Runs of other kinds are left alone.
type Inlines struct{}

// Name returns "inlines".
func (Inlines) Name() string { return "inlines" }

// Apply splits the text runs of doc in place.
func (Inlines) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "inlines", doc, func() error {
		eachInlines(doc.Blocks, splitInlines)
		return nil
	})
}

// UN document symbols: an upper-case organ code, then at least two more components
// separated by slashes, one of which carries a digit (A/RES/59/220, E/CN.4/2005/L.10/Add.1,
// WSIS-II/PC-2/DT/2). Components are upper-case codes with inner dots or hyphens (CN.4,
// L.10, PC-2), numbers (59, 2005), or a capitalised abbreviation with a number (Add.2,
// Rev.1, Corr.1), which is tried first so that "Add.2" is not cut after its "A". A revision
// written after the symbol in brackets, "(rev.2)" or " (Rev.2)", belongs to it. They are
// found by symbolMatches (scan.go), URLs (with a scheme, or starting with "www.") by
// urlMatches.
//
// Lower-case words ("and/or", "NGOs/Civil"), two-component pairs ("CS/NGO"), spaced slashes
// ("formal / informal") and dates ("02/05/2005", whose first component is a number) cannot
// match.

// E-mail addresses: a local part, "@", and a domain of at least two labels ending in letters.
var reEmail = lazyre.New(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b`)

// span is one protected match in a text run.
type span struct {
	start, end int
	kind       model.InlineKind
	url        string
}

// splitInlines splits every text run (and the text runs of footnotes) at protected spans.
func splitInlines(ins []model.Inline) []model.Inline {
	// out stays nil while every run is kept as it is: most paragraphs have nothing to
	// split, and a new slice for each of them was a fifth of what a long input keeps in
	// memory (Clean, which runs before, has already given each block a slice of its own).
	var out []model.Inline
	// begin makes out, with the runs before ins[i] and room for extra more.
	begin := func(i, extra int) {
		if out == nil {
			out = append(make([]model.Inline, 0, len(ins)+extra), ins[:i]...)
		}
	}
	for i, in := range ins {
		switch in.Kind {
		case model.KindFootnote:
			if note := splitInlines(in.Note); !sameInlines(note, in.Note) {
				in.Note = note
				begin(i, 0)
				out = append(out, in)
				continue
			}
		case model.KindText:
			if spans := findSpans(in.Text); len(spans) > 0 {
				// Each span makes at most two runs of one (itself, the text after it).
				begin(i, 2*len(spans))
				out = appendSplit(out, in, spans)
				continue
			}
		}
		if out != nil {
			out = append(out, in)
		}
	}
	if out == nil {
		return ins
	}
	return out
}

// sameInlines reports whether a and b are the same slice (not equal copies).
func sameInlines(a, b []model.Inline) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// longRun is the length from which a run's spans are copied out of it (appendSplit).
const longRun = 64 << 10

// appendSplit appends to out the runs one text run is cut into at its protected spans.
func appendSplit(out []model.Inline, in model.Inline, spans []span) []model.Inline {
	at := 0
	for _, sp := range spans {
		if sp.start > at {
			out = append(out, model.Inline{Kind: model.KindText, Text: in.Text[at:sp.start], Line: in.Line})
		}
		text, url := in.Text[sp.start:sp.end], sp.url
		if len(in.Text) >= longRun {
			// Typography leaves a span as it is and rewrites the text around it: shared,
			// a symbol would keep the whole of a paragraph of megabytes alive.
			text, url = strings.Clone(text), strings.Clone(url)
		}
		out = append(out, model.Inline{Kind: sp.kind, Text: text, URL: url, Line: in.Line})
		at = sp.end
	}
	if at < len(in.Text) {
		out = append(out, model.Inline{Kind: model.KindText, Text: in.Text[at:], Line: in.Line})
	}
	return out
}

// findSpans returns the non-overlapping protected spans of s in order. URLs win over
// addresses, and both over symbols, because a URL path often looks like a symbol.
func findSpans(s string) []span {
	var spans []span // allocated once the matches are counted
	overlaps := func(a, b int) bool {
		for _, sp := range spans {
			if a < sp.end && sp.start < b {
				return true
			}
		}
		return false
	}
	// The address pattern runs only when s holds an "@": most runs of a document have
	// none, and scanning them cost more than the rest of this stage. The scanners of
	// URLs and symbols look for their "://", "." or "/" themselves.
	var buf [8][2]int // the matches of a run, on the stack while they are few
	urls := urlMatches(s, buf[:0])
	symbols := symbolMatches(s, urls[len(urls):len(urls)])
	var emails [][]int
	if strings.IndexByte(s, '@') >= 0 {
		emails = reEmail.FindAllStringIndex(s, -1)
	}
	if len(urls) == 0 && emails == nil && len(symbols) == 0 {
		return nil // most runs: nothing to sort
	}
	spans = make([]span, 0, len(urls)+len(emails)+len(symbols))
	for _, m := range urls {
		a, b := m[0], trimURLEnd(s, m[0], m[1])
		if b <= a || !boundaryBefore(s, a) {
			continue
		}
		u := s[a:b]
		// (strings.ToLower(u) starts with "www." just when u does in any case: no other
		// character lowers to 'w' or '.'; the test copies no URL.)
		if len(u) >= 4 && u[0]|0x20 == 'w' && u[1]|0x20 == 'w' && u[2]|0x20 == 'w' && u[3] == '.' {
			if b-a <= len("www.") {
				continue
			}
			u = "http://" + u
		}
		spans = append(spans, span{a, b, model.KindLink, u})
	}
	for _, m := range emails {
		if overlaps(m[0], m[1]) || !boundaryBefore(s, m[0]) {
			continue
		}
		addr := s[m[0]:m[1]]
		spans = append(spans, span{m[0], m[1], model.KindLink, "mailto:" + addr})
	}
	for _, m := range symbols {
		a, b := m[0], m[1]
		if overlaps(a, b) || !symbolBoundaries(s, a, b) || !strings.ContainsAny(s[a:b], "0123456789") {
			continue
		}
		spans = append(spans, span{a, b, model.KindSymbol, ""})
	}
	// Spans do not overlap, so no two start together: any sort gives the one order.
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	return spans
}

// boundaryBefore reports that a match at a does not continue a word.
func boundaryBefore(s string, a int) bool {
	if a == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:a])
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '.' || r == '-' || r == '_' || r == '@')
}

// symbolBoundaries rejects a symbol glued to more word characters or slashes, which would
// make it part of a path or of a longer code than the pattern understood.
func symbolBoundaries(s string, a, b int) bool {
	if !boundaryBefore(s, a) {
		return false
	}
	if b < len(s) {
		r, _ := utf8.DecodeRuneInString(s[b:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '/' || r == '_' {
			return false
		}
		// "A/RES/59/220-1" or "S/2005/1.5" continue with a digit after a separator.
		if r == '.' || r == '-' {
			if r2, _ := utf8.DecodeRuneInString(s[b+1:]); b+1 < len(s) && (unicode.IsLetter(r2) || unicode.IsDigit(r2)) {
				return false
			}
		}
	}
	return true
}

// trimURLEnd drops sentence punctuation after a URL, and a closing bracket that has no
// opening one inside the URL ("(see http://x/y)").
func trimURLEnd(s string, a, b int) int {
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		switch r {
		case '.', ',', ';', ':', '!', '?', '\'', '’', '*':
			b -= size
			continue
		case ')', ']', '}':
			open := map[rune]rune{')': '(', ']': '[', '}': '{'}[r]
			if strings.Count(s[a:b], string(open)) < strings.Count(s[a:b], string(r)) {
				b -= size
				continue
			}
		}
		break
	}
	return b
}
