package rst

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
	return readertest.Read(t, NewReader(), "t.rst", src)
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
	readertest.RunOutline(t, NewReader(), "t.rst", cs)
}

func TestSections(t *testing.T) {
	runOutline(t, []outlineCase{
		{"levels by first appearance", "Budget\n======\n\nText.\n\nDetails\n-------\n\nMore.\n\nStaff\n=====\n\nEnd.\n", `
H1 Budget
P Text.
H2 Details
P More.
H1 Staff
P End.
`},
		{"overline and underline is its own style", "=====\nIntro\n=====\n\na\n\nPart\n=====\n\nb\n\n=====\nOther\n=====\n\nc\n", `
H1 Intro
P a
H2 Part
P b
H1 Other
P c
`},
		{"short underline of four signs", "Asistentes de la reunión\n----\n\nx\n\nOtros\n-----\n\ny\n", `
H1 Asistentes de la reunión
P x
H1 Otros
P y
`},
		{"an underline shorter than the title and than four signs is text", "Asistentes\n---\n\nx\n", `
P Asistentes ---
P x
`},
		{"transitions are dropped", "a\n\n----------\n\nb\n", `
P a
P b
`},
		{"inline markup in a title", "**Budget** 2025\n===============\n\nx\n\nB\n=\n\ny\n", `
H1 *Budget* 2025
P x
H1 B
P y
`},
	})
}

func TestDocumentTitle(t *testing.T) {
	cases := []struct{ name, in, title, first string }{
		{"lone top title", "Board meeting\n=============\n\nBudget\n------\n\nx\n", "Board meeting", "H1 Budget"},
		{"two top titles are chapters", "A\n=\n\nx\n\nB\n=\n\ny\n", "", "H1 A"},
		{"title directive", ".. title:: Minutes of the Board\n\nText.\n", "Minutes of the Board", "P Text."},
		{"Nikola metadata comment", ".. title: Reunión 23 - 11/08/2007\n.. slug: reunion23\n\nTexto.\n", "Reunión 23 - 11/08/2007", "P Texto."},
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

func TestFieldLists(t *testing.T) {
	doc := read(t, ":Date: 2007-08-11\n:Location: Córdoba\n:Chair: Ana\n:Present: Ana, Bo,\n   Carl\n\nText.\n\n:date: not metadata here\n")
	if doc.Meta.Date != "2007-08-11" || doc.Meta.Venue != "Córdoba" {
		t.Errorf("meta = %+v", doc.Meta)
	}
	want := "P *Chair*: Ana\nP *Present*: Ana, Bo, Carl\nP Text.\nP *date*: not metadata here\n"
	if got := readertest.Outline(doc.Blocks); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if len(doc.Front) != 2 || doc.Front[0].Kind != "date" || doc.Front[1].Kind != "venue" {
		t.Errorf("front = %+v", doc.Front)
	}
}

func TestLists(t *testing.T) {
	runOutline(t, []outlineCase{
		{"bullets with nested items", "Points:\n\n* one\n\n  * sub one\n  * sub two\n\n* two\n  continued\n", `
P Points:
  L1 * one
    L2 * sub one
    L2 * sub two
  L1 * two continued
`},
		{"enumerations, auto-numbered items continue them", "Agenda:\n\n1. Opening\n#. Budget\n#. Close\n", `
P Agenda:
  L1 1. Opening
  L1 #. Budget
  L1 #. Close
`},
		{"a sentence starting with an initial is not a list", "A. Smith said\nthat it was fine.\n", `
P A. Smith said that it was fine.
`},
		{"another bullet starts another list", "x:\n\n* a\n\n- b\n", `
P x:
  L1 * a
  L1 - b
`},
		{"second paragraph of an item", "x:\n\n- a\n\n  more on a\n", `
P x:
  L1 - a
    p more on a
`},
		{"parenthesised and roman enumerators", "x:\n\n(a) first\n(b) second\n\ni) one\nii) two\n", `
P x:
  L1 (a) first
  L1 (b) second
  L1 i) one
  L1 ii) two
`},
	})
}

func TestDefinitionsAndLineBlocks(t *testing.T) {
	runOutline(t, []outlineCase{
		{"definition list", "Present\n   Ana, Bo\nRegrets\n   Carl\n", `
P *Present*: Ana, Bo
P *Regrets*: Carl
`},
		{"line block", "| Geneva\n| 2 May 2005\n", `
P Geneva
P 2 May 2005
`},
	})
}

func TestLiteralAndQuotes(t *testing.T) {
	runOutline(t, []outlineCase{
		{"literal block after ::", "Run this::\n\n    scribe convert\n    --to pdf\n\nDone.\n", `
P Run this:
C | scribe convert
C | --to pdf
P Done.
`},
		{"expanded form ' ::'", "Code ::\n\n  x\n", `
P Code
C | x
`},
		{"block quote", "He said:\n\n    We agree.\n\n    -- Canada\n", `
P He said:
Q > We agree.
Q > -- Canada
`},
	})
}

func TestDirectives(t *testing.T) {
	runOutline(t, []outlineCase{
		{"admonitions are notes", ".. note:: The annex follows.\n\n.. warning::\n\n   Draft text.\n", `
N The annex follows.
N Draft text.
`},
		{"images and contents are dropped, figure captions kept", ".. contents::\n\n.. image:: a.png\n   :alt: logo\n\n.. figure:: b.png\n\n   The probe.\n\nText.\n", `
P The probe.
P Text.
`},
		{"code block", ".. code-block:: python\n\n   print(1)\n", `
C | print(1)
`},
		{"unknown directive keeps its text", ".. foo:: Title\n\n   Body text.\n", `
P Title
P Body text.
`},
		{"comments are dropped", ".. a comment\n   over lines\n\nText.\n", `
P Text.
`},
	})
}

func TestTables(t *testing.T) {
	runOutline(t, []outlineCase{
		{"grid table", "+------+-----+\n| Name | Vote|\n+======+=====+\n| Ana  | yes |\n| Silva|     |\n+------+-----+\n| Bo   | no  |\n+------+-----+\n", `
TH Name | Vote
T Ana Silva | yes
T Bo | no
`},
		{"simple table", "=====  =====\nName   Vote\n=====  =====\nAna    yes\n       (late)\nBo     no\n=====  =====\n", `
TH Name | Vote
T Ana | yes (late)
T Bo | no
`},
		{"csv-table", ".. csv-table:: Votes\n   :header: \"Name\", \"Vote\"\n\n   \"Ana\", \"yes, with a reservation\"\n   Bo, no\n", `
P Votes
TH Name | Vote
T Ana | yes, with a reservation
T Bo | no
`},
		{"list-table", ".. list-table::\n   :header-rows: 1\n\n   * - Name\n     - Vote\n   * - Ana\n     - yes\n", `
TH Name | Vote
T Ana | yes
`},
	})
}

func TestInlines(t *testing.T) {
	runOutline(t, []outlineCase{
		{"strong, emphasis, literal", "**Canada** said *maybe* and ``x*y``.\n", `
P *Canada* said _maybe_ and x*y.
`},
		{"asterisks in text are not markup", "2 * 3 and a*b*c\n", `
P 2 * 3 and a*b*c
`},
		{"named references resolve to their target", "Met at Except_ and `the venue`_.\n\n.. _Except: http://except.com.ar\n.. _the venue: https://venue.org/\n", `
P Met at [Except](http://except.com.ar) and [the venue](https://venue.org/).
`},
		{"chained targets share an address", "See `Jornadas`_.\n\n.. _Jornadas:\n.. _Jornadas...: http://j.org/7/\n", `
P See [Jornadas](http://j.org/7/).
`},
		{"a relative target leaves the text", "Hi dave_.\n\n.. _dave: /alejandrodavidweil\n", `
P Hi dave.
`},
		{"undefined reference keeps its name", "Ask PyAr_.\n", `
P Ask PyAr.
`},
		{"embedded URI", "`the site <https://pyar.org>`_ and `<https://x.org>`__\n", `
P [the site](https://pyar.org) and [https://x.org](https://x.org)
`},
		{"anonymous references", "`one`__ and `two`__\n\n__ http://one.org\n.. __: http://two.org\n", `
P [one](http://one.org) and [two](http://two.org)
`},
		{"roles keep their text", ":strike:`old text` and `new`:sub: and :strong:`bold` and :ref:`Budget <budget>`\n", `
P old text and new and *bold* and Budget
`},
		{"default role is emphasis", "the `Charter` says\n", `
P the _Charter_ says
`},
		{"footnotes", "Agreed [1]_ and noted [#]_.\n\n.. [1] See the annex.\n.. [#] Later.\n", `
P Agreed ^[See the annex.] and noted ^[Later.].
`},
		{"substitutions", "The |org| met. |dash|\n\n.. |org| replace:: **ITU** Council\n.. |dash| unicode:: U+2014\n", `
P The *ITU* Council met. —
`},
		{"escapes", "\\*not emphasis\\* and a\\ b\n", `
P *not emphasis* and ab
`},
		{"standalone URL", "See https://example.org/a.\n", `
P See [https://example.org/a](https://example.org/a).
`},
	})
}

func TestErrors(t *testing.T) {
	for name, c := range map[string]struct {
		in   string
		want error
	}{
		"empty":          {"", model.ErrEmpty},
		"only a comment": {".. nothing here\n", model.ErrEmpty},
		"binary":         {"\x00\x01\x02", model.ErrBinary},
		"too deep":       {strings.Repeat(">", 1) + nestedQuotes(40), model.ErrTooDeep},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := NewReader().Read(context.Background(), []byte(c.in), model.ReadOptions{Name: "t.rst"})
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), "t.rst") {
				t.Errorf("error does not name the file: %v", err)
			}
		})
	}
}

// nestedQuotes is text indented one more space on each line: quotations n deep.
func nestedQuotes(n int) string {
	var b strings.Builder
	b.WriteString("\n\n")
	for i := 1; i <= n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "x\n\n")
	}
	return b.String()
}

func TestPositions(t *testing.T) {
	doc := read(t, ".. comment\n\nTitle\n=====\n\nOther\n=====\n\ntext\n\n* item\n")
	var lines []int
	model.Walk(doc.Blocks, func(b model.Block) bool {
		lines = append(lines, b.Position().Line)
		return true
	})
	want := []int{3, 6, 9, 11, 11}
	if len(lines) != len(want) {
		t.Fatalf("lines %v, want %v", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("lines %v, want %v", lines, want)
		}
	}
}
