package mediawiki

import (
	"regexp"
	"testing"

	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
)

// FuzzRead feeds arbitrary pages to the reader: it never panics; it fails only with its
// documented errors; every block has a position in the file; and nothing is lost: every
// word of the page outside the markup the reader drops (comments, templates, behaviour
// switches, tags and attributes, link targets shown by another label, category and file
// links) is in the model.
func FuzzRead(f *testing.F) {
	fuzzdoc.AddFiles(f, "testdata/*", "../../testdata/corpus/*.wiki", "../../testdata/corpus/*.mediawiki")
	f.Add([]byte("== A ==\n*x\n**y\n;t:d\n:e\n{|\n|a||b\n|}\n[[a|b]] [http://x y] '''b''' ''i''\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckRead(t, NewReader(), "f.wiki", data, droppable)
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

// dropPatterns stay within a line, as the reader reads inline markup line by line: a
// "[[" never pairs with a "|" on a later line ("[[\n{|000" keeps "{|000" a table line,
// whose options "000" the reader drops). Table and row option lines go first, before an
// inline pattern can take their first characters.
var dropPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?m)^\s*(?:\{\||\|-).*$`), // table and row options
	regexp.MustCompile(`(?i)\[\[[^\S\n]*(?:category|catégorie|categoría|категория|分类|تصنيف|file|image|media|fichier|archivo|imagen|файл|文件|ملف)[^\S\n]*:[^\]\n]*\]\]`),
	regexp.MustCompile(`\[\[[^\]|\[\n]*\|`),                                                // a link target shown by its label
	regexp.MustCompile(`\[\[[^\]|#\[\n]*#[^\]|\[\n]*`),                                     // an anchor
	regexp.MustCompile(`<[^<>\n]*>`),                                                       // tags
	regexp.MustCompile(`[A-Za-z][\w-]*[^\S\n]*=[^\S\n]*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'|]+)`), // attributes
	regexp.MustCompile(`&#?\w+;?`),                                                         // entities, a numeric one without its ";" too
}
