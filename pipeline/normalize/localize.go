package normalize

import (
	"context"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Localize sets the output language (Meta.Lang) and fills doc.Present, the localized
// furniture writers print verbatim: direction, the date and time written out, the masthead
// lines (organ, symbol, distribution, date, language, original), the title-block sentence,
// running header, footer job number, the word for "Page" and the preferred fonts.
//
// Where the UN keeps the masthead in English (Russian, Chinese and Arabic versions), the
// masthead's date and lines stay English; the title block is always in the version's own
// language. Lines whose value is unknown are omitted.
type Localize struct{}

// Name returns "localize".
func (Localize) Name() string { return "localize" }

// Apply fills doc.Present for env.Locale.
func (Localize) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "localize", doc, func() error {
		loc, err := outputLocale("localize", doc, env)
		if err != nil {
			return err
		}
		set, err := localeSet("localize", doc, env)
		if err != nil {
			return err
		}
		en, err := set.Lookup("en")
		if err != nil {
			return model.Errorf("localize", model.Pos{File: doc.Source}, model.ErrLanguage, "%v", err)
		}
		doc.Meta.Lang = loc.Tag
		localizeFields(&doc.Meta, loc.Tag)
		typesetFields(&doc.Meta, loc)
		doc.Present = present(set, doc.Meta, loc, en, doc.Present.Untranslated)
		return nil
	})
}

// typesetFields applies the version's typography to the furniture taken from the metadata
// (title, subtitle, organ, session), as the body gets its language's: all of it ("Réunion
// du bureau\u00a0: «\u00a0budget\u00a0»") where the text is in the version's language (given for
// it, or the notes' own language), else only the apostrophe ("Conseil de l’UIT"), which
// other languages in the Latin script share. Document symbols in them are left as written.
func typesetFields(m *model.Metadata, loc *locales.Locale) {
	tr := newTies(loc)
	for field, f := range map[string]*string{"title": &m.Title, "subtitle": &m.Subtitle, "body": &m.Body, "session": &m.Session} {
		if *f == "" {
			continue
		}
		if m.Localized[field][loc.Tag] == "" && m.OriginalLang != loc.Tag {
			*f = apostrophes(*f, 0, 0, loc)
			continue
		}
		*f = model.PlainText(typesetWith(splitInlines([]model.Inline{{Kind: model.KindText, Text: *f}}), loc, tr))
	}
}

// localizeFields sets each field given in several languages to the version's own text, when
// the notes give one for it.
func localizeFields(m *model.Metadata, lang string) {
	for field, dst := range map[string]*string{
		"title": &m.Title, "subtitle": &m.Subtitle, "body": &m.Body, "session": &m.Session, "agendaItem": &m.AgendaItem,
	} {
		if v := strings.TrimSpace(m.Localized[field][lang]); v != "" {
			*dst = v
		}
	}
}

// agendaItem writes the agenda-item line: a bare number or code ("3", "4 (b)", "69") in the
// locale's words ("Agenda item 3"), anything else as written.
func agendaItem(item string, loc *locales.Locale) string {
	item = strings.TrimSpace(item)
	if item == "" || loc.Masthead.AgendaItem == "" || !reAgendaNumber.MatchString(item) {
		return item
	}
	return strings.ReplaceAll(loc.Masthead.AgendaItem, "{item}", item)
}

var reAgendaNumber = lazyre.New(`^\d{1,3}(?:\s?\(?[a-z]\)?)?$`)

// present computes the presentation of meta in loc, looking languages up in set. en is the
// English locale, used for the masthead where loc does not translate it. untranslated is
// carried over: the translation stage, not this one, knows which blocks it replaced.
func present(set *locales.Set, m model.Metadata, loc, en *locales.Locale, untranslated int) model.Presentation {
	p := model.Presentation{
		Lang:         loc.Tag,
		Dir:          model.Direction(loc.Direction),
		PageLabel:    loc.Label(locales.Page),
		Untranslated: untranslated,
	}
	if fonts := loc.Fonts["serif"]; len(fonts) > 0 {
		// A copy: the locale is shared read-only by concurrent conversions.
		p.Fonts = append([]string(nil), fonts...)
	}
	y, mo, d, dateOK := parseISO(m.Date)
	if dateOK {
		p.DateText = loc.FormatDate(y, mo, d)
	}
	if m.TimeStart != "" {
		p.TimeText = loc.FormatTimeRange(m.TimeStart, m.TimeEnd)
	}

	mh := loc.Masthead
	mastLoc := loc
	if !mh.Translated {
		mastLoc = en
	}
	add := func(key model.MastheadKey, text string) {
		if text != "" {
			p.Masthead = append(p.Masthead, model.MastheadLine{Key: key, Text: text})
		}
	}
	if m.Body != "" || m.Symbol != "" {
		add(model.MastUN, loc.Masthead.UnitedNations)
	}
	add(model.MastOrgan, m.Body)
	add(model.MastSymbol, m.Symbol)
	add(model.MastDistribution, distribution(m.Distribution, mh))
	if dateOK {
		// The day and its month on one line here too: the masthead's column is narrow.
		add(model.MastDate, newTies(mastLoc).tie(mastLoc.FormatDate(y, mo, d)))
	}
	add(model.MastLanguage, mh.LanguageLine)
	original := m.OriginalLang
	if m.Original != "" {
		original = m.Original
	}
	if tag, ok := canonicalLang(set, original); ok {
		if name := mh.OriginalNames[tag]; name != "" {
			add(model.MastOriginal, strings.ReplaceAll(mh.Original, "{language}", name))
		}
	}

	// The day and its month on one line, as in the body ("on 2 May 2005"); the time comes
	// from the locale's patterns with its no-break spaces already in place.
	p.TitleBlock = titleBlock(loc.TitleBlock, m.Venue, newTies(loc).tie(p.DateText), p.TimeText)
	p.HeaderText = m.Symbol
	if p.HeaderText == "" {
		p.HeaderText = m.Title
	}
	if m.JobNumber != "" {
		p.FooterJob = m.JobNumber + " (" + loc.JobLetter + ")"
	}
	p.AgendaItem = agendaItem(m.AgendaItem, loc)
	if m.Recycle {
		p.Recycle = loc.Label(locales.PleaseRecycle)
	}
	return p
}

// distribution maps the metadata value to the locale's line; an unknown value is the
// officer's own wording and is kept.
func distribution(v string, mh locales.Masthead) string {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "general":
		return mh.Distribution
	case "limited":
		if mh.Limited != "" {
			return mh.Limited
		}
	case "restricted":
		if mh.Restricted != "" {
			return mh.Restricted
		}
	}
	return v
}

// titleBlock picks the pattern whose fields are all known; without a date there is no
// title block.
func titleBlock(tb locales.TitleBlock, venue, date, tm string) string {
	var pat string
	switch {
	case date == "":
		return ""
	case venue != "" && tm != "":
		pat = tb.Full
	case venue != "":
		pat = tb.NoTime
	case tm != "":
		pat = tb.NoVenue
	default:
		pat = tb.DateOnly
	}
	out := strings.NewReplacer("{venue}", venue, "{date}", date, "{time}", tm).Replace(pat)
	// A slot ending in a full stop ("17 ч. 30 м.") before the pattern's own one.
	for _, v := range []string{venue, date, tm} {
		if strings.HasSuffix(v, ".") {
			out = strings.ReplaceAll(out, v+".", v)
		}
	}
	return out
}

// parseISO splits a valid YYYY-MM-DD date.
func parseISO(s string) (y, m, d int, ok bool) {
	if !validISO(s) {
		return 0, 0, 0, false
	}
	y, _ = strconv.Atoi(s[0:4])
	m, _ = strconv.Atoi(s[5:7])
	d, _ = strconv.Atoi(s[8:10])
	return y, m, d, true
}
