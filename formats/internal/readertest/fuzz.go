package readertest

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// CheckRead is the property a reader's FuzzRead checks on one input: the reader never
// panics or hangs; it fails only with its documented errors (empty, binary, encoding, too
// deep, malformed); every block carries a position in the file and every list has items
// and a depth; and nothing is lost: every word of the decoded input that droppable leaves
// (it removes the markup the reader may drop) is in the model.
func CheckRead(t *testing.T, rd model.Reader, name string, data []byte, droppable func(string) string) {
	t.Helper()
	defer fuzzdoc.Watchdog(10 * time.Second)()
	// The built-in locales: readers that infer structure (notes, Markdown, Word) need them.
	doc, err := rd.Read(context.Background(), data, model.ReadOptions{Name: name, Locales: locales.MustEmbedded(), Limits: model.Limits{MaxDepth: 8}})
	if err != nil {
		for _, k := range []error{model.ErrEmpty, model.ErrBinary, model.ErrEncoding, model.ErrTooDeep, model.ErrMalformed} {
			if errors.Is(err, k) {
				return
			}
		}
		t.Fatalf("unexpected error: %v", err)
	}
	model.Walk(doc.Blocks, func(b model.Block) bool {
		if p := b.Position(); p.File != name || p.Line < 1 {
			t.Fatalf("%T without a position: %+v", b, p)
		}
		if l, ok := b.(*model.List); ok && (len(l.Items) == 0 || l.Depth < 1) {
			t.Fatalf("bad list: %+v", l)
		}
		return true
	})
	res, err := textenc.Decode(rd.Format(), name, data)
	if err != nil {
		t.Fatalf("reader accepted what the decoder refuses: %v", err)
	}
	if missing := fuzzdoc.MissingWords(droppable(res.Text), doc); len(missing) > 0 {
		t.Fatalf("words lost: %q\ninput:\n%s\nmodel:\n%s", missing, res.Text, fuzzdoc.ModelText(doc))
	}
}

// NotesMarker is a list marker or typed paragraph number at the start of a line, which the
// inference engine may take off a line of notes: "-", "*", "1.", "(a)", "iv)", "б)",
// "（二）", "三、" (the engine's bullet rule, generously). White space before it is what the
// engine takes for white space: control characters (a form feed), no-break and other
// Unicode spaces and separators (U+2028), byte order marks and zero-width spaces too.
var NotesMarker = regexp.MustCompile(`(?m)^[\x00-\x09\x0b-\x20\x7f-\x9f\p{Z}\x{feff}\x{200b}>]*(?:[-*+•·‣◦▪–—][ \t]|[（(]?(?:\p{Nd}{1,3}|\pL{1,3}|[ivxlcIVXLC]{1,6}|[一二三四五六七八九十百]+)[.)）、])`)

// EngineText is text as the inference engine cuts and cleans it: every line end a "\n" (CR
// LF and a lone CR end a line too), byte order marks and zero-width spaces dropped, and
// the other characters the engine takes for white space (control characters, Unicode
// spaces but the no-break ones) made spaces. A property judges the engine's decisions
// (markers, page furniture) on this text: "2005\u200b" is the page number "2005", and
// "12\ufeff1. " the typed number "121.".
func EngineText(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n', r == '\t', r == '\u00a0', r == '\u202f', r == '\u2007':
			return r
		case r == '\r':
			return '\n'
		case r == '\ufeff', r == '\u200b':
			return -1
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0, unicode.IsSpace(r):
			return ' '
		}
		return r
	}, text)
}

// WithoutFurniture blanks the words of the lines of text that the page-furniture rule of the inference
// engine drops (page numbers and running heads of a paginated extraction), for the
// droppable function of a reader that applies it: that rule has its own tests, and a
// fuzzer easily writes a text that looks paginated. Each asRead that is not nil gives a
// line's text as the rule may also see it (a Markdown line without its emphasis markers,
// or as the inference engine gets it, tags out and entities decoded; a line end in it
// splits the line, as a "<br>" does): a line the rule drops in any view, or part of which
// it drops, is blanked, since the reader judges the lines as written ("A*0" among running
// heads "A0") and what their markup leaves.
func WithoutFurniture(text string, asRead ...func(string) string) string {
	lines := strings.Split(text, "\n")
	drop := make([]bool, len(lines))
	for i, d := range infer.PageFurniture(lines) {
		drop[i] = d
	}
	for _, read := range asRead {
		if read == nil {
			continue
		}
		var seen []string
		var from []int // from[k] is the line of text seen[k] comes from
		for i, l := range lines {
			for _, piece := range strings.Split(read(l), "\n") {
				seen = append(seen, piece)
				from = append(from, i)
			}
		}
		for k, d := range infer.PageFurniture(seen) {
			drop[from[k]] = drop[from[k]] || d
		}
	}
	for i, d := range drop {
		if d {
			lines[i] = wordsBlanked(lines[i])
		}
	}
	return strings.Join(lines, "\n")
}

// wordsBlanked replaces the letters, digits and marks of a line with spaces and keeps its
// punctuation: the markup a line of furniture opens ("3<!--" opens a comment over the next
// lines) is still seen by the patterns that drop it.
func wordsBlanked(l string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			return ' '
		}
		return r
	}, l)
}

// FrontMatterKeys drops the keys of a front-matter block ("---" lines around "key: value"
// lines at the top), for the droppable function of a reader that reads front matter
// (formats/internal/frontmatter): whatever a key is written as, it is markup, and so is a
// comment. A key ends where YAML ends it, at the first ": " or a ":" ending the line
// ("Date:14:00 x: y" is the key "Date:14:00 x"). As for the reader, an opening "---" with
// no closing line opens no front matter: what follows is text.
func FrontMatterKeys(text string) string {
	lines := strings.Split(text, "\n")
	if strings.TrimSpace(lines[0]) != "---" {
		return text
	}
	end := 0
	for i := 1; i < len(lines) && end == 0; i++ {
		if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
			end = i
		}
	}
	// A key given twice keeps its last value: the earlier ones are dropped.
	last := map[string]int{}
	for i := 1; i < end; i++ {
		if k := yamlKeyEnd(lines[i]); k >= 0 {
			last[strings.TrimSpace(lines[i][:k])] = i
		}
	}
	for i := 1; i < end; i++ {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "#") {
			lines[i] = "" // a YAML comment
			continue
		}
		if k := yamlKeyEnd(lines[i]); k >= 0 && last[strings.TrimSpace(lines[i][:k])] != i {
			lines[i] = ""
			continue
		}
		k := yamlKeyEnd(lines[i])
		if k < 0 {
			// A line without a key continues a value or a list, as YAML reads it, or is
			// dropped with a value it continues: it is not compared.
			lines[i] = ""
			continue
		}
		v := withoutNodeProperties(yamlComment.ReplaceAllString(lines[i][k+1:], ""))
		// A value that is itself "key: value" ("!: 0: ") is a nested mapping to YAML: its
		// keys are keys, not words of a value.
		for k := yamlKeyEnd(v); k >= 0; k = yamlKeyEnd(v) {
			v = withoutNodeProperties(v[k+1:])
		}
		lines[i] = v
	}
	return strings.Join(lines, "\n")
}

// withoutNodeProperties drops the YAML tags ("!x") and anchors ("&a") that open a front-matter
// value: they are YAML's markup, never the value's words.
func withoutNodeProperties(value string) string {
	f := strings.Fields(value)
	for len(f) > 0 && (strings.HasPrefix(f[0], "!") || strings.HasPrefix(f[0], "&")) {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// yamlComment is a YAML comment at the end of a value: a "#" after white space ("0: #x" has
// no value).
var yamlComment = regexp.MustCompile(`(?:^|[ \t])#.*$`)

// yamlKeyEnd returns the index of the colon ending the key of a "key: value" line: the
// first one followed by white space or ending the line; -1 when there is none.
func yamlKeyEnd(l string) int {
	l = strings.TrimRight(l, "\r")
	for k := strings.IndexByte(l, ':'); k >= 0; {
		if k+1 == len(l) || l[k+1] == ' ' || l[k+1] == '\t' {
			return k
		}
		next := strings.IndexByte(l[k+1:], ':')
		if next < 0 {
			break
		}
		k += 1 + next
	}
	return -1
}
