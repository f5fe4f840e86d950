package normalize

import (
	"context"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// IDs gives every block its stable identifier, the unit id of translation files, by the
// scheme documented on pipeline.Heading.ID: headings h1, h2…; numbered paragraphs p<N> by
// paragraph ordinal; unnumbered top-level paragraphs u1, u2…; list items their parent's id
// plus a Latin letter, then a lower-case roman numeral one level down (p12.a, p12.a.ii),
// alternating deeper; quotation paragraphs their parent's id plus .q1, .q2; notes n1…;
// tables t1…; preformatted blocks f1…. The ids never depend on the output language, and the paragraph ordinal is
// counted here so they do not depend on the numbering stage either.
//
// Where the scheme is silent this stage decides: a list or quotation standing at the top
// level belongs to the nearest paragraph before it (or, with none, takes an id of the u
// sequence); items of several lists under one parent continue the letter sequence so ids
// stay unique; a paragraph nested in a list item or paragraph is its parent's id plus .u1.
// Quote blocks themselves carry no id: their paragraphs do.
type IDs struct{}

// Name returns "ids".
func (IDs) Name() string { return "ids" }

// Apply sets the ids in place, recomputing all of them.
func (IDs) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "ids", doc, func() error {
		a := &idAssigner{}
		// owner is the last top-level paragraph, owner of loose lists and quotes (a value
		// reused from paragraph to paragraph: one allocation each was garbage).
		var owner idOwner
		hasOwner := false
		for _, b := range doc.Blocks {
			switch n := b.(type) {
			case *model.Paragraph:
				if n.Numbered {
					a.para++
					n.ID = a.ids.numbered("p", a.para)
				} else {
					a.unnumbered++
					n.ID = a.ids.numbered("u", a.unnumbered)
				}
				owner, hasOwner = idOwner{id: n.ID}, true
				a.children(&owner, n.Children, 0, false)
			case *model.List, *model.Quote:
				if !hasOwner {
					a.unnumbered++
					owner, hasOwner = idOwner{id: "u" + strconv.Itoa(a.unnumbered)}, true
				}
				a.children(&owner, []model.Block{b}, 0, false)
			default:
				a.block(b)
			}
		}
		return nil
	})
}

type idAssigner struct {
	headings, para, unnumbered, notes, tables, pre int
	ids                                            strStore
}

// idOwner is a block whose descendants take ids from its own, with its counters.
type idOwner struct {
	id                 string
	items, quotes, sub int
}

// block sets the id of a block that takes a global id (heading, note, table) or, for a
// numbered paragraph met below the top level, a paragraph id.
func (a *idAssigner) block(b model.Block) {
	switch n := b.(type) {
	case *model.Heading:
		a.headings++
		n.ID = "h" + strconv.Itoa(a.headings)
	case *model.Note:
		a.notes++
		n.ID = "n" + strconv.Itoa(a.notes)
	case *model.Table:
		a.tables++
		n.ID = "t" + strconv.Itoa(a.tables)
	case *model.Preformatted:
		a.pre++
		n.ID = "f" + strconv.Itoa(a.pre)
	}
}

// children sets the ids of the blocks under owner; depth counts the list levels above, and
// inQuote tells that a quotation encloses them (quoted paragraphs are never numbered).
func (a *idAssigner) children(owner *idOwner, blocks []model.Block, depth int, inQuote bool) {
	for _, b := range blocks {
		switch n := b.(type) {
		case *model.List:
			for _, it := range n.Items {
				if it == nil {
					continue
				}
				owner.items++
				it.ID = owner.id + "." + itemKey(owner.items, depth)
				a.children(&idOwner{id: it.ID}, it.Children, depth+1, inQuote)
			}
		case *model.Quote:
			n.ID = ""
			for _, p := range n.Paragraphs {
				if p == nil {
					continue
				}
				owner.quotes++
				p.ID = owner.id + ".q" + strconv.Itoa(owner.quotes)
				// A quotation inside a quoted paragraph keeps nesting.
				a.children(&idOwner{id: p.ID}, p.Children, depth, true)
			}
		case *model.Paragraph:
			if n.Numbered && !inQuote {
				// A numbered paragraph is numbered wherever it sits; its id follows.
				a.para++
				n.ID = a.ids.numbered("p", a.para)
			} else {
				owner.sub++
				n.ID = owner.id + ".u" + strconv.Itoa(owner.sub)
			}
			a.children(&idOwner{id: n.ID}, n.Children, depth, inQuote)
		default:
			a.block(b)
		}
	}
}

// itemKey is the letter (depth 0, 2, …) or lower roman numeral (depth 1, 3, …) of the
// n-th item under one parent.
func itemKey(n, depth int) string {
	if depth%2 == 1 {
		return strings.ToLower(locales.Roman(n))
	}
	return locales.Letters(n, 'a')
}
