package interop

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/scribe-un/scribe/internal/testutil"
)

// pdfjsRead is what pdfjs/extract.mjs prints for one file.
type pdfjsRead struct {
	Path     string         `json:"path"`
	Error    string         `json:"error"`
	Pages    int            `json:"pages"`
	Info     map[string]any `json:"info"`
	XMP      map[string]any `json:"xmp"`
	Text     []string       `json:"text"`
	Links    []string       `json:"links"`
	Warnings []string       `json:"warnings"`
}

// TestPDFjsReadsEveryPDF has PDF.js (pdfjs-dist from the npm registry, run by node), the
// engine of Firefox's viewer and of many web viewers, read every PDF scribe wrote: it opens
// each without a warning, counts the pages qpdf counts, reads the title, language and PDF/A
// claim of the metadata, finds the link annotations, and extracts the same characters as
// poppler's pdftotext (as multisets, so the two engines' reading orders of the masthead may
// differ; line-end hyphens, which pdftotext joins, and bidi controls, which it adds, aside).
// The module is installed by `npm ci` in internal/interop/pdfjs (.ci/run does it).
func TestPDFjsReadsEveryPDF(t *testing.T) {
	node := testutil.RequireTool(t, "node")
	qpdf := testutil.RequireTool(t, "qpdf")
	pdftotext := testutil.RequireTool(t, "pdftotext")
	dir := filepath.Join(suite.root, "internal", "interop", "pdfjs")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "pdfjs-dist", "package.json")); err != nil {
		if testutil.InCI() {
			t.Fatalf("pdfjs-dist is required under CI=true (npm ci in %s): %v", dir, err)
		}
		t.Skipf("pdfjs-dist not installed (run npm ci in %s)", dir)
	}
	stems := suite.convert(t).all()
	args := []string{filepath.Join(dir, "extract.mjs")}
	for _, s := range stems {
		args = append(args, s+".pdf")
	}
	out := run(t, nil, node, args...)
	reads := map[string]pdfjsRead{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var r pdfjsRead
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("extract.mjs printed %q: %v", sc.Text(), err)
		}
		reads[r.Path] = r
	}
	links := 0
	for _, s := range stems {
		t.Run(filepath.Base(s), func(t *testing.T) {
			r, ok := reads[s+".pdf"]
			if !ok {
				t.Fatal("PDF.js printed nothing for the file")
			}
			if r.Error != "" {
				t.Fatalf("PDF.js cannot open the file: %s", r.Error)
			}
			for _, w := range r.Warnings {
				t.Errorf("PDF.js: %s", w)
			}
			if n := strings.TrimSpace(run(t, nil, qpdf, "--show-npages", s+".pdf")); fmt.Sprint(r.Pages) != n {
				t.Errorf("PDF.js counts %d pages, qpdf %s", r.Pages, n)
			}
			lang := strings.TrimPrefix(filepath.Ext(s), ".")
			if r.Info["Language"] != lang {
				t.Errorf("PDF.js reads the language %v, want %s", r.Info["Language"], lang)
			}
			if title, _ := r.Info["Title"].(string); title == "" || r.XMP["dc:title"] != title {
				t.Errorf("PDF.js reads the title %q, and %q in the XMP", title, r.XMP["dc:title"])
			}
			if r.XMP["pdfaid:part"] != "2" || r.XMP["pdfaid:conformance"] != "B" {
				t.Errorf("PDF.js reads the PDF/A claim as part %v conformance %v", r.XMP["pdfaid:part"], r.XMP["pdfaid:conformance"])
			}
			want := 0
			for _, o := range readObjects(t, qpdf, s+".pdf").objs {
				if v, _ := o["value"].(map[string]any); v["/Subtype"] == "/Link" {
					want++
				}
			}
			if len(r.Links) != want {
				t.Errorf("PDF.js finds %d links, the file has %d", len(r.Links), want)
			}
			links += len(r.Links)
			ours, theirs := charCounts(strings.Join(r.Text, "")), charCounts(run(t, nil, pdftotext, "-enc", "UTF-8", s+".pdf", "-"))
			for c, n := range ours {
				if theirs[c] != n {
					t.Errorf("%q: PDF.js reads it %d times, pdftotext %d", c, n, theirs[c])
				}
			}
			for c, n := range theirs {
				if _, seen := ours[c]; !seen {
					t.Errorf("%q: PDF.js never reads it, pdftotext %d times", c, n)
				}
			}
		})
	}
	if links == 0 {
		t.Error("no PDF had a link for PDF.js to find")
	}
}

// charCounts counts the characters of extracted text, normalized by normText, without
// white space and hyphens.
func charCounts(s string) map[rune]int {
	m := map[rune]int{}
	for _, r := range normText(s) {
		if !unicode.IsSpace(r) && r != '-' {
			m[r]++
		}
	}
	return m
}
