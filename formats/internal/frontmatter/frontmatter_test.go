package frontmatter

import (
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

// TestLocalizedFields: a field given per language keeps every language's text, and its
// plain value is the English one.
func TestLocalizedFields(t *testing.T) {
	text := "---\nbody: {fr: Assemblée générale, en: General Assembly, es-419: Asamblea General}\n" +
		"session: Sixtieth session\nagenda-item: 3\nsubtitle: Note by the Secretariat\nplease-recycle: yes\n---\nText.\n"
	b, rest, err := Split("notes", "n.txt", text, nil)
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
	if _, _, err := Split("notes", "n.txt", "---\nbody: {fr: [a, b]}\n---\n", nil); err == nil {
		t.Error("a list as a language's text is accepted")
	}
}

// TestDuplicateKeys: a field given twice, under one name or two ("organ" and "body"), is a
// warning naming the file and the line of the value kept.
func TestDuplicateKeys(t *testing.T) {
	text := "---\ntitle: First\norgan: Council\nTitle: Second\nbody: Assembly\nnote: a\nnote: b\ndate: 2005-05-02\n---\nText.\n"
	var w model.Warnings
	b, _, err := Split("notes", "n.txt", text, &w)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range w.List() {
		got = append(got, d.String())
	}
	want := []string{
		`notes: n.txt:4: front matter: "Title" given again (first on line 2); the value on this line is kept`,
		`notes: n.txt:5: front matter: "body" given again (first on line 3); the value on this line is kept`,
		`notes: n.txt:7: front matter: "note" given again (first on line 6); the value on this line is kept`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var m model.Metadata
	b.Apply(&m, model.Pos{File: "n.txt", Line: 1})
	if m.Title != "Second" || m.Body != "Assembly" || m.Extra["note"] != "b" {
		t.Errorf("kept title %q, body %q, note %q", m.Title, m.Body, m.Extra["note"])
	}
	if _, _, err := Split("notes", "n.txt", "---\ntitle: A\nsubtitle: B\n---\n", &w); err != nil || w.Len() != 3 {
		t.Errorf("distinct keys: err %v, %d warnings", err, w.Len())
	}
}
