package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
)

// Tests of issue 16: the CLI fits the habits of pandoc and common Go CLIs. One test (or one
// table) per item of the issue, named after it.

// runIn runs scribe in-process with dir as the working folder (the project file is looked up
// there).
func runIn(t *testing.T, dir string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	return runCLI(t, env, args...)
}

func samplePath(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(repoFile("testdata", sample+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Item 6: project-file keys are flag names; unknown keys and typos are errors naming the
// file, the line and the nearest valid key; `scribe init` changes nothing by itself.
func TestProjectFileKeysAreFlagNames(t *testing.T) {
	cases := []struct {
		name, yaml string
		code       int
		want       string // on standard error; for code 0, an output file that must exist
	}{
		{"flag names work", "lang: [fr]\nto: [md]\nbody: Council\n", 0, sample + ".fr.md"},
		{"scalar list", "lang: fr\nto: md, json\n", 0, sample + ".fr.json"},
		{"typo", "to: [md]\n# the languages\nlangs: [fr]\n", 2, `scribe.yaml:3: unknown key "langs" (did you mean "lang"?)`},
		{"old key", "organ: Council\n", 2, `scribe.yaml:1: unknown key "organ" (did you mean "body"?)`},
		{"old key 2", "reference-docx: x.docx\n", 2, `(did you mean "reference-doc"?)`},
		{"far off", "colour: blue\n", 2, `scribe.yaml:1: unknown key "colour" (keys are flag names; 'scribe init' writes them all)`},
		{"bad value", "jobs: many\n", 2, `scribe.yaml:1: jobs:`},
		{"bad size", "max-input-size: lots\n", 2, `scribe.yaml:1: max-input-size:`},
		{"not a mapping", "- lang\n", 2, `scribe.yaml:1: expected keys and values`},
		{"bad yaml", "lang: [fr\n", 2, `scribe.yaml:`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "scribe.yaml"), []byte(c.yaml), 0o644)
			code, _, stderr := runIn(t, dir, nil, "convert", samplePath(t), "-o", "out")
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, stderr)
			}
			if c.code == 0 {
				if _, err := os.Stat(filepath.Join(dir, "out", c.want)); err != nil {
					t.Errorf("%v; stderr: %s", err, stderr)
				}
				return
			}
			if !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
				t.Errorf("stderr %q, want one line with %q", stderr, c.want)
			}
		})
	}
	// The command line wins over the file; paths in the file are relative to it.
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "proj"), 0o755)
	os.WriteFile(filepath.Join(dir, "proj", "p.yaml"), []byte("lang: [fr]\nto: [md]\noutput: built\n"), 0o644)
	if code, _, stderr := runIn(t, dir, nil, "convert", samplePath(t), "--config", "proj/p.yaml", "--lang", "es"); code != 0 {
		t.Fatal(stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "proj", "built", sample+".es.md")); err != nil {
		t.Errorf("flag did not win or output not relative to the project file: %v", err)
	}
}

func TestInitChangesNothingAndListsEveryKey(t *testing.T) {
	env := map[string]string{"SOURCE_DATE_EPOCH": "1114992000"}
	bare, withInit := t.TempDir(), t.TempDir()
	if code, _, stderr := runIn(t, withInit, nil, "init"); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, _ := runIn(t, withInit, nil, "init"); code != 2 {
		t.Fatal("init overwrote an existing file")
	}
	for _, dir := range []string{bare, withInit} {
		if code, _, stderr := runIn(t, dir, env, "convert", samplePath(t), "--to", "docx,md", "-o", "out"); code != 0 {
			t.Fatal(stderr)
		}
	}
	for _, ext := range []string{".en.docx", ".en.md"} {
		a, _ := os.ReadFile(filepath.Join(bare, "out", sample+ext))
		b, _ := os.ReadFile(filepath.Join(withInit, "out", sample+ext))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs once scribe init has run", ext)
		}
	}
	// Uncommented, every key of the template is valid and names a flag.
	tmpl, _ := os.ReadFile(filepath.Join(withInit, "scribe.yaml"))
	keyLine := regexp.MustCompile(`(?m)^# ([a-z-]+): (.*)$`)
	var uncommented strings.Builder
	keys := map[string]bool{}
	for _, m := range keyLine.FindAllStringSubmatch(string(tmpl), -1) {
		keys[m[1]] = true
		uncommented.WriteString(m[1] + ": " + m[2] + "\n")
	}
	for _, k := range []string{"body", "reference-doc", "lang", "to", "font-dir", "symbol", "translations", "target", "max-input-size"} {
		if !keys[k] {
			t.Errorf("template lacks key %q", k)
		}
	}
	if _, err := parseProjectFile("scribe.yaml", []byte(uncommented.String()), projectKeys(newApp(IO{}))); err != nil {
		t.Errorf("uncommented template does not load: %v", err)
	}
}

// Item 6, second half: typos in --locales overlays are errors too; item 14: a missing
// --locales folder is named.
func TestLocalesOverlayErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "fr.yaml"), []byte("speech:\n  verb: [dit]\n"), 0o644)
	cases := []struct {
		dir  string
		want string
	}{
		{dir, filepath.Join(dir, "fr.yaml") + `:2: unknown key "speech.verb" (did you mean "verbs"?)`},
		{filepath.Join(dir, "nonexistent"), filepath.Join(dir, "nonexistent") + ": no such file or directory"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, nil, "convert", samplePath(t), "--locales", c.dir, "-o", t.TempDir())
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("--locales %s: exit %d, stderr %q, want %q", c.dir, code, stderr, c.want)
		}
	}
}

// Item 12: the version comes from the build; -v is --verbose everywhere; --version only at
// the top; --skip-unchanged is keyed by the build.
func TestVersionAndVerbose(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, _ := runCLI(t, nil, args...)
		if code != 0 || !regexp.MustCompile(`^scribe \S+ \(.*go1\.`).MatchString(stdout) {
			t.Errorf("%v: exit %d, %q", args, code, stdout)
		}
	}
	if code, stdout, _ := runCLI(t, nil, "-v"); code != 0 || !strings.Contains(stdout, "USAGE") {
		t.Errorf("-v at the top printed %q, not the help", stdout)
	}
	if code, _, _ := runCLI(t, nil, "convert", samplePath(t), "--version"); code != 2 {
		t.Errorf("convert --version: exit %d, want a usage error", code)
	}
	// -v before or after the command is --verbose: a single conversion prints its line.
	for _, args := range [][]string{{"-v", "convert", samplePath(t)}, {"convert", samplePath(t), "-v"}, {"convert", samplePath(t), "--verbose"}} {
		code, _, stderr := runCLI(t, nil, append(args, "-o", t.TempDir(), "--lang", "fr")...)
		if code != 0 || !strings.Contains(stderr, "->") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	for _, args := range [][]string{{"inspect", samplePath(t), "-v"}, {"extract", samplePath(t), "--target", "fr", "-o", t.TempDir(), "-v"}, {"fonts", "-v"}} {
		if code, _, stderr := runCLI(t, nil, args...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
}

func TestSkipUnchangedKeyedByBuild(t *testing.T) {
	out, report := t.TempDir(), filepath.Join(t.TempDir(), "r.json")
	args := []string{"convert", samplePath(t), "--to", "md", "-o", out, "--skip-unchanged", "--report", report}
	skipped := func() int {
		var rep struct{ Totals struct{ Skipped int } }
		raw, _ := os.ReadFile(report)
		json.Unmarshal(raw, &rep)
		return rep.Totals.Skipped
	}
	runCLI(t, nil, args...)
	runCLI(t, nil, args...)
	if skipped() != 1 {
		t.Fatal("second run did not skip")
	}
	// Another build of scribe (another revision, or a rebuilt binary) converts again.
	mpath := filepath.Join(out, manifestName)
	raw, _ := os.ReadFile(mpath)
	var m map[string]any
	json.Unmarshal(raw, &m)
	if code, _ := m["code"].(string); !strings.HasPrefix(code, "rev:") && !strings.HasPrefix(code, "exe:") {
		t.Fatalf("manifest does not record the build: %v", m["code"])
	}
	m["code"] = "rev:0123456789abcdef"
	raw, _ = json.Marshal(m)
	os.WriteFile(mpath, raw, 0o644)
	runCLI(t, nil, args...)
	if skipped() != 0 {
		t.Error("outputs of another build were reused")
	}
}

func TestBuildInfoStrings(t *testing.T) {
	b := buildInfo{Version: "v1.2.0", Revision: "0123456789abcdef0123", Dirty: true, GoVersion: "go1.26"}
	if got := b.String(); got != "scribe v1.2.0 (revision 0123456789ab, modified, go1.26)" {
		t.Errorf("String() = %q", got)
	}
	for v, want := range map[string]string{"v1.2.0": "v1.2.0", "devel": "devel", "v0.0.0-20250101120000-abcdef123456": "devel", "v1.2.1-0.20250101120000-abcdef123456+dirty": "devel"} {
		if got := (buildInfo{Version: v}).release(); got != want {
			t.Errorf("release(%q) = %q, want %q", v, got, want)
		}
	}
	if k := (buildInfo{Revision: "abc"}).codeKey(); k != "rev:abc" {
		t.Errorf("clean build key %q", k)
	}
	if k := (buildInfo{Revision: "abc", Dirty: true}).codeKey(); !strings.HasPrefix(k, "exe:") {
		t.Errorf("modified build key %q, want the executable's hash", k)
	}
}

// Item 13: completion scripts and a man page generated from the commands.
func TestCompletionAndManPage(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, stdout, stderr := runCLI(t, nil, "completion", shell)
		if code != 0 || !strings.Contains(stdout, "scribe") {
			t.Errorf("completion %s: exit %d %s", shell, code, stderr)
		}
	}
	if code, _, _ := runCLI(t, nil, "convert", "--generate-shell-completion"); code != 0 {
		t.Errorf("completion of convert: exit %d", code)
	}
	code, man, stderr := runCLI(t, nil, "man")
	if code != 0 || !strings.HasPrefix(man, ".TH SCRIBE 1") {
		t.Fatalf("man: exit %d %s", code, stderr)
	}
	for _, want := range []string{`.SS "scribe convert`, `.SS "scribe tm export`, `\-\-translations`, `\-\-max\-input\-size`, "SOURCE_DATE_EPOCH", "SCRIBE_FONT_DIR", ".SH EXIT STATUS"} {
		if !strings.Contains(man, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
	if _, err := exec.LookPath("groff"); err == nil {
		cmd := exec.Command("groff", "-man", "-ww", "-z")
		cmd.Stdin = strings.NewReader(man)
		if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("groff warns about the man page: %v %s", err, out)
		}
	}
}

// Item 14: help and errors tell the user what to do.
func TestHelpAndErrorsSayWhatToDo(t *testing.T) {
	_, help, _ := runCLI(t, nil, "convert", "--help")
	jobs := regexp.MustCompile(`(?m)^.*--jobs.*$`).FindString(help)
	if strings.Count(jobs, "default") != 1 {
		t.Errorf("--jobs shows %d defaults: %q", strings.Count(jobs, "default"), jobs)
	}
	if strings.Index(help, "--max-input-size") < strings.Index(help, "--translations") || strings.Index(help, "--max-") < strings.Index(help, "--strict") {
		t.Error("the --max-* limits come before the main flags")
	}
	for _, flag := range []string{"--mt-command", "--fuzzy", "--recursive"} {
		_, h, _ := runCLI(t, nil, "extract", "--help")
		if !strings.Contains(h, flag) {
			t.Errorf("extract --help does not document %s", flag)
		}
	}
	if !strings.Contains(help, "SCRIBE_FONT_DIR") {
		t.Error("convert --help does not document SCRIBE_FONT_DIR")
	}
	big := filepath.Join(t.TempDir(), "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("Canada said something long. "), 50000), 0o644)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"convert", samplePath(t), "--max-input-size", "1MiB", "-o", t.TempDir()}, 0, ""},
		{[]string{"convert", samplePath(t), "--max-input-size", "64 MiB", "-o", t.TempDir()}, 0, ""},
		{[]string{"convert", big, "--max-input-size", "1MiB", "-o", t.TempDir()}, 1, "limit 1048576"},
		{[]string{"convert", samplePath(t), "--max-input-size", "lots", "-o", t.TempDir()}, 2, `"lots" is not a size`},
		{[]string{"tm", "foo"}, 2, `unknown command "foo" (commands: export)`},
		{[]string{"conver", "x"}, 2, `did you mean "convert"?`},
		{[]string{"convert", samplePath(t), "--to", "odt"}, 2, "docx, html, json, md, pdf"},
		{[]string{"convert", samplePath(t), "--locales", "nonexistent"}, 2, "locales nonexistent: no such file or directory"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, nil, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.want)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1048576": 1 << 20, "1MiB": 1 << 20, "64 MiB": 64 << 20, "1.5GiB": 3 << 29, "500KB": 500000, "2k": 2048, "1MB": 1000000} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "1XB", "-1", "1e9"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) accepted", in)
		}
	}
	if formatSize(64<<20) != "64 MiB" || formatSize(1000) != "1000" {
		t.Error("formatSize")
	}
}

// Item 9: files that are not notes (translation files, fonts, PDFs, archives) are errors
// saying what they are, not reports of their bytes; a folder walk skips them.
func TestNonNotesInputsAreRefused(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI(t, nil, "extract", samplePath(t), "--target", "fr", "-o", dir, "-q"); code != 0 {
		t.Fatal(stderr)
	}
	xlf := filepath.Join(dir, sample+".fr.xlf")
	xlfData, _ := os.ReadFile(xlf)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return p
	}
	font := write("Face.ttf", append([]byte("\x00\x01\x00\x00\x00\x0b\x00\x80\x00\x03\x00\x30"), bytes.Repeat([]byte{0}, 64)...))
	cases := []struct {
		path, want string
	}{
		{xlf, "an XLIFF translation file; translations come back in with convert --translations"},
		{write("memory.tmx", []byte(`<?xml version="1.0"?><tmx version="1.4"><header/><body/></tmx>`)), "a TMX translation memory"},
		{font, "a font file; fonts are given with --font or --font-dir"},
		{write("final.pdf", []byte("%PDF-1.7\n%\xe2\xe3\n1 0 obj\n")), "a PDF document"},
		{write("bundle.zip", []byte("PK\x05\x06"+strings.Repeat("\x00", 18))), "an archive"},
		{write("xliff-without-extension", xlfData), "an XLIFF translation file"},
	}
	for _, c := range cases {
		out := t.TempDir()
		code, stdout, stderr := runCLI(t, nil, "convert", c.path, "-o", out)
		failsCleanly(t, code, stdout, stderr, 1, out, filepath.Base(c.path), c.want)
	}
	// Standard input is sniffed too.
	var out, errw bytes.Buffer
	code := run(t.Context(), []string{"scribe", "convert", "-", "--to", "md", "-o", "-"}, IO{In: bytes.NewReader(xlfData), Out: &out, Err: &errw, Env: func(string) string { return "" }})
	if code != 1 || !strings.Contains(errw.String(), "an XLIFF translation file") || out.Len() > 0 {
		t.Errorf("stdin XLIFF: exit %d, %q", code, errw.String())
	}
	// A folder walk takes the notes and leaves the rest alone.
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("Canada said that the meeting was useful.\n"), 0o644)
	o := t.TempDir()
	code, _, stderr := runCLI(t, nil, "convert", "-r", dir, "--to", "md", "-o", o)
	if code != 0 {
		t.Fatalf("-r: exit %d: %s", code, stderr)
	}
	if got := strings.Join(testutilFiles(t, o), " "); got != "notes.en.md" {
		t.Errorf("-r converted %s", got)
	}
}

// Item 10: ** matches any depth and mirrors the tree below the pattern's fixed part;
// standard input's outputs are named stdin.<lang>.<ext>.
func TestGlobsAndStdinStem(t *testing.T) {
	dir := t.TempDir()
	note := []byte("Canada said that the meeting was useful.\n")
	for _, p := range []string{"top.txt", "2025/may.txt", "2025/06/june.txt", "2025/06/skip.md"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), note, 0o644)
	}
	cases := []struct {
		pattern string
		want    string
	}{
		{filepath.Join(dir, "**", "*.txt"), "2025/06/june.en.md 2025/may.en.md top.en.md"},
		{filepath.Join(dir, "2025", "**", "*.{txt,md}"), "06/june.en.md 06/skip.en.md may.en.md"},
		{filepath.Join(dir, "*.txt"), "top.en.md"},
	}
	for _, c := range cases {
		out := t.TempDir()
		code, _, stderr := runCLI(t, nil, "convert", c.pattern, "--to", "md", "-o", out)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.pattern, code, stderr)
		}
		if got := strings.Join(testutilFiles(t, out), " "); got != c.want {
			t.Errorf("%s: wrote %s, want %s", c.pattern, got, c.want)
		}
	}
	if code, _, stderr := runCLI(t, nil, "convert", filepath.Join(dir, "**", "*.docx"), "-o", t.TempDir()); code != 2 || !strings.Contains(stderr, "no file matches") {
		t.Errorf("empty glob: exit %d %s", code, stderr)
	}
	out := t.TempDir()
	var stdout, errw bytes.Buffer
	code := run(t.Context(), []string{"scribe", "convert", "-", "--to", "md", "-o", out}, IO{In: bytes.NewReader(note), Out: &stdout, Err: &errw, Env: func(string) string { return "" }})
	if code != 0 {
		t.Fatal(errw.String())
	}
	if got := strings.Join(testutilFiles(t, out), " "); got != "stdin.en.md" {
		t.Errorf("standard input wrote %s", got)
	}
}

// testutilFiles lists the files below dir, slash-separated and sorted, without scribe's
// manifest.
func testutilFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, f := range testutil.FilesIn(t, dir) {
		if f != manifestName {
			out = append(out, filepath.ToSlash(f))
		}
	}
	sort.Strings(out)
	return out
}

// Item 2 (what --strict means): a version asked for without any translation is a
// source-text version, not a warning, so the release recipe (six languages, --strict, no
// translations) converts; an incomplete translation file stays an error under --strict.
func TestStrictAcceptsSourceTextVersionsOnly(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runCLI(t, nil, "convert", samplePath(t), "--lang", "ar,zh,en,fr,ru,es", "--to", "md", "-o", out, "--strict")
	if code != 0 {
		t.Fatalf("six languages, --strict, no translations: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "note: versions in the notes' language, no translation given: ar (1), zh (1), fr (1), ru (1), es (1)") {
		t.Errorf("no note about the source-text versions: %s", stderr)
	}
	// A French file with one unit translated: the rest is missing, which --strict refuses.
	xdir := t.TempDir()
	runCLI(t, nil, "extract", samplePath(t), "--target", "fr", "-o", xdir, "-q")
	xlf := filepath.Join(xdir, sample+".fr.xlf")
	data, _ := os.ReadFile(xlf)
	first := xliffSegment.FindStringSubmatchIndex(string(data))
	partial := string(data[:first[0]]) + xliffSegment.ReplaceAllString(string(data[first[0]:first[1]]), `<segment id="$1" state="translated"><source>$2</source><target>[fr] $2</target></segment>`) + string(data[first[1]:])
	os.WriteFile(xlf, []byte(partial), 0o644)
	for _, strict := range []bool{false, true} {
		args := []string{"convert", samplePath(t), "--lang", "fr", "--to", "md", "-o", t.TempDir(), "--translations", xlf}
		want := 0
		if strict {
			args, want = append(args, "--strict"), 1
		}
		code, _, stderr := runCLI(t, nil, args...)
		if code != want || !strings.Contains(stderr, "have no accepted translation") {
			t.Errorf("partial translation, strict=%v: exit %d, %s", strict, code, stderr)
		}
	}
}

// Items 4 and 14: --report says what was made: the languages actually written, pages per
// PDF, words and untranslated share per language, and the fonts each PDF embeds.
func TestReportRecordsWhatWasMade(t *testing.T) {
	type out struct {
		Path, Format, Lang string
		Pages, Words       int
		Untranslated       float64
		Fonts              []struct{ Family, Style, Source, SHA256 string }
	}
	var rep struct {
		Languages   []string
		PerLanguage map[string]struct {
			Versions, Pages, Words int
			Untranslated           float64
		}
		Fonts  []struct{ Family, Source, SHA256 string }
		Inputs []struct{ Outputs []out }
	}
	report := filepath.Join(t.TempDir(), "r.json")
	code, _, stderr := runCLI(t, nil, "convert", samplePath(t), "--lang", "en,ru", "--to", "pdf,docx", "-o", t.TempDir(), "--report", report)
	if code != 0 {
		t.Fatal(stderr)
	}
	readReport(t, report, &rep)
	if strings.Join(rep.Languages, ",") != "en,ru" {
		t.Errorf("languages %v", rep.Languages)
	}
	if en, ru := rep.PerLanguage["en"], rep.PerLanguage["ru"]; en.Versions != 1 || en.Pages < 1 || en.Words < 500 || en.Untranslated != 0 || ru.Untranslated != 1 {
		t.Errorf("per language: %+v", rep.PerLanguage)
	}
	for _, o := range rep.Inputs[0].Outputs {
		switch o.Format {
		case "pdf":
			if o.Pages < 1 || len(o.Fonts) == 0 || o.Fonts[0].Family == "" || len(o.Fonts[0].SHA256) != 64 || o.Fonts[0].Source == "" {
				t.Errorf("pdf output facts: %+v", o)
			}
		case "docx":
			if o.Pages != 0 || len(o.Fonts) != 0 || o.Words < 500 {
				t.Errorf("docx output facts: %+v", o)
			}
		}
	}
	if len(rep.Fonts) == 0 || rep.Fonts[0].Source != "embedded" {
		t.Errorf("run fonts: %+v", rep.Fonts)
	}
	// Without --lang, the language written is the notes' own.
	runCLI(t, nil, "convert", samplePath(t), "--to", "md", "-o", t.TempDir(), "--report", report)
	readReport(t, report, &rep)
	if strings.Join(rep.Languages, ",") != "en" {
		t.Errorf("default languages %v", rep.Languages)
	}
}

// Item 4: --skip-unchanged records the fonts of each output and keys on the faces this
// machine would typeset with, so an installed or updated font converts again.
func TestSkipUnchangedRecordsFonts(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := runCLI(t, nil, "convert", samplePath(t), "--to", "pdf", "-o", out, "--skip-unchanged"); code != 0 {
		t.Fatal(stderr)
	}
	raw, _ := os.ReadFile(filepath.Join(out, manifestName))
	if !strings.Contains(string(raw), `"fonts"`) || !strings.Contains(string(raw), "Liberation Serif") {
		t.Errorf("manifest does not record fonts:\n%.600s", raw)
	}
	cjk := "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	data, err := os.ReadFile(cjk)
	if err != nil {
		t.Skip("no CJK font to install:", err)
	}
	dir := t.TempDir()
	fonts := func() string {
		fs, err := pdf.LoadFonts(pdf.FontOptions{Dirs: []string{dir}, NoSystem: true})
		if err != nil {
			t.Fatal(err)
		}
		return fontKey(fs, locales.MustEmbedded(), []string{"zh"})
	}
	before := fonts()
	os.WriteFile(filepath.Join(dir, "wqy.ttc"), data, 0o644)
	installed := fonts()
	os.Chtimes(filepath.Join(dir, "wqy.ttc"), time.Now(), time.Now().Add(time.Hour))
	updated := fonts()
	if before == installed || installed == updated || fonts() != updated {
		t.Errorf("font key does not follow the fonts: %s %s %s", before[:8], installed[:8], updated[:8])
	}
}

// Item 7: pandoc's habits. -o report.pdf writes that file; -o - refuses a binary format on a
// terminal; -f is --from; --to errors list every format (TestHelpAndErrorsSayWhatToDo);
// scribe's Markdown converted again keeps one language tag.
func TestPandocHabits(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		file string // written, relative to dir
		want string // on standard error
	}{
		{[]string{"-o", "report.pdf"}, 0, "report.pdf", ""},
		{[]string{"-o", "sub/report.fr.docx", "--lang", "fr"}, 0, "sub/report.fr.docx", ""},
		{[]string{"-o", "r.md", "--to", "md"}, 0, "r.md", ""},
		{[]string{"-o", "r.pdf", "--to", "docx"}, 2, "", "-o r.pdf is a pdf file name but --to asks for docx"},
		{[]string{"-o", "r.pdf", "--lang", "en,fr"}, 2, "", "-o r.pdf names one file"},
	}
	for _, c := range cases {
		code, _, stderr := runIn(t, dir, nil, append([]string{"convert", samplePath(t)}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q", c.args, code, stderr)
			continue
		}
		if c.file != "" {
			data, err := os.ReadFile(filepath.Join(dir, c.file))
			if err != nil || len(data) == 0 {
				t.Errorf("%v: %s not written (%v)", c.args, c.file, err)
			}
			if strings.HasSuffix(c.file, ".pdf") && !bytes.HasPrefix(data, []byte("%PDF-")) {
				t.Errorf("%s is not a PDF", c.file)
			}
		}
	}
	// An existing folder named like a file stays a folder.
	os.MkdirAll(filepath.Join(dir, "out.pdf"), 0o755)
	if code, _, stderr := runIn(t, dir, nil, "convert", samplePath(t), "-o", "out.pdf"); code != 0 {
		t.Fatal(stderr)
	} else if _, err := os.Stat(filepath.Join(dir, "out.pdf", sample+".en.docx")); err != nil {
		t.Error(err)
	}
	// Several inputs cannot share one file.
	if code, _, stderr := runIn(t, dir, nil, "convert", filepath.Join(filepath.Dir(samplePath(t)), "corpus", "*.txt"), "-o", "all.pdf"); code != 2 || !strings.Contains(stderr, "names one file") {
		t.Errorf("several inputs into one file: exit %d %s", code, stderr)
	}

	// -o - on a terminal: text formats go, binary ones are refused.
	for to, want := range map[string]int{"md": 0, "json": 0, "pdf": 2, "docx": 2} {
		var out, errw bytes.Buffer
		code := run(t.Context(), []string{"scribe", "convert", samplePath(t), "--to", to, "-o", "-"}, IO{In: strings.NewReader(""), Out: &out, Err: &errw, Env: func(string) string { return "" }, OutTTY: true})
		if code != want || (want == 2 && (out.Len() > 0 || !strings.Contains(errw.String(), "redirect it"))) {
			t.Errorf("-o - --to %s on a terminal: exit %d, %q", to, code, errw.String())
		}
	}
	// -f is --from.
	if code, stdout, stderr := runCLI(t, nil, "convert", samplePath(t), "-f", "markdown", "--to", "json", "-o", "-"); code != 0 || !strings.Contains(stdout, "scribe-document") {
		t.Errorf("-f markdown: exit %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, nil, "convert", samplePath(t), "-f", "odt", "-o", t.TempDir()); code != 2 || !strings.Contains(stderr, `unknown input format "odt"`) {
		t.Errorf("-f odt: exit %d %s", code, stderr)
	}
	// scribe's Markdown, edited and converted again: report.en.md gives report.en.docx.
	md := filepath.Join(dir, "report.en.md")
	os.Rename(filepath.Join(dir, "r.md"), md)
	if code, _, stderr := runIn(t, dir, nil, "convert", "report.en.md", "--to", "docx,pdf"); code != 0 {
		t.Fatal(stderr)
	}
	for _, f := range []string{"report.en.docx", "report.en.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "report.en.en.docx")); err == nil {
		t.Error("report.en.en.docx written")
	}
	// …and converting it to Markdown again would overwrite it: refused, naming it.
	code, _, stderr := runIn(t, dir, nil, "convert", "report.en.md", "--to", "md")
	if code != 1 || !strings.Contains(stderr, "overwrite the input") {
		t.Errorf("report.en.md --to md: exit %d %s", code, stderr)
	}
}

// Item 5: --original only names the masthead's "Original:" language; the notes are still
// read (numbered, segmented, translated) as the language they are in, and a disagreement
// with it is a warning unless --source-lang makes it deliberate.
func TestOriginalIsOnlyTheMasthead(t *testing.T) {
	type doc struct {
		Document struct {
			Meta struct {
				OriginalLang, Original, Lang string
			}
			Present struct {
				Masthead []struct{ Key, Text string }
			}
		}
	}
	cases := []struct {
		args       []string
		code       int
		readAs     string
		mastheadIs string
		warns      bool
	}{
		{nil, 0, "en", "Original: English", false},
		{[]string{"--original", "fr"}, 0, "en", "Original: French", true},
		// Read as French, the version is French (its own masthead wording).
		{[]string{"--original", "fr", "--source-lang", "fr"}, 0, "fr", "Original\u00a0: français", false},
		{[]string{"--original", "en"}, 0, "en", "Original: English", false},
		{[]string{"--original", "fr", "--strict"}, 1, "", "", true},
		{[]string{"--original", "de"}, 2, "", "", false},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(t, nil, append([]string{"convert", samplePath(t), "--to", "json", "-o", "-"}, c.args...)...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d: %s", c.args, code, c.code, stderr)
			continue
		}
		if warned := strings.Contains(stderr, "--original fr, but the notes are in \"en\""); warned != c.warns {
			t.Errorf("%v: warning %v, want %v: %s", c.args, warned, c.warns, stderr)
		}
		if c.code == 2 && !strings.Contains(stderr, `--original: unsupported language "de"`) {
			t.Errorf("%v: %s", c.args, stderr)
		}
		if c.code != 0 {
			continue
		}
		var d doc
		if err := json.Unmarshal([]byte(stdout), &d); err != nil {
			t.Fatal(err)
		}
		if d.Document.Meta.OriginalLang != c.readAs {
			t.Errorf("%v: notes read as %q, want %q", c.args, d.Document.Meta.OriginalLang, c.readAs)
		}
		line := ""
		for _, m := range d.Document.Present.Masthead {
			if m.Key == "original" {
				line = m.Text
			}
		}
		if line != c.mastheadIs {
			t.Errorf("%v: masthead %q, want %q", c.args, line, c.mastheadIs)
		}
	}
}

// Item 15 (the route is issue 13's; TestLocalesOverlayReachesReaderAndNormalizers checks
// convert --locales): the overlay also reaches inspect and extract, and the project file's
// locales key is the same flag.
func TestLocalesOverlayEverywhere(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("The delegation of Freedonia said that the budget should be reviewed again next year by all members.\n\nRuritania opined that the proposal went too far and needed a second reading by the committee.\n"), 0o644)
	en, err := locales.MustEmbedded().Lookup("en")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "overlay"), 0o755)
	verbs := append(append([]string(nil), en.Speech.Verbs...), "opined")
	os.WriteFile(filepath.Join(dir, "overlay", "en.yaml"), []byte("speech:\n  verbs: ["+strings.Join(verbs, ", ")+"]\n"), 0o644)
	for _, c := range []struct {
		name string
		args []string
		yaml string
	}{
		{"flag", []string{"--locales", "overlay"}, ""},
		{"project file", nil, "locales: overlay\n"},
	} {
		os.WriteFile(filepath.Join(dir, "scribe.yaml"), []byte(c.yaml), 0o644)
		code, stdout, stderr := runIn(t, dir, nil, append([]string{"inspect", "notes.txt"}, c.args...)...)
		if code != 0 || !strings.Contains(stdout, "[speaker: Ruritania]") {
			t.Errorf("%s: inspect does not see the overlay's verb (exit %d): %s%s", c.name, code, stdout, stderr)
		}
		code, _, stderr = runIn(t, dir, nil, append([]string{"extract", "notes.txt", "--target", "fr", "-o", "x-" + c.name, "-q"}, c.args...)...)
		xlf, _ := os.ReadFile(filepath.Join(dir, "x-"+c.name, "notes.fr.xlf"))
		if code != 0 || !strings.Contains(string(xlf), "Speaker: Ruritania") {
			t.Errorf("%s: extract does not see the overlay's verb (exit %d): %s", c.name, code, stderr)
		}
	}
}
