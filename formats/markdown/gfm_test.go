package markdown

import (
	"testing"

	"github.com/scribe-un/scribe/formats/internal/readertest"
)

// The GitHub Flavored Markdown constructs the reader reads beyond CommonMark (parsed by
// internal/gfm): tables, strikethrough, bare links and footnotes.

func TestTables(t *testing.T) {
	cases := []readertest.Case{
		{Name: "alignment row", In: "## Votes\n\n| Member | For | Against |\n|:-------|:---:|--------:|\n| France | 12 | 3 |\n", Want: `
H1 Votes
T Member | For | Against
T France | 12 | 3
`},
		{Name: "without outer pipes", In: "## Votes\n\nMember | Vote\n--- | ---\nChile | yes\n", Want: `
H1 Votes
T Member | Vote
T Chile | yes
`},
		{Name: "escaped pipes, in a code span too", In: "## Options\n\n| Flag | Meaning |\n|---|---|\n| `a \\| b` | either a\\|b |\n", Want: `
H1 Options
T Flag | Meaning
T a | b | either a|b
`},
		{Name: "cells with inline markup", In: "## Items\n\n| Item | Note |\n|---|---|\n| **Budget** | see [annex](https://un.org/a) and *draft* |\n", Want: `
H1 Items
T Item | Note
T *Budget* | see [annex](https://un.org/a) and _draft_
`},
		{Name: "a table ends at a blank line", In: "## Items\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nThe meeting rose.\n", Want: `
H1 Items
T A | B
T 1 | 2
P The meeting rose.
`},
		{Name: "rows cut and padded to the columns", In: "## Items\n\n| A | B |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |\n", Want: `
H1 Items
T A | B
T 1 | 2
T 4 | 
`},
		{Name: "lines before the header stay a paragraph", In: "## Items\n\nAs follows:\n| A | B |\n|---|---|\n| 1 | 2 |\n", Want: `
H1 Items
P As follows:
T A | B
T 1 | 2
`},
		{Name: "a header wider than the delimiter row makes no table", In: "## Items\n\n| A | B | C |\n|---|---|\n", Want: `
H1 Items
P | A | B | C |
P |---|---|
`},
		{Name: "in a quotation or a list item a table is its cells' words", In: "Said:\n\n> | c | d |\n> |-|-|\n> | Y | **z** |\n\nAs follows:\n\n- item\n\n  | e | f |\n  |---|---|\n", Want: `
P Said:
  Q > c d Y *z*
P As follows:
  L1 - item
    p e f
`},
		{Name: "a row of hyphens alone is a heading underline", In: "Budget | Staff\n---\n\nText.\n", Want: `
H1 Budget | Staff
P Text.
`},
	}
	readertest.RunOutline(t, NewReader(), "t.md", cases)
}

func TestStrikethrough(t *testing.T) {
	cases := []readertest.Case{
		{Name: "double tildes keep their words", In: "## Draft\n\nThe ~~old~~ new text.\n", Want: `
H1 Draft
P The old new text.
`},
		{Name: "single tildes too", In: "## Draft\n\nThe ~old~ new text.\n", Want: `
H1 Draft
P The old new text.
`},
		{Name: "three tildes are text", In: "## Draft\n\nThe ~~~old~~~ text.\n", Want: `
H1 Draft
P The ~~~old~~~ text.
`},
		{Name: "an unmatched tilde is text", In: "## Draft\n\nAbout ~5 delegates.\n", Want: `
H1 Draft
P About ~5 delegates.
`},
		{Name: "matched single tildes strike, between words too", In: "## Draft\n\nAbout ~5 delegates, 3~4 hours.\n", Want: `
H1 Draft
P About 5 delegates, 34 hours.
`},
		{Name: "with emphasis inside", In: "## Draft\n\nThe ~~**old** text~~ stays.\n", Want: `
H1 Draft
P The *old* text stays.
`},
	}
	readertest.RunOutline(t, NewReader(), "t.md", cases)
}

func TestLinkify(t *testing.T) {
	cases := []readertest.Case{
		{Name: "http and https", In: "## Links\n\nSee http://www.itu.int/wsis and https://un.org/en/about for more.\n", Want: `
H1 Links
P See [http://www.itu.int/wsis](http://www.itu.int/wsis) and [https://un.org/en/about](https://un.org/en/about) for more.
`},
		{Name: "www. is linked as http", In: "## Links\n\nSee www.itu.int/net4/wsis today.\n", Want: `
H1 Links
P See [www.itu.int/net4/wsis](http://www.itu.int/net4/wsis) today.
`},
		{Name: "e-mail addresses", In: "## Links\n\nWrite to wsis-info@itu.int or the secretariat.\n", Want: `
H1 Links
P Write to [wsis-info@itu.int](mailto:wsis-info@itu.int) or the secretariat.
`},
		{Name: "trailing punctuation is left out", In: "## Links\n\nSee https://un.org/a. Or www.itu.int, (https://un.org/b) and https://un.org/c?!\n", Want: `
H1 Links
P See [https://un.org/a](https://un.org/a). Or [www.itu.int](http://www.itu.int), ([https://un.org/b](https://un.org/b)) and [https://un.org/c](https://un.org/c)?!
`},
		{Name: "balanced parentheses stay in", In: "## Links\n\nSee https://en.wikipedia.org/wiki/WSIS_(summit) now.\n", Want: `
H1 Links
P See [https://en.wikipedia.org/wiki/WSIS_(summit)](https://en.wikipedia.org/wiki/WSIS_(summit)) now.
`},
		{Name: "emphasis markers around an address are left out", In: "## Links\n\nSee *www.itu.int* and _https://un.org_.\n", Want: `
H1 Links
P See [www.itu.int](http://www.itu.int) and [https://un.org](https://un.org).
`},
		{Name: "no top-level domain, no link", In: "## Links\n\nSee http://localhost and www.example and name@host today.\n", Want: `
H1 Links
P See http://localhost and www.example and name@host today.
`},
		{Name: "an address starting with www. is mail", In: "## Links\n\nWrite to www.office@UN.ORG today.\n", Want: `
H1 Links
P Write to [www.office@UN.ORG](mailto:www.office@UN.ORG) today.
`},
	}
	readertest.RunOutline(t, NewReader(), "t.md", cases)
}

func TestFootnotes(t *testing.T) {
	cases := []readertest.Case{
		{Name: "reference before the definition", In: "## Budget\n\nThe budget was approved.[^1]\n\n[^1]: With one abstention.\n", Want: `
H1 Budget
P The budget was approved.^[With one abstention.]
`},
		{Name: "reference after the definition", In: "## Budget\n\n[^note]: With one abstention.\n\nThe budget was approved.[^note]\n", Want: `
H1 Budget
P The budget was approved.^[With one abstention.]
`},
		{Name: "an undefined reference stays text", In: "## Budget\n\nThe budget was approved.[^2]\n\n[^1]: Unused.\n", Want: `
H1 Budget
P The budget was approved.[^2]
`},
		{Name: "indented lines continue a note", In: "## Budget\n\nApproved[^a] and noted[^b].\n\n[^a]: First note,\n    continued.\n[^b]: Second *note*.\n", Want: `
H1 Budget
P Approved^[First note, continued.] and noted^[Second _note_.].
`},
		{Name: "a definition interrupts a paragraph", In: "## Budget\n\nApproved.[^1]\n[^1]: Unanimously.\n", Want: `
H1 Budget
P Approved.^[Unanimously.]
`},
	}
	readertest.RunOutline(t, NewReader(), "t.md", cases)
}
