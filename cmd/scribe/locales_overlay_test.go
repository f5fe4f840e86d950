package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
)

// TestLocalesOverlayReachesReaderAndNormalizers converts the same notes with and without a
// --locales overlay that adds one English reporting verb. The verb must change a reader
// decision (a short line holding it is a statement, not a heading) and a normalizer
// decision (a paragraph opening "Ruritania opined" gets a speaker): locale data reaches
// both only through options, so an overlay the CLI loads is the one they see.
func TestLocalesOverlayReachesReaderAndNormalizers(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	text := "Ruritania opined firmly\n\n" +
		"The delegation of Freedonia said that the budget should be reviewed again next year by all members of the group.\n\n" +
		"Ruritania opined that the proposal went too far and needed a second reading by the committee.\n"
	if err := os.WriteFile(notes, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	en, err := locales.MustEmbedded().Lookup("en")
	if err != nil {
		t.Fatal(err)
	}
	overlay := filepath.Join(dir, "locales")
	if err := os.Mkdir(overlay, 0o755); err != nil {
		t.Fatal(err)
	}
	verbs := append(append([]string(nil), en.Speech.Verbs...), "opined")
	yaml := "speech:\n  verbs: [" + strings.Join(verbs, ", ") + "]\n"
	if err := os.WriteFile(filepath.Join(overlay, "en.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}

	type block struct {
		Type    string `json:"type"`
		Speaker string `json:"speaker"`
		Why     string `json:"why"`
	}
	convert := func(args ...string) []block {
		t.Helper()
		code, stdout, stderr := runCLI(t, nil, append([]string{"convert", notes, "--to", "json", "-o", "-"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var out struct {
			Document struct {
				Blocks []block `json:"blocks"`
			} `json:"document"`
		}
		if err := json.Unmarshal([]byte(stdout), &out); err != nil {
			t.Fatalf("%v\n%s", err, stdout)
		}
		if len(out.Document.Blocks) != 3 {
			t.Fatalf("%d blocks, want 3: %+v", len(out.Document.Blocks), out.Document.Blocks)
		}
		return out.Document.Blocks
	}

	plain := convert()
	if plain[0].Type != "heading" {
		t.Errorf("built-in locales: first line is a %s (%s), want a heading", plain[0].Type, plain[0].Why)
	}
	if plain[2].Speaker != "" {
		t.Errorf("built-in locales: speaker %q, want none (\"opined\" is not a reporting verb)", plain[2].Speaker)
	}

	over := convert("--locales", overlay)
	if over[0].Type != "paragraph" || !strings.Contains(over[0].Why, `"opined"`) {
		t.Errorf("overlay: first line is a %s (%s), want a paragraph with the reporting verb as reason", over[0].Type, over[0].Why)
	}
	if over[2].Speaker != "Ruritania" {
		t.Errorf("overlay: speaker %q, want Ruritania", over[2].Speaker)
	}
}
