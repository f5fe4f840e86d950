package opc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// scanCases are inputs where a tokenizer is easily wrong: namespaces and their scope,
// references, line ends, CDATA, comments, directives, and malformed input of every kind
// encoding/xml refuses.
var scanCases = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body><w:p><w:r><w:t xml:space="preserve"> a &amp; b </w:t></w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:r/></mc:Choice><mc:Fallback/></mc:AlternateContent></w:p></w:body></w:document>`,
	`<a xmlns="urn:d" xmlns:p='urn:p'><b p:c="1" d="2"/><p:e xmlns:p="urn:q"><p:f/></p:e><p:g/><h xmlns=""/></a>`,
	`<q:a xmlns:q="urn:1"><q:b xmlns:q="urn:2"/></q:a><q:a/>`,
	`<a><x:b/></a>`, `<xmlns:a/>`, `<xmlns/>`, `<a xml:lang="fr" xmlns:xml="urn:x"/>`,
	"<a b=\"x\ty\r\nz\r\">1\r\n2\r3\n</a>", `<a b="&lt;&#60;&#x3C;&#x3c;&apos;&quot;&gt;"/>`,
	`<a>&#0;</a>`, `<a>&#xD800;</a>`, `<a>&#x110000;</a>`, `<a>&#xFFFE;</a>`, `<a>&#12</a>`, `<a>&#X41;</a>`,
	`<a>&;</a>`, `<a>&nbsp;</a>`, `<a>&amp</a>`, `<a>&`, `<a>&#`, `<a>&#x`, `<a>&am`, `<a b="&amp"/>`,
	`<a>]]></a>`, `<a>]]&amp;></a>`, `<a><![CDATA[x]]]]><![CDATA[>]]></a>`, `<a><![CDATA[x`, `<a><![CDAT[x]]></a>`,
	`<!-- c --><a/><!---->`, `<!--a--b-->`, `<!-x>`, `<!--->`,
	`<!DOCTYPE a [<!ENTITY b "c">]><a/>`, `<!DOCTYPE a ['<'<!-- > -->]>`, `<!x<y>z>`, `<!>`, `<!'>`,
	`<?xml version="1.1"?><a/>`, `<?xml version='1.0' encoding='latin1'?><a/>`, `<?xml encoding="UTF-8"?><a/>`,
	`<?pi data ?><?pi?><a/>`, `<? x?>`, `<?x`,
	"<a\n/>", "< a/>", `<a b/>`, `<a b=c/>`, `<a b="c"d="e"/>`, `<a/ >`, `<a b="<"/>`, `<a b="x`,
	`</a>`, `<a></b>`, `<p:a xmlns:p="u"></q:a>`, `<a></a >`, `<a></a x>`, `</ a>`, `<a:b:c/>`, `<a b:c:d="1"/>`,
	`<:a/>`, `<a:/>`, `<1a/>`, `<-a/>`, "<é/>", "<a\u0300/>", "<\u00b7a/>", "<a\xff/>",
	"<a>\xff</a>", "<a>\x01</a>", "<a>\uFFFE</a>", "<a b=\"\xc3\"/>", "\ufeff<a/>",
	"text at the top", "<a>\n\n<b>\n</a>", "<a><b></a>", "<a", "<", "<a b", `<a b=`, `<a b="`,
}

// scanSeeds returns the XML parts of the DOCX files in the repository's test data.
func scanSeeds(tb testing.TB) [][]byte {
	var out [][]byte
	for _, root := range []string{"../../testdata", "../../../../testdata"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".docx") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				tb.Fatal(err)
			}
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				return nil
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					continue
				}
				// Large parts make slow seeds; their first 16 KiB is input enough.
				part, _ := io.ReadAll(io.LimitReader(rc, 16<<10))
				rc.Close()
				out = append(out, part)
			}
			return nil
		})
	}
	if len(out) == 0 {
		tb.Fatal("no DOCX in the test data")
	}
	return out
}

// tokens reads every token of encoding/xml's decoder, as text, up to the first error.
func tokens(next func() (xml.Token, error)) (out []string, err error) {
	for {
		t, err := next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, tokenString(t))
	}
}

// scanned reads every token of a scanner, as text, up to the first error.
func scanned(s *scanner) (out []string, err error) {
	return tokens(func() (xml.Token, error) {
		t, err := s.Token()
		if err != nil {
			return nil, err
		}
		return t.xml(), nil
	})
}

// xml is the token as encoding/xml's type.
func (t Token) xml() xml.Token {
	switch t.Kind {
	case StartElement:
		return xml.StartElement{Name: t.Name, Attr: t.Attr}
	case EndElement:
		return xml.EndElement{Name: t.Name}
	case CharData:
		return xml.CharData(t.Data)
	case Comment:
		return xml.Comment(t.Data)
	case ProcInst:
		return xml.ProcInst{Target: t.Name.Local, Inst: t.Data}
	case Directive:
		return xml.Directive(t.Data)
	}
	return nil
}

func tokenString(t xml.Token) string {
	switch t := t.(type) {
	case xml.StartElement:
		var b strings.Builder
		fmt.Fprintf(&b, "<{%s}%s", t.Name.Space, t.Name.Local)
		for _, a := range t.Attr {
			fmt.Fprintf(&b, " {%s}%s=%q", a.Name.Space, a.Name.Local, a.Value)
		}
		return b.String() + ">"
	case xml.EndElement:
		return fmt.Sprintf("</{%s}%s>", t.Name.Space, t.Name.Local)
	case xml.CharData:
		return fmt.Sprintf("text %q", t)
	case xml.Comment:
		return fmt.Sprintf("comment %q", t)
	case xml.ProcInst:
		return fmt.Sprintf("pi %q %q", t.Target, t.Inst)
	case xml.Directive:
		return fmt.Sprintf("directive %q", t)
	}
	return fmt.Sprintf("%T", t)
}

// checkLikeEncodingXML fails when the scanner, reading data through r with a window of
// the given first size, gives other tokens or another error than encoding/xml.
func checkLikeEncodingXML(t *testing.T, data []byte, r io.Reader, window int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	want, wantErr := tokens(d.Token)
	s := newScanner(r)
	s.grow = window
	got, gotErr := scanned(s)
	for i := 0; i < len(want) || i < len(got); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			t.Fatalf("%q: token %d = %s, encoding/xml: %s", data, i, g, w)
		}
	}
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Fatalf("%q: error %v, encoding/xml: %v", data, gotErr, wantErr)
	}
}

func TestScannerLikeEncodingXML(t *testing.T) {
	inputs := scanSeeds(t)
	for _, c := range scanCases {
		inputs = append(inputs, []byte(c))
	}
	for _, in := range inputs {
		checkLikeEncodingXML(t, in, bytes.NewReader(in), 0)
		// Tokens cut at every byte by the window and the reads.
		checkLikeEncodingXML(t, in, iotest.OneByteReader(bytes.NewReader(in)), 1)
	}
}

// A read error is the decoder's error, once the bytes before it are used up.
func TestScannerReadError(t *testing.T) {
	boom := errors.New("boom")
	s := newScanner(io.MultiReader(strings.NewReader("<a>x"), iotest.ErrReader(boom)))
	got, err := scanned(s)
	if !errors.Is(err, boom) || len(got) != 1 {
		t.Fatalf("tokens %q, error %v; want the start tag, then boom", got, err)
	}
}

// FuzzScanner checks the scanner against encoding/xml on any input: the same tokens and
// the same error, whatever the reads and the window cut the input into.
//
//	go test -run '^$' -fuzz FuzzScanner ./formats/docx/internal/opc/
func FuzzScanner(f *testing.F) {
	for _, in := range scanSeeds(f) {
		f.Add(in, uint8(0))
	}
	for _, c := range scanCases {
		f.Add([]byte(c), uint8(3))
	}
	f.Fuzz(func(t *testing.T, data []byte, cut uint8) {
		var r io.Reader = bytes.NewReader(data)
		window := 0
		if cut > 0 {
			r = &chunkReader{data: data, n: int(cut%16) + 1}
			window = int(cut / 16)
		}
		checkLikeEncodingXML(t, data, r, window)
	})
}

// chunkReader returns at most n bytes per read.
type chunkReader struct {
	data []byte
	n    int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	k := min(c.n, len(p), len(c.data))
	copy(p, c.data[:k])
	c.data = c.data[k:]
	return k, nil
}
