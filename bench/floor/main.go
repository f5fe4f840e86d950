// Command floor is the least work any notes converter must do, the yardstick bench/curve
// measures scribe against: read each input, write it as a valid minimal DOCX or PDF (one
// paragraph or line of text per input line, no structure, no numbering, no font program)
// through the same compressors at the same levels as scribe (archive/zip's deflate level 5
// for DOCX, zlib level 1 for PDF streams), and write the file.
//
// Usage: floor -to docx|pdf -o OUTDIR FILE… (or -r DIR: every file under DIR)
//
// The files it writes open in Word and PDF readers, so the floor cannot cheat by skipping a
// part a real converter must write; what it leaves out (inference, numbering, layout,
// shaping, font subsetting, tagging) is what scribe is for.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

func main() {
	to := flag.String("to", "docx", "output format: docx or pdf")
	out := flag.String("o", ".", "output folder")
	rec := flag.String("r", "", "convert every file under this folder")
	flag.Parse()
	files := flag.Args()
	if *rec != "" {
		err := filepath.WalkDir(*rec, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			fail(err)
		}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	var c converter
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			fail(err)
		}
		var buf bytes.Buffer
		switch *to {
		case "docx":
			err = c.docx(&buf, src)
		case "pdf":
			err = c.pdf(&buf, src)
		default:
			err = fmt.Errorf("unknown format %q", *to)
		}
		if err != nil {
			fail(err)
		}
		stem := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		if err := os.WriteFile(filepath.Join(*out, stem+"."+*to), buf.Bytes(), 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "floor:", err)
	os.Exit(1)
}

// converter keeps its compressors across files, as scribe does within a batch.
type converter struct {
	fw *flate.Writer
	zw *zlib.Writer
}

// lines calls fn with each line of src, without its line ending.
func lines(src []byte, fn func(line []byte)) {
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			i = len(src)
		}
		line := bytes.TrimRight(src[:i], "\r")
		fn(line)
		if i == len(src) {
			break
		}
		src = src[i+1:]
	}
}

const docxTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`

const docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

// docx writes src as a WordprocessingML package, one paragraph per non-blank line.
func (c *converter) docx(w io.Writer, src []byte) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if c.fw == nil {
			var err error
			c.fw, err = flate.NewWriter(out, 5)
			return c.fw, err
		}
		c.fw.Reset(out)
		return c.fw, nil
	})
	mod := time.Date(2005, 5, 2, 0, 0, 0, 0, time.UTC)
	part := func(name string) (io.Writer, error) {
		return zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod})
	}
	for _, p := range [][2]string{{"[Content_Types].xml", docxTypes}, {"_rels/.rels", docxRels}} {
		f, err := part(p[0])
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p[1]); err != nil {
			return err
		}
	}
	f, err := part("word/document.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 32<<10)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	lines(src, func(line []byte) {
		if len(bytes.TrimSpace(line)) == 0 {
			return
		}
		bw.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
		xmlEscape(bw, line)
		bw.WriteString("</w:t></w:r></w:p>")
	})
	bw.WriteString("</w:body></w:document>")
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func xmlEscape(w *bufio.Writer, s []byte) {
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		switch {
		case r == '<':
			w.WriteString("&lt;")
		case r == '>':
			w.WriteString("&gt;")
		case r == '&':
			w.WriteString("&amp;")
		case r == utf8.RuneError && n == 1, r < 0x20 && r != '\t':
			w.WriteByte('?')
		default:
			w.Write(s[:n])
		}
		s = s[n:]
	}
}

// Page geometry of the floor's PDF: A4, 10 pt text on 12 pt lines, 95 bytes a line.
const (
	pdfLinesPerPage = 60
	pdfLineBytes    = 95
)

// pdf writes src as a PDF with the standard Times-Roman font (no font program to embed),
// one page per pdfLinesPerPage lines of at most pdfLineBytes bytes.
func (c *converter) pdf(w io.Writer, src []byte) error {
	var pages [][]byte // content streams, compressed
	var content bytes.Buffer
	n := 0
	flush := func() {
		var z bytes.Buffer
		if c.zw == nil {
			c.zw, _ = zlib.NewWriterLevel(&z, zlib.BestSpeed)
		} else {
			c.zw.Reset(&z)
		}
		c.zw.Write(content.Bytes())
		c.zw.Close()
		pages = append(pages, z.Bytes())
		content.Reset()
		n = 0
	}
	line := func(s []byte) {
		if n == 0 {
			content.WriteString("BT /F1 10 Tf 12 TL 56 790 Td\n")
		}
		content.WriteByte('(')
		for len(s) > 0 {
			r, size := utf8.DecodeRune(s)
			switch {
			case r == '(' || r == ')' || r == '\\':
				content.WriteByte('\\')
				content.WriteByte(byte(r))
			case r < 0x20 || r > 0xff:
				content.WriteByte('?')
			default:
				content.WriteByte(byte(r)) // Latin-1 is WinAnsi's first 256 codes, near enough
			}
			s = s[size:]
		}
		content.WriteString(") Tj T*\n")
		if n++; n == pdfLinesPerPage {
			content.WriteString("ET\n")
			flush()
		}
	}
	lines(src, func(l []byte) {
		for len(l) > pdfLineBytes {
			cut := bytes.LastIndexByte(l[:pdfLineBytes], ' ')
			if cut <= 0 {
				cut = pdfLineBytes
			}
			line(l[:cut])
			l = l[cut:]
		}
		line(l)
	})
	if n > 0 || len(pages) == 0 {
		if n == 0 {
			content.WriteString("BT ")
		}
		content.WriteString("ET\n")
		flush()
	}
	// Objects: 1 catalog, 2 page tree, 3 font, then a page and its content for each page.
	bw := bufio.NewWriterSize(w, 64<<10)
	var offsets []int
	pos := 0
	emit := func(s string) { bw.WriteString(s); pos += len(s) }
	obj := func(body string) {
		offsets = append(offsets, pos)
		emit(strconv.Itoa(len(offsets)) + " 0 obj\n" + body + "\nendobj\n")
	}
	emit("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	var kids strings.Builder
	for i := range pages {
		fmt.Fprintf(&kids, "%d 0 R ", 4+2*i)
	}
	obj(fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", len(pages), kids.String()))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>")
	for i, p := range pages {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		offsets = append(offsets, pos)
		emit(fmt.Sprintf("%d 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n", len(offsets), len(p)))
		bw.Write(p)
		pos += len(p)
		emit("\nendstream\nendobj\n")
	}
	xref := pos
	emit(fmt.Sprintf("xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1))
	for _, off := range offsets {
		emit(fmt.Sprintf("%010d 00000 n \n", off))
	}
	emit(fmt.Sprintf("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref))
	return bw.Flush()
}
