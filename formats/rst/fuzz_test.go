package rst

import (
	"regexp"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
)

// FuzzRead feeds arbitrary documents to the reader: it never panics; it fails only with
// its documented errors; every block has a position in the file; and nothing is lost:
// every word outside the markup the reader drops (comments, targets, substitution
// definitions, directive names and options, layout directives, roles, field names) is in
// the model.
func FuzzRead(f *testing.F) {
	fuzzdoc.AddFiles(f, "testdata/*", "../../testdata/corpus/*.rst")
	f.Add([]byte("T\n=\n\n:date: x\n\n* a\n\n  1. b\n\n.. note:: n\n\n`a <http://x>`_ b_ [1]_ |s|\n\n.. [1] f\n.. |s| replace:: r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckRead(t, NewReader(), "f.rst", data, droppable)
	})
}

// keptDirectives are the directives whose argument and content the reader keeps.
var keptDirectives = map[string]bool{
	"code": true, "code-block": true, "sourcecode": true, "parsed-literal": true, "math": true, "literal": true,
	"csv-table": true, "list-table": true, "table": true, "figure": true, "epigraph": true, "highlights": true,
	"pull-quote": true,
}

// droppable removes from a document what the reader may drop, generously: the property
// checks that everything else survives.
func droppable(text string) string {
	lines := splitLines(text)
	var out []string
	for i := 0; i < len(lines); i++ {
		t := explicitStart(lines[i].text)
		explicit := t == ".." || strings.HasPrefix(t, ".. ") || strings.HasPrefix(t, "__ ")
		if !explicit {
			out = append(out, lines[i].text)
			continue
		}
		n := indentedBlock(lines, i+1, indent(lines[i].text)+1)
		m := directiveRe.FindStringSubmatch(t)
		name := ""
		if m != nil {
			name = strings.ToLower(m[1])
		}
		keep := footnoteLine.MatchString(t) || metaComment.MatchString(t) ||
			m != nil && (keptDirectives[name] || admonitions[name] || !droppedDirectives[name] && name != "title")
		if name == "title" {
			keep = true
		}
		switch {
		case keep && m != nil:
			// A directive: its arguments and content, not its options.
			arg, _, content := directiveParts(m[2], lines[i:i+1+n])
			out = append(out, arg)
			for _, l := range content {
				out = append(out, l.text)
			}
		case keep:
			out = append(out, t)
			for _, l := range lines[i+1 : i+1+n] {
				out = append(out, l.text)
			}
		}
		i += n
	}
	s := strings.Join(out, "\n")
	for _, re := range rstDrops {
		s = re.ReplaceAllString(s, " ")
	}
	return s
}

var rstDrops = []*regexp.Regexp{
	regexp.MustCompile(`\.\.\s+[A-Za-z0-9][\w.+:-]*?::`),   // directive names
	regexp.MustCompile(`(?m)^\s*:[^:\n]*:`),                // field names and directive options
	regexp.MustCompile(`:[A-Za-z][\w.+-]*(?::[\w.+-]+)?:`), // role names
	regexp.MustCompile(`<[^<>\n]*>`),                       // embedded targets
	regexp.MustCompile(`\|[^|\n]*\|`),                      // substitution references
	regexp.MustCompile(`\[[^\]\s]*\]`),                     // footnote labels
	regexp.MustCompile(`(?m)^\s*(?:(?:\(?(?:[0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)[.)]|[*+\-•‣⁃])(?:[ \t]+|$))+`), // list markers
	regexp.MustCompile(`\.\.\s+(?:title|date|slug|tags|category|link|description|type|author|status|updated):`),
}
