// Package readertest prints a document's blocks in a compact outline for the
// table-driven tests of readers: one line per block, indented by nesting, with the kind
// of each inline run visible, so a test case states what a reader must build in a few
// readable lines.
//
//	H1 Title                    heading of level 1
//	P Text *strong* _em_ [l](u) numbered paragraph (strong, emphasis, link runs)
//	p Text                      unnumbered paragraph
//	L1 - item                   list of depth 1 and its items (the marker as typed)
//	Q > text                    quotation paragraph
//	N (note)                    editorial note
//	T a | b                     table row (TH for a header row)
//	C | line                    a line of preformatted text
//	F^ note text                footnote run (inside a line: ^[note])
package readertest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Outline prints blocks, one per line, children indented by two spaces.
func Outline(blocks []model.Block) string {
	var b strings.Builder
	var walk func(bs []model.Block, depth int)
	walk = func(bs []model.Block, depth int) {
		ind := strings.Repeat("  ", depth)
		for _, blk := range bs {
			switch n := blk.(type) {
			case *model.Heading:
				fmt.Fprintf(&b, "%sH%d %s\n", ind, n.Level, Runs(n.Inlines))
			case *model.Paragraph:
				kind := "p"
				if n.Numbered {
					kind = "P"
				}
				fmt.Fprintf(&b, "%s%s %s\n", ind, kind, Runs(n.Inlines))
				walk(n.Children, depth+1)
			case *model.List:
				for _, it := range n.Items {
					fmt.Fprintf(&b, "%sL%d %s %s\n", ind, n.Depth, it.Marker, Runs(it.Inlines))
					walk(it.Children, depth+1)
				}
			case *model.Quote:
				for _, p := range n.Paragraphs {
					fmt.Fprintf(&b, "%sQ > %s\n", ind, Runs(p.Inlines))
				}
			case *model.Note:
				fmt.Fprintf(&b, "%sN %s\n", ind, Runs(n.Inlines))
			case *model.Table:
				for r, row := range n.Rows {
					cells := make([]string, len(row))
					for i, c := range row {
						cells[i] = Runs(c)
					}
					kind := "T"
					if r < n.Header {
						kind = "TH"
					}
					fmt.Fprintf(&b, "%s%s %s\n", ind, kind, strings.Join(cells, " | "))
				}
			case *model.Preformatted:
				for _, l := range strings.Split(n.Text, "\n") {
					fmt.Fprintf(&b, "%sC | %s\n", ind, l)
				}
			default:
				fmt.Fprintf(&b, "%s%T\n", ind, blk)
			}
		}
	}
	walk(blocks, 0)
	return b.String()
}

// Runs prints inline runs: text as is, *strong*, _emphasis_, [text](url) links, `symbol`,
// "quoted" runs and ^[footnotes].
func Runs(ins []model.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch in.Kind {
		case model.KindStrong:
			b.WriteString("*" + in.Text + "*")
		case model.KindEmphasis:
			b.WriteString("_" + in.Text + "_")
		case model.KindLink:
			fmt.Fprintf(&b, "[%s](%s)", in.Text, in.URL)
		case model.KindSymbol:
			b.WriteString("`" + in.Text + "`")
		case model.KindQuoted:
			b.WriteString("\"" + in.Text + "\"")
		case model.KindFootnote:
			b.WriteString("^[" + Runs(in.Note) + "]")
		default:
			b.WriteString(in.Text)
		}
	}
	return b.String()
}

// Case is one table-driven reader test: an input and the Outline the reader must give.
type Case struct {
	Name, In, Want string
}

// Read reads src with rd under the file name name, failing the test on an error.
func Read(t testing.TB, rd model.Reader, name, src string) *model.Document {
	t.Helper()
	doc, err := rd.Read(context.Background(), []byte(src), model.ReadOptions{Name: name})
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return doc
}

// RunOutline runs cases as subtests: each input read by rd must give the wanted outline
// (leading newlines of Want ignored, so cases can open a raw string on its own line).
func RunOutline(t *testing.T, rd model.Reader, name string, cases []Case) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			got := Outline(Read(t, rd, name, c.In).Blocks)
			want := strings.TrimLeft(c.Want, "\n")
			if got != want {
				t.Errorf("input:\n%s\ngot:\n%s\nwant:\n%s", c.In, got, want)
			}
		})
	}
}
