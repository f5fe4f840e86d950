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
