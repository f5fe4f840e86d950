package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/docx"
	"github.com/scribe-un/scribe/formats/html"
	scribejson "github.com/scribe-un/scribe/formats/json"
	"github.com/scribe-un/scribe/formats/markdown"
	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/formats/sniff"
	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

var (
	fontsOnce sync.Once
	fonts     *pdf.FontSet
	fontsErr  error
)

// registry builds the readers and writers the CLI registers, plus the given test writers.
func registry(t testing.TB, extra ...model.Writer) *pipeline.Registry {
	t.Helper()
	fontsOnce.Do(func() { fonts, fontsErr = pdf.LoadFonts(pdf.FontOptions{}) })
	if fontsErr != nil {
		t.Fatal(fontsErr)
	}
	reg := pipeline.NewRegistry()
	reg.AddReader(notes.New(), "txt")
	reg.AddReader(markdown.NewReader(), "md")
	reg.AddReader(docx.NewReader())
	reg.AddReader(html.NewReader(), "htm")
	reg.AddReader(scribejson.NewReader())
	reg.AddWriter(scribejson.NewWriter())
	reg.AddWriter(markdown.NewWriter())
	reg.AddWriter(html.NewWriter())
	dw, err := docx.NewWriter(docx.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	reg.AddWriter(dw)
	reg.AddWriter(pdf.NewWriter(pdf.Options{Fonts: fonts, Compress: true}))
	for _, w := range extra {
		reg.AddWriter(w)
	}
	return reg
}

func runnerOptions(t testing.TB, reg *pipeline.Registry) pipeline.Options {
	epoch := time.Date(2005, 5, 2, 12, 0, 0, 0, time.UTC)
	return pipeline.Options{
		Registry: reg, Locales: locales.MustEmbedded(), FormatOf: sniff.FromExtension, Sniff: sniff.Format,
		Generator: "scribe test", SourceTransforms: normalize.Source(), OutputTransforms: normalize.Output(normalize.OutputOptions{}),
		SourceDateEpoch: &epoch,
	}
}

func newServer(t testing.TB, change func(*Options), extra ...model.Writer) *Server {
	t.Helper()
	opts := Options{Runner: runnerOptions(t, registry(t, extra...)), Jobs: 2, Queue: 4, Version: "test"}
	if change != nil {
		change(&opts)
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sampleNotes(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "testdata", "wsis-itu-consultation-2005-05-02.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// do sends a request to the handler and returns the recorded response.
func do(t testing.TB, h http.Handler, method, target string, body io.Reader, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// errorOf decodes an error response and checks its shape: JSON, the status repeated, a
// code, one line, no stack trace.
func errorOf(t *testing.T, rec *httptest.ResponseRecorder, status int, code string) ErrorBody {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d: %s", rec.Code, status, rec.Body.String())
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("error Content-Type %q", ct)
	}
	var e ErrorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
		t.Fatalf("error body is not JSON: %v: %s", err, rec.Body.String())
	}
	if e.Status != status || (code != "" && e.Code != code) || e.Error == "" {
		t.Fatalf("error body %+v, want status %d code %q", e, status, code)
	}
	if strings.Contains(e.Error, "\n") || strings.Contains(rec.Body.String(), "goroutine") || regexp.MustCompile(`\.go:\d+`).MatchString(rec.Body.String()) {
		t.Fatalf("error body holds more than one line or a stack: %s", rec.Body.String())
	}
	return e
}

// form builds a multipart body: the notes as part "file", then name/value pairs, where a
// value starting with "@" is a translation file's content.
func form(t testing.TB, name string, notes []byte, fields ...string) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(notes)
	for i := 0; i+1 < len(fields); i += 2 {
		if strings.HasPrefix(fields[i+1], "@") {
			fw, _ := mw.CreateFormFile(fields[i], "translation.xlf")
			fw.Write([]byte(fields[i+1][1:]))
			continue
		}
		mw.WriteField(fields[i], fields[i+1])
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func TestHealthz(t *testing.T) {
	rec := do(t, newServer(t, nil).Handler(), "GET", "/healthz", nil)
	var h Health
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &h) != nil || h.Status != "ok" || h.Jobs != 2 || h.Version != "test" {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
}

func TestPageAndAssets(t *testing.T) {
	h := newServer(t, nil).Handler()
	for target, ct := range map[string]string{
		"/":                  "text/html",
		"/assets/app.js":     "text/javascript",
		"/assets/app.css":    "text/css",
		"/assets/report.css": "text/css",
		"/api/openapi.json":  "application/json",
		"/api/formats":       "application/json",
		"/samples/wsis-itu-consultation-2005-05-02.txt": "text/plain",
	} {
		rec := do(t, h, "GET", target, nil)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), ct) {
			t.Errorf("GET %s: %d %q", target, rec.Code, rec.Header().Get("Content-Type"))
		}
		for _, hd := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
			if rec.Header().Get(hd) == "" {
				t.Errorf("GET %s: no %s", target, hd)
			}
		}
		if csp := rec.Header().Get("Content-Security-Policy"); strings.Contains(csp, "unsafe") || !strings.Contains(csp, "default-src 'none'") {
			t.Errorf("CSP not strict: %s", csp)
		}
	}
	if got := do(t, h, "GET", "/assets/report.css", nil).Body.String(); got != html.Stylesheet() {
		t.Error("report.css is not the html writer's stylesheet")
	}
	// The page uses no inline script or style, which the CSP would block.
	page := do(t, h, "GET", "/", nil).Body.String()
	if regexp.MustCompile(`<script>|<style|\sstyle=|\son[a-z]+=`).MatchString(page) {
		t.Error("the page has inline script or style")
	}
	for _, target := range []string{"/assets/nope.js", "/samples/nope.txt", "/samples/..%2fserver.go", "/assets/..%2f..%2fserver.go", "/api/nope"} {
		if rec := do(t, h, "GET", target, nil); rec.Code != 404 {
			t.Errorf("GET %s: %d, want 404", target, rec.Code)
		}
	}
	errorOf(t, do(t, h, "GET", "/api/convert", nil), 405, "method")
}

func TestOpenAPIDescribesEveryEndpoint(t *testing.T) {
	rec := do(t, newServer(t, nil).Handler(), "GET", "/api/openapi.json", nil)
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	for path, method := range map[string]string{"/api/convert": "post", "/api/inspect": "post", "/api/extract": "post",
		"/healthz": "get", "/api/formats": "get", "/api/openapi.json": "get"} {
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("openapi.json does not describe %s %s", strings.ToUpper(method), path)
		}
	}
}

func TestConvertRawBodyToEachFormat(t *testing.T) {
	h := newServer(t, nil).Handler()
	notes := sampleNotes(t)
	for to, magic := range map[string]string{"pdf": "%PDF-", "docx": "PK\x03\x04", "md": "---\n", "json": "{", "html": "<!DOCTYPE html>"} {
		rec := do(t, h, "POST", "/api/convert?to="+to+"&symbol=WSIS/ITU/2005/1", bytes.NewReader(notes), "Content-Type", "text/plain")
		if rec.Code != 200 {
			t.Fatalf("to=%s: %d %s", to, rec.Code, rec.Body)
		}
		if !strings.HasPrefix(rec.Body.String(), magic) {
			t.Errorf("to=%s: starts %q", to, rec.Body.String()[:min(20, rec.Body.Len())])
		}
		if cd := rec.Header().Get("Content-Disposition"); cd != "attachment; filename=notes.en."+to {
			t.Errorf("to=%s: Content-Disposition %q", to, cd)
		}
		if rec.Header().Get("Content-Type") != strings.Split(contentTypes[to], ";")[0] && rec.Header().Get("Content-Type") != contentTypes[to] {
			t.Errorf("to=%s: Content-Type %q", to, rec.Header().Get("Content-Type"))
		}
		if to == "html" && !strings.Contains(rec.Body.String(), "WSIS/ITU/2005/1") {
			t.Error("the symbol given in the query is not in the report")
		}
	}
}

func TestConvertMultipartToZip(t *testing.T) {
	h := newServer(t, nil).Handler()
	body, ct := form(t, `C:\Users\officer\minutes 2 May.txt`, sampleNotes(t), "title", "Informal consultation", "session", "Third session")
	rec := do(t, h, "POST", "/api/convert?to=docx,pdf&lang=en,fr&xliff=es", body, "Content-Type", ct)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/zip" {
		t.Fatalf("%d %s %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	want := "minutes 2 May.en.docx minutes 2 May.en.pdf minutes 2 May.fr.docx minutes 2 May.fr.pdf minutes 2 May.es.xlf"
	if strings.Join(names, " ") != want {
		t.Errorf("zip holds %q, want %q", names, want)
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "minutes 2 May.zip") {
		t.Errorf("Content-Disposition %q", cd)
	}
	// The same request gives the same bytes.
	body, ct = form(t, `C:\Users\officer\minutes 2 May.txt`, sampleNotes(t), "title", "Informal consultation", "session", "Third session")
	again := do(t, h, "POST", "/api/convert?to=docx,pdf&lang=en,fr&xliff=es", body, "Content-Type", ct)
	if !bytes.Equal(again.Body.Bytes(), rec.Body.Bytes()) {
		t.Error("the same request gave a different zip")
	}
}

func TestConvertWithTranslations(t *testing.T) {
	h := newServer(t, nil).Handler()
	notes := sampleNotes(t)
	rec := do(t, h, "POST", "/api/extract?target=fr", bytes.NewReader(notes), "Content-Type", "text/plain")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/xliff+xml" {
		t.Fatalf("extract: %d %s", rec.Code, rec.Body)
	}
	if !strings.Contains(rec.Body.String(), `trgLang="fr"`) {
		t.Fatalf("extract gave no French XLIFF: %.300s", rec.Body)
	}
	segment := regexp.MustCompile(`(?s)<segment id="(s\d+)"><source>(.*?)</source></segment>`)
	filled := segment.ReplaceAllString(rec.Body.String(), `<segment id="$1" state="translated"><source>$2</source><target>TRFR $2</target></segment>`)
	body, ct := form(t, "notes.txt", notes, "translations", "@"+filled)
	out := do(t, h, "POST", "/api/convert?to=md&lang=fr", body, "Content-Type", ct)
	if out.Code != 200 || !strings.Contains(out.Body.String(), "TRFR Syria thanked") {
		t.Fatalf("translated convert: %d %.500s", out.Code, out.Body)
	}
	// A translation of other notes does not match: 422, as the CLI refuses it.
	body, ct = form(t, "notes.txt", []byte("Venue\n\nCanada said that the draft was acceptable to it in every respect.\n"), "translations", "@"+filled)
	errorOf(t, do(t, h, "POST", "/api/convert?to=md&lang=fr", body, "Content-Type", ct), 422, "translation")
	body, ct = form(t, "notes.txt", notes, "translations", "@<xliff version=\"2.0\"><file")
	errorOf(t, do(t, h, "POST", "/api/convert?to=md&lang=fr", body, "Content-Type", ct), 400, "malformed")
}

func TestInspectClassifiesEveryLine(t *testing.T) {
	h := newServer(t, nil).Handler()
	rec := do(t, h, "POST", "/api/inspect?preview=html", bytes.NewReader(sampleNotes(t)), "Content-Type", "text/plain")
	if rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var ins Inspection
	if err := json.Unmarshal(rec.Body.Bytes(), &ins); err != nil {
		t.Fatal(err)
	}
	if ins.Format != "notes" || !ins.Editable || ins.Cues != "notes" || ins.Lang != "en" {
		t.Errorf("inspection header: %+v", ins)
	}
	if c := ins.Counts; c.Headings != 4 || c.Paragraphs != 23 || c.Subparagraphs != 2 || c.Quotations != 1 {
		t.Errorf("counts %+v", c)
	}
	want := map[int]string{1: "masthead venue", 2: "blank", 3: "masthead date", 4: "paragraph 1.", 7: "heading I.",
		15: "heading II.", 16: "paragraph 9.", 18: "subparagraph (a)", 19: "subparagraph (b)", 25: "paragraph 12.",
		27: "quotation", 45: "paragraph 23."}
	for _, l := range ins.Lines {
		w, ok := want[l.N]
		if !ok {
			continue
		}
		got := strings.TrimSpace(l.Class + " " + l.Kind + l.Label)
		if got != w {
			t.Errorf("line %d: %q, want %q", l.N, got, w)
		}
		if l.Class != "blank" && l.Why == "" {
			t.Errorf("line %d has no reason", l.N)
		}
		delete(want, l.N)
	}
	if len(want) > 0 {
		t.Errorf("lines not reported: %v", want)
	}
	if !strings.Contains(ins.Preview, `<span class="un-num">23.</span>`) || ins.Document == nil {
		t.Error("no preview or document in the inspection")
	}
	// A correction written as a cue moves the numbers: line 15 as a paragraph.
	lines := strings.Split(string(sampleNotes(t)), "\n")
	lines[14] = strings.TrimRight(lines[14], " \r") + "."
	rec = do(t, h, "POST", "/api/inspect?lang=fr", strings.NewReader(strings.Join(lines, "\n")), "Content-Type", "text/plain")
	ins = Inspection{}
	json.Unmarshal(rec.Body.Bytes(), &ins)
	if c := ins.Counts; c.Headings != 3 || c.Paragraphs != 24 || ins.Lang != "fr" || ins.Preview != "" {
		t.Errorf("after the cue: counts %+v lang %s", c, ins.Lang)
	}
}

func TestInspectDroppedAndFrontMatterLines(t *testing.T) {
	h := newServer(t, nil).Handler()
	notes := "---\ntitle: Board meeting\n---\n# Budget\n\nThe treasurer presented the accounts for the year,\nwhich were approved.\n\n<!-- draft: check figures -->\n\n# Staff\n\nThe director reported on recruitment.\n\n---\n"
	rec := do(t, h, "POST", "/api/inspect?name=board.md", strings.NewReader(notes))
	var ins Inspection
	if err := json.Unmarshal(rec.Body.Bytes(), &ins); err != nil || rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	classes := []string{}
	for _, l := range ins.Lines {
		classes = append(classes, l.Class)
	}
	if ins.Format != "markdown" || ins.Cues != "markdown" || ins.Meta.Title != "Board meeting" ||
		strings.Join(classes, " ") != "metadata metadata metadata heading blank paragraph paragraph blank dropped blank heading blank paragraph blank dropped" {
		t.Errorf("format %s cues %s title %q classes %v", ins.Format, ins.Cues, ins.Meta.Title, classes)
	}
}

func TestInspectWordFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "formats", "docx", "testdata", "reader", "wsis-itu-consultation-2005-05-02.docx"))
	if err != nil {
		t.Fatal(err)
	}
	body, ct := form(t, "minutes.docx", data)
	rec := do(t, newServer(t, nil).Handler(), "POST", "/api/inspect", body, "Content-Type", ct)
	var ins Inspection
	if err := json.Unmarshal(rec.Body.Bytes(), &ins); err != nil || rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if ins.Format != "docx" || ins.Editable || len(ins.Lines) == 0 || ins.Lines[0].N != 0 || ins.Counts.Paragraphs == 0 {
		t.Errorf("docx inspection: format %s editable %v lines %d counts %+v", ins.Format, ins.Editable, len(ins.Lines), ins.Counts)
	}
}

func TestExtractErrors(t *testing.T) {
	h := newServer(t, nil).Handler()
	notes := sampleNotes(t)
	errorOf(t, do(t, h, "POST", "/api/extract", bytes.NewReader(notes)), 400, "bad-request")
	errorOf(t, do(t, h, "POST", "/api/extract?target=xx", bytes.NewReader(notes)), 400, "language")
	errorOf(t, do(t, h, "POST", "/api/extract?target=fr&format=xliff3", bytes.NewReader(notes)), 400, "bad-request")
	rec := do(t, h, "POST", "/api/extract?target=fr,es&format=xliff12", bytes.NewReader(notes))
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/zip" {
		t.Errorf("two targets: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}

// The CLI's errors, as JSON with their HTTP status.
func TestErrorStatuses(t *testing.T) {
	h := newServer(t, func(o *Options) { o.Runner.Limits.MaxInputBytes = 64 << 10; o.MaxBody = 200 << 10 }).Handler()
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0}, 64)...)
	cases := []struct {
		name, target, ct string
		body             []byte
		status           int
		code             string
	}{
		{"empty", "/api/convert?to=pdf", "text/plain", nil, 400, "empty"},
		{"blank", "/api/convert", "text/plain", []byte(" \n\t\n"), 400, "empty"},
		{"bad encoding", "/api/inspect", "text/plain", []byte("ok\n\x81\x8d\x8f\x90\x9d"), 400, ""},
		{"unknown language", "/api/convert?lang=xx", "text/plain", []byte("Notes."), 400, "language"},
		{"unknown output", "/api/convert?to=odt", "text/plain", []byte("Notes."), 400, "unknown-format"},
		{"bad bool", "/api/convert?strict=maybe", "text/plain", []byte("Notes."), 400, "bad-request"},
		{"too deep", "/api/convert?to=json", "text/markdown", []byte(strings.Repeat("> ", 200) + "deep\n"), 400, "too-deep"},
		{"input over the limit", "/api/convert", "text/plain", bytes.Repeat([]byte("word "), 20<<10), 413, "too-large"},
		{"body over the limit", "/api/convert", "text/plain", bytes.Repeat([]byte("word "), 60<<10), 413, "too-large"},
		{"image type", "/api/convert", "image/png", png, 415, "unknown-format"},
		{"image content", "/api/convert", "application/octet-stream", png, 415, ""},
		{"binary content", "/api/convert", "application/octet-stream", []byte("\x00\x01\x02\x03 not text \x00\x00\x05"), 415, "binary"},
		{"unknown reader", "/api/convert?from=odt", "text/plain", []byte("Notes."), 415, "unknown-format"},
		{"strict", "/api/convert?strict=true&to=md", "text/plain", []byte("\xefcaf\xe9 notes in Latin-1, which scribe converts with a warning.\n"), 422, "strict"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := do(t, h, "POST", c.target, bytes.NewReader(c.body), "Content-Type", c.ct)
			e := errorOf(t, rec, c.status, c.code)
			if e.Code != "too-large" && c.status != 413 && !strings.Contains(e.Error, ":") {
				t.Errorf("message %q names no stage or file", e.Error)
			}
		})
	}
}

// panicWriter stands for a bug in a writer: the server answers 500, one line, no stack.
type panicWriter struct{}

func (panicWriter) Format() string { return "boom" }
func (panicWriter) Ext() string    { return ".boom" }
func (panicWriter) Write(context.Context, io.Writer, *model.Document, model.WriteOptions) error {
	var m map[string]int
	m["x"]++
	return nil
}

func TestInternalErrorHasNoStack(t *testing.T) {
	var log bytes.Buffer
	h := newServer(t, func(o *Options) { o.Log = &log }, panicWriter{}).Handler()
	e := errorOf(t, do(t, h, "POST", "/api/convert?to=boom", strings.NewReader("Canada said that it agreed.")), 500, "internal")
	if !strings.Contains(e.Error, "internal error") {
		t.Errorf("message %q", e.Error)
	}
	if !strings.Contains(log.String(), "goroutine") {
		t.Error("the stack is not in the server's log")
	}
}

// blockingWriter holds a conversion until released, to fill the server.
type blockingWriter struct {
	started chan struct{}
	release chan struct{}
}

func (blockingWriter) Format() string { return "slow" }
func (blockingWriter) Ext() string    { return ".slow" }
func (w blockingWriter) Write(ctx context.Context, out io.Writer, _ *model.Document, _ model.WriteOptions) error {
	w.started <- struct{}{}
	select {
	case <-w.release:
	case <-ctx.Done():
		return ctx.Err()
	}
	_, err := out.Write([]byte("done"))
	return err
}

func TestOverloadAnswers503WithRetryAfter(t *testing.T) {
	bw := blockingWriter{started: make(chan struct{}, 4), release: make(chan struct{})}
	h := newServer(t, func(o *Options) { o.Jobs, o.Queue, o.QueueWait = 1, 1, 200*time.Millisecond }, bw).Handler()
	post := func() *httptest.ResponseRecorder {
		return do(t, h, "POST", "/api/convert?to=slow", strings.NewReader("Canada said that it agreed."))
	}
	first := make(chan *httptest.ResponseRecorder)
	go func() { first <- post() }()
	<-bw.started // the one slot is taken
	// The second waits in the queue and gives up after QueueWait; while it waits, a third
	// finds the queue full and is refused at once.
	second := make(chan *httptest.ResponseRecorder)
	go func() { second <- post() }()
	time.Sleep(50 * time.Millisecond)
	third := post()
	errorOf(t, third, 503, "busy")
	if third.Header().Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	errorOf(t, <-second, 503, "busy")
	close(bw.release)
	if rec := <-first; rec.Code != 200 || rec.Body.String() != "done" {
		t.Fatalf("first: %d %s", rec.Code, rec.Body)
	}
}

func TestConversionTimeLimit(t *testing.T) {
	bw := blockingWriter{started: make(chan struct{}, 1), release: make(chan struct{})}
	h := newServer(t, func(o *Options) { o.Timeout = 100 * time.Millisecond }, bw).Handler()
	e := errorOf(t, do(t, h, "POST", "/api/convert?to=slow", strings.NewReader("Canada said that it agreed.")), 503, "timeout")
	if !strings.Contains(e.Error, "time limit") {
		t.Errorf("message %q", e.Error)
	}
}

func TestCrossOriginPostsAreRefused(t *testing.T) {
	h := newServer(t, nil).Handler()
	notes := "Canada said that it agreed."
	errorOf(t, do(t, h, "POST", "http://127.0.0.1:8080/api/convert?to=md", strings.NewReader(notes),
		"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"), 403, "cross-origin")
	errorOf(t, do(t, h, "POST", "http://127.0.0.1:8080/api/inspect", strings.NewReader(notes),
		"Origin", "https://evil.example"), 403, "cross-origin")
	for _, hd := range [][]string{
		{"Origin", "http://127.0.0.1:8080", "Sec-Fetch-Site", "same-origin"},
		{}, // a program such as curl sends neither
	} {
		if rec := do(t, h, "POST", "http://127.0.0.1:8080/api/convert?to=md", strings.NewReader(notes), hd...); rec.Code != 200 {
			t.Errorf("same-origin %v: %d %s", hd, rec.Code, rec.Body)
		}
	}
}

func TestLoopbackServerRefusesOtherHostNames(t *testing.T) {
	h := newServer(t, func(o *Options) { o.Loopback = true }).Handler()
	for host, want := range map[string]int{"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "localhost": 200,
		"attacker.example:8080": 421, "127.0.0.1.nip.io:8080": 421} {
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: %d, want %d", host, rec.Code, want)
		}
	}
}

func TestTokenIsRequired(t *testing.T) {
	const token = "correct-horse-battery-staple"
	h := newServer(t, func(o *Options) { o.Token = token }).Handler()
	errorOf(t, do(t, h, "GET", "/healthz", nil), 401, "unauthorized")
	errorOf(t, do(t, h, "POST", "/api/convert", strings.NewReader("Notes.")), 401, "unauthorized")
	errorOf(t, do(t, h, "GET", "/healthz", nil, "Authorization", "Bearer wrong-token-wrong-token"), 401, "unauthorized")
	if rec := do(t, h, "GET", "/healthz", nil, "Authorization", "Bearer "+token); rec.Code != 200 {
		t.Errorf("with the token: %d", rec.Code)
	}
	// The page asks for the token once and keeps it in a cookie.
	if rec := do(t, h, "GET", "/", nil); rec.Code != 401 || !strings.Contains(rec.Body.String(), `name="token"`) {
		t.Errorf("page without token: %d", rec.Code)
	}
	if rec := do(t, h, "GET", "/assets/app.css", nil); rec.Code != 200 {
		t.Errorf("the sign-in form's stylesheet: %d", rec.Code)
	}
	bad := do(t, h, "POST", "/signin", strings.NewReader("token=nope"), "Content-Type", "application/x-www-form-urlencoded")
	if bad.Code != 401 || len(bad.Result().Cookies()) != 0 {
		t.Errorf("wrong token signs in: %d", bad.Code)
	}
	good := do(t, h, "POST", "/signin", strings.NewReader("token="+token), "Content-Type", "application/x-www-form-urlencoded")
	cookies := good.Result().Cookies()
	if good.Code != 303 || len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("sign in: %d %v", good.Code, cookies)
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.AddCookie(cookies[0])
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "review desk") {
		t.Errorf("page with the cookie: %d", rec.Code)
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"../../etc/passwd":               "passwd",
		`C:\Users\x\notes.txt`:           "notes.txt",
		"":                               "notes.txt",
		"..":                             "notes.txt",
		"/":                              "notes.txt",
		"a\x00b\u202e.txt":               "ab.txt",
		"\"quoted\".md":                  "quoted.md",
		strings.Repeat("x", 300) + ".md": strings.Repeat("x", 117) + ".md",
	} {
		if got := cleanName(in, "notes.txt"); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGracefulShutdownFinishesRequestsInFlight(t *testing.T) {
	bw := blockingWriter{started: make(chan struct{}, 1), release: make(chan struct{})}
	s := newServer(t, nil, bw)
	ln, err := netListen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln, 10*time.Second) }()
	resp := make(chan *http.Response, 1)
	go func() {
		r, err := http.Post("http://"+ln.Addr().String()+"/api/convert?to=slow", "text/plain", strings.NewReader("Canada said that it agreed."))
		if err != nil {
			t.Error(err)
		}
		resp <- r
	}()
	<-bw.started
	cancel() // SIGTERM
	time.Sleep(100 * time.Millisecond)
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("a new request was accepted after shutdown began")
	}
	close(bw.release)
	r := <-resp
	if r == nil {
		t.Fatal("no response")
	}
	body, _ := io.ReadAll(r.Body)
	r.Body.Close()
	if r.StatusCode != 200 || string(body) != "done" {
		t.Errorf("request in flight: %d %s", r.StatusCode, body)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Run: %v", err)
	}
}

func netListen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }
