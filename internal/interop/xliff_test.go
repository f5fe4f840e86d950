package interop

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
)

// schemaDir holds unmodified copies of the OASIS XLIFF schemas and a catalog that maps the
// W3C xml.xsd import of XLIFF 1.2 to a local copy, so validation works offline.
const schemaDir = "formats/xliff/testdata/schemas"

// extracted are the XLIFF files of every i18n sample, towards the five other languages.
type extracted struct {
	v2, v12 []string
}

// extractAll runs scribe extract on each i18n sample, in XLIFF 2.0 and 1.2, once.
func extractAll(t *testing.T) extracted {
	t.Helper()
	f := suite
	f.extractOnce.Do(func() {
		dir := filepath.Join(f.work, "xliff")
		for _, l := range langs {
			var targets []string
			for _, o := range langs {
				if o != l {
					targets = append(targets, o)
				}
			}
			in := filepath.Join("testdata", "i18n", l+".txt")
			for _, v := range []struct {
				format, sub string
				files       *[]string
			}{{"xliff2", "2.0", &f.extracted.v2}, {"xliff12", "1.2", &f.extracted.v12}} {
				out := filepath.Join(dir, v.sub)
				if _, f.extractErr = f.scribe("extract", in, "--target", strings.Join(targets, ","), "--format", v.format, "-q", "-o", out); f.extractErr != nil {
					return
				}
				for _, o := range targets {
					*v.files = append(*v.files, filepath.Join(out, l+"."+o+".xlf"))
				}
			}
		}
	})
	if f.extractErr != nil {
		t.Fatal(f.extractErr)
	}
	return f.extracted
}

// xmllintSchema validates files against an XSD of schemaDir in one xmllint run.
func xmllintSchema(t *testing.T, xsd string, files []string) {
	t.Helper()
	xmllint := testutil.RequireTool(t, "xmllint")
	dir := filepath.Join(suite.root, schemaDir)
	env := []string{"XML_CATALOG_FILES=" + filepath.Join(dir, "catalog.xml")}
	run(t, env, xmllint, append([]string{"--nonet", "--noout", "--schema", filepath.Join(dir, xsd)}, files...)...)
}

// TestXLIFFValidatesAgainstOASISSchemas validates the XLIFF 2.0 files extracted from every
// i18n sample against xliff-core-2.0.xsd, and the XLIFF 1.2 files against
// xliff-core-1.2-transitional.xsd.
func TestXLIFFValidatesAgainstOASISSchemas(t *testing.T) {
	x := extractAll(t)
	if len(x.v2) != 30 || len(x.v12) != 30 {
		t.Fatalf("extract wrote %d XLIFF 2.0 and %d XLIFF 1.2 files, want 30 of each", len(x.v2), len(x.v12))
	}
	t.Run("2.0", func(t *testing.T) { xmllintSchema(t, "xliff-core-2.0.xsd", x.v2) })
	t.Run("1.2", func(t *testing.T) { xmllintSchema(t, "xliff-core-1.2-transitional.xsd", x.v12) })
}

// pocountRow matches a line of pocount --csv: file name, then numbers; the total of
// messages is the ninth column.
var pocountRow = regexp.MustCompile(`^([^,]+),((?:\s*\d+,?)+)\s*$`)

// pocount runs Translate Toolkit's pocount on files and returns the total number of
// messages it read in each. pocount exits 0 even when it cannot parse a file, so its
// error output is checked too.
func pocount(t *testing.T, files []string) map[string]int {
	t.Helper()
	exe := testutil.RequireTool(t, "pocount")
	out, errs := run2(t, nil, exe, append([]string{"--csv"}, files...)...)
	if strings.Contains(errs, "ERROR") || strings.Contains(errs, "Traceback") {
		t.Errorf("pocount:\n%s", errs)
	}
	totals := map[string]int{}
	for l := range strings.Lines(out) {
		m := pocountRow.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		cols := strings.Split(m[2], ",")
		if len(cols) < 8 {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(cols[7]))
		if err != nil {
			t.Fatalf("pocount row %q: %v", l, err)
		}
		totals[m[1]] = n
	}
	return totals
}

// TestPocountReadsXLIFF12 has Translate Toolkit's pocount read every XLIFF 1.2 file and
// count as many messages as the file has trans-units.
func TestPocountReadsXLIFF12(t *testing.T) {
	x := extractAll(t)
	totals := pocount(t, x.v12)
	for _, f := range x.v12 {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Count(string(data), "<trans-unit ")
		if got, ok := totals[f]; !ok || got != want || want == 0 {
			t.Errorf("%s: pocount reads %d messages (reported: %v), the file has %d trans-units", filepath.Base(f), got, ok, want)
		}
	}
}

// segment is a segment of scribe's XLIFF 2.0 without a target.
var segment = regexp.MustCompile(`(?s)<segment id="(s\d+)"><source>(.*?)</source></segment>`)

// TestTranslationMemoryAndRoundTrip plays the translator: it fills the targets of the
// French XLIFF 2.0 of the English notes (state translated; inline codes copied), checks
// the result against the schema, builds a TMX with scribe tm export and has pocount read
// it, then converts the notes with the translation: the French report has the translated
// text, with the same chapters, paragraph numbers 1–5 and French subparagraph markers.
func TestTranslationMemoryAndRoundTrip(t *testing.T) {
	x := extractAll(t)
	src := filepath.Join(suite.work, "xliff", "2.0", "en.fr.xlf")
	if !slices.Contains(x.v2, src) {
		t.Fatalf("no %s among the extracted files", src)
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	n := len(segment.FindAllIndex(data, -1))
	if n == 0 {
		t.Fatal("the extracted XLIFF has no segment to translate")
	}
	filled := segment.ReplaceAll(data, []byte(`<segment id="$1" state="translated"><source>$2</source><target>TRFR $2</target></segment>`))
	dir := t.TempDir()
	xlf := filepath.Join(dir, "en.fr.xlf")
	if err := os.WriteFile(xlf, filled, 0o644); err != nil {
		t.Fatal(err)
	}
	xmllintSchema(t, "xliff-core-2.0.xsd", []string{xlf})

	tmx := filepath.Join(dir, "memory.tmx")
	if _, err := suite.scribe("tm", "export", xlf, "-o", tmx); err != nil {
		t.Fatal(err)
	}
	mem, err := os.ReadFile(tmx)
	if err != nil {
		t.Fatal(err)
	}
	if tus := strings.Count(string(mem), "<tu>"); tus != n {
		t.Errorf("the TMX has %d translation units, want one per translated segment (%d)", tus, n)
	}
	if got := pocount(t, []string{tmx})[tmx]; got != n {
		t.Errorf("pocount reads %d messages in the TMX, want %d", got, n)
	}

	if _, err := suite.scribe("convert", filepath.Join("testdata", "i18n", "en.txt"), "--lang", "fr",
		"--translations", xlf, "--to", "pdf", "-q", "-o", dir); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "en.fr.pdf")
	lines := textLines(pdfText(t, pdf))
	for _, want := range []string{"Distr. générale", "Original : anglais", "I. TRFR Organization of work", "II. TRFR Implementation and follow-up"} {
		if !hasLine(lines, want, false) {
			t.Errorf("translated report: line %q missing", want)
		}
	}
	words, width := pdfWords(t, pdf)
	if got := marginNumbers(words, width, false); !slices.Equal(got, upTo(5)) {
		t.Errorf("translated report: paragraph numbers %v, want 1–5", got)
	}
	for _, m := range []string{"a)", "b)", "TRFR"} {
		if !hasWord(words, m, true) {
			t.Errorf("translated report: %q not printed", m)
		}
	}
}
