package pdf

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

// realDoc reads the reference notes (a copy of the shared corpus file) and localizes them
// for lang, as the runner does.
func realDoc(t *testing.T, lang string) *model.Document {
	t.Helper()
	name := filepath.Join("testdata", "wsis-itu-consultation-2005-05-02.txt")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	doc, err := notes.New().Read(ctx, data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: name})
	if err != nil {
		t.Fatal(err)
	}
	env := &model.Env{Locales: locales.MustEmbedded()}
	for _, tr := range normalize.Source() {
		if err := tr.Apply(ctx, doc, env); err != nil {
			t.Fatal(err)
		}
	}
	loc, err := locales.MustEmbedded().Lookup(lang)
	if err != nil {
		t.Fatal(err)
	}
	out := doc.Clone()
	env = &model.Env{Locales: locales.MustEmbedded(), Locale: loc}
	for _, tr := range normalize.Output(normalize.OutputOptions{}) {
		if err := tr.Apply(ctx, out, env); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestRealSample typesets the reference notes in the six languages and checks them with
// qpdf and pdftotext; PDF_DUMP=dir keeps the files to look at.
func TestRealSample(t *testing.T) {
	fonts := fontsOrFail(t, systemFonts)
	qpdf := testutil.RequireTool(t, "qpdf")
	pdftotext := testutil.RequireTool(t, "pdftotext")
	dir := os.Getenv("PDF_DUMP")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, lang := range []string{"en", "fr", "es", "ru", "ar", "zh"} {
		if lang == "zh" && !fonts.Languages()["zh"] {
			continue
		}
		doc := realDoc(t, lang)
		path := filepath.Join(dir, "real-"+lang+".pdf")
		if err := os.WriteFile(path, writeDoc(t, doc, fonts, true), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
			t.Errorf("%s: qpdf --check: %v\n%s", path, err, out)
		}
		text, err := exec.Command(pdftotext, "-layout", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(text), "Syria") {
			t.Errorf("%s: body text missing", path)
		}
		checkReadingOrder(t, path, string(text), doc)
	}
}
