package locales

// Language detection: which of the six UN languages a text is written in. It is a cheap,
// deterministic guess for a document's original language when neither front matter nor the
// user states it: Arabic, Chinese and Russian are told apart by script, and Latin-script
// text by counting function words of English, French and Spanish. It answers "" rather than
// guess when the evidence is thin.

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// detectSampleBytes bounds the work on huge inputs: the language of notes is settled long before
// the first 64 KiB end.
const detectSampleBytes = 64 << 10

// detectMinLetters is the least number of letters Detect needs before it answers.
const detectMinLetters = 12

// Function words that are frequent in one of the three Latin-script languages and rare in the
// other two. Words shared by French and Spanish ("de", "la", "que", "en") are left out on
// purpose: they vote for nobody.
var detectStopwords = map[string]string{
	// English
	"the": "en", "and": "en", "of": "en", "to": "en", "that": "en", "is": "en", "was": "en",
	"with": "en", "for": "en", "on": "en", "were": "en", "this": "en", "be": "en", "by": "en",
	"it": "en", "have": "en", "has": "en", "which": "en", "are": "en", "from": "en", "said": "en",
	"would": "en", "should": "en", "their": "en", "not": "en", "an": "en", "at": "en",
	// French
	"le": "fr", "les": "fr", "des": "fr", "et": "fr", "est": "fr", "une": "fr", "du": "fr",
	"qui": "fr", "dans": "fr", "pour": "fr", "pas": "fr", "sur": "fr", "au": "fr", "aux": "fr",
	"avec": "fr", "ce": "fr", "il": "fr", "sont": "fr", "été": "fr", "l": "fr", "d": "fr",
	"qu": "fr", "mais": "fr", "ou": "fr", "à": "fr", "cette": "fr", "leur": "fr", "être": "fr",
	// Spanish
	"el": "es", "los": "es", "las": "es", "y": "es", "del": "es", "por": "es", "con": "es",
	"una": "es", "es": "es", "se": "es", "para": "es", "su": "es", "al": "es", "lo": "es",
	"como": "es", "más": "es", "fue": "es", "sobre": "es", "sus": "es", "también": "es",
	"entre": "es", "está": "es", "pero": "es",
}

// detectLangs are the languages detectStopwords votes for, in the order of the tally.
var detectLangs = [...]string{"en", "fr", "es"}

// detectStopTable is detectStopwords as an open-addressing hash table over the word's UTF-8
// bytes packed into a uint64: every stop word fits in eight bytes, and one multiply and a
// comparison or two cost far less than a map lookup of a string, which DetectLanguage does
// for most words of a text. lang holds 1 + the index in detectLangs, 0 for an empty slot.
type detectStopTable struct {
	key  [256]uint64
	lang [256]uint8
}

// detectStops is built once from detectStopwords and only read afterwards.
var detectStops = func() *detectStopTable {
	t := &detectStopTable{}
	for w, lang := range detectStopwords {
		k, ok := detectPack([]byte(w))
		if !ok {
			continue // longer than eight bytes: found through the map (detectStopLang)
		}
		h := detectHash(k)
		for t.lang[h] != 0 {
			h++ // uint8: wraps around the table
		}
		t.key[h] = k
		t.lang[h] = uint8(1 + slices.Index(detectLangs[:], lang))
	}
	return t
}()

// detectStopMaxBytes is the length in bytes of the longest stop word.
var detectStopMaxBytes = func() int {
	n := 0
	for w := range detectStopwords {
		n = max(n, len(w))
	}
	return n
}()

// detectPack packs a word of at most eight bytes into a uint64; words hold no zero byte, so
// the packing is one to one.
func detectPack(w []byte) (uint64, bool) {
	if len(w) == 0 || len(w) > 8 {
		return 0, false
	}
	var k uint64
	for i, c := range w {
		k |= uint64(c) << (8 * i)
	}
	return k, true
}

func detectHash(k uint64) uint8 { return uint8((k * 0x9E3779B97F4A7C15) >> 56) }

// detectStopLang returns 1 + the index in detectLangs of the language word (lower case,
// UTF-8) is a stop word of, or 0.
func detectStopLang(word []byte) int {
	if k, ok := detectPack(word); ok {
		t := detectStops
		for h := detectHash(k); t.lang[h] != 0; h++ {
			if t.key[h] == k {
				return int(t.lang[h])
			}
		}
		return 0
	}
	if len(word) <= detectStopMaxBytes {
		if lang, ok := detectStopwords[string(word)]; ok {
			return 1 + slices.Index(detectLangs[:], lang)
		}
	}
	return 0
}

// DetectLanguage returns "ar", "zh", "ru", "fr", "es" or "en" for the language text is written in,
// or "" when it cannot tell (too little text, or Latin text without enough function words).
func DetectLanguage(text string) string {
	if len(text) > detectSampleBytes {
		cut := detectSampleBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var arabic, han, cyrillic, latin int
	var votes [1 + len(detectLangs)]int // by detectStopLang; votes[0] counts nothing
	// The current word, lower-cased, as UTF-8 (at most 32 letters of 4 bytes), so the
	// stop-word lookup needs no conversion that allocates.
	var wbuf [32 * utf8.UTFMax]byte
	word, letters := wbuf[:0], 0
	flush := func() {
		if letters > 0 && letters < 16 {
			votes[detectStopLang(word)]++
		}
		word, letters = word[:0], 0
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, most of any Latin-script text: of the four scripts only Latin has
			// letters here, and they are the only ASCII letters unicode.IsLetter knows.
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' {
				latin++
				if letters < 32 {
					word = append(word, c)
					letters++
				}
				continue
			}
			flush()
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:]) // as range does: U+FFFD for a bad byte
		i += size
		switch {
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.Is(unicode.Latin, r):
			latin++
		}
		if unicode.IsLetter(r) {
			if letters < 32 {
				word = utf8.AppendRune(word, unicode.ToLower(r))
				letters++
			}
			continue
		}
		flush()
	}
	flush()
	// A Han character carries about as much text as a three-letter word, so it is weighted up;
	// otherwise the Latin acronyms of Chinese notes (WSIS, ITU) would outvote the Chinese.
	scores := []struct {
		lang  string
		score int
	}{{"ar", arabic}, {"zh", han * 3}, {"ru", cyrillic}, {"latin", latin}}
	best := scores[0]
	for _, s := range scores[1:] {
		if s.score > best.score {
			best = s
		}
	}
	// A Han character carries about a word: short Chinese notes are still evidence.
	if arabic+3*han+cyrillic+latin < detectMinLetters {
		return ""
	}
	if best.lang != "latin" {
		return best.lang
	}
	lang, top, second := "", 0, 0
	for i, l := range detectLangs {
		switch n := votes[1+i]; {
		case n > top:
			lang, second, top = l, top, n
		case n > second:
			second = n
		}
	}
	// Require a clear margin: two function words at least, and more than the runner-up.
	if top < 2 || top == second {
		return ""
	}
	return lang
}
