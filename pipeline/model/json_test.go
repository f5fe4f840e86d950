package model_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

func TestJSONRoundTrip(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		doc := pipelinetest.Sample(lang)
		data, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), `{"type":"paragraph"`) || !strings.Contains(string(data), `{"type":"quote"`) {
			t.Fatalf("blocks are not tagged: %.300s", data)
		}
		var back model.Document
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(doc, &back) {
			again, _ := json.Marshal(&back)
			t.Fatalf("round trip differs:\n%s\n%s", data, again)
		}
	}
}

func TestCloneIsDeep(t *testing.T) {
	doc := pipelinetest.Sample("en")
	c := doc.Clone()
	if !reflect.DeepEqual(doc, c) {
		t.Fatal("clone differs")
	}
	c.Blocks[0].(*model.Paragraph).Inlines[0].Text = "changed"
	c.Blocks[3].(*model.Paragraph).Children[0].(*model.List).Items[0].Inlines[0].Text = "changed"
	if doc.Blocks[0].(*model.Paragraph).Inlines[0].Text == "changed" ||
		doc.Blocks[3].(*model.Paragraph).Children[0].(*model.List).Items[0].Inlines[0].Text == "changed" {
		t.Fatal("clone shares inlines with the original")
	}
}

func TestErrorFormat(t *testing.T) {
	err := model.Errorf("notes", model.Pos{File: "a.txt", Line: 3}, model.ErrBinary, "NUL byte")
	if got := err.Error(); got != "notes: a.txt:3: binary data, not text: NUL byte" {
		t.Fatal(got)
	}
	if !strings.Contains(model.Errorf("docx", model.Pos{File: "a.docx", Part: "word/document.xml"}, model.ErrMalformed, "x").Error(), "a.docx:word/document.xml") {
		t.Fatal("part not in message")
	}
}

// minutesDoc is a document with every block minutes add: participants, a decision and an
// action item, preformatted text, an attendance section and an annex with a table.
func minutesDoc() *model.Document {
	pos := func(l int) model.Pos { return model.Pos{File: "m.txt", Line: l} }
	return &model.Document{
		Source: "m.txt",
		Meta: model.Metadata{Participants: []model.Participant{
			{Name: "Jeremy Tandy", Initials: "JT", Affiliation: "Met Office", Role: model.RolePresent, Pos: pos(2), Why: "attendance: under 'Present'"},
			{Name: "Nathalie", Role: model.RoleAbsent, Pos: pos(3)},
		}},
		Blocks: []model.Block{
			&model.Attendance{Pos: pos(2), Title: "Attendance", ID: "attendance", Groups: []model.AttendanceGroup{
				{Role: model.RolePresent, Label: "Present:", Names: []string{"Jeremy Tandy (Met Office)"},
					Inlines: []model.Inline{{Kind: model.KindStrong, Text: "Present:"}, {Kind: model.KindText, Text: " Jeremy Tandy (Met Office)"}}},
			}},
			&model.Paragraph{Pos: pos(5), Inlines: model.Texts("The budget is approved.", 5), Numbered: true, Kind: model.KindDecision, Label: "Decision:"},
			&model.Paragraph{Pos: pos(6), Inlines: model.Texts("JT to circulate the draft.", 6), Numbered: true, Kind: model.KindAction, Owner: "Jeremy Tandy", Due: "15 April"},
			&model.Preformatted{Pos: pos(8), Text: "a  b\n  c", ID: "f1"},
			&model.Annex{Pos: pos(5), Label: "Annex", Title: "Decisions and action items", ID: "annex1", Blocks: []model.Block{
				&model.Table{Pos: pos(5), Header: 1, Rows: [][][]model.Inline{{model.Texts("1.", 5)}}},
			}},
		},
	}
}

func TestJSONRoundTripMinutes(t *testing.T) {
	doc := minutesDoc()
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`{"type":"attendance"`, `{"type":"annex"`, `{"type":"preformatted"`, `"kind":"decision"`, `"owner":"Jeremy Tandy"`, `"participants":[`, `"role":"absent"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	var back model.Document
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc, &back) {
		again, _ := json.Marshal(&back)
		t.Fatalf("round trip differs:\n%s\n%s", data, again)
	}
	c := doc.Clone()
	if !reflect.DeepEqual(doc, c) {
		t.Fatal("clone differs")
	}
	c.Blocks[0].(*model.Attendance).Groups[0].Names[0] = "changed"
	c.Meta.Participants[0].Name = "changed"
	if doc.Blocks[0].(*model.Attendance).Groups[0].Names[0] == "changed" || doc.Meta.Participants[0].Name == "changed" {
		t.Fatal("clone shares attendance or participants with the original")
	}
}

func TestInspectMinutes(t *testing.T) {
	var b strings.Builder
	if err := model.Inspect(&b, minutesDoc()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"participant present: Jeremy Tandy (JT), Met Office — attendance: under 'Present'",
		`attendance "Attendance" (no number)`,
		`decision "The budget is approved."`,
		`action "JT to circulate the draft." [owner: Jeremy Tandy] [due: 15 April]`,
		`preformatted (2 lines, no number) "a  b"`,
		`annex "Annex" "Decisions and action items"`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("inspect lacks %q:\n%s", want, b.String())
		}
	}
}
