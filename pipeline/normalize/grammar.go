package normalize

import (
	"strings"

	"github.com/scribe-un/scribe/locales"
)

// grammar is the closed-class vocabulary speaker detection needs beyond verbs and titles,
// read from the locale's speech data (locales/data/<lang>.yaml) so that a translator can
// correct it without a rebuild.
type grammar struct {
	articles   map[string]bool // "the", "la", "los": may open a speaker's name
	connectors map[string]bool // "of", "de", "и": allowed between capitalised words of a name
	leadIns    map[string]bool // "after", "in", "he": cannot open a name
	skips      map[string]bool // "also", "has": may stand between the subject and its verb
	conj       map[string]bool // "and", "et": join several speakers
	boundaries map[string]bool // Arabic: words that end the subject of a verb-first clause
	// Lists kept in order for scripts written without spaces (Chinese), matched as prefixes.
	leadInList, skipList []string
	// participles are the suffixes of a participle that opens a lead-in ("Answering
	// Djibouti,"), with minLen the shortest such word in runes.
	participles []string
	minLen      int
	// adverb is the suffix of manner adverbs allowed before the verb ("briefly").
	adverb string
	// pastEd asks for English present forms of the locale's "-ed" verbs ("agreed" →
	// "agrees"), which board minutes use ("Larry, agrees on membership").
	pastEd bool
}

// grammarOf builds the lookup sets of one locale (once per process for the embedded ones,
// see embeddedVocab).
func grammarOf(loc *locales.Locale) *grammar {
	sp := loc.Speech
	return &grammar{
		articles:    wordSet(sp.Articles...),
		connectors:  wordSet(sp.NameConnectors...),
		leadIns:     wordSet(sp.LeadIns...),
		skips:       wordSet(sp.Skips...),
		conj:        wordSet(sp.Conjunctions...),
		boundaries:  wordSet(sp.ClauseBoundaries...),
		leadInList:  sp.LeadIns,
		skipList:    sp.Skips,
		participles: sp.ParticipleSuffixes,
		minLen:      sp.ParticipleMinLength,
		adverb:      sp.AdverbSuffix,
		pastEd:      sp.PresentFromPast,
	}
}

// wordSet makes a lower-cased lookup set.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}
