package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// A report written with --to json converts again, found by its extension and by its
// content (standard input), and gives the same DOCX and JSON as the notes it came from.
func TestJSONReadBack(t *testing.T) {
	env := map[string]string{"SOURCE_DATE_EPOCH": "1114992000"}
	first, second := t.TempDir(), t.TempDir()
	if code, _, stderr := runCLI(t, env, "convert", repoFile("testdata", sample+".txt"), "--to", "json,docx", "-o", first); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	js := filepath.Join(first, sample+".en.json")
	if code, _, stderr := runCLI(t, env, "convert", js, "--to", "json,docx", "-o", second); code != 0 {
		t.Fatalf("json input: exit %d: %s", code, stderr)
	}
	for _, ext := range []string{".json", ".docx"} {
		a, _ := os.ReadFile(filepath.Join(first, sample+".en"+ext))
		b, err := os.ReadFile(filepath.Join(second, sample+".en"+ext)) // the language tag is not repeated
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s from the JSON differs from %s from the notes", ext, ext)
		}
	}
	code, stdout, stderr := runCLI(t, nil, "inspect", js)
	if code != 0 || !bytes.Contains([]byte(stdout), []byte("read as json")) {
		t.Errorf("inspect of a .json: exit %d, %s%s", code, stdout, stderr)
	}
}
