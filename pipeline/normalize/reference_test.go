package normalize

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/locales"
)

// The fast paths of this package must give what the plain code they replaced gave: the
// plain code is kept here, and random texts built from the words the rules look for are
// given to both.

// refTie is tieRules.tie as it was before its first-byte tests.
func refTie(tr *tieRules, s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var glue []int
	for i := 0; ; {
		e := wordEnd(s, i)
		if e == len(s) {
			break
		}
		w, ns := s[i:e], e+1
		next := s[ns:wordEnd(s, ns)]
		i = ns
		if w == "" || next == "" {
			continue
		}
		word := strings.TrimLeft(w, "(\"'“‘«[")
		switch {
		case tr.titles[word] && startsLetter(next):
			glue = append(glue, e)
		case isReference(next) && tr.refs[strings.ToLower(word)]:
			glue = append(glue, e)
		case tr.dayFirst && (isDay(w) || tr.firstDay != "" && strings.TrimLeft(w, "(") == tr.firstDay):
			spaces := []int{e}
			j := ns
			ok := true
			for _, dw := range tr.dayMonth {
				je := wordEnd(s, j)
				if je == len(s) || !strings.EqualFold(s[j:je], dw) {
					ok = false
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
	prev := 0
	for _, at := range glue {
		if at < prev {
			continue
		}
		b.WriteString(s[prev:at])
		b.WriteRune('\u00a0')
		prev = at + 1
	}
	b.WriteString(s[prev:])
	return b.String()
}

// pieces are the bits random texts are made of: what the rules of every locale look for,
// and what lies next to it in notes (and what should not be there).
func pieces(set *locales.Set) []string {
	ps := []string{" ", " ", " ", "  ", "\t", "\u00a0", "\u202f", "\u2009", "\n", "\x00", "\u200e", "\ufeff", "\x85",
		"(", ")", "[", "]", "\"", "'", "“", "”", "‘", "’", "«", "»", "«\u00a0", "\u00a0»", "-", "--", "---", "----", "–", "—",
		"/", "//", "://", ".", ",", ";", ":", "!", "?", "%", "@", "_", "*", "&", "+", "<", ">",
		"0", "1", "2", "05", "10", "12", "31", "59", "220", "2005", "1990", "14:00", "9.30", "9h30", "9h", "17:30",
		"A", "B", "E", "S", "II", "IV", "XL", "Add", "Add.1", "Rev.2", "Corr.1", "L.10", "CN.4", "PC-2", "RES", "WSIS-II", "DT",
		"rev", "(rev.2)", "(Rev.2)", "add", "SUPPL", "ſuppl", "ſ", "K", "k", "\u212a", "İ", "ß", "é", "É", "ǅ",
		"http", "https", "HTTP", "www", "WWW", "Www", "www.", "com", "org", "x", "y", "mail", "user",
		"the", "and", "or", "said", "paragraph", "de", "l", "qu", "il", "É", "中", "文", "。", "，", "٣",
		"\xff", "\xe2\x80", "\xc2",
	}
	for _, loc := range set.All() {
		ps = append(ps, loc.Typography.NoBreakAfter...)
		ps = append(ps, loc.Speech.Titles...)
		ps = append(ps, loc.Dates.Months...)
		ps = append(ps, loc.Minutes.Introducers...)
		ps = append(ps, loc.Minutes.Cardinals...)
		if loc.Dates.FirstDay != "" {
			ps = append(ps, loc.Dates.FirstDay)
		}
		for k := range loc.Typography.SpaceBefore {
			ps = append(ps, k)
		}
		ps = append(ps, loc.Typography.Quotes...)
	}
	return ps
}

// randomText joins up to n random pieces.
func randomText(r *rand.Rand, ps []string, n int) string {
	var b strings.Builder
	for range r.IntN(n + 1) {
		b.WriteString(ps[r.IntN(len(ps))])
		if r.IntN(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestTieMatchesReference(t *testing.T) {
	set := locales.MustEmbedded()
	ps := pieces(set)
	r := rand.New(rand.NewPCG(1, 2))
	// A locale overlay may say anything: an empty word, words that start with what is
	// trimmed, words whose lower case is longer or starts otherwise.
	odd := *locale(t, "es")
	odd.Typography.NoBreakAfter = append([]string{"", "(x", "«Mr", "K", "\u212a", "İ", "Ǆ", "Sr.", "\xff"}, odd.Typography.NoBreakAfter...)
	odd.Speech.Titles = append([]string{"", "(x", "«Mr", "\xff"}, odd.Speech.Titles...)
	odd.Dates.FirstDay = "1er"
	ps = append(ps, odd.Typography.NoBreakAfter...)
	for _, loc := range append(set.All(), &odd) {
		tr := newTies(loc)
		for range 20000 {
			s := randomText(r, ps, 12)
			if got, want := tr.tie(s), refTie(tr, s); got != want {
				t.Fatalf("%s: tie(%q) = %q, want %q", loc.Tag, s, got, want)
			}
		}
	}
}

func FuzzTie(f *testing.F) {
	f.Add("Mr. Geiger said on 2 May that paragraph 10 and annex II (“Mr Utsumi”)")
	f.Add("le 1er mai, l’article 3 et M. Dupont")
	f.Add("el 2 de mayo, el párrafo 5 y el Sr. Pérez")
	set := locales.MustEmbedded()
	f.Fuzz(func(t *testing.T, s string) {
		for _, loc := range set.All() {
			tr := newTies(loc)
			if got, want := tr.tie(s), refTie(tr, s); got != want {
				t.Fatalf("%s: tie(%q) = %q, want %q", loc.Tag, s, got, want)
			}
		}
	})
}

// refCollapseSpaces is collapseSpaces as it was before its ASCII test.
func refCollapseSpaces(s string) string {
	if s == "" || !needsCollapse(s) {
		return s
	}
	return collapseRunes(s)
}

func TestCleanMatchesReference(t *testing.T) {
	ps := pieces(locales.MustEmbedded())
	r := rand.New(rand.NewPCG(7, 8))
	for range 100000 {
		s := randomText(r, ps, 10)
		if got, want := collapseSpaces(s), refCollapseSpaces(s); got != want {
			t.Fatalf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
		if got, want := cleanLine(s), strings.TrimFunc(refCollapseSpaces(cleanChars(s)), isHSpace); got != want {
			t.Fatalf("cleanLine(%q) = %q, want %q", s, got, want)
		}
	}
}

// refLeadIn and refAnnounces are structurer.leadIn and announces as they were before
// lead-ins were looked up by their last byte and words read without a slice.
func refLeadIn(s *structurer, text string) bool {
	text = strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("*_)”’\"'", r)
	})
	if strings.HasSuffix(text, ":") || strings.HasSuffix(text, "：") {
		return true
	}
	lower := strings.ToLower(lastRunes(strings.TrimRight(text, ".…"), s.introRunes+1))
	for _, w := range s.intro {
		if strings.HasSuffix(lower, w) && (len(lower) == len(w) || !isLetterBefore(lower, len(lower)-len(w))) {
			return true
		}
	}
	return false
}

func refAnnounces(set *locales.Set, text string, n int) bool {
	cardinals := map[int][]string{}
	for _, loc := range set.All() {
		for i, w := range loc.Minutes.Cardinals {
			cardinals[i+2] = append(cardinals[i+2], w)
		}
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		if w == strconv.Itoa(n) && i+1 < len(words) && !isDigits(words[i+1]) {
			return true
		}
		for _, c := range cardinals[n] {
			if w == c || isCJKRune([]rune(c)[0]) && cjkCount(w, c) {
				return true
			}
		}
	}
	return false
}

func TestStructureMatchesReference(t *testing.T) {
	set := locales.MustEmbedded()
	s := newStructurer(set)
	ps := append(pieces(set), "两个", "三项", "第三次", "4", "2", "3 points", "FOLLOWS", "As Follows", "nonfollowing", "…")
	r := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		text := randomText(r, ps, 8)
		if got, want := s.leadIn(text), refLeadIn(s, text); got != want {
			t.Fatalf("leadIn(%q) = %v, want %v", text, got, want)
		}
		n := 2 + r.IntN(9)
		if got, want := s.announces(text, n), refAnnounces(set, text, n); got != want {
			t.Fatalf("announces(%q, %d) = %v, want %v", text, n, got, want)
		}
	}
}

// refQuotes is quotes as it was before quotesPlain.
func refQuotes(s string, prev, next rune, inside *bool, loc *locales.Locale) string {
	q := loc.Typography.Quotes
	if len(q) != 2 {
		return s
	}
	open, close := q[0], q[1]
	openCore, closeCore := strings.TrimFunc(open, unicode.IsSpace), strings.TrimFunc(close, unicode.IsSpace)
	padOpen, padClose := open != openCore, close != closeCore
	if !strings.ContainsRune(s, '"') && !(padOpen && strings.Contains(s, openCore)) && !(padClose && strings.Contains(s, closeCore)) {
		return s
	}
	var b strings.Builder
	trimOut := func() {
		t := strings.TrimRightFunc(b.String(), isHSpace)
		b.Reset()
		b.WriteString(t)
	}
	last := prev
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		isOpen := false
		if r == '"' {
			after := next
			if i+1 < len(rs) {
				after = rs[i+1]
			}
			opensAfter := last == 0 || unicode.IsSpace(last) || strings.ContainsRune("([{–—-/", last)
			closesBefore := after == 0 || unicode.IsSpace(after) || unicode.IsPunct(after)
			switch {
			case opensAfter && !closesBefore:
				isOpen = true
			case closesBefore && !opensAfter:
				isOpen = false
			default:
				isOpen = !*inside
			}
		}
		switch {
		case r == '"' && isOpen, padOpen && string(r) == openCore:
			b.WriteString(open)
			if padOpen {
				for i+1 < len(rs) && isHSpace(rs[i+1]) {
					i++
				}
			}
			last, _ = utf8.DecodeLastRuneInString(open)
			*inside = true
			continue
		case r == '"', padClose && string(r) == closeCore:
			if padClose {
				trimOut()
			}
			b.WriteString(close)
			last, _ = utf8.DecodeLastRuneInString(close)
			*inside = false
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

func TestQuotesMatchesReference(t *testing.T) {
	set := locales.MustEmbedded()
	ps := append(pieces(set), `"`, `"`, `"`, `""`, ` "`, `" `, `("`, `".`, "\u00a0")
	edge := []rune{0, ' ', 'a', '"', '.', '(', '“', '«', '\u00a0'}
	r := rand.New(rand.NewPCG(13, 14))
	for _, loc := range set.All() {
		for range 20000 {
			s := randomText(r, ps, 8)
			prev, next := edge[r.IntN(len(edge))], edge[r.IntN(len(edge))]
			in := r.IntN(2) == 0
			in2 := in
			got, want := quotes(s, prev, next, &in, loc), refQuotes(s, prev, next, &in2, loc)
			if got != want || in != in2 {
				t.Fatalf("%s: quotes(%q, %q, %q) = %q, %v; want %q, %v", loc.Tag, s, prev, next, got, in, want, in2)
			}
		}
	}
}

// refIsReference is isReference as it was before its test for names.
func refIsReference(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) {
		return true
	}
	if !unicode.IsUpper(r) {
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

func TestIsReferenceMatchesReference(t *testing.T) {
	ps := []string{"A", "I", "V", "X", "L", "C", "II", "IV", "a", "b", "1", "٣", "É", "Ω", ".", ",", ")", "»", "”", "’", "\"", "!", "?", ":", ";", "(", "\xff", "Canada", "In"}
	r := rand.New(rand.NewPCG(15, 16))
	for range 200000 {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			b.WriteString(ps[r.IntN(len(ps))])
		}
		w := b.String()
		if got, want := isReference(w), refIsReference(w); got != want {
			t.Fatalf("isReference(%q) = %v, want %v", w, got, want)
		}
	}
}

// refLastRunes and the TrimRight are what lastRunes and trimDots replaced.
func refLastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func TestTailsMatchReference(t *testing.T) {
	ps := []string{"a", "B", ".", "…", "..", " ", "é", "中", "\xff", "\xe2\x80", "\xa6", "\u2026.", "follows", ":"}
	r := rand.New(rand.NewPCG(17, 18))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(ps[r.IntN(len(ps))])
		}
		s, n := b.String(), r.IntN(25)-2
		if got, want := lastRunes(s, n), refLastRunes(s, n); got != want {
			t.Fatalf("lastRunes(%q, %d) = %q, want %q", s, n, got, want)
		}
		if got, want := trimDots(s), strings.TrimRight(s, ".…"); got != want {
			t.Fatalf("trimDots(%q) = %q, want %q", s, got, want)
		}
	}
}
