package markdown

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// labelStripper takes the printed UN numbers off a report scribe wrote as Markdown, so
// reading it back does not number every paragraph twice: "12\. Canada said" is paragraph
// 12 of the model again, "- (a) first" subparagraph (a), "## II. Title" chapter II. The
// numbering normalizer gives the numbers back; a paragraph printed without a number (an
// editorial note) stays unnumbered.
type labelStripper struct {
	heading   [3]*regexp.Regexp // chapter, section, subsection
	paragraph *regexp.Regexp
	sub       []*regexp.Regexp // by list depth
	// titleBlock recognises the title-block sentence, whose facts the front matter holds.
	titleBlock func(string) bool
	// runIn maps the run-in labels of records ("Decision", "إجراء"), without their colon, to
	// the kind of paragraph they label.
	runIn map[string]model.ParagraphKind
}

// stripperKey keys the label stripper among a locale's derived tables.
type stripperKey struct{}

// labelStripperFor returns the stripper of the labels printed in language lang, nil when
// set has no such locale. It is built once per locale and read-only afterwards.
func labelStripperFor(set *locales.Set, lang string) *labelStripper {
	loc, err := set.Lookup(lang)
	if err != nil {
		return nil
	}
	return loc.Derived(stripperKey{}, func() any { return newLabelStripper(set, loc) }).(*labelStripper)
}

// newLabelStripper builds the label patterns of loc's numbering scheme; set, the locales
// loc belongs to, recognises title blocks.
func newLabelStripper(set *locales.Set, loc *locales.Locale) *labelStripper {
	n := loc.Numbering
	s := &labelStripper{paragraph: labelRegexp(n.Paragraph), runIn: map[string]model.ParagraphKind{
		loc.Label(locales.Decision): model.KindDecision,
		loc.Label(locales.Action):   model.KindAction,
	}}
	for i, lv := range []locales.Level{n.Chapter, n.Section, n.Subsection} {
		s.heading[i] = labelRegexp(lv)
	}
	for _, lv := range n.Sub {
		s.sub = append(s.sub, labelRegexp(lv))
	}
	s.titleBlock = func(text string) bool {
		_, ok := set.ParseTitleBlock(text)
		return ok
	}
	return s
}

// labelRegexp matches a label of lv at the start of a text, with the space after it.
func labelRegexp(lv locales.Level) *regexp.Regexp {
	var counter string
	switch {
	case len(lv.Words) > 0:
		words := make([]string, len(lv.Words))
		for i, w := range lv.Words {
			words[i] = regexp.QuoteMeta(w)
		}
		counter = "(?:" + strings.Join(words, "|") + ")+|\\d+"
	case lv.Format == "upperRoman":
		counter = "[IVXLCDM]+"
	case lv.Format == "lowerRoman":
		counter = "[ivxlcdm]+"
	case lv.Format == "upperLetter":
		counter = "[A-Z]+"
	case lv.Format == "lowerLetter":
		counter = "[a-z]+"
	case lv.Format == "chineseCounting":
		counter = "[〇一二三四五六七八九十百千]+"
	default:
		counter = "\\d+"
	}
	text := lv.Text
	if text == "" {
		text = "%1"
	}
	pre, post, _ := strings.Cut(text, "%1")
	// Spaces inside the pattern ("1 -") may come back as any white space.
	q := func(s string) string { return strings.ReplaceAll(regexp.QuoteMeta(s), " ", `\s+`) }
	return regexp.MustCompile(`^\s*` + q(pre) + "(?:" + counter + ")" + q(post) + `(?:\s+|$)`)
}

// strip takes the labels off blocks, in place.
func (s *labelStripper) strip(blocks []model.Block) []model.Block {
	out := blocks[:0]
	for _, b := range blocks {
		switch n := b.(type) {
		case *model.Heading:
			if k := n.Level - 1; k >= 0 && k < len(s.heading) {
				n.Inlines, _ = cut(s.heading[k], n.Inlines)
			}
		case *model.Paragraph:
			if len(n.Inlines) == 1 && n.Inlines[0].Kind == model.KindEmphasis && s.titleBlock(n.Inlines[0].Text) {
				continue // the title block: printed from the front matter's facts
			}
			n.Inlines, n.Numbered = cut(s.paragraph, n.Inlines)
			s.record(n)
			s.children(n.Children)
		case *model.List:
			s.children([]model.Block{n})
		}
		out = append(out, b)
	}
	return out
}

// record takes off the bold run-in label scribe prints before a decision or an action item
// ("**Action:** send the draft", "**Décision :** …") and makes the paragraph a record of
// that kind again: whatever the text after the label is (it may start with digits, a name
// or a label of another language), the label is the whole bold run.
func (s *labelStripper) record(p *model.Paragraph) {
	if p.Kind != "" || len(p.Inlines) < 2 || p.Inlines[0].Kind != model.KindStrong {
		return
	}
	label := strings.TrimRightFunc(p.Inlines[0].Text, func(r rune) bool { return r == ':' || r == '：' || unicode.IsSpace(r) })
	k, ok := s.runIn[label]
	if !ok || label == "" || label == p.Inlines[0].Text {
		return // a bold phrase without the label's colon is emphasis, not a label
	}
	rest := p.Inlines[1:]
	if rest[0].Kind == model.KindText {
		rest[0].Text = strings.TrimLeftFunc(rest[0].Text, unicode.IsSpace)
		if rest[0].Text == "" {
			rest = rest[1:]
		}
	}
	if len(rest) == 0 {
		return
	}
	p.Inlines, p.Kind = rest, k
	p.Why = fmt.Sprintf("%s: labelled %q; the report prints its own label", k, label)
}

// children strips the labels of the lists inside a paragraph.
func (s *labelStripper) children(blocks []model.Block) {
	for _, b := range blocks {
		l, ok := b.(*model.List)
		if !ok {
			continue
		}
		for _, it := range l.Items {
			if d := l.Depth - 1; d >= 0 && d < len(s.sub) {
				it.Inlines, _ = cut(s.sub[d], it.Inlines)
			}
			s.children(it.Children)
		}
	}
}

// cut removes a leading label matched by re from the first text run of ins, and reports
// whether there was one.
func cut(re *regexp.Regexp, ins []model.Inline) ([]model.Inline, bool) {
	if len(ins) == 0 || ins[0].Kind != model.KindText {
		return ins, false
	}
	loc := re.FindStringIndex(ins[0].Text)
	if loc == nil {
		return ins, false
	}
	rest := strings.TrimLeftFunc(ins[0].Text[loc[1]:], unicode.IsSpace)
	if rest == "" {
		return ins[1:], true
	}
	ins[0].Text = rest
	return ins, true
}
