package markdown

import (
	"strings"
	"testing"

	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/pipeline/model"
)

func TestMarkdownFixes(t *testing.T) {
	cases := []readertest.Case{
		{Name: "kramdown attribute lines are dropped", In: "# Minutes\n{: .no_toc}\n\n## Budget\n{: #budget .section}\n\nText.\n{: .lead}\n", Want: `
H1 Budget
P Text.
`},
		{Name: "a {:toc} list is a generated table of contents", In: "# Minutes\n\n* TOC\n{:toc}\n\n## Budget\n\nText.\n", Want: `
H1 Budget
P Text.
`},
		{Name: "attributes ending a heading or a line", In: "## Budget {#budget}\n\nText ends here{: .note}\n\n## Staff\n\nMore.\n", Want: `
H1 Budget
P Text ends here
H1 Staff
P More.
`},
		{Name: "braces in text stay", In: "## Code\n\nThe set {a, b} and {:not an IAL because text follows} x.\n", Want: `
H1 Code
P The set {a, b} and {:not an IAL because text follows} x.
`},
		{Name: "unknown tags are text, HTML tags markup", In: "## Spec\n\nBT: Ecmarkup uses <emu-alg> and <b>bold</b> and <wendyreid> says +1<!-- hidden -->.\n", Want: `
H1 Spec
P BT: Ecmarkup uses <emu-alg> and bold and <wendyreid> says +1.
`},
		{Name: "unknown tags in an HTML block are kept", In: "## Spec\n\n<emu-clause id=\"x\">\nText of the clause.\n</emu-clause>\n", Want: `
H1 Spec
P <emu-clause id="x"> Text of the clause. </emu-clause>
`},
		{Name: "fenced code is preformatted, unnumbered", In: "## Steps\n\nRun:\n\n```sh\nscribe convert a.txt\n  --to pdf\n```\n\nDone.\n", Want: `
H1 Steps
P Run:
C | scribe convert a.txt
C |   --to pdf
P Done.
`},
		{Name: "fenced code in a list item", In: "Steps:\n\n- first\n\n  ```\n  x = 1\n  ```\n", Want: `
P Steps:
  L1 - first
    C | x = 1
`},
		{Name: "a link without text shows its address", In: "## Links\n\nSee [](https://example.org/a) here.\n", Want: `
H1 Links
P See [https://example.org/a](https://example.org/a) here.
`},
		{Name: "fences are left alone by the attribute rule", In: "## A\n\n```\n{: .kept}\n```\n", Want: `
H1 A
C | {: .kept}
`},
	}
	readertest.RunOutline(t, NewReader(), "t.md", cases)
}

func TestKramdownKeepsLineNumbers(t *testing.T) {
	src := "# T\n{: .no_toc}\n\n## B\n\nText.\n"
	out := dropAttributeLists(src)
	if strings.Count(out, "\n") != strings.Count(src, "\n") {
		t.Fatalf("line count changed:\n%q", out)
	}
	doc := readertest.Read(t, NewReader(), "t.md", src)
	var lines []int
	model.Walk(doc.Blocks, func(b model.Block) bool {
		lines = append(lines, b.Position().Line)
		return true
	})
	if len(lines) != 2 || lines[0] != 4 || lines[1] != 6 {
		t.Errorf("lines = %v, want [4 6]", lines)
	}
}
