package interop

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
)

// TestLibreOfficeConvertsEveryDOCX has LibreOffice convert every DOCX produced (six
// languages, the reference notes in French and Arabic, the corpus) to PDF in one batch:
// each must give a complete PDF with text in it.
func TestLibreOfficeConvertsEveryDOCX(t *testing.T) {
	dir := suite.loPDF(t)
	pdftotext := testutil.RequireTool(t, "pdftotext")
	for _, stem := range suite.convert(t).all() {
		name := filepath.Base(stem)
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".pdf")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("LibreOffice gave no PDF for %s.docx: %v", name, err)
			}
			if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")) {
				t.Fatalf("LibreOffice's PDF of %s.docx is not a complete PDF (%d bytes)", name, len(data))
			}
			if text := strings.Join(strings.Fields(run(t, nil, pdftotext, path, "-")), " "); len(text) < 100 {
				t.Errorf("LibreOffice's PDF of %s.docx has almost no text: %q", name, text)
			}
		})
	}
}

// pythonHeadings lists, for each DOCX, the text of the body paragraphs whose style is a
// Heading style, as python-docx sees them (one JSON object per line). The text is taken
// from the paragraph's runs, hyperlinks included: python-docx 0.8 (Debian's) leaves
// hyperlinks out of Paragraph.text.
const pythonHeadings = `
import json, sys
import docx
from docx.oxml.ns import qn

def text(p):
    return "".join(el.text or "" for el in p._p.iter(qn("w:t")))

for path in sys.argv[1:]:
    try:
        d = docx.Document(path)
        heads = [text(p) for p in d.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
        print(json.dumps({"file": path, "headings": heads}))
    except Exception as e:
        print(json.dumps({"file": path, "error": "%s: %s" % (type(e).__name__, e)}))
`

// TestPythonDocxFindsHeadings opens every DOCX with python-docx and finds the document's
// headings in Heading styles: as many as the document model has, with their text.
func TestPythonDocxFindsHeadings(t *testing.T) {
	py := testutil.RequirePython(t, "docx")
	stems := suite.convert(t).all()
	var files []string
	for _, s := range stems {
		files = append(files, s+".docx")
	}
	out := run(t, nil, py, append([]string{"-c", pythonHeadings}, files...)...)
	type result struct {
		File     string   `json:"file"`
		Headings []string `json:"headings"`
		Error    string   `json:"error"`
	}
	got := map[string]result{}
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var r result
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("python-docx output: %v\n%s", err, out)
		}
		got[r.File] = r
	}
	for _, stem := range stems {
		t.Run(filepath.Base(stem), func(t *testing.T) {
			r, ok := got[stem+".docx"]
			switch {
			case !ok:
				t.Fatal("python-docx reported nothing")
			case r.Error != "":
				t.Fatalf("python-docx cannot open it: %s", r.Error)
			}
			want := modelHeadings(t, stem)
			if len(r.Headings) != len(want) {
				t.Fatalf("python-docx finds %d paragraphs in Heading styles, the model has %d headings\ngot  %q\nwant %q",
					len(r.Headings), len(want), r.Headings, want)
			}
			for i, h := range r.Headings {
				// A heading may carry its label as text ("أولا -<tab>…"): the title follows.
				if h = strings.Join(strings.Fields(normText(h)), " "); !strings.Contains(h, want[i]) {
					t.Errorf("heading %d: python-docx reads %q, want %q", i+1, h, want[i])
				}
			}
		})
	}
}

// TestPandocReadsEveryDOCX has pandoc's DOCX reader convert every DOCX to plain text,
// without error, with every heading of the model in it.
func TestPandocReadsEveryDOCX(t *testing.T) {
	pandoc := testutil.RequireTool(t, "pandoc")
	for _, stem := range suite.convert(t).all() {
		t.Run(filepath.Base(stem), func(t *testing.T) {
			t.Parallel()
			text := run(t, nil, pandoc, "-f", "docx", "-t", "plain", "--wrap=none", stem+".docx")
			text = strings.Join(strings.Fields(normText(text)), " ")
			if len(text) < 100 {
				t.Fatalf("pandoc reads almost nothing: %q", text)
			}
			for _, h := range modelHeadings(t, stem) {
				if !strings.Contains(text, h) {
					t.Errorf("pandoc's text lacks the heading %q", h)
				}
			}
		})
	}
}

// TestQpdfChecksEveryPDF runs qpdf --check on every PDF scribe wrote: no syntax, stream
// or cross-reference error, and no warning either.
func TestQpdfChecksEveryPDF(t *testing.T) {
	qpdf := testutil.RequireTool(t, "qpdf")
	for _, stem := range suite.convert(t).all() {
		t.Run(filepath.Base(stem), func(t *testing.T) {
			t.Parallel()
			out := run(t, nil, qpdf, "--check", stem+".pdf")
			if !strings.Contains(out, "No syntax or stream encoding errors found") {
				t.Errorf("qpdf --check:\n%s", out)
			}
		})
	}
}

// TestPdffontsAllEmbedded runs pdffonts on every PDF scribe wrote: at least one font,
// and every font embedded.
func TestPdffontsAllEmbedded(t *testing.T) {
	pdffonts := testutil.RequireTool(t, "pdffonts")
	for _, stem := range suite.convert(t).all() {
		t.Run(filepath.Base(stem), func(t *testing.T) {
			t.Parallel()
			out := run(t, nil, pdffonts, stem+".pdf")
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) < 3 {
				t.Fatalf("pdffonts lists no font:\n%s", out)
			}
			// name type encoding emb sub uni object-number generation: emb is fifth from
			// the end whatever spaces the name or type hold.
			for _, l := range lines[2:] {
				f := strings.Fields(l)
				if len(f) < 5 || f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %s", l)
				}
			}
		})
	}
}

// TestGhostscriptAndMuPDFRender has two more PDF engines, independent of poppler, draw
// every page of every PDF scribe wrote: Ghostscript stops at the first error
// (-dPDFSTOPONERROR) and reports repairs it had to make, MuPDF prints an error for
// anything it cannot draw. Neither may complain.
func TestGhostscriptAndMuPDFRender(t *testing.T) {
	gs := testutil.RequireTool(t, "gs")
	mutool := testutil.RequireTool(t, "mutool")
	for _, stem := range suite.convert(t).all() {
		t.Run(filepath.Base(stem), func(t *testing.T) {
			t.Parallel()
			out, errOut := run2(t, nil, gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dPDFSTOPONERROR", "-sDEVICE=nullpage", stem+".pdf")
			if s := strings.TrimSpace(out + errOut); s != "" {
				t.Errorf("Ghostscript:\n%s", s)
			}
			out, errOut = run2(t, nil, mutool, "draw", "-q", "-o", os.DevNull, stem+".pdf")
			for _, l := range strings.Split(strings.TrimSpace(out+errOut), "\n") {
				// The Debian build has no colour management; that is not about the file.
				if l != "" && !strings.Contains(l, "ICC support is not available") {
					t.Errorf("MuPDF: %s", l)
				}
			}
		})
	}
}
