package normalize

import (
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// shape prints blocks as an indented outline: H2 for headings, P for numbered paragraphs
// (with the speaker), L for lists kept, - for items.
func shape(bs []model.Block, depth int, b *strings.Builder) {
	pad := strings.Repeat("  ", depth)
	for _, x := range bs {
		switch n := x.(type) {
		case *model.Heading:
			b.WriteString(pad + "H" + string(rune('0'+n.Level)) + " " + model.PlainText(n.Inlines) + "\n")
		case *model.Paragraph:
			sp := ""
			if n.Speaker != "" {
				sp = " [" + n.Speaker + "]"
			}
			b.WriteString(pad + "P " + model.PlainText(n.Inlines) + sp + "\n")
			shape(n.Children, depth+1, b)
		case *model.Note:
			b.WriteString(pad + "N " + model.PlainText(n.Inlines) + "\n")
		case *model.List:
			b.WriteString(pad + "L\n")
			for _, it := range n.Items {
				b.WriteString(pad + "- " + model.PlainText(it.Inlines) + "\n")
				shape(it.Children, depth+1, b)
			}
		}
	}
}

// s1 and s2 are statements: body text for the structure rules.
const (
	s1 = "The budget for next year was presented by the treasurer."
	s2 = "Members asked for the audit to be published before the vote."
)

// structureCase is blocks before Structure and their shape after it.
type structureCase struct {
	name string
	in   []model.Block
	want string
}

func TestStructureRules(t *testing.T) {
	cases := []structureCase{
		{"a paragraph ending with a colon keeps its list",
			[]model.Block{paraWith("The following was agreed:", list(item(s1), item(s2)))},
			"P The following was agreed:\n  L\n  - " + s1 + "\n  - " + s2 + "\n"},
		{"a lead-in without a colon keeps its list",
			[]model.Block{paraWith("The points raised were as follows", list(item(s1), item(s2)))},
			"P The points raised were as follows\n  L\n  - " + s1 + "\n  - " + s2 + "\n"},
		{"a paragraph naming as many things as the list keeps it",
			[]model.Block{paraWith("Canada proposed two documents to the meeting.", list(item(s1), item(s2)))},
			"P Canada proposed two documents to the meeting.\n  L\n  - " + s1 + "\n  - " + s2 + "\n"},
		{"an unrelated paragraph does not take the bullets",
			[]model.Block{paraWith("The meeting opened at ten.", list(item(s1), item(s2)))},
			"P The meeting opened at ten.\nP " + s1 + "\nP " + s2 + "\n"},
		{"bullets under a heading are paragraphs, sub-bullets subparagraphs",
			[]model.Block{h(1, "Budget"), list(item(s1, list(item("first point"), item("second point"))), item(s2))},
			"H1 Budget\nP " + s1 + "\n  L\n  - first point\n  - second point\nP " + s2 + "\n"},
		{"a short label with sub-items is a heading below the current one",
			[]model.Block{h(1, "Reports"), list(item("Transport", list(item(s1))), item("Budget", list(item(s2))))},
			"H1 Reports\nH2 Transport\nP " + s1 + "\nH2 Budget\nP " + s2 + "\n"},
		{"a bare name over bullets: each bullet spoken by the name",
			[]model.Block{h(1, "2020-08-17 Call"), list(item("Brandon:", list(item("Auth is out in canary"), item("Next: email confirmation"))))},
			"H1 2020-08-17 Call\nP Auth is out in canary [Brandon]\nP Next: email confirmation [Brandon]\n"},
		{"name and role",
			[]model.Block{paraWith("Ana Lima (Chair):", list(item(s1)))},
			"P " + s1 + " [Ana Lima]\n"},
		{"an agenda of short items stays a list",
			[]model.Block{h(1, "Agenda"), list(item("Welcome"), item("Budget"), item("Close"))},
			"H1 Agenda\nL\n- Welcome\n- Budget\n- Close\n"},
		{"one long item among short topics: still an agenda",
			[]model.Block{h(1, "Agenda"), list(item("Welcome"), item("Background and goals for the work ahead"), item("Group discussion"), item("Close-out and next steps"))},
			"H1 Agenda\nL\n- Welcome\n- Background and goals for the work ahead\n- Group discussion\n- Close-out and next steps\n"},
		{"long items under an agenda heading stay the agenda's list",
			[]model.Block{h(1, "Ordre du jour"), list(item("Lecture et adoption des statuts"), item("Election du Conseil d’administration de l’association des parents"))},
			"H1 Ordre du jour\nL\n- Lecture et adoption des statuts\n- Election du Conseil d’administration de l’association des parents\n"},
		{"an agenda heading with an article or a qualifier, in any language",
			[]model.Block{h(1, "Proposed agenda:"), list(item(s1), item(s2)), h(1, "Orden del día"), list(item("Lectura del Acta Constitutiva e Informe de Actividades"), item("Elección de los cargos de Tesorero y Secretario"))},
			"H1 Proposed agenda\nL\n- " + s1 + "\n- " + s2 + "\nH1 Orden del día\nL\n- Lectura del Acta Constitutiva e Informe de Actividades\n- Elección de los cargos de Tesorero y Secretario\n"},
		{"discussion typed under the agenda's items: the notes, not the agenda",
			[]model.Block{h(1, "Agenda"), list(item("Budget review for next year", list(item(s1), item(s2))), item("Audit of the accounts", list(item(s2))))},
			"H1 Agenda\nH2 Budget review for next year\nP " + s1 + "\nP " + s2 + "\nH2 Audit of the accounts\nP " + s2 + "\n"},
		{"statements under another heading are paragraphs",
			[]model.Block{h(1, "Notes"), list(item("Lecture et adoption des statuts"), item(s1))},
			"H1 Notes\nP Lecture et adoption des statuts\nP " + s1 + "\n"},
		{"terms of an enumeration ending in commas stay a list",
			[]model.Block{h(1, "Outreach"), list(item("universities,"), item("events of other communities,"), item("improving the page rank of the group's web site, more links"))},
			"H1 Outreach\nL\n- universities,\n- events of other communities,\n- improving the page rank of the group's web site, more links\n"},
		{"mostly statements: every item a paragraph",
			[]model.Block{h(1, "Budget"), list(item(s1), item(s2), item("Next steps"))},
			"H1 Budget\nP " + s1 + "\nP " + s2 + "\nP Next steps\n"},
		{"short items under a decisions heading are paragraphs",
			[]model.Block{h(1, "Conclusions"), list(item("No stage 3"), item("Revisit next meeting"))},
			"H1 Conclusions\nP No stage 3\nP Revisit next meeting\n"},
		{"a vote tally under a votes heading stays a list, not decisions",
			[]model.Block{h(1, "Votes"), list(item("Pour : 7"), item("Contre : 0"), item("Abstention : 0"))},
			"H1 Votes\nL\n- Pour : 7\n- Contre : 0\n- Abstention : 0\n"},
		{"an English tally after a motion",
			[]model.Block{h(1, "Budget"), para(s1), list(item("For: 9"), item("Against: 2"), item("Abstentions: 1"))},
			"H1 Budget\nP " + s1 + "\nL\n- For: 9\n- Against: 2\n- Abstentions: 1\n"},
		{"a label noun over bullets is a heading, not a speaker",
			[]model.Block{h(1, "Design"), list(item("Avantage :", list(item("très peu coûteux"), item("toute l'intelligence passe dans le soft"))), item("Pros:", list(item("cheap to build"))))},
			"H1 Design\nH2 Avantage\nL\n- très peu coûteux\n- toute l'intelligence passe dans le soft\nH2 Pros\nP cheap to build\n"},
		{"a lead-in in lower case over bullets is a paragraph with subparagraphs",
			[]model.Block{h(1, "Issues"), list(item("discussed a couple open issues:", list(item(s1), item(s2))))},
			"H1 Issues\nP discussed a couple open issues:\n  L\n  - " + s1 + "\n  - " + s2 + "\n"},
		{"a lone item under a heading is a paragraph: no (a) without (b)",
			[]model.Block{h(1, "Approval of agenda"), list(item("All OK"))},
			"H1 Approval of agenda\nP All OK\n"},
		{"headings typed at one level stay siblings when they close a gap",
			[]model.Block{h(1, "Minutes"), h(4, "Discussion:"), para(s1), h(4, "Conclusions:"), para(s2), h(1, "Other"), h(3, "Observers"), h(4, "Notes"), para(s1)},
			"H1 Minutes\nH2 Discussion\nP " + s1 + "\nH2 Conclusions\nP " + s2 + "\nH1 Other\nH2 Observers\nH3 Notes\nP " + s1 + "\n"},
		{"a paragraph wholly in brackets is an editorial note",
			[]model.Block{h(1, "Check-in"), para("(Not minuted.)"), para("[Ask for slides]"), para("（休会）"), para(s1)},
			"H1 Check-in\nN (Not minuted.)\nN [Ask for slides]\nN （休会）\nP " + s1 + "\n"},
		{"brackets that open and close different pairs are text",
			[]model.Block{h(1, "Budget"), para("(a) and (b) were adopted (as amended)"), para("[1] https://example.org/x"), para("(Spoke in French) Canada agreed."), para("()"), para("(2013/09/30).")},
			"H1 Budget\nP (a) and (b) were adopted (as amended)\nP [1] https://example.org/x\nP (Spoke in French) Canada agreed.\nP ()\nP (2013/09/30).\n"},
		{"skipped heading levels close up",
			[]model.Block{h(1, "One"), h(3, "Deep"), para(s1), h(2, "Two")},
			"H1 One\nH2 Deep\nP " + s1 + "\nH2 Two\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkStructure(t, c.in, c.want) })
	}
}

// checkStructure applies Structure to blocks twice and compares the shape with want after
// each pass (the transform is idempotent).
func checkStructure(t *testing.T, blocks []model.Block, want string) {
	t.Helper()
	doc := &model.Document{Source: "t.txt", Blocks: blocks}
	env := &model.Env{Locales: locales.MustEmbedded()}
	apply(t, Structure{}, doc, env)
	var first strings.Builder
	shape(doc.Blocks, 0, &first)
	apply(t, Structure{}, doc, env) // idempotent
	var b strings.Builder
	shape(doc.Blocks, 0, &b)
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if first.String() != b.String() {
		t.Errorf("not idempotent:\n%s\nthen\n%s", first.String(), b.String())
	}
}
