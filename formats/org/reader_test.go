package org

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
	return readertest.Read(t, NewReader(), "t.org", src)
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
	readertest.RunOutline(t, NewReader(), "t.org", cs)
}

func TestHeadlines(t *testing.T) {
	runOutline(t, []outlineCase{
		{"levels by stars", "* Budget\nText.\n** Actions\nMore.\n* Staff\nEnd.\n", `
H1 Budget
P Text.
H2 Actions
P More.
H1 Staff
P End.
`},
		{"tags and priorities dropped, TODO kept", "* TODO [#A] Venue :board:urgent:\nx\n* B\ny\n", `
H1 TODO Venue
P x
H1 B
P y
`},
		{"deeper outlines shift", "** A\nx\n*** B\ny\n** C\nz\n", `
H1 A
P x
H2 B
P y
H1 C
P z
`},
		{"bold at the margin is not a headline", "*bold* text\n", `
P *bold* text
`},
	})
}

func TestParagraphs(t *testing.T) {
	runOutline(t, []outlineCase{
		{"indented body lines", "* Item\n  Fredrik\n* Other\n", `
H1 Item
P Fredrik
H1 Other
`},
		{"one note per line", "* Budget\n** Actions\n\tAna will make the PR.\n\tWe need to update the sheet\n\tAmbreen will tweet.\n* Venue\n", `
H1 Budget
H2 Actions
P Ana will make the PR.
P We need to update the sheet
P Ambreen will tweet.
H1 Venue
`},
		{"wrapped sentence joins", "The budget was\nadopted by all.\n", `
P The budget was adopted by all.
`},
	})
}

func TestLists(t *testing.T) {
	runOutline(t, []outlineCase{
		{"nested by indentation", "Points:\n- one\n  - sub\n- two\n", `
P Points:
  L1 - one
    L2 - sub
  L1 - two
`},
		{"ordered and star items", "Steps:\n1. first\n2) second\n   * star item\n", `
P Steps:
  L1 1. first
  L1 2) second
    L2 * star item
`},
		{"descriptions and checkboxes", "Roles:\n- Chair :: Ana\n- [X] done thing\n- [ ] open thing\n", `
P Roles:
  L1 - *Chair*: Ana
  L1 - done thing
  L1 - open thing
`},
		{"continuation lines", "x:\n- an item\n  that goes on\n", `
P x:
  L1 - an item that goes on
`},
	})
}

func TestBlocks(t *testing.T) {
	runOutline(t, []outlineCase{
		{"quote and source blocks", "#+BEGIN_QUOTE\nWe agree.\n#+END_QUOTE\n#+begin_src go\nx := 1\n#+end_src\n", `
Q > We agree.
C | x := 1
`},
		{"comments, drawers, comment blocks dropped", "# a comment\n:PROPERTIES:\n:ID: 1\n:END:\n#+BEGIN_COMMENT\nhidden\n#+END_COMMENT\nText.\n", `
P Text.
`},
		{"fixed width", ": line one\n: line two\n", `
C | line one
C | line two
`},
		{"tables", "| Name | Vote |\n|------+------|\n| Ana | yes |\n", `
TH Name | Vote
T Ana | yes
`},
	})
}

func TestInlines(t *testing.T) {
	runOutline(t, []outlineCase{
		{"emphasis", "*bold* /italic/ _under_ =verb= ~code~ +strike+\n", `
P *bold* _italic_ under verb code strike
`},
		{"markers inside words are text", "a/b/c and 2*3*4 and snake_case_name\n", `
P a/b/c and 2*3*4 and snake_case_name
`},
		{"links", "[[https://example.org][the site]] and [[https://x.org]] and [[file:notes.org][notes]]\n", `
P [the site](https://example.org) and [https://x.org](https://x.org) and notes
`},
		{"timestamps keep their text", "Due <2016-04-09 Sat>.\n", `
P Due 2016-04-09 Sat.
`},
		{"footnotes", "Agreed[fn:1] and noted[fn::inline note].\n\n[fn:1] See the annex.\n[fn:2] Unused note.\n", `
P Agreed^[See the annex.] and noted^[inline note].
N [2] Unused note.
`},
	})
}

func TestMetadata(t *testing.T) {
	doc := read(t, "#+TITLE: Board meeting\n#+DATE: <2016-03-14 Mon>\n#+AUTHOR: Eric\n#+LANGUAGE: sv\n#+OPTIONS: toc:nil\n\nText.\n")
	if doc.Meta.Title != "Board meeting" || doc.Meta.OriginalLang != "sv" || doc.Meta.Extra["author"] != "Eric" {
		t.Errorf("meta = %+v", doc.Meta)
	}
	if len(doc.Front) != 2 || doc.Front[1].Kind != model.FrontDate || doc.Front[1].Text != "2016-03-14 Mon" {
		t.Errorf("front = %+v", doc.Front)
	}
}

func TestErrors(t *testing.T) {
	for name, c := range map[string]struct {
		in   string
		want error
	}{
		"empty":         {"", model.ErrEmpty},
		"only settings": {"#+OPTIONS: toc:nil\n# comment\n", model.ErrEmpty},
		"binary":        {"\x00\x01\x02", model.ErrBinary},
		"too deep":      {"x:\n" + staircase(40), model.ErrTooDeep},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := NewReader().Read(context.Background(), []byte(c.in), model.ReadOptions{Name: "t.org"})
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), "t.org") {
				t.Errorf("error does not name the file: %v", err)
			}
		})
	}
}

func staircase(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "- item\n")
	}
	return b.String()
}
