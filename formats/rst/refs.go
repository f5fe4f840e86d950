package rst

import (
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
)

// refs are the things a document defines once, anywhere, and uses by name: hyperlink
// targets, footnotes and substitutions. They are collected before the body is read so a
// reference can come before its definition, as it usually does.
type refs struct {
	// targets maps a normalised reference name to its address ("" when the target is
	// internal or its address is not one a report can use).
	targets map[string]string
	// anonymous are the addresses of anonymous targets (".. __: url"), in order.
	anonymous []string
	anonUsed  int
	// notes maps a footnote or citation label ("1", "#", "#name", "CIT2002") to its text;
	// auto lists the texts of auto-numbered footnotes ("[#]") in order.
	notes    map[string]string
	auto     []noteDef
	autoUsed int
	// order lists the labelled notes as defined; used marks those referenced, so the others
	// can still be printed (a footnote nobody cites is still text of the notes).
	order []noteDef
	used  map[string]bool
	// subs maps a substitution name to its replacement text.
	subs map[string]string
}

// refName normalises a reference name as docutils does: case and runs of white space do
// not matter.
func refName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

var (
	// targetLine is ".. _name: address" (the name may be quoted in backquotes); "__" is an
	// anonymous target.
	targetLine = lazyre.New("^\\.\\. _(`[^`]*`|[^:]*(?:\\\\:[^:]*)*|_):(?:\\s+(.*)|$)")
	// anonTarget is the short form "__ address".
	anonTarget = lazyre.New(`^__ (.+)$`)
	// footnoteLine is ".. [label] text".
	footnoteLine = lazyre.New(`^\.\. \[([^\]\s]+)\](?:\s+(.*)|$)`)
	// substitutionLine is ".. |name| directive:: text".
	substitutionLine = lazyre.New(`^\.\. \|([^|]+)\|\s+([\w-]+)::\s*(.*)$`)
)

// collect reads targets, footnotes and substitutions from the whole document.
func (p *parser) collect(lines []line) {
	r := &p.refs
	r.targets, r.notes, r.subs = map[string]string{}, map[string]string{}, map[string]string{}
	// pending are empty targets waiting for the next target's address: docutils chains
	// ".. _a:" ".. _b: url" so both names reach the url.
	var pending []string
	for i := 0; i < len(lines); i++ {
		t := explicitStart(lines[i].text)
		if !strings.HasPrefix(t, ".. ") && !strings.HasPrefix(t, "__ ") {
			continue
		}
		col := indent(lines[i].text)
		n := indentedBlock(lines, i+1, col+1)
		body := t
		for _, l := range lines[i+1 : i+1+n] {
			if !blank(l) {
				body += "\n" + strings.TrimSpace(l.text)
			}
		}
		first, rest, _ := strings.Cut(body, "\n")
		switch {
		case targetLine.MatchString(first):
			m := targetLine.FindStringSubmatch(first)
			name := strings.Trim(m[1], "`")
			name = strings.ReplaceAll(name, "\\:", ":")
			addr := strings.Join(strings.Fields(m[2]+" "+rest), "")
			if name == "_" {
				r.anonymous = append(r.anonymous, address(addr, r.targets))
				break
			}
			if addr == "" {
				pending = append(pending, refName(name))
				break
			}
			url := address(addr, r.targets)
			for _, pn := range append(pending, refName(name)) {
				r.targets[pn] = url
			}
			pending = nil
		case anonTarget.MatchString(first):
			r.anonymous = append(r.anonymous, address(anonTarget.FindStringSubmatch(first)[1], r.targets))
		case footnoteLine.MatchString(first):
			m := footnoteLine.FindStringSubmatch(first)
			text := strings.TrimSpace(strings.ReplaceAll(m[2]+"\n"+rest, "\n", " "))
			if m[1] == "#" || m[1] == "*" {
				r.auto = append(r.auto, noteDef{label: "#", text: text, no: lines[i].no})
			} else {
				r.notes[m[1]] = text
				r.order = append(r.order, noteDef{label: m[1], text: text, no: lines[i].no})
			}
		case substitutionLine.MatchString(first):
			m := substitutionLine.FindStringSubmatch(first)
			r.subs[m[1]] = substitution(m[2], strings.TrimSpace(m[3]+" "+strings.ReplaceAll(rest, "\n", " ")))
		}
		i += n
	}
}

// explicitStart returns a line from where explicit markup could start: after its
// indentation and any list or field markers, whose bodies may open with a definition.
func explicitStart(text string) string {
	t := strings.TrimLeft(text, " ")
	for {
		m := bulletAt(t) + enumAt(t) + fieldAt(t)
		if m == "" {
			return t
		}
		t = strings.TrimLeft(t[len(m):], " ")
	}
}

// address returns the address of a target: an absolute URL or e-mail address as written,
// the address of another target for "name_", and "" for anything a report cannot follow
// (a path on the site the notes came from).
func address(s string, targets map[string]string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "_") && !strings.Contains(s, "://") {
		return targets[refName(strings.Trim(strings.TrimSuffix(s, "_"), "`"))]
	}
	switch {
	case strings.Contains(s, "://"), strings.HasPrefix(s, "mailto:"):
		return s
	case strings.Contains(s, "@") && !strings.ContainsAny(s, " /"):
		return "mailto:" + s
	}
	return ""
}

// substitution returns the text a substitution definition stands for: the text of
// "replace::", the characters of "unicode::", nothing for images and other directives.
func substitution(directive, text string) string {
	switch directive {
	case "replace":
		return text
	case "unicode":
		var b strings.Builder
		for _, f := range strings.Fields(text) {
			if f == ".." {
				break
			}
			h := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(strings.ToUpper(f), "U+"), "0X"), "&#X")
			h = strings.TrimSuffix(h, ";")
			if v, err := strconv.ParseUint(h, 16, 32); err == nil && v > 0 && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF) {
				b.WriteRune(rune(v))
			} else {
				b.WriteString(f)
			}
		}
		return b.String()
	}
	return ""
}

// target returns the address a reference name points to and whether the document defines
// it.
func (r *refs) target(name string) (string, bool) {
	url, ok := r.targets[refName(name)]
	return url, ok
}

// nextAnonymous returns the address of the next anonymous target.
func (r *refs) nextAnonymous() string {
	if r.anonUsed >= len(r.anonymous) {
		return ""
	}
	r.anonUsed++
	return r.anonymous[r.anonUsed-1]
}

// note returns the text of footnote or citation label ("1", "#", "#name", "CIT"), or false.
func (r *refs) note(label string) (string, bool) {
	if label == "#" || label == "*" {
		if r.autoUsed >= len(r.auto) {
			return "", false
		}
		r.autoUsed++
		return r.auto[r.autoUsed-1].text, true
	}
	text, ok := r.notes[label]
	if ok {
		if r.used == nil {
			r.used = map[string]bool{}
		}
		r.used[label] = true
	}
	return text, ok
}

// noteDef is a labelled footnote or citation as defined.
type noteDef struct {
	label, text string
	no          int
}

// unused returns the notes no reference cited, in the order they were defined, auto-numbered
// ones last.
func (r *refs) unused() []noteDef {
	var out []noteDef
	for _, n := range r.order {
		if !r.used[n.label] {
			out = append(out, n)
		}
	}
	out = append(out, r.auto[min(r.autoUsed, len(r.auto)):]...)
	return out
}
