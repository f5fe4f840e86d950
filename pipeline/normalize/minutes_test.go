package normalize

import (
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

func minutesInput() *model.Document {
	pos := func(l int) model.Pos { return model.Pos{File: "m.txt", Line: l} }
	return &model.Document{
		Source: "m.txt",
		Meta: model.Metadata{Participants: []model.Participant{
			{Name: "Anne", Role: model.RolePresent, Pos: pos(2)},
			{Name: "Omar", Affiliation: "ILO", Role: model.RolePresent, Pos: pos(2)},
			{Name: "Lucie", Role: model.RoleAbsent, Pos: pos(3)},
			{Name: "Ryan", Role: model.RoleChair, Pos: pos(1)},
		}},
		Blocks: []model.Block{
			&model.Heading{Pos: pos(4), Level: 1, Inlines: txt("Budget")},
			&model.Paragraph{Pos: pos(5), Inlines: txt("The budget was discussed."), Numbered: true},
			&model.Paragraph{Pos: pos(6), Inlines: txt("The budget is approved."), Numbered: true, Kind: model.KindDecision},
			&model.Paragraph{Pos: pos(7), Inlines: txt("Omar to send the figures."), Numbered: true, Kind: model.KindAction, Owner: "Omar", Due: "1 May"},
		},
	}
}

// outline lists the top-level blocks by type, and what the attendance and annexes hold.
func minutesOutline(doc *model.Document) string {
	var parts []string
	for _, b := range doc.Blocks {
		switch n := b.(type) {
		case *model.Attendance:
			var gs []string
			for _, g := range n.Groups {
				gs = append(gs, model.PlainText(g.Inlines))
			}
			parts = append(parts, "attendance["+n.Title+": "+strings.Join(gs, " / ")+"]")
		case *model.Annex:
			inner := minutesOutline(&model.Document{Blocks: n.Blocks})
			parts = append(parts, "annex["+n.Label+" "+n.Title+": "+inner+"]")
		case *model.Table:
			parts = append(parts, "table", model.PlainText(n.Rows[len(n.Rows)-1][1]))
		case *model.Heading:
			parts = append(parts, "heading")
		case *model.Paragraph:
			parts = append(parts, strings.TrimSpace(n.Number.Label+" "+model.PlainText(n.RunIn())))
		}
	}
	return strings.Join(parts, " | ")
}

func TestMinutesPlacesAttendanceAndAnnexes(t *testing.T) {
	const body = "heading | 1. The budget was discussed. | 2. Decision: The budget is approved. | 3. Action: Omar to send the figures."
	const att = "attendance[Attendance: Chair: Ryan / Present: Anne, Omar (ILO) / Absent: Lucie]"
	cases := []struct {
		name string
		lang string
		opts OutputOptions
		want string
	}{
		{"start by default", "en", OutputOptions{}, att + " | " + body},
		{"omitted", "en", OutputOptions{Attendance: AttendanceOmit}, body},
		{"in an annex", "en", OutputOptions{Attendance: AttendanceAnnex},
			body + " | annex[Annex Attendance: " + att + "]"},
		{"actions annex", "en", OutputOptions{Attendance: AttendanceOmit, ActionsAnnex: true},
			body + " | annex[Annex Decisions and action items: table | Action: Omar to send the figures.]"},
		{"two annexes are numbered", "en", OutputOptions{Attendance: AttendanceAnnex, ActionsAnnex: true},
			body + " | annex[Annex I Attendance: " + att + "] | annex[Annex II Decisions and action items: table | Action: Omar to send the figures.]"},
		{"French labels and colon", "fr", OutputOptions{Attendance: AttendanceOmit},
			"heading | 1. The budget was discussed. | 2. Décision\u00a0: The budget is approved. | 3. Suite à donner\u00a0: Omar to send the figures."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := minutesInput()
			env := &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, c.lang)}
			for range 2 { // idempotent: a second run rebuilds, never adds
				for _, tr := range Output(c.opts) {
					apply(t, tr, doc, env)
				}
			}
			if got := minutesOutline(doc); got != c.want {
				t.Errorf("got\n  %s\nwant\n  %s", got, c.want)
			}
		})
	}
}

func TestParsePlacement(t *testing.T) {
	for in, want := range map[string]Placement{"": AttendanceStart, "start": AttendanceStart, "Annex": AttendanceAnnex, "omit": AttendanceOmit} {
		if got, ok := ParsePlacement(in); !ok || got != want {
			t.Errorf("%q: got %q %v", in, got, ok)
		}
	}
	if _, ok := ParsePlacement("end"); ok {
		t.Error(`"end" accepted`)
	}
}
