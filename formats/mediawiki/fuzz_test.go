package mediawiki

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// FuzzRead feeds arbitrary pages to the reader: it never panics; it fails only with its
// documented errors; every block has a position in the file; and nothing is lost: every
// word of the page outside the markup the reader drops (comments, templates, behaviour
// switches, tags and attributes, link targets shown by another label, category and file
// links) is in the model.
func FuzzRead(f *testing.F) {
	for _, pattern := range []string{"testdata/*", "../../testdata/corpus/*.wiki", "../../testdata/corpus/*.mediawiki"} {
		files, _ := filepath.Glob(pattern)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("== A ==\n*x\n**y\n;t:d\n:e\n{|\n|a||b\n|}\n[[a|b]] [http://x y] '''b''' ''i''\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdoc.Watchdog(10 * time.Second)()
		doc, err := NewReader().Read(context.Background(), data, model.ReadOptions{Name: "f.wiki", Limits: model.Limits{MaxDepth: 8}})
		if err != nil {
			for _, k := range []error{model.ErrEmpty, model.ErrBinary, model.ErrEncoding, model.ErrTooDeep} {
				if errors.Is(err, k) {
					return
				}
			}
			t.Fatalf("unexpected error: %v", err)
		}
		model.Walk(doc.Blocks, func(b model.Block) bool {
			if p := b.Position(); p.File != "f.wiki" || p.Line < 1 {
				t.Fatalf("%T without a position: %+v", b, p)
			}
			return true
		})
		res, err := textenc.Decode(stage, "f.wiki", data)
		if err != nil {
			t.Fatalf("reader accepted what the decoder refuses: %v", err)
		}
		if missing := fuzzdoc.MissingWords(droppable(res.Text), doc); len(missing) > 0 {
			t.Fatalf("words lost: %q\ninput:\n%s\nmodel:\n%s", missing, res.Text, fuzzdoc.ModelText(doc))
		}
	})
}

// droppable removes from a page what the reader may drop, generously: the property
// checks that everything else survives.
func droppable(text string) string {
	p := &parser{}
	text = p.preprocess(text)
	for _, re := range dropPatterns {
		text = re.ReplaceAllString(text, " ")
	}
	return text
}

var dropPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\[\[\s*(?:category|catégorie|categoría|категория|分类|تصنيف|file|image|media|fichier|archivo|imagen|файл|文件|ملف)\s*:[^\]]*\]\]`),
	regexp.MustCompile(`\[\[[^\]|\[]*\|`),                                    // a link target shown by its label
	regexp.MustCompile(`\[\[[^\]|#\[]*#[^\]|\[]*`),                           // an anchor
	regexp.MustCompile(`<[^<>\n]*>`),                                         // tags
	regexp.MustCompile(`[A-Za-z][\w-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'|]+)`), // attributes
	regexp.MustCompile(`&#?\w+;`),                                            // entities
	regexp.MustCompile(`(?m)^\s*(?:\{\||\|-).*$`),                            // table and row options
}
