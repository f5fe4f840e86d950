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
	labelTally // a count of a vote ("Pour : 7", "Against: 2"): never a speaker or a record
	// labelAgenda names the meeting's list of items ("Agenda", "Ordre du jour"): a field as
	// a line's label; the list under such a heading is the agenda, kept a list.
	labelAgenda
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
// locale's list counts. A vocab is read-only once built.
type vocab struct {
	kinds map[string]labelKind // by folded label
	// longest is the byte length of the longest folded label, with the longest article
	// before it: kind stops folding a text longer than any label and its variants, as
	// most paragraphs it is asked about are.
	longest int
	// articles are the locales' articles, folded: a label may open with one ("Les
	// présents", "The attendees", "Los asistentes").
	articles map[string]bool
}

type labelVocabKey struct{}

// labelVocab is the vocab of set, built once and kept with the set's first locale (see
// locales.Locale.Derived): four transforms read it for every document, and building it
// (folding every label of six languages) was a sixth of the CPU of a batch of short notes.
func labelVocab(set *locales.Set) vocab {
	all := set.All()
	if len(all) == 0 || all[0] == nil {
		return newVocab(set)
	}
	return all[0].Derived(labelVocabKey{}, func() any { return newVocab(set) }).(vocab)
}

// newVocab builds the vocabulary of every locale of set.
func newVocab(set *locales.Set) vocab {
	v := vocab{kinds: map[string]labelKind{}, articles: map[string]bool{}}
	article := 0
	for _, loc := range set.All() {
		for _, a := range loc.Speech.Articles {
			f := foldLabel(a)
			v.articles[f] = true
			article = max(article, len(f)+1)
		}
		m := loc.Minutes
		for _, g := range []struct {
			words []string
			kind  labelKind
		}{
			// Fields first: a word that is both ("notes") is then taken by a role.
			{m.Fields, labelField}, {m.Agenda, labelAgenda}, {m.Tally, labelTally}, {m.Date, labelDate}, {m.Venue, labelVenue},
			{m.Decision, labelDecision}, {m.Action, labelAction},
			{m.Guests, labelGuests}, {m.Secretary, labelSecretary}, {m.Chair, labelChair},
			{m.Absent, labelAbsent}, {m.Present, labelPresent},
		} {
			for _, w := range g.words {
				v.add(foldLabel(w), g.kind)
			}
		}
		// The locale's own labels of the masthead mean what they say there.
		for k, kind := range map[locales.Key]labelKind{locales.Venue: labelVenue, locales.Date: labelDate} {
			if l := foldLabel(loc.Label(k)); l != "" {
				if _, ok := v.kinds[l]; !ok {
					v.add(l, kind)
				}
			}
		}
	}
	v.longest += article
	return v
}

func (v *vocab) add(folded string, kind labelKind) {
	v.kinds[folded] = kind
	v.longest = max(v.longest, len(folded))
}

// foldLabel is the form labels are compared in: lower case, emphasis marks, inclusive-
// writing dots and parentheses dropped, spaces collapsed ("**Présent.e.s**" is
// "présentes", "Excusé(e)s" is "excusées").
func foldLabel(s string) string {
	f, _ := foldLabelMax(s, -1)
	return f
}

// foldLabelMax is foldLabel, given up (false) as soon as the folded form passes limit
// bytes; limit < 0 sets no bound.
func foldLabelMax(s string, limit int) (string, bool) {
	// Labels are short: the folded form is built on the stack (asked of every paragraph,
	// a growing strings.Builder was three allocations each time).
	var stack [64]byte
	b := stack[:0]
	space := false
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case strings.ContainsRune("*_.·()[]`#", r):
			continue
		case unicode.IsSpace(r) || r == '\u00a0':
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, r)
		if limit >= 0 && len(b) > limit {
			return "", false
		}
	}
	return string(b), true
}

// indexColon is strings.IndexAny(s, ":："), by two byte searches instead of a lookup per
// rune (s is UTF-8, where neither colon's bytes occur inside another character).
func indexColon(s string) int {
	i, j := strings.IndexByte(s, ':'), strings.Index(s, "：")
	if i < 0 || (j >= 0 && j < i) {
		return j
	}
	return i
}

// isUpperWord reports a word in capitals: upper-casing leaves it as it is, lower-casing
// does not (strings.ToUpper(w) == w && strings.ToLower(w) != w, without the two copies
// for the first word of every paragraph).
func isUpperWord(w string) bool {
	cased := false
	for _, r := range w {
		if unicode.ToUpper(r) != r {
			return false
		}
		cased = cased || unicode.ToLower(r) != r
	}
	return cased
}

// kind returns the kind of a label, also in the plural or feminine forms notes use
// ("Attendee" for "attendees", "Présente" for "présents") and after an article ("Les
// présents", "Los asistentes").
func (v vocab) kind(label string) labelKind {
	// The variants below are at most two bytes shorter than the folded label.
	f, ok := foldLabelMax(label, v.longest+2)
	if !ok || f == "" {
		return labelNone
	}
	if k := v.form(f); k != labelNone {
		return k
	}
	if sp := strings.IndexByte(f, ' '); sp > 0 && v.articles[f[:sp]] {
		return v.form(f[sp+1:])
	}
	if a, rest, ok := elided(f); ok && v.articles[a] {
		return v.form(rest)
	}
	// "Attachment B", "Annex II", "Appendix 3": a field's label and its designator.
	if sp := strings.LastIndexByte(f, ' '); sp > 0 && designator(f[sp+1:]) {
		if k := v.form(f[:sp]); k == labelField {
			return k
		}
	}
	// "Directors Present", "Executive Officers Absent": one or two words saying who, then
	// a label of attendance. Chair and secretary are left out: "Elect Meeting Chair" is an
	// agenda item.
	if sp := strings.LastIndexByte(f, ' '); sp > 0 && v.qualifier(f[:sp]) {
		switch k := v.form(f[sp+1:]); k {
		case labelPresent, labelAbsent, labelGuests:
			return k
		}
	}
	return labelNone
}

// designator reports a folded word that tells one of a series apart: a number, one letter,
// or a roman numeral ("3", "b", "ii", "xiv").
func designator(w string) bool {
	if w == "" || len(w) > 5 {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return strings.Trim(w, "0123456789") == "" || strings.Trim(w, "ivxl") == ""
}

// qualifier reports one or two words that may say who a label of attendance is about:
// no article, preposition or negation among them ("Voting Members", not "Firmas de los").
func (v vocab) qualifier(words string) bool {
	if fieldCount(words, 2) > 2 {
		return false
	}
	for w := range strings.FieldsSeq(words) {
		if v.articles[w] {
			return false
		}
		switch w {
		case "not", "non", "no", "pas", "ni", "не", "of", "de", "des", "du", "del", "para", "for", "pour", "por":
			return false
		}
	}
	return true
}

// form looks a folded label up as written, then in its plural or feminine variants.
func (v vocab) form(f string) labelKind {
	if k, ok := v.kinds[f]; ok {
		return k
	}
	for _, variant := range []string{f + "s", strings.TrimSuffix(f, "s"), strings.TrimSuffix(f, "es"), strings.TrimSuffix(f, "e")} {
		if k, ok := v.kinds[variant]; ok && variant != "" {
			return k
		}
	}
	return labelNone
}

// elided splits an elided article from the word it is joined to ("l'ordre du jour").
func elided(f string) (article, rest string, ok bool) {
	for _, apo := range []string{"'", "’"} {
		if i := strings.Index(f, apo); i > 0 && i <= 2 {
			return f[:i+len(apo)], f[i+len(apo):], true
		}
	}
	return "", "", false
}

// maxLabelRunes bounds how far into a line a label may reach: labels are a few words.
const maxLabelRunes = 40

// splitLabel cuts "Label: value" at its first colon (ASCII or full-width) when what stands
// before it is a label of v: it returns the label as written (without the colon and
// emphasis marks), its kind and the value after the colon, trimmed. "RESOLVED that …" and
// "VOTED 9-0-0 …", a decision word in capitals opening the line, count as labels too.
func (v vocab) splitLabel(text string) (label string, kind labelKind, value string, ok bool) {
	t := strings.TrimSpace(text)
	// A colon past maxLabelRunes runes (at most UTFMax bytes each) ends no label, so only
	// that far is searched, whole '：' included: scanning a long paragraph rune by rune
	// for a colon it lacks was a tenth of the normalizers' time on long notes.
	if i := indexColon(t[:min(len(t), maxLabelRunes*utf8.UTFMax+len("："))]); i > 0 && utf8.RuneCountInString(t[:i]) <= maxLabelRunes {
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
		if isUpperWord(w) {
			if k := v.kind(w); k == labelDecision || k == labelAction {
				return w, k, strings.TrimSpace(strings.TrimLeft(t[end:], ",:;-–— ")), true
			}
		}
	}
	return "", labelNone, "", false
}
