package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs scribe in-process with captured output.
func runCLI(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errw bytes.Buffer
	getenv := func(k string) string { return env[k] }
	code = run(context.Background(), append([]string{"scribe"}, args...), IO{In: strings.NewReader(""), Out: &out, Err: &errw, Env: getenv})
	return code, out.String(), errw.String()
}

func repoFile(parts ...string) string {
	return filepath.Join(append([]string{"..", ".."}, parts...)...)
}

const sample = "wsis-itu-consultation-2005-05-02"

func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

func TestConvertSampleAllFormats(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := runCLI(t, map[string]string{"SOURCE_DATE_EPOCH": "1114992000"},
		"convert", repoFile("testdata", sample+".txt"), "--to", "docx,pdf,md,json", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, ext := range []string{"docx", "pdf", "md", "json"} {
		if _, err := os.Stat(filepath.Join(out, sample+".en."+ext)); err != nil {
			t.Errorf("missing .%s output: %v", ext, err)
		}
	}
	md, _ := os.ReadFile(filepath.Join(out, sample+".en.md"))
	for _, want := range []string{"1\\. After some welcoming remarks", "(a) The Stocktaking", "(b) The Stakeholder"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
}

func TestOutputsAreByteIdenticalAcrossRunsAndJobs(t *testing.T) {
	env := map[string]string{"SOURCE_DATE_EPOCH": "1114992000"}
	in := t.TempDir()
	for i := 0; i < 6; i++ {
		data, err := os.ReadFile(repoFile("testdata", sample+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		data = bytes.Replace(data, []byte("Canada"), []byte(fmt.Sprintf("Canada (%d)", i)), 1)
		os.WriteFile(filepath.Join(in, fmt.Sprintf("n%d.txt", i)), data, 0o644)
	}
	outs := []string{t.TempDir(), t.TempDir(), t.TempDir()}
	for i, jobs := range []string{"1", "1", "8"} {
		if code, _, stderr := runCLI(t, env, "convert", "-r", in, "--to", "docx,pdf", "--jobs", jobs, "-o", outs[i], "-q"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	files := filesIn(t, outs[0])
	if len(files) != 12 {
		t.Fatalf("got %d outputs: %v", len(files), files)
	}
	for _, f := range files {
		a, _ := os.ReadFile(filepath.Join(outs[0], f))
		for _, other := range outs[1:] {
			b, _ := os.ReadFile(filepath.Join(other, f))
			if !bytes.Equal(a, b) {
				t.Errorf("%s differs between runs (%s)", f, other)
			}
		}
	}
}

// badInputs are the hostile files of the hardening matrix; each must fail alone, with a
// one-line error naming it, exit code 1 and no output.
func badInputs(t *testing.T) map[string]string {
	dir := t.TempDir()
	files := map[string]string{}
	for _, name := range []string{"empty.txt", "whitespace.txt", "image.txt", "bad-encoding.txt", "notzip.docx", "bad-frontmatter.txt"} {
		files[name] = repoFile("testdata", "bad", name)
	}
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files[name] = p
	}
	// A 100 MB single line: over the default input limit, refused before it is read whole.
	big := bytes.Repeat([]byte("a"), 100<<20)
	write("huge-line.txt", big)
	// 50 levels of nested bullets.
	var nested strings.Builder
	nested.WriteString("The Chair introduced the list:\n")
	for i := 0; i < 50; i++ {
		nested.WriteString(strings.Repeat("  ", i) + "- level " + fmt.Sprint(i) + "\n")
	}
	write("nested.txt", []byte(nested.String()))
	// DOCX: a truncated zip, a zip bomb, billion laughs, missing parts.
	sampleDocx := makeDocx(t, map[string]string{"word/document.xml": docXML("Canada said hello.")})
	write("truncated.docx", sampleDocx[:len(sampleDocx)/2])
	write("bomb.docx", makeDocx(t, map[string]string{"word/document.xml": docXML(strings.Repeat("x", 80<<20))}))
	write("laughs.docx", makeDocx(t, map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`}))
	write("noparts.docx", makeDocx(t, map[string]string{"docProps/app.xml": "<Properties/>"}))
	return files
}

func docXML(text string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:body></w:document>`
}

func makeDocx(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	ct := `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	all := map[string]string{"[Content_Types].xml": ct}
	for k, v := range parts {
		all[k] = v
	}
	for name, content := range all {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	zw.Close()
	return buf.Bytes()
}

func TestBadInputsFailCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	for name, path := range badInputs(t) {
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			code, stdout, stderr := runCLI(t, nil, "convert", path, "--to", "docx,pdf,md", "-o", out)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stderr: %s", code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			first := lines[0]
			if !strings.Contains(first, filepath.Base(path)) {
				t.Errorf("error does not name the file: %q", first)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace leaked: %s", stderr)
			}
			if stdout != "" {
				t.Errorf("stdout not empty: %q", stdout)
			}
			if files := filesIn(t, out); len(files) != 0 {
				t.Errorf("left output files: %v", files)
			}
		})
	}
}

func TestBatchWithBadInputsGoesOn(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	out := t.TempDir()
	report := filepath.Join(t.TempDir(), "report.json")
	args := []string{"convert", "-r", repoFile("testdata", "corpus"), repoFile("testdata", sample+".txt"), "--to", "docx,pdf,md", "-o", out, "--report", report}
	for _, p := range badInputs(t) {
		args = append(args, p)
	}
	code, _, stderr := runCLI(t, map[string]string{"SOURCE_DATE_EPOCH": "1114992000"}, args...)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, stderr)
	}
	var rep struct {
		Totals struct{ Inputs, Converted, Failed int }
		Inputs []struct {
			Input   string
			Error   string
			Outputs []struct{ Path, SHA256 string }
		}
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Totals.Converted != 7 || rep.Totals.Failed != len(badInputs(t)) { // the corpus folder (6 files) and the sample
		t.Fatalf("totals %+v\n%s", rep.Totals, stderr)
	}
	for _, f := range filesIn(t, out) {
		if strings.Contains(f, ".scribe-tmp-") {
			t.Errorf("temporary file left: %s", f)
		}
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	cases := [][]string{
		{"convert"},
		{"convert", "x.txt", "--no-such-flag"},
		{"convert", repoFile("testdata", sample+".txt"), "--lang", "de", "-o", t.TempDir()},
		{"convert", repoFile("testdata", sample+".txt"), "--to", "odt", "-o", t.TempDir()},
		{"frobnicate"},
	}
	for _, args := range cases {
		code, _, stderr := runCLI(t, nil, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
	}
	code, _, stderr := runCLI(t, nil, "convert", repoFile("testdata", sample+".txt"), "--lang", "de", "-o", t.TempDir())
	if code != 2 || !strings.Contains(stderr, "ar, zh, en, fr, ru, es") {
		t.Errorf("unknown language message: %s", stderr)
	}
}

func TestInspectExplainsDecisions(t *testing.T) {
	code, stdout, stderr := runCLI(t, nil, "inspect", repoFile("testdata", sample+".txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Count(stdout, " heading ") != 4 {
		t.Errorf("want 4 headings in inspect output:\n%s", stdout)
	}
	if !strings.Contains(stdout, "[speaker: Canada]") || !strings.Contains(stdout, " — ") {
		t.Errorf("inspect lacks speakers or reasons:\n%s", stdout)
	}
}

func TestInitWritesProjectFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "scribe.yaml")
	if code, _, stderr := runCLI(t, nil, "init", path); code != 0 {
		t.Fatal(stderr)
	}
	if _, err := loadConfig(path); err != nil {
		t.Fatalf("template does not load: %v", err)
	}
	if code, _, _ := runCLI(t, nil, "init", path); code != 2 {
		t.Fatal("init overwrote an existing file")
	}
}
