package rst

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

// inlines parses the inline markup of a paragraph, title or cell into runs.
func (p *parser) inlines(s string, no int) []model.Inline {
	in := &inlineParser{p: p, line: no, noEnd: map[string]int{}}
	in.run(s)
	in.flush()
	return textrun.Trim(in.runs)
}

// inlineParser turns text into runs. Inline markup does not nest in reStructuredText, so
// every construct gives one run kind.
type inlineParser struct {
	p    *parser
	line int
	runs []model.Inline
	buf  strings.Builder
	// noEnd records, per end-string, the offset from which a search found none: no later
	// search can find one either, which keeps a line of unmatched "*" linear.
	noEnd map[string]int
	// nested counts substitutions and footnotes read inside others.
	nested int
}

// maxNesting bounds substitutions inside substitutions and footnotes inside footnotes.
const maxNesting = 3

func (in *inlineParser) flush() {
	if in.buf.Len() == 0 {
		return
	}
	in.add(model.KindText, in.buf.String(), "")
	in.buf.Reset()
}

func (in *inlineParser) add(kind model.InlineKind, text, url string) {
	if text == "" {
		return
	}
	in.runs = textrun.Append(in.runs, textrun.Run(kind, text, url, in.line), false)
}

var (
	roleRe      = lazyre.New(`^:([A-Za-z][\w.+-]*(?::[\w.+-]+)?):` + "`")
	suffixRole  = lazyre.New(`^:([A-Za-z][\w.+-]*(?::[\w.+-]+)?):`)
	simpleRef   = lazyre.New(`^[\p{L}\p{N}]+(?:[-_.:+][\p{L}\p{N}]+)*(__?)`)
	footnoteRef = lazyre.New(`^\[(#?[\p{L}\p{N}_.-]*|\*|[0-9]+)\]_`)
)

// run parses s.
func (in *inlineParser) run(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			// An escaped character is text; an escaped space is nothing.
			r, size := utf8.DecodeRuneInString(s[i+1:])
			if !unicode.IsSpace(r) {
				in.buf.WriteString(s[i+1 : i+1+size])
			}
			i += 1 + size
			continue
		}
		if n := in.construct(s, i); n > 0 {
			i += n
			continue
		}
		in.buf.WriteByte(c)
		i++
	}
}

// construct reads the inline markup starting at s[i], if any, and returns its length.
func (in *inlineParser) construct(s string, i int) int {
	if !startOK(s, i) {
		return 0
	}
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, "**"):
		return in.enclosed(s, i, "**", model.KindStrong)
	case rest[0] == '*':
		return in.enclosed(s, i, "*", model.KindEmphasis)
	case strings.HasPrefix(rest, "``"):
		return in.enclosed(s, i, "``", model.KindText)
	case rest[0] == '`':
		return in.interpreted(s, i, "")
	case rest[0] == ':' && roleRe.MatchString(rest):
		m := roleRe.FindStringSubmatch(rest)
		n := in.interpreted(s, i+len(m[0])-1, m[1])
		if n == 0 {
			return 0
		}
		return len(m[0]) - 1 + n
	case rest[0] == '|':
		return in.substitution(s, i)
	case rest[0] == '[' && footnoteRef.MatchString(rest):
		return in.footnote(footnoteRef.FindStringSubmatch(rest))
	case (c0(rest) == 'h' || c0(rest) == 'f' || c0(rest) == 'm') && urlStart(rest):
		return in.url(rest)
	}
	if m := simpleRef.FindStringSubmatch(rest); m != nil && endOK(s, i+len(m[0])) {
		name := strings.TrimSuffix(strings.TrimSuffix(m[0], "_"), "_")
		in.reference(name, m[1] == "__")
		return len(m[0])
	}
	return 0
}

func c0(s string) byte { return s[0] | 0x20 }

// startOK applies docutils' rule for where inline markup may start: at the start, or
// after white space or an opening or dash-like punctuation character.
func startOK(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r) || strings.ContainsRune("-:/'\"<([{", r) ||
		unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pd, unicode.Po) && r != '.' && r != ','
}

// endOK applies the rule for where inline markup may end: at the end, or before white
// space or a closing punctuation character.
func endOK(s string, j int) bool {
	if j >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsSpace(r) || strings.ContainsRune("-.,:;!?\\/'\")]}>", r) ||
		unicode.In(r, unicode.Pe, unicode.Pf, unicode.Pd, unicode.Po)
}

// findEnd returns the offset of end in s at or after from where it can close inline
// markup: after a non-space character that is not a backslash, before a valid follower.
func (in *inlineParser) findEnd(s string, from int, end string) int {
	if f, ok := in.noEnd[end]; ok && from >= f {
		return -1
	}
	for j := from; j+len(end) <= len(s); {
		k := strings.Index(s[j:], end)
		if k < 0 {
			break
		}
		k += j
		if k > from {
			prev, _ := utf8.DecodeLastRuneInString(s[:k])
			if !unicode.IsSpace(prev) && prev != '\\' && endOK(s, k+len(end)) {
				return k
			}
		}
		j = k + 1
	}
	if f, ok := in.noEnd[end]; !ok || from < f {
		in.noEnd[end] = from
	}
	return -1
}

// enclosed reads markup of the form <mark>text<mark> (strong, emphasis, literal).
func (in *inlineParser) enclosed(s string, i int, mark string, kind model.InlineKind) int {
	from := i + len(mark)
	if from >= len(s) || unicode.IsSpace(rune(s[from])) {
		return 0
	}
	end := in.findEnd(s, from, mark)
	if end < 0 {
		return 0
	}
	in.flush()
	text := s[from:end]
	if kind != model.KindText || mark != "``" {
		text = unescape(text)
	}
	in.add(kind, text, "")
	return end + len(mark) - i
}

// unescape removes backslash escapes.
func unescape(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == ' ' {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// interpreted reads `text` at s[i] with what follows it: "_" or "__" (a hyperlink
// reference), ":role:" (a role after the text), or nothing. role is a role given before
// the text (":role:`text`").
func (in *inlineParser) interpreted(s string, i int, role string) int {
	from := i + 1
	if from >= len(s) || unicode.IsSpace(rune(s[from])) || s[from] == '`' {
		return 0
	}
	end := in.findBackquote(s, from)
	if end < 0 {
		return 0
	}
	text := s[from:end]
	n := end + 1 - i
	after := s[end+1:]
	switch {
	case role == "" && strings.HasPrefix(after, "__"):
		in.phrase(text, true)
		return n + 2
	case role == "" && strings.HasPrefix(after, "_"):
		in.phrase(text, false)
		return n + 1
	case role == "" && suffixRole.MatchString(after):
		m := suffixRole.FindStringSubmatch(after)
		role = m[1]
		n += len(m[0])
	}
	in.role(role, unescape(text))
	return n
}

// findBackquote finds the closing backquote of interpreted text: after a non-space, before
// "_", ":" or a valid follower.
func (in *inlineParser) findBackquote(s string, from int) int {
	if f, ok := in.noEnd["`"]; ok && from >= f {
		return -1
	}
	for j := from; j < len(s); j++ {
		if s[j] != '`' || j == from {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:j])
		if unicode.IsSpace(prev) || prev == '\\' {
			continue
		}
		k := j + 1
		for k < len(s) && s[k] == '_' && k < j+3 {
			k++
		}
		if endOK(s, k) || k < len(s) && s[k] == ':' {
			return j
		}
	}
	in.noEnd["`"] = from
	return -1
}

// role prints interpreted text by its role: emphasis for the default role (a title
// reference) and for :emphasis:, strong for :strong:, and the text as written for every
// other role (:strike:, :literal:, :sub:, :abbr:…); cross-reference roles (:ref:, :doc:)
// show their title without the target.
func (in *inlineParser) role(role, text string) {
	in.flush()
	if t, _, ok := embedded(text); ok && t != "" && crossReference(role) {
		text = t
	}
	switch strings.ToLower(role) {
	case "", "emphasis", "title-reference", "title", "t":
		in.add(model.KindEmphasis, text, "")
	case "strong":
		in.add(model.KindStrong, text, "")
	default:
		in.add(model.KindText, text, "")
	}
}

// crossReference reports a Sphinx cross-reference role, written "title <target>".
func crossReference(role string) bool {
	switch strings.ToLower(role) {
	case "ref", "doc", "term", "any", "numref", "download", "keyword", "option", "envvar", "token":
		return true
	}
	return strings.Contains(role, ":") // a domain role such as :py:func:
}

// embedded splits "title <target>" into its title and target.
func embedded(s string) (title, target string, ok bool) {
	if !strings.HasSuffix(s, ">") {
		return "", "", false
	}
	open := strings.LastIndex(s, "<")
	if open < 0 || open > 0 && s[open-1] != ' ' && s[open-1] != '\n' {
		return "", "", false
	}
	target = s[open+1 : len(s)-1]
	if strings.ContainsAny(target, "<>") {
		return "", "", false
	}
	return strings.TrimSpace(s[:open]), strings.TrimSpace(target), true
}

// phrase reads a phrase reference `text`_ or `text <target>`_.
func (in *inlineParser) phrase(text string, anonymous bool) {
	text = unescape(text)
	if title, target, ok := embedded(text); ok {
		if title == "" {
			title = target
		}
		url := address(strings.Join(strings.Fields(target), ""), in.p.refs.targets)
		in.flush()
		if url != "" {
			in.add(model.KindLink, title, url)
		} else {
			in.add(model.KindText, title, "")
		}
		return
	}
	in.reference(text, anonymous)
}

// reference prints a reference to a named or anonymous target: a link when the target is
// an address, its text otherwise.
func (in *inlineParser) reference(name string, anonymous bool) {
	var url string
	if anonymous {
		url = in.p.refs.nextAnonymous()
	} else {
		url, _ = in.p.refs.target(name)
	}
	in.flush()
	if url != "" {
		in.add(model.KindLink, name, url)
		return
	}
	in.add(model.KindText, name, "")
}

// substitution reads |name| (optionally a reference: |name|_).
func (in *inlineParser) substitution(s string, i int) int {
	from := i + 1
	if from >= len(s) || unicode.IsSpace(rune(s[from])) {
		return 0
	}
	end := in.findEnd(s, from, "|")
	if end < 0 {
		// "|name|_" ends before the underscore; findEnd accepts "_" as no follower.
		end = strings.IndexByte(s[from:], '|')
		if end < 0 || !strings.HasPrefix(s[from+end+1:], "_") {
			return 0
		}
		end += from
	}
	name := s[from:end]
	n := end + 1 - i
	for n < len(s)-i && s[i+n] == '_' && n < end+3-i {
		n++
	}
	in.flush()
	text, ok := in.p.refs.subs[name]
	if !ok {
		text = name // an undefined substitution keeps its name
	}
	if in.nested < maxNesting {
		in.nested++
		in.run(text)
		in.nested--
	} else {
		in.buf.WriteString(text)
	}
	return n
}

// footnote reads a footnote or citation reference [label]_ into a footnote run.
func (in *inlineParser) footnote(m []string) int {
	text, ok := in.p.refs.note(m[1])
	if !ok || in.nested >= maxNesting {
		in.buf.WriteString("[" + m[1] + "]")
		return len(m[0])
	}
	in.flush()
	sub := &inlineParser{p: in.p, line: in.line, noEnd: map[string]int{}, nested: in.nested + 1}
	sub.run(text)
	sub.flush()
	if note := textrun.Trim(sub.runs); len(note) > 0 {
		in.runs = append(in.runs, model.Inline{Kind: model.KindFootnote, Note: note, Line: in.line})
	}
	return len(m[0])
}

// urlStart reports a URL scheme scribe links at s.
func urlStart(s string) bool {
	for _, p := range []string{"http://", "https://", "mailto:"} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// url reads a standalone URL; final punctuation belongs to the sentence.
func (in *inlineParser) url(s string) int {
	end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("<>\"`", r) })
	if end < 0 {
		end = len(s)
	}
	u := strings.TrimRight(s[:end], ".,;:!?)'")
	in.flush()
	in.add(model.KindLink, u, textrun.Clean(u))
	return len(u)
}
