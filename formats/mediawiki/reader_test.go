package mediawiki

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/pipeline/model"
)

func read(t *testing.T, src string) *model.Document {
	t.Helper()
	return readertest.Read(t, NewReader(), "t.wiki", src)
}

type outlineCase struct {
	name, in, want string
}

func runOutline(t *testing.T, cases []outlineCase) {
	t.Helper()
	cs := make([]readertest.Case, len(cases))
	for i, c := range cases {
		cs[i] = readertest.Case{Name: c.name, In: c.in, Want: c.want}
	}
	readertest.RunOutline(t, NewReader(), "t.wiki", cs)
}

func TestHeadings(t *testing.T) {
	runOutline(t, []outlineCase{
		{"levels shift to chapters", "== A ==\ntext\n=== B ===\nmore\n", `
H1 A
P text
H2 B
P more
`},
		{"uneven spacing", "==Réunion ==\nx\n=== Lieu===\ny\n", `
H1 Réunion
P x
H2 Lieu
P y
`},
		{"unbalanced runs keep the extra signs", "=== A ==\nx\n", `
H1 = A
P x
`},
		{"inline markup in a heading", "== '''Budget''' 2025 ==\nx\n", `
H1 *Budget* 2025
P x
`},
		{"trailing spaces after the signs", "== Todo == \t\nx\n", `
H1 Todo
P x
`},
		{"not a heading: signs inside text", "a == b\n", `
P a == b
`},
		{"deep levels stop at 3", "== A ==\n=== B ===\n==== C ====\n===== D =====\nx\n", `
H1 A
H2 B
H3 C
H3 D
P x
`},
	})
}

func TestTitle(t *testing.T) {
	cases := []struct{ name, in, title, first string }{
		{"export's # line above the first heading", "# 17.11.14 : Réunion\n\n== Lieu ==\nParis\n", "17.11.14 : Réunion", "H1 Lieu"},
		{"lone = heading at the top", "= Board meeting =\n== Budget ==\nx\n", "Board meeting", "H1 Budget"},
		{"two = headings are chapters", "= A =\nx\n= B =\ny\n", "", "H1 A"},
		{"a # list with two items stays a list", "# one\n# two\n== H ==\nx\n", "", "L1 # one"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := read(t, c.in)
			if doc.Meta.Title != c.title {
				t.Errorf("title = %q, want %q", doc.Meta.Title, c.title)
			}
			first := strings.SplitN(readertest.Outline(doc.Blocks), "\n", 2)[0]
			if first != c.first {
				t.Errorf("first block = %q, want %q", first, c.first)
			}
		})
	}
}

func TestLists(t *testing.T) {
	runOutline(t, []outlineCase{
		{"bullets nest by marker length", "Points:\n* a\n** b\n*** c\n* d\n", `
P Points:
  L1 * a
    L2 ** b
      L3 *** c
  L1 * d
`},
		{"numbered items", "Agenda:\n# one\n# two\n#* detail\n", `
P Agenda:
  L1 # one
  L1 # two
    L2 #* detail
`},
		{"blank lines between items keep one list", "== Présents ==\n*Jean\n\n*Pierre\n\n* Régis\n", `
H1 Présents
L1 * Jean
L1 * Pierre
L1 * Régis
`},
		{"a list of another kind starts a new list", "x:\n* a\n# b\n", `
P x:
  L1 * a
  L1 # b
`},
		{"no item is invented for a skipped level", "x:\n** a\n", `
P x:
  L1 ** a
`},
		{"indented line continues the item", "x:\n* a\n*: more about a\n", `
P x:
  L1 * a
    p more about a
`},
		{"text after a list ends it", "x:\n* a\nAfter.\n", `
P x:
  L1 * a
P After.
`},
		{"empty bullets vanish", "x:\n*\n* a\n", `
P x:
  L1 * a
`},
	})
}

func TestDefinitions(t *testing.T) {
	runOutline(t, []outlineCase{
		{"term and definition on one line", ";Present: Ana, Bo\n", `
P *Present*: Ana, Bo
`},
		{"definitions on the next lines", ";Regrets\n:Carl\n:Dee\n", `
P *Regrets*: Carl; Dee
`},
		{"indented text alone", ":An aside.\n", `
P An aside.
`},
		{"colon inside a link is not the separator", ";[http://x.org/a site]: b\n", `
P [site](http://x.org/a): b
`},
	})
}

func TestInlines(t *testing.T) {
	runOutline(t, []outlineCase{
		{"bold and italic", "'''Canada''' said ''maybe''.\n", `
P *Canada* said _maybe_.
`},
		{"bold italic is bold", "'''''both''''' x\n", `
P *both* x
`},
		{"four apostrophes: one is text", "''''x''' y\n", `
P '*x* y
`},
		{"apostrophes in words are text", "l'on d'accord\n", `
P l'on d'accord
`},
		{"bold closes at the line end", "'''open\nnext\n", `
P *open* next
`},
		{"internal links show their label", "See [[Main Page|the main page]] and [[Budget]]s.\n", `
P See the main page and Budgets.
`},
		{"pipe trick", "[[Paris (France)|]]\n", `
P Paris
`},
		{"a target no page can have is text", "[[Item [3]|the item]] and [[a{b}]]\n", `
P [[Item [3]|the item]] and [[a{b}]]
`},
		{"category links are dropped, images keep their caption", "Text.[[Category:Minutes]] [[File:a.png|thumb|200px|The probe]]\n", `
P Text. The probe
`},
		{"external links", "[https://example.org Example site] and [https://x.org]\n", `
P [Example site](https://example.org) and [https://x.org](https://x.org)
`},
		{"bare URLs", "See https://example.org/a.\n", `
P See [https://example.org/a](https://example.org/a).
`},
		{"a bracket without URL is text", "([Balayage]) ok\n", `
P ([Balayage]) ok
`},
		{"references become footnotes", "Agreed.<ref>See the annex.</ref> Done.<ref name=x/>\n", `
P Agreed.^[See the annex.] Done.
`},
		{"formatting tags keep their text", "<u>Under</u> <span style=\"c\">span</span><br/>x <b>b</b>\n", `
P Under span x *b*
`},
		{"unknown tags are kept as written", "Use <emu-alg> here.\n", `
P Use <emu-alg> here.
`},
		{"nowiki keeps markup as text", "<nowiki>'''not bold'''</nowiki>\n", `
P '''not bold'''
`},
		{"entities", "a&nbsp;b &amp; c\n", "P a\u00a0b & c\n"},
		{"lines of a paragraph join", "one\ntwo\n\nthree\n", `
P one two
P three
`},
	})
}

func TestDropped(t *testing.T) {
	runOutline(t, []outlineCase{
		{"comments", "a <!-- hidden\nstill hidden --> b\n", `
P a b
`},
		{"templates, nested and over lines", "{{Infobox|a={{x}}\n|b=c}}\nText {{cn}}.\n", `
P Text .
`},
		{"behaviour switches", "__NOTOC__\nText\n", `
P Text
`},
		{"rules", "a\n----\nb\n", `
P a
P b
`},
	})
}

func TestTables(t *testing.T) {
	runOutline(t, []outlineCase{
		{"rows, header and attributes", `{| class="wikitable"
|+ Votes
! Member !! Vote
|-
| Ana || '''yes'''
|-
| style="color:red" | Bo
| no
|}
`, `
P Votes
TH Member | Vote
T Ana | *yes*
T Bo | no
`},
		{"cell text over several lines", "{|\n| first\nline\n| second\n|}\n", `
T first line | second
`},
		{"links in cells are not split", "{|\n| [[A|B]] || c\n|}\n", `
T B | c
`},
		{"nested table text joins its cell", "{|\n| outer\n{|\n| inner\n|}\n|}\n", `
T outer inner
`},
	})
}

func TestPreformatted(t *testing.T) {
	runOutline(t, []outlineCase{
		{"leading space", "Code:\n x = 1\n y = 2\n", `
P Code:
C | x = 1
C | y = 2
`},
		{"pre block", "<pre>\n'''a'''\n  b\n</pre>\n", `
C | '''a'''
C |   b
`},
	})
}

func TestErrors(t *testing.T) {
	for name, c := range map[string]struct {
		in   string
		want error
	}{
		"empty":          {"", model.ErrEmpty},
		"only a comment": {"<!-- x -->\n", model.ErrEmpty},
		"binary":         {"\x00\x01\x02", model.ErrBinary},
		"too deep":       {"x\n" + staircase(40), model.ErrTooDeep},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := NewReader().Read(context.Background(), []byte(c.in), model.ReadOptions{Name: "t.wiki"})
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), "t.wiki") {
				t.Errorf("error does not name the file: %v", err)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	doc := read(t, "<!-- a\nb -->\n== H ==\n\ntext\n* item\n")
	var lines []int
	model.Walk(doc.Blocks, func(b model.Block) bool {
		lines = append(lines, b.Position().Line)
		return true
	})
	want := []int{3, 5, 6, 6}
	if len(lines) != len(want) {
		t.Fatalf("lines %v, want %v", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("lines %v, want %v", lines, want)
		}
	}
}

// staircase is a list nested n levels deep, one item per level.
func staircase(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(strings.Repeat("*", i) + " item\n")
	}
	return b.String()
}
