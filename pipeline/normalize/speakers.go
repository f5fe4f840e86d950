package normalize

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Speakers sets Paragraph.Speaker on top-level paragraphs that open by naming who speaks,
// using the speech vocabulary (reporting verbs, titles) of the language the notes are
// written in. It recognises two styles:
//
//   - reported speech: the subject of the first reporting verb of the first sentence, after
//     any lead-in clause and before any apposition: "After the support expressed by UNCTAD,
//     the Chairperson took note…" gives "the Chairperson"; "Marc Furrer, Head of the Swiss
//     Delegation, presented…" gives "Marc Furrer". Arabic puts the verb first ("وأشارت كندا
//     إلى…"), Chinese has no spaces ("加拿大指出…"); both have their own rule.
//   - minutes: a name followed by a separator, "Ryan: …", "Ryan; …", "Prescott - …",
//     "Larry, agrees…". A separator alone is weak evidence ("Note: …", "However, …"), so
//     the name must look like one: capitalised, never written in lower case elsewhere in
//     the notes, and either repeated as a speaker or marked by ";".
//
// When no rule is sure, the paragraph gets no speaker: a missing speaker costs less than a
// wrong one. A speaker already set (by a reader that knows) is kept.
type Speakers struct{}

// Name returns "speakers".
func (Speakers) Name() string { return "speakers" }

// Apply sets speakers in place.
func (Speakers) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "speakers", doc, func() error {
		set, err := localeSet("speakers", doc, env)
		if err != nil {
			return err
		}
		d := newSpeakerDetector(doc, sourceLocale(set, doc), labelVocab(set))
		for i, b := range doc.Blocks {
			p, ok := b.(*model.Paragraph)
			if !ok || p == nil || p.Speaker != "" {
				continue
			}
			p.Speaker = d.intern(d.detect(i, d.texts[i]))
		}
		// Subparagraphs speak too ("- Ana: the budget is fine"), by the same evidence.
		model.Walk(doc.Blocks, func(b model.Block) bool {
			if it, ok := b.(*model.ListItem); ok && it.Speaker == "" {
				text := model.PlainText(it.Inlines)
				if c, ok := d.sepCandidate(text); ok {
					it.Speaker = d.intern(d.detectWith(c, ok, text))
				} else if d.loc.Tag != "zh" && d.loc.Tag != "ar" && endsWithStop(text) {
					// Items are often fragments ("Review of amendments recommended by the
					// SC"): only one written as a sentence is read for a subject, and the
					// verb-final and verb-first rules stay with paragraphs.
					it.Speaker = d.intern(d.detectSVO(strings.TrimSpace(text)))
				}
			}
			return true
		})
		resolveInitials(doc)
		return nil
	})
}

// intern returns a copy of name, one for all the paragraphs a speaker opens. A name is a
// substring of a paragraph's text: copied, it does not keep the text of a paragraph of
// megabytes alive (a copy when it has several runs); shared, the copies of one speaker of
// long minutes are one.
func (d *speakerDetector) intern(name string) string {
	if name == "" {
		return ""
	}
	if s, ok := d.interned[name]; ok {
		return s
	}
	s := strings.Clone(name)
	d.interned[s] = s
	return s
}

// Detect returns the speaker of one paragraph's text in the notes' language loc, the way
// the Speakers transform sees a paragraph standing alone (minutes-style separators, which
// need the whole document as evidence, are only accepted for titles and ";").
func Detect(loc *locales.Locale, text string) string {
	if loc == nil {
		return ""
	}
	doc := &model.Document{Blocks: []model.Block{&model.Paragraph{Inlines: model.Texts(text, 0)}}}
	return newSpeakerDetector(doc, loc, vocab{}).detect(0, text)
}

// sepCandidate is a paragraph that opens with "Name<separator>"; role is set when a role
// in parentheses stood between the name and a colon.
type sepCandidate struct {
	name, sep, rest string
	role            bool
}

type speakerDetector struct {
	loc *locales.Locale
	*speechVocab
	// labels are the labels of minutes ("Date", "Slides", "Action"): never speakers. Nil
	// when unknown.
	labels vocab
	// people are the participants' names, first names and initials, lower case: a
	// "Name:" that names one is a speaker even once.
	people map[string]bool
	// texts are the paragraphs' plain texts by block index, as the evidence pass saw them.
	texts []string
	// hasCand tells, by block index, the paragraphs that open with a separator candidate.
	// detect reads the candidate again from the text, which costs less than keeping tens
	// of thousands of them in a map.
	hasCand []bool
	// names holds what the evidence says of each candidate's name with its separator: a
	// long document opens tens of thousands of paragraphs with a few dozen names, and each
	// is judged once rather than once a paragraph.
	names map[candKey]*candName
	// labelOf remembers isLabel of the names sepCandidate asks about, for the same reason.
	labelOf map[string]bool
	// interned holds one copy of each speaker returned (see Apply).
	interned map[string]string
	// Document-level evidence for the minutes style.
	count     map[string]int  // lower-cased name → paragraphs opening with it
	capital   map[string]bool // lower-cased name → seen capitalised as a candidate
	lowerSeen map[string]bool // words written in lower case somewhere in the body (only those nameOK asks about)
	strong    map[string]bool // names accepted with a strong separator
	dialogue  bool            // the notes use "Name: text" for several speakers
	// Buffers of subject, dropSkips and isName, reused likewise.
	segs     []string
	skipToks []token
	words    []string
	lower    []byte
}

// candKey is a separator candidate's name and separator, which are all nameOK looks at.
type candKey struct{ name, sep string }

// candName is what the detector knows of one candidate name with its separator.
type candName struct {
	key   string // the name in lower case, the key of count, capital and strong
	title bool   // the name is a title ("Chair", "The Secretary.")
	ok    bool   // nameOK, set once the document's evidence is complete
}

// speechVocab is the lookup form of a locale's speech data. It depends on the locale only,
// so it is built once per locale (Locale.Derived) and shared read-only.
type speechVocab struct {
	g     *grammar
	verbs map[string]bool
	// present are the present forms derived from past ones ("reports", "calls"), which are
	// as often plural nouns: "Executive officer reports approved", "Weekly status calls".
	present map[string]bool
	titles  map[string]bool
	abbrevs map[string]bool
	// ends are the sentence ends that are one character, which are the only ones a
	// character of the text can equal (firstSentence compares one character at a time);
	// asciiEnds those of them that are ASCII, by byte.
	ends      []rune
	asciiEnds [utf8.RuneSelf]bool
	// verbBits rules out most words that are not verbs before the map is asked (see
	// nameWords: bit(v) of verbBits[slot(v)] is set for each verb v).
	verbBits [1024]uint64
	// known are the speakers a verb-first clause may name (countries, bodies), as
	// normalized words, longest first; delegates the words that may come before a country.
	known     [][]string
	delegates map[string]bool
}

// vocabKey keys the speech vocabulary among a locale's derived tables.
type vocabKey struct{}

// vocabOf returns loc's vocabulary, built once per locale.
func vocabOf(loc *locales.Locale) *speechVocab {
	return loc.Derived(vocabKey{}, func() any { return newSpeechVocab(loc) }).(*speechVocab)
}

// newSpeechVocab builds the lookup sets of loc's speech data.
func newSpeechVocab(loc *locales.Locale) *speechVocab {
	d := &speechVocab{g: grammarOf(loc), verbs: map[string]bool{}, present: map[string]bool{}, titles: map[string]bool{}, abbrevs: map[string]bool{}}
	for _, v := range loc.Speech.Verbs {
		v = arNorm(strings.ToLower(v))
		d.verbs[v] = true
		if d.g.pastEd && strings.HasSuffix(v, "ed") && len(v) > 4 {
			// English present forms for minutes: agreed → agrees, asked → asks,
			// supported → supports, stressed → stresses, replied → replies.
			base := strings.TrimSuffix(v, "ed")
			d.present[base+"s"] = true
			d.present[strings.TrimSuffix(v, "d")+"s"] = true
			d.present[base+"es"] = true
			if strings.HasSuffix(v, "ied") {
				d.present[strings.TrimSuffix(v, "ied")+"ies"] = true
			}
		}
	}
	for v := range d.present {
		if d.verbs[v] {
			delete(d.present, v) // a verb of the list in its own right ("says")
			continue
		}
		d.verbs[v] = true
	}
	for v := range d.verbs {
		if v != "" {
			d.verbBits[slot(v)] |= bit(v)
		}
	}
	for _, t := range loc.Speech.Titles {
		d.titles[strings.ToLower(strings.TrimSuffix(t, "."))] = true
	}
	for _, a := range loc.Speech.Abbreviations {
		d.abbrevs[a] = true
	}
	for _, e := range loc.Speech.SentenceEnds {
		if r, n := utf8.DecodeRuneInString(e); n == len(e) && string(r) == e {
			d.ends = append(d.ends, r)
			if r < utf8.RuneSelf {
				d.asciiEnds[r] = true
			}
		}
	}
	if len(loc.Speech.Bodies) > 0 || len(loc.Speech.Delegates) > 0 {
		d.delegates = map[string]bool{}
		for _, w := range loc.Speech.Delegates {
			d.delegates[arNorm(w)] = true
		}
		for _, name := range append(loc.CountryNames(), loc.Speech.Bodies...) {
			if ws := strings.Fields(arNorm(name)); len(ws) > 0 {
				d.known = append(d.known, ws)
			}
		}
		sort.SliceStable(d.known, func(i, j int) bool { return len(d.known[i]) > len(d.known[j]) })
	}
	return d
}

// arNorm drops what Arabic may or may not write (short vowels, shadda, tatweel), so
// "ذكّرت" matches "ذكرت".
func arNorm(s string) string {
	if !strings.ContainsFunc(s, isArabicMark) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isArabicMark(r) {
			return -1
		}
		return r
	}, s)
}

func isArabicMark(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r == 0x0640
}

func newSpeakerDetector(doc *model.Document, loc *locales.Locale, labels vocab) *speakerDetector {
	d := &speakerDetector{
		loc: loc, speechVocab: vocabOf(loc), texts: make([]string, len(doc.Blocks)), hasCand: make([]bool, len(doc.Blocks)),
		labels: labels, names: map[candKey]*candName{}, labelOf: map[string]bool{}, interned: map[string]string{},
		count: map[string]int{}, capital: map[string]bool{}, lowerSeen: map[string]bool{}, strong: map[string]bool{}, people: map[string]bool{},
	}
	for _, p := range doc.Meta.Participants {
		for _, k := range []string{p.Name, p.Initials, firstWord(p.Name)} {
			if k != "" {
				d.people[strings.ToLower(k)] = true
			}
		}
	}
	// Gather the minutes-style evidence over the whole document: first the candidates,
	// then which of their names' words the body writes in lower case. nameOK only asks
	// lowerSeen about the lower-cased words of candidate names, so only those are kept.
	var wanted nameWords
	note := func(c sepCandidate) {
		n := d.names[candKey{c.name, c.sep}]
		if n == nil {
			n = &candName{key: strings.ToLower(c.name), title: d.titles[strings.ToLower(strings.TrimSuffix(c.name, "."))]}
			d.names[candKey{c.name, c.sep}] = n
			if r, _ := utf8.DecodeRuneInString(c.name); unicode.IsUpper(r) {
				d.capital[n.key] = true
			}
			for _, w := range strings.Fields(c.name) {
				wanted.add(strings.ToLower(w))
			}
		}
		d.count[n.key]++
	}
	for i, b := range doc.Blocks {
		p, ok := b.(*model.Paragraph)
		if !ok || p == nil {
			continue
		}
		text := model.PlainText(p.Inlines)
		d.texts[i] = text
		if c, ok := d.sepCandidate(text); ok {
			note(c)
			d.hasCand[i] = true // and paragraph i's first word is its name
		}
	}
	// Turns typed as list items count as evidence too ("- Ana: …").
	model.Walk(doc.Blocks, func(b model.Block) bool {
		if it, ok := b.(*model.ListItem); ok {
			if c, ok := d.sepCandidate(model.PlainText(it.Inlines)); ok {
				note(c)
			}
		}
		return true
	})
	if wanted.found != nil {
		// One pass over the words of the text, each looked up in the set: linear in the
		// text whatever the number of names (testing each name against each paragraph
		// was quadratic in a long document, which names more people).
		for i, text := range d.texts { // "" for blocks that are not paragraphs: no words
			wanted.markLower(text, d.hasCand[i])
		}
		for w, found := range wanted.found {
			if found {
				d.lowerSeen[w] = true
			}
		}
	}
	// Each name is judged once the evidence is complete, however many paragraphs it opens.
	colonNames := map[string]bool{}
	for k, n := range d.names {
		n.ok = d.nameOK(sepCandidate{name: k.name, sep: k.sep})
		if n.ok && (k.sep == ";" || d.count[n.key] >= 2) && k.sep != "," {
			d.strong[n.key] = true
			if k.sep == ":" {
				colonNames[n.key] = true
			}
		}
	}
	d.dialogue = len(colonNames) >= 2
	return d
}

// nameWords is a set of lower-case words, to learn which of them a text writes. Most words
// of a text are not in it: a bit for each first and last byte and length rules out most
// of those before the map is asked. A word found is not looked for again: once every
// word of a bit is found, the bit is cleared ("and", "in" and "for" are found at once
// and would otherwise send a good part of the words of English prose to the map).
type nameWords struct {
	found map[string]bool // by word: written in lower case somewhere
	// bits has bit min(len(w), 63) of bits[slot(w)] set while a word w of that slot and
	// length is not found; left counts those words by slot and length.
	bits *[1024]uint64
	left map[uint16]int
}

// slot is the index in nameWords.bits of the words with w's first and last bytes: for
// lower-case ASCII letters, one slot for each pair.
func slot(w string) int { return int(w[0]&31)<<5 | int(w[len(w)-1]&31) }

// bit is w's bit in its slot.
func bit(w string) uint64 { return 1 << min(len(w), 63) }

func (s *nameWords) add(w string) {
	if w == "" {
		return
	}
	if s.found == nil {
		s.found, s.bits, s.left = map[string]bool{}, new([1024]uint64), map[uint16]int{}
	}
	if _, ok := s.found[w]; ok {
		return
	}
	s.found[w] = false
	s.bits[slot(w)] |= bit(w)
	s.left[uint16(slot(w))<<6|uint16(min(len(w), 63))]++
}

// see marks w found if it is one of the set's words not found yet.
func (s *nameWords) see(w string) {
	if s.bits[slot(w)]&bit(w) == 0 {
		return
	}
	if found, ok := s.found[w]; ok && !found {
		s.found[w] = true
		k := uint16(slot(w))<<6 | uint16(min(len(w), 63))
		if s.left[k]--; s.left[k] == 0 {
			s.bits[slot(w)] &^= bit(w)
		}
	}
}

// markLower marks found the words of s that text writes in lower case, skipping its first
// word when skipFirst. The words are those of strings.Fields with what is not a letter
// trimmed from both ends (strings.TrimFunc), found by hand: this pass reads every byte of
// the document.
func (s *nameWords) markLower(text string, skipFirst bool) {
	for i := 0; i < len(text); {
		// The white space before a word.
		switch byteClass[text[i]] {
		case classSpace:
			i++
			continue
		case classNonASCII:
			if r, size := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		// The word, up to the next white space: one lookup for each ASCII byte.
		start := i
		for i < len(text) {
			if c := byteClass[text[i]]; c == classWord {
				i++
			} else if c == classSpace {
				break
			} else {
				r, size := utf8.DecodeRuneInString(text[i:])
				if unicode.IsSpace(r) {
					break
				}
				i += size
			}
		}
		if skipFirst {
			skipFirst = false
			continue
		}
		// A word that starts with an ASCII capital is not written in lower case.
		if c := text[start]; c < 'A' || c > 'Z' {
			s.markWord(text[start:i])
		}
	}
}

// The classes of bytes markLower tells apart.
const (
	classWord     = iota // ASCII, not white space
	classSpace           // ASCII white space (asciiSpace)
	classNonASCII        // part of a character beyond ASCII
)

// byteClass is the class of each byte.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classNonASCII
		case asciiSpace[c]:
			t[c] = classSpace
		}
	}
	return t
}()

// markWord is markLower's test of one word.
func (s *nameWords) markWord(w string) {
	// Trim ASCII that is not a letter from both ends, then the rest (rare) as TrimFunc does.
	for w != "" && w[0] < utf8.RuneSelf && !isASCIILetter(w[0]) {
		w = w[1:]
	}
	for w != "" && w[len(w)-1] < utf8.RuneSelf && !isASCIILetter(w[len(w)-1]) {
		w = w[:len(w)-1]
	}
	if w == "" {
		return
	}
	if w[0] >= utf8.RuneSelf || w[len(w)-1] >= utf8.RuneSelf {
		if w = strings.TrimFunc(w, notLetter); w == "" {
			return
		}
	}
	// Only lower-case words count: test that before the lookup.
	if c := w[0]; c < utf8.RuneSelf {
		if c < 'a' || c > 'z' {
			return
		}
	} else if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
		return
	}
	s.see(w)
}

// asciiSpace are the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// sepCandidate splits "Name<sep> rest" where Name is one to three words.
func (d *speakerDetector) sepCandidate(text string) (sepCandidate, bool) {
	text = strings.TrimSpace(text)
	limit := min(len(text), 60)
	for i, r := range text[:limit] {
		var sep string
		var end int
		switch {
		case r == ':':
			sep, end = ":", i+1
		case r == ';':
			sep, end = ";", i+1
		case r == ',':
			sep, end = ",", i+1
		case (r == '-' || r == '–' || r == '—') && i > 0 && isHSpace(rune(text[i-1])):
			n := utf8.RuneLen(r)
			if i+n < len(text) && isHSpace(rune(text[i+n])) {
				sep, end = " - ", i+n
			}
		case r == '(':
			// "Name (role): text": the role is not part of the name.
			if c, ok := roleCandidate(text, i); ok && !d.isLabelName(c.name) {
				return c, true
			}
			return sepCandidate{}, false
		case r == ')' || r == '.' && !d.isAbbrevAt(text, i):
			return sepCandidate{}, false
		}
		if sep == "" {
			continue
		}
		name := strings.TrimRightFunc(text[:i], isHSpace)
		rest := strings.TrimLeftFunc(text[end:], isHSpace)
		if n := fieldCount(name, 3); n == 0 || n > 3 || rest == "" {
			return sepCandidate{}, false
		}
		// "14:00" or "No. 3:" are not names; "Slides:", "Date:", "Action:" are labels; an
		// address ("https://…") is none either.
		if sep == ":" && end < len(text) && (unicode.IsDigit(rune(text[end])) || text[end] == '/') || d.isLabelName(name) {
			return sepCandidate{}, false
		}
		return sepCandidate{name: name, sep: sep, rest: rest}, true
	}
	return sepCandidate{}, false
}

// isLabel reports a label of minutes that never speaks: a field ("Slides:", "Date:"), a
// record ("Action:", "Resolution:") or a list of people ("Present:"). A chair or a
// secretary does speak ("Chair: the document may change").
func (d *speakerDetector) isLabel(name string) bool {
	if d.labels.kinds == nil {
		return false
	}
	switch d.labels.kind(name) {
	case labelNone, labelChair, labelSecretary:
		return false
	}
	return true
}

// isLabelName is isLabel of a candidate's name, remembered: the same few names open
// most paragraphs of long minutes.
func (d *speakerDetector) isLabelName(name string) bool {
	l, ok := d.labelOf[name]
	if !ok {
		l = d.isLabel(name)
		d.labelOf[name] = l
	}
	return l
}

// roleCandidate reads "Name (role): rest" with the opening parenthesis at byte open.
func roleCandidate(text string, open int) (sepCandidate, bool) {
	closeAt := strings.IndexByte(text[open:], ')')
	if closeAt < 0 {
		return sepCandidate{}, false
	}
	after := strings.TrimLeftFunc(text[open+closeAt+1:], isHSpace)
	if !strings.HasPrefix(after, ":") {
		return sepCandidate{}, false
	}
	name := strings.TrimRightFunc(text[:open], isHSpace)
	rest := strings.TrimLeftFunc(after[1:], isHSpace)
	if n := fieldCount(name, 3); n == 0 || n > 3 || rest == "" {
		return sepCandidate{}, false
	}
	return sepCandidate{name: name, sep: ":", rest: rest, role: true}, true
}

// resolveInitials replaces a speaker written as initials the attendance defines ("AWB" in
// "Allen Wirfs-Brock (AWB)") with the name.
func resolveInitials(doc *model.Document) {
	names := map[string]string{}
	for _, p := range doc.Meta.Participants {
		if p.Initials != "" {
			names[p.Initials] = p.Name
		}
	}
	if len(names) == 0 {
		return
	}
	model.Walk(doc.Blocks, func(b model.Block) bool {
		switch n := b.(type) {
		case *model.Paragraph:
			if name, ok := names[n.Speaker]; ok {
				n.Speaker = name
			}
		case *model.ListItem:
			if name, ok := names[n.Speaker]; ok {
				n.Speaker = name
			}
		}
		return true
	})
}

func (d *speakerDetector) isAbbrevAt(text string, dot int) bool {
	start := strings.LastIndexFunc(text[:dot], unicode.IsSpace) + 1
	return d.abbrevs[text[start:dot+1]] || d.titles[strings.ToLower(text[start:dot])]
}

// nameOK tells whether a separator candidate's name looks like a person's or delegation's
// name: a title, or capitalised words that the notes never write in lower case, not a
// lead-in word. A lower-case handle ("jeffh") passes when the same name also appears
// capitalised as a speaker.
func (d *speakerDetector) nameOK(c sepCandidate) bool {
	words := strings.Fields(c.name)
	if d.titles[strings.ToLower(strings.TrimSuffix(c.name, "."))] {
		return true
	}
	if d.g.leadIns[strings.ToLower(words[0])] || d.g.articles[strings.ToLower(words[0])] {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !(unicode.IsLetter(r) || unicode.IsMark(r) || r == '-' || r == '\'' || r == '’' || r == '.') {
				return false
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			if len(words) == 1 && d.capital[strings.ToLower(w)] && d.count[strings.ToLower(w)] >= 2 {
				continue
			}
			// A lower-case nick that opens three turns or more ("mnot: …", "lmasinter: …").
			if len(words) == 1 && c.sep == ":" && d.count[strings.ToLower(w)] >= 3 && !d.g.leadIns[w] && !d.g.articles[w] && !d.verbs[w] {
				continue
			}
			return false
		}
		if d.lowerSeen[strings.ToLower(w)] && d.count[strings.ToLower(c.name)] < 3 {
			return false
		}
		if d.verbs[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// detect returns the speaker of the paragraph at block index i with the given text.
func (d *speakerDetector) detect(i int, text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	var c sepCandidate
	ok := false
	if d.hasCand[i] {
		c, ok = d.sepCandidate(text)
	}
	return d.detectWith(c, ok, text)
}

// detectWith returns the speaker of a text whose separator candidate is c (ok false when it
// has none).
func (d *speakerDetector) detectWith(c sepCandidate, ok bool, text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	if n := d.nameOf(c, ok); n != nil && n.ok {
		key := n.key
		switch {
		case n.title && c.sep != ",":
			return c.name
		case c.sep == ";" || (c.sep != "," && d.count[key] >= 2):
			return c.name
		case c.sep == ":" && (d.dialogue || c.role || d.people[key]):
			// A dialogue, a name with its role ("Ryan (Chair):"), or a participant.
			return c.name
		case c.sep == "," && (d.strong[key] || d.verbs[firstWord(c.rest)]):
			return c.name
		}
	}
	switch d.loc.Tag {
	case "zh":
		return d.detectZH(text)
	case "ar":
		return d.detectAR(text)
	}
	return d.detectSVO(text)
}

// nameOf returns what the evidence says of candidate c (nil when ok is false), judging it
// now if the evidence pass did not see it.
func (d *speakerDetector) nameOf(c sepCandidate, ok bool) *candName {
	if !ok {
		return nil
	}
	if n := d.names[candKey{c.name, c.sep}]; n != nil {
		return n
	}
	return &candName{key: strings.ToLower(c.name), title: d.titles[strings.ToLower(strings.TrimSuffix(c.name, "."))], ok: d.nameOK(c)}
}

// isVerb is d.verbs[w].
func (d *speechVocab) isVerb(w string) bool {
	return w != "" && d.verbBits[slot(w)]&bit(w) != 0 && d.verbs[w]
}

func firstWord(s string) string {
	for f := range strings.FieldsSeq(s) { // the first field only: no slice of every word
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) {
			return ""
		}
		return w
	}
	return ""
}

// spaceRune reports whether the character at the start of s, outside ASCII, is white space
// (unicode.IsSpace, and isHSpace too when hspace is set), and its size in bytes. Its callers
// test ASCII themselves, in line: they scan every byte of the text.
func spaceRune(s string, hspace bool) (bool, int) {
	r, size := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r) || hspace && isHSpace(r), size
}

// fieldCount is len(strings.Fields(s)) counted up to limit+1 at most, without the slice.
func fieldCount(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		sp, size := false, 1
		if c := s[i]; c < utf8.RuneSelf {
			sp = asciiSpace[c]
		} else {
			sp, size = spaceRune(s[i:], false)
		}
		switch {
		case sp:
			in = false
		case !in:
			in = true
			if n++; n > limit {
				return n
			}
		}
		i += size
	}
	return n
}

// lowerHas is m[strings.ToLower(s)], without the copy when s is ASCII.
func (d *speakerDetector) lowerHas(m map[string]bool, s string) bool {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(s)]
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return m[s]
	}
	b := d.lower[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	d.lower = b
	return m[string(b)] // no copy: the compiler looks a map up by a []byte's bytes
}

// firstSentence cuts text at the first sentence end that is not an abbreviation's or an
// initial's full stop ("Mr.", "G.", "i.e.").
func (d *speakerDetector) firstSentence(text string) string {
	for i := 0; i < len(text); {
		if i > 600 {
			return text[:i]
		}
		// Most characters are ASCII and no sentence end: one lookup each.
		r, size := rune(text[i]), 1
		if r < utf8.RuneSelf {
			if !d.asciiEnds[r] {
				i++
				continue
			}
		} else if r, size = utf8.DecodeRuneInString(text[i:]); !slices.Contains(d.ends, r) {
			i += size
			continue
		}
		next := i + utf8.RuneLen(r)
		if r == '.' || r == '?' || r == '!' {
			if next < len(text) {
				if n, _ := utf8.DecodeRuneInString(text[next:]); !unicode.IsSpace(n) && !isHSpace(n) {
					i += size
					continue
				}
			}
			if r == '.' {
				start := strings.LastIndexFunc(text[:i], isSpaceOrHSpace) + 1
				word := text[start:i]
				// text[start:i+1] is word+".", without the copy.
				if d.abbrevs[text[start:i+1]] || utf8.RuneCountInString(word) == 1 || strings.Contains(word, ".") || d.titles[strings.ToLower(word)] {
					i += size
					continue
				}
			}
		}
		return text[:i]
	}
	return text
}

func isSpaceOrHSpace(r rune) bool { return unicode.IsSpace(r) || isHSpace(r) }

// token is a word of a sentence with its byte offset.
type token struct {
	text  string
	start int
}

// fieldsWithOffsets appends to out the words of s split at white space, at most limit of
// them (the rest is not looked at).
func fieldsWithOffsets(out []token, s string, limit int) []token {
	for pos := 0; ; {
		start, end := nextWord(s, pos)
		if start < 0 {
			return out
		}
		out = append(out, token{s[start:end], start})
		if len(out) == limit {
			return out
		}
		pos = end
	}
}

// nextWord returns the bounds of the first word of s at or after byte i, split at white
// space (unicode.IsSpace or isHSpace); start is -1 when there is none.
func nextWord(s string, i int) (start, end int) {
	start = -1
	for i < len(s) {
		// ASCII white space is the same for unicode.IsSpace and isHSpace.
		sp, size := false, 1
		if c := s[i]; c < utf8.RuneSelf {
			sp = asciiSpace[c]
		} else {
			sp, size = spaceRune(s[i:], true)
		}
		if sp && start >= 0 {
			return start, i
		}
		if !sp && start < 0 {
			start = i
		}
		i += size
	}
	return start, len(s)
}

func trimPunct(w string) string {
	// A word that starts and ends with an ASCII letter or digit has nothing to trim.
	if w != "" && isASCIIWordByte(w[0]) && isASCIIWordByte(w[len(w)-1]) {
		return w
	}
	return strings.TrimFunc(w, isPunct)
}

// isPunct is what trimPunct trims: all but letters, digits, marks, apostrophes and hyphens.
func isPunct(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\'' || r == '’' || r == '-')
}

// isASCIIWordByte reports an ASCII byte trimPunct keeps.
func isASCIIWordByte(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9' || c == '\'' || c == '-'
}

// detectSVO finds the subject of the first reporting verb in the first sentence of a
// language that puts the subject first (English, French, Spanish, Russian).
func (d *speakerDetector) detectSVO(text string) string {
	sent := d.firstSentence(text)
	// The verb is looked for among the first 41 words, read one at a time: it is most
	// often among the first few, and the words after it are not needed.
	tried := 0
	for n, pos := 0, 0; n < 41; n++ {
		start, end := nextWord(sent, pos)
		if start < 0 {
			break
		}
		pos = end
		t := token{sent[start:end], start}
		core := trimPunct(t.text)
		r, _ := utf8.DecodeRuneInString(core)
		if core == "" || !unicode.IsLower(r) || !d.isVerb(strings.ToLower(core)) {
			continue
		}
		// A verb glued to a bracket or quote is quoted material, not the report.
		if strings.ContainsAny(t.text[:strings.Index(t.text, core)], "\"“«(") {
			continue
		}
		tried++
		if s := d.subject(sent[:t.start]); s != "" {
			// Before a present form that may be a plural noun, a subject ending in a
			// common noun is the noun phrase that plural ends ("More user questions",
			// "Executive officer reports approved"): only a name speaks.
			if d.present[strings.ToLower(core)] && !isCapitalised(lastWord(s)) {
				continue
			}
			return s
		}
		if tried >= 3 {
			break
		}
	}
	return ""
}

// lastWord is the last word of s.
func lastWord(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexAny(s, " \t")+1:]
}

// subject picks the speaker out of the text before a verb: the comma-separated segments
// are lead-ins, then the name, then appositions; adverbs just before the verb are dropped.
func (d *speakerDetector) subject(prefix string) string {
	prefix = strings.TrimSpace(prefix)
	if prefix == "" {
		return ""
	}
	// strings.Split(prefix, ","), trimmed, in a slice reused from one call to the next.
	segs := d.segs[:0]
	for {
		i := strings.IndexByte(prefix, ',')
		if i < 0 {
			segs = append(segs, strings.TrimSpace(prefix))
			break
		}
		segs = append(segs, strings.TrimSpace(prefix[:i]))
		prefix = prefix[i+1:]
	}
	d.segs = segs
	// A trailing comma closed an apposition: "Marc Furrer, Head of …, presented".
	closed := segs[len(segs)-1] == ""
	if closed {
		segs = segs[:len(segs)-1]
	} else {
		segs[len(segs)-1] = d.dropSkips(segs[len(segs)-1])
	}
	if len(segs) == 0 {
		return ""
	}
	for k, seg := range segs {
		hasMore := k < len(segs)-1
		if !d.isName(seg, hasMore) {
			// An apposition or an unclear clause after a name would have been taken by
			// then; what fails before any name is a lead-in, which is fine to skip, but
			// only when it is a clause (several words) and not a second subject.
			if seg == "" {
				return ""
			}
			continue
		}
		rest := segs[k+1:]
		if len(rest) == 0 {
			return seg
		}
		// Without a closing comma the words next to the verb are its subject, so they
		// must be a name too (an apposition: "…Karklins, Chairman of WSIS PrepCom said").
		if !closed && !d.isName(rest[len(rest)-1], false) {
			return ""
		}
		// "Syria, Canada and Mexico supported": an enumeration of names.
		allNames := true
		for _, r := range rest {
			if !d.isName(r, false) {
				allNames = false
			}
		}
		last := strings.Fields(rest[len(rest)-1])
		if allNames && len(last) > 0 && (d.g.conj[strings.ToLower(last[0])] || hasConj(d.g, last)) {
			return strings.Join(segs[k:], ", ")
		}
		return seg
	}
	return ""
}

func hasConj(g *grammar, words []string) bool {
	for _, w := range words {
		if g.conj[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// dropSkips removes adverbs and auxiliaries standing between a subject and its verb.
func (d *speakerDetector) dropSkips(seg string) string {
	words := fieldsWithOffsets(d.skipToks[:0], seg, -1) // strings.Fields, with offsets
	d.skipToks = words
	for len(words) > 0 {
		w := words[len(words)-1].text
		lw := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLower(r) {
			break
		}
		if d.g.skips[lw] || (d.g.adverb != "" && strings.HasSuffix(lw, d.g.adverb) && utf8.RuneCountInString(lw) > len(d.g.adverb)+2) {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if len(words) == 0 {
		return ""
	}
	// The words kept joined by single spaces: most often seg up to the last of them, as
	// it is.
	last := words[len(words)-1]
	if kept := seg[:last.start+len(last.text)]; singleSpaced(kept) {
		return kept
	}
	ws := make([]string, len(words))
	for i, w := range words {
		ws[i] = w.text
	}
	return strings.Join(ws, " ")
}

// singleSpaced reports words separated by one ASCII space each, with no white space
// before or after them: strings.Join(strings.Fields(s), " ") is s.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ') || c != ' ' && asciiSpace[c] {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}

// isName tells whether seg reads as a speaker: an optional article, then capitalised
// words, titles, acronyms in brackets and the connectors a name may contain; one
// lower-case noun may follow the article or end the name ("the representative of
// Canada", "The Holy See representative"). hasMore says a comma follows, where a
// participle opens a lead-in ("Answering Djibouti,").
func (d *speakerDetector) isName(seg string, hasMore bool) bool {
	// Splitting elisions only adds tokens: a segment of more than ten words is no name,
	// and is not split into a slice of its words to learn that.
	if fieldCount(seg, 10) > 10 {
		return false
	}
	toks := d.words[:0]
	for t := range strings.FieldsSeq(seg) {
		toks = appendElided(toks, t)
	}
	d.words = toks
	if len(toks) == 0 || len(toks) > 10 {
		return false
	}
	i := 0
	hasDet := false
	if d.lowerHas(d.g.articles, toks[0]) {
		i, hasDet = 1, true
	}
	if i >= len(toks) {
		return false
	}
	if d.lowerHas(d.g.leadIns, trimPunct(toks[i])) || (!hasDet && d.lowerHas(d.g.leadIns, toks[0])) {
		return false
	}
	if hasMore && i == 0 && len(toks) >= 2 {
		lead := strings.ToLower(trimPunct(toks[i]))
		for _, suf := range d.g.participles {
			if strings.HasSuffix(lead, suf) && utf8.RuneCountInString(lead) >= d.g.minLen {
				return false
			}
		}
	}
	strong := 0
	for j := i; j < len(toks); j++ {
		t := toks[j]
		core := trimPunct(t)
		switch {
		case core == "":
			if strings.Trim(t, "()[]") != "" && t != "&" {
				return false
			}
		case d.lowerHas(d.titles, core) || d.lowerHas(d.titles, strings.TrimSuffix(t, ".")):
			strong++
		case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && isCapitalised(core):
			// "(CONGO)": an acronym in brackets after the full name.
		case isCapitalised(core):
			if j > i && d.lowerHas(d.verbs, core) {
				return false
			}
			strong++
		case j > i && j < len(toks)-1 && d.lowerHas(d.g.connectors, core):
		case hasDet && j == i && !d.lowerHas(d.verbs, core):
			// "the representative of …": a role noun right after the article.
		case j == len(toks)-1 && j > i && strong > 0 && !d.lowerHas(d.verbs, core) && !d.lowerHas(d.g.leadIns, core):
			// "The Holy See representative".
		default:
			return false
		}
		// A name does not run on into a clause.
		if strings.ContainsAny(t, ";:\"“”«»") {
			return false
		}
	}
	return strong > 0
}

// isCapitalised reports a word that starts with an upper-case letter, after any elided
// article or particle ("d'Ivoire", "al-Hassan").
func isCapitalised(w string) bool {
	for _, p := range [...]string{"d'", "d’", "l'", "l’", "al-", "el-"} {
		if hasPrefixASCIIFold(w, p) && len(w) > len(p) {
			w = w[len(p):]
			break
		}
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// hasPrefixASCIIFold is strings.HasPrefix(strings.ToLower(s), prefix) for a lower-case
// prefix whose letters are ASCII, without the copy: no other character has one of them
// for lower case, and the prefix's other characters have no case.
func hasPrefixASCIIFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// appendElided appends word t to out, as two tokens when it opens with a French elided
// article: "L'OIT" → "L'", "OIT".
func appendElided(out []string, t string) []string {
	// "l'" or "l’" in either case ('L' is the only letter whose lower case is 'l').
	if len(t) > 1 && (t[0] == 'l' || t[0] == 'L') {
		for _, p := range [...]string{"'", "’"} {
			if strings.HasPrefix(t[1:], p) && len(t) > 1+len(p) {
				out = append(out, t[:1+len(p)])
				t = t[1+len(p):]
				break
			}
		}
	}
	return append(out, t)
}

// detectZH finds the speaker in Chinese: in the first clause that holds a reporting verb,
// the text before the verb, unless it opens with a lead-in word ("在…时").
func (d *speakerDetector) detectZH(text string) string {
	sent := d.firstSentence(text)
	clauses := strings.FieldsFunc(sent, func(r rune) bool { return r == '，' || r == ',' || r == '：' || r == ':' || r == '；' })
	for n, cl := range clauses {
		if n > 3 {
			break
		}
		cl = strings.TrimSpace(cl)
		at := -1
		for v := range d.verbs {
			if k := strings.Index(cl, v); k > 0 && (at < 0 || k < at) {
				at = k
			}
		}
		if at < 0 {
			continue
		}
		subj := cl[:at]
		for changed := true; changed; {
			changed = false
			for _, s := range d.g.skipList {
				if strings.HasSuffix(subj, s) && len(subj) > len(s) {
					subj, changed = strings.TrimSuffix(subj, s), true
				}
			}
		}
		if subj == "" || utf8.RuneCountInString(subj) > 20 || strings.ContainsAny(subj, "“”\"「」（）()《》") {
			continue
		}
		lead := false
		for _, l := range d.g.leadInList {
			if strings.HasPrefix(subj, l) {
				lead = true
			}
		}
		if !lead {
			return subj
		}
	}
	return ""
}

// detectAR finds the speaker in Arabic, which puts the verb first: "وأشارت كندا إلى…" and
// "قال ممثل كندا إن…" name the subject right after the verb. A clause that starts with a
// name before a verb is read the other way round.
func (d *speakerDetector) detectAR(text string) string {
	sent := d.firstSentence(text)
	clauses := strings.FieldsFunc(sent, func(r rune) bool { return r == '،' || r == ',' || r == '؛' || r == ':' })
	for n, cl := range clauses {
		if n > 3 {
			break
		}
		toks := strings.Fields(cl)
		if len(toks) < 2 {
			continue
		}
		if d.arVerb(toks[0]) {
			if s := d.arKnown(toks[1:]); s != "" {
				return s
			}
			// "قدم الوفد الفرنسي اقتراحا": a delegation and its nationality adjective
			// (definite, ending in ي or ية) is the whole subject.
			if len(toks) >= 3 && d.delegates[arNorm(strings.TrimPrefix(toks[1], "ال"))] && strings.HasPrefix(toks[2], "ال") &&
				(strings.HasSuffix(toks[2], "ي") || strings.HasSuffix(toks[2], "ية")) {
				return toks[1] + " " + strings.TrimRight(toks[2], "،,.:؛")
			}
			var subj []string
			for _, t := range toks[1:] {
				if d.g.boundaries[t] || strings.HasPrefix(t, "بال") || strings.HasPrefix(t, "لل") || d.arVerb(t) {
					break
				}
				subj = append(subj, t)
			}
			if len(subj) > 0 && len(subj) <= 5 {
				return strings.Join(subj, " ")
			}
			continue
		}
		for k := 1; k < len(toks) && k <= 4; k++ {
			if d.arVerb(toks[k]) {
				if !d.g.leadIns[toks[0]] {
					return strings.Join(toks[:k], " ")
				}
				break
			}
		}
	}
	return ""
}

// arKnown returns the speaker that toks (the words after a verb) start with when it is a
// country or body of the locale's lists, possibly after a delegate word ("ممثل كندا"):
// the only way to tell the subject from the object that follows it ("شكرت سوريا الرئيس":
// Syria thanked the Chair).
func (d *speakerDetector) arKnown(toks []string) string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = arNorm(strings.TrimRight(t, "،,.:؛"))
	}
	start := 0
	if len(words) > 1 && d.delegates[words[0]] {
		start = 1
	}
	for _, name := range d.known {
		if start+len(name) > len(words) {
			continue
		}
		ok := true
		for k, w := range name {
			if words[start+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return strings.TrimRight(strings.Join(toks[:start+len(name)], " "), "،,.:؛")
		}
	}
	return ""
}

// arVerb reports a reporting verb, also with the conjunctions و and ف attached.
func (d *speakerDetector) arVerb(t string) bool {
	t = arNorm(t)
	if d.verbs[t] {
		return true
	}
	for _, p := range []string{"و", "ف"} {
		if strings.HasPrefix(t, p) && d.verbs[strings.TrimPrefix(t, p)] {
			return true
		}
	}
	return false
}
