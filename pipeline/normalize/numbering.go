package normalize

import (
	"context"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Numbering decides every printed number in the output language (env.Locale), after the
// UN conventions: numbered paragraphs 1, 2, 3… through the whole document; chapters
// (level-1 headings) I., II.; sections (level 2) A., B., restarting in each chapter;
// subsections (level 3) 1., 2., restarting in each section; levels 4 and 5 take the first
// two subparagraph styles. There is never a lone "A." without a "B.": a section alone in
// its chapter (and likewise a lone subsection, or a lone heading of a deeper level) gets no
// label. List items are lettered by depth, restarting in every list: depth 1 (a), depth 2
// (i), then the locale's further levels. Quoted and unnumbered paragraphs get no number.
// Everything is recomputed from scratch, so the transform is idempotent.
type Numbering struct{}

// Name returns "numbering".
func (Numbering) Name() string { return "numbering" }

// Apply numbers doc in place for env.Locale.
func (Numbering) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "numbering", doc, func() error {
		loc, err := outputLocale("numbering", doc, env)
		if err != nil {
			return err
		}
		numberParagraphs(doc.Blocks, loc)
		numberHeadings(doc.Blocks, loc)
		return nil
	})
}

// numberParagraphs numbers paragraphs and list items in document order.
func numberParagraphs(blocks []model.Block, loc *locales.Locale) {
	n := 0
	var labels strStore
	var visit func(bs []model.Block, listDepth int, inQuote bool)
	visit = func(bs []model.Block, listDepth int, inQuote bool) {
		for _, b := range bs {
			switch x := b.(type) {
			case *model.Paragraph:
				x.Number = model.Number{}
				if x.Numbered && !inQuote {
					n++
					x.Number = model.Number{Ordinal: n, Label: labels.label(loc.Numbering.Paragraph, n)}
				}
				visit(x.Children, listDepth, inQuote)
			case *model.List:
				// The reader's depth counts unless the structure nests deeper.
				depth := max(x.Depth, listDepth+1)
				for i, it := range x.Items {
					if it == nil {
						continue
					}
					it.Number = model.Number{Ordinal: i + 1, Label: subLevel(loc, depth).Label(i + 1), Level: depth}
					visit(it.Children, depth, inQuote)
				}
			case *model.Quote:
				for _, p := range x.Paragraphs {
					if p == nil {
						continue
					}
					p.Number = model.Number{}
					visit(p.Children, listDepth, true)
				}
			}
		}
	}
	visit(blocks, 0, false)
}

// subLevel is the subparagraph style of a list depth (1-based); depths past the locale's
// levels reuse its last one.
func subLevel(loc *locales.Locale, depth int) locales.Level {
	sub := loc.Numbering.Sub
	if len(sub) == 0 {
		return locales.Level{Format: "lowerLetter", Text: "(%1)"}
	}
	if depth < 1 {
		depth = 1
	}
	if depth > len(sub) {
		depth = len(sub)
	}
	return sub[depth-1]
}

// headingLevel is the numbering style of heading level lv (1 chapter, 2 section, 3
// subsection, 4 and 5 the first subparagraph styles); ok is false for deeper levels.
func headingLevel(loc *locales.Locale, lv int) (locales.Level, bool) {
	switch lv {
	case 1:
		return loc.Numbering.Chapter, true
	case 2:
		return loc.Numbering.Section, true
	case 3:
		return loc.Numbering.Subsection, true
	case 4, 5:
		if len(loc.Numbering.Sub) >= lv-3 {
			return loc.Numbering.Sub[lv-4], true
		}
	}
	return locales.Level{}, false
}

// numberHeadings numbers the headings in document order. A counter restarts when a
// heading of a higher level appears; the lone rule needs the size of each sibling group,
// so groups are collected first and labelled after.
func numberHeadings(blocks []model.Block, loc *locales.Locale) {
	var hs []*model.Heading
	model.Walk(blocks, func(b model.Block) bool {
		if h, ok := b.(*model.Heading); ok && h != nil {
			hs = append(hs, h)
		}
		return true
	})
	const maxLevel = 5
	// group[i] identifies the sibling group of hs[i]: headings of one level under the same
	// parent heading. ordinals count within a group.
	type group struct{ size int }
	var (
		counters [maxLevel + 2]int
		current  [maxLevel + 2]*group
		groupOf  = make([]*group, len(hs))
		ordinal  = make([]int, len(hs))
	)
	for i, h := range hs {
		lv := h.Level
		if lv < 1 {
			lv = 1
		}
		if lv > maxLevel+1 {
			lv = maxLevel + 1
		}
		// A heading closes the groups of all deeper levels.
		for d := lv + 1; d <= maxLevel+1; d++ {
			counters[d] = 0
			current[d] = nil
		}
		if current[lv] == nil {
			current[lv] = &group{}
		}
		counters[lv]++
		current[lv].size++
		groupOf[i] = current[lv]
		ordinal[i] = counters[lv]
	}
	for i, h := range hs {
		h.Number = model.Number{}
		lv := max(h.Level, 1)
		style, ok := headingLevel(loc, lv)
		if !ok {
			continue
		}
		// Chapters are always numbered; below them a lone heading is not.
		if lv > 1 && groupOf[i].size < 2 {
			continue
		}
		h.Number = model.Number{Ordinal: ordinal[i], Label: style.Label(ordinal[i]), Level: lv - 1}
	}
}
