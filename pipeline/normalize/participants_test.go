package normalize

import (
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stmt is an ordinary statement of the body.
const stmt = "The Chair opened the meeting and welcomed the participants."

// Builders of small documents for the structure rules.
func h(level int, s string) *model.Heading { return &model.Heading{Level: level, Inlines: txt(s)} }
func item(s string, kids ...model.Block) *model.ListItem {
	return &model.ListItem{Marker: "-", Inlines: txt(s), Children: kids}
}
func list(items ...*model.ListItem) *model.List { return &model.List{Depth: 1, Items: items} }
func paraWith(s string, kids ...model.Block) *model.Paragraph {
	p := para(s)
	p.Children = kids
	return p
}

// partsString lists participants as "role:Name[INITIALS](affiliation)".
func partsString(ps []model.Participant) string {
	var out []string
	for _, p := range ps {
		s := string(p.Role) + ":" + p.Name
		if p.Initials != "" {
			s += "[" + p.Initials + "]"
		}
		if p.Affiliation != "" {
			s += "(" + p.Affiliation + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

// blockKinds is a one-line outline of the top-level blocks left.
func blockKinds(bs []model.Block) string {
	var out []string
	for _, b := range bs {
		switch n := b.(type) {
		case *model.Heading:
			out = append(out, "H:"+model.PlainText(n.Inlines))
		case *model.Paragraph:
			s := "P:" + model.PlainText(n.Inlines)
			if len(n.Children) > 0 {
				s += "+list"
			}
			out = append(out, s)
		case *model.List:
			out = append(out, "L:"+model.PlainText(n.Items[0].Inlines))
		case *model.Table:
			out = append(out, "T")
		}
	}
	return strings.Join(out, " | ")
}

func TestParticipants(t *testing.T) {
	cases := []struct {
		name  string
		in    []model.Block
		parts string // participants found
		left  string // blocks left
	}{
		{"labelled line",
			[]model.Block{para("Present: Ana Lima, Bo Chen and Dana Roy"), para("Regrets: Eve Stone."), para(stmt)},
			"present:Ana Lima present:Bo Chen present:Dana Roy absent:Eve Stone", "P:" + stmt},
		{"French inclusive label",
			[]model.Block{para("Présent.e.s : Lauriane, Anne-Marie"), para("Excusée : Nathalie")},
			"present:Lauriane present:Anne-Marie absent:Nathalie", ""},
		{"Chinese label",
			[]model.Block{para("参会人：张三、李四")},
			"present:张三 present:李四", ""},
		{"label over a list",
			[]model.Block{paraWith("Attendees:", list(item("Mark Atwood"), item("Jilayne Lovejoy")))},
			"present:Mark Atwood present:Jilayne Lovejoy", ""},
		{"heading over a list with groups and sub-labels",
			[]model.Block{h(1, "Attendees"),
				paraWith("Community", list(item("Ankur Banerjee, CTO at cheqd — alex@cheqd.io"))),
				paraWith("Not in attendance", list(item("Oliver Terbu, MATTR"))),
				h(1, "Agenda"), para(stmt)},
			"present:Ankur Banerjee(CTO at cheqd) absent:Oliver Terbu(MATTR)", "H:Agenda | P:" + stmt},
		{"a heading label after an article, one list per name",
			[]model.Block{h(2, "Les présents"), list(item("Jean-François C (Paris Tech, CNRS)")), list(item("Mehdi B")), h(2, "Récap"), para(stmt)},
			"present:Jean-François C(Paris Tech, CNRS) present:Mehdi B", "H:Récap | P:" + stmt},
		{"a Spanish label after an article",
			[]model.Block{paraWith("Los asistentes:", list(item("Facundo Batista"), item("Lucio Torre")))},
			"present:Facundo Batista present:Lucio Torre", ""},
		{"prose in an attendance section stays, its lists of names go",
			[]model.Block{h(1, "Asistentes"),
				paraWith("Los presentes al iniciar la reunión éramos unas 15 personas:", list(item("Daniel Moisset"), item("Lucio Torre (llegó tarde. Se fue temprano)"))),
				para("Durante la reunión llegó más gente."), list(item("Daniel Valfre")),
				para(stmt), h(1, "Temas"), para(stmt)},
			"present:Daniel Moisset present:Lucio Torre(llegó tarde. Se fue temprano) present:Daniel Valfre",
			"H:Asistentes | P:Los presentes al iniciar la reunión éramos unas 15 personas: | P:Durante la reunión llegó más gente. | P:" + stmt + " | H:Temas | P:" + stmt},
		{"prose over a list of statements ends the section",
			[]model.Block{h(1, "Attendance"), list(item("Ana Lima")), para("The group then discussed the budget:"), list(item("The budget was approved by all members."))},
			"present:Ana Lima", "P:The group then discussed the budget: | L:The budget was approved by all members."},
		{"who, then the role label",
			[]model.Block{paraWith("Directors Present:", list(item("Roy T. Fielding"), item("Greg Stein"))), paraWith("Executive Officers Absent:", list(item("Sam Ruby")))},
			"present:Roy T. Fielding present:Greg Stein absent:Sam Ruby", ""},
		{"a denied role label is no label",
			[]model.Block{paraWith("Members not present:", list(item("Roy Fielding")))},
			"", "P:Members not present:+list"},
		{"an attendance heading over items of groups and roles with their names",
			[]model.Block{h(2, "Attendance"), list(item("Council members: TC, Mark, James Munns"), item("Observers: None.")), h(2, "Check-in"), para(stmt)},
			"present:TC present:Mark present:James Munns", "H:Check-in | P:" + stmt},
		{"definition-list terms",
			[]model.Block{h(2, "Attendees"), para("Present"), para("dlazin, gpellegrino, ivan"), para("Chair"), para("wendy"), h(2, "Minutes")},
			"present:dlazin present:gpellegrino present:ivan chair:wendy", "H:Minutes"},
		{"items with labels",
			[]model.Block{list(item("Facilitator: TC"), item("Minutes: James"), item("Observers: None."))},
			"chair:TC secretary:James", ""},
		{"names with initials, no label",
			[]model.Block{para("Brian Terlson (BT), Allen Wirfs-Brock (AWB), Jordan Harband (JHD)"), para(stmt)},
			"present:Brian Terlson[BT] present:Allen Wirfs-Brock[AWB] present:Jordan Harband[JHD]", "P:" + stmt},
		{"a sentence after a label stays",
			[]model.Block{para("Present: the members agreed that the budget should be reviewed.")},
			"", "P:Present: the members agreed that the budget should be reviewed."},
		{"a list of statements under an attendance heading stays",
			[]model.Block{h(1, "Participants"), list(item("The group welcomed the new members to the meeting."))},
			"", "H:Participants | L:The group welcomed the new members to the meeting."},
		{"table cells",
			[]model.Block{&model.Table{Rows: [][][]model.Inline{{txt("Facilitator:"), txt("Rudolph Paulin"), txt("Note taker:"), txt("Cristina Hilario")}, {txt("Type:"), txt("Status")}}}},
			"chair:Rudolph Paulin secretary:Cristina Hilario", "T"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := &model.Document{Source: "t.txt", Blocks: c.in}
			env := &model.Env{Locales: locales.MustEmbedded()}
			apply(t, Participants{}, doc, env)
			apply(t, Participants{}, doc, env) // idempotent
			if got := partsString(doc.Meta.Participants); got != c.parts {
				t.Errorf("participants:\n got %s\nwant %s", got, c.parts)
			}
			if got := blockKinds(doc.Blocks); got != c.left {
				t.Errorf("blocks left:\n got %s\nwant %s", got, c.left)
			}
			for _, p := range doc.Meta.Participants {
				if !strings.HasPrefix(p.Why, "attendance: ") {
					t.Errorf("%s: reason %q", p.Name, p.Why)
				}
			}
		})
	}
}

// FuzzNameSepStart holds nameSepStart to the regular expression it stands for.
func FuzzNameSepStart(f *testing.F) {
	for _, s := range []string{
		"Jeremy Tandy (JT), Met Office", "Ana (AB) and Bo (BC) and Chen (CD)", "Ana \t and\tBo", "a,b", " ; x",
		"张三（ZS）和李四（LS）与王五", "Ana\u00a0and Bo", "Ana  e  Bo", "x и y", "x و y", "a\ve b", "andand and",
		"Ana (AB)、Bo", "Ana (AB)，Bo", "\xffand \xef\xbc\x8c", "no separator here", "", " ", "y e et",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := -1
		if m := nameSeps.FindStringIndex(s); m != nil {
			want = m[0]
		}
		if got := nameSepStart(s); got != want {
			t.Errorf("%q: got %d, want %d", s, got, want)
		}
	})
}

// FuzzTooLongForLabel checks that what vocab.tooLong refuses is no label for vocab.kind,
// and that every label of the vocabulary passes it.
func FuzzTooLongForLabel(f *testing.F) {
	v := labelVocab(locales.MustEmbedded())
	for l := range v.kinds {
		if v.tooLong(l) {
			f.Fatalf("label %q refused", l)
		}
		for _, s := range []string{"**" + strings.ToUpper(l) + "** (s)", "The " + l + "s", "Voting " + l + " e"} {
			if v.tooLong(s) && v.kind(s) != labelNone {
				f.Errorf("%q: refused, but kind %v", s, v.kind(s))
			}
		}
	}
	f.Add("Present")
	f.Add("**Les Présent.e.s**")
	f.Add("A paragraph of prose that is much longer than any label of minutes would ever be.")
	f.Fuzz(func(t *testing.T, s string) {
		if v.tooLong(s) && v.kind(s) != labelNone {
			t.Errorf("%q: refused, but kind %v", s, v.kind(s))
		}
	})
}
