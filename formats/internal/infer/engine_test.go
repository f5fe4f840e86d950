package infer

import (
	"context"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// The note-line rule splits notes typed one per line and keeps hard-wrapped prose whole.
func TestNoteStarts(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		hard  []bool
		want  string // one digit per line: 1 starts a note
	}{
		{"notes one per line", []string{"Rapport annuel.", "Rappel des objectifs du consortium", "Axé sur le texte."}, nil, "111"},
		{"lower-case continuation", []string{"Pas d'adjoint dans les statuts", "mais permettre un renouvellement en douceur"}, nil, "10"},
		{"continuation after a stop", []string{"Fin de phrase.", "suite"}, nil, "11"},
		{"marker line", []string{"Conférence TEI en octobre", "--> proposer une communication"}, nil, "11"},
		{"hard-wrapped prose", []string{
			"The chairs explained that there will be interim meetings between each IETF",
			"meeting, in January, June and September. The WG has a very aggressive time",
			"schedule, to bound the time people commit to the work.",
		}, nil, "100"},
		{"wrapped prose with a short sentence line", []string{
			"The chairs explained that there will be interim meetings between each IETF",
			"Short line.",
			"Another line that is long enough to look like it was wrapped by an editor",
		}, nil, "111"},
		{"explicit break", []string{"a", "b"}, []bool{true}, "11"},
		{"uncased script", []string{"قال الرئيس", "إن الاجتماع"}, nil, "10"},
		{"uncased script after a stop", []string{"会议开始。", "主席发言"}, nil, "11"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			for _, s := range NoteStarts(c.lines, c.hard) {
				if s {
					b.WriteByte('1')
				} else {
					b.WriteByte('0')
				}
			}
			if b.String() != c.want {
				t.Errorf("got %s, want %s", b.String(), c.want)
			}
		})
	}
}

// Runs handed over by a reader keep their kinds through inference.
func TestInferKeepsEmphasis(t *testing.T) {
	lines := []Line{
		{Text: "Canada said:", Pos: model.Pos{File: "w.docx", Line: 1}},
		{Pos: model.Pos{File: "w.docx", Line: 2}, Inlines: []model.Inline{
			{Kind: model.KindText, Text: "· the  "}, {Kind: model.KindEmphasis, Text: " national"}, {Kind: model.KindText, Text: " level "},
		}},
	}
	doc, err := Document(context.Background(), lines, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "w.docx"})
	if err != nil {
		t.Fatal(err)
	}
	p := doc.Blocks[0].(*model.Paragraph)
	item := p.Children[0].(*model.List).Items[0]
	if len(item.Inlines) != 3 || item.Inlines[1].Kind != model.KindEmphasis || model.PlainText(item.Inlines) != "the national level" {
		t.Errorf("inlines = %+v", item.Inlines)
	}
}

// A line that opens with text as written (Line.Literal) is text: no marker, number, cue or
// note is read in its opening, and nothing of it is dropped.
func TestLiteralLineIsText(t *testing.T) {
	for _, text := range []string{"0) 11", "12. is the label", "(a) is kept", "# not a heading", "> not quoted", "(whole line)"} {
		lines := []Line{{Text: "Canada said:"}, {Text: text, Literal: true}}
		doc, err := Document(context.Background(), lines, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "l.md"})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Blocks) != 2 {
			t.Fatalf("%q: %d blocks, want two paragraphs", text, len(doc.Blocks))
		}
		p, ok := doc.Blocks[1].(*model.Paragraph)
		if !ok || model.PlainText(p.Inlines) != text || len(p.Children) != 0 {
			t.Errorf("%q: got %T %+v", text, doc.Blocks[1], doc.Blocks[1])
		}
	}
}

// Literal lines are no page furniture: "`3`" and "`4`" between paragraphs of Markdown are
// code, not the page numbers of an extraction.
func TestLiteralLineIsNoPageNumber(t *testing.T) {
	texts := []string{"Alpha beta gamma delta.", "3", "Epsilon zeta eta.", "4", "Theta iota."}
	for _, literal := range []bool{false, true} {
		var lines []Line
		for i, s := range texts {
			lines = append(lines, Line{Text: s, Literal: literal && i%2 == 1})
		}
		doc, err := Document(context.Background(), lines, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "p.md"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		model.Walk(doc.Blocks, func(b model.Block) bool {
			if p, ok := b.(*model.Paragraph); ok {
				got = append(got, model.PlainText(p.Inlines))
			}
			return true
		})
		if want := map[bool]int{false: 3, true: 5}[literal]; len(got) != want {
			t.Errorf("literal %v: paragraphs %q, want %d", literal, got, want)
		}
	}
}

// The hard-wrap rule decides per block, from that block's own lines.
func TestWrapPerBlock(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string // the paragraphs' texts, in order
	}{
		{"a wrapped block joins, a notes block beside it does not",
			"The chairs explained that there will be interim meetings between each\nmeeting, in January, June and September. The working group has a very\naggressive time schedule, to bound the time people commit to the work,\nand asked for volunteers.\n\nBudget approved\nRoom booked\nNext call in May\n",
			[]string{"The chairs explained that there will be interim meetings between each meeting, in January, June and September. The working group has a very aggressive time schedule, to bound the time people commit to the work, and asked for volunteers.",
				"Budget approved", "Room booked", "Next call in May"}},
		{"a small letter after a function word continues",
			"Pas d'adjoint dans les statuts\nmais permettre un renouvellement en douceur\n",
			[]string{"Pas d'adjoint dans les statuts mais permettre un renouvellement en douceur"}},
		{"a one-word label stays apart",
			"Couleur\nutilisation de cire noire pour le deuil\n",
			[]string{"Couleur", "utilisation de cire noire pour le deuil"}},
		{"never into a label line",
			"Councilors present: Councilors Bahl-Milne, Brewer, De Angelis, DuMont, Griesemer, Hanneke,\nRoss, Ryan, Steinberg, and Swartz\nCouncilors absent: Councilors Pam, Schoen, and Schreiber and the others of the list\nOthers present: Town Manager Paul Bockelman and the Clerk of the Council Athena\n",
			[]string{"Councilors present: Councilors Bahl-Milne, Brewer, De Angelis, DuMont, Griesemer, Hanneke, Ross, Ryan, Steinberg, and Swartz",
				"Councilors absent: Councilors Pam, Schoen, and Schreiber and the others of the list",
				"Others present: Town Manager Paul Bockelman and the Clerk of the Council Athena"}},
		{"a hanging indent continues a long first line",
			"Manu Sporny:  Thread on CCG main related to KERI and attempt to bring in\n  a presentation broader on KERI and learnings that can be applied\nAdrian Gropper:  Highly interested in that topic, potential to avoid\n  security issues and turn conversation to capabilities and availability\nMike Prorock:  The main difference is the asynchronous model of the\n  exchange, which assumes request and response in the other protocol\n",
			[]string{"Manu Sporny: Thread on CCG main related to KERI and attempt to bring in a presentation broader on KERI and learnings that can be applied",
				"Adrian Gropper: Highly interested in that topic, potential to avoid security issues and turn conversation to capabilities and availability",
				"Mike Prorock: The main difference is the asynchronous model of the exchange, which assumes request and response in the other protocol"}},
		{"page furniture is dropped and the sentence it cut is joined",
			"Councilor Hanneke explained the differences between the current resolution and the\nresolution provided in the packet to the Town Council, which the members had read before\nthe meeting, and the changes made since then by the committee of the whole\n2 | Pa ge\nMinutes approved by Town Council on December 16, 2019\n\nDecember 4, 2019 Special Town Council Meeting\nto the text of the resolution.\nThe next item was read.\n3 | Pa ge\nMinutes approved by Town Council on December 16, 2019\n\nDecember 4, 2019 Special Town Council Meeting\nThe meeting was adjourned.\n",
			[]string{"Councilor Hanneke explained the differences between the current resolution and the resolution provided in the packet to the Town Council, which the members had read before the meeting, and the changes made since then by the committee of the whole to the text of the resolution.",
				"The next item was read.", "The meeting was adjourned."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Text(context.Background(), c.in, 1, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "t.txt"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range doc.Blocks {
				switch n := b.(type) {
				case *model.Paragraph:
					got = append(got, model.PlainText(n.Inlines))
				case *model.Heading:
					got = append(got, model.PlainText(n.Inlines))
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// outlineShape prints the top-level blocks: "H text" for headings, "P text" for
// paragraphs, with "  - item" under a paragraph for the items of its list.
func outlineShape(t *testing.T, src string) string {
	t.Helper()
	doc, err := Text(context.Background(), src, 1, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "t.txt"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, blk := range doc.Blocks {
		switch n := blk.(type) {
		case *model.Heading:
			b.WriteString("H " + model.PlainText(n.Inlines) + "\n")
		case *model.Paragraph:
			b.WriteString("P " + model.PlainText(n.Inlines) + "\n")
			for _, c := range n.Children {
				if l, ok := c.(*model.List); ok {
					for _, it := range l.Items {
						b.WriteString("  - " + model.PlainText(it.Inlines) + "\n")
					}
				}
			}
		}
	}
	return b.String()
}

func TestOutlineHeadings(t *testing.T) {
	const body = "    The meeting began at 10:34 when a quorum was recognized by the chairman.\n"
	cases := []struct{ name, in, want string }{
		{"numbered agenda items with body text under them are headings",
			" 1. Call to order\n\n" + body + "\n 2. Roll Call\n\n" + body + "\n 9. Old business\n\n" + body + "\n10. New Business\n\n" + body,
			"H Call to order\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n" +
				"H Roll Call\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n" +
				"H Old business\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n" +
				"H New Business\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n"},
		{"aligned on the text: 9. and 10. are siblings",
			" 9. Old business\n\n" + body + "\n10. New Business\n\n" + body,
			"H Old business\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n" +
				"H New Business\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n"},
		{"a lone numbered title has no sibling: a paragraph",
			"1. Call to order\n\n" + body,
			"P Call to order\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n"},
		{"numbered statements are paragraphs",
			"1. The Chair opened the meeting.\n\n" + body + "\n2. The agenda was adopted.\n\n" + body,
			"P The Chair opened the meeting.\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n" +
				"P The agenda was adopted.\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n"},
		{"empty agenda items after an outline heading continue the run",
			" 8. Discussion Items\n\n" + body + "\n 9. Action Items\n\n    * Greg: ask for a report\n\n10. Unfinished Business\n\n11. New Business\n\n12. Adjournment\n\n" + body,
			"H Discussion Items\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n" +
				"H Action Items\nP Greg: ask for a report\nH Unfinished Business\nH New Business\nH Adjournment\n" +
				"P The meeting began at 10:34 when a quorum was recognized by the chairman.\n"},
		{"a numbered list under an outline heading does not continue it",
			"1. Budget\n\n" + body + "\n2. Audit\n\n" + body + "\n1. First point\n2. Second point\n3. Third point\n",
			"H Budget\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n" +
				"H Audit\nP The meeting began at 10:34 when a quorum was recognized by the chairman.\n" +
				"P First point\nP Second point\nP Third point\n"},
		{"lone topic bullets with discussion under them are headings, lower case too",
			"* security\n\nslides from alexey\n\nmnot: who has read this?\n\n* issues\n\nnot going to cover the editorial issues\n\nwe're marking important ones as urgent\n",
			"H security\nP slides from alexey\nP mnot: who has read this?\nH issues\nP not going to cover the editorial issues\nP we're marking important ones as urgent\n"},
		{"French topics with dashes",
			"- Budget\n\nLe trésorier présente les comptes.\n\nLes comptes sont approuvés.\n\n- Lieu de la prochaine réunion\n\nLa réunion aura lieu à Lyon.\n\nElle commencera à 18 h.\n",
			"H Budget\nP Le trésorier présente les comptes.\nP Les comptes sont approuvés.\nH Lieu de la prochaine réunion\nP La réunion aura lieu à Lyon.\nP Elle commencera à 18 h.\n"},
		{"a sentence that opens with a figure is no heading",
			"Minutes of the session\n\np1#131 increase connection limit\n\n2 connection limit isn't followed, in part because pipelining isn't deployed\n\nmnot: some people don't want to remove the limit entirely, so what should it be? Research suggests six to eight connections, and we might have advice for other things.\n",
			"P p1#131 increase connection limit\nP 2 connection limit isn't followed, in part because pipelining isn't deployed\nP mnot: some people don't want to remove the limit entirely, so what should it be? Research suggests six to eight connections, and we might have advice for other things.\n"},
		{"one lone bullet is no pattern: it stays",
			"* security\n\nslides from alexey\n\nmnot: who has read this?\n",
			"P security\nP slides from alexey\nP mnot: who has read this?\n"},
		{"a lone bullet answering a question stays",
			"How has the community developed?\n\n - Two committers joined\n\nWe hope for more.\n\nHow has the project developed?\n\n - Jenkins job set up\n\nReleases are planned.\n\nMore soon.\n",
			"P How has the community developed?\n  - Two committers joined\nP We hope for more.\nP How has the project developed?\n  - Jenkins job set up\nP Releases are planned.\nP More soon.\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := outlineShape(t, c.in); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// A label ending with a colon over a blank line and an indented block: the block is its
// list, however short.
func TestIndentedBlockUnderLabel(t *testing.T) {
	got := outlineShape(t, "    Directors Absent:\n\n        Sam Ruby\n        Doug Cutting\n\n    Guests:\n\n        Sean Kelly\n\n    The meeting was held via teleconference, hosted by Cloudera.\n")
	want := "P Directors Absent:\n  - Sam Ruby\n  - Doug Cutting\nP Guests:\n  - Sean Kelly\nP The meeting was held via teleconference, hosted by Cloudera.\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
