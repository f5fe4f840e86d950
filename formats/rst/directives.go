package rst

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

// directiveRe matches the first line of a directive: ".. name:: arguments".
var directiveRe = lazyre.New(`^\.\.\s+([A-Za-z0-9][\w.+:-]*?)::(?:\s+(.*)|$)`)

// metaComment matches a Nikola-style metadata comment (".. title: Reunión 23"), the way
// static site generators put a title and date at the top of an .rst page.
var metaComment = lazyre.New(`^\.\.\s+(title|date|slug|tags|category|link|description|type|author|status|updated):\s*(.*)$`)

// explicit reads an explicit markup block (lines[0] starts with ".."): a directive, a
// metadata comment, or a target, footnote or substitution definition (already collected,
// so dropped here), or a comment (dropped).
func (p *parser) explicit(lines []line, depth int) ([]model.Block, error) {
	first := lines[0].text
	switch {
	case directiveRe.MatchString(first):
		m := directiveRe.FindStringSubmatch(first)
		return p.directive(strings.ToLower(m[1]), m[2], lines, depth)
	case metaComment.MatchString(first):
		m := metaComment.FindStringSubmatch(first)
		p.metaField(m[1], strings.TrimSpace(m[2]+" "+joinLines(lines[1:])), lines[0].no, "a metadata comment .. "+m[1]+":")
		return nil, nil
	}
	return nil, nil // targets, footnotes and substitutions are collected; comments dropped
}

// metaField records a metadata value stated by the document: the title sets the title,
// the date the date; others are kept in the metadata's extra fields.
func (p *parser) metaField(key, value string, no int, why string) {
	if value == "" {
		return
	}
	meta := &p.doc.Meta
	if meta.Lines == nil {
		meta.Lines = map[string]model.Pos{}
	}
	switch key {
	case "title":
		if meta.Title == "" {
			meta.Title = value
			meta.Lines["title"] = p.pos(no)
			p.doc.Front = append(p.doc.Front, model.FrontLine{Pos: p.pos(no), Kind: model.FrontTitle, Text: value, Why: why})
		}
	case "date":
		if meta.Date == "" {
			meta.Date = value
			meta.Lines["date"] = p.pos(no)
			p.doc.Front = append(p.doc.Front, model.FrontLine{Pos: p.pos(no), Kind: model.FrontDate, Text: value, Why: why})
		}
	default:
		if meta.Extra == nil {
			meta.Extra = map[string]string{}
		}
		meta.Extra[key] = value
	}
}

// directiveParts splits a directive block into its arguments (the first line's and any
// lines before the options), its options (":name: value" lines) and its content (after
// a blank line).
func directiveParts(args string, lines []line) (arg string, opts map[string]string, content []line) {
	body := dedent(lines[1:], minIndent(lines[1:]))
	opts = map[string]string{}
	argParts := []string{strings.TrimSpace(args)}
	i := 0
	for i < len(body) && !blank(body[i]) && fieldAt(body[i].text) == "" {
		argParts = append(argParts, strings.TrimSpace(body[i].text))
		i++
	}
	for i < len(body) && !blank(body[i]) {
		if m := fieldAt(body[i].text); m != "" {
			key := strings.ToLower(strings.Trim(strings.TrimSpace(m), ":"))
			opts[key] = strings.TrimSpace(body[i].text[len(m):])
		} else if len(opts) > 0 {
			// An option's value continued on the next line.
			last := lastKey(opts)
			opts[last] += " " + strings.TrimSpace(body[i].text)
		}
		i++
	}
	return strings.TrimSpace(strings.Join(argParts, " ")), opts, body[i:]
}

// lastKey returns the greatest key of m, good enough to find the option a continuation
// line belongs to in the short option lists directives have.
func lastKey(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys[len(keys)-1]
}

// admonitions are directives whose content is an editorial note to the reader.
var admonitions = map[string]bool{
	"note": true, "warning": true, "attention": true, "caution": true, "danger": true, "error": true,
	"hint": true, "important": true, "tip": true, "admonition": true, "seealso": true, "todo": true,
	"versionadded": true, "versionchanged": true, "deprecated": true,
}

// droppedDirectives lay out or decorate a page and hold no text of the notes.
var droppedDirectives = map[string]bool{
	"image": true, "contents": true, "sectnum": true, "section-numbering": true, "header": true,
	"footer": true, "meta": true, "raw": true, "include": true, "literalinclude": true,
	"default-role": true, "role": true, "class": true, "target-notes": true, "index": true,
	"highlight": true, "tabularcolumns": true, "toctree": true, "title-reference": true, "figure-image": true,
}

// directive maps one directive onto the model.
func (p *parser) directive(name, args string, lines []line, depth int) ([]model.Block, error) {
	arg, opts, content := directiveParts(args, lines)
	no := lines[0].no
	switch {
	case name == "title":
		p.metaField("title", arg, no, "the .. title:: directive")
		// The directive has no content; text under it is still text of the notes.
		return p.blocks(content, depth+1)
	case admonitions[name]:
		inner, err := p.blocks(content, depth+1)
		if err != nil {
			return nil, err
		}
		var out []model.Block
		if arg != "" {
			if ins := p.inlines(arg, no); len(ins) > 0 {
				out = append(out, &model.Note{Pos: p.pos(no), Inlines: ins, Why: "reStructuredText " + name + " directive (title)"})
			}
		}
		for _, para := range flatten(inner) {
			out = append(out, &model.Note{Pos: para.Pos, Inlines: para.Inlines, Why: "reStructuredText " + name + " directive, an editorial note"})
		}
		return out, nil
	case name == "code" || name == "code-block" || name == "sourcecode" || name == "parsed-literal" || name == "math" || name == "literal":
		if len(content) == 0 && arg != "" && (name == "math") {
			return p.preformatted([]line{{text: arg, no: no}}, "reStructuredText "+name+" directive"), nil
		}
		return p.preformatted(dedent(content, minIndent(content)), "reStructuredText "+name+" directive (preformatted)"), nil
	case name == "csv-table" || name == "list-table" || name == "table":
		return p.tableDirective(name, arg, opts, content, no, depth)
	case name == "figure":
		p.dropped.Add(name)
		inner, err := p.blocks(content, depth+1)
		if err != nil {
			return nil, err
		}
		var out []model.Block
		for _, para := range flatten(inner) {
			out = append(out, &model.Paragraph{Pos: para.Pos, Inlines: para.Inlines, Numbered: true, Why: "reStructuredText figure caption (the image is left out)"})
		}
		return out, nil
	case droppedDirectives[name]:
		p.dropped.Add(name)
		return nil, nil
	case name == "epigraph" || name == "highlights" || name == "pull-quote":
		inner, err := p.blocks(content, depth+1)
		if err != nil {
			return nil, err
		}
		if paras := flatten(inner); len(paras) > 0 {
			return []model.Block{&model.Quote{Pos: p.pos(no), Paragraphs: paras, Why: "reStructuredText " + name + " directive"}}, nil
		}
		return nil, nil
	}
	// topic, sidebar, rubric, container, compound, only and directives scribe does not
	// know: the argument (a title) and the content are text of the notes, kept as such.
	known := map[string]bool{"topic": true, "sidebar": true, "rubric": true, "container": true, "compound": true, "only": true, "line-block": true}
	if !known[name] {
		p.warn.Warn(stage, p.pos(no), "unknown directive %q: its text is kept, its meaning is not", name)
	}
	var out []model.Block
	if arg != "" && name != "container" && name != "only" {
		if ins := p.inlines(arg, no); len(ins) > 0 {
			out = append(out, &model.Paragraph{Pos: p.pos(no), Inlines: ins, Numbered: true, Why: fmt.Sprintf("reStructuredText %s directive (its title)", name)})
		}
	}
	inner, err := p.blocks(content, depth+1)
	if err != nil {
		return nil, err
	}
	return append(out, inner...), nil
}
