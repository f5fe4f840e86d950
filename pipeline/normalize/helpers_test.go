package normalize

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

func txt(s string) []model.Inline { return model.Texts(s, 1) }

func para(s string) *model.Paragraph {
	return &model.Paragraph{Inlines: txt(s), Numbered: true}
}

func locale(t testing.TB, tag string) *locales.Locale {
	t.Helper()
	loc, err := locales.MustEmbedded().Lookup(tag)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func apply(t testing.TB, tr model.Transform, doc *model.Document, env *model.Env) {
	t.Helper()
	if env == nil {
		env = &model.Env{Locales: locales.MustEmbedded()}
	}
	if err := tr.Apply(context.Background(), doc, env); err != nil {
		t.Fatalf("%s: %v", tr.Name(), err)
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rawDoc is a document as a notes reader would produce it, before any normalizer: untidy
// spaces and controls, symbols and links inside plain text, straight quotes, a front
// matter date in words, lists, a quotation, a note and a table.
func rawDoc() *model.Document {
	pos := func(l int) model.Pos { return model.Pos{File: "raw.txt", Line: l} }
	return &model.Document{
		Source: "raw.txt",
		Meta:   model.Metadata{Date: "2 May 2005", Body: " ITU Council\u200e Working Group ", Symbol: "ITU/WSIS/2005/INF.1", JobNumber: "05-35610"},
		Front: []model.FrontLine{
			{Pos: pos(1), Kind: "venue", Text: " ITU Headquarters, ITU Tower, Room C2"},
			{Pos: pos(3), Kind: "date", Text: "2 May 2005 – 14:00-17:30"},
		},
		Blocks: []model.Block{
			&model.Paragraph{Pos: pos(4), Numbered: true, Inlines: txt("After some welcoming remarks,  Chairman Yuri G. Grin briefly\tpresented the role of the WG. ")},
			&model.Heading{Pos: pos(6), Level: 1, Inlines: txt("Organisation of the work")},
			&model.Paragraph{Pos: pos(7), Numbered: true, Inlines: []model.Inline{
				{Kind: model.KindText, Text: "The ILO supported the USA proposal in document PC-2/DT/2 (rev.2) paragraph 10, see http://www.itu.int/wsis/. \"Quoted\" -- mail wsis@itu.int", Line: 7},
				{Kind: model.KindText, Text: " between 14:00-17:30 on pages 10-12, as follows:", Line: 7},
				{Kind: model.KindEmphasis, Text: "", Line: 7},
			}, Children: []model.Block{
				&model.List{Pos: pos(8), Depth: 1, Items: []*model.ListItem{
					{Pos: pos(8), Marker: "·", Inlines: txt("first item;")},
					{Pos: pos(9), Marker: "·", Inlines: txt("second item:"), Children: []model.Block{
						&model.List{Pos: pos(10), Depth: 2, Items: []*model.ListItem{
							{Pos: pos(10), Inlines: txt("nested one;")},
							{Pos: pos(11), Inlines: txt("nested two.")},
						}},
					}},
					{Pos: pos(12), Inlines: txt("   ")},
				}},
				&model.Quote{Pos: pos(13), Paragraphs: []*model.Paragraph{
					{Pos: pos(13), Inlines: txt("In order to assure the sustainability.")},
					{Pos: pos(14), Inlines: txt("The operational work should build upon A/RES/59/220.")},
				}},
			}},
			&model.Paragraph{Pos: pos(15), Inlines: txt("  \u202b ")},
			&model.Heading{Pos: pos(16), Level: 2, Inlines: txt("Lone section")},
			&model.Paragraph{Pos: pos(17), Numbered: true, Inlines: txt("Canada recalled that implementation would take place at the national level.")},
			&model.Paragraph{Pos: pos(18), Inlines: txt("(Spoke in French)")},
			&model.Note{Pos: pos(19), Inlines: txt("(annexed)")},
			&model.Table{Pos: pos(20), Rows: [][][]model.Inline{{txt("a"), txt("b")}, {nil, nil}}},
			&model.Heading{Pos: pos(21), Level: 1, Inlines: txt("Second chapter")},
			&model.Heading{Pos: pos(22), Level: 2, Inlines: txt("Section one")},
			&model.Paragraph{Pos: pos(23), Numbered: true, Inlines: txt("Syria thanked the chair.")},
			&model.Heading{Pos: pos(24), Level: 2, Inlines: txt("Section two")},
			&model.Paragraph{Pos: pos(25), Numbered: true, Inlines: txt("Sweden said that the ITU point of view does not take development into account.")},
		},
	}
}
