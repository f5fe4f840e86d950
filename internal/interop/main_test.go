package interop

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/scribe-un/scribe/internal/testutil"
)

// suite is set once by TestMain, before any test runs, and only read afterwards.
var suite *fixture

// TestMain builds cmd/scribe once into a temporary folder: the tests run the real binary,
// as users and CI scripts do.
func TestMain(m *testing.M) {
	os.Exit(runSuite(m))
}

func runSuite(m *testing.M) int {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err == nil {
		_, err = os.Stat(filepath.Join(root, "go.mod"))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "interop: repository root not found:", err)
		return 1
	}
	work, err := os.MkdirTemp("", "scribe-interop-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "interop:", err)
		return 1
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "scribe")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/scribe")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "interop: go build ./cmd/scribe: %v\n%s", err, out)
		return 1
	}
	suite = &fixture{root: root, bin: bin, work: work}
	return m.Run()
}

// fixture holds the binary and the outputs shared by the tests. Each expensive step runs
// once, on first use, whichever test asks first.
type fixture struct {
	root, bin, work string

	convertOnce sync.Once
	convertErr  error
	out         outputs

	loTextOnce sync.Once
	loTextErr  error
	loPDFOnce  sync.Once
	loPDFErr   error

	extractOnce sync.Once
	extractErr  error
	extracted   extracted
}

// outputs are the files written by scribe convert, by group.
type outputs struct {
	i18n   map[string]string // lang → output stem (folder/name without extension)
	sample map[string]string // lang (fr, ar) → stem of the English notes rendered in lang
	corpus []string          // stems of testdata/corpus
}

// all returns every output stem.
func (o outputs) all() []string {
	var s []string
	for _, m := range []map[string]string{o.i18n, o.sample} {
		for _, k := range sortedKeys(m) {
			s = append(s, m[k])
		}
	}
	return append(s, o.corpus...)
}

// langs lists the six official languages in the order the tests report them.
var langs = []string{"en", "fr", "es", "ru", "zh", "ar"}

// samplePath is the English reference notes (a copy of the shared corpus file).
const samplePath = "testdata/wsis-itu-consultation-2005-05-02.txt"

// convert runs scribe convert on every input once: the six i18n notes in their own
// language, the reference notes in French and Arabic, and the corpus; DOCX, PDF and JSON.
func (f *fixture) convert(t *testing.T) outputs {
	t.Helper()
	f.convertOnce.Do(func() {
		f.convertErr = f.doConvert()
	})
	if f.convertErr != nil {
		t.Fatal(f.convertErr)
	}
	return f.out
}

func (f *fixture) doConvert() error {
	out := outputs{i18n: map[string]string{}, sample: map[string]string{}}
	dir := filepath.Join(f.work, "out")
	var i18n []string
	for _, l := range langs {
		i18n = append(i18n, filepath.Join("testdata", "i18n", l+".txt"))
		out.i18n[l] = filepath.Join(dir, "i18n", l+"."+l)
	}
	if _, err := f.scribe(append([]string{"convert", "--to", "docx,pdf,json", "-q", "-o", filepath.Join(dir, "i18n")}, i18n...)...); err != nil {
		return err
	}
	if _, err := f.scribe("convert", samplePath, "--lang", "fr,ar", "--to", "docx,pdf,json", "-q", "-o", filepath.Join(dir, "sample")); err != nil {
		return err
	}
	stem := strings.TrimSuffix(filepath.Base(samplePath), ".txt")
	for _, l := range []string{"fr", "ar"} {
		out.sample[l] = filepath.Join(dir, "sample", stem+"."+l)
	}
	corpus, err := corpusInputs(f.root)
	if err != nil {
		return err
	}
	if _, err := f.scribe(append([]string{"convert", "--to", "docx,pdf,json", "-q", "-o", filepath.Join(dir, "corpus")}, corpus...)...); err != nil {
		return err
	}
	// The notes' language decides the suffix: read it back from the file names written.
	names, err := filepath.Glob(filepath.Join(dir, "corpus", "*.json"))
	if err != nil {
		return err
	}
	if len(names) != len(corpus) {
		return fmt.Errorf("corpus: %d inputs gave %d JSON outputs", len(corpus), len(names))
	}
	for _, n := range names {
		out.corpus = append(out.corpus, strings.TrimSuffix(n, ".json"))
	}
	sort.Strings(out.corpus)
	if err := sabotage(out.all()); err != nil {
		return err
	}
	f.out = out
	return nil
}

// corpusInputs lists the note files of testdata/corpus (SOURCES.md says where they come
// from and is not a note).
func corpusInputs(root string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(root, "testdata", "corpus"))
	if err != nil {
		return nil, err
	}
	var in []string
	for _, e := range entries {
		if e.IsDir() || e.Name() == "SOURCES.md" {
			continue
		}
		in = append(in, filepath.Join("testdata", "corpus", e.Name()))
	}
	if len(in) == 0 {
		return nil, fmt.Errorf("testdata/corpus holds no notes")
	}
	return in, nil
}

// scribe runs the built binary from the repository root and returns its standard output.
func (f *fixture) scribe(args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, f.bin, args...)
	cmd.Dir = f.root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("scribe %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return stdout.Bytes(), nil
}

// sabotage corrupts the outputs when SCRIBE_INTEROP_SABOTAGE asks for it (see the package
// comment), to show that the consumers' tests catch a broken writer.
func sabotage(stems []string) error {
	mode := os.Getenv("SCRIBE_INTEROP_SABOTAGE")
	for _, s := range stems {
		var err error
		switch mode {
		case "":
			return nil
		case "docx":
			err = breakDOCX(s + ".docx")
		case "pdf":
			err = truncateHalf(s + ".pdf")
		default:
			return fmt.Errorf("SCRIBE_INTEROP_SABOTAGE=%q: want docx or pdf", mode)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// breakDOCX rewrites a DOCX with an unclosed element at the end of word/document.xml.
func breakDOCX(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if f.Name == "word/document.xml" {
			data = append(bytes.TrimSuffix(data, []byte("</w:document>")), "<w:p><w:r>"...)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func truncateHalf(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data[:len(data)/2], 0o644)
}

// soffice converts files with LibreOffice in one batch (it costs seconds to start), with a
// private profile so that it neither reads nor disturbs the user's.
func (f *fixture) soffice(filter, outDir string, files []string) error {
	exe, err := exec.LookPath("soffice")
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(f.work, "lo-profile")),
		"--headless", "--norestore", "--convert-to", filter, "--outdir", outDir}
	cmd := exec.CommandContext(ctx, exe, append(args, files...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("soffice --convert-to %s: %v\n%s", filter, err, out)
	}
	return nil
}

// loText returns LibreOffice's plain-text export of the DOCX of stem (i18n and sample
// outputs only), normalized by normText.
func (f *fixture) loText(t *testing.T, stem string) string {
	t.Helper()
	testutil.RequireTool(t, "soffice")
	out := f.convert(t)
	dir := filepath.Join(f.work, "lo-txt")
	f.loTextOnce.Do(func() {
		var files []string
		for _, m := range []map[string]string{out.i18n, out.sample} {
			for _, s := range m {
				files = append(files, s+".docx")
			}
		}
		sort.Strings(files)
		f.loTextErr = f.soffice("txt:Text (encoded):UTF8", dir, files)
	})
	if f.loTextErr != nil {
		t.Fatal(f.loTextErr)
	}
	data, err := os.ReadFile(filepath.Join(dir, filepath.Base(stem)+".txt"))
	if err != nil {
		t.Fatalf("LibreOffice did not convert %s.docx to text: %v", stem, err)
	}
	return normText(string(data))
}

// loPDF converts every DOCX produced to PDF with LibreOffice (once) and returns the
// folder holding the PDFs.
func (f *fixture) loPDF(t *testing.T) string {
	t.Helper()
	testutil.RequireTool(t, "soffice")
	out := f.convert(t)
	dir := filepath.Join(f.work, "lo-pdf")
	f.loPDFOnce.Do(func() {
		var files []string
		for _, s := range out.all() {
			files = append(files, s+".docx")
		}
		f.loPDFErr = f.soffice("pdf", dir, files)
	})
	if f.loPDFErr != nil {
		t.Fatal(f.loPDFErr)
	}
	return dir
}

// run runs an external program and returns its standard output; a non-zero exit fails the
// test with the program's standard error.
func run(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	stdout, _ := run2(t, env, name, args...)
	return stdout
}

// run2 is run returning standard error too, for programs that report problems there but
// exit 0.
func run2(t *testing.T, env []string, name string, args ...string) (string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, stderr.Bytes(), stdout.Bytes())
	}
	return stdout.String(), stderr.String()
}

// pdfText is pdftotext -layout of a PDF, normalized by normText.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	exe := testutil.RequireTool(t, "pdftotext")
	return normText(run(t, nil, exe, "-layout", "-enc", "UTF-8", path, "-"))
}

// normText makes extracted text comparable across consumers: NFKC (Arabic presentation
// forms back to letters, no-break spaces to spaces, full-width forms to ASCII), no bidi
// controls or byte-order mark, hyphen-like characters to "-".
func normText(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\uFEFF', r == '\u061C', r == '\u200E', r == '\u200F',
			r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
			return -1
		case r == '\u2010', r == '\u2011':
			return '-'
		}
		return r
	}, s)
}

// textLines splits text into non-empty lines with runs of white space squeezed to one
// space.
func textLines(s string) []string {
	var out []string
	for l := range strings.Lines(s) {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// hasLine reports whether one of lines is want. Right-to-left text comes out of pdftotext
// in an order that depends on the mix of scripts, so with anyOrder it is enough that one
// line holds all the words of want.
func hasLine(lines []string, want string, anyOrder bool) bool {
	dashless := strings.NewReplacer("-", " ")
	for _, l := range lines {
		if l == want || anyOrder && hasAllWords(dashless.Replace(l), strings.Fields(dashless.Replace(want))) {
			return true
		}
	}
	return false
}

func hasAllWords(line string, words []string) bool {
	have := strings.Fields(line)
	for _, w := range words {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// tokens splits text into words at white space, slashes and commas (Latin and Arabic).
func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '/' || r == ',' || r == '،' || r == ' ' || r == '\n' || r == '\t'
	})
}

// pdfWord is one word of pdftotext -bbox, in points from the top-left corner of its page.
// Its letters are in display order: right-to-left words come reversed, and a bracket is
// the one printed.
type pdfWord struct {
	page       int
	xMin, yMin float64
	text       string
	running    bool // in the top or bottom margin: running header or footer (page number)
}

var (
	bboxPage = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)"`)
	bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="[0-9.]+">([^<]*)</word>`)
)

// pdfWords returns the words of a PDF with their boxes, and the page width.
func pdfWords(t *testing.T, path string) ([]pdfWord, float64) {
	t.Helper()
	exe := testutil.RequireTool(t, "pdftotext")
	out := run(t, nil, exe, "-bbox", "-enc", "UTF-8", path, "-")
	var words []pdfWord
	width, height, page := 0.0, 0.0, 0
	for l := range strings.Lines(out) {
		if m := bboxPage.FindStringSubmatch(l); m != nil {
			page++
			width, _ = strconv.ParseFloat(m[1], 64)
			height, _ = strconv.ParseFloat(m[2], 64)
			continue
		}
		m := bboxWord.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		words = append(words, pdfWord{page: page, xMin: x0, yMin: y0, text: normText(html.UnescapeString(m[3])),
			running: y0 < 54 || y0 > height-54})
	}
	// Top to bottom, page by page; words of one line keep pdftotext's order.
	sort.SliceStable(words, func(i, j int) bool {
		if words[i].page != words[j].page {
			return words[i].page < words[j].page
		}
		return math.Round(words[i].yMin) < math.Round(words[j].yMin)
	})
	return words, width
}

var (
	ltrParaLabel = regexp.MustCompile(`^(\d+)\.$`)
	rtlParaLabel = regexp.MustCompile(`^-?(\d+)-?$`)
)

// marginNumbers returns the paragraph numbers printed at the start edge of a PDF's text
// block, in page order: "12." (or "12 -") within 100 points of the left edge, or, right to left,
// "12 -" (which pdftotext gives as "-12", or "-" and "12") within 100 points of the right
// edge. (UN documents print a paragraph's number at the text block's edge, 33 mm in.)
func marginNumbers(words []pdfWord, width float64, rtl bool) []string {
	var nums []string
	for i, w := range words {
		switch {
		case w.running:
		case !rtl && w.xMin < 100:
			if m := ltrParaLabel.FindStringSubmatch(w.text); m != nil {
				nums = append(nums, m[1])
			} else if m := rtlParaLabel.FindStringSubmatch(w.text); m != nil && i+1 < len(words) && words[i+1].text == "-" {
				// An Arabic version's "12 -" before a paragraph left in English.
				nums = append(nums, m[1])
			}
		case rtl && w.xMin > width-100-12:
			if m := rtlParaLabel.FindStringSubmatch(w.text); m != nil {
				nums = append(nums, m[1])
			}
		}
	}
	return nums
}

// hasWord reports whether a PDF word contains want (whole, so not broken across lines).
func hasWord(words []pdfWord, want string, exact bool) bool {
	for _, w := range words {
		if w.text == want || !exact && strings.Contains(w.text, want) {
			return true
		}
	}
	return false
}

// upTo returns "1" … "n".
func upTo(n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = strconv.Itoa(i + 1)
	}
	return s
}

// docxPart returns one part of a DOCX package.
func docxPart(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	t.Fatalf("%s has no part %s", path, name)
	return ""
}

// modelHeadings returns the text of every heading of the document model scribe wrote as
// JSON next to the other outputs (stem.json), in document order.
func modelHeadings(t *testing.T, stem string) []string {
	t.Helper()
	data, err := os.ReadFile(stem + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s.json: %v", stem, err)
	}
	var heads []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if x["type"] == "heading" {
				heads = append(heads, strings.Join(strings.Fields(normText(inlineText(x["inlines"]))), " "))
			}
			for _, k := range sortedKeys(x) {
				if k != "inlines" {
					walk(x[k])
				}
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return heads
}

// inlineText is the printed text of JSON inlines, without footnote bodies.
func inlineText(v any) string {
	var b strings.Builder
	ins, _ := v.([]any)
	for _, in := range ins {
		m, _ := in.(map[string]any)
		if m["kind"] == "footnote" {
			continue
		}
		s, _ := m["text"].(string)
		b.WriteString(s)
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
