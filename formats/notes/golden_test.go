package notes

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// typed wraps a block with its type name, which encoding/json alone does not record.
func typed(b model.Block) map[string]any {
	raw, err := json.Marshal(b)
	if err != nil {
		panic(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		panic(err)
	}
	switch n := b.(type) {
	case *model.Heading:
		m["type"] = "heading"
	case *model.Paragraph:
		m["type"] = "paragraph"
		m["children"] = typedAll(n.Children)
	case *model.List:
		m["type"] = "list"
		items := make([]any, len(n.Items))
		for i, it := range n.Items {
			items[i] = typed(it)
		}
		m["items"] = items
	case *model.ListItem:
		m["type"] = "item"
		m["children"] = typedAll(n.Children)
	case *model.Quote:
		m["type"] = "quote"
	case *model.Note:
		m["type"] = "note"
	case *model.Table:
		m["type"] = "table"
	}
	// Zero numbers are noise in goldens: the reader never numbers.
	delete(m, "number")
	if c, ok := m["children"].([]any); ok && len(c) == 0 {
		delete(m, "children")
	}
	return m
}

func typedAll(bs []model.Block) []any {
	out := make([]any, 0, len(bs))
	for _, b := range bs {
		out = append(out, typed(b))
	}
	return out
}

// dump renders a document as indented JSON with block types.
func dump(t *testing.T, doc *model.Document, warnings []model.Diagnostic) []byte {
	t.Helper()
	v := map[string]any{
		"source": doc.Source,
		"meta":   doc.Meta,
		"front":  doc.Front,
		"blocks": typedAll(doc.Blocks),
	}
	if len(warnings) > 0 {
		v["warnings"] = warnings
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// goldenInputs lists the corpus files and the language samples.
func goldenInputs(t *testing.T) []string {
	t.Helper()
	var files []string
	corpus, _ := filepath.Glob("../../testdata/corpus/*")
	for _, f := range corpus {
		if filepath.Base(f) != "SOURCES.md" {
			files = append(files, f)
		}
	}
	samples, _ := filepath.Glob("testdata/*.txt")
	files = append(files, samples...)
	if len(files) < 5 {
		t.Fatalf("test inputs missing: %v", files)
	}
	return files
}

func readFile(t *testing.T, path string) (*model.Document, []model.Diagnostic) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var w model.Warnings
	doc, err := New().Read(context.Background(), data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: filepath.Base(path), Warnings: &w})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc, w.List()
}

func TestGolden(t *testing.T) {
	for _, path := range goldenInputs(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			doc, warnings := readFile(t, path)
			got := dump(t, doc, warnings)
			golden := filepath.Join("testdata", strings.TrimSuffix(name, filepath.Ext(name))+".golden.json")
			testutil.Golden(t, golden, got, *update)
		})
	}
}
