package normalize

import (
	"strings"
	"unicode"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
)

// canonicalLang maps what a user may write for a language ("fr", "fr-CA", "French",
// "français", "Arabic") to the base tag of one of the six languages.
func canonicalLang(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	set := locales.MustEmbedded()
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

// Function words frequent enough to tell English, French and Spanish notes apart by
// counting; grammar, not vocabulary, so a short list per language suffices.
var latinMarkers = map[string][]string{
	"en": {"the", "and", "of", "to", "that", "is", "was", "for", "with", "on"},
	"fr": {"le", "la", "les", "des", "et", "du", "une", "est", "que", "pour", "dans", "au"},
	"es": {"el", "los", "las", "y", "del", "una", "que", "es", "para", "por", "con", "se"},
}

// guessLang guesses the language of the body from its script, and among Latin-script
// notes from function words. Readers normally state the language; this is the fallback.
func guessLang(doc *pipeline.Document) string {
	var arab, han, cyr, latin int
	words := map[string]int{}
	count := func(s string) {
		for _, r := range s {
			switch {
			case unicode.Is(unicode.Arabic, r):
				arab++
			case unicode.Is(unicode.Han, r):
				han++
			case unicode.Is(unicode.Cyrillic, r):
				cyr++
			case unicode.Is(unicode.Latin, r):
				latin++
			}
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
			words[w]++
		}
	}
	seen := 0
	pipeline.Walk(doc.Blocks, func(b pipeline.Block) bool {
		// The first hundred blocks are plenty for a guess and bound the work.
		if seen > 100 {
			return false
		}
		seen++
		switch n := b.(type) {
		case *pipeline.Heading:
			count(pipeline.PlainText(n.Inlines))
		case *pipeline.Paragraph:
			count(pipeline.PlainText(n.Inlines))
		case *pipeline.ListItem:
			count(pipeline.PlainText(n.Inlines))
		}
		return true
	})
	best, max := "en", latin
	for _, c := range []struct {
		tag string
		n   int
	}{{"ar", arab}, {"zh", han}, {"ru", cyr}} {
		if c.n > max {
			best, max = c.tag, c.n
		}
	}
	if best != "en" {
		return best
	}
	bestScore := 0
	for _, tag := range []string{"en", "fr", "es"} {
		score := 0
		for _, w := range latinMarkers[tag] {
			score += words[w]
		}
		if score > bestScore {
			best, bestScore = tag, score
		}
	}
	return best
}
