// Package hostile builds the inputs of scribe's hostile-input matrix: files an attacker or
// an unlucky user could give it (a paragraph of 320,000 runs, a list 3,000 levels deep, a
// DOCX that inflates to gigabytes…). Tests and benchmarks of the readers and of the CLI use
// them, so each reproduction is written once.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sort"
	"strings"
)

// DocumentXML wraps WordprocessingML body content into a word/document.xml part.
func DocumentXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<w:body>` + body + `</w:body></w:document>`
}

// DOCX zips parts (name → content) into a .docx with a content-types part, compressed at
// the best level so that repetitive parts stay small, as an attacker's would.
func DOCX(parts map[string]string) []byte {
	all := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
	}
	for k, v := range parts {
		all[k] = v
	}
	names := make([]string, 0, len(all))
	for k := range all {
		names = append(names, k)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			panic(err) // writing to memory does not fail
		}
		w.Write([]byte(all[n]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Runs is a DOCX whose one paragraph has n runs of one word each (Word splits text into
// runs at every change of formatting or revision; a hostile file can have millions).
func Runs(n int) []byte {
	var b strings.Builder
	b.WriteString(`<w:p>`)
	for i := 0; i < n; i++ {
		b.WriteString(`<w:r><w:t xml:space="preserve">word </w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
	return DOCX(map[string]string{"word/document.xml": DocumentXML(b.String())})
}

// Paragraphs is a DOCX of n paragraphs.
func Paragraphs(n int) []byte {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<w:p><w:r><w:t>Canada said paragraph %d.</w:t></w:r></w:p>`, i)
	}
	return DOCX(map[string]string{"word/document.xml": DocumentXML(b.String())})
}

// TableCells is a DOCX with one table of n cells, ten to a row.
func TableCells(n int) []byte {
	var b strings.Builder
	b.WriteString(`<w:p><w:r><w:t>The table:</w:t></w:r></w:p><w:tbl>`)
	for i := 0; i < n; i++ {
		if i%10 == 0 {
			if i > 0 {
				b.WriteString(`</w:tr>`)
			}
			b.WriteString(`<w:tr>`)
		}
		fmt.Fprintf(&b, `<w:tc><w:p><w:r><w:t>c%d</w:t></w:r></w:p></w:tc>`, i)
	}
	b.WriteString(`</w:tr></w:tbl>`)
	return DOCX(map[string]string{"word/document.xml": DocumentXML(b.String())})
}

// ListItems is a DOCX with one bullet list of n items after an introducing paragraph.
func ListItems(n int) []byte {
	var b strings.Builder
	b.WriteString(`<w:p><w:r><w:t>The Chair listed:</w:t></w:r></w:p>`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>item %d</w:t></w:r></w:p>`, i)
	}
	numbering := `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	return DOCX(map[string]string{"word/document.xml": DocumentXML(b.String()), "word/numbering.xml": numbering})
}

// NestedTables is a DOCX with tables nested n deep, each in the one cell of the one before.
func NestedTables(n int) []byte {
	body := `<w:p><w:r><w:t>inside</w:t></w:r></w:p>`
	for i := 0; i < n; i++ {
		body = `<w:tbl><w:tr><w:tc>` + body + `</w:tc></w:tr></w:tbl>`
	}
	return DOCX(map[string]string{"word/document.xml": DocumentXML(body)})
}
