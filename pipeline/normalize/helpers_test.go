package normalize

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
)

func txt(s string) []pipeline.Inline { return pipeline.Texts(s, 1) }

func para(s string) *pipeline.Paragraph {
	return &pipeline.Paragraph{Inlines: txt(s), Numbered: true}
}

func locale(t testing.TB, tag string) *locales.Locale {
	t.Helper()
	loc, err := locales.MustEmbedded().Lookup(tag)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func apply(t testing.TB, tr pipeline.Transform, doc *pipeline.Document, env *pipeline.Env) {
	t.Helper()
	if env == nil {
		env = &pipeline.Env{}
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
func rawDoc() *pipeline.Document {
	pos := func(l int) pipeline.Pos { return pipeline.Pos{File: "raw.txt", Line: l} }
	return &pipeline.Document{
		Source: "raw.txt",
		Meta:   pipeline.Metadata{Date: "2 May 2005", Body: " ITU Council\u200e Working Group ", Symbol: "ITU/WSIS/2005/INF.1", JobNumber: "05-35610"},
		Front: []pipeline.FrontLine{
			{Pos: pos(1), Kind: "venue", Text: " ITU Headquarters, ITU Tower, Room C2"},
			{Pos: pos(3), Kind: "date", Text: "2 May 2005 – 14:00-17:30"},
		},
		Blocks: []pipeline.Block{
			&pipeline.Paragraph{Pos: pos(4), Numbered: true, Inlines: txt("After some welcoming remarks,  Chairman Yuri G. Grin briefly\tpresented the role of the WG. ")},
			&pipeline.Heading{Pos: pos(6), Level: 1, Inlines: txt("Organisation of the work")},
			&pipeline.Paragraph{Pos: pos(7), Numbered: true, Inlines: []pipeline.Inline{
				{Kind: pipeline.KindText, Text: "The ILO supported the USA proposal in document PC-2/DT/2 (rev.2) paragraph 10, see http://www.itu.int/wsis/. \"Quoted\" -- mail wsis@itu.int", Line: 7},
				{Kind: pipeline.KindText, Text: " between 14:00-17:30 on pages 10-12.", Line: 7},
				{Kind: pipeline.KindEmphasis, Text: "", Line: 7},
			}, Children: []pipeline.Block{
				&pipeline.List{Pos: pos(8), Depth: 1, Items: []*pipeline.ListItem{
					{Pos: pos(8), Marker: "·", Inlines: txt("first item;")},
					{Pos: pos(9), Marker: "·", Inlines: txt("second item:"), Children: []pipeline.Block{
						&pipeline.List{Pos: pos(10), Depth: 2, Items: []*pipeline.ListItem{
							{Pos: pos(10), Inlines: txt("nested one;")},
							{Pos: pos(11), Inlines: txt("nested two.")},
						}},
					}},
					{Pos: pos(12), Inlines: txt("   ")},
				}},
				&pipeline.Quote{Pos: pos(13), Paragraphs: []*pipeline.Paragraph{
					{Pos: pos(13), Inlines: txt("In order to assure the sustainability.")},
					{Pos: pos(14), Inlines: txt("The operational work should build upon A/RES/59/220.")},
				}},
			}},
			&pipeline.Paragraph{Pos: pos(15), Inlines: txt("  \u202b ")},
			&pipeline.Heading{Pos: pos(16), Level: 2, Inlines: txt("Lone section")},
			&pipeline.Paragraph{Pos: pos(17), Numbered: true, Inlines: txt("Canada recalled that implementation would take place at the national level.")},
			&pipeline.Paragraph{Pos: pos(18), Inlines: txt("(Spoke in French)")},
			&pipeline.Note{Pos: pos(19), Inlines: txt("(annexed)")},
			&pipeline.Table{Pos: pos(20), Rows: [][][]pipeline.Inline{{txt("a"), txt("b")}, {nil, nil}}},
			&pipeline.Heading{Pos: pos(21), Level: 1, Inlines: txt("Second chapter")},
			&pipeline.Heading{Pos: pos(22), Level: 2, Inlines: txt("Section one")},
			&pipeline.Paragraph{Pos: pos(23), Numbered: true, Inlines: txt("Syria thanked the chair.")},
			&pipeline.Heading{Pos: pos(24), Level: 2, Inlines: txt("Section two")},
			&pipeline.Paragraph{Pos: pos(25), Numbered: true, Inlines: txt("Sweden said that the ITU point of view does not take development into account.")},
		},
	}
}
