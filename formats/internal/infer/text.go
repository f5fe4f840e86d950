package infer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lastSignificant returns the last rune of s, looking through closing quotes and brackets
// ("…efforts”." ends with ".", "(continued)" with "d").
func lastSignificant(s string) rune {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '”', '"', '»', '’', '\'', ')', ']', '）', '」', '』', '*', '_':
			s = s[:len(s)-size]
			continue
		}
		return r
	}
	return 0
}

// endsSentence reports a line that ends a sentence in any of the six languages. A full stop
// after a Latin abbreviation that stands inside sentences ("vs.", "e.g.", "cf.") ends none.
func endsSentence(s string) bool {
	switch lastSignificant(s) {
	case '!', '?', '…', '。', '！', '？', '؟', '۔':
		return true
	case '.':
		return !endsInnerAbbrev(s)
	}
	return false
}

// innerAbbrevs are abbreviations that stand inside sentences in the languages that write
// them, lower case, without their final stop.
var innerAbbrevs = map[string]bool{"vs": true, "e.g": true, "i.e": true, "cf": true, "viz": true,
	"approx": true, "incl": true, "resp": true, "ca": true, "al": true, "p": true, "pp": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "mme": true, "m": true,
	"sr": true, "sra": true, "dña": true, "г": true, "т.е": true, "напр": true}

// endsInnerAbbrev reports a line ending with one of innerAbbrevs and its stop.
func endsInnerAbbrev(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' })
	return innerAbbrevs[strings.ToLower(s[i+1:])]
}

// EndsColon reports a lead-in line, one ending with a colon (":" or the full-width "："),
// closing quotes and brackets aside: it introduces what follows. Readers that decide
// whether a paragraph introduces a list ask this, so they decide as the notes reader does.
func EndsColon(s string) bool { return endsColon(s) }

// endsColon reports a lead-in line: it introduces what follows.
func endsColon(s string) bool {
	switch lastSignificant(s) {
	case ':', '：':
		return true
	}
	return false
}

// endsPunct reports any final punctuation a heading would not have: sentence ends, clause
// separators, lead-in colons, and dashes or arrows that continue onto the next line.
func endsPunct(s string) bool {
	if endsSentence(s) || endsColon(s) {
		return true
	}
	switch lastSignificant(s) {
	case ',', ';', '，', '；', '、', '،', '؛', '-', '–', '—', '→', '=', '+', '&', '/':
		return true
	}
	return false
}

// startsLower reports text whose first letter is lower case (scripts without case never do).
func startsLower(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return false
}

// numberThenLower reports a line that opens with a figure and goes on in small letters
// ("2 connection limit isn't followed, in part because…"): a sentence that starts with a
// number, not a title ("2020 Budget", "10. New Business" keep their capitals or marker).
func numberThenLower(s string) bool {
	// The first two words, as strings.Fields would cut them, without cutting the rest.
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsDigit(r) {
		return false // most lines, at once
	}
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		return false
	}
	for _, r := range s[:end] {
		if !unicode.IsDigit(r) && r != ',' {
			return false
		}
	}
	r, _ = utf8.DecodeRuneInString(strings.TrimLeftFunc(s[end:], unicode.IsSpace))
	return unicode.IsLower(r)
}

// functionWords cannot end a heading: a line ending with one is cut off or runs on.
var functionWords = map[string]bool{
	// en
	"the": true, "a": true, "an": true, "of": true, "and": true, "or": true, "to": true, "for": true,
	"in": true, "on": true, "at": true, "by": true, "with": true, "from": true, "as": true,
	"that": true, "which": true, "but": true, "is": true, "are": true, "was": true, "were": true,
	// fr
	"le": true, "la": true, "les": true, "de": true, "des": true, "du": true, "et": true,
	"ou": true, "à": true, "au": true, "aux": true, "pour": true, "par": true, "en": true,
	"sur": true, "dans": true, "avec": true, "que": true, "qui": true, "d": true, "l": true,
	"un": true, "une": true, "mais": true,
	// es
	"el": true, "los": true, "las": true, "del": true, "y": true, "o": true, "al": true,
	"para": true, "por": true, "con": true, "una": true, "pero": true,
	// ru
	"и": true, "в": true, "на": true, "с": true, "по": true, "к": true, "о": true, "из": true,
	"для": true, "от": true, "что": true, "а": true, "но": true, "или": true,
	// ar
	"في": true, "من": true, "إلى": true, "على": true, "و": true, "عن": true, "أن": true,
	"مع": true, "أو": true,
}

// cjkFunctionTails are characters a Chinese heading does not end with.
const cjkFunctionTails = "的和与及或在对于了是"

// endsFunctionWord reports a line whose last word is a function word.
func endsFunctionWord(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if isCJK(r) {
		return strings.ContainsRune(cjkFunctionTails, r)
	}
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	last := s[i+1:]
	if i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		last = s[i+size:]
	}
	// An upper-case single letter is a name or a label ("Plan B", "Annex A").
	if utf8.RuneCountInString(last) == 1 && unicode.IsUpper([]rune(last)[0]) {
		return false
	}
	return functionWords[strings.ToLower(last)]
}

// speakerLead reports "Name: text" and "Name; text" lines: one to four words, then a colon or
// semicolon and more text. Agenda labels with a number ("Item 3: …") are not speakers.
func speakerLead(s string) bool {
	limit := len(s)
	if limit > 80 {
		limit = 80
	}
	i := indexColon(s[:limit])
	if i <= 0 {
		return false
	}
	head := s[:i]
	if strings.ContainsAny(head, "0123456789") {
		return false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	if strings.TrimSpace(s[i+size:]) == "" {
		return false
	}
	return fieldsAtMost(head, 4)
}

// indexColon is strings.IndexAny(s, ":;：；"), byte by byte: IndexAny decodes every rune of
// s and looks each up in the set when the set is not ASCII.
func indexColon(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':', ';':
			return i
		case 0xEF: // "：" and "；" are EF BC 9A and EF BC 9B
			if i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0x9A || s[i+2] == 0x9B) {
				return i
			}
		}
	}
	return -1
}

// fieldsAtMost reports whether s has at most n words separated by white space, as
// len(strings.Fields(s)) <= n does, without cutting them out.
func fieldsAtMost(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if words++; words > n {
				return false
			}
		}
	}
	return true
}

// hasURL reports a web or mail address; headings do not carry them.
func hasURL(s string) bool {
	return strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, "@")
}

// cjkCount counts CJK characters, to describe Chinese lines in characters rather than words.
func cjkCount(s string) int {
	n := 0
	for _, r := range s {
		if isCJK(r) {
			n++
		}
	}
	return n
}

// wordsOf returns tokens made of letters, lower-cased, for keyword tables.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
}

// wordIn returns the first of the words of s (as wordsOf cuts them) that is in set. It
// lower-cases one word at a time into a small buffer: every short line of a long input is
// asked, and copying it whole to cut it into words cost more than the rest of the test.
func wordIn(s string, set map[string]bool) (string, bool) {
	var buf [64]byte
	w := buf[:0]
	for _, r := range s {
		if r = unicode.ToLower(r); unicode.IsLetter(r) || r == '-' {
			w = utf8.AppendRune(w, r)
			continue
		}
		if len(w) > 0 && set[string(w)] {
			return string(w), true
		}
		w = w[:0]
	}
	if len(w) > 0 && set[string(w)] {
		return string(w), true
	}
	return "", false
}

// innerSentenceEnd reports a sentence end inside the line ("Budget approved. Next item"):
// a stop after a word of three letters or more (so not "Mr." or "G."), followed by a space
// and more text; or a question or exclamation mark anywhere but at the end; or a CJK full
// stop.
func innerSentenceEnd(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	wordLen := 0
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			wordLen++
			continue
		case r == '?' || r == '!' || r == '。' || r == '？' || r == '！' || r == '؟':
			return true
		case r == '.' && wordLen >= 3 && i+1 < len(s) && s[i+1] == ' ':
			return true
		}
		wordLen = 0
	}
	return false
}

// mostlyDigits reports a line that is more digits than letters: a row of a table typed as
// text, which an underline below does not make a heading.
func mostlyDigits(s string) bool {
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return digits > letters
}
