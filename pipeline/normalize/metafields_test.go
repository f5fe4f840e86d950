package normalize

import (
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

func TestMetadataFromWhereMinutesPutIt(t *testing.T) {
	cases := []struct {
		name                      string
		title                     string
		in                        []model.Block
		date, time, venue, title2 string
		left                      string
	}{
		{"date in the title", "Board meeting 2025-11-19", []model.Block{para(stmt)}, "2025-11-19", "", "", "Board meeting 2025-11-19", "P:" + stmt},
		{"title with a month name", "Minutes — March 3, 2021", nil, "2021-03-03", "", "", "Minutes — March 3, 2021", ""},
		{"French title", "Réunion du 15 septembre 2021", nil, "2021-09-15", "", "", "Réunion du 15 septembre 2021", ""},
		{"a title that is a date alone is no title", "2024-02-06", nil, "2024-02-06", "", "", "", ""},
		{"labelled lines", "", []model.Block{para("Date: 15 septembre 2021 à 18 h"), para("Lieu : Salle 3"), para(stmt)},
			"2021-09-15", "18:00", "Salle 3", "", "P:" + stmt},
		{"labelled bullets", "", []model.Block{h(2, "会议概况"), list(item("会议时间：2022-5-26 19：00 - 20：00"), item("会议地点：线上会议"), item("参会人：本次会议共有23名成员参会。"))},
			"2022-05-26", "19:00", "线上会议", "", "H:会议概况 | L:参会人：本次会议共有23名成员参会。"},
		{"a heading over the date heading is the title", "", []model.Block{h(1, "Trust Framework Kickoff"), h(2, "Monday, 10/07/2024"), h(1, "Agenda"), para(stmt)},
			"2024-10-07", "", "", "Trust Framework Kickoff", "H:Agenda | P:" + stmt},
		{"a date heading under a body heading: no title", "", []model.Block{para(stmt), h(2, "Monday, 7 October 2024"), para(stmt)},
			"2024-10-07", "", "", "", "P:" + stmt + " | P:" + stmt},
		{"date headings of several meetings stay", "", []model.Block{h(1, "2020-08-17 Call"), para(stmt), h(1, "2020-07-07 Call"), para(stmt)},
			"", "", "", "", "H:2020-08-17 Call | P:" + stmt + " | H:2020-07-07 Call | P:" + stmt},
		{"a short first line with a date", "", []model.Block{para("crHumanisticaRevue 11 juin 2015"), h(2, "Statut"), para(stmt)},
			"2015-06-11", "", "", "crHumanisticaRevue", "H:Statut | P:" + stmt},
		{"other fields near the top are kept unnumbered", "", []model.Block{bodyPara("Agenda: https://lists.example.org/0074.html"), bodyPara("Organizer: Manu Sporny"), bodyPara("Motion: Councilor Ross moved to adopt the proclamation as amended."), bodyPara(stmt)},
			"", "", "", "", "P:Agenda: https://lists.example.org/0074.html | P:Organizer: Manu Sporny | P:Motion: Councilor Ross moved to adopt the proclamation as amended. | P:" + stmt},
		{"a two-digit year in the title", "17.11.14 : Le processing dans le hardware", nil, "2014-11-17", "", "", "Le processing dans le hardware", ""},
		{"a date before a dash opens the title", "2024-03-01 – Kickoff", nil, "2024-03-01", "", "", "Kickoff", ""},
		{"a two-digit year in a date field, day first", "", []model.Block{para("Fecha: 3/5/22"), para(stmt)}, "2022-05-03", "", "", "", "P:" + stmt},
		{"a version number in the title is no date", "Release 1.10.12 planning", nil, "", "", "", "Release 1.10.12 planning", ""},
		{"a venue heading over one line", "", []model.Block{h(2, "Lieu"), para("Salle 3, Paris - 19h à 21h"), h(2, "Présents"), para(stmt)},
			"", "19:00", "Salle 3, Paris", "", "H:Présents | P:" + stmt},
		{"a venue heading over discussion stays", "", []model.Block{h(2, "Lieu"), para("Salle 3, Paris"), para(stmt)},
			"", "", "", "", "H:Lieu | P:Salle 3, Paris | P:" + stmt},
		{"a label with its complement: of the meeting", "", []model.Block{para("Date de la réunion : 15 septembre 2021"), para(stmt)},
			"2021-09-15", "", "", "", "P:" + stmt},
		{"a date field without a date stays", "", []model.Block{para("Date: to be decided")}, "", "", "", "", "P:Date: to be decided"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := &model.Document{Source: "t.txt", Meta: model.Metadata{Title: c.title}, Blocks: c.in}
			env := &model.Env{Locales: locales.MustEmbedded()}
			apply(t, Metadata{}, doc, env)
			apply(t, Metadata{}, doc, env)
			m := doc.Meta
			if m.Date != c.date || m.TimeStart != c.time || m.Venue != c.venue || m.Title != c.title2 {
				t.Errorf("got date %q time %q venue %q title %q, want %q %q %q %q", m.Date, m.TimeStart, m.Venue, m.Title, c.date, c.time, c.venue, c.title2)
			}
			if got := blockKinds(doc.Blocks); got != c.left {
				t.Errorf("blocks left:\n got %s\nwant %s", got, c.left)
			}
			for _, b := range doc.Blocks {
				if p, ok := b.(*model.Paragraph); ok && p.Numbered == (strings.HasPrefix(model.PlainText(p.Inlines), "Agenda:") || strings.HasPrefix(model.PlainText(p.Inlines), "Organizer:")) && c.name == "other fields near the top are kept unnumbered" {
					t.Errorf("%q: numbered %v, why %q", model.PlainText(p.Inlines), p.Numbered, p.Why)
				}
			}
		})
	}
}

// bodyPara is a paragraph as readers make body text: numbered.
func bodyPara(s string) *model.Paragraph {
	p := para(s)
	p.Numbered = true
	return p
}

func TestCoverNote(t *testing.T) {
	at := func(line int, s string) *model.Paragraph {
		p := para(s)
		p.Pos = model.Pos{File: "m.log", Line: line}
		return p
	}
	cases := []struct {
		name  string
		title int
		want  string // "n" numbered, "u" unnumbered, per paragraph
	}{
		{"paragraphs above a title further down are a cover note", 10, "uun"},
		{"a title on the first line leaves everything numbered", 1, "nnn"},
		{"no title: nothing to be above", 0, "nnn"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := &model.Document{Source: "m.log", Blocks: []model.Block{
				at(1, "Thanks to Mike for scribing! The minutes are now available:"),
				at(4, "Full text of the discussion follows."),
				at(12, stmt),
			}}
			if c.title > 0 {
				doc.Front = []model.FrontLine{{Pos: model.Pos{File: "m.log", Line: c.title}, Kind: model.FrontTitle, Text: "Telecon Minutes"}}
			}
			w := &model.Warnings{}
			env := &model.Env{Locales: locales.MustEmbedded(), Warnings: w}
			apply(t, Metadata{}, doc, env)
			apply(t, Metadata{}, doc, env)
			got := ""
			for _, b := range doc.Blocks {
				if b.(*model.Paragraph).Numbered {
					got += "n"
				} else {
					got += "u"
				}
			}
			if got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
			if n := len(w.List()); (n == 1) != (c.want == "uun") {
				t.Errorf("%d warnings: %v", n, w.List())
			}
		})
	}
}

// A list of fields above the first heading (the header a scraper or an export writes) is
// kept as unnumbered field lines; under a heading it belongs to the topic and stays.
func TestHeaderFieldList(t *testing.T) {
	header := func() *model.List {
		return list(item("Source PDF: https://example.org/a.pdf"), item("Fetched: 2026-04-18T18:12:31Z"))
	}
	cases := []struct {
		name string
		in   []model.Block
		want string
	}{
		{"above the first heading", []model.Block{header(), h(1, "Call to order"), para(stmt)}, "u u H P"},
		{"under a heading", []model.Block{h(1, "Call to order"), header(), para(stmt)}, "H L P"},
		{"not every item a field", []model.Block{list(item("Source PDF: https://example.org/a.pdf"), item(stmt)), para(stmt)}, "L P"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := &model.Document{Source: "t.md", Blocks: c.in}
			apply(t, Metadata{}, doc, nil)
			var got []string
			for _, b := range doc.Blocks {
				switch n := b.(type) {
				case *model.Heading:
					got = append(got, "H")
				case *model.List:
					got = append(got, "L")
				case *model.Paragraph:
					if n.Numbered {
						got = append(got, "P")
					} else {
						got = append(got, "u")
					}
				}
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("got %s, want %s", g, c.want)
			}
		})
	}
}

// Short lines stacked at the top with a date line are the source's letterhead.
func TestLetterhead(t *testing.T) {
	head := func() []model.Block {
		return []model.Block{para("Town of Amherst"), para("Special Town Council Meeting"), para("Thursday, December 4, 2019 12:30 p.m."), para("Town Room, Town Hall")}
	}
	cases := []struct {
		name string
		in   []model.Block
		date string
		want string
	}{
		{"a letterhead: unnumbered, its date line to the front", append(head(), para(stmt)), "2019-12-04", "u u u P"},
		{"no date line: short lines stay", []model.Block{para("Town of Amherst"), para("Special Town Council Meeting"), para("Town Room, Town Hall"), para(stmt)}, "", "P P P P"},
		{"two lines are too few", []model.Block{para("Town of Amherst"), para("Thursday, December 4, 2019"), para(stmt)}, "", "P P P"},
		{"a date given by a field already: the date line stays, unnumbered",
			append([]model.Block{para("Date: 2019-12-04")}, append(head(), para(stmt))...), "2019-12-04", "u u u u P"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := &model.Document{Source: "t.md", Blocks: c.in}
			apply(t, Metadata{}, doc, nil)
			apply(t, Metadata{}, doc, nil)
			var got []string
			for _, b := range doc.Blocks {
				if p, ok := b.(*model.Paragraph); ok {
					if p.Numbered {
						got = append(got, "P")
					} else {
						got = append(got, "u")
					}
				}
			}
			if g := strings.Join(got, " "); g != c.want || doc.Meta.Date != c.date {
				t.Errorf("got %s date %q, want %s date %q", g, doc.Meta.Date, c.want, c.date)
			}
		})
	}
}
