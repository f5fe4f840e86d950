package normalize

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Typography applies the typographic rules of the language the notes are written in
// (Meta.OriginalLang): en dashes in time and number ranges, "--" as a dash, straight double
// quotes as the language's quotation marks, its apostrophe between letters (French "l’"), and the spaces some languages require before
// punctuation (French: a narrow no-break space before ; ! ? and a no-break space before :),
// and no-break spaces where a line must not split ("paragraph 10", "Mr. Geiger", "2 May").
// Symbol, link and quoted runs are never touched: they print as written.
type Typography struct{}

// Name returns "typography".
func (Typography) Name() string { return "typography" }

// Apply rewrites the text runs of doc in place.
func (Typography) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "typography", doc, func() error {
		set, err := localeSet("typography", doc, env)
		if err != nil {
			return err
		}
		loc := sourceLocale(set, doc)
		tr := newTies(loc)
		eachInlines(doc.Blocks, func(ins []model.Inline) []model.Inline {
			return typesetWith(ins, loc, tr)
		})
		return nil
	})
}

// typographic reports whether a run's text may be rewritten.
func typographic(k model.InlineKind) bool {
	return k == model.KindText || k == model.KindEmphasis || k == model.KindStrong
}

// typeset applies the rules to the runs of one block. Quotes and spacing look at the
// neighbouring character, which may sit in the previous run, so the previous run's last
// character is carried along.
func typeset(ins []model.Inline, loc *locales.Locale) []model.Inline {
	return typesetWith(ins, loc, newTies(loc))
}

// typesetWith is typeset with the locale's tie rules read once for the document.
func typesetWith(ins []model.Inline, loc *locales.Locale, tr *tieRules) []model.Inline {
	var prev rune // last character of the previous run, 0 at the block start
	inside := false
	for i := range ins {
		in := &ins[i]
		if in.Kind == model.KindFootnote {
			in.Note = typesetWith(in.Note, loc, tr)
			continue
		}
		if typographic(in.Kind) && in.Text != "" {
			var next rune
			if i+1 < len(ins) && ins[i+1].Kind != model.KindFootnote {
				next, _ = utf8.DecodeRuneInString(ins[i+1].Text)
			}
			t := dashes(in.Text)
			t = apostrophes(t, prev, next, loc)
			t = quotes(t, prev, next, &inside, loc)
			t = spaceBefore(t, prev, next, loc)
			in.Text = tr.tie(t)
		}
		if r, _ := utf8.DecodeLastRuneInString(in.Text); in.Text != "" {
			prev = r
		}
	}
	return ins
}

var (
	// Time ranges: 14:00-17:30, 9.30 - 12.00, 9h30-12h.
	reTimeRange = lazyre.New(`(\d{1,2}(?::\d{2}|\.\d{2}|h\d{0,2}))[ \t]*-[ \t]*(\d{1,2}(?::\d{2}|\.\d{2}|h\d{0,2}))`)
	// Number ranges: 10-12, 1990-2000, 2005-06. Validated in code against dates and codes.
	reNumRange = lazyre.New(`\d+-\d+`)
	// Typed dashes: two or three hyphens.
	reHyphens = lazyre.New(`-{2,}`)
)

// dashes writes en dashes in ranges and for typed "--", and an em dash for "---".
func dashes(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	// Most hyphens join words ("co-chair"); the range expressions need digits around the
	// hyphen, and running them costs far more than these checks.
	if rangeHyphen(s, true) {
		s = timeRanges(s)
	}
	if rangeHyphen(s, false) {
		s = numRanges(s)
	}
	if strings.Contains(s, "--") {
		s = typedDashes(s)
	}
	return s
}

// rangeHyphen reports whether some hyphen has a digit after it and, before it, the end of
// a time ("14:00", "9.30", "9h", "9h3", "9h30"; spaces and tabs allowed around the hyphen)
// when time is set, else a digit: a necessary condition for reTimeRange or reNumRange to
// match.
func rangeHyphen(s string, time bool) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			continue
		}
		a, b := i-1, i+1
		if time {
			for a >= 0 && (s[a] == ' ' || s[a] == '\t') {
				a--
			}
			for b < len(s) && (s[b] == ' ' || s[b] == '\t') {
				b++
			}
		}
		if a < 0 || b >= len(s) || s[b] < '0' || s[b] > '9' {
			continue
		}
		if !time {
			if isDigitByte(s[a]) {
				return true
			}
			continue
		}
		// The time before the hyphen ends in h, h + digit, or [:.h] + two digits.
		switch {
		case s[a] == 'h',
			isDigitByte(s[a]) && a >= 1 && s[a-1] == 'h',
			isDigitByte(s[a]) && a >= 2 && isDigitByte(s[a-1]) && strings.IndexByte(":.h", s[a-2]) >= 0:
			return true
		}
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// timeRanges writes en dashes in time ranges.
func timeRanges(s string) string {
	return replaceChecked(reTimeRange, s, func(m []int) (string, bool) {
		if !rangeBoundary(s, m[0], m[1]) {
			return "", false
		}
		return s[m[2]:m[3]] + "–" + s[m[4]:m[5]], true
	})
}

// numRanges writes en dashes in number ranges, not in codes and dates.
func numRanges(s string) string {
	return replaceChecked(reNumRange, s, func(m []int) (string, bool) {
		if !rangeBoundary(s, m[0], m[1]) {
			return "", false
		}
		a, b, _ := strings.Cut(s[m[0]:m[1]], "-")
		// A leading zero marks a code (job numbers "05-35610"), not a quantity.
		if len(a) > 1 && a[0] == '0' {
			return "", false
		}
		// Long digit groups are phone or reference numbers.
		if len(a) > 4 || len(b) > 4 {
			return "", false
		}
		return a + "–" + b, true
	})
}

// typedDashes writes an en dash for a typed "--" and an em dash for "---".
func typedDashes(s string) string {
	return replaceChecked(reHyphens, s, func(m []int) (string, bool) {
		n := m[1] - m[0]
		if n > 3 {
			return "", false // a rule of hyphens, kept as typed
		}
		before, after := rune(0), rune(0)
		if m[0] > 0 {
			before, _ = utf8.DecodeLastRuneInString(s[:m[0]])
		}
		if m[1] < len(s) {
			after, _ = utf8.DecodeRuneInString(s[m[1]:])
		}
		// "--help" is an option name, not a dash: a dash is followed by a space or the end,
		// or joins two words without spaces.
		spaceAfter := after == 0 || unicode.IsSpace(after)
		joined := before != 0 && !unicode.IsSpace(before) && after != 0 && !unicode.IsSpace(after)
		if !spaceAfter && !joined {
			return "", false
		}
		if n == 3 {
			return "—", true
		}
		return "–", true
	})
}

// rangeBoundary rejects ranges that are part of a longer code or date: a digit, letter,
// slash, dot, colon or hyphen right before, or a hyphen, slash or digit right after
// ("2005-05-02", "PC-2-3", "A/59-60").
func rangeBoundary(s string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("/.:-–+", r) {
			return false
		}
	}
	if b < len(s) {
		r, _ := utf8.DecodeRuneInString(s[b:])
		if unicode.IsDigit(r) || strings.ContainsRune("/-–", r) {
			return false
		}
		if r == '.' || r == ':' {
			if r2, _ := utf8.DecodeRuneInString(s[b+1:]); b+1 < len(s) && unicode.IsDigit(r2) {
				return false
			}
		}
	}
	return true
}

// replaceChecked replaces the matches of re for which fn agrees, leaving the others.
func replaceChecked(re *lazyre.Regexp, s string, fn func(m []int) (string, bool)) string {
	ms := re.FindAllStringSubmatchIndex(s, -1)
	if ms == nil {
		return s
	}
	var b strings.Builder
	at := 0
	for _, m := range ms {
		rep, ok := fn(m)
		if !ok {
			continue
		}
		b.WriteString(s[at:m[0]])
		b.WriteString(rep)
		at = m[1]
	}
	b.WriteString(s[at:])
	return b.String()
}

// apostrophes writes the language's typographic apostrophe (French "’") for a typed one
// between two letters ("l'Assemblée", "qu'il"); prev and next are the letters around s,
// in the runs before and after it. A quotation mark typed as ' after a space or before
// one is left alone.
func apostrophes(s string, prev, next rune, loc *locales.Locale) string {
	apo := loc.Typography.Apostrophe
	if apo == "" || apo == "'" || !strings.Contains(s, "'") {
		return s
	}
	var b strings.Builder
	last := prev
	for i, r := range s {
		if r == '\'' {
			after := next
			if i+1 < len(s) {
				after, _ = utf8.DecodeRuneInString(s[i+1:])
			}
			if unicode.IsLetter(last) && unicode.IsLetter(after) {
				b.WriteString(apo)
				last = r
				continue
			}
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// quotes replaces straight double quotes with the language's marks. A quote after a
// space, an opening bracket or the block start opens; one before a space, punctuation or
// the block end closes; between two letters (Chinese has no spaces) it opens unless a
// quotation is already open. inside carries that state across the runs of a block. Where
// the language's marks include their own space (French «\u00a0 … \u00a0»), guillemets
// typed with ordinary spaces get that space too.
func quotes(s string, prev, next rune, inside *bool, loc *locales.Locale) string {
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
	if !padOpen && !padClose && utf8.ValidString(s) {
		return quotesPlain(s, prev, next, inside, open, close)
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

// quotesPlain is quotes for marks without their own space and valid UTF-8 (which the
// rune-by-rune rewrite would change): the text between the straight quotes is copied
// as it is, not rune by rune.
func quotesPlain(s string, prev, next rune, inside *bool, open, close string) string {
	var b strings.Builder
	b.Grow(len(s) + strings.Count(s, `"`)*max(len(open), len(close)))
	last := prev // the character before the quote at i, as written out
	at := 0
	for {
		j := strings.IndexByte(s[at:], '"')
		if j < 0 {
			break
		}
		i := at + j
		if i > at {
			last, _ = utf8.DecodeLastRuneInString(s[at:i])
		}
		after := next
		if i+1 < len(s) {
			after, _ = utf8.DecodeRuneInString(s[i+1:])
		}
		opensAfter := last == 0 || unicode.IsSpace(last) || strings.ContainsRune("([{–—-/", last)
		closesBefore := after == 0 || unicode.IsSpace(after) || unicode.IsPunct(after)
		isOpen := !*inside
		switch {
		case opensAfter && !closesBefore:
			isOpen = true
		case closesBefore && !opensAfter:
			isOpen = false
		}
		b.WriteString(s[at:i])
		mark := close
		if isOpen {
			mark = open
		}
		b.WriteString(mark)
		last, _ = utf8.DecodeLastRuneInString(mark)
		*inside = isOpen
		at = i + 1
	}
	b.WriteString(s[at:])
	return b.String()
}

// spaceBefore puts the language's required space before punctuation marks
// (typography.spaceBefore), replacing whatever space was typed. A mark gets its space only
// when it ends a phrase: followed by a space, a closing quote, another mark or the run's
// end, so "14:00" and "http://" keep their colons.
func spaceBefore(s string, prev, next rune, loc *locales.Locale) string {
	sb := loc.Typography.SpaceBefore
	if len(sb) == 0 {
		return s
	}
	if !hasSpaceBeforeMark(s, sb) {
		return s
	}
	rs := []rune(s)
	var out []rune
	for i, r := range rs {
		sp, ok := sb[string(r)]
		if !ok {
			out = append(out, r)
			continue
		}
		after := next
		if i+1 < len(rs) {
			after = rs[i+1]
		}
		ends := after == 0 || unicode.IsSpace(after) || isHSpace(after) || strings.ContainsRune("»”\")]", after)
		if _, isMark := sb[string(after)]; isMark {
			ends = true
		}
		// Trim what space was typed, then look at the character before it.
		j := len(out)
		for j > 0 && isHSpace(out[j-1]) {
			j--
		}
		before := prev // at the run start, the previous run's last character
		if j > 0 {
			before = out[j-1]
		}
		_, beforeIsMark := sb[string(before)]
		if !ends || before == 0 || unicode.IsSpace(before) || beforeIsMark || strings.ContainsRune("([{«", before) {
			out = append(out, r)
			continue
		}
		out = append(out[:j], []rune(sp)...)
		out = append(out, r)
	}
	return string(out)
}

// hasSpaceBeforeMark reports whether spaceBefore has anything to do in s: a mark of sb
// (keys are single characters; a longer key never matches), or an invalid byte, which the
// rewrite turns into U+FFFD. In valid UTF-8 a character's encoding is only found where
// that character stands, so a substring test per key is exact.
func hasSpaceBeforeMark(s string, sb map[string]string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	for k := range sb {
		if k != "" && strings.Contains(s, k) {
			return true
		}
	}
	return false
}
