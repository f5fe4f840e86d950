package normalize

import (
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

func TestRecords(t *testing.T) {
	cases := []struct {
		name string
		in   []model.Block
		want string // kind|owner|due|text of each paragraph, one per line
	}{
		{"resolved", []model.Block{para("RESOLVED: The budget for 2026 is approved.")}, "decision|||The budget for 2026 is approved."},
		{"resolution, W3C style", []model.Block{para("RESOLUTION: publish the draft as a note")}, "decision|||publish the draft as a note"},
		{"agreed", []model.Block{para("Agreed: the next meeting is in May.")}, "decision|||the next meeting is in May."},
		{"capitals without a colon", []model.Block{para("VOTED 9-0-0 to adopt the proclamation.")}, "decision|||9-0-0 to adopt the proclamation."},
		{"French", []model.Block{para("Décision : le bureau adopte le budget.")}, "decision|||le bureau adopte le budget."},
		{"Spanish action", []model.Block{para("Acción: Ana debe enviar el acta antes del 15 de mayo de 2024.")}, "action|Ana|15 de mayo de 2024|Ana debe enviar el acta antes del 15 de mayo de 2024."},
		{"Chinese", []model.Block{para("决定：下次会议在线举行。")}, "decision|||下次会议在线举行。"},
		{"action with owner and deadline", []model.Block{para("ACTION: Jane Doe to circulate the draft by 15 May 2025.")},
			"action|Jane Doe|15 May 2025|Jane Doe to circulate the draft by 15 May 2025."},
		{"action with a nick", []model.Block{para("ACTION: mgarrish to open an issue")}, "action|mgarrish||mgarrish to open an issue"},
		{"owner after a dash, status dropped", []model.Block{h(1, "Action Items"), para("Send the presentation to the list – PhilO")},
			"action|PhilO||Send the presentation to the list – PhilO"},
		{"owner leading with a dash", []model.Block{h(1, "Action items"), para("Kate- Transfer the document back to the wiki. IN PROCESS")},
			"action|Kate||Kate- Transfer the document back to the wiki. IN PROCESS"},
		{"owner in parentheses", []model.Block{h(1, "Action items"), para("Share slides (Will Wilkinson)")},
			"action|Will Wilkinson||Share slides (Will Wilkinson)"},
		{"a status is no owner", []model.Block{h(1, "Actions"), para("Fix the website – DONE")}, "action|||Fix the website – DONE"},
		{"owner in a mention", []model.Block{h(1, "Actions"), para("Ask the venue for a refund @ambreen")}, "action|ambreen||Ask the venue for a refund @ambreen"},
		{"a statement stays a statement", []model.Block{para("Canada agreed with the proposal.")}, "||| Canada agreed with the proposal."},
		{"a decision section ends at the next heading", []model.Block{h(1, "Decisions"), para("The budget is approved."), h(1, "Other"), para("The room was cold.")},
			"decision|||The budget is approved.\n||| The room was cold."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := &model.Document{Source: "t.txt", Blocks: c.in}
			env := &model.Env{Locales: locales.MustEmbedded()}
			apply(t, Records{}, doc, env)
			apply(t, Records{}, doc, env)
			var lines []string
			for _, b := range doc.Blocks {
				if p, ok := b.(*model.Paragraph); ok {
					text := model.PlainText(p.Inlines)
					if p.Kind == "" {
						text = " " + text
					}
					lines = append(lines, string(p.Kind)+"|"+p.Owner+"|"+p.Due+"|"+text)
					if p.Kind != "" && !strings.Contains(p.Why, string(p.Kind)) {
						t.Errorf("reason %q", p.Why)
					}
				}
			}
			if got := strings.Join(lines, "\n"); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}
