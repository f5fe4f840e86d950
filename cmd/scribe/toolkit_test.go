package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
)

// Item 8: scribe's translation files survive Translate Toolkit, as translators use it:
// XLIFF 1.2 → xliff2po (notes kept as "#." comments) → a translation (podebug plays the
// translator) → po2xliff, with and without -t (the template's <file> plus the translated
// one) → scribe convert --translations and scribe tm export. TMX never carries an empty
// xml:lang, and exporting nothing approved is a warning and exit 1.
func TestTranslateToolkitRoundTrip(t *testing.T) {
	xliff2po := testutil.RequireTool(t, "xliff2po")
	po2xliff := testutil.RequireTool(t, "po2xliff")
	podebug := testutil.RequireTool(t, "podebug")
	dir := t.TempDir()
	copyFile(t, samplePath(t), filepath.Join(dir, "notes.txt"))
	tool := func(name string, args ...string) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	if code, _, stderr := runIn(t, dir, nil, "extract", "notes.txt", "--target", "fr", "--format", "xliff12", "-o", ".", "-q"); code != 0 {
		t.Fatal(stderr)
	}
	tool(xliff2po, "notes.fr.xlf", "notes.fr.po")
	po, _ := os.ReadFile(filepath.Join(dir, "notes.fr.po"))
	for _, want := range []string{"#. Paragraph 3.", "#. Speaker: Syria", "#. Under heading: I."} {
		if !strings.Contains(string(po), want) {
			t.Errorf("xliff2po dropped the note %q", want)
		}
	}
	os.Mkdir(filepath.Join(dir, "translated"), 0o755)
	tool(podebug, "--rewrite=bracket", "notes.fr.po", "translated/notes.fr.po")
	tool(po2xliff, "translated/notes.fr.po", "from-po.xlf")                      // no target-language; original names the PO
	tool(po2xliff, "-t", "notes.fr.xlf", "translated/notes.fr.po", "merged.xlf") // the template's <file>, then the translated one
	if x, _ := os.ReadFile(filepath.Join(dir, "from-po.xlf")); strings.Contains(string(x), "target-language") || !strings.Contains(string(x), `notes.fr.po"`) {
		t.Fatalf("po2xliff wrote something else than this test expects:\n%.300s", x)
	}

	// A batch of two inputs: each file finds notes.txt (by its original's name, by the
	// template's fingerprint); the other input gets none.
	other := filepath.Join(dir, "other.txt")
	os.WriteFile(other, []byte("Canada said that the meeting was useful.\n"), 0o644)
	for _, file := range []string{"from-po.xlf", "merged.xlf"} {
		out := filepath.Join(dir, "out-"+file)
		code, _, stderr := runIn(t, dir, nil, "convert", "notes.txt", "other.txt", "--lang", "fr", "--to", "md", "-o", out, "--translations", file)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", file, code, stderr)
			continue
		}
		md, _ := os.ReadFile(filepath.Join(out, "notes.fr.md"))
		if !strings.Contains(string(md), `\[After some welcoming remarks`) {
			t.Errorf("%s: the French version is not translated:\n%.400s", file, md)
		}
	}

	// tm export: languages from the file, its original's name, or the flag; never empty.
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"from-po.xlf", "-o", "a.tmx"}, 0, ""},
		{[]string{"merged.xlf", "-o", "b.tmx"}, 0, ""},
		{[]string{"notes.fr.xlf", "-o", "none.tmx"}, 1, "warning: tm export: no approved segment in notes.fr.xlf"},
	} {
		code, _, stderr := runIn(t, dir, nil, append([]string{"tm", "export"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("tm export %v: exit %d: %s", c.args, code, stderr)
			continue
		}
		out := filepath.Join(dir, c.args[len(c.args)-1])
		tmx, err := os.ReadFile(out)
		if c.code != 0 {
			if err == nil {
				t.Errorf("%s written although nothing was approved", out)
			}
			continue
		}
		if strings.Contains(string(tmx), `xml:lang=""`) || !strings.Contains(string(tmx), `<tuv xml:lang="fr">`) {
			t.Errorf("%s: languages missing:\n%.600s", out, tmx)
		}
	}
	// A file with no language anywhere: the flag gives it, or it is an error saying so.
	os.Rename(filepath.Join(dir, "from-po.xlf"), filepath.Join(dir, "delivery.xlf"))
	data, _ := os.ReadFile(filepath.Join(dir, "delivery.xlf"))
	os.WriteFile(filepath.Join(dir, "delivery.xlf"), []byte(regexp.MustCompile(`original="[^"]*"`).ReplaceAllString(string(data), `original="delivery.po"`)), 0o644)
	if code, _, stderr := runIn(t, dir, nil, "tm", "export", "delivery.xlf", "-o", "c.tmx"); code != 1 || !strings.Contains(stderr, "names no target language: give --target") {
		t.Errorf("no language: exit %d %s", code, stderr)
	}
	if code, _, stderr := runIn(t, dir, nil, "tm", "export", "delivery.xlf", "--target", "fr", "-o", "c.tmx"); code != 0 {
		t.Errorf("--target fr: exit %d %s", code, stderr)
	}
}
