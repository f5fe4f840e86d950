package gfm

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// tree prints src's tree one node per line: adjacent texts joined as one quoted string,
// addresses with their kind and URL (their text left out), tables with alignments,
// footnotes with their numbers.
func tree(src string) string {
	s := []byte(src)
	var b strings.Builder
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), n.Kind())
		switch n := n.(type) {
		case *ast.AutoLink:
			fmt.Fprintf(&b, " %v %q\n", n.AutoLinkType, n.URL(s))
			return
		case *east.Table:
			fmt.Fprintf(&b, " %v", n.Alignments)
		case *east.TableCell:
			fmt.Fprintf(&b, " %v", n.Alignment)
		case *east.Footnote:
			fmt.Fprintf(&b, " %q %d", n.Ref, n.Index)
		case *east.FootnoteLink:
			fmt.Fprintf(&b, " %d", n.Index)
		case *east.FootnoteBacklink:
			fmt.Fprintf(&b, " %d", n.Index)
		}
		b.WriteByte('\n')
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				walk(c, depth+1)
				continue
			}
			joined := textOf(t, s)
			for next, ok := c.NextSibling().(*ast.Text); ok; next, ok = c.NextSibling().(*ast.Text) {
				joined += textOf(next, s)
				c = next
			}
			fmt.Fprintf(&b, "%sText %q\n", strings.Repeat("  ", depth+1), joined)
		}
	}
	walk(NewParser().Parse(text.NewReader(s)), 0)
	return b.String()
}

// textOf is t's text, with "\n" for a soft line break.
func textOf(t *ast.Text, src []byte) string {
	if t.SoftLineBreak() {
		return string(t.Segment.Value(src)) + "\n"
	}
	return string(t.Segment.Value(src))
}

func check(t *testing.T, cases []struct{ name, in, want string }) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := tree(c.in); got != strings.TrimLeft(c.want, "\n") {
				t.Errorf("input %q\ngot:\n%s\nwant:%s", c.in, got, c.want)
			}
		})
	}
}

func TestTable(t *testing.T) {
	check(t, []struct{ name, in, want string }{
		{"alignments", "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n", `
Document
  Table [left center right none]
    TableHeader
      TableCell left
        Text "a"
      TableCell center
        Text "b"
      TableCell right
        Text "c"
      TableCell none
        Text "d"
    TableRow
      TableCell left
        Text "1"
      TableCell center
        Text "2"
      TableCell right
        Text "3"
      TableCell none
        Text "4"
`},
		{"escaped pipe in a code span", "a | b\n--|--\n`x \\| y` | z\\|w\n", `
Document
  Table [none none]
    TableHeader
      TableCell none
        Text "a"
      TableCell none
        Text "b"
    TableRow
      TableCell none
        CodeSpan
          Text "x | y"
      TableCell none
        Text "z\\|w"
`},
		{"paragraph before, row padded", "Votes:\n| a | b |\n| - | - |\n| 1 |\n\nafter\n", `
Document
  Paragraph
    Text "Votes:"
  Table [none none]
    TableHeader
      TableCell none
        Text "a"
      TableCell none
        Text "b"
    TableRow
      TableCell none
        Text "1"
      TableCell none
  Paragraph
    Text "after"
`},
		{"no delimiter row", "| a | b |\n| x | y |\n", `
Document
  Paragraph
    Text "| a | b |\n| x | y |"
`},
		{"bad column", "| a | b |\n| - | -x |\n", `
Document
  Paragraph
    Text "| a | b |\n| - | -x |"
`},
	})
}

func TestDelimiterRow(t *testing.T) {
	for in, want := range map[string]string{
		"|---|:--|\n":    "[none left]",
		"--|--\n":        "[none none]",
		" :-: | --: \n":  "[center right]",
		"    |---|\n":    "[]",
		"---":            "[]",
		"---\n":          "[none]",
		"| : | --- |\n":  "[]",
		"| -- | | --|\n": "[]",
		"|\n":            "[]",
		"|-+-|\n":        "[]",
	} {
		src := []byte(in)
		if got := fmt.Sprint(delimiterRow(text.NewSegment(0, len(src)), src)); got != want {
			t.Errorf("delimiterRow(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestStrikethrough(t *testing.T) {
	check(t, []struct{ name, in, want string }{
		{"double and single", "~~a~~ ~b~ ~~~c~~~\n", `
Document
  Paragraph
    Strikethrough
      Text "a"
    Text " "
    Strikethrough
      Text "b"
    Text " ~~~c~~~"
`},
		{"unmatched", "about ~5\n", `
Document
  Paragraph
    Text "about ~5"
`},
	})
}

func TestLinkify(t *testing.T) {
	check(t, []struct{ name, in, want string }{
		{"kinds", "http://a.org https://b.org:8080/x?y=1#z ftp://c.org/f www.d.org e@f.org\n", `
Document
  Paragraph
    AutoLink 2 "http://a.org"
    Text " "
    AutoLink 2 "https://b.org:8080/x?y=1#z"
    Text " "
    AutoLink 2 "ftp://c.org/f"
    Text " "
    AutoLink 2 "http://www.d.org"
    Text " "
    AutoLink 1 "e@f.org"
`},
		{"trailing punctuation", "(see http://a.org/x_(y)), www.b.org. c@d.org.\n", `
Document
  Paragraph
    Text "(see "
    AutoLink 2 "http://a.org/x_(y)"
    Text "), "
    AutoLink 2 "http://www.b.org"
    Text ". "
    AutoLink 1 "c@d.org"
    Text "."
`},
		{"not addresses", "http://localhost www.x x@y x@y.org- http:/a.org\n", `
Document
  Paragraph
    Text "http://localhost www.x x@y x@y.org- http:/a.org"
`},
		{"in a link's text nothing is linked", "[www.a.org](http://b.org)\n", `
Document
  Paragraph
    Link
      Text "www.a.org"
`},
	})
}

func TestHostAndPath(t *testing.T) {
	long := strings.Repeat("a", 300)
	for _, c := range []struct {
		in   string
		from int
		port bool
		want int
	}{
		{"http://a.b.org/p q", 7, true, 16},
		{"http://a.Org", 7, true, -1},
		{"http://a.org:80x", 7, true, 15},
		{"http://a.org:x", 7, true, 12},
		{"www.a.org/$x", 4, false, 10},
		{"http://a.org/$x", 7, true, 15},
		{"http://" + long[:256] + ".org", 7, true, 7 + 256 + 4},
		{"http://" + long[:257] + ".org", 7, true, -1},
		{"http://" + long[:250] + ".x" + long[:10] + ".org", 7, true, 7 + 250 + 12},
	} {
		if got := hostAndPath([]byte(c.in), c.from, c.port); got != c.want {
			t.Errorf("hostAndPath(%.40q…, %d, %v) = %d, want %d", c.in, c.from, c.port, got, c.want)
		}
	}
}

func TestFootnote(t *testing.T) {
	check(t, []struct{ name, in, want string }{
		{"numbered by first reference", "[^b]: B.\n\nx[^a] y[^b] z[^a] w[^none]\n\n[^a]: A.\n[^unused]: U.\n", `
Document
  Paragraph
    Text "x"
    FootnoteLink 1
    Text " y"
    FootnoteLink 2
    Text " z"
    FootnoteLink 1
    Text " w[^none]"
  FootnoteList
    Footnote "a" 1
      Paragraph
        Text "A."
        FootnoteBacklink 1
        FootnoteBacklink 1
    Footnote "b" 2
      Paragraph
        Text "B."
        FootnoteBacklink 2
`},
		{"no reference, no list", "x\n\n[^a]: A.\n", `
Document
  Paragraph
    Text "x"
`},
	})
}

func TestLabelEnd(t *testing.T) {
	for in, want := range map[string]int{"a]": 1, "a\\]b]": 4, "a[b]": -1, "ab": -1, "]": 0} {
		if got := labelEnd([]byte(in)); got != want {
			t.Errorf("labelEnd(%q) = %d, want %d", in, got, want)
		}
	}
}
