package write

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// rezip builds a zip from parts in the given order with archive/zip's own Deflate, one
// Write per part; mod is the parts' time (zero: none).
func rezip(t testing.TB, names []string, parts map[string][]byte, mod ...time.Time) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		fh := &zip.FileHeader{Name: n, Method: zip.Deflate}
		if len(mod) > 0 {
			fh.Modified = mod[0]
		}
		f, err := zw.CreateHeader(fh)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(parts[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReferenceDocErrors(t *testing.T) {
	noStyles := rezip(t, []string{"word/document.xml"}, map[string][]byte{"word/document.xml": []byte("<w:document/>")})
	badStyles := rezip(t, []string{"word/styles.xml"}, map[string][]byte{"word/styles.xml": []byte("<w:styles><unclosed>")})
	for name, data := range map[string][]byte{
		"notzip.docx":    []byte("this is not a zip file"),
		"nostyles.docx":  noStyles,
		"badstyles.docx": badStyles,
	} {
		_, err := New(Options{ReferenceDoc: data, ReferenceName: name})
		if !errors.Is(err, model.ErrMalformed) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want ErrMalformed naming the file", name, err)
		}
	}
}

// TestReferenceDoc uses scribe's own output, edited as an organisation would edit a template
// (Letter paper, its own header with a logo, a custom style, a wider number column, an
// attached template), as the reference for another language version.
func TestReferenceDoc(t *testing.T) {
	base, _ := writeDoc(t, Options{}, pipelinetest.Sample("en"), "en")
	parts, names := unzipParts(t, base)
	edit := func(part, old, new string) {
		t.Helper()
		if !bytes.Contains(parts[part], []byte(old)) {
			t.Fatalf("%s lacks %q", part, old)
		}
		parts[part] = bytes.Replace(parts[part], []byte(old), []byte(new), 1)
	}
	edit("word/document.xml", `<w:pgSz w:w="11906" w:h="16838"/>`, `<w:pgSz w:w="12240" w:h="15840"/>`)
	edit("word/styles.xml", `</w:styles>`, `<w:style w:type="paragraph" w:styleId="OrgCustom"><w:name w:val="Org Custom"/></w:style></w:styles>`)
	edit("word/styles.xml", `<w:name w:val="Quote"/>`, `<w:name w:val="Quote"/><w:basedOn w:val="Normal"/>`)
	edit("word/numbering.xml", `<w:ind w:left="720" w:firstLine="0"/>`, `<w:ind w:left="1440" w:hanging="720"/>`)
	edit("word/settings.xml", `<w:zoom w:percent="100"/>`, `<w:zoom w:percent="100"/><w:attachedTemplate r:id="rId1" xmlns:r="`+nsRel+`"/>`)
	parts["word/header1.xml"] = []byte(`<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="` + nsMain + `" xmlns:r="` + nsRel +
		`"><w:p><w:r><w:t>ORG TEMPLATE HEADER</w:t></w:r></w:p></w:hdr>`)
	parts["word/_rels/header1.xml.rels"] = []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + nsPkgRel +
		`"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.png"/></Relationships>`)
	parts["word/media/logo.png"] = []byte("\x89PNG fake")
	edit("[Content_Types].xml", `<Default Extension="xml"`, `<Default Extension="png" ContentType="image/png"/><Default Extension="xml"`)
	names = append(names, "word/_rels/header1.xml.rels", "word/media/logo.png")
	ref := rezip(t, names, parts)

	data, warns := writeDoc(t, Options{ReferenceDoc: ref, ReferenceName: "org.docx"}, pipelinetest.Sample("fr"), "fr")
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	out, outNames := unzipParts(t, data)
	checks := []struct{ part, want string }{
		{"word/document.xml", `<w:pgSz w:w="12240" w:h="15840"/>`},
		{"word/header1.xml", "ORG TEMPLATE HEADER"},
		{"word/_rels/header1.xml.rels", "media/logo.png"},
		{"word/media/logo.png", "PNG"},
		{"[Content_Types].xml", `<Default Extension="png" ContentType="image/png"/>`},
		{"word/styles.xml", `w:styleId="OrgCustom"`},
		{"word/styles.xml", `<w:name w:val="Quote"/><w:basedOn w:val="Normal"/>`},
		{"word/numbering.xml", `<w:ind w:left="1440" w:hanging="720"/>`},
	}
	for _, c := range checks {
		if !strings.Contains(string(out[c.part]), c.want) {
			t.Errorf("%s lacks %s", c.part, c.want)
		}
	}
	if n := strings.Count(string(out["word/styles.xml"]), `w:styleId="Quote"`); n != 1 {
		t.Errorf("%d Quote styles", n)
	}
	if strings.Contains(string(out["word/settings.xml"]), "attachedTemplate") {
		t.Error("attachedTemplate kept: it points at a relationship the output does not have")
	}
	if len(outNames) != len(wantParts)+2 {
		t.Errorf("parts: %q", outNames)
	}
	// The reference's numbering look, not its numbering format: French paragraphs are still
	// "%1." from the locale.
	if !strings.Contains(string(out["word/numbering.xml"]), `<w:lvlText w:val="%2)"/>`) {
		t.Error("French subparagraph pattern lost")
	}
}

// TestInteropReferenceFromPythonDocx uses python-docx's default template, a foreign
// reference whose heading styles have no numbering, and checks that the output still opens
// in python-docx with headings in Heading styles and numbered paragraphs keeping numPr.
func TestInteropReferenceFromPythonDocx(t *testing.T) {
	py := testutil.RequirePython(t, "docx")
	dir := t.TempDir()
	refPath := filepath.Join(dir, "ref.docx")
	if out, err := exec.Command(py, "-c", "import docx, sys; docx.Document().save(sys.argv[1])", refPath).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	ref, err := os.ReadFile(refPath)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := writeDoc(t, Options{ReferenceDoc: ref, ReferenceName: refPath}, richDoc("en"), "en")
	parts, _ := unzipParts(t, data)
	paras := parasOf(t, parts["word/document.xml"])
	for _, p := range paras {
		if p.text == "Other matters" && (p.numID != "2" || p.style != styleHeading1) {
			t.Errorf("chapter heading with a foreign reference: %+v", p)
		}
	}
	outPath := filepath.Join(dir, "out.docx")
	if err := os.WriteFile(outPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", `
import docx, sys
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print(p.style.name + "\t" + p.text[:30])
print("SECTION", d.sections[0].page_width, d.sections[0].different_first_page_header_footer)
`, outPath).CombinedOutput()
	if err != nil {
		t.Fatalf("python-docx: %v\n%s", err, out)
	}
	for _, want := range []string{"Heading 1\tOther matters", "UN Paragraph\tAfter some welcoming", "Quote\t", "SECTION 7772400 True"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("python-docx output lacks %q:\n%s", want, out)
		}
	}
}
