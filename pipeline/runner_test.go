package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
)

// lineReader makes one paragraph per line; a line "PANIC" panics, "FAIL" fails.
type lineReader struct{}

func (lineReader) Format() string { return "lines" }
func (lineReader) Read(_ context.Context, data []byte, opts model.ReadOptions) (*model.Document, error) {
	doc := &model.Document{Source: opts.Name, Meta: model.Metadata{OriginalLang: "en"}}
	for i, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		switch l {
		case "PANIC":
			panic("reader blew up")
		case "FAIL":
			return nil, model.Errorf("lines", model.Pos{File: opts.Name, Line: i + 1}, model.ErrMalformed, "bad line")
		case "WARN":
			opts.Warnings.Warn("lines", model.Pos{File: opts.Name, Line: i + 1}, "suspicious line")
		}
		doc.Blocks = append(doc.Blocks, &model.Paragraph{Pos: model.Pos{File: opts.Name, Line: i + 1}, Numbered: true, Inlines: model.Texts(l, i+1)})
	}
	return doc, nil
}

// textWriter prints "lang: text" lines; the "bad" format fails after the first format wrote.
type textWriter struct{ name string }

func (w textWriter) Format() string { return w.name }
func (w textWriter) Ext() string    { return "." + w.name }
func (w textWriter) Write(_ context.Context, out io.Writer, doc *model.Document, opts model.WriteOptions) error {
	if w.name == "bad" {
		return errors.New("writer failed")
	}
	fmt.Fprintf(out, "%s %s\n", opts.Locale.Tag, opts.Created.Format(time.RFC3339))
	for _, b := range doc.Blocks {
		fmt.Fprintln(out, model.PlainText(b.(*model.Paragraph).Inlines))
	}
	return nil
}

func newRunner(t *testing.T, to ...string) *pipeline.Runner {
	t.Helper()
	reg := pipeline.NewRegistry()
	reg.AddReader(lineReader{})
	for _, f := range []string{"txt", "bad"} {
		reg.AddWriter(textWriter{f})
	}
	epoch := time.Unix(1114992000, 0)
	r, err := pipeline.NewRunner(pipeline.Options{Registry: reg, Locales: locales.MustEmbedded(), From: "lines", To: to, SourceDateEpoch: &epoch})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConvertWritesNamedOutputs(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "in", "notes.txt"), "one\ntwo\n")
	out := filepath.Join(dir, "out")
	res := newRunner(t, "txt").Convert(context.Background(), pipeline.Job{Path: in, OutDir: out, RelDir: "sub"})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	want := filepath.Join(out, "sub", "notes.en.txt")
	if len(res.Outputs) != 1 || res.Outputs[0].Path != want || len(res.Outputs[0].SHA256) != 64 {
		t.Fatalf("outputs: %+v", res.Outputs)
	}
	data, _ := os.ReadFile(want)
	if !strings.HasPrefix(string(data), "en 2005-05-02T00:00:00Z\none\n") {
		t.Fatalf("content: %q", data)
	}
}

func TestFailingInputLeavesNoOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	cases := map[string]struct {
		content string
		to      []string
		want    string
	}{
		"reader error":  {"ok\nFAIL\n", []string{"txt"}, "lines: " + filepath.Join(dir, "in.txt") + ":2: malformed input: bad line"},
		"reader panic":  {"PANIC\n", []string{"txt"}, "internal error: reader blew up"},
		"second writer": {"ok\n", []string{"txt", "bad"}, "writer failed"},
	}
	for name, c := range cases {
		in := writeFile(t, filepath.Join(dir, "in.txt"), c.content)
		res := newRunner(t, c.to...).Convert(context.Background(), pipeline.Job{Path: in, OutDir: out})
		if res.Err == nil || !strings.Contains(res.Err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", name, res.Err, c.want)
		}
		if strings.Contains(res.Err.Error(), "\n") {
			t.Errorf("%s: error is not one line: %q", name, res.Err)
		}
		if files := testutil.FilesIn(t, out); len(files) != 0 {
			t.Errorf("%s: left files %v", name, files)
		}
		// The job's boundary keeps the stack of a panic (for --verbose): the reader's frame
		// is in it, as no recover below the boundary cut it off.
		if name == "reader panic" && !strings.Contains(res.Stack, "lineReader.Read") {
			t.Errorf("stack of the panic does not show the reader: %q", res.Stack)
		}
	}
}

func TestStrictTurnsWarningsIntoErrors(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "in.txt"), "WARN\n")
	r := newRunner(t, "txt")
	res := r.Convert(context.Background(), pipeline.Job{Path: in, OutDir: dir})
	if res.Err != nil || len(res.Warnings) != 1 {
		t.Fatalf("non-strict: %v %v", res.Err, res.Warnings)
	}
	opts := r.Options()
	opts.Strict = true
	strict, _ := pipeline.NewRunner(opts)
	res = strict.Convert(context.Background(), pipeline.Job{Path: in, OutDir: filepath.Join(dir, "strict")})
	if !errors.Is(res.Err, model.ErrStrict) || !strings.Contains(res.Err.Error(), "in.txt:1") {
		t.Fatalf("strict: %v", res.Err)
	}
}

func TestOutputSafety(t *testing.T) {
	dir := t.TempDir()
	r := newRunner(t, "txt")
	// An output that would overwrite its input: x.en.txt → x.en.txt (the language tag of
	// the name is not repeated).
	writeFile(t, filepath.Join(dir, "x.en.txt"), "hello\n")
	res := r.Convert(context.Background(), pipeline.Job{Path: filepath.Join(dir, "x.en.txt"), OutDir: dir})
	if !errors.Is(res.Err, model.ErrUnsafePath) || !strings.Contains(res.Err.Error(), "overwrite the input") {
		t.Fatalf("output over its input: %v", res.Err)
	}
	clash := writeFile(t, filepath.Join(dir, "c", "same"), "hello\n")
	link := filepath.Join(dir, "c", "same.en.txt")
	if err := os.Symlink(clash, link); err != nil {
		t.Skip("no symlinks here")
	}
	res = r.Convert(context.Background(), pipeline.Job{Path: clash, OutDir: filepath.Join(dir, "c")})
	if !errors.Is(res.Err, model.ErrUnsafePath) {
		t.Fatalf("overwrite through a link: %v", res.Err)
	}
	// A symlinked folder inside the output folder pointing outside it.
	outside := t.TempDir()
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	if err := os.Symlink(outside, filepath.Join(out, "escape")); err != nil {
		t.Fatal(err)
	}
	src := writeFile(t, filepath.Join(dir, "n.txt"), "hi\n")
	res = r.Convert(context.Background(), pipeline.Job{Path: src, OutDir: out, RelDir: "escape"})
	if !errors.Is(res.Err, model.ErrUnsafePath) {
		t.Fatalf("escape: %v", res.Err)
	}
	if files := testutil.FilesIn(t, outside); len(files) != 0 {
		t.Fatalf("wrote outside: %v", files)
	}
}

func TestBatchIsRepeatableAcrossWorkers(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 30; i++ {
		content := fmt.Sprintf("paragraph %d\nanother\n", i)
		if i%7 == 3 {
			content = "FAIL\n"
		}
		paths = append(paths, writeFile(t, filepath.Join(dir, "in", fmt.Sprintf("n%02d.txt", i)), content))
	}
	run := func(jobs int, out string) (int, int, map[string][]byte) {
		ch := make(chan pipeline.Job)
		go func() {
			for _, p := range paths {
				ch <- pipeline.Job{Path: p, OutDir: out}
			}
			close(ch)
		}()
		ok, failed, _ := newRunner(t, "txt").Batch(context.Background(), ch, pipeline.BatchOptions{Jobs: jobs})
		files := map[string][]byte{}
		for _, f := range testutil.FilesIn(t, out) {
			files[f], _ = os.ReadFile(filepath.Join(out, f))
		}
		return ok, failed, files
	}
	ok1, failed1, files1 := run(1, filepath.Join(dir, "o1"))
	ok8, failed8, files8 := run(8, filepath.Join(dir, "o8"))
	if ok1 != 26 || failed1 != 4 || ok8 != ok1 || failed8 != failed1 {
		t.Fatalf("counts: %d/%d vs %d/%d", ok1, failed1, ok8, failed8)
	}
	if len(files1) != 26 || len(files8) != 26 {
		t.Fatalf("files: %d %d", len(files1), len(files8))
	}
	for name, data := range files1 {
		if !bytes.Equal(data, files8[name]) {
			t.Fatalf("%s differs between --jobs 1 and --jobs 8", name)
		}
		if strings.HasPrefix(name, ".scribe-tmp-") {
			t.Fatalf("temporary file left: %s", name)
		}
	}
}

func TestBatchFailFastAndCancel(t *testing.T) {
	dir := t.TempDir()
	ch := make(chan pipeline.Job, 100)
	for i := 0; i < 100; i++ {
		content := "ok\n"
		if i == 0 {
			content = "FAIL\n"
		}
		ch <- pipeline.Job{Path: writeFile(t, filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), content), OutDir: filepath.Join(dir, "out")}
	}
	close(ch)
	ok, failed, _ := newRunner(t, "txt").Batch(context.Background(), ch, pipeline.BatchOptions{Jobs: 1, FailFast: true})
	if failed != 1 || ok != 0 {
		t.Fatalf("fail-fast went on: ok=%d failed=%d", ok, failed)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ch2 := make(chan pipeline.Job)
	ok, failed, _ = newRunner(t, "txt").Batch(ctx, ch2, pipeline.BatchOptions{Jobs: 2})
	if ok+failed != 0 {
		t.Fatal("cancelled batch converted something")
	}
}

func TestUnknownLanguageIsAnError(t *testing.T) {
	reg := pipeline.NewRegistry()
	reg.AddWriter(textWriter{"txt"})
	_, err := pipeline.NewRunner(pipeline.Options{Registry: reg, Locales: locales.MustEmbedded(), To: []string{"txt"}, Langs: []string{"de"}})
	if !errors.Is(err, locales.ErrUnsupported) || !strings.Contains(err.Error(), "ar, zh, en, fr, ru, es") {
		t.Fatalf("got %v", err)
	}
}

func TestSinkReceivesOutputsInMemory(t *testing.T) {
	dir := t.TempDir()
	// The name is not a file here: with the data given in memory the runner must neither
	// read nor stat it, and must write nothing.
	job := pipeline.Job{Path: filepath.Join(dir, "upload", "notes.txt"), Data: []byte("one\n")}
	var got []pipeline.File
	job.Sink = func(f pipeline.File) error { got = append(got, f); return nil }
	res := newRunner(t, "txt").Convert(context.Background(), job)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if len(got) != 1 || got[0].Name != "notes.en.txt" || got[0].Format != "txt" || got[0].Lang != "en" ||
		!strings.Contains(string(got[0].Data), "one") {
		t.Fatalf("sink got %+v", got)
	}
	if len(res.Outputs) != 1 || res.Outputs[0].Path != "notes.en.txt" {
		t.Fatalf("outputs: %+v", res.Outputs)
	}
	if files := testutil.FilesIn(t, dir); len(files) != 0 {
		t.Fatalf("wrote files %v", files)
	}
	// A failing writer: the sink sees nothing.
	got = nil
	res = newRunner(t, "txt", "bad").Convert(context.Background(), job)
	if res.Err == nil || len(got) != 0 {
		t.Fatalf("failing input: err %v, sink got %d files", res.Err, len(got))
	}
}

// A re-conversion that fails while writing keeps every previous output as it was: the old
// set stays until every new file is complete (issue 15, defect 8). Before, the outputs
// already replaced were deleted, leaving a mixed set.
func TestFailedReconversionKeepsOldOutputs(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "a.lines"), "first version")
	out := filepath.Join(dir, "out")
	reg := pipeline.NewRegistry()
	reg.AddReader(lineReader{})
	reg.AddWriter(textWriter{"txt"})
	reg.AddWriter(textWriter{"md"})
	epoch := time.Unix(1114992000, 0)
	r, err := pipeline.NewRunner(pipeline.Options{Registry: reg, Locales: locales.MustEmbedded(), From: "lines", To: []string{"txt", "md"}, SourceDateEpoch: &epoch})
	if err != nil {
		t.Fatal(err)
	}
	if res := r.Convert(context.Background(), pipeline.Job{Path: in, OutDir: out}); res.Err != nil {
		t.Fatal(res.Err)
	}
	oldTxt, _ := os.ReadFile(filepath.Join(out, "a.en.txt"))
	// The second output cannot be replaced (as when the disk fills up).
	os.Remove(filepath.Join(out, "a.en.md"))
	os.Mkdir(filepath.Join(out, "a.en.md"), 0o755)
	writeFile(t, in, "second version")
	if res := r.Convert(context.Background(), pipeline.Job{Path: in, OutDir: out}); res.Err == nil {
		t.Fatal("conversion over a folder succeeded")
	}
	got, err := os.ReadFile(filepath.Join(out, "a.en.txt"))
	if err != nil || !bytes.Equal(got, oldTxt) {
		t.Errorf("first output after a failed re-conversion = %q, %v; want the old %q", got, err, oldTxt)
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".scribe-tmp-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// releaseWriter calls WriteOptions.DocumentRead, when given, after reading the document.
type releaseWriter struct{ name string }

func (w releaseWriter) Format() string { return w.name }
func (w releaseWriter) Ext() string    { return "." + w.name }
func (w releaseWriter) Write(_ context.Context, out io.Writer, doc *model.Document, opts model.WriteOptions) error {
	fmt.Fprintln(out, len(doc.Blocks), opts.DocumentRead != nil)
	if opts.DocumentRead != nil {
		opts.DocumentRead()
	}
	return nil
}

// TestDocumentReadOnLastOutput: only the writer of an input's last output (last language,
// last format) is told it may let go of the document; the earlier ones share it.
func TestDocumentReadOnLastOutput(t *testing.T) {
	reg := pipeline.NewRegistry()
	reg.AddReader(lineReader{})
	reg.AddWriter(releaseWriter{"a"})
	reg.AddWriter(releaseWriter{"b"})
	var calls []string
	var current string
	opts := pipeline.Options{Registry: reg, Locales: locales.MustEmbedded(), From: "lines", To: []string{"a", "b"},
		Langs: []string{"en", "fr"}, DocumentRead: func() { calls = append(calls, current) }}
	r, err := pipeline.NewRunner(opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "notes.txt"), "one\ntwo\n")
	for _, c := range []string{"first", "second"} {
		current = c
		if res := r.Convert(context.Background(), pipeline.Job{Path: in, OutDir: filepath.Join(dir, c)}); res.Err != nil {
			t.Fatal(res.Err)
		}
	}
	if strings.Join(calls, ",") != "first,second" {
		t.Fatalf("DocumentRead called for %q, want once per input", calls)
	}
	for _, name := range []string{"notes.en.a", "notes.en.b", "notes.fr.a", "notes.fr.b"} {
		want := fmt.Sprintln(2, name == "notes.fr.b")
		if data, err := os.ReadFile(filepath.Join(dir, "second", name)); err != nil || string(data) != want {
			t.Errorf("%s: %q, %v; want %q", name, data, err, want)
		}
	}
}
