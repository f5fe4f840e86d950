package locales

import (
	"strings"
	"unicode"
)

// MastheadField is what a masthead line printed by scribe says.
type MastheadField struct {
	// Key is "distribution" (Value "general", "limited" or "restricted"), "original"
	// (Value a language tag, "en"), or "language" (the line naming this version's
	// language; Value its tag).
	Key, Value string
}

// ParseMastheadLine recognises a line of the masthead's right-hand column as scribe prints
// it in any of the six languages ("Distr.: General", "Distr. limitée", "Original: English",
// "Original : anglais", "Arabic"), so a report edited in Word and read again keeps its
// distribution and original language. Dates are left to FindDate.
func (s *Set) ParseMastheadLine(line string) (MastheadField, bool) {
	key := mastheadKey(line)
	if key == "" {
		return MastheadField{}, false
	}
	for _, loc := range s.All() {
		mh := loc.Masthead
		for value, text := range map[string]string{"general": mh.Distribution, "limited": mh.Limited, "restricted": mh.Restricted} {
			if text != "" && mastheadKey(text) == key {
				return MastheadField{Key: "distribution", Value: value}, true
			}
		}
		for tag, name := range mh.OriginalNames {
			if mh.Original != "" && mastheadKey(strings.ReplaceAll(mh.Original, "{language}", name)) == key {
				return MastheadField{Key: "original", Value: tag}, true
			}
		}
		if mh.LanguageLine != "" && mastheadKey(mh.LanguageLine) == key {
			return MastheadField{Key: "language", Value: loc.Tag}, true
		}
	}
	return MastheadField{}, false
}

// mastheadKey compares masthead lines loosely: case, spacing (Word may turn a no-break
// space into a space) and punctuation do not count.
func mastheadKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
