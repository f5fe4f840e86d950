package html

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

func read(t testing.TB, name string) *model.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := NewReader().Read(context.Background(), data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: name})
	if err != nil {
		t.Fatalf("Read %s: %v", name, err)
	}
	return doc
}

func golden(t *testing.T, name string, doc *model.Document) {
	t.Helper()
	var b strings.Builder
	if err := model.Inspect(&b, doc); err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, filepath.Join("testdata", name), []byte(b.String()), *update)
}

// summary renders the structure without positions.
func summary(blocks []model.Block) string {
	var b strings.Builder
	var walk func([]model.Block, string)
	walk = func(bs []model.Block, ind string) {
		for _, bl := range bs {
			switch n := bl.(type) {
			case *model.Heading:
				fmt.Fprintf(&b, "%sh%d %s\n", ind, n.Level, model.PlainText(n.Inlines))
			case *model.Paragraph:
				fmt.Fprintf(&b, "%sp %s\n", ind, model.PlainText(n.Inlines))
				walk(n.Children, ind+"  ")
			case *model.List:
				fmt.Fprintf(&b, "%slist %d\n", ind, n.Depth)
				for _, it := range n.Items {
					fmt.Fprintf(&b, "%s  - %s\n", ind, model.PlainText(it.Inlines))
					walk(it.Children, ind+"    ")
				}
			case *model.Quote:
				for _, p := range n.Paragraphs {
					fmt.Fprintf(&b, "%s> %s\n", ind, model.PlainText(p.Inlines))
				}
			case *model.Table:
				fmt.Fprintf(&b, "%stable %d rows\n", ind, len(n.Rows))
			case *model.Note:
				fmt.Fprintf(&b, "%snote %s\n", ind, model.PlainText(n.Inlines))
			}
		}
	}
	walk(blocks, "")
	return b.String()
}

func TestStructure(t *testing.T) {
	doc := read(t, "structure.html")
	if doc.Meta.Title != "Informal consultation" {
		t.Errorf("title %q", doc.Meta.Title)
	}
	want := `h1 Organisation of the work
p Syria thanked the chair for convening this meeting and asked about the GFC.
p Marc Furrer presented a proposal for two documents:
  list 1
    - The Stocktaking Implementation Report would gather concrete actions.
      list 2
        - It would cover all action lines.
    - The Stakeholder Commitments Paper would take shape as a rolling document.
h2 Modalities
p The ILO supported the USA proposal:
  > In order to assure the sustainability of the WSIS Process, the relevant organs should incorporate the results.
  > The operational work should build upon the innovative modalities.
p Text typed straight into a div, bold by style.
table 2 rows
p A layout table around a paragraph.
`
	if got := summary(doc.Blocks); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	runs := func(b model.Block) string {
		var s []string
		for _, in := range b.(*model.Paragraph).Inlines {
			s = append(s, fmt.Sprintf("%s:%s", in.Kind, in.Text))
		}
		return strings.Join(s, "|")
	}
	if got := runs(doc.Blocks[1]); got != "text:Syria thanked the |strong:chair|text: for convening this meeting and asked about the |emphasis:GFC|text:." {
		t.Errorf("runs %s", got)
	}
	if got := runs(doc.Blocks[5]); !strings.Contains(got, "strong:bold by style") {
		t.Errorf("inline CSS bold lost: %s", got)
	}
	item := doc.Blocks[2].(*model.Paragraph).Children[0].(*model.List).Items[0]
	if in := item.Inlines[1]; in.Kind != model.KindLink || in.URL != "https://www.itu.int/wsis/" {
		t.Errorf("link %+v", in)
	}
	golden(t, "structure.inspect", doc)
}

// E-mail <div>/<br> soup has no structure: it goes through the notes inference, which
// finds the masthead and the heading as it would in the .txt.
func TestEmailGoesThroughNotes(t *testing.T) {
	doc := read(t, "email.html")
	want := `h1 Swiss proposal for additional Summit documents
p Marc Furrer, Head of the Swiss Delegation, presented a proposal, based on the necessity to raise attention of all stakeholders and the media on the concrete progress made since Geneva 2003.
p Canada recalled that implementation of WSIS commitments would take place at the national level.
`
	if got := summary(doc.Blocks); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if len(doc.Front) != 2 {
		t.Errorf("front %+v, want venue and date lines", doc.Front)
	}
	golden(t, "email.inspect", doc)
}

// Word's "mso-list" paragraphs pasted as HTML become a list, their typed bullets dropped.
func TestWordListParagraphs(t *testing.T) {
	src := `<html><body><h1>Report</h1><h2>Item</h2><p class=MsoNormal>Two documents were proposed:</p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>The Stocktaking Report</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level2 lfo1'><span>o<span>&nbsp;&nbsp; </span></span>a database</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span>·<span>&nbsp;&nbsp; </span></span>The Commitments Paper</p></body></html>`
	doc, err := NewReader().Read(context.Background(), []byte(src), model.ReadOptions{Locales: locales.MustEmbedded(), Name: "word.html"})
	if err != nil {
		t.Fatal(err)
	}
	want := `h1 Item
p Two documents were proposed:
  list 1
    - The Stocktaking Report
      list 2
        - a database
    - The Commitments Paper
`
	if got := summary(doc.Blocks); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		name     string
		data     string
		sentinel error
	}{
		{"empty", "", model.ErrEmpty},
		{"no text", "<html><body><script>x()</script></body></html>", model.ErrEmpty},
		{"binary", "<p>\x00</p>", model.ErrBinary},
		{"too deep", strings.Repeat("<div>", 300) + "x", model.ErrTooDeep},
		{"lists too deep", strings.Repeat("<ul><li>", 40) + "x", model.ErrTooDeep},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewReader().Read(context.Background(), []byte(c.data), model.ReadOptions{Locales: locales.MustEmbedded(), Name: "bad.html"})
			if !errors.Is(err, c.sentinel) {
				t.Fatalf("error %v, want %v", err, c.sentinel)
			}
			if !strings.Contains(err.Error(), "bad.html") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

// A page in a legacy charset declared by <meta> is decoded with it.
func TestDeclaredCharset(t *testing.T) {
	src := append([]byte(`<html><head><meta charset="koi8-r"></head><body><h2>A</h2><p>`), 0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4)
	src = append(src, []byte(`</p></body></html>`)...)
	doc, err := NewReader().Read(context.Background(), src, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "koi8.html"})
	if err != nil {
		t.Fatal(err)
	}
	if got := model.PlainText(doc.Blocks[1].(*model.Paragraph).Inlines); got != "Привет" {
		t.Errorf("text %q", got)
	}
}

// FuzzRead: no input makes the reader panic; results are pipeline errors or documents
// with sane structure.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"structure.html", "email.html"} {
		if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(data)
		}
	}
	// A real page of minutes and scribe's own HTML in the six languages, read back.
	pages, _ := filepath.Glob("../../testdata/real/*.html")
	written, _ := filepath.Glob("testdata/writer/*.html")
	for _, p := range append(pages, written...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<ul><li>a<ol><li>b</ol></ul><blockquote><ul><li>q</blockquote><table><tr><td>1<td>2<tr><td>3"))
	f.Add([]byte("<p style='mso-list:l0 level3 lfo1'>· x</p><pre>a\nb\n\nc</pre>"))
	f.Add([]byte(w3cPage))
	f.Add([]byte(w3cOldPage))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := NewReader().Read(context.Background(), data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "fuzz.html"})
		if err != nil {
			var pe *model.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *pipeline.Error: %v", err)
			}
			return
		}
		if len(doc.Blocks) == 0 && len(doc.Front) == 0 {
			t.Fatal("empty document without error")
		}
		model.Walk(doc.Blocks, func(b model.Block) bool {
			switch n := b.(type) {
			case *model.Heading:
				if n.Level < 1 || n.Level > 3 {
					t.Fatalf("heading %+v", n)
				}
			case *model.List:
				if n.Depth < 1 || len(n.Items) == 0 {
					t.Fatalf("list %+v", n)
				}
			}
			return true
		})
	})
}

// A DOCTYPE with an internal subset (which HTML does not have) is dropped whole: "]>" once
// leaked into the report as a paragraph (issue 15, defect 9). Entities declared there are
// not expanded, and line numbers still match the file.
func TestDoctypeInternalSubset(t *testing.T) {
	tests := []string{
		"<!DOCTYPE html [\n<!ENTITY x \"expanded\">\n]>\n<html><body>\n<p>Canada said &x; yes.</p></body></html>",
		"<!doctype html [<!ENTITY y \"a]>b\">]><p>Canada said &x; yes.</p>",
	}
	for _, data := range tests {
		doc, err := NewReader().Read(context.Background(), []byte(data), model.ReadOptions{Locales: locales.MustEmbedded(), Name: "d.html"})
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		model.Walk(doc.Blocks, func(b model.Block) bool {
			if p, ok := b.(*model.Paragraph); ok {
				texts = append(texts, model.PlainText(p.Inlines))
			}
			return true
		})
		if len(texts) != 1 || strings.Contains(texts[0], "]>") || strings.Contains(texts[0], "expanded") || !strings.Contains(texts[0], "Canada said") {
			t.Errorf("%q: paragraphs %q", data, texts)
		}
	}
}
