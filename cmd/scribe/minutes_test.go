package main

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

// TestMinutesPrintedByEveryWriter converts a model with participants, a decision, an
// action item and preformatted text into every format, with the attendance at the start
// and the actions annex, and checks each output carries their text.
func TestMinutesPrintedByEveryWriter(t *testing.T) {
	pos := func(l int) model.Pos { return model.Pos{File: "m.json", Line: l} }
	doc := &model.Document{
		Source: "m.json",
		Meta: model.Metadata{Title: "Board meeting", OriginalLang: "en", Participants: []model.Participant{
			{Name: "Anne Martin", Role: model.RolePresent, Pos: pos(1)},
			{Name: "Omar Haddad", Affiliation: "ILO", Role: model.RolePresent, Pos: pos(1)},
			{Name: "Lucie Kerouedan", Role: model.RoleAbsent, Pos: pos(2)},
		}},
		Blocks: []model.Block{
			&model.Paragraph{Pos: pos(3), Inlines: model.Texts("The budget was discussed at length.", 3), Numbered: true},
			&model.Paragraph{Pos: pos(4), Inlines: model.Texts("The budget is approved.", 4), Numbered: true, Kind: model.KindDecision},
			&model.Paragraph{Pos: pos(5), Inlines: model.Texts("Omar to send the figures.", 5), Numbered: true, Kind: model.KindAction, Owner: "Omar Haddad", Due: "1 May 2025"},
			&model.Preformatted{Pos: pos(6), Text: "total   1200\nspent    800"},
		},
	}
	data, err := json.Marshal(map[string]any{"schema": "scribe-document/1", "document": doc})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "m.json")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, map[string]string{"SOURCE_DATE_EPOCH": "1114992000"},
		"convert", in, "--to", "md,html,docx,json,pdf", "--annex", "actions", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := []string{"Attendance", "Present:", "Anne Martin", "Omar Haddad (ILO)", "Absent:", "Lucie Kerouedan",
		"Decision:", "The budget is approved.", "Action:", "Decisions and action items", "Responsible", "1 May 2025", "spent    800"}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	docx := func() string {
		zr, err := zip.OpenReader(filepath.Join(out, "m.en.docx"))
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				return string(b)
			}
		}
		t.Fatal("no document.xml")
		return ""
	}
	for name, text := range map[string]string{"md": read("m.en.md"), "html": read("m.en.html"), "json": read("m.en.json"), "docx": docx()} {
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "m.en.pdf")); err != nil {
		t.Error(err)
	}
}
