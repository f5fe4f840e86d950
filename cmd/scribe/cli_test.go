package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/formats/pdf/fontfile"
	"github.com/scribe-un/scribe/formats/sniff"
	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/normalize"
	"github.com/urfave/cli/v3"
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
	files := testutil.FilesIn(t, outs[0])
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
	for _, name := range []string{"empty.txt", "whitespace.txt", "image.txt", "bad-encoding.txt", "notzip.docx", "bad-frontmatter.txt", "empty-document.docx"} {
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
	// A zip bomb whose header lies: it declares 1 KB for a part that inflates to 80 MB.
	write("bomb-lying.docx", lyingBomb(t, 80<<20))
	return files
}

// badMentions is what each bad input's error must say besides the file name: the line or
// the package part at fault, when there is one.
var badMentions = map[string]string{
	"empty-document.docx": "empty-document.docx:word/document.xml",
	"image.txt":           "image.txt:3:",
	"bad-encoding.txt":    "bad-encoding.txt:3:",
	"bad-frontmatter.txt": "bad-frontmatter.txt:2:",
	"nested.txt":          "nested.txt:34:",
	"bomb.docx":           "bomb.docx:word/document.xml",
	"bomb-lying.docx":     "bomb-lying.docx:word/document.xml",
	"laughs.docx":         "laughs.docx:word/document.xml",
	"noparts.docx":        "noparts.docx:word/document.xml",
	"huge-line.txt":       "--max-input-size",
}

// lyingBomb is a DOCX whose word/document.xml inflates to n bytes while its zip headers
// declare 1 KB, so a reader that trusts the header would inflate it all.
func lyingBomb(t *testing.T, n int) []byte {
	t.Helper()
	body := docXML(strings.Repeat("x", n))
	var comp bytes.Buffer
	fw, err := flate.NewWriter(&comp, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte(body))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("[Content_Types].xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
	raw, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE([]byte(body)), CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1024})
	if err != nil {
		t.Fatal(err)
	}
	raw.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
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
			if want := badMentions[name]; want != "" && !strings.Contains(first, want) {
				t.Errorf("error does not say %q: %q", want, first)
			}
			if len(lines) > 2 || len(lines) == 2 && !strings.HasPrefix(lines[1], "scribe: 0 converted, 1 failed") {
				t.Errorf("more than the error line and the summary:\n%s", stderr)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace leaked: %s", stderr)
			}
			if stdout != "" {
				t.Errorf("stdout not empty: %q", stdout)
			}
			if files := testutil.FilesIn(t, out); len(files) != 0 {
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
	// The corpus folder holds a copy of the sample, so the extra input is another file: two
	// inputs of one stem into one folder are refused before anything is written.
	args := []string{"convert", "-r", repoFile("testdata", "corpus"), repoFile("testdata", "i18n", "fr.txt"), "--to", "docx,pdf,md", "-o", out, "--report", report}
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
	if rep.Totals.Converted != 7 || rep.Totals.Failed != len(badInputs(t)) { // the corpus folder (6 files) and fr.txt
		t.Fatalf("totals %+v\n%s", rep.Totals, stderr)
	}
	for _, f := range testutil.FilesIn(t, out) {
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
		{"extract", repoFile("testdata", sample+".txt"), "--target", "de", "-o", t.TempDir()},
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

// failsCleanly checks the contract of a failed run: the exit code, a first line on standard
// error naming the file (and what is wrong with it), no stack trace, nothing on standard
// output and no file in out.
func failsCleanly(t *testing.T, code int, stdout, stderr string, wantCode int, out string, mentions ...string) {
	t.Helper()
	if code != wantCode {
		t.Fatalf("exit %d, want %d; stderr: %s", code, wantCode, stderr)
	}
	first := strings.SplitN(strings.TrimSpace(stderr), "\n", 2)[0]
	for _, m := range mentions {
		if !strings.Contains(first, m) {
			t.Errorf("first error line does not say %q: %q", m, first)
		}
	}
	if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
		t.Errorf("stack trace leaked: %s", stderr)
	}
	if stdout != "" {
		t.Errorf("stdout not empty: %q", stdout)
	}
	if files := testutil.FilesIn(t, out); len(files) != 0 {
		t.Errorf("left output files: %v", files)
	}
}

// TestBadTranslationFiles: a translation file that is malformed, repeats a unit id or was
// made for other notes fails the conversion with a one-line error naming it; so does a
// malformed memory given to extract. A memory is not tied to one document: TMX leaves tuid
// uniqueness open (one source may have several translations) and a memory in another
// language pair simply offers nothing, so those extract normally.
func TestBadTranslationFiles(t *testing.T) {
	dir := t.TempDir()
	notesPath := repoFile("testdata", sample+".txt")
	xl := filepath.Join(dir, "xliff")
	if code, _, stderr := runCLI(t, nil, "extract", notesPath, "--target", "fr", "-o", xl, "-q"); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	good, err := os.ReadFile(filepath.Join(xl, sample+".fr.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	// Duplicate ids: the first paragraph's unit twice.
	start := bytes.Index(good, []byte(`<unit id="p1"`))
	end := start + bytes.Index(good[start:], []byte("</unit>")) + len("</unit>")
	if start < 0 || end < start {
		t.Fatal("no unit p1 in the extracted file")
	}
	dup := append(append(append([]byte(nil), good[:end]...), good[start:end]...), good[end:]...)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	dupPath := write("dup.fr.xlf", dup)
	other := filepath.Join(dir, "other")
	if code, _, stderr := runCLI(t, nil, "extract", repoFile("testdata", "corpus", "hackerspace-board-minutes.txt"), "--target", "fr", "-o", other, "-q"); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	otherPath := filepath.Join(other, "hackerspace-board-minutes.fr.xlf")

	t.Run("convert", func(t *testing.T) {
		cases := map[string]struct {
			file     string
			mentions []string
		}{
			"malformed":      {repoFile("testdata", "bad", "malformed.xlf"), []string{"malformed.xlf:3:", "malformed"}},
			"duplicate ids":  {dupPath, []string{"dup.fr.xlf:", `duplicate unit id "p1"`}},
			"other document": {otherPath, []string{"hackerspace-board-minutes.fr.xlf", "does not belong to this document"}},
		}
		for name, c := range cases {
			t.Run(name, func(t *testing.T) {
				out := t.TempDir()
				code, stdout, stderr := runCLI(t, nil, "convert", notesPath, "--lang", "fr", "--translations", c.file, "--to", "docx,md", "-o", out)
				failsCleanly(t, code, stdout, stderr, 1, out, c.mentions...)
			})
		}
	})

	t.Run("tm export malformed", func(t *testing.T) {
		out := t.TempDir()
		code, stdout, stderr := runCLI(t, nil, "tm", "export", repoFile("testdata", "bad", "malformed.xlf"), "-o", filepath.Join(out, "m.tmx"))
		failsCleanly(t, code, stdout, stderr, 1, out, "malformed.xlf:3:")
	})

	tmxHead := `<?xml version="1.0"?><tmx version="1.4"><header srclang="%s" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="x"/><body>`
	t.Run("extract --tm malformed", func(t *testing.T) {
		bad := write("bad.tmx", []byte(fmt.Sprintf(tmxHead, "en")+`<tu><tuv xml:lang="en"><seg>x</seg>`))
		out := t.TempDir()
		code, stdout, stderr := runCLI(t, nil, "extract", notesPath, "--target", "fr", "--tm", bad, "-o", out)
		failsCleanly(t, code, stdout, stderr, 1, out, "bad.tmx:1:", "malformed")
	})
	memories := map[string]string{
		"duplicate tuids": fmt.Sprintf(tmxHead, "en") +
			`<tu tuid="1"><tuv xml:lang="en"><seg>The ILO supported the USA proposal.</seg></tuv><tuv xml:lang="fr"><seg>L'OIT a appuyé la proposition.</seg></tuv></tu>` +
			`<tu tuid="1"><tuv xml:lang="en"><seg>The ILO supported the USA proposal.</seg></tuv><tuv xml:lang="fr"><seg>L'OIT a soutenu la proposition.</seg></tuv></tu></body></tmx>`,
		"other language pair": fmt.Sprintf(tmxHead, "ru") +
			`<tu tuid="1"><tuv xml:lang="ru"><seg>Привет.</seg></tuv><tuv xml:lang="zh"><seg>你好。</seg></tuv></tu></body></tmx>`,
	}
	for name, tmx := range memories {
		t.Run("extract --tm "+name, func(t *testing.T) {
			mem := write(strings.ReplaceAll(name, " ", "-")+".tmx", []byte(tmx))
			out := t.TempDir()
			code, _, stderr := runCLI(t, nil, "extract", notesPath, "--target", "fr", "--tm", mem, "-o", out, "-q")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if _, err := os.Stat(filepath.Join(out, sample+".fr.xlf")); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestFontNotAFont: a --font file that is not a font stops the run before any input is
// read, with one line naming it and exit code 1. Not 2: the command line is well formed
// (usage errors are unknown flags, formats and languages); a file's content is wrong, as
// with a bad --translations or --reference-doc file, and the fix is in the file.
func TestFontNotAFont(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, nil, "convert", repoFile("testdata", sample+".txt"), "--to", "pdf", "--font", repoFile("testdata", "bad", "notafont.ttf"), "-o", out)
	failsCleanly(t, code, stdout, stderr, 1, out, "notafont.ttf", "not a TrueType font")
	if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != 0 {
		t.Errorf("want one line, got:\n%s", stderr)
	}
}

// TestMillionLinesFinish: a million short lines (20 MB, under the input limit) are converted
// in bounded time. PDF is left out here: it is measured separately (26 316 pages, see the
// hardening report), as it would dominate the test suite's time and memory.
func TestMillionLinesFinish(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	dir := t.TempDir()
	var b bytes.Buffer
	for i := 0; i < 1_000_000; i++ {
		fmt.Fprintf(&b, "Canada said %d.\n", i)
	}
	in := filepath.Join(dir, "million.txt")
	if err := os.WriteFile(in, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	type result struct {
		code   int
		stderr string
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		code, _, stderr := runCLI(t, nil, "convert", in, "--to", "docx,md", "-o", out, "-q", "--max-blocks", "2000000")
		done <- result{code, stderr}
	}()
	const limit = 3 * time.Minute
	select {
	case r := <-done:
		t.Logf("a million lines: exit %d in %v", r.code, time.Since(start).Round(time.Millisecond))
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if files := testutil.FilesIn(t, out); len(files) != 2 {
			t.Fatalf("outputs: %v", files)
		}
	case <-time.After(limit):
		t.Fatalf("a million lines took more than %v", limit)
	}
	// With the default limits the same file is refused, with one line naming the limit.
	code, _, stderr := runCLI(t, nil, "convert", in, "--to", "pdf", "-o", filepath.Join(dir, "refused"), "-q")
	if code != 1 || !strings.Contains(stderr, "million.txt") || !strings.Contains(stderr, "--max-blocks") {
		t.Fatalf("default limits: exit %d, %q", code, stderr)
	}
	if files := testutil.FilesIn(t, filepath.Join(dir, "refused")); len(files) != 0 {
		t.Fatalf("refused input left %v", files)
	}
}

// panicWriter is a test-only writer that panics on inputs whose name contains "boom".
type panicWriter struct{}

func (panicWriter) Format() string { return "boom" }
func (panicWriter) Ext() string    { return ".boom" }
func (panicWriter) Write(_ context.Context, w io.Writer, doc *model.Document, _ model.WriteOptions) error {
	if strings.Contains(doc.Source, "boom") {
		var m map[string]int
		m["writer blew up"]++ // a real runtime panic: assignment to entry in nil map
	}
	_, err := io.WriteString(w, doc.Source)
	return err
}

// TestWriterPanicBecomesInputError: a panic inside a writer fails that input only, with a
// one-line error naming it; the other inputs of the batch are converted; the stack is
// printed with --verbose and only then.
func TestWriterPanicBecomesInputError(t *testing.T) {
	for _, verbose := range []bool{false, true} {
		t.Run(fmt.Sprintf("verbose=%v", verbose), func(t *testing.T) {
			dir := t.TempDir()
			notes, err := os.ReadFile(repoFile("testdata", sample+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			var inputs []string
			for _, name := range []string{"a.txt", "boom.txt", "c.txt"} {
				p := filepath.Join(dir, "in", name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, notes, 0o644); err != nil {
					t.Fatal(err)
				}
				inputs = append(inputs, p)
			}
			reg, err := buildRegistry(registryOptions{})
			if err != nil {
				t.Fatal(err)
			}
			reg.AddWriter(panicWriter{})
			runner, err := pipeline.NewRunner(pipeline.Options{
				Registry: reg, Locales: locales.MustEmbedded(), FormatOf: sniff.FromExtension, Sniff: sniff.Format,
				To: []string{"md", "boom"}, SourceTransforms: normalize.Source(), OutputTransforms: normalize.Output(normalize.OutputOptions{}),
			})
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			stdio := IO{Out: io.Discard, Err: &stderr, Env: func(string) string { return "" }}
			prog := newProgress(stdio, len(inputs), false, verbose)
			out := filepath.Join(dir, "out")
			jobs := make(chan pipeline.Job, len(inputs))
			for _, p := range inputs {
				jobs <- pipeline.Job{Path: p, OutDir: out}
			}
			close(jobs)
			ok, failed, _ := runner.Batch(context.Background(), jobs, pipeline.BatchOptions{Jobs: 1, OnStart: func(j pipeline.Job) { prog.start(j.Path) }, OnDone: prog.done})
			prog.finish(ok, failed, 0, 0)
			if ok != 2 || failed != 1 {
				t.Fatalf("ok %d, failed %d\n%s", ok, failed, stderr.String())
			}
			var errLine string
			for _, l := range strings.Split(stderr.String(), "\n") {
				if strings.Contains(l, "internal error") {
					errLine = l
					break
				}
			}
			if !strings.Contains(errLine, "boom.txt") || !strings.Contains(errLine, "assignment to entry in nil map") {
				t.Errorf("no one-line error naming the input and the panic:\n%s", stderr.String())
			}
			hasStack := strings.Contains(stderr.String(), "goroutine") && strings.Contains(stderr.String(), "panicWriter")
			if hasStack != verbose {
				t.Errorf("stack printed: %v, want %v:\n%s", hasStack, verbose, stderr.String())
			}
			files := testutil.FilesIn(t, out)
			if len(files) != 4 {
				t.Errorf("want md and boom outputs of a.txt and c.txt only, got %v", files)
			}
			for _, f := range files {
				if strings.HasPrefix(f, "boom.") {
					t.Errorf("output left for the failed input: %s", f)
				}
			}
		})
	}
}

func TestSkipUnchanged(t *testing.T) {
	in := t.TempDir()
	data, err := os.ReadFile(repoFile("testdata", sample+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.txt", "b.txt"} {
		os.WriteFile(filepath.Join(in, name), data, 0o644)
	}
	out, report := t.TempDir(), filepath.Join(t.TempDir(), "r.json")
	env := map[string]string{"SOURCE_DATE_EPOCH": "1114992000"}
	args := []string{"convert", "-r", in, "--to", "md", "-o", out, "--skip-unchanged", "--report", report}
	totals := func() (converted, skipped int) {
		var rep struct {
			Totals struct{ Converted, Skipped int }
		}
		raw, _ := os.ReadFile(report)
		if err := json.Unmarshal(raw, &rep); err != nil {
			t.Fatal(err)
		}
		return rep.Totals.Converted, rep.Totals.Skipped
	}
	if code, _, stderr := runCLI(t, env, args...); code != 0 {
		t.Fatal(stderr)
	}
	if c, s := totals(); c != 2 || s != 0 {
		t.Fatalf("first run: converted %d, skipped %d", c, s)
	}
	if code, _, stderr := runCLI(t, env, args...); code != 0 {
		t.Fatal(stderr)
	}
	if c, s := totals(); c != 0 || s != 2 {
		t.Fatalf("second run: converted %d, skipped %d", c, s)
	}
	// A changed input, and a changed option, are converted again.
	os.WriteFile(filepath.Join(in, "b.txt"), append(data, []byte("\nCanada said one more thing.\n")...), 0o644)
	runCLI(t, env, args...)
	if c, s := totals(); c != 1 || s != 1 {
		t.Fatalf("after an edit: converted %d, skipped %d", c, s)
	}
	runCLI(t, env, append(args, "--title", "Another title")...)
	if c, s := totals(); c != 2 || s != 0 {
		t.Fatalf("after an option change: converted %d, skipped %d", c, s)
	}
}

// TestCPUProfile: the hidden --cpu-profile flag writes a profile pprof can read.
func TestCPUProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "cpu.prof")
	code, _, stderr := runCLI(t, nil, "convert", repoFile("testdata", sample+".txt"), "--to", "pdf", "-o", dir, "-q", "--cpu-profile", prof)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(prof)
	if err != nil || len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b { // gzipped protobuf
		t.Errorf("no profile written (%v, %d bytes)", err, len(b))
	}
	code, _, stderr = runCLI(t, nil, "convert", repoFile("testdata", sample+".txt"), "-o", dir, "--cpu-profile", filepath.Join(dir, "no", "such", "dir", "p"))
	failsCleanly(t, code, "", stderr, 1, "", "cpu-profile")
}

// TestCommandPanicIsAnInternalError: a command's action is its recover boundary; the
// stack is printed only under --verbose.
func TestCommandPanicIsAnInternalError(t *testing.T) {
	for _, verbose := range []bool{false, true} {
		var stderr bytes.Buffer
		app := &cli.Command{Name: "scribe", Flags: []cli.Flag{verboseFlag()}, Writer: io.Discard, ErrWriter: &stderr,
			Commands: []*cli.Command{{Name: "boom", Action: func(context.Context, *cli.Command) error { panic("boom") }}}}
		guardActions(app, IO{Err: &stderr})
		args := []string{"scribe", "boom"}
		if verbose {
			args = append(args, "-v")
		}
		err := app.Run(context.Background(), args)
		var pe *model.PanicError
		if !errors.As(err, &pe) || err.Error() != "internal error: boom" {
			t.Fatalf("err = %v, want an internal error", err)
		}
		if got := strings.Contains(stderr.String(), "goroutine"); got != verbose {
			t.Errorf("verbose %v: stack printed = %v", verbose, got)
		}
	}
}

// TestFontCacheEnv: $SCRIBE_FONT_CACHE names the file the index of the system's fonts is
// cached in, or turns the cache off; the Arabic and Chinese PDFs are the same bytes either
// way, and --no-system-fonts never writes it.
func TestFontCacheEnv(t *testing.T) {
	cache := filepath.Join(t.TempDir(), "cache", "fonts.json")
	convert := func(cacheEnv string, lang string, extra ...string) []byte {
		t.Helper()
		out := filepath.Join(t.TempDir(), "out.pdf")
		args := append([]string{"convert", repoFile("testdata", sample+".txt"), "--lang", lang, "--to", "pdf", "-o", out}, extra...)
		code, _, stderr := runCLI(t, map[string]string{"SOURCE_DATE_EPOCH": "1114992000", "SCRIBE_FONT_CACHE": cacheEnv}, args...)
		if code != 0 {
			t.Fatalf("%s, SCRIBE_FONT_CACHE=%s: exit %d: %s", lang, cacheEnv, code, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	convert(cache, "en", "--no-system-fonts")
	convert(cache, "ar", "--no-system-fonts")
	if _, err := os.Stat(cache); err == nil {
		t.Fatal("--no-system-fonts wrote the font index")
	}
	langs := []string{"ar"}
	if fs, err := pdf.LoadFonts(pdf.FontOptions{}); err == nil && fs.Languages()["zh"] {
		langs = append(langs, "zh") // a Chinese face is installed
	}
	for _, lang := range langs {
		off := convert("off", lang)
		cold := convert(cache, lang)
		warm := convert(cache, lang)
		if !bytes.Equal(off, cold) || !bytes.Equal(off, warm) {
			t.Errorf("%s: PDF differs with the font cache (%d bytes off, %d cold, %d warm)", lang, len(off), len(cold), len(warm))
		}
	}
	if len(fontfile.Discover(nil)) > 0 {
		if b, err := os.ReadFile(cache); err != nil || !json.Valid(b) {
			t.Errorf("font index not written to $SCRIBE_FONT_CACHE: %v", err)
		}
	}
}
