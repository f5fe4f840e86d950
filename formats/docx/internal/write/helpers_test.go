package write

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// updateFlag is -update. The reader's tests in this package may register the same flag
// (files initialise in name order, reader_*.go first), so it is registered only once and
// read through the flag package.
var updateFlag = func() *bool {
	if flag.Lookup("update") == nil {
		return flag.Bool("update", false, "rewrite golden files")
	}
	return nil
}()

func updateGolden() bool {
	if updateFlag != nil {
		return *updateFlag
	}
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// testCreated is the fixed creation time of test output.
var testCreated = time.Date(2005, 5, 2, 17, 30, 0, 0, time.UTC)

func localeFor(t testing.TB, lang string) *locales.Locale {
	t.Helper()
	loc, err := locales.MustEmbedded().Lookup(lang)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// writeDoc writes doc with the given writer options and returns the package bytes and the
// warnings.
func writeDoc(t testing.TB, wo Options, doc *model.Document, lang string) ([]byte, []model.Diagnostic) {
	t.Helper()
	w, err := New(wo)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	var warns model.Warnings
	opts := model.WriteOptions{Locale: localeFor(t, lang), Created: testCreated, Generator: "scribe test", Warnings: &warns}
	if err := w.Write(context.Background(), &buf, doc, opts); err != nil {
		t.Fatalf("%s: %v", lang, err)
	}
	return buf.Bytes(), warns.List()
}

// unzipParts unzips a package into part name → bytes, and the names in archive order.
func unzipParts(t testing.TB, data []byte) (map[string][]byte, []string) {
	t.Helper()
	return testutil.ZipParts(t, data)
}

// richDoc extends the sample with what the sample lacks: a third chapter with two sections,
// a fourth with a lone unlabelled section, a second subparagraph list, a list under an
// unnumbered paragraph (which must restart at (a)), a note, a table, a link and enough
// paragraphs to fill page 2 (running header and footer).
func richDoc(lang string) *model.Document {
	doc := pipelinetest.Sample(lang)
	loc, _ := locales.MustEmbedded().Lookup(lang)
	num := loc.Numbering
	para := 5 // the sample numbers paragraphs 1–5
	pos := func(line int) model.Pos { return model.Pos{File: "rich.txt", Line: line} }
	line := 100
	p := func(text string, children ...model.Block) *model.Paragraph {
		para++
		line++
		return &model.Paragraph{Pos: pos(line), Inlines: model.Texts(text, line), Numbered: true,
			Number: model.Number{Ordinal: para, Label: num.Paragraph.Label(para)}, ID: fmt.Sprintf("p%d", para), Children: children}
	}
	list := func(id string, items ...string) *model.List {
		l := &model.List{Pos: pos(line), Depth: 1}
		for i, s := range items {
			l.Items = append(l.Items, &model.ListItem{Pos: pos(line), Inlines: model.Texts(s, line),
				Number: model.Number{Ordinal: i + 1, Label: num.Sub[0].Label(i + 1), Level: 1}, ID: fmt.Sprintf("%s.%c", id, 'a'+i)})
		}
		return l
	}
	h := func(level, n int, lv locales.Level, text string) *model.Heading {
		hd := &model.Heading{Pos: pos(line), Level: level, Inlines: model.Texts(text, line)}
		if n > 0 {
			hd.Number = model.Number{Ordinal: n, Label: lv.Label(n), Level: level - 1}
		}
		return hd
	}
	arabic := "قال الرئيس إن الاجتماع مفتوح."
	doc.Blocks = append(doc.Blocks,
		h(1, 3, num.Chapter, "Other matters"),
		h(2, 1, num.Section, "Budget"),
		p("The secretariat presented the budget, which covers:", list("p6", "staff costs;", "travel.")),
		&model.Note{Pos: pos(line), Inlines: model.Texts("(Spoke in French)", line), ID: "n2"},
		&model.Paragraph{Pos: pos(line), Inlines: model.Texts("The following was also noted:", line), ID: "u1",
			Children: []model.Block{list("u1", "first restart item;", "second restart item.")}},
		h(2, 2, num.Section, "Calendar"),
		p("Speakers asked for a table of meetings "+arabic, &model.Table{Pos: pos(line), ID: "t1", Rows: [][][]model.Inline{
			{model.Texts("Meeting", line), model.Texts("Date", line)},
			{model.Texts("Council", line), model.Texts(arabic, line), model.Texts("extra cell", line)},
		}}),
		p("", []model.Block{}...),
		h(1, 4, num.Chapter, "Closing"),
		h(2, 0, num.Section, "Lone section without a letter"),
	)
	// The empty paragraph above gets text with a link.
	last := doc.Blocks[len(doc.Blocks)-3].(*model.Paragraph)
	last.Inlines = []model.Inline{
		{Kind: model.KindText, Text: "Documents are at "},
		{Kind: model.KindLink, Text: "the ITU site", URL: "https://www.itu.int/wsis/?a=1&b=2"},
		{Kind: model.KindStrong, Text: " (bold)"},
		{Kind: model.KindText, Text: "; line one\nline two\tafter tab."},
	}
	for i := 0; i < 30; i++ {
		doc.Blocks = append(doc.Blocks, p(fmt.Sprintf("Filler paragraph %d, long enough to wrap onto a second line of the text block so that the report runs to a second and third page with running headers and footers.", i+1)))
	}
	return doc
}

// canonXML prints an XML part canonically: one element per line, indented, attributes sorted,
// namespaces shown by conventional prefix, whitespace-only text dropped. Golden diffs are
// then readable and independent of attribute order.
func canonXML(data []byte) (string, error) {
	prefixes := map[string]string{
		nsMain: "w", nsRel: "r", nsPkgRel: "rel", nsCT: "ct",
		"http://schemas.openxmlformats.org/package/2006/metadata/core-properties":   "cp",
		"http://purl.org/dc/elements/1.1/":                                          "dc",
		"http://purl.org/dc/terms/":                                                 "dcterms",
		"http://www.w3.org/2001/XMLSchema-instance":                                 "xsi",
		"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ep",
		"http://www.w3.org/XML/1998/namespace":                                      "xml",
	}
	name := func(n xml.Name) string {
		if n.Space == "" || n.Space == "xmlns" {
			return n.Local
		}
		if p, ok := prefixes[n.Space]; ok {
			return p + ":" + n.Local
		}
		return n.Space + ":" + n.Local
	}
	var b strings.Builder
	d := xml.NewDecoder(bytes.NewReader(data))
	depth := 0
	var stack []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var attrs []string
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				attrs = append(attrs, fmt.Sprintf("%s=%q", name(a.Name), a.Value))
			}
			sort.Strings(attrs)
			fmt.Fprintf(&b, "%s<%s", strings.Repeat("  ", depth), name(t.Name))
			for _, a := range attrs {
				b.WriteString(" " + a)
			}
			b.WriteString(">\n")
			depth++
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			depth--
			stack = stack[:len(stack)-1]
		case xml.CharData:
			// Whitespace between elements is layout; inside w:t it is text.
			inText := len(stack) > 0 && (stack[len(stack)-1] == "t" || stack[len(stack)-1] == "instrText")
			if strings.TrimSpace(string(t)) != "" || (inText && len(t) > 0) {
				fmt.Fprintf(&b, "%s%q\n", strings.Repeat("  ", depth), string(t))
			}
		}
	}
}
