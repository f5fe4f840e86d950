package shape

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/scribe-un/scribe/internal/testutil"
	"golang.org/x/text/unicode/norm"
)

var renderDir = flag.String("render", "", "also write the rendered test PDF to this folder, to look at it")

const amiriPath = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"

// renderArabic draws shaped, reordered, right-aligned Arabic lines with fpdf in every font
// given, as the PDF writer will.
func renderArabic(t *testing.T, fonts map[string][]byte, lines []string) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	for name, ttf := range fonts {
		pdf.AddUTF8FontFromBytes(name, "", ttf)
	}
	pdf.AddPage()
	y := 20.0
	for _, name := range []string{"dejavu", "amiri"} {
		if fonts[name] == nil {
			continue
		}
		pdf.SetFont(name, "", 12)
		for _, l := range lines {
			pdf.SetXY(10, y)
			pdf.CellFormat(190, 10, Visual(Arabic(l), true), "", 0, "R", false, 0, "")
			y += 12
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRenderArabic draws the reference sentence and checks the text layer with pdftotext:
// the LTR islands come back intact and the letters normalize to the logical words.
// Look at the page with: go test -run TestRenderArabic -render /tmp && pdftoppm -png …
func TestRenderArabic(t *testing.T) {
	fonts := map[string][]byte{"dejavu": dejavusans.TTF}
	if b, err := os.ReadFile(amiriPath); err == nil {
		fonts["amiri"] = b
	} else if testutil.InCI() {
		t.Fatalf("Amiri (fonts-hosny-amiri) is required under CI=true: %v", err)
	}
	lines := []string{
		"قال ممثل كندا إن الوثيقة PC-2/DT/2 (rev.2) صدرت في 2 أيار/مايو 2005، 14:00–17:30.",
		"مُحَمَّدٌ رَسُولُ اللَّهِ (شَدَّة) لا إلا",
	}
	pdf := renderArabic(t, fonts, lines)
	if *renderDir != "" {
		if err := os.WriteFile(filepath.Join(*renderDir, "arabic.pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	pdftotext := testutil.RequireTool(t, "pdftotext")
	cmd := exec.Command(pdftotext, "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// poppler undoes the visual order itself (it wraps RTL text in embedding controls and
	// returns logical order), so after dropping those controls and normalizing the
	// presentation forms, the words read as typed.
	text := norm.NFKC.String(strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, string(out)))
	for _, want := range []string{"PC-2/DT/2", "rev.2", "2005", "14:00", "17:30",
		"قال ممثل كندا إن الوثيقة", "أيار/مايو", "مُحَمَّدٌ رَسُولُ", "لا إلا"} {
		if !strings.Contains(text, norm.NFKC.String(want)) {
			t.Errorf("pdftotext text lacks %q:\n%s", want, text)
		}
	}
}
