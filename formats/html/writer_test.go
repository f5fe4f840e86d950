package html

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

func writeHTML(t *testing.T, doc *model.Document) string {
	t.Helper()
	loc, err := locales.MustEmbedded().Lookup(doc.Present.Lang)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	opts := model.WriteOptions{Locale: loc, Created: time.Date(2005, 5, 2, 12, 0, 0, 0, time.UTC), Generator: "scribe test"}
	if err := NewWriter().Write(context.Background(), &buf, doc, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// article is the report itself, what the goldens hold (the stylesheet is the same in all).
func article(t *testing.T, out string) string {
	t.Helper()
	i, j := strings.Index(out, "<article"), strings.Index(out, "</article>")
	if i < 0 || j < i {
		t.Fatalf("no article in:\n%s", out)
	}
	return out[i : j+len("</article>\n")]
}

func TestWriterGolden(t *testing.T) {
	for _, lang := range []string{"en", "fr", "es", "ru", "zh", "ar"} {
		t.Run(lang, func(t *testing.T) {
			out := writeHTML(t, pipelinetest.Sample(lang))
			testutil.Golden(t, filepath.Join("testdata", "writer", "sample-"+lang+".html"), []byte(article(t, out)), *update)
		})
	}
}

func TestWriterDocumentShape(t *testing.T) {
	out := writeHTML(t, pipelinetest.Sample("ar"))
	for _, want := range []string{
		"<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">",
		`<meta charset="utf-8">`,
		`<meta name="generator" content="scribe test">`,
		`<meta name="dcterms.created" content="2005-05-02T12:00:00Z">`,
		"<title>Informal consultation on WSIS follow-up</title>",
		"@media print",
		`content: "ITU/WSIS/2005/INF.1"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	root, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	// One h1, headings in order, every number label the model gave printed once.
	count := map[string]int{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			count[n.Data]++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if count["h1"] != 1 || count["h2"] != 2 || count["blockquote"] != 1 || count["ol"] != 3 || count["header"] != 1 {
		t.Errorf("element counts: %v", count)
	}
}

func TestWriterPrintsTheModelsNumbers(t *testing.T) {
	doc := pipelinetest.Sample("en")
	// A label no numbering scheme would produce: the writer must print it as stored.
	doc.Blocks[0].(*model.Paragraph).Number.Label = "17bis."
	out := writeHTML(t, doc)
	if !strings.Contains(out, `<span class="un-num">17bis.</span>`) {
		t.Errorf("label not printed as stored:\n%s", article(t, out))
	}
}

func TestWriterEscapesAndFiltersLinks(t *testing.T) {
	doc := pipelinetest.Sample("en")
	doc.Meta.Title = `</title><script>alert(1)</script>`
	doc.Present.HeaderText = `x"; } body { display: none } </style><script>`
	doc.Blocks = []model.Block{&model.Paragraph{Numbered: true, Number: model.Number{Label: "1."}, Inlines: []model.Inline{
		{Kind: model.KindText, Text: "a <b> & \"c\" "},
		{Kind: model.KindLink, Text: "bad", URL: "\x01javascript:alert(1)"},
		{Kind: model.KindLink, Text: "data", URL: " data:text/html,<script>"},
		{Kind: model.KindLink, Text: "ok", URL: "https://www.itu.int/wsis?a=1&b=\"2\""},
		{Kind: model.KindLink, Text: "mail", URL: "MAILTO:wsis@itu.int"},
	}}}
	out := writeHTML(t, doc)
	for _, bad := range []string{"<script", "javascript:", "data:text", "<b>", "</style><"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{
		"a &lt;b&gt; &amp; &quot;c&quot; bad",
		`<a href="https://www.itu.int/wsis?a=1&amp;b=&quot;2&quot;">ok</a>`,
		`<a href="MAILTO:wsis@itu.int">mail</a>`,
		`content: "x\22 ; } body { display: none } \3c /style\3e \3c script\3e "`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

func TestWriterStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var buf bytes.Buffer
	err := NewWriter().Write(ctx, &buf, pipelinetest.Sample("en"), model.WriteOptions{})
	if err == nil {
		t.Fatal("no error from a cancelled write")
	}
}
