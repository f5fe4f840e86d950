package serve

import (
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

func TestSourceLinesOfMinutes(t *testing.T) {
	text := strings.Split("Board meeting 2025-11-19\n\nPresent: Alice Martin, Bob Chen\n"+
		"Decision: The accounts were approved.\nACTION: Bob to circulate the figures.\n```\nx = 1\ny = 2\n```\n-----\n", "\n")
	pos := func(n int) model.Pos { return model.Pos{Line: n} }
	doc := &model.Document{
		Meta: model.Metadata{Participants: []model.Participant{
			{Name: "Alice Martin", Role: model.RolePresent, Pos: pos(3), Why: "attendance: names only, under 'Present'"},
			{Name: "Bob Chen", Role: model.RolePresent, Pos: pos(3)},
		}},
		Front: []model.FrontLine{{Pos: pos(1), Kind: model.FrontDate, Text: text[0], Why: "date"}},
		Blocks: []model.Block{
			&model.Paragraph{Pos: pos(4), Kind: model.KindDecision, Numbered: true, Number: model.Number{Label: "1."}, Inlines: model.Texts("The accounts were approved.", 4)},
			&model.Paragraph{Pos: pos(5), Kind: model.KindAction, Numbered: true, Number: model.Number{Label: "2."}, Inlines: model.Texts("Bob to circulate the figures.", 5)},
			&model.Preformatted{Pos: pos(7), Text: "x = 1\ny = 2"},
			&model.Attendance{Title: "Attendance"},
		},
	}
	var got []string
	for _, l := range sourceLines(text, doc) {
		got = append(got, l.Class+l.Label)
	}
	want := "masthead blank attendance decision1. action2. dropped preformatted preformatted dropped dropped blank"
	if strings.Join(got, " ") != want {
		t.Errorf("classes\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
