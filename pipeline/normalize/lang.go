package normalize

import (
	"strings"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// canonicalLang maps what a user may write for a language ("fr", "fr-CA", "French",
// "français", "Arabic") to the base tag of one of the six languages.
func canonicalLang(set *locales.Set, s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if loc, err := set.Lookup(s); err == nil {
		return loc.Tag, true
	}
	for _, loc := range set.All() {
		if strings.EqualFold(s, loc.EnglishName) || strings.EqualFold(s, loc.Name) {
			return loc.Tag, true
		}
		// Every locale names every language: "anglais" or "الإنكليزية" name English.
		for _, tag := range locales.Supported {
			if strings.EqualFold(s, loc.LanguageNames[tag]) || strings.EqualFold(s, loc.Masthead.OriginalNames[tag]) {
				return tag, true
			}
		}
	}
	return "", false
}

// guessLang guesses the language of the body from its script, and among Latin-script
// notes from function words. Readers normally state the language; this is the fallback.
func guessLang(doc *model.Document) string {
	var b strings.Builder
	seen := 0
	model.Walk(doc.Blocks, func(blk model.Block) bool {
		// The first hundred blocks are plenty for a guess and bound the work.
		if seen > 100 {
			return false
		}
		seen++
		switch n := blk.(type) {
		case *model.Heading:
			b.WriteString(model.PlainText(n.Inlines))
		case *model.Paragraph:
			b.WriteString(model.PlainText(n.Inlines))
		case *model.ListItem:
			b.WriteString(model.PlainText(n.Inlines))
		}
		b.WriteByte('\n')
		return true
	})
	if lang := locales.DetectLanguage(b.String()); lang != "" {
		return lang
	}
	return "en"
}
