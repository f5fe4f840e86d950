// Package pipelinetest builds small, fully numbered and localized documents by hand, so that
// writers can be tested without depending on the readers and normalizers.
package pipelinetest

import (
	"fmt"
	"strings"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Sample returns a short report in the shape of the reference notes, numbered and localized
// for lang (one of the six): a masthead, two chapters, numbered paragraphs with speakers, a
// subparagraph list with a nested level, a two-paragraph quotation inside a paragraph, a
// document symbol, emphasis, a footnote and an editorial note. Body text stays English, as
// it does when no translation is given.
func Sample(lang string) *model.Document {
	loc, err := locales.MustEmbedded().Lookup(lang)
	if err != nil {
		panic(err)
	}
	pos := func(line int) model.Pos { return model.Pos{File: "sample.txt", Line: line} }
	txt := model.Texts
	num := loc.Numbering
	para := 0
	p := func(line int, speaker string, ins []model.Inline, children ...model.Block) *model.Paragraph {
		para++
		return &model.Paragraph{Pos: pos(line), Inlines: ins, Numbered: true, Speaker: speaker,
			Number: model.Number{Ordinal: para, Label: num.Paragraph.Label(para)},
			ID:     fmt.Sprintf("p%d", para), Children: children}
	}
	h := func(line, n int, text string) *model.Heading {
		return &model.Heading{Pos: pos(line), Level: 1, Inlines: txt(text, line),
			Number: model.Number{Ordinal: n, Label: num.Chapter.Label(n)}, ID: fmt.Sprintf("h%d", n)}
	}
	item := func(id string, line, n, depth int, text string, children ...model.Block) *model.ListItem {
		return &model.ListItem{Pos: pos(line), Marker: "·", Inlines: txt(text, line), ID: id,
			Number: model.Number{Ordinal: n, Label: num.Sub[depth-1].Label(n), Level: depth}, Children: children}
	}
	doc := &model.Document{
		Source: "sample.txt",
		Meta: model.Metadata{
			Title: "Informal consultation on WSIS follow-up", Body: "ITU Council Working Group on WSIS",
			Symbol: "ITU/WSIS/2005/INF.1", Distribution: "General", Date: "2005-05-02",
			TimeStart: "14:00", TimeEnd: "17:30", Venue: "ITU Headquarters, ITU Tower, Room C2",
			OriginalLang: "en", Lang: loc.Tag, JobNumber: "05-35610",
		},
		Front: []model.FrontLine{
			{Pos: pos(1), Kind: model.FrontVenue, Text: "ITU Headquarters, ITU Tower, Room C2"},
			{Pos: pos(3), Kind: model.FrontDate, Text: "2 May 2005 – 14:00-17:30"},
		},
	}
	doc.Blocks = []model.Block{
		p(4, "Chairman Yuri G. Grin", txt("After some welcoming remarks, Chairman Yuri G. Grin briefly presented the role of the ITU Council WG on WSIS.", 4)),
		h(6, 1, "Organisation of the work of the ITU WG on WSIS"),
		p(7, "Syria", txt("Syria thanked the chair for convening this meeting and asked whether there would be a new GFC meeting.", 7)),
		p(9, "Marc Furrer", txt("Marc Furrer, Head of the Swiss Delegation, presented a proposal for two additional Summit documents:", 9),
			&model.List{Pos: pos(11), Depth: 1, Items: []*model.ListItem{
				item("p3.a", 11, 1, 1, "The Stocktaking Implementation Report would gather concrete actions taken;"),
				item("p3.b", 12, 2, 1, "The Stakeholder Commitments Paper would take shape as a rolling document:",
					&model.List{Pos: pos(13), Depth: 2, Items: []*model.ListItem{
						item("p3.b.i", 13, 1, 2, "open to States and civil society;"),
						item("p3.b.ii", 14, 2, 2, "open to private entities."),
					}}),
			}}),
		h(16, 2, "Modalities and leadership"),
		p(17, "The ILO", []model.Inline{
			{Kind: model.KindText, Text: "The ILO supported the USA proposal in document ", Line: 17},
			{Kind: model.KindSymbol, Text: "PC-2/DT/2 (rev.2)", Line: 17},
			{Kind: model.KindText, Text: " paragraph 10:", Line: 17},
			{Kind: model.KindFootnote, Line: 17, Note: txt("Available at the WSIS secretariat.", 17)},
		}, &model.Quote{Pos: pos(17), Paragraphs: []*model.Paragraph{
			{Pos: pos(17), ID: "p4.q1", Inlines: txt("“In order to assure the sustainability of the WSIS Process, the relevant organs should incorporate the results of the WSIS in their programmes of work.", 17)},
			{Pos: pos(19), ID: "p4.q2", Inlines: txt("The operational work should build upon the innovative, participatory, multi-stakeholder modalities utilized in the WSIS.”", 19)},
		}}),
		p(20, "USA", []model.Inline{
			{Kind: model.KindText, Text: "USA added that each UN agency should ", Line: 20},
			{Kind: model.KindEmphasis, Text: "endorse", Line: 20},
			{Kind: model.KindText, Text: " the WSIS action lines. Reference should be made to resolution ", Line: 20},
			{Kind: model.KindSymbol, Text: "A/RES/59/220", Line: 20},
			{Kind: model.KindText, Text: ".", Line: 20},
		}),
		&model.Note{Pos: pos(22), Inlines: txt("(annexed)", 22), ID: "n1"},
	}
	ApplyPresentation(doc, loc)
	return doc
}

// ApplyPresentation fills doc.Present the way the localize normalizer does, in a simplified
// form good enough for writer tests.
func ApplyPresentation(doc *model.Document, loc *locales.Locale) {
	m := doc.Meta
	date := loc.FormatDate(2005, 5, 2)
	timeText := loc.FormatTimeRange(m.TimeStart, m.TimeEnd)
	mh := loc.Masthead
	orig := mh.OriginalNames[m.OriginalLang]
	doc.Present = model.Presentation{
		Lang: loc.Tag, Dir: model.Direction(loc.Direction), DateText: date, TimeText: timeText,
		Masthead: []model.MastheadLine{
			{Key: model.MastUN, Text: mh.UnitedNations},
			{Key: model.MastOrgan, Text: m.Body},
			{Key: model.MastSymbol, Text: m.Symbol},
			{Key: model.MastDistribution, Text: mh.Distribution},
			{Key: model.MastDate, Text: date},
		},
		TitleBlock: replace(loc.TitleBlock.Full, "{venue}", m.Venue, "{date}", date, "{time}", timeText),
		HeaderText: m.Symbol,
		FooterJob:  m.JobNumber + " (" + loc.JobLetter + ")",
		PageLabel:  loc.Label(locales.Page),
		Fonts:      loc.Fonts["serif"],
	}
	if !mh.Translated {
		doc.Present.Masthead[4].Text = locales.MustEmbedded().All()[2].FormatDate(2005, 5, 2)
	}
	if mh.LanguageLine != "" {
		doc.Present.Masthead = append(doc.Present.Masthead, model.MastheadLine{Key: model.MastLanguage, Text: mh.LanguageLine})
	}
	doc.Present.Masthead = append(doc.Present.Masthead, model.MastheadLine{Key: model.MastOriginal, Text: replace(mh.Original, "{language}", orig)})
}

func replace(s string, pairs ...string) string {
	return strings.NewReplacer(pairs...).Replace(s)
}

// Locale returns the built-in locale of lang (one of the six), for tests that call a writer
// directly.
func Locale(lang string) *locales.Locale {
	loc, err := locales.MustEmbedded().Lookup(lang)
	if err != nil {
		panic(err)
	}
	return loc
}

// Long returns Sample(lang) with its body repeated n times, for measuring how writers scale:
// the blocks are shared between the copies (writers only read them), so building it costs
// nothing and its size grows with n alone.
func Long(lang string, n int) *model.Document {
	doc := Sample(lang)
	body := doc.Blocks
	doc.Blocks = make([]model.Block, 0, n*len(body))
	for range n {
		doc.Blocks = append(doc.Blocks, body...)
	}
	return doc
}

// TextBytes is the length of the text of doc's blocks, for per-byte figures.
func TextBytes(doc *model.Document) int { return model.TextBytes(doc.Blocks) }
