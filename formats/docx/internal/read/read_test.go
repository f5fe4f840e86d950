package read

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/internal/hostile"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// summary renders the structure of blocks, one line per node, without positions, so two
// readers' results can be compared.
func summary(blocks []model.Block) string {
	var b strings.Builder
	var walk func([]model.Block, string)
	walk = func(bs []model.Block, indent string) {
		for _, bl := range bs {
			switch n := bl.(type) {
			case *model.Heading:
				fmt.Fprintf(&b, "%sheading %d: %s\n", indent, n.Level, model.PlainText(n.Inlines))
			case *model.Paragraph:
				fmt.Fprintf(&b, "%sparagraph numbered=%v: %s\n", indent, n.Numbered, model.PlainText(n.Inlines))
				walk(n.Children, indent+"  ")
			case *model.List:
				fmt.Fprintf(&b, "%slist depth %d\n", indent, n.Depth)
				for _, it := range n.Items {
					fmt.Fprintf(&b, "%s  item: %s\n", indent, model.PlainText(it.Inlines))
					walk(it.Children, indent+"    ")
				}
			case *model.Quote:
				fmt.Fprintf(&b, "%squote\n", indent)
				for _, p := range n.Paragraphs {
					fmt.Fprintf(&b, "%s  %s\n", indent, model.PlainText(p.Inlines))
				}
			case *model.Note:
				fmt.Fprintf(&b, "%snote: %s\n", indent, model.PlainText(n.Inlines))
			case *model.Table:
				fmt.Fprintf(&b, "%stable %d rows\n", indent, len(n.Rows))
				for _, r := range n.Rows {
					var cells []string
					for _, c := range r {
						cells = append(cells, model.PlainText(c))
					}
					fmt.Fprintf(&b, "%s  | %s |\n", indent, strings.Join(cells, " | "))
				}
			}
		}
	}
	walk(blocks, "")
	return b.String()
}

func readDoc(t *testing.T, data []byte) *model.Document {
	t.Helper()
	doc, err := New().Read(context.Background(), data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "test.docx"})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return doc
}

// The sample notes saved as .docx by LibreOffice (one paragraph per line, no styles) give
// the structure the notes reader gives the .txt.
func TestPlainParagraphsMatchNotes(t *testing.T) {
	txt, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "testdata", "wsis-itu-consultation-2005-05-02.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := notes.New().Read(context.Background(), txt, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "wsis.txt"})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "reader", "wsis-itu-consultation-2005-05-02.docx"))
	if err != nil {
		t.Fatal(err)
	}
	got := readDoc(t, data)
	if g, w := summary(got.Blocks), summary(want.Blocks); g != w {
		t.Errorf("structure differs from the .txt through the notes reader\n--- docx\n%s\n--- txt\n%s", g, w)
	}
	headings, paragraphs := 0, 0
	model.Walk(got.Blocks, func(b model.Block) bool {
		switch b.(type) {
		case *model.Heading:
			headings++
		case *model.Paragraph:
			paragraphs++
		}
		return true
	})
	if headings != 4 {
		t.Errorf("headings = %d, want the 4 topic headings", headings)
	}
	if len(got.Front) != len(want.Front) {
		t.Errorf("front lines = %d, want %d as from the .txt", len(got.Front), len(want.Front))
	}
	t.Logf("%d headings, %d paragraphs (quotation paragraphs included)", headings, paragraphs)
}

// A document made by python-docx with Word's built-in styles keeps its structure.
func TestStructuredFixture(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "reader", "structured.docx"))
	if err != nil {
		t.Fatal(err)
	}
	doc := readDoc(t, data)
	if doc.Meta.Title != "Informal consultation on WSIS follow-up" {
		t.Errorf("title = %q", doc.Meta.Title)
	}
	want := `heading 1: Organisation of the work
paragraph numbered=true: Syria thanked the chair for convening this meeting and asked whether there would be a new GFC meeting.
heading 2: Swiss proposal
paragraph numbered=true: Marc Furrer presented a proposal for two additional Summit documents.
  list depth 1
    item: The Stocktaking Implementation Report would gather concrete actions.
      list depth 2
        item: It would cover all action lines.
    item: The Stakeholder Commitments Paper would take shape as a rolling document.
paragraph numbered=true: The Committee agreed on the following steps:
  list depth 1
    item: Circulate the draft to all members.
    item: Collect comments by 31 May 2005.
paragraph numbered=true: The ILO supported the USA proposal in document PC-2/DT/2 (rev.2), which reads:
  quote
    In order to assure the sustainability of the WSIS Process after the completion of the Summit, the relevant organs should incorporate the results of the WSIS in their programmes of work.
    The operational work should build upon the innovative modalities utilized in the WSIS.
paragraph numbered=true: USA added that each UN agency should endorse the WSIS action lines, with strong support.
`
	if got := summary(doc.Blocks); got != want {
		t.Errorf("structure:\n%s\nwant:\n%s", got, want)
	}
	// The footnote reference carries the note's text; emphasis and strong runs survive.
	p := doc.Blocks[1].(*model.Paragraph)
	var fn *model.Inline
	for i := range p.Inlines {
		if p.Inlines[i].Kind == model.KindFootnote {
			fn = &p.Inlines[i]
		}
	}
	if fn == nil || model.PlainText(fn.Note) != "The GFC met last in February 2005." {
		t.Errorf("footnote run = %+v", fn)
	}
	last := doc.Blocks[len(doc.Blocks)-1].(*model.Paragraph)
	kinds := map[model.InlineKind]string{}
	for _, in := range last.Inlines {
		kinds[in.Kind] += in.Text
	}
	if kinds[model.KindEmphasis] != "endorse" || kinds[model.KindStrong] != "strong" {
		t.Errorf("runs = %+v", last.Inlines)
	}
	if pos := last.Pos; pos.Part != "word/document.xml" || pos.Line != 15 || pos.File != "test.docx" {
		t.Errorf("position = %+v, want paragraph 15 of word/document.xml", pos)
	}
}

// packageOf builds a .docx in memory from part contents. Parts named in the map replace
// the defaults; an empty string removes a part.
func packageOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	all := map[string]string{
		"[Content_Types].xml":          `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":                  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.itu.int/wsis/" TargetMode="External"/></Relationships>`,
		"word/styles.xml":              `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`,
	}
	for k, v := range parts {
		if v == "" {
			delete(all, k)
		} else {
			all[k] = v
		}
	}
	return hostile.DOCX(all)
}

// docXML wraps body XML into a document part.
func docXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `<w:sectPr/></w:body></w:document>`
}

func pXML(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// Localized Word writes localized style ids; the reader goes by w:name, the outline level
// and the basedOn chain.
func TestLocalizedHeadingStyles(t *testing.T) {
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Überschrift1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="MonTitre"><w:name w:val="Mon titre"/><w:basedOn w:val="Titre1"/></w:style>
<w:style w:type="paragraph" w:styleId="Plan3"><w:name w:val="Plan"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Citation"><w:name w:val="Quote"/></w:style>
</w:styles>`
	body := pXML("Titre1", "Organisation des travaux") +
		pXML("", "La Syrie a remercié le Président.") +
		pXML("berschrift2", "Vorschlag der Schweiz") +
		pXML("", "Die Schweiz legte einen Vorschlag vor.") +
		pXML("Citation", "Texte cité.") +
		pXML("Überschrift1", "Modalitäten") +
		pXML("MonTitre", "Heading through basedOn") +
		pXML("Plan3", "Heading through outline level")
	doc := readDoc(t, packageOf(t, map[string]string{"word/styles.xml": styles, "word/document.xml": docXML(body)}))
	want := `heading 1: Organisation des travaux
paragraph numbered=true: La Syrie a remercié le Président.
heading 2: Vorschlag der Schweiz
paragraph numbered=true: Die Schweiz legte einen Vorschlag vor.
  quote
    Texte cité.
heading 1: Modalitäten
heading 1: Heading through basedOn
heading 3: Heading through outline level
`
	if got := summary(doc.Blocks); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// Tracked changes, fields, hyperlinks, comments, hidden text and tables.
func TestRevisionsFieldsLinksTables(t *testing.T) {
	body := `<w:p><w:r><w:t xml:space="preserve">Canada </w:t></w:r>` +
		`<w:ins w:id="1" w:author="a"><w:r><w:t xml:space="preserve">strongly </w:t></w:r></w:ins>` +
		`<w:del w:id="2" w:author="a"><w:r><w:delText xml:space="preserve">weakly </w:delText></w:r></w:del>` +
		`<w:commentRangeStart w:id="0"/><w:r><w:t>supported</w:t></w:r><w:commentRangeEnd w:id="0"/>` +
		`<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>` +
		`<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>` +
		`<w:r><w:t xml:space="preserve"> the text on page </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> (see </w:t></w:r>` +
		`<w:hyperlink r:id="rId9"><w:r><w:t>the WSIS site</w:t></w:r></w:hyperlink>` +
		`<w:r><w:t xml:space="preserve"> and </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.itu.int/" </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>ITU</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t>).</w:t></w:r></w:p>` +
		`<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Member</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Vote</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>Canada</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Yes</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
	doc := readDoc(t, packageOf(t, map[string]string{"word/document.xml": docXML(body)}))
	want := `paragraph numbered=true: Canada strongly supported the text on page 3 (see the WSIS site and ITU).
table 2 rows
  | Member | Vote |
  | Canada | Yes |
`
	if got := summary(doc.Blocks); got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	links := map[string]string{}
	for _, in := range doc.Blocks[0].(*model.Paragraph).Inlines {
		if in.Kind == model.KindLink {
			links[in.Text] = in.URL
		}
	}
	if links["the WSIS site"] != "https://www.itu.int/wsis/" || links["ITU"] != "https://www.itu.int/" {
		t.Errorf("links = %v", links)
	}
}

// A list with no numbering.xml still reads as a list, and numbered items with no paragraph
// ending in a colon before them are the notes' own numbered paragraphs.
func TestListPlacement(t *testing.T) {
	numbering := `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`
	num := func(id, lvl int, text string) string {
		return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, lvl, id, text)
	}
	body := pXML("", "The meeting opened.") +
		num(1, 0, "Canada spoke first.") + num(1, 1, "on budgets;") + num(1, 1, "on staff.") + num(1, 0, "Syria spoke next.") +
		pXML("", "Points raised:") + num(2, 0, "one") + num(2, 0, "two")
	rels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`
	doc := readDoc(t, packageOf(t, map[string]string{"word/document.xml": docXML(body), "word/numbering.xml": numbering, "word/_rels/document.xml.rels": rels}))
	want := `paragraph numbered=true: The meeting opened.
paragraph numbered=true: Canada spoke first.
  list depth 1
    item: on budgets;
    item: on staff.
paragraph numbered=true: Syria spoke next.
paragraph numbered=true: Points raised:
  list depth 1
    item: one
    item: two
`
	if got := summary(doc.Blocks); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A numbered list after a quotation is the next numbered paragraphs even when the paragraph
// that introduced the quotation ends with a colon (scribe's own DOCX: "…proposed the
// following text:", the quotation, then paragraph 13); a lower-level list after the
// quotation still belongs to that paragraph.
func TestListAfterQuotation(t *testing.T) {
	numbering := `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	num := func(lvl int, text string) string {
		return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, lvl, text)
	}
	body := num(0, "The ILO proposed the following text:") + pXML("Quote", "“Agreed.”") + num(0, "The USA agreed.") + num(0, "Syria objected.") +
		num(0, "Canada proposed:") + pXML("Quote", "“Noted.”") + num(1, "for now;") + num(1, "for later.")
	styles := `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style></w:styles>`
	rels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`
	doc := readDoc(t, packageOf(t, map[string]string{"word/document.xml": docXML(body), "word/numbering.xml": numbering, "word/styles.xml": styles, "word/_rels/document.xml.rels": rels}))
	want := `paragraph numbered=true: The ILO proposed the following text:
  quote
    “Agreed.”
paragraph numbered=true: The USA agreed.
paragraph numbered=true: Syria objected.
paragraph numbered=true: Canada proposed:
  quote
    “Noted.”
  list depth 1
    item: for now;
    item: for later.
`
	if got := summary(doc.Blocks); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestErrors(t *testing.T) {
	good := packageOf(t, map[string]string{"word/document.xml": docXML(pXML("", "Text."))})
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte(docXML("")[:200]))
		w.Write(bytes.Repeat([]byte(" "), 8<<20))
		zw.Close()
		return buf.Bytes()
	}()
	nested := docXML(strings.Repeat("<w:sdt><w:sdtContent>", 300) + pXML("", "deep") + strings.Repeat("</w:sdtContent></w:sdt>", 300))
	cases := []struct {
		name     string
		data     []byte
		limits   model.Limits
		sentinel error
		mention  string
	}{
		{"not a zip", []byte("Just some notes.\n"), model.Limits{}, model.ErrMalformed, "not a zip"},
		{"truncated", good[:len(good)/2], model.Limits{}, model.ErrMalformed, "truncated"},
		{"empty", nil, model.Limits{}, model.ErrEmpty, "empty"},
		{"no document part", packageOf(t, map[string]string{"word/document.xml": "", "_rels/.rels": ""}), model.Limits{}, model.ErrMalformed, "word/document.xml"},
		{"doctype", packageOf(t, map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`}), model.Limits{}, model.ErrMalformed, "word/document.xml"},
		{"doctype in styles", packageOf(t, map[string]string{"word/document.xml": docXML(pXML("", "x")), "word/styles.xml": `<?xml version="1.0"?><!DOCTYPE x><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`}), model.Limits{}, model.ErrMalformed, "word/styles.xml"},
		{"bad xml", packageOf(t, map[string]string{"word/document.xml": docXML("<w:p><w:r><w:t>x</w:r></w:p>")}), model.Limits{}, model.ErrMalformed, "word/document.xml"},
		{"deep", packageOf(t, map[string]string{"word/document.xml": nested}), model.Limits{}, model.ErrTooDeep, "word/document.xml"},
		{"part too large", bomb, model.Limits{MaxPartBytes: 1 << 20}, model.ErrTooLarge, "word/document.xml"},
		{"package too large", bomb, model.Limits{MaxInflatedBytes: 1 << 20}, model.ErrTooLarge, "MaxInflatedBytes"},
		{"no text", packageOf(t, map[string]string{"word/document.xml": docXML("<w:p/>")}), model.Limits{}, model.ErrEmpty, "no text"},
		// A small file that inflates to many paragraphs stops at the limit, not after all of
		// them are read; so do rows of one table, and tables nested deeper than MaxDepth.
		{"paragraphs over the limit", hostile.Paragraphs(1000), model.Limits{MaxBlocks: 100}, model.ErrTooLarge, "more than 100 blocks"},
		{"rows over the limit", hostile.TableCells(2000), model.Limits{MaxBlocks: 100}, model.ErrTooLarge, "more than 100 blocks"},
		{"tables too deep", hostile.NestedTables(40), model.Limits{}, model.ErrTooDeep, "tables nest deeper than 32"},
		{"tables deeper than --max-depth", hostile.NestedTables(5), model.Limits{MaxDepth: 4}, model.ErrTooDeep, "tables nest deeper than 4"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := New().Read(context.Background(), c.data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "bad.docx", Limits: c.limits})
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, c.sentinel) {
				t.Errorf("error %v does not wrap %v", err, c.sentinel)
			}
			if !strings.Contains(err.Error(), c.mention) || !strings.Contains(err.Error(), "bad.docx") {
				t.Errorf("error %q should name the file and %q", err, c.mention)
			}
		})
	}
}

// FuzzRead: no input makes the reader panic, and every document it returns is well formed.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"structured.docx", "wsis-itu-consultation-2005-05-02.docx"} {
		if data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "reader", name)); err == nil {
			f.Add(data)
		}
	}
	// The refused packages of the hostile-input matrix.
	bad, _ := filepath.Glob("../../../../testdata/bad/*.docx")
	for _, p := range bad {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add(packageOf(f, map[string]string{"word/document.xml": docXML(pXML("", "Text.") + `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := New().Read(context.Background(), data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "fuzz.docx",
			Limits: model.Limits{MaxPartBytes: 1 << 20, MaxInflatedBytes: 4 << 20}})
		if err != nil {
			var pe *model.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *pipeline.Error: %v", err)
			}
			return
		}
		checkDoc(t, doc)
	})
}

// checkDoc checks the invariants every reader result must hold.
func checkDoc(t *testing.T, doc *model.Document) {
	t.Helper()
	if len(doc.Blocks) == 0 && len(doc.Front) == 0 {
		t.Fatal("empty document without error")
	}
	model.Walk(doc.Blocks, func(b model.Block) bool {
		switch n := b.(type) {
		case *model.Heading:
			if n.Level < 1 || n.Level > 3 {
				t.Fatalf("heading level %d", n.Level)
			}
		case *model.List:
			if n.Depth < 1 || len(n.Items) == 0 {
				t.Fatalf("list depth %d with %d items", n.Depth, len(n.Items))
			}
		}
		return true
	})
}
