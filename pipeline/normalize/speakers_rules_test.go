package normalize

import (
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// TestSpeakerRules checks the speaker rules minutes need: labels are never speakers, a role
// in parentheses is not part of the name, lower-case nicks that open several turns speak,
// list items speak, initials resolve to the names the attendance gives, and the Chinese
// and Arabic subject ends at the reporting verb.
func TestSpeakerRules(t *testing.T) {
	cases := []struct {
		name  string
		lang  string
		parts []model.Participant
		in    []model.Block
		want  []string // the speaker of each paragraph or item, in order
	}{
		{"field labels are not speakers", "en", nil,
			[]model.Block{para("Slides: the deck is on the wiki."), para("Presenter: Kate gave the overview."), para("Note: the room changed."),
				para("Agenda: budget, audit and the next meeting."), para("Ana: I agree with the plan."), para("Bo: So do I."),
				para("Ana: Then it is settled."), para("Bo: It is.")},
			[]string{"", "", "", "", "Ana", "Bo", "Ana", "Bo"}},
		{"a field's label with its designator is no speaker", "en", nil,
			[]model.Block{para("Attachment B: Report from the Apache Ambari Project."), para("Annex II: List of participants."), para("Appendix 3: The budget."),
				para("Ana B: I agree with the plan."), para("Bo: So do I."), para("Ana B: Then it is settled."), para("Bo: It is.")},
			[]string{"", "", "", "Ana B", "Bo", "Ana B", "Bo"}},
		{"name and role", "en", nil,
			[]model.Block{para("Ryan (Chair): Motion to adjourn."), para("Eric (Secretary): Seconded.")},
			[]string{"Ryan", "Eric"}},
		{"lower-case nicks that recur", "en", nil,
			[]model.Block{para("mnot: this is just a clarification."), para("lmasinter: is this advice just for HTTP?"),
				para("mnot: there was a feeling that we did not want it."), para("lmasinter: content format is defined."),
				para("mnot: how does http specify the data type?"), para("lmasinter: maybe the last paragraph goes.")},
			[]string{"mnot", "lmasinter", "mnot", "lmasinter", "mnot", "lmasinter"}},
		{"speakers in list items", "en", nil,
			[]model.Block{para("Ana: I will start."), para("Bo: Go ahead."), para("Ana: Thank you."),
				paraWith("The following views were expressed:", list(item("Canada said that the plan was too costly."), item("Bo: the plan is fine.")))},
			[]string{"Ana", "Bo", "Ana", "", "Canada", "Bo"}},
		{"initials resolve to names", "en",
			[]model.Participant{{Name: "Allen Wirfs-Brock", Initials: "AWB", Role: model.RolePresent}, {Name: "Erik Arvidsson", Initials: "EA", Role: model.RolePresent}},
			[]model.Block{para("AWB: The spec has an introduction text."), para("EA: These correspond to the type field.")},
			[]string{"Allen Wirfs-Brock", "Erik Arvidsson"}},
		{"a passive or a relative clause has no speaker", "en", nil,
			[]model.Block{para("Charles Duffy was made a committer on 8 December."), para("Wolfgang Hoschek and Roshan Naik were added as committers."),
				para("Request was made on the list for an issue tracker."), para("Charles Duffy stated that the release was ready.")},
			[]string{"", "", "", "Charles Duffy"}},
		{"a French relative clause has no speaker", "fr", nil,
			[]model.Block{para("Turner qui a fait une histoire de l’internet a souligné ce point."), para("Paul Bertrand a proposé une réunion.")},
			[]string{"", "Paul Bertrand"}},
		{"a present form after a common noun is a plural noun", "en", nil,
			[]model.Block{para("Executive officer reports approved as submitted by General Consent."), para("More user questions on user list trickling in."),
				para("Weekly status calls with Ross and Rich."), para("ApacheCon proceeds thanks to continuing effort."),
				para("Infra reports nothing exceptional this month."), para("The Chair thanks the members for their work.")},
			[]string{"", "", "", "", "Infra", "The Chair"}},
		{"Chinese subject ends at the verb", "zh", nil,
			[]model.Block{para("加拿大代表说我们支持这项提案。")}, []string{"加拿大代表"}},
		{"Arabic verb first", "ar", nil,
			[]model.Block{para("قال ممثل كندا إن الاجتماع مهم."), para("قدم الوفد الفرنسي اقتراحا بشأن الميزانية.")},
			[]string{"ممثل كندا", "الوفد الفرنسي"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := &model.Document{Source: "t.txt", Meta: model.Metadata{OriginalLang: c.lang, Participants: c.parts}, Blocks: c.in}
			apply(t, Speakers{}, doc, &model.Env{Locales: locales.MustEmbedded()})
			var got []string
			model.Walk(doc.Blocks, func(b model.Block) bool {
				switch n := b.(type) {
				case *model.Paragraph:
					got = append(got, n.Speaker)
				case *model.ListItem:
					got = append(got, n.Speaker)
				}
				return true
			})
			if len(got) != len(c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("block %d: got %q, want %q", i, got[i], c.want[i])
				}
			}
		})
	}
}
