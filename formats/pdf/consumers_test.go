package pdf

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// Font files of the Debian packages the CI installs (fonts-wqy-microhei, fonts-hosny-amiri).
const (
	wqyCollection = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	amiriFile     = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"
)

// requireFontFile skips (fails under CI=true) when a font package is not installed.
func requireFontFile(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if testutil.InCI() {
			t.Fatalf("font required under CI=true: %v", err)
		}
		t.Skipf("font not installed: %v", err)
	}
}

// textOf writes doc with fonts and returns the PDF and what pdftotext reads from it.
func textOf(t *testing.T, doc *model.Document, fonts *FontSet, name string) (pdf []byte, text string) {
	t.Helper()
	pdftotext := testutil.RequireTool(t, "pdftotext")
	var buf bytes.Buffer
	if err := NewWriter(Options{Fonts: fonts, Compress: true}).Write(context.Background(), &buf, doc, writeOpts(t, doc)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return buf.Bytes(), string(out)
}

// withParagraphs replaces the body of doc with one numbered paragraph per text.
func withParagraphs(doc *model.Document, texts ...string) *model.Document {
	doc.Blocks = nil
	for i, s := range texts {
		doc.Blocks = append(doc.Blocks, &model.Paragraph{
			Numbered: true, Number: model.Number{Ordinal: i + 1, Label: "", Level: 0},
			Inlines: model.Texts(s, i+1),
		})
	}
	return doc
}

// TestCollectionFace: a face taken out of a TrueType collection (WenQuanYi's .ttc) is
// embedded as a subset CID font with a ToUnicode map, and poppler reads the Chinese back.
func TestCollectionFace(t *testing.T) {
	requireFontFile(t, wqyCollection)
	fonts, err := LoadFonts(FontOptions{Files: []string{wqyCollection}, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	const line = "联合国大会第七十八届会议：报告（草稿）。Report A/78/1"
	pdf, text := textOf(t, withParagraphs(pipelinetest.Sample("zh"), line), fonts, "wqy.pdf")
	if !strings.Contains(strings.Join(strings.Fields(text), ""), strings.ReplaceAll(line, " ", "")) {
		t.Errorf("pdftotext lacks %q:\n%s", line, text)
	}
	if len(pdf) > 200<<10 {
		t.Errorf("PDF of one paragraph is %d bytes: the 4.6 MB face was not subset", len(pdf))
	}
	if !bytes.Contains(testutil.PDFInClear(t, pdf), []byte("+WenQuanYiMicroHei /Encoding ")) {
		t.Errorf("no subset WenQuanYi font in the PDF")
	}
}

// TestArabicTextLayer: shaped, reordered Arabic (with Latin, digits and document symbols
// inside) comes back from pdftotext as the words typed, in DejaVu and in Amiri. poppler
// returns the words wrapped in bidi controls and in presentation forms, so both are
// normalized away before comparing. (Across a neutral inside a word, "أيار/مايو", poppler
// rebuilds the order from glyph positions in its own way, so the halves are checked.)
func TestArabicTextLayer(t *testing.T) {
	lines := []string{
		"قال ممثل كندا إن الوثيقة PC-2/DT/2 (rev.2) صدرت في 2 أيار/مايو 2005، 14:00–17:30.",
		"مُحَمَّدٌ رَسُولُ اللَّهِ (شَدَّة) لا إلا",
	}
	sets := map[string]*FontSet{"dejavu": fontsOrFail(t, testFonts)}
	requireFontFile(t, amiriFile)
	amiri, err := LoadFonts(FontOptions{Files: []string{amiriFile}, NoSystem: true})
	if err != nil {
		t.Fatal(err)
	}
	sets["amiri"] = amiri
	for name, fonts := range sets {
		_, out := textOf(t, withParagraphs(pipelinetest.Sample("ar"), lines...), fonts, name+".pdf")
		text := norm.NFKC.String(strings.Map(func(r rune) rune {
			switch {
			case r == '\u061C', r == '\u200E', r == '\u200F', r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069':
				return -1
			}
			return r
		}, out))
		for _, want := range []string{"PC-2/DT/2", "rev.2", "2005", "14:00", "17:30",
			"قال ممثل كندا إن الوثيقة", "أيار", "مايو", "مُحَمَّدٌ رَسُولُ", "لا إلا"} {
			if !strings.Contains(text, norm.NFKC.String(want)) {
				t.Errorf("%s: pdftotext text lacks %q:\n%s", name, want, text)
			}
		}
	}
}

// TestBeyondBMP: characters beyond U+FFFF that a font has are drawn and extracted, like any
// other (the subset keeps their glyphs; the text is written as glyph numbers).
func TestBeyondBMP(t *testing.T) {
	const line = "The set 𝔸 of answers 😀 was noted."
	pdf, text := textOf(t, withParagraphs(pipelinetest.Sample("en"), line), fontsOrFail(t, testFonts), "smp.pdf")
	if !strings.Contains(strings.Join(strings.Fields(text), " "), line) {
		t.Errorf("pdftotext lacks %q:\n%s", line, text)
	}
	// The emoji is in DejaVu Sans only, so the serif body text falls back to it.
	if !bytes.Contains(testutil.PDFInClear(t, pdf), []byte("+DejaVuSans /Encoding ")) {
		t.Errorf("no DejaVu Sans subset for the emoji")
	}
}

// TestTaggedStructure: poppler reads the structure tree of the sample: the document is
// tagged, chapters are H1 elements, numbered paragraphs P elements with their number and a
// space before the text, subparagraphs LI elements inside an L, the quotation a BlockQuote,
// the footnote a Note; the running head and page numbers are artifacts, not text.
func TestTaggedStructure(t *testing.T) {
	pdfinfo := testutil.RequireTool(t, "pdfinfo")
	doc := longDoc("en")
	var buf bytes.Buffer
	if err := NewWriter(Options{Fonts: fontsOrFail(t, testFonts), Compress: true}).Write(context.Background(), &buf, doc, writeOpts(t, doc)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tagged.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command(pdfinfo, path).Output()
	if err != nil || !strings.Contains(string(info), "Tagged:          yes") {
		t.Fatalf("pdfinfo: %v\n%s", err, info)
	}
	out, err := exec.Command(pdfinfo, "-struct-text", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text: %v", err)
	}
	tree := string(out)
	count := func(role string) int {
		return len(regexp.MustCompile(`(?m)^\s*`+role+`\b`).FindAllString(tree, -1))
	}
	var headings, numbered, items, quotes, notes int
	model.Walk(doc.Blocks, func(b model.Block) bool {
		switch n := b.(type) {
		case *model.Heading:
			headings++
		case *model.Paragraph:
			if n.Numbered {
				numbered++
			}
			for _, in := range n.Inlines {
				if in.Kind == model.KindFootnote {
					notes++
				}
			}
		case *model.ListItem:
			items++
		case *model.Quote:
			quotes++
		}
		return true
	})
	if got := count("H[1-6]"); got != headings {
		t.Errorf("%d heading elements, want %d", got, headings)
	}
	if got := count("LI"); got != items {
		t.Errorf("%d LI elements, want %d", got, items)
	}
	if got := count("BlockQuote"); got != quotes {
		t.Errorf("%d BlockQuote elements, want %d", got, quotes)
	}
	if got := count("Note"); got != notes {
		t.Errorf("%d Note elements, want %d", got, notes)
	}
	if !regexp.MustCompile(`"1\. \S`).MatchString(tree) {
		t.Error("paragraph 1 is not tagged with its number and a space")
	}
	if header := doc.Meta.Symbol; strings.Count(tree, header) > 1 {
		t.Errorf("the running head %q is tagged as text on every page", header)
	}
	if count("P") < numbered {
		t.Errorf("%d P elements for %d numbered paragraphs", count("P"), numbered)
	}
}
