package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// labelKind is what a label of minutes introduces.
type labelKind uint8

const (
	labelNone labelKind = iota
	labelPresent
	labelAbsent
	labelChair
	labelSecretary
	labelGuests
	labelDecision
	labelAction
	labelDate  // the meeting's date or time
	labelVenue // the meeting's place
	labelField // another field (agenda, slides): never a speaker, never a statement
)

// role is the participant role a label names; "" for labels that name none.
func (k labelKind) role() model.Role {
	switch k {
	case labelPresent:
		return model.RolePresent
	case labelAbsent:
		return model.RoleAbsent
	case labelChair:
		return model.RoleChair
	case labelSecretary:
		return model.RoleSecretary
	case labelGuests:
		return model.RoleGuest
	}
	return ""
}

// vocab is the labels minutes use in the six languages, keyed by their folded form. Notes
// written in one language often use another's labels ("Date:" in French notes), so every
// locale's list counts.
type vocab map[string]labelKind

// newVocab builds the vocabulary of every locale of set.
func newVocab(set *locales.Set) vocab {
	v := vocab{}
	for _, loc := range set.All() {
		m := loc.Minutes
		for _, g := range []struct {
			words []string
			kind  labelKind
		}{
			// Fields first: a word that is both ("notes") is then taken by a role.
			{m.Fields, labelField}, {m.Date, labelDate}, {m.Venue, labelVenue},
			{m.Decision, labelDecision}, {m.Action, labelAction},
			{m.Guests, labelGuests}, {m.Secretary, labelSecretary}, {m.Chair, labelChair},
			{m.Absent, labelAbsent}, {m.Present, labelPresent},
		} {
			for _, w := range g.words {
				v[foldLabel(w)] = g.kind
			}
		}
		// The locale's own labels of the masthead mean what they say there.
		for k, kind := range map[locales.Key]labelKind{locales.Venue: labelVenue, locales.Date: labelDate} {
			if l := foldLabel(loc.Label(k)); l != "" {
				if _, ok := v[l]; !ok {
					v[l] = kind
				}
			}
		}
	}
	return v
}

// foldLabel is the form labels are compared in: lower case, emphasis marks, inclusive-
// writing dots and parentheses dropped, spaces collapsed ("**Présent.e.s**" is
// "présentes", "Excusé(e)s" is "excusées").
func foldLabel(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case strings.ContainsRune("*_.·()[]`#", r):
			continue
		case unicode.IsSpace(r) || r == '\u00a0':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// kind returns the kind of a label, also in the plural or feminine forms notes use
// ("Attendee" for "attendees", "Présente" for "présents").
func (v vocab) kind(label string) labelKind {
	f := foldLabel(label)
	if f == "" {
		return labelNone
	}
	if k, ok := v[f]; ok {
		return k
	}
	for _, variant := range []string{f + "s", strings.TrimSuffix(f, "s"), strings.TrimSuffix(f, "es"), strings.TrimSuffix(f, "e")} {
		if k, ok := v[variant]; ok && variant != "" {
			return k
		}
	}
	return labelNone
}

// maxLabelRunes bounds how far into a line a label may reach: labels are a few words.
const maxLabelRunes = 40

// splitLabel cuts "Label: value" at its first colon (ASCII or full-width) when what stands
// before it is a label of v: it returns the label as written (without the colon and
// emphasis marks), its kind and the value after the colon, trimmed. "RESOLVED that …" and
// "VOTED 9-0-0 …", a decision word in capitals opening the line, count as labels too.
func (v vocab) splitLabel(text string) (label string, kind labelKind, value string, ok bool) {
	t := strings.TrimSpace(text)
	if i := strings.IndexAny(t, ":："); i > 0 && utf8.RuneCountInString(t[:i]) <= maxLabelRunes {
		head := strings.TrimSpace(strings.Trim(t[:i], "*_ "))
		if k := v.kind(head); k != labelNone {
			_, size := utf8.DecodeRuneInString(t[i:])
			rest := strings.TrimLeft(t[i+size:], "*_ ")
			return head, k, strings.TrimSpace(rest), true
		}
	}
	// A decision or action word in capitals, then text: "RESOLVED, that…", "VOTED 9-0-0".
	end := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	if end > 2 {
		w := t[:end]
		if strings.ToUpper(w) == w && strings.ToLower(w) != w {
			if k := v.kind(w); k == labelDecision || k == labelAction {
				return w, k, strings.TrimSpace(strings.TrimLeft(t[end:], ",:;-–— ")), true
			}
		}
	}
	return "", labelNone, "", false
}
