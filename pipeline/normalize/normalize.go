// Package normalize holds scribe's normalizers: the ordered transforms that turn the raw
// document a reader produced into the model writers print. They decide everything a writer
// must not: clean text, protected runs (document symbols, links), source-language
// typography, metadata in canonical form, speakers, stable ids and, per output language,
// the paragraph and heading numbers and the localized masthead.
//
// Every transform is idempotent (applying it twice gives the same document as applying it
// once) and keeps no state between calls, so one process may run many conversions at once.
package normalize

import (
	"context"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Source returns the language-independent transforms, run once per input after reading:
// clean, inlines, typography (source-language), participants, metadata, structure,
// records, speakers, ids.
func Source() []model.Transform {
	return []model.Transform{Clean{}, Inlines{}, Typography{}, Participants{}, Metadata{}, Structure{}, Records{}, Speakers{}, IDs{}}
}

// Output returns the transforms run per output language on a clone (env.Locale set):
// numbering, minutes (run-in labels, attendance, annexes, placed as opts say), localize.
func Output(opts OutputOptions) []model.Transform {
	return []model.Transform{Numbering{}, Minutes{Options: opts}, Localize{}}
}

// run is the common frame of every Apply: it checks the arguments and the context. A panic
// is left to the entry point's boundary (the runner's job, the command), which keeps its
// stack.
func run(ctx context.Context, stage string, doc *model.Document, fn func() error) error {
	if doc == nil {
		return model.Errorf(stage, model.Pos{}, model.ErrMalformed, "no document")
	}
	if ctx != nil {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return fn()
}

// outputLocale returns env.Locale or the error an output transform reports without one.
func outputLocale(stage string, doc *model.Document, env *model.Env) (*locales.Locale, error) {
	if env == nil || env.Locale == nil {
		return nil, model.Errorf(stage, model.Pos{File: doc.Source}, model.ErrLanguage, "no output language chosen")
	}
	return env.Locale, nil
}

func warnings(env *model.Env) *model.Warnings {
	if env == nil {
		return nil
	}
	return env.Warnings
}

// eachInlines calls fn on every run list of the body (headings, paragraphs, list items,
// notes, table cells, quotation paragraphs) and stores what fn returns. Footnote contents
// are not visited: transforms that care recurse into Inline.Note themselves.
func eachInlines(blocks []model.Block, fn func(ins []model.Inline) []model.Inline) {
	model.Walk(blocks, func(b model.Block) bool {
		switch n := b.(type) {
		case *model.Heading:
			if n != nil {
				n.Inlines = fn(n.Inlines)
			}
		case *model.Paragraph:
			if n != nil {
				n.Inlines = fn(n.Inlines)
			}
		case *model.ListItem:
			if n != nil {
				n.Inlines = fn(n.Inlines)
			}
		case *model.Note:
			if n != nil {
				n.Inlines = fn(n.Inlines)
			}
		case *model.Table:
			for _, row := range n.Rows {
				for j := range row {
					row[j] = fn(row[j])
				}
			}
		}
		return true
	})
}

// localeSet returns env.Locales, or the error a transform that reads locale data reports
// when the caller gave none: locale data reaches normalizers only through Env.
func localeSet(stage string, doc *model.Document, env *model.Env) (*locales.Set, error) {
	if env == nil || env.Locales == nil {
		return nil, model.Errorf(stage, model.Pos{File: doc.Source}, model.ErrLanguage, "no locale data (Env.Locales is nil)")
	}
	return env.Locales, nil
}

// sourceLocale is the locale of the language the notes are written in: Meta.OriginalLang
// when it names one of the six languages, otherwise a guess from the text, English last.
func sourceLocale(set *locales.Set, doc *model.Document) *locales.Locale {
	if tag, ok := canonicalLang(set, doc.Meta.OriginalLang); ok {
		if loc, err := set.Lookup(tag); err == nil {
			return loc
		}
	}
	loc, err := set.Lookup(guessLang(doc))
	if err != nil {
		// Unreachable with the embedded data; English keeps the stage working regardless.
		loc, _ = set.Lookup("en")
	}
	return loc
}

func posf(doc *model.Document, line int) model.Pos {
	return model.Pos{File: doc.Source, Line: line}
}
