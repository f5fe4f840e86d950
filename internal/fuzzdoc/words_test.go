package fuzzdoc

import (
	"reflect"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

func TestMissingWords(t *testing.T) {
	doc := &model.Document{
		Meta: model.Metadata{Title: "Board meeting"},
		Blocks: []model.Block{&model.Paragraph{Inlines: []model.Inline{
			{Kind: model.KindText, Text: "Canada said "},
			{Kind: model.KindLink, Text: "the site", URL: "https://example.org/a"},
			{Kind: model.KindFootnote, Note: model.Texts("see annex", 1)},
			{Kind: model.KindText, Text: " café"},
		}}},
	}
	got := MissingWords("board: CANADA said [the site](https://example.org/a) ^[see annex] caf&eacute; lost 2", doc)
	if want := []string{"eacute", "lost", "2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("missing = %q, want %q", got, want)
	}
}

func TestWords(t *testing.T) {
	got := Words("'''Réunion''' du 15—septembre, l'ONU: 会议 x2")
	want := []string{"Réunion", "du", "15", "septembre", "l", "ONU", "会议", "x2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}
