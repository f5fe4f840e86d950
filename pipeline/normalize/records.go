package normalize

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Records finds what minutes record apart from statements: decisions ("RESOLVED:",
// "Decision:", "Agreed:", "Décision :", "决定：", "VOTED 9-0-0 to …") and action items
// ("ACTION: Jane to send the draft", "Acción:", "Action items" sections), in the six
// languages. Each becomes a paragraph of Kind decision or action, numbered with the body;
// the label as typed is dropped (the report prints its own, in the output language), and
// an action's owner ("Jane to …", "… – PhilO", "@jane", "(owner: Jane)") and deadline
// ("by 15 May", "due 2022-04-15") are kept apart. Numbered paragraphs under a heading that
// is itself such a label ("Action items", "Décisions") are records of that kind.
type Records struct{}

// Name returns "records".
func (Records) Name() string { return "records" }

// Apply marks decisions and action items in place.
func (Records) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "records", doc, func() error {
		set, err := localeSet("records", doc, env)
		if err != nil {
			return err
		}
		r := recorder{v: labelVocab(set), set: set}
		section := labelNone
		var under string
		for _, b := range doc.Blocks {
			switch n := b.(type) {
			case *model.Heading:
				section, under = labelNone, ""
				if k := r.v.kind(headingLabel(n)); k == labelDecision || k == labelAction {
					section, under = k, headingLabel(n)
				}
			case *model.Paragraph:
				r.paragraph(n, section, under)
			}
		}
		return nil
	})
}

// recorder holds the label vocabulary.
type recorder struct {
	v   vocab
	set *locales.Set
}

// paragraph makes p a record when it opens with a decision or action label, or stands in
// a section of records (section is that section's kind, under its heading).
func (r recorder) paragraph(p *model.Paragraph, section labelKind, under string) {
	if p.Kind == model.KindAction && p.Owner == "" && p.Due == "" {
		// An action a reader recognised by the label scribe printed (a report read back):
		// its owner and deadline are in its text, as in the notes it came from.
		p.Owner, p.Due = r.owner(model.PlainText(p.Inlines)), r.due(model.PlainText(p.Inlines))
	}
	if p.Kind != "" || !p.Numbered {
		return
	}
	text := model.PlainText(p.Inlines)
	label, k, value, ok := r.v.splitLabel(text)
	switch {
	case ok && (k == labelDecision || k == labelAction) && value != "":
		t := strings.TrimRightFunc(text, unicode.IsSpace)
		p.Inlines = afterLabel(p.Inlines, len(t)-len(value))
		p.Why = fmt.Sprintf("%s: labelled %q; the report prints its own label", kindName(k), label)
	case section != labelNone && isStatementOrTask(text):
		k = section
		p.Why = fmt.Sprintf("%s: a paragraph under the heading %q", kindName(k), under)
	default:
		return
	}
	p.Kind = model.KindDecision
	if k == labelAction {
		p.Kind = model.KindAction
		p.Owner, p.Due = r.owner(model.PlainText(p.Inlines)), r.due(model.PlainText(p.Inlines))
	}
}

func kindName(k labelKind) string {
	if k == labelAction {
		return "action"
	}
	return "decision"
}

// isStatementOrTask reports an item worth recording: anything but an empty or one-word line.
func isStatementOrTask(text string) bool { return textUnits(text) >= 2 }

// afterLabel returns the runs from byte offset at of their text on, without the space and
// emphasis left at the start.
func afterLabel(ins []model.Inline, at int) []model.Inline {
	var out []model.Inline
	pos := 0
	for _, in := range ins {
		end := pos + len(in.Text)
		switch {
		case end <= at && in.Text != "":
		case pos >= at:
			out = append(out, in)
		default:
			c := in
			c.Text = in.Text[at-pos:]
			out = append(out, c)
		}
		pos = end
	}
	for len(out) > 0 {
		out[0].Text = strings.TrimLeftFunc(out[0].Text, func(r rune) bool { return unicode.IsSpace(r) || r == '*' || r == '_' })
		if out[0].Text != "" || out[0].Kind == model.KindFootnote {
			break
		}
		out = out[1:]
	}
	return out
}

// Owner patterns: "Jane to send", "Jane Doe will draft", "@jane", "(owner: Jane)", a name
// after a final dash ("– PhilO"), "Jane: send".
var (
	reOwnerTo     = lazyre.New(`^((?:\p{Lu}[\p{L}'.-]*|@?[a-z][\w-]*)(?:(?:\s+|/)\p{Lu}[\p{L}'.-]*){0,3})\s+(?:to|will|shall|should|must|doit|va|debe|va a|должен)\s+\p{L}`)
	reOwnerColon  = lazyre.New(`^(\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,3}|[a-z][\w-]*)\s*:\s+\S`)
	reOwnerAt     = lazyre.New(`(?:^|\s)@([\w.-]+)`)
	reOwnerLabel  = lazyre.New(`(?i)\((?:owner|responsible|resp\.?|responsable|responsable\(s\))\s*:\s*([^)]+)\)`)
	reOwnerDash   = lazyre.New(`\s[–—-]\s*(\p{Lu}[\p{L}'./]*(?:\s+\p{Lu}[\p{L}'.]*){0,2})\s*(?:[–—-]\s*[\p{Lu}\s]+)?$`)
	reOwnerSquare = lazyre.New(`^\[([^\]]{2,40})\]`)
	// "Kate- Transfer the document", "PhilO/Martin - Update the page": the owner leads.
	reOwnerLead = lazyre.New(`^(\p{Lu}[\p{L}'.]*(?:\s?\p{Lu}[\p{L}'.]*)?(?:/\p{Lu}[\p{L}'.]*)*)\s*[-–—]\s+\S`)
	// "Share slides (Will Wilkinson)": a name in parentheses at the end.
	reOwnerParens = lazyre.New(`\((\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,3})\)\s*\.?$`)
)

// owner finds who is to carry out an action, "" when the text does not say.
func (r recorder) owner(text string) string {
	text = strings.TrimSpace(text)
	for _, re := range []*lazyre.Regexp{reOwnerLabel, reOwnerSquare, reOwnerLead, reOwnerTo, reOwnerColon, reOwnerParens} {
		if m := re.FindStringSubmatch(text); m != nil {
			return strings.TrimPrefix(strings.TrimSpace(m[1]), "@")
		}
	}
	if m := reOwnerAt.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	if m := reOwnerDash.FindStringSubmatch(text); m != nil && !isStatusWord(m[1]) {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// isStatusWord reports the status notes append to actions ("DONE", "CLOSED").
func isStatusWord(s string) bool {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "DONE", "CLOSED", "OPEN", "IN PROCESS", "IN PROGRESS", "PENDING", "ONGOING", "TBD":
		return true
	}
	return false
}

// reDue finds a deadline: "by", "due", "before", "avant le", "antes del", "до" then a date.
var reDue = lazyre.New(`(?i)(?:\bby\b|\bdue\b|\bbefore\b|\bdeadline\b|\bavant\b(?: le)?|\bpour le\b|\bantes de(?:l)?\b|\bpara el\b|\bдо\b)\s*:?\s*`)

// due finds an action's deadline as written, "" when there is none.
func (r recorder) due(text string) string {
	loc := reDue.FindStringIndex(text)
	if loc == nil {
		return ""
	}
	rest := text[loc[1]:]
	if m, ok := r.set.FindDate(rest); ok && m.Start <= 12 {
		return strings.TrimSpace(rest[m.Start:m.End])
	}
	// A weekday or a named day without a year ("by Friday", "by next meeting").
	if w := firstWordOf(rest); w != "" && r.set.IsWeekday(w) {
		return w
	}
	return ""
}

// firstWordOf returns the first run of letters of s.
func firstWordOf(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	if utf8.RuneCountInString(s[:end]) < 2 {
		return ""
	}
	return s[:end]
}
