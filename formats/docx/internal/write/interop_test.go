package write

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// interopDir is where interop tests write their files: a temporary directory, or
// $SCRIBE_DOCX_KEEP when set (to look at the PDFs afterwards).
func interopDir(t *testing.T) string {
	if d := os.Getenv("SCRIBE_DOCX_KEEP"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// writeRichFiles writes the rich sample in all six languages and returns the file paths.
func writeRichFiles(t *testing.T, dir string) []string {
	var files []string
	for _, lang := range locales.Supported {
		data, _ := writeDoc(t, Options{}, richDoc(lang), lang)
		p := filepath.Join(dir, "rich-"+lang+".docx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	return files
}

// runSoffice runs LibreOffice once over all files with a private profile.
func runSoffice(t *testing.T, soffice, dir, format string, files []string) {
	t.Helper()
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile"), "--headless",
		"--convert-to", format, "--outdir", dir}
	cmd := exec.Command(soffice, append(args, files...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, out)
	}
	if bytes.Contains(bytes.ToLower(out), []byte("error")) {
		t.Errorf("soffice complained:\n%s", out)
	}
}

// TestInteropLibreOffice converts the six language versions with LibreOffice (one
// invocation per target format, all files at once) and checks that the paragraph and
// subparagraph numbers LibreOffice prints come from numbering, that the second list
// restarts, and that page 2 carries the running header and page number.
func TestInteropLibreOffice(t *testing.T) {
	soffice := testutil.RequireTool(t, "soffice")
	pdftotext := testutil.RequireTool(t, "pdftotext")
	dir := interopDir(t)
	files := writeRichFiles(t, dir)
	runSoffice(t, soffice, dir, "txt:Text (encoded):UTF8", files)
	runSoffice(t, soffice, dir, "pdf", files)
	for _, lang := range locales.Supported {
		loc := localeFor(t, lang)
		txt, err := os.ReadFile(filepath.Join(dir, "rich-"+lang+".txt"))
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		// LibreOffice prints abjad alef without hamza; the model writes أ.
		text := strings.ReplaceAll(string(txt), "(ا)", "(أ)")
		n := loc.Numbering
		want := []string{
			n.Paragraph.Label(1) + " After some welcoming",
			n.Paragraph.Label(3) + " Marc Furrer",
			n.Sub[0].Label(1) + " The Stocktaking",
			n.Sub[0].Label(2) + " The Stakeholder",
			n.Sub[1].Label(2) + " open to private",
			n.Paragraph.Label(6) + " The secretariat",
			n.Sub[0].Label(1) + " staff costs",
			n.Sub[0].Label(1) + " first restart item", // the list under an unnumbered paragraph restarts
			n.Sub[0].Label(2) + " second restart item",
			n.Paragraph.Label(38) + " Filler paragraph 30",
			n.Chapter.Label(3) + " Other matters",
			n.Section.Label(2) + " Calendar",
		}
		for _, w := range want {
			var quoted []string
			for _, f := range strings.Fields(w) {
				quoted = append(quoted, regexp.QuoteMeta(f))
			}
			// LibreOffice separates the number from the text by a space or a tab.
			re := regexp.MustCompile(`(?m)^\s*` + strings.Join(quoted, `\s+`))
			if !re.MatchString(text) {
				t.Errorf("%s: LibreOffice text lacks %q", lang, w)
			}
		}
		if regexp.MustCompile(`(?m)^\s*\S+\s+Lone section`).MatchString(text) {
			t.Errorf("%s: the lone unlabelled section got a number", lang)
		}
		pdf := filepath.Join(dir, "rich-"+lang+".pdf")
		page := func(n string) string {
			out, err := exec.Command(pdftotext, "-f", n, "-l", n, "-layout", pdf, "-").Output()
			if err != nil {
				t.Fatalf("%s: pdftotext: %v", lang, err)
			}
			return string(out)
		}
		p1, p2 := page("1"), page("2")
		if !strings.Contains(p1, "05-35610 ("+loc.JobLetter+")") {
			t.Errorf("%s: page 1 lacks the job number", lang)
		}
		if !strings.Contains(p2, "ITU/WSIS/2005/INF.1") || !regexp.MustCompile(`(?m)^\s*2\s*$`).MatchString(p2) {
			t.Errorf("%s: page 2 lacks the running header or the page number:\n%s", lang, p2)
		}
	}
}

// TestInteropPythonDocx opens every language version with python-docx and checks that the
// headings are in Heading styles and the numbered paragraphs in "UN Paragraph".
func TestInteropPythonDocx(t *testing.T) {
	py := testutil.RequirePython(t, "docx")
	dir := interopDir(t)
	files := writeRichFiles(t, dir)
	script := `
import sys, docx
for f in sys.argv[1:]:
    d = docx.Document(f)
    for p in d.paragraphs:
        print(f.rsplit("-", 1)[1][:2] + "\t" + p.style.name + "\t" + p.text[:40])
`
	out, err := exec.Command(py, append([]string{"-c", script}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("python-docx: %v\n%s", err, out)
	}
	for _, lang := range locales.Supported {
		for _, want := range []string{
			lang + "\tHeading 1\t",
			lang + "\tHeading 2\t",
			lang + "\tUN Paragraph\tAfter some welcoming remarks",
			lang + "\tSubparagraph\tThe Stocktaking",
			lang + "\tQuote\t",
		} {
			if !strings.Contains(string(out), want) {
				t.Errorf("python-docx output lacks %q", want)
			}
		}
	}
	if !strings.Contains(string(out), "en\tHeading 1\tOrganisation of the work") {
		t.Errorf("en chapter heading not in Heading 1:\n%s", out)
	}
}

// TestInteropPandoc reads each language version with pandoc's DOCX reader.
func TestInteropPandoc(t *testing.T) {
	pandoc := testutil.RequireTool(t, "pandoc")
	dir := interopDir(t)
	for _, f := range writeRichFiles(t, dir) {
		out, err := exec.Command(pandoc, "-f", "docx", "-t", "markdown", f).CombinedOutput()
		if err != nil {
			t.Fatalf("pandoc %s: %v\n%s", f, err, out)
		}
		s := string(out)
		if !regexp.MustCompile(`(?m)^# .*Organisation of the work`).MatchString(s) {
			t.Errorf("%s: pandoc did not read the chapter as a heading:\n%s", f, s)
		}
		for _, want := range []string{"Syria thanked the chair", "Available at the WSIS secretariat", "first restart item"} {
			if !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
				t.Errorf("%s: pandoc output lacks %q", f, want)
			}
		}
	}
}

// TestInteropLongBody opens a report whose word/document.xml is compressed in several blocks
// (see streamingPart) with python-docx and pandoc: every paragraph of every copy is read.
func TestInteropLongBody(t *testing.T) {
	py := testutil.RequirePython(t, "docx")
	pandoc := testutil.RequireTool(t, "pandoc")
	const copies = 350
	data, _ := writeDoc(t, Options{}, pipelinetest.Long("en", copies), "en")
	if parts, _ := unzipParts(t, data); len(parts["word/document.xml"]) <= zBlockSize {
		t.Fatalf("document.xml is %d bytes: too short for several blocks", len(parts["word/document.xml"]))
	}
	f := filepath.Join(interopDir(t), "long.docx")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	const marker = "After some welcoming remarks"
	out, err := exec.Command(py, "-c", `
import sys, docx
print(sum(p.text.startswith(sys.argv[2]) for p in docx.Document(sys.argv[1]).paragraphs))
`, f, marker).CombinedOutput()
	if err != nil {
		t.Fatalf("python-docx: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != strconv.Itoa(copies) {
		t.Errorf("python-docx read %s paragraphs starting %q, want %d", got, marker, copies)
	}
	md, err := exec.Command(pandoc, "-f", "docx", "-t", "plain", "--wrap=none", f).CombinedOutput()
	if err != nil {
		t.Fatalf("pandoc: %v\n%s", err, md)
	}
	if got := strings.Count(string(md), marker); got != copies {
		t.Errorf("pandoc read %d paragraphs with %q, want %d", got, marker, copies)
	}
}
