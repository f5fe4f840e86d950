package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/locales"
)

// tieRules are what a locale says must not be split at a line end: a reference word and
// its number ("paragraph 10", "annex II", "résolution 59/220"), a title and the name after
// it ("Mr. Geiger"), a day and its month ("2 May", "2 de mayo"). Both writers keep words
// joined by a no-break space on one line, so the rule is applied once, here.
type tieRules struct {
	refs   map[string]bool // lower-cased reference words, tied to a number or numeral
	titles map[string]bool // titles as the locale writes them ("Mr."; not "MR", initials), tied to the next word
	months map[string]bool // month names as written, and capitalized ("mai", "Mai")
	// dayMonth are the words between the day and the month in the locale's date pattern
	// ("de" in Spanish), nil when none.
	dayMonth []string
	// dayFirst is set when the pattern has the day, then a space, then the month.
	dayFirst bool
	// firstDay is how the locale writes the first of the month ("1er"), "" when as a number.
	firstDay string
	// first holds the first bytes of titles and of openers: a word starting with none of
	// them is no title, before or after trimOpeners. refBytes holds the first bytes of
	// refs (lower-cased already).
	first, refBytes byteSet
}

// newTies reads the tie rules of loc.
func newTies(loc *locales.Locale) *tieRules {
	tr := &tieRules{refs: map[string]bool{}, titles: map[string]bool{}, months: map[string]bool{}, firstDay: loc.Dates.FirstDay}
	titles := map[string]bool{}
	for _, w := range loc.Speech.Titles {
		titles[strings.ToLower(w)] = true
	}
	for _, w := range loc.Typography.NoBreakAfter {
		// A title of the locale's speech rules (Mr., Sra.) is tied to the name after it;
		// any other word ("paragraph", "No.") only to a number or a numeral, so "No. It
		// was" still breaks.
		if titles[strings.ToLower(w)] {
			tr.titles[w] = true
		} else {
			tr.refs[strings.ToLower(w)] = true
		}
	}
	for _, m := range loc.Dates.Months {
		tr.months[m] = true
		if r, n := utf8.DecodeRuneInString(m); n > 0 {
			tr.months[string(unicode.ToUpper(r))+m[n:]] = true
		}
	}
	for w := range tr.titles {
		tr.first.addAll(w)
	}
	for _, r := range openers {
		tr.first.addAll(string(r))
	}
	for w := range tr.refs {
		tr.refBytes.addAll(w)
	}
	p := loc.Dates.Pattern
	if d, m := strings.Index(p, "{d}"), strings.Index(p, "{month}"); d >= 0 && m > d {
		between := p[d+len("{d}") : m]
		if strings.HasPrefix(between, " ") && strings.HasSuffix(between, " ") {
			tr.dayFirst = true
			tr.dayMonth = strings.Fields(between)
		}
	}
	return tr
}

// tie replaces with a no-break space each single space of s that the rules say must not
// break. It walks the words in place (a paragraph's text is split at every space, so a
// slice of its words per paragraph was most of this rule's cost on long notes) and copies
// s only when a space is tied. Each rule is first asked of the word's first byte (first),
// which rejects almost every word of a long text before a map is looked up.
func (tr *tieRules) tie(s string) string {
	if strings.IndexByte(s, ' ') < 0 {
		return s
	}
	var glue []int // byte offsets of the spaces to tie, ascending
	// w is s[i:e], the word before the space at e; the next word ends at ne, and is the
	// following iteration's w (its end is found once).
	for i, e := 0, wordEnd(s, 0); e < len(s); {
		w, ns := s[i:e], e+1
		ne := wordEnd(s, ns)
		next := s[ns:ne]
		at := e
		i, e = ns, ne
		if w == "" || next == "" {
			continue
		}
		c := w[0]
		word := w
		if tr.first.has(c) {
			word = trimOpeners(w)
		}
		switch {
		case (word == "" || tr.first.has(word[0])) && tr.titles[word] && startsLetter(next):
			glue = append(glue, at)
		case (word == "" || tr.refFirst(word[0])) && mayReference(next[0]) && isReference(next) && tr.refs[strings.ToLower(word)]:
			// (The cheap tests first: most words are followed by no number.)
			glue = append(glue, at)
		case tr.dayFirst && (isDigitByte(c) || c == '(' || tr.firstDay != "" && c == tr.firstDay[0]) &&
			(isDay(w) || tr.firstDay != "" && strings.TrimLeft(w, "(") == tr.firstDay):
			// The day, the pattern's words (Spanish "de"), then a month: the spaces
			// after the day and after each of those words are tied.
			spaces := []int{at}
			j := ns // start of the word after the last one matched
			ok := true
			for _, dw := range tr.dayMonth {
				je := wordEnd(s, j)
				if je == len(s) || !strings.EqualFold(s[j:je], dw) {
					ok = false // no word after this one for the month, or not the pattern's
					break
				}
				spaces = append(spaces, je)
				j = je + 1
			}
			if ok && tr.months[strings.TrimRight(s[j:wordEnd(s, j)], ".,;:)»”’\"!?")] {
				glue = append(glue, spaces...)
			}
		}
	}
	if len(glue) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(glue))
	prev := 0
	for _, at := range glue {
		if at < prev {
			continue // tied already, by a date that began at an earlier word
		}
		b.WriteString(s[prev:at])
		b.WriteRune('\u00a0')
		prev = at + 1
	}
	b.WriteString(s[prev:])
	return b.String()
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (b *byteSet) add(c byte)      { b[c>>6] |= 1 << (c & 63) }
func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }
func (b *byteSet) addAll(s ...string) {
	for _, w := range s {
		if w != "" {
			b.add(w[0])
		}
	}
}

// openers are the characters trimOpeners drops: what may open a word before a title or
// a reference word ("(Mr.", "«paragraph").
const openers = "(\"'“‘«["

// trimOpeners is strings.TrimLeft(w, openers), without its generic path for a cutset
// that is not ASCII.
func trimOpeners(w string) string {
	for w != "" {
		c := w[0]
		if c < utf8.RuneSelf {
			if c != '(' && c != '"' && c != '\'' && c != '[' {
				return w
			}
			w = w[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		if r != '“' && r != '‘' && r != '«' {
			return w
		}
		w = w[n:]
	}
	return w
}

// refFirst reports whether a word starting with byte c may be, lower-cased, a reference
// word: a byte that is not ASCII may start anything once lower-cased.
func (tr *tieRules) refFirst(c byte) bool {
	if c >= utf8.RuneSelf {
		return true
	}
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return tr.refBytes.has(c)
}

// wordEnd is the end of the word of s starting at byte i: the next space, or len(s).
func wordEnd(s string, i int) int {
	// A byte loop: words are short, and strings.IndexByte's setup cost more than it saved.
	for i < len(s) && s[i] != ' ' {
		i++
	}
	return i
}

// startsLetter reports whether w starts with a letter (a name after a title).
func startsLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}

// mayReference reports whether a word starting with byte c may be a reference
// (isReference): an ASCII byte must be a digit or a capital.
func mayReference(c byte) bool {
	return c >= utf8.RuneSelf || isDigitByte(c) || isUpperByte(c)
}

// isReference reports whether w can be what a reference word refers to: a number
// ("10", "59/220", "3(b)"), a Roman numeral ("II", "IV,") or a single capital letter
// ("annex A").
func isReference(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return true
	}
	if !unicode.IsUpper(r) {
		return false // neither a capital letter nor a numeral (asked of every word)
	}
	// A name ("Canada"): after an ASCII capital, an ASCII character that is neither
	// trimmed below nor a Roman digit leaves two characters that are not all Roman
	// digits; the trimming, whose cutset is not ASCII, is skipped.
	if len(w) > 1 && w[0] < utf8.RuneSelf && w[1] < utf8.RuneSelf && strings.IndexByte(`.,;:)"!?IVXLC`, w[1]) < 0 {
		return false
	}
	w = strings.TrimRight(w, ".,;:)»”’\"!?")
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		return unicode.IsUpper(r)
	}
	return strings.Trim(w, "IVXLC") == ""
}

// isDay reports whether w is a day of the month: one or two digits, after an opening
// bracket at most.
func isDay(w string) bool {
	w = strings.TrimLeft(w, "(")
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
