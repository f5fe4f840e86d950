package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/testutil"
)

// fakeFace is enough for the serializer: qpdf checks the file's structure, not the font
// program.
type fakeFace struct{}

var fakeGlyphs = map[rune]uint16{'A': 1, 'B': 2, ' ': 3, 'é': 4, '𝐀': 5}

func (fakeFace) Glyph(r rune) (uint16, bool) { g, ok := fakeGlyphs[r]; return g, ok }
func (fakeFace) Advance(g uint16) int        { return []int{500, 600, 610, 250, 600, 700}[g] }
func (fakeFace) Subset(glyphs []uint16, chars map[rune]uint16) ([]byte, error) {
	return bytes.Repeat([]byte{0, 1, 0, 0}, 16*len(glyphs)), nil
}

func fakeFont() *Font {
	return &Font{
		Name: "ABCDEF+Test", Face: fakeFace{}, UnitsPerEm: 1000,
		Ascent: 900, Descent: -200, CapHeight: 700, StemV: 87, BBox: [4]int{-100, -200, 1000, 900},
	}
}

func sampleDoc(compress bool, deflaters *Deflaters) *Doc {
	d := New(Options{PageWidth: 210, PageHeight: 297, Compress: compress, Deflaters: deflaters},
		Info{Title: "Report (draft) \\ 1", Subject: "Réunion", Lang: "fr", Creator: "scribe test",
			Created: time.Date(2005, 5, 2, 12, 0, 0, 0, time.UTC)})
	f := d.AddFont(fakeFont())
	d.AddPage()
	d.Bookmark("I. First", 0, 20)
	d.Text(f, 10, 20, 30, "AB éA𝐀")
	d.Space(f, 10, 40, 30)
	d.Line(20, 32, 190, 32, 0.2)
	d.Link(20, 26, 30, 5, "https://example.org/a b?q=ü", Root)
	d.Bookmark("A. Sub", 1, 40)
	d.Bookmark("1. Deeper", 2, 50)
	d.AddPage()
	d.Bookmark("B. Sub", 1, 20)
	d.Bookmark("II. Second", 0, 60)
	d.Text(f, 12, 20, 60, "BA")
	return d
}

func TestStructure(t *testing.T) {
	b, err := sampleDoc(false, nil).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		"%PDF-1.7\n",
		"/Type /Pages /Kids [",
		"/Count 2 /MediaBox [0 0 595.28 841.89]",
		"/Lang (fr)",
		"/Title (Report \\(draft\\) \\\\ 1)",
		"/Subject <FEFF0052",
		"/CreationDate (D:20050502120000Z)",
		"/Subtype /Type0 /BaseFont /ABCDEF+Test /Encoding ",
		"/Type /CMap /CMapName /Scribe-OneTwo-H",
		"/CIDToGIDMap /Identity",
		"/W [0 [\n500 600 610 250 600 700] 32 [\n250]]",
		"/Flags 4 ",
		// One text object for the line: A, B, space, é, A, 𝐀 as one-byte codes in order of
		// first use (33.6 pt wide), then the pen moved from 90.29 pt to the word space at
		// 40 mm (113.39 pt), 2309.29 thousandths of the 10 pt size to the right.
		"/F0 10 Tf\nBT 56.69 756.85 Td [(\x01\x02\x03\x04\x01\x05) -2309.29 ( )] TJ ET\n0.57 w\n",
		"56.69 751.18 m 538.58 751.18 l S",
		"/F0 12 Tf\nBT 56.69 671.81 Td (\x02\x01) Tj ET",
		"/URI (https://example.org/a%20b?q=%C3%BC)",
		"<04> <00E9>",
		"<20> <0020>",
		"<05> <D835DC00>",
		"/PageMode /UseOutlines",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// Outline: root counts all five entries; "I." holds "A." (which holds "1.") and "B.".
	if !regexp.MustCompile(`/Type /Outlines /First \d+ 0 R /Last \d+ 0 R /Count 5`).MatchString(s) {
		t.Error("outline root wrong")
	}
	first := regexp.MustCompile(`/Title \(I\. First\) /Parent \d+ 0 R /Next \d+ 0 R /First \d+ 0 R /Last \d+ 0 R /Count 3`)
	if !first.MatchString(s) {
		t.Errorf("first entry wrong:\n%s", s[strings.Index(s, "/Title (I."):][:200])
	}
	if !regexp.MustCompile(`/Title \(B\. Sub\) /Parent \d+ 0 R /Prev \d+ 0 R /Dest`).MatchString(s) {
		t.Error("second child entry wrong")
	}
	if !regexp.MustCompile(`/Title \(II\. Second\) /Parent \d+ 0 R /Prev \d+ 0 R /Dest \[\d+ 0 R /XYZ 0 671.81 null\]`).MatchString(s) {
		t.Error("last top-level entry wrong")
	}
}

// TestXref: every cross-reference entry points at its object: in the table of an
// uncompressed file, in the cross-reference stream of a compressed one, where objects other
// than streams sit in object streams.
func TestXref(t *testing.T) {
	b, err := sampleDoc(false, nil).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no startxref")
	}
	start, _ := strconv.Atoi(string(m[1]))
	lines := strings.Split(string(b[start:]), "\n")
	checked := 0
	for i, l := range lines[3:] {
		if !strings.HasSuffix(l, " n ") {
			break
		}
		off, _ := strconv.Atoi(l[:10])
		if !bytes.HasPrefix(b[off:], []byte(strconv.Itoa(i+1)+" 0 obj")) {
			t.Errorf("object %d not at offset %d", i+1, off)
		}
		checked++
	}
	if checked < 10 {
		t.Errorf("only %d objects in the cross-reference table", checked)
	}

	c, err := sampleDoc(true, nil).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	objs := compressedObjects(t, c)
	if len(objs) < 10 {
		t.Fatalf("only %d objects found through the cross-reference stream", len(objs))
	}
	// Every object of the uncompressed file is there, with the same content.
	for _, want := range regexp.MustCompile(`(?s)\n(\d+) 0 obj\n(<< /Type /(?:Catalog|Page|Font|StructElem)\b.*?)\nendobj`).FindAllSubmatch(b, -1) {
		found := false
		for _, o := range objs {
			if o == string(want[2]) {
				found = true
			}
		}
		if !found {
			t.Errorf("object %s of the uncompressed file not found: %.80s", want[1], want[2])
		}
	}
}

// compressedObjects reads a compressed file through its cross-reference stream and returns
// every object it lists (bodies without "N 0 obj"), checking that each entry points at its
// object.
func compressedObjects(t *testing.T, b []byte) map[int]string {
	t.Helper()
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no startxref")
	}
	start, _ := strconv.Atoi(string(m[1]))
	streamAt := func(off int) (dict string, data []byte) {
		t.Helper()
		sm := regexp.MustCompile(`(?s)^\d+ 0 obj\n<<(.*?)>>\nstream\n`).FindSubmatchIndex(b[off:])
		if sm == nil {
			t.Fatalf("no stream object at %d", off)
		}
		dict = string(b[off+sm[2] : off+sm[3]])
		n, _ := strconv.Atoi(regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(dict)[1])
		z, err := zlib.NewReader(bytes.NewReader(b[off+sm[1] : off+sm[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		data, err = io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		return dict, data
	}
	dict, xref := streamAt(start)
	if !strings.Contains(dict, "/Type /XRef") || !strings.Contains(dict, "/W [1 4 2]") {
		t.Fatalf("not a cross-reference stream: %s", dict)
	}
	objs := map[int]string{}
	for i := 1; 7*i+7 <= len(xref); i++ {
		e := xref[7*i:]
		f2 := int(e[1])<<24 | int(e[2])<<16 | int(e[3])<<8 | int(e[4])
		f3 := int(e[5])<<8 | int(e[6])
		switch e[0] {
		case 1:
			if !bytes.HasPrefix(b[f2:], []byte(strconv.Itoa(i)+" 0 obj\n")) {
				t.Errorf("object %d not at offset %d", i, f2)
			}
			objs[i] = "(direct)"
		case 2:
			sd, data := streamAt(xrefOffset(t, xref, f2))
			if !strings.Contains(sd, "/Type /ObjStm") {
				t.Fatalf("object %d: %d is not an object stream", i, f2)
			}
			first, _ := strconv.Atoi(regexp.MustCompile(`/First (\d+)`).FindStringSubmatch(sd)[1])
			head := strings.Fields(string(data[:first]))
			id, _ := strconv.Atoi(head[2*f3])
			off, _ := strconv.Atoi(head[2*f3+1])
			if id != i {
				t.Errorf("object %d: index %d of stream %d holds object %d", i, f3, f2, id)
			}
			end := len(data)
			if 2*f3+3 < len(head) {
				end, _ = strconv.Atoi(head[2*f3+3])
				end += first
			}
			objs[i] = strings.TrimSpace(string(data[first+off : end]))
		default:
			t.Errorf("object %d: entry type %d", i, e[0])
		}
	}
	return objs
}

// xrefOffset is the offset of object id, a direct object, in a cross-reference stream.
func xrefOffset(t *testing.T, xref []byte, id int) int {
	t.Helper()
	e := xref[7*id:]
	if e[0] != 1 {
		t.Fatalf("object %d is not direct", id)
	}
	return int(e[1])<<24 | int(e[2])<<16 | int(e[3])<<8 | int(e[4])
}

// TestCompressed: streams inflate back to what the uncompressed file holds, and a shared
// pool of compressors gives the same bytes as a private one.
func TestCompressed(t *testing.T) {
	plain, _ := sampleDoc(false, nil).Bytes()
	var pool Deflaters
	a, _ := sampleDoc(true, &pool).Bytes()
	b, _ := sampleDoc(true, &pool).Bytes()
	c, _ := sampleDoc(true, nil).Bytes()
	if !bytes.Equal(a, b) || !bytes.Equal(a, c) {
		t.Error("compressed output depends on the compressor pool")
	}
	re := regexp.MustCompile(`(?s)/Filter /FlateDecode[^>]*>>\nstream\n(.*?)\nendstream`)
	for _, m := range re.FindAllSubmatch(a, -1) {
		if bytes.Contains(m[0], []byte("/Type /ObjStm")) || bytes.Contains(m[0], []byte("/Type /XRef")) {
			continue // checked by TestXref
		}
		z, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(plain, data) {
			t.Errorf("inflated stream not found in the uncompressed file: %.60q", data)
		}
	}
}

func TestNoPage(t *testing.T) {
	if _, err := New(Options{PageWidth: 210, PageHeight: 297}, Info{}).Bytes(); err == nil {
		t.Error("a document without pages serialized")
	}
}

func TestUnknownFont(t *testing.T) {
	d := New(Options{PageWidth: 210, PageHeight: 297}, Info{})
	d.Text(FontRef{index: 3}, 10, 0, 0, "x")
	if _, err := d.Bytes(); err == nil {
		t.Error("text in an unknown font serialized")
	}
}

// TestNoNotdef: a character the font has no glyph for is never drawn as .notdef (PDF/A-2
// forbids it); the document fails with ErrNotdef naming the character.
func TestNoNotdef(t *testing.T) {
	d := New(Options{PageWidth: 210, PageHeight: 297}, Info{})
	f := d.AddFont(fakeFont())
	d.AddPage()
	d.Text(f, 10, 20, 20, "AB")
	d.Text(f, 10, 20, 30, "A\u200dB")
	_, err := d.Bytes()
	if !errors.Is(err, ErrNotdef) || !strings.Contains(err.Error(), "U+200D") {
		t.Errorf("err = %v, want ErrNotdef naming U+200D", err)
	}
}

func TestNum(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 1: "1", 1.5: "1.5", 12.345: "12.35", -0.001: "0", 595.2756: "595.28", 100: "100", -3.10: "-3.1"} {
		if got := num(v); got != want {
			t.Errorf("num(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestQpdf: qpdf finds no error in the file, compressed or not.
func TestQpdf(t *testing.T) {
	qpdf := testutil.RequireTool(t, "qpdf")
	for _, compress := range []bool{false, true} {
		b, err := sampleDoc(compress, nil).Bytes()
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "x.pdf")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
			t.Errorf("compress=%v: qpdf --check: %v\n%s", compress, err, out)
		}
	}
}

// TestSynthetic: bold strokes the outlines (render mode 2) and italic slants them, each in
// its own text object; plain text after them is back in fill mode.
func TestSynthetic(t *testing.T) {
	d := New(Options{PageWidth: 210, PageHeight: 297}, Info{})
	f := d.AddFont(fakeFont())
	d.AddPage()
	d.Text(f.With(SynthBold), 10, 20, 30, "AB")
	d.Text(f.With(SynthItalic), 10, 40, 30, "A")
	d.Text(f.With(SynthBold|SynthItalic), 10, 50, 30, "B")
	d.Text(f, 10, 60, 30, "A")
	d.Line(0, 0, 10, 10, 0.2)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	want := "/F0 10 Tf\n0.3 w\n2 Tr\nBT 56.69 756.85 Td (\x01\x02) Tj ET\n" +
		"0 Tr\nBT 1 0 0.21 1 113.39 756.85 Tm (\x01) Tj ET\n" +
		"2 Tr\nBT 1 0 0.21 1 141.73 756.85 Tm (\x02) Tj ET\n" +
		"0 Tr\nBT 170.08 756.85 Td (\x01) Tj ET\n" +
		"0.57 w\n"
	if !bytes.Contains(b, []byte(want)) {
		t.Errorf("content lacks\n%s\nin\n%s", want, b)
	}
}

// TestTagged: the structure tree, the marked content it points at, and the artifacts.
func TestTagged(t *testing.T) {
	d := New(Options{PageWidth: 210, PageHeight: 297}, Info{Lang: "en"})
	f := d.AddFont(fakeFont())
	d.AddPage()
	d.BeginArtifact()
	d.Text(f, 9, 20, 14, "A")
	d.EndTag()
	h := d.Struct("H1", Root)
	d.BeginTag(h)
	d.Text(f, 13, 20, 30, "AB")
	d.EndTag()
	l := d.Struct("L", Root)
	li := d.Struct("LI", l)
	d.BeginTag(li)
	d.Text(f, 10, 30, 40, "A")
	d.AddPage() // the item goes on to the next page
	d.BeginTag(li)
	d.Text(f, 10, 30, 30, "B")
	d.EndTag()
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		"/MarkInfo << /Marked true >> /StructTreeRoot ",
		"/StructParents 0 /Tabs /S", "/StructParents 1 /Tabs /S",
		"/Artifact <</Type /Pagination>> BDC\n/F0 9 Tf\nBT 56.69 802.2 Td (\x01) Tj ET\nEMC\n",
		"/H1 <</MCID 0>> BDC\n/F0 13 Tf\nBT 56.69 756.85 Td (\x01\x02) Tj ET\nEMC\n",
		"/LI <</MCID 1>> BDC\n",
		"/LI <</MCID 0>> BDC\n",
		"/S /Document /P ",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// The parent tree maps page 0's MCIDs 0 and 1 to H1 and LI, page 1's MCID 0 to LI.
	m := regexp.MustCompile(`/ParentTree << /Nums \[ 0 \[ (\d+) 0 R (\d+) 0 R \] 1 \[ (\d+) 0 R \] \]`).FindStringSubmatch(s)
	if m == nil || m[1] == m[2] || m[2] != m[3] {
		t.Fatalf("parent tree wrong: %v", m)
	}
	// The item's page is the first; its sequence there is a bare MCID, the other a reference.
	if !regexp.MustCompile(m[2] + ` 0 obj\n<< /Type /StructElem /S /LI /P \d+ 0 R /Pg \d+ 0 R /K \[ 1 << /Type /MCR /Pg \d+ 0 R /MCID 0 >> \] >>`).MatchString(s) {
		t.Error("the list item does not hold its two sequences")
	}
	if strings.Count(s, "BDC") != strings.Count(s, "EMC") {
		t.Error("unbalanced marked content")
	}
	d2 := New(Options{PageWidth: 210, PageHeight: 297}, Info{})
	d2.BeginTag(4)
	if _, err := d2.Bytes(); err == nil {
		t.Error("content tagged with an unknown element serialized")
	}
}

// TestXMP: the metadata packet states what the information dictionary does, escaped.
func TestXMP(t *testing.T) {
	b, err := sampleDoc(true, nil).Bytes()
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		"/Metadata ", "/Type /Metadata /Subtype /XML",
		`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Report (draft) \ 1</rdf:li></rdf:Alt></dc:title>`,
		"<dc:language><rdf:Bag><rdf:li>fr</rdf:li></rdf:Bag></dc:language>",
		"<xmp:CreateDate>2005-05-02T12:00:00Z</xmp:CreateDate>",
		"<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">Réunion</rdf:li></rdf:Alt></dc:description>",
		"<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>",
		"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// TestWordSpacing: a line whose word gaps are all widened alike is one string and a Tw; a
// gap that differs keeps an adjustment for the difference; the next line without widened
// gaps sets Tw back to 0; spaces inside a piece are not word spaces.
func TestWordSpacing(t *testing.T) {
	d := New(Options{PageWidth: 210, PageHeight: 297}, Info{})
	f := d.AddFont(fakeFont())
	d.AddPage()
	// "AB" (glyphs 1 and 2) is 1210 thousandths of 10 pt = 12.1 pt. Gaps of 2 mm after a
	// 2.5 pt space (glyph 3).
	x := 20.0
	for i, gap := range []float64{2, 2, 3, 2} {
		d.Text(f, 10, x, 30, "AB")
		x += 12.1 / ptPerMM
		d.Space(f, 10, x, 30)
		x += gap
		if i == 3 {
			d.Text(f, 10, x, 30, "A A")
		}
	}
	d.Text(f, 10, 20, 40, "AB")
	d.Space(f, 10, 20+12.1/ptPerMM, 40)
	d.Text(f, 10, 20+12.1/ptPerMM+2.5/ptPerMM, 40, "B")
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	// Extra per gap: 2 mm = 5.67 pt less the 2.5 pt space = 3.1693 pt (Tw); the 3 mm gap
	// is 2.83 pt wider: -283.46 thousandths of 10 pt.
	for _, want := range []string{
		"BT 56.69 756.85 Td 3.1693 Tw [(\x01\x02 \x01\x02 \x01\x02 ) -283.46 (\x01\x02 \x01!\x01)] TJ ET\n",
		"BT 56.69 728.5 Td 0 Tw (\x01\x02 \x02) Tj ET\n",
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("content lacks %q in\n%s", want, b[bytes.Index(b, []byte("BT")):][:300])
		}
	}
}

// TestCodes: the 128th glyph drawn and later ones take two-byte codes, the string
// delimiters, the backslash and carriage return are escaped, and ToUnicode maps both kinds.
func TestCodes(t *testing.T) {
	d := New(Options{PageWidth: 210, PageHeight: 297}, Info{})
	f := d.AddFont(&Font{Name: "ABCDEF+Wide", Face: wideFace{}, UnitsPerEm: 1000})
	d.AddPage()
	var s []rune
	for r := rune(0x4E00); r < 0x4E00+200; r++ {
		s = append(s, r)
	}
	d.Text(f, 10, 20, 30, string(s))
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	// CIDs 1…31 and 33…128 are one byte; 40 is "(", 41 ")", 92 "\\", 13 CR; CID 129 is 0x8001.
	for _, want := range []string{"/W [0 [", "] 33 [", "] 32768 [", "\x0c\\r\x0e", "&'\\(\\)*", "[\\\\]", "\x7f\x80\x00\x80\x01", "<7F> <4E7D>", "<8000> <4E7E>", "<8048> <4EC6>"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("output lacks %q", want)
		}
	}
	if err := exec.Command("qpdf", "--version").Run(); err == nil {
		path := filepath.Join(t.TempDir(), "codes.pdf")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}

// TestCIDToGID: CIDs are the codes; the map takes each to its ordinal (the subset's glyph).
func TestCIDToGID(t *testing.T) {
	m := cidToGID(130) // ordinals 0…129: codes 0…127, then 0x8000 and 0x8001
	if len(m) != 2*0x8002 {
		t.Fatalf("map of %d bytes, want %d", len(m), 2*0x8002)
	}
	for _, c := range []struct{ cid, gid int }{{0, 0}, {5, 5}, {127, 127}, {128, 0}, {0x7FFF, 0}, {0x8000, 128}, {0x8001, 129}} {
		if got := int(m[2*c.cid])<<8 | int(m[2*c.cid+1]); got != c.gid {
			t.Errorf("CID %#x maps to glyph %d, want %d", c.cid, got, c.gid)
		}
	}
}

// wideFace has a glyph for each of 256 characters from U+4E00.
type wideFace struct{}

func (wideFace) Glyph(r rune) (uint16, bool) {
	if r >= 0x4E00 && r < 0x4F00 {
		return uint16(r-0x4E00) + 1, true
	}
	return 0, false
}
func (wideFace) Advance(g uint16) int { return 1000 }
func (wideFace) Subset(glyphs []uint16, chars map[rune]uint16) ([]byte, error) {
	return bytes.Repeat([]byte{0, 1, 0, 0}, 16), nil
}

// BenchmarkJustifiedPage draws and writes a page of 50 justified lines of 12 words, as the
// typesetter calls the document: a word, then a word space, then the next word further on.
func BenchmarkJustifiedPage(b *testing.B) {
	b.ReportAllocs()
	var out []byte
	for b.Loop() {
		d := New(Options{PageWidth: 210, PageHeight: 297, Compress: true}, Info{})
		f := d.AddFont(fakeFont())
		d.AddPage()
		for line := range 50 {
			x, y := 20.0, 20+5*float64(line)
			for range 12 {
				d.Text(f, 10, x, y, "ABBA")
				x += 24.2 / ptPerMM
				d.Space(f, 10, x, y)
				x += 3.1
			}
		}
		var err error
		if out, err = d.Bytes(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(out)), "bytes/pdf")
}

// TestSRGBProfile: the output intent's profile is a well-formed ICC display profile whose
// primaries add up to its white point (so white paper is neutral), and its curve is sRGB's.
func TestSRGBProfile(t *testing.T) {
	p := srgbProfile
	if got := int(binary.BigEndian.Uint32(p)); got != len(p) || string(p[36:40]) != "acsp" || string(p[12:20]) != "mntrRGB " {
		t.Fatalf("header: size %d of %d, %q", got, len(p), p[12:40])
	}
	tags := map[string][]byte{}
	for i := 0; i < int(binary.BigEndian.Uint32(p[128:])); i++ {
		e := p[132+12*i:]
		off, size := binary.BigEndian.Uint32(e[4:]), binary.BigEndian.Uint32(e[8:])
		if off%4 != 0 || int(off+size) > len(p) {
			t.Fatalf("tag %q at %d, %d bytes, in %d", e[:4], off, size, len(p))
		}
		tags[string(e[:4])] = p[off : off+size]
	}
	xyz := func(sig string, i int) int32 { return int32(binary.BigEndian.Uint32(tags[sig][8+4*i:])) }
	for i := 0; i < 3; i++ {
		if sum, white := xyz("rXYZ", i)+xyz("gXYZ", i)+xyz("bXYZ", i), xyz("wtpt", i); sum != white {
			t.Errorf("component %d: the primaries add up to %d, the white point is %d", i, sum, white)
		}
	}
	curve := tags["rTRC"]
	n := int(binary.BigEndian.Uint32(curve[8:]))
	for _, v := range []float64{0.02, 0.2, 0.5, 0.9} {
		// Linear interpolation between the samples, as a reader does.
		x := v * float64(n-1)
		i := int(x)
		a, b := float64(binary.BigEndian.Uint16(curve[12+2*i:])), float64(binary.BigEndian.Uint16(curve[14+2*i:]))
		got := (a + (b-a)*(x-float64(i))) / 65535
		want := v / 12.92
		if v > 0.04045 {
			want = math.Pow((v+0.055)/1.055, 2.4)
		}
		if math.Abs(got-want) > 0.5/255/10 {
			t.Errorf("curve at %v: %.6f, sRGB has %.6f", v, got, want)
		}
	}
}
