package interop

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/testutil"
)

// TestPDFARequirements reads the requirements of PDF/A-2b (ISO 19005-2, level B) back from
// every PDF scribe wrote, and from the reference notes with a full masthead and an emblem
// with transparency in the six languages, through qpdf's JSON view of the objects (no
// veraPDF is packaged for Debian). What it checks, by clause:
//   - 6.1.2 header: a comment of four bytes over 127 after the version line;
//   - 6.1.3 trailer: an /ID, no /Encrypt;
//   - 6.1.7 streams: no external file (/F, /FFilter), no LZW;
//   - 6.2.2 output intent: one GTS_PDFA1 intent whose profile is an RGB ICC profile (the
//     file paints in DeviceRGB and DeviceGray), /N 3;
//   - 6.2.4, 6.2.8 images and graphics states: no /Interpolate, /Alternates, /OPI, no
//     transfer functions or halftones, standard blend modes, no PostScript XObjects;
//   - 6.2.11 fonts: every font embedded, CIDFontType2 with a CIDToGIDMap, the encoding CMap
//     embedded with the CIDSystemInfo of its CIDFont;
//   - 6.3 annotations: printable, not hidden, no forbidden kind; 6.5, 6.6.1 actions: no
//     JavaScript, Launch or other forbidden action, no additional actions;
//   - 6.6 metadata: an uncompressed XMP stream claiming part 2, conformance B, that says what
//     the information dictionary says (title, author, subject, creator tool, producer,
//     dates), with every non-predefined schema described in a PDF/A extension schema;
//   - 6.8 no embedded files.
//
// And, for PDF/UA (ISO 14289-1, 7.18), every link annotation is in the structure tree and has
// a description.
func TestPDFARequirements(t *testing.T) {
	qpdf := testutil.RequireTool(t, "qpdf")
	stems := suite.convert(t).all()
	dir := filepath.Join(suite.work, "pdfa")
	emblem := filepath.Join(suite.work, "emblem.png")
	if err := writeEmblem(emblem); err != nil {
		t.Fatal(err)
	}
	if _, err := suite.scribe("convert", samplePath, "--lang", strings.Join(langs, ","), "--to", "pdf", "-q", "-o", dir,
		"--title", "Informal consultation on WSIS", "--body", "ITU Council Working Group on WSIS", "--symbol", "WSIS/ITU/2005/1",
		"--distribution", "General", "--original", "en", "--job", "05-35610", "--emblem", emblem); err != nil {
		t.Fatal(err)
	}
	stem := strings.TrimSuffix(filepath.Base(samplePath), ".txt")
	for _, l := range langs {
		stems = append(stems, filepath.Join(dir, stem+"."+l))
	}
	links := 0
	for _, s := range stems {
		name := filepath.Base(filepath.Dir(s)) + "/" + filepath.Base(s)
		t.Run(name, func(t *testing.T) {
			links += checkPDFA(t, qpdf, s+".pdf")
		})
	}
	if links == 0 {
		t.Error("no PDF had a link annotation: the annotation rules were not exercised")
	}
}

// writeEmblem writes a PNG with an alpha channel, so the emblem is drawn with a soft mask.
func writeEmblem(path string) error {
	img := image.NewNRGBA(image.Rect(0, 0, 24, 24))
	for y := 0; y < 24; y++ {
		for x := 0; x < 24; x++ {
			if (x-12)*(x-12)+(y-12)*(y-12) < 100 {
				img.Set(x, y, color.NRGBA{0x41, 0x8f, 0xde, 0xff})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// pdfObjects is a PDF's objects as qpdf's JSON (version 2) shows them: dictionaries as maps,
// names as "/Name", strings as "u:text" or "b:hex", references as "N 0 R"; a stream as
// {"dict": …, "data": base64 of its decoded bytes}.
type pdfObjects struct {
	objs    map[string]map[string]any
	trailer map[string]any
}

// readObjects runs qpdf --json on path.
func readObjects(t *testing.T, qpdf, path string) pdfObjects {
	t.Helper()
	out := run(t, nil, qpdf, "--json", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", path)
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.QPDF) != 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]map[string]any
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	p := pdfObjects{objs: map[string]map[string]any{}}
	for k, v := range objs {
		if k == "trailer" {
			p.trailer, _ = v["value"].(map[string]any)
			continue
		}
		p.objs[strings.TrimPrefix(k, "obj:")] = v
	}
	return p
}

var refPattern = regexp.MustCompile(`^\d+ \d+ R$`)

// value resolves a reference; other values are returned as they are.
func (p pdfObjects) value(v any) any {
	s, ok := v.(string)
	if !ok || !refPattern.MatchString(s) {
		return v
	}
	o := p.objs[s]
	if st, ok := o["stream"].(map[string]any); ok {
		return st["dict"]
	}
	return o["value"]
}

// dict resolves v to a dictionary (a stream's dictionary for a stream); nil if it is none.
func (p pdfObjects) dict(v any) map[string]any {
	d, _ := p.value(v).(map[string]any)
	return d
}

// stream returns the decoded data of the stream v refers to; false when v is no stream.
func (p pdfObjects) stream(v any) ([]byte, bool) {
	s, _ := v.(string)
	st, ok := p.objs[s]["stream"].(map[string]any)
	if !ok {
		return nil, false
	}
	data, _ := st["data"].(string)
	b, err := base64.StdEncoding.DecodeString(data)
	return b, err == nil
}

// text is a PDF string's text ("u:" text strings; "b:" binary strings as their bytes).
func text(v any) string {
	s, _ := v.(string)
	if strings.HasPrefix(s, "b:") {
		var b []byte
		for i := 2; i+1 < len(s); i += 2 {
			n, _ := strconv.ParseUint(s[i:i+2], 16, 8)
			b = append(b, byte(n))
		}
		return string(b)
	}
	return strings.TrimPrefix(s, "u:")
}

// checkPDFA checks the file at path and returns how many link annotations it has.
func checkPDFA(t *testing.T, qpdf, path string) (links int) {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !pdfaHeader(raw) {
		t.Error("6.1.2: the header is not followed by a comment of four bytes over 127")
	}
	p := readObjects(t, qpdf, path)
	if id, _ := p.trailer["/ID"].([]any); len(id) != 2 {
		t.Errorf("6.1.3: the trailer has no /ID: %v", p.trailer["/ID"])
	}
	if p.trailer["/Encrypt"] != nil {
		t.Error("6.1.3: the file is encrypted")
	}
	cat := p.dict(p.trailer["/Root"])
	info := p.dict(p.trailer["/Info"])
	if cat == nil {
		t.Fatal("no catalog")
	}
	checkOutputIntent(t, p, cat)
	for _, k := range []string{"/AA", "/OpenAction"} {
		if cat[k] != nil {
			t.Errorf("6.6.1/6.6.2: the catalog has %s", k)
		}
	}
	if names := p.dict(cat["/Names"]); names != nil {
		for _, k := range []string{"/JavaScript", "/EmbeddedFiles"} {
			if names[k] != nil {
				t.Errorf("6.6/6.8: the name dictionary has %s", k)
			}
		}
	}
	checkXMP(t, p, cat, info)
	tagged := cat["/StructTreeRoot"] != nil

	for ref, o := range p.objs {
		d, _ := o["value"].(map[string]any)
		if st, ok := o["stream"].(map[string]any); ok {
			d, _ = st["dict"].(map[string]any)
			for _, k := range []string{"/F", "/FFilter", "/FDecodeParms"} {
				if d[k] != nil {
					t.Errorf("6.1.7: stream %s refers to an external file (%s)", ref, k)
				}
			}
			if strings.Contains(strings.Join(names(p.value(d["/Filter"])), " "), "LZW") {
				t.Errorf("6.1.7: stream %s is LZW-compressed", ref)
			}
		}
		if d == nil {
			continue
		}
		for _, k := range []string{"/JS", "/AA"} {
			if d[k] != nil && d["/Type"] != "/Catalog" {
				t.Errorf("6.6.1: object %s has %s", ref, k)
			}
		}
		// Structure elements and output intents have an /S too, never one of these.
		switch s, _ := d["/S"].(string); s {
		case "/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/JavaScript", "/Hide", "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView":
			t.Errorf("6.6.1: object %s is a %s action", ref, s)
		}
		switch {
		case d["/Type"] == "/Font" || d["/Type"] == "/FontDescriptor":
			checkFont(t, p, ref, d)
		case d["/Subtype"] == "/Image":
			for _, k := range []string{"/Alternates", "/OPI"} {
				if d[k] != nil {
					t.Errorf("6.2.8: image %s has %s", ref, k)
				}
			}
			if d["/Interpolate"] == true {
				t.Errorf("6.2.8: image %s is interpolated", ref)
			}
		case d["/Subtype"] == "/PS" || d["/Subtype2"] == "/PS":
			t.Errorf("6.2.9: object %s is a PostScript XObject", ref)
		case d["/Type"] == "/ExtGState":
			for _, k := range []string{"/TR", "/HTP"} {
				if d[k] != nil {
					t.Errorf("6.2.5: graphics state %s has %s", ref, k)
				}
			}
			if tr2 := d["/TR2"]; tr2 != nil && tr2 != "/Default" {
				t.Errorf("6.2.5: graphics state %s has /TR2 %v", ref, tr2)
			}
			for _, bm := range names(d["/BM"]) {
				if !strings.Contains(" /Normal /Compatible /Multiply /Screen /Overlay /Darken /Lighten /ColorDodge /ColorBurn /HardLight /SoftLight /Difference /Exclusion /Hue /Saturation /Color /Luminosity ", " "+bm+" ") {
					t.Errorf("6.2.10: graphics state %s blends with %s", ref, bm)
				}
			}
		case d["/Type"] == "/Annot" || (d["/Subtype"] != nil && d["/Rect"] != nil):
			sub, _ := d["/Subtype"].(string)
			switch sub {
			case "/FileAttachment", "/Sound", "/Movie", "/Screen", "/3D", "/TrapNet":
				t.Errorf("6.3.1: annotation %s is a %s annotation", ref, sub)
			}
			f, _ := d["/F"].(float64)
			if int(f)&4 == 0 || int(f)&(1|2|32) != 0 {
				t.Errorf("6.3.2: annotation %s has flags %v: not printed, or hidden", ref, d["/F"])
			}
			if sub != "/Link" && sub != "/Popup" && d["/AP"] == nil {
				t.Errorf("6.3.3: annotation %s has no appearance", ref)
			}
			if sub == "/Link" {
				links++
				if tagged && (d["/StructParent"] == nil || text(d["/Contents"]) == "") {
					t.Errorf("PDF/UA 7.18.5: link %s is not in the structure tree or has no /Contents", ref)
				}
			}
		}
	}
	return links
}

// pdfaHeader reports whether the file starts with a version line and a comment of at least
// four bytes over 127, which tells transfer programs the file is binary.
func pdfaHeader(b []byte) bool {
	m := regexp.MustCompile(`^%PDF-[12]\.\d\r?\n%`).FindIndex(b)
	if m == nil || len(b) < m[1]+4 {
		return false
	}
	for _, c := range b[m[1] : m[1]+4] {
		if c < 128 {
			return false
		}
	}
	return true
}

// names returns a name, or an array's names.
func names(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var s []string
		for _, e := range v {
			if n, ok := e.(string); ok {
				s = append(s, n)
			}
		}
		return s
	}
	return nil
}

// checkOutputIntent: exactly one PDF/A output intent, with an RGB ICC profile of 3 components.
func checkOutputIntent(t *testing.T, p pdfObjects, cat map[string]any) {
	t.Helper()
	intents, _ := p.value(cat["/OutputIntents"]).([]any)
	var pdfa []map[string]any
	for _, v := range intents {
		if d := p.dict(v); d["/S"] == "/GTS_PDFA1" {
			pdfa = append(pdfa, d)
		}
	}
	if len(pdfa) != 1 {
		t.Errorf("6.2.2: %d GTS_PDFA1 output intents, want 1", len(pdfa))
		return
	}
	oi := pdfa[0]
	if text(oi["/OutputConditionIdentifier"]) == "" {
		t.Error("6.2.2: the output intent has no /OutputConditionIdentifier")
	}
	prof := oi["/DestOutputProfile"]
	if n, _ := p.dict(prof)["/N"].(float64); n != 3 {
		t.Errorf("6.2.2: the output profile has /N %v, want 3 (RGB)", p.dict(prof)["/N"])
	}
	icc, ok := p.stream(prof)
	switch {
	case !ok || len(icc) < 132:
		t.Error("6.2.2: the output intent has no ICC profile")
	case int(binary.BigEndian.Uint32(icc)) != len(icc):
		t.Errorf("ICC: the header says %d bytes, the stream has %d", binary.BigEndian.Uint32(icc), len(icc))
	case string(icc[36:40]) != "acsp":
		t.Error("ICC: no 'acsp' signature")
	case string(icc[16:20]) != "RGB " || (string(icc[12:16]) != "mntr" && string(icc[12:16]) != "prtr"):
		t.Errorf("6.2.2: the profile is a %q profile of %q, want an RGB output or display profile", icc[12:16], icc[16:20])
	case icc[8] < 2 || icc[8] > 4:
		t.Errorf("6.2.2: ICC version %d.%d", icc[8], icc[9]>>4)
	default:
		// Every tag of the table lies inside the profile, and those of an RGB matrix/TRC
		// profile are there.
		n := int(binary.BigEndian.Uint32(icc[128:]))
		have := map[string]bool{}
		for i := 0; i < n && 132+12*i+12 <= len(icc); i++ {
			e := icc[132+12*i:]
			off, size := int(binary.BigEndian.Uint32(e[4:])), int(binary.BigEndian.Uint32(e[8:]))
			if off+size > len(icc) {
				t.Errorf("ICC: tag %q runs past the end", e[:4])
			}
			have[string(e[:4])] = true
		}
		for _, sig := range []string{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"} {
			if !have[sig] {
				t.Errorf("ICC: no %q tag", sig)
			}
		}
	}
}

// checkFont: a font's program is embedded; a CID font has its CIDToGIDMap; an embedded
// CMap names the CIDSystemInfo of its CIDFont.
func checkFont(t *testing.T, p pdfObjects, ref string, d map[string]any) {
	t.Helper()
	switch d["/Subtype"] {
	case "/Type0":
		enc := p.dict(d["/Encoding"])
		desc, _ := p.value(d["/DescendantFonts"]).([]any)
		if len(desc) != 1 {
			t.Errorf("font %s: %d descendant fonts", ref, len(desc))
			return
		}
		cid := p.dict(desc[0])
		if enc != nil {
			a, b := p.dict(enc["/CIDSystemInfo"]), p.dict(cid["/CIDSystemInfo"])
			if text(a["/Registry"]) != text(b["/Registry"]) || text(a["/Ordering"]) != text(b["/Ordering"]) {
				t.Errorf("6.2.11.3.1: font %s: the CMap's CIDSystemInfo %v is not its CIDFont's %v", ref, a, b)
			}
			if _, ok := p.stream(d["/Encoding"]); !ok {
				t.Errorf("6.2.11.3.3: font %s: the CMap is not embedded", ref)
			}
		} else if e, _ := d["/Encoding"].(string); e != "/Identity-H" && e != "/Identity-V" {
			t.Errorf("6.2.11.3.3: font %s: encoding %v not embedded", ref, d["/Encoding"])
		}
	case "/CIDFontType2":
		if d["/CIDToGIDMap"] == nil {
			t.Errorf("6.2.11.3.2: CID font %s has no /CIDToGIDMap", ref)
		}
		fallthrough
	case "/CIDFontType0", "/TrueType", "/Type1", "/MMType1":
		fd := p.dict(d["/FontDescriptor"])
		if fd == nil || (fd["/FontFile"] == nil && fd["/FontFile2"] == nil && fd["/FontFile3"] == nil) {
			t.Errorf("6.2.11.4.1: font %s (%v) is not embedded", ref, d["/BaseFont"])
		}
	}
}

// xmpValues reads an XMP packet into the text of its simple properties and the first item
// of its arrays (an Alt's x-default item), by namespace and local name.
func xmpValues(packet []byte) (map[string]string, error) {
	vals := map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(packet))
	var stack []xml.Name
	for {
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				return vals, nil
			}
			return vals, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			s := strings.TrimSpace(string(tok))
			if s == "" || len(stack) == 0 {
				continue
			}
			// The property is the innermost element outside rdf's own.
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].Space != "http://www.w3.org/1999/02/22-rdf-syntax-ns#" {
					key := stack[i].Space + stack[i].Local
					if _, seen := vals[key]; !seen {
						vals[key] = s
					}
					break
				}
			}
		}
	}
}

// pdfDate parses an information dictionary date (D:YYYYMMDDHHmmSS with Z or ±HH'mm').
func pdfDate(s string) (time.Time, error) {
	s = strings.ReplaceAll(strings.TrimPrefix(s, "D:"), "'", "")
	for _, layout := range []string{"20060102150405Z", "20060102150405-0700"} {
		if tm, err := time.Parse(layout, s); err == nil {
			return tm, nil
		}
	}
	return time.Time{}, &time.ParseError{Value: s, Message: ": not a PDF date"}
}

// checkXMP: the metadata stream is uncompressed XMP that claims PDF/A-2b and agrees with the
// information dictionary.
func checkXMP(t *testing.T, p pdfObjects, cat, info map[string]any) {
	t.Helper()
	md := p.dict(cat["/Metadata"])
	if md == nil {
		t.Error("6.6.2.1: the catalog has no /Metadata")
		return
	}
	if md["/Filter"] != nil {
		t.Error("6.6.2.1: the metadata stream is compressed")
	}
	packet, _ := p.stream(cat["/Metadata"])
	if m := regexp.MustCompile(`<\?xpacket begin=[^?]*\?>`).Find(packet); m == nil || bytes.Contains(m, []byte("bytes=")) || bytes.Contains(m, []byte("encoding=")) {
		t.Errorf("6.6.2.1: the packet header %q is missing or has bytes/encoding", m)
	}
	vals, err := xmpValues(packet)
	if err != nil {
		t.Fatalf("6.6.2.1: the XMP packet is not well-formed XML: %v", err)
	}
	const (
		pdfaid = "http://www.aiim.org/pdfa/ns/id/"
		dc     = "http://purl.org/dc/elements/1.1/"
		xmpNS  = "http://ns.adobe.com/xap/1.0/"
		pdfNS  = "http://ns.adobe.com/pdf/1.3/"
	)
	if vals[pdfaid+"part"] != "2" || vals[pdfaid+"conformance"] != "B" {
		t.Errorf("6.6.4: pdfaid part %q conformance %q, want 2 and B", vals[pdfaid+"part"], vals[pdfaid+"conformance"])
	}
	// Schemas PDF/A-2 does not predefine are described in an extension schema.
	predefined := map[string]bool{pdfaid: true, dc: true, xmpNS: true, pdfNS: true,
		"adobe:ns:meta/": true, "http://www.w3.org/1999/02/22-rdf-syntax-ns#": true,
		"http://www.aiim.org/pdfa/ns/extension/": true, "http://www.aiim.org/pdfa/ns/schema#": true,
		"http://www.aiim.org/pdfa/ns/property#": true}
	for key := range vals {
		ns := key[:strings.LastIndexAny(key, "/#")+1]
		if !predefined[ns] && !bytes.Contains(packet, []byte("<pdfaSchema:namespaceURI>"+ns+"</pdfaSchema:namespaceURI>")) {
			t.Errorf("6.6.2.3: schema %s is neither predefined nor described in an extension schema", ns)
		}
	}
	for _, c := range []struct{ info, xmp string }{
		{"/Title", dc + "title"}, {"/Author", dc + "creator"}, {"/Subject", dc + "description"},
		{"/Creator", xmpNS + "CreatorTool"}, {"/Producer", pdfNS + "Producer"}, {"/Keywords", pdfNS + "Keywords"},
	} {
		if v, ok := info[c.info]; ok && text(v) != vals[c.xmp] {
			t.Errorf("6.6.3: information %s %q, XMP %s %q", c.info, text(v), c.xmp, vals[c.xmp])
		}
	}
	for _, c := range []struct{ info, xmp string }{{"/CreationDate", xmpNS + "CreateDate"}, {"/ModDate", xmpNS + "ModifyDate"}} {
		v, ok := info[c.info]
		if !ok {
			continue
		}
		a, err := pdfDate(text(v))
		if err != nil {
			t.Errorf("information %s: %v", c.info, err)
			continue
		}
		b, err := time.Parse(time.RFC3339, vals[c.xmp])
		if err != nil || !a.Equal(b) {
			t.Errorf("6.6.3: information %s %q, XMP %s %q", c.info, text(v), c.xmp, vals[c.xmp])
		}
	}
}
