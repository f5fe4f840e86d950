package write

import (
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// TestListBeforeParagraphs: subparagraphs straight under a heading, before any numbered
// paragraph, use the paragraph list's level 1 while its level 0 is still unused.
// LibreOffice then counts level 0 as used once and would print the first paragraph as
// "2.", so that paragraph restarts the list with a startOverride of 1.
func TestListBeforeParagraphs(t *testing.T) {
	doc := pipelinetest.Sample("en")
	item := func(ord int, label, text string) *model.ListItem {
		return &model.ListItem{Number: model.Number{Ordinal: ord, Label: label}, Inlines: model.Texts(text, 1)}
	}
	para := func(ord int, text string) *model.Paragraph {
		return &model.Paragraph{Numbered: true, Number: model.Number{Ordinal: ord, Label: itoa(ord) + "."}, Inlines: model.Texts(text, 1)}
	}
	doc.Blocks = []model.Block{
		&model.Heading{Level: 1, Number: model.Number{Ordinal: 1, Label: "I."}, Inlines: model.Texts("Agenda", 1)},
		&model.List{Depth: 1, Items: []*model.ListItem{item(1, "(a)", "Adoption of the statutes;"), item(2, "(b)", "Elections.")}},
		para(1, "First paragraph."),
		para(2, "Second paragraph."),
	}
	data, warns := writeDoc(t, Options{}, doc, "en")
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	parts, _ := unzipParts(t, data)
	byText := map[string]paraInfo{}
	for _, p := range parasOf(t, parts["word/document.xml"]) {
		byText[p.text] = p
	}
	a, first, second := byText["Adoption of the statutes;"], byText["First paragraph."], byText["Second paragraph."]
	if a.numID != "1" || a.ilvl != "1" {
		t.Errorf("(a) = %+v, want w:num 1 level 1", a)
	}
	if first.numID == "1" || first.numID == "0" || first.numID == "" {
		t.Fatalf("paragraph 1 = %+v, want a w:num restarting the list", first)
	}
	if second.numID != first.numID {
		t.Errorf("paragraph 2 = %+v, want paragraph 1's w:num %s", second, first.numID)
	}
	want := `<w:num w:numId="` + first.numID + `"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>`
	if !strings.Contains(string(parts["word/numbering.xml"]), want) {
		t.Errorf("numbering.xml lacks %s", want)
	}
}
