package infer_test

import (
	"testing"

	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/pipeline/model"
)

func TestAttachLists(t *testing.T) {
	para := func(text string, numbered bool) *model.Paragraph {
		return &model.Paragraph{Inlines: model.Texts(text, 1), Numbered: numbered}
	}
	list := func(items ...string) *model.List {
		l := &model.List{}
		for _, it := range items {
			l.Items = append(l.Items, &model.ListItem{Marker: "*", Inlines: model.Texts(it, 1)})
		}
		return l
	}
	nested := list("a")
	nested.Items[0].Children = []model.Block{list("a1")}
	blocks := []model.Block{
		list("alone at the start"),
		para("Points:", true),
		nested,
		&model.Heading{Level: 1, Inlines: model.Texts("H", 1)},
		list("after a heading"),
		para("unnumbered", false),
		list("after an unnumbered paragraph"),
	}
	got := readertest.Outline(infer.AttachLists(blocks))
	want := `L1 * alone at the start
P Points:
  L1 * a
    L2 * a1
H1 H
L1 * after a heading
p unnumbered
L1 * after an unnumbered paragraph
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
