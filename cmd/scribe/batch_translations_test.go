package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// corpusNotes copies the three corpus notes into dir/minutes and returns that folder.
func corpusNotes(t *testing.T, dir string) string {
	t.Helper()
	minutes := filepath.Join(dir, "minutes")
	os.MkdirAll(minutes, 0o755)
	for _, n := range []string{"wsis-itu-consultation-2005-05-02.txt", "hackerspace-board-minutes.txt", "ietf77-httpbis-minutes-crlf.txt"} {
		data, err := os.ReadFile(repoFile("testdata", "corpus", n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(minutes, n), data, 0o644)
	}
	return minutes
}

var xliffSegment = regexp.MustCompile(`(?s)<segment id="(s\d+)"><source>(.*?)</source></segment>`)

// pseudoTranslate fills every segment of a scribe XLIFF 2.0 file with "[lang] source",
// state translated, as a translator's finished file would be (placeholders kept).
func pseudoTranslate(t *testing.T, path, lang string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := xliffSegment.ReplaceAllString(string(data), `<segment id="$1" state="translated"><source>$2</source><target>[`+lang+`] $2</target></segment>`)
	os.WriteFile(path, []byte(out), 0o644)
}

type reportTranslations struct {
	Translations []struct {
		File   string
		Lang   string
		Inputs []string
	}
	Totals struct{ Converted, Failed int }
}

func readReport(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

// Item 1: a session's minutes in several languages in one run. --translations takes
// folders and repeated files; each XLIFF goes to its input by fingerprint, then by name;
// unmatched and ambiguous files are reported once; scribe.yaml has the same key.
func TestTranslationsInABatch(t *testing.T) {
	dir := t.TempDir()
	minutes := corpusNotes(t, dir)
	xliffDir := filepath.Join(dir, "xliff")
	if code, _, stderr := runCLI(t, nil, "extract", "-r", minutes, "--target", "fr,es", "-o", xliffDir, "-q"); code != 0 {
		t.Fatal(stderr)
	}
	xlfs, _ := filepath.Glob(filepath.Join(xliffDir, "*.xlf"))
	if len(xlfs) != 6 {
		t.Fatalf("extract wrote %v", xlfs)
	}
	for _, f := range xlfs {
		pseudoTranslate(t, f, strings.Split(filepath.Base(f), ".")[len(strings.Split(filepath.Base(f), "."))-2])
	}
	// The French file of the sample reaches scribe renamed by the agency: its fingerprint
	// still ties it to its notes.
	renamed := filepath.Join(xliffDir, "agency-delivery-0042.xlf")
	os.Rename(filepath.Join(xliffDir, sample+".fr.xlf"), renamed)

	converted := func(t *testing.T, out string) {
		t.Helper()
		for _, n := range []string{sample, "hackerspace-board-minutes", "ietf77-httpbis-minutes-crlf"} {
			for _, lang := range []string{"fr", "es"} {
				md, err := os.ReadFile(filepath.Join(out, n+"."+lang+".md"))
				// Markdown escapes the brackets: \[fr\].
				if err != nil || !strings.Contains(strings.ReplaceAll(string(md), `\`, ""), "["+lang+"] ") {
					t.Errorf("%s.%s.md is not translated (%v)", n, lang, err)
				}
			}
			md, _ := os.ReadFile(filepath.Join(out, n+".ar.md"))
			if plain := strings.ReplaceAll(string(md), `\`, ""); strings.Contains(plain, "[fr] ") || strings.Contains(plain, "[es] ") || len(md) == 0 {
				t.Errorf("%s.ar.md took another language's translation", n)
			}
		}
	}
	t.Run("folder", func(t *testing.T) {
		out, report := t.TempDir(), filepath.Join(t.TempDir(), "r.json")
		code, _, stderr := runCLI(t, nil, "convert", "-r", minutes, "--lang", "ar,fr,es", "--to", "md", "-o", out, "--translations", xliffDir, "--report", report, "--strict")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		converted(t, out)
		var rep reportTranslations
		readReport(t, report, &rep)
		if len(rep.Translations) != 6 {
			t.Fatalf("report lists %d translation files", len(rep.Translations))
		}
		for _, u := range rep.Translations {
			if len(u.Inputs) != 1 {
				t.Errorf("%s applied to %v", u.File, u.Inputs)
			}
			if u.File == renamed && !strings.HasSuffix(u.Inputs[0], sample+".txt") {
				t.Errorf("renamed file went to %v", u.Inputs)
			}
		}
	})
	t.Run("repeated files and project file", func(t *testing.T) {
		work := t.TempDir()
		var lines []string
		for _, f := range append(xlfs[:0:0], mustGlob(t, filepath.Join(xliffDir, "*"))...) {
			lines = append(lines, "  - "+f)
		}
		os.WriteFile(filepath.Join(work, "scribe.yaml"), []byte("lang: [ar, fr, es]\nto: md\ntranslations:\n"+strings.Join(lines, "\n")+"\n"), 0o644)
		code, _, stderr := runIn(t, work, nil, "convert", "-r", minutes, "-o", "out")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		converted(t, filepath.Join(work, "out"))
	})
	t.Run("unmatched file reported once", func(t *testing.T) {
		stale := filepath.Join(t.TempDir(), "stale")
		os.MkdirAll(stale, 0o755)
		data, _ := os.ReadFile(filepath.Join(xliffDir, "hackerspace-board-minutes.fr.xlf"))
		data = []byte(strings.ReplaceAll(string(data), "sha256:", "sha256:0"))
		os.WriteFile(filepath.Join(stale, "old-minutes.fr.xlf"), data, 0o644)
		args := []string{"convert", "-r", minutes, "--lang", "fr", "--to", "md", "-o", t.TempDir(), "--translations", xliffDir, "--translations", stale}
		code, _, stderr := runCLI(t, nil, args...)
		if code != 0 || strings.Count(stderr, "old-minutes.fr.xlf") != 1 || !strings.Contains(stderr, "matched no input") {
			t.Errorf("exit %d, stderr: %s", code, stderr)
		}
		code, _, stderr = runCLI(t, nil, append(args, "--strict")...)
		if code != 1 || !strings.Contains(stderr, "1 translation file(s) matched no input") {
			t.Errorf("--strict: exit %d, stderr: %s", code, stderr)
		}
	})
	t.Run("ambiguous files refused before converting", func(t *testing.T) {
		copyDir := filepath.Join(t.TempDir(), "copy")
		os.MkdirAll(copyDir, 0o755)
		data, _ := os.ReadFile(renamed)
		os.WriteFile(filepath.Join(copyDir, "second-delivery.xlf"), data, 0o644)
		out := t.TempDir()
		code, stdout, stderr := runCLI(t, nil, "convert", "-r", minutes, "--lang", "fr", "--to", "md", "-o", out, "--translations", xliffDir, "--translations", copyDir)
		failsCleanly(t, code, stdout, stderr, 1, out, "second-delivery.xlf", "agency-delivery-0042.xlf", "both fr translations of the same notes")
	})
	t.Run("named file for a language not asked for", func(t *testing.T) {
		out := t.TempDir()
		es := filepath.Join(xliffDir, sample+".es.xlf")
		code, stdout, stderr := runCLI(t, nil, "convert", samplePath(t), "--lang", "fr", "--to", "md", "-o", out, "--translations", es, "--strict")
		failsCleanly(t, code, stdout, stderr, 1, out, es, `translates into "es", which is not an output language (fr)`)
	})
}

func mustGlob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil || len(m) == 0 {
		t.Fatal(fmt.Sprint("no match for ", pattern, err))
	}
	return m
}
