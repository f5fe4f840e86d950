package locales

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOverlayKeysAreChecked(t *testing.T) {
	cases := []struct {
		name, src string
		want      string // "" = loads
	}{
		{"fr.yaml", "labels:\n  annex: ANNEXE\n", ""},
		{"fr.yaml", "# comment\nlabels:\n  anex: ANNEXE\n", `fr.yaml:3: unknown key "labels.anex" (did you mean "annex"?)`},
		{"fr.yaml", "speech:\n  verb: [dit]\n", `fr.yaml:2: unknown key "speech.verb" (did you mean "verbs"?)`},
		{"es.yaml", "englishname: Spanish\n", `es.yaml:1: unknown key "englishname" (did you mean "englishName"?)`},
		{"ru.yaml", "languageNames: {de: немецкий}\n", `ru.yaml:1: unknown key "languageNames.de"`},
	}
	for _, c := range cases {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, c.name), []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := LoadDir(dir)
		if c.want == "" {
			if err != nil {
				t.Errorf("%q: %v", c.src, err)
			} else if got := s.byTag["fr"].Labels[Annex]; got != "ANNEXE" {
				t.Errorf("overlay not applied: %q", got)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), dir) {
			t.Errorf("%q: got %v, want %q naming the folder", c.src, err, c.want)
		}
	}
}

func TestLoadDirNamesAMissingFolder(t *testing.T) {
	_, err := LoadDir("no/such/locales")
	if err == nil || !strings.Contains(err.Error(), "no/such/locales") {
		t.Fatalf("got %v", err)
	}
}
