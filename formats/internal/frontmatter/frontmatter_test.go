package frontmatter

import (
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

// TestLocalizedFields: a field given per language keeps every language's text, and its
// plain value is the English one.
func TestLocalizedFields(t *testing.T) {
	text := "---\nbody: {fr: Assemblée générale, en: General Assembly, es-419: Asamblea General}\n" +
		"session: Sixtieth session\nagenda-item: 3\nsubtitle: Note by the Secretariat\nplease-recycle: yes\n---\nText.\n"
	b, rest, err := Split("notes", "n.txt", text)
	if err != nil || b == nil || rest != "Text.\n" {
		t.Fatalf("Split = %v, %q, %v", b, rest, err)
	}
	var m model.Metadata
	b.Apply(&m, model.Pos{File: "n.txt", Line: 1})
	if m.Body != "General Assembly" || m.Localized["body"]["fr"] != "Assemblée générale" || m.Localized["body"]["es"] != "Asamblea General" {
		t.Errorf("body %q, localized %v", m.Body, m.Localized)
	}
	if m.Session != "Sixtieth session" || m.AgendaItem != "3" || m.Subtitle != "Note by the Secretariat" || !m.Recycle {
		t.Errorf("meta = %+v", m)
	}
	if _, _, err := Split("notes", "n.txt", "---\nbody: {fr: [a, b]}\n---\n"); err == nil {
		t.Error("a list as a language's text is accepted")
	}
}
