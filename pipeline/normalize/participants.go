package normalize

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/internal/lazyre"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Participants moves the attendance the notes record into Meta.Participants, so it is
// printed as the UN prints it (an unnumbered attendance section, see Minutes) and never as
// numbered paragraphs or subparagraphs (a)…(s). It recognises, in any of the six languages
// and whatever the reader:
//
//   - a labelled line: "Present: Ana, Bo, Chen", "Regrets: Dana", "Chair: Ryan", "Scribe:
//     mgarrish", "Présent.e.s : …", "参会人：…", as a paragraph or a list item;
//   - a label standing alone over the names: a "Present:" paragraph or item with a list of
//     names under it, a "Present" paragraph followed by a paragraph of names (the terms of
//     a definition list);
//   - an attendance heading ("Attendees", "Participants", "Asistentes") over lists or lines
//     of names, with sub-labels ("Not in attendance") or group names ("Community") inside;
//   - a line of three or more "Name (INITIALS)" entries with no label at all;
//   - label and value cells of a table ("Note taker: | Cristina").
//
// A name may carry initials ("Jeremy Tandy (JT)"), an affiliation ("Omar (ILO)", "Ana,
// CEO, Acme") and an address, which is dropped. A value that is not a list of names (a
// sentence, "none") is left where it is. Every participant records where it came from and
// why.
type Participants struct{}

// Name returns "participants".
func (Participants) Name() string { return "participants" }

// Apply moves attendance from doc.Blocks into doc.Meta.Participants. Applying it again finds
// nothing more to move.
func (Participants) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "participants", doc, func() error {
		set, err := localeSet("participants", doc, env)
		if err != nil {
			return err
		}
		if ctx == nil {
			ctx = context.Background()
		}
		pc := &partCollector{ctx: ctx, v: labelVocab(set)}
		blocks := pc.blocks(doc.Blocks)
		if err := pc.ctx.Err(); err != nil {
			return err
		}
		doc.Blocks = blocks
		doc.Meta.Participants = append(doc.Meta.Participants, pc.found...)
		return nil
	})
}

// partCollector gathers participants while it rewrites the blocks.
type partCollector struct {
	// ctx stops the collection early when the conversion is cancelled; Apply then
	// returns its error and the blocks are left as they were.
	ctx   context.Context
	v     vocab
	found []model.Participant
}

// add records participants, once each: the same name in the same role twice ("Meeting
// called by" and "Facilitator") is one entry.
func (pc *partCollector) add(names []model.Participant) {
next:
	for _, p := range names {
		for _, q := range pc.found {
			if q.Role == p.Role && strings.EqualFold(q.Name, p.Name) {
				continue next
			}
		}
		pc.found = append(pc.found, p)
	}
}

// blocks returns blocks without the attendance they record.
func (pc *partCollector) blocks(blocks []model.Block) []model.Block {
	// Most blocks are kept: the slice is made once (grown by appending, the blocks of a
	// long document were copied and left as garbage five times their size over).
	out := blocks[:0:0] // nil for nil, as it was
	if len(blocks) > 0 {
		out = make([]model.Block, 0, len(blocks))
	}
	for i := 0; i < len(blocks); i++ {
		if i%256 == 0 && pc.ctx.Err() != nil {
			return blocks
		}
		switch n := blocks[i].(type) {
		case *model.Heading:
			if k := pc.v.kind(headingLabel(n)); k.role() != "" {
				end, kept, ok := pc.section(blocks, i, k)
				if ok {
					out = append(out, kept...)
					i = end - 1
					continue
				}
			}
		case *model.Paragraph:
			if n.Kind != "" {
				break
			}
			if consumed, ok := pc.paragraph(n, blocks[i+1:]); ok {
				i += consumed
				continue
			}
			n.Children = pc.children(n.Children)
		case *model.List:
			if pc.list(n); len(n.Items) == 0 {
				continue
			}
		case *model.Table:
			if pc.table(n); len(n.Rows) == 0 {
				continue
			}
		}
		out = append(out, blocks[i])
	}
	return out
}

// children rewrites the lists under a paragraph, dropping those left empty.
func (pc *partCollector) children(kids []model.Block) []model.Block {
	out := kids[:0]
	for _, c := range kids {
		if l, ok := c.(*model.List); ok {
			if pc.list(l); len(l.Items) == 0 {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// headingLabel is a heading's text as a label ("Attendees", "Les présents:").
func headingLabel(h *model.Heading) string {
	return strings.TrimRight(strings.TrimSpace(model.PlainText(h.Inlines)), ":：")
}

// section takes the attendance under a heading at blocks[i] whose label is of kind k: the
// lists and lines of names up to the next heading, with the labels among them ("Regrets",
// "Chair") changing the role of the names after them. Prose that introduces a list of
// names ("Those present at the start were:") or tells of the attendance between two lists
// stays in the body, kept, with the heading. Once a list is taken, the section ends at the
// first block that is neither a list nor such prose. It returns the index after the
// section, the blocks kept and whether anything was taken (else nothing is).
func (pc *partCollector) section(blocks []model.Block, i int, k labelKind) (int, []model.Block, bool) {
	h := blocks[i].(*model.Heading)
	role, under := k.role(), fmt.Sprintf("%q", headingLabel(h))
	var got []model.Participant
	var kept []model.Block
	sawList := false
	j := i + 1
scan:
	for ; j < len(blocks); j++ {
		switch n := blocks[j].(type) {
		case *model.Heading:
			if n.Level <= h.Level {
				break scan
			}
			// A subheading of the section names a role or a group.
			if k := pc.v.kind(headingLabel(n)); k.role() != "" {
				role, under = k.role(), fmt.Sprintf("%q", headingLabel(n))
			}
		case *model.List:
			ps, ok := pc.namesOfList(n, role, under, "")
			if !ok {
				break scan
			}
			got, sawList = append(got, ps...), true
		case *model.Paragraph:
			text := strings.TrimSpace(model.PlainText(n.Inlines))
			if l, ok := soleList(n); ok && isShortLabel(text) {
				// A group ("Community") or a role ("Not in attendance") over its names.
				r, g, where := role, "", fmt.Sprintf("%q", text)
				if k := pc.v.kind(strings.TrimRight(text, ":：")); k.role() != "" {
					r = k.role()
				} else {
					g = strings.TrimRight(text, ":：")
				}
				ps, ok := pc.namesOfList(l, r, where, g)
				if !ok {
					break scan
				}
				got, sawList = append(got, ps...), true
				continue
			}
			if prose, ok := pc.attendanceProse(n, blocks[j+1:], role, under); ok {
				// The prose stays; the names of the list it introduces go.
				got, sawList = append(got, prose...), true
				n.Children = nil
				kept = append(kept, n)
				continue
			}
			if sawList || len(n.Children) > 0 || hasLink(n.Inlines) {
				break scan
			}
			if k := pc.v.kind(strings.TrimRight(text, ":：")); k.role() != "" {
				role, under = k.role(), fmt.Sprintf("%q", text)
				continue
			}
			why := "names only, under " + under
			if label, k, value, ok := pc.v.splitLabel(text); ok && k.role() != "" {
				text, role, why = value, k.role(), fmt.Sprintf("names only, labelled %q", label)
			}
			ps, ok := pc.namesOfLine(text, role, n.Pos, why)
			if !ok {
				break scan
			}
			got = append(got, ps...)
		default:
			break scan
		}
	}
	if len(got) == 0 {
		return i, nil, false
	}
	pc.add(got)
	if len(kept) > 0 {
		kept = append([]model.Block{h}, kept...)
	}
	return j, kept, true
}

// attendanceProse reads a paragraph of prose inside an attendance section: a sentence
// that introduces a list of names (its only child), or one followed by a list of names.
// It returns the names of that list (nil for the second form: the list is taken next)
// and whether the paragraph is such prose.
func (pc *partCollector) attendanceProse(p *model.Paragraph, next []model.Block, role model.Role, under string) ([]model.Participant, bool) {
	text := strings.TrimSpace(model.PlainText(p.Inlines))
	if isShortLabel(text) {
		return nil, false
	}
	if l, ok := soleList(p); ok {
		return pc.namesOfList(l, role, under, "")
	}
	if len(p.Children) > 0 || len(next) == 0 {
		return nil, false
	}
	l, ok := next[0].(*model.List)
	if !ok {
		return nil, false
	}
	if _, ok := pc.namesOfList(l, role, under, ""); !ok {
		return nil, false
	}
	return nil, true
}

// soleList returns the list that is a paragraph's only child.
func soleList(p *model.Paragraph) (*model.List, bool) {
	if len(p.Children) != 1 {
		return nil, false
	}
	l, ok := p.Children[0].(*model.List)
	return l, ok
}

// hasLink reports a link run: a line of links is navigation, not names.
func hasLink(ins []model.Inline) bool {
	for _, in := range ins {
		if in.Kind == model.KindLink {
			return true
		}
	}
	return false
}

// paragraph takes a labelled attendance paragraph ("Present: a, b", or "Present:" over a
// list of names, or "Present" followed by a paragraph of names) or a line of "Name
// (INITIALS)" entries. It returns how many following blocks it consumed as well.
func (pc *partCollector) paragraph(p *model.Paragraph, next []model.Block) (int, bool) {
	text := strings.TrimSpace(model.PlainText(p.Inlines))
	label, k, value, ok := pc.v.splitLabel(text)
	if !ok {
		// "Present" alone over a paragraph of names: the term of a definition list. Most
		// paragraphs are too long to be a label, which is cheaper to learn than their kind.
		np := nextParagraph(next)
		if term := strings.TrimRight(text, ":："); np != nil && len(p.Children) == 0 && !pc.v.tooLong(term) {
			if k := pc.v.kind(term); k.role() != "" && len(np.Children) == 0 {
				why := fmt.Sprintf("names only, after the label %q", text)
				if ps, ok := pc.namesOfLine(model.PlainText(np.Inlines), k.role(), np.Pos, why); ok {
					pc.add(ps)
					return 1, true
				}
			}
		}
		if ps, ok := pc.initialsLine(text, p.Pos); ok {
			pc.add(ps)
			return 0, true
		}
		return 0, false
	}
	if k.role() == "" {
		return 0, false
	}
	why := fmt.Sprintf("names only, labelled %q", label)
	if value != "" {
		ps, ok := pc.namesOfLine(value, k.role(), p.Pos, why)
		if ok && len(p.Children) == 0 {
			pc.add(ps)
			return 0, true
		}
		return 0, false
	}
	// "Present:" over a list of names.
	if len(p.Children) != 1 {
		return 0, false
	}
	l, ok := p.Children[0].(*model.List)
	if !ok {
		return 0, false
	}
	ps, ok := pc.namesOfList(l, k.role(), fmt.Sprintf("%q", label), "")
	if !ok {
		return 0, false
	}
	pc.add(ps)
	return 0, true
}

// nextParagraph returns next[0] when it is a paragraph, else nil.
func nextParagraph(next []model.Block) *model.Paragraph {
	if len(next) == 0 {
		return nil
	}
	p, _ := next[0].(*model.Paragraph)
	return p
}

// tooLong reports a text that v.kind folds past the longest label it allows, without
// folding it: each ASCII byte that folding keeps (all but white space and the marks
// foldLabel drops) is a byte of the folded form, so more of them than kind's bound is
// no label (TestTooLongForLabel holds the two to the same bound).
func (v vocab) tooLong(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || asciiSpace[c] || foldDropped[c] {
			continue
		}
		if n++; n > v.longest+2 {
			return true
		}
	}
	return false
}

// foldDropped are the ASCII bytes foldLabel drops.
var foldDropped = [utf8.RuneSelf]bool{'*': true, '_': true, '.': true, '(': true, ')': true, '[': true, ']': true, '`': true, '#': true}

// list takes, from the items of l, those that are labelled attendance ("Attending: a, b",
// "Facilitator: TC", "Present:" over a list of names), in place.
func (pc *partCollector) list(l *model.List) {
	items := l.Items[:0]
	for _, it := range l.Items {
		if it != nil && pc.item(it) {
			continue
		}
		if it != nil {
			it.Children = pc.children(it.Children)
		}
		items = append(items, it)
	}
	l.Items = items
}

// item takes one labelled attendance item and reports whether it did.
func (pc *partCollector) item(it *model.ListItem) bool {
	label, k, value, ok := pc.v.splitLabel(model.PlainText(it.Inlines))
	if !ok || k.role() == "" {
		return false
	}
	why := fmt.Sprintf("names only, labelled %q", label)
	switch {
	case value != "" && len(it.Children) == 0:
		ps, ok := pc.namesOfLine(value, k.role(), it.Pos, why)
		if ok {
			pc.add(ps)
		}
		return ok
	case value == "" && len(it.Children) == 1:
		if sub, isList := it.Children[0].(*model.List); isList {
			ps, ok := pc.namesOfList(sub, k.role(), fmt.Sprintf("%q", label), "")
			if ok {
				pc.add(ps)
			}
			return ok
		}
	}
	return false
}

// namesOfList reads a list whose items are all names (with sub-labels or group names over
// nested lists of names). role is the role of the label above it, under how to say where.
// group, when set, is the affiliation of its names. It reports false, taking nothing, when
// any item is not a name.
func (pc *partCollector) namesOfList(l *model.List, role model.Role, under, group string) ([]model.Participant, bool) {
	var out []model.Participant
	for _, it := range l.Items {
		if it == nil {
			continue
		}
		text := strings.TrimSpace(model.PlainText(it.Inlines))
		if len(it.Children) > 0 {
			// A sub-label ("Not in attendance", "Regrets:") or a group ("Community", "TBD")
			// over its names.
			sub, ok := it.Children[0].(*model.List)
			if !ok || len(it.Children) > 1 || !isShortLabel(text) {
				return nil, false
			}
			r, g, where := role, group, under
			if k := pc.v.kind(strings.TrimRight(text, ":：")); k.role() != "" {
				r, where = k.role(), fmt.Sprintf("%q", text)
			} else {
				g = strings.TrimRight(text, ":：")
				where = fmt.Sprintf("%q, group %q", under, g)
			}
			ps, ok := pc.namesOfList(sub, r, where, g)
			if !ok {
				return nil, false
			}
			out = append(out, ps...)
			continue
		}
		ps, ok := pc.namesOfItem(text, role, it.Pos, "names only, under "+under)
		if !ok {
			// "Council members: TC, Mark, Oli", "Observers: None.": a group or a role,
			// then its names on the line.
			if ps, ok = pc.labelledItem(text, role, it.Pos, under); !ok {
				return nil, false
			}
		}
		for i := range ps {
			if ps[i].Affiliation == "" {
				ps[i].Affiliation = group
			}
		}
		out = append(out, ps...)
	}
	return out, true
}

// labelledItem reads an item of an attendance list that is a short label, a colon and
// names: the label's role when it names one ("Observers"), else role (a group, "Council
// members", of the people the list is about).
func (pc *partCollector) labelledItem(text string, role model.Role, pos model.Pos, under string) ([]model.Participant, bool) {
	i := strings.IndexAny(text, ":：")
	if i <= 0 {
		return nil, false
	}
	label := strings.TrimSpace(strings.Trim(text[:i], "*_ "))
	_, size := utf8.DecodeRuneInString(text[i:])
	value := strings.TrimSpace(strings.TrimLeft(text[i+size:], "*_ "))
	if !isShortLabel(label) || len(strings.Fields(label)) > 3 {
		return nil, false
	}
	if k := pc.v.kind(label); k.role() != "" {
		role = k.role()
	} else if k != labelNone {
		return nil, false // a field ("Date: …") is no group of people
	}
	return pc.namesOfLine(value, role, pos, fmt.Sprintf("names only, labelled %q under %s", label, under))
}

// namesOfItem reads one item of a list of names: one person per item, so what follows
// the name ("Gary O'Neall, Source Auditor", "Lam Chau. ML systems") is an affiliation and
// an address is dropped.
func (pc *partCollector) namesOfItem(text string, role model.Role, pos model.Pos, why string) ([]model.Participant, bool) {
	text = strings.TrimSpace(reAddress.ReplaceAllString(text, ""))
	switch strings.ToLower(strings.TrimRight(text, ".")) {
	case "", "-", "none", "n/a":
		return nil, true
	}
	name, aff := text, ""
	outside := maskParens(text)
	if i := strings.IndexAny(outside, ",;，—–"); i > 0 {
		name, aff = text[:i], text[i:]
	} else if i := fullStop(outside); i > 0 {
		name, aff = text[:i], text[i+1:]
	}
	aff = strings.TrimSpace(strings.TrimLeft(aff, ",;，—– "))
	p, ok := parseName(name)
	if !ok {
		return nil, false
	}
	if aff != "" {
		if p.Affiliation != "" {
			p.Affiliation += ", "
		}
		p.Affiliation += aff
	}
	p.Role, p.Pos, p.Why = role, pos, "attendance: "+why
	return []model.Participant{p}, true
}

// fullStop is the byte offset of the first ". " in s that ends more than an initial: the
// stop of "Roy T. Fielding" is inside the name, that of "Lam Chau. ML systems" after it.
// -1 when there is none.
func fullStop(s string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], ". ")
		if i < 0 {
			return -1
		}
		i += from
		word := s[strings.LastIndexAny(s[:i], " \t")+1 : i]
		if utf8.RuneCountInString(word) != 1 {
			return i
		}
		from = i + 2
	}
}

// maskParens returns s with every byte inside parentheses replaced by "x", at the same
// offsets: the comma of "Ana C (Paris Tech, CNRS)" is inside the affiliation, not after the
// name, and so is the full stop of a remark in parentheses.
func maskParens(s string) string {
	b := []byte(s)
	depth := 0
	for i, r := range s {
		switch {
		case r == '(' || r == '（':
			depth++
		case (r == ')' || r == '）') && depth > 0:
			depth--
		case depth > 0:
			for k := 0; k < utf8.RuneLen(r); k++ {
				b[i+k] = 'x'
			}
		}
	}
	return string(b)
}

// isShortLabel reports a group or role label: a few words, no sentence end.
func isShortLabel(s string) bool {
	s = strings.TrimRight(s, ":：")
	return s != "" && len(strings.Fields(s)) <= 5 && !strings.ContainsAny(s, ".!?。")
}

// nameSeps split a line of names: commas and semicolons of every script, and "and" words.
var nameSeps = lazyre.New(`\s*(?:[,;，；、،]|\s(?:and|et|y|e|и|و)\s|和|与)\s*`)

// namesOfLine reads a line that lists names ("Ana, Bo and Chen", "Jeremy Tandy (JT),
// Met Office") with role. "none", "-" and "N/A" are an empty list. It reports false when
// any part is not a name.
func (pc *partCollector) namesOfLine(line string, role model.Role, pos model.Pos, why string) ([]model.Participant, bool) {
	line = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(line), ".。"))
	switch strings.ToLower(line) {
	case "", "-", "–", "none", "n/a", "na", "nobody", "aucun", "aucune", "ninguno", "нет", "无":
		return nil, true
	}
	// "Name, role — address": one person with an affiliation, not two names.
	if p, ok := personWithRole(line); ok {
		p.Role, p.Pos, p.Why = role, pos, "attendance: "+why
		return []model.Participant{p}, true
	}
	var out []model.Participant
	for _, part := range nameSeps.Split(line, -1) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		p, ok := parseName(part)
		if !ok {
			return nil, false
		}
		p.Role, p.Pos, p.Why = role, pos, "attendance: "+why
		out = append(out, p)
	}
	return out, len(out) > 0
}

// nameSepStart is where nameSeps first matches in s (-1 nowhere), found without the
// regular expression, which was most of the cost of refusing a paragraph of prose
// with brackets: the first separator proper (a comma, "和", a spaced "and"), moved back
// over the white space (\s: ASCII only) before it. FuzzNameSepStart holds it to nameSeps.
func nameSepStart(s string) int {
	for q := 0; q < len(s); q++ {
		switch c := s[q]; {
		case c == ',' || c == ';':
		case c >= utf8.RuneSelf:
			if !hasAnyPrefix(s[q:], "，", "；", "、", "،", "和", "与") {
				continue
			}
		case reSpace(c):
			if !sepWordAt(s, q+1) {
				continue
			}
		default:
			continue
		}
		for q > 0 && reSpace(s[q-1]) {
			q--
		}
		return q
	}
	return -1
}

// reSpace reports the bytes \s matches in a regular expression.
func reSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// sepWordAt reports one of the words of nameSeps ("and", "et", "и") at s[i:], then \s.
func sepWordAt(s string, i int) bool {
	for _, w := range [...]string{"and", "et", "y", "e", "и", "و"} {
		if n := i + len(w); n < len(s) && s[i:n] == w && reSpace(s[n]) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// reAddress matches what follows a name and is dropped: a mail address or link, with the
// dash before it.
var reAddress = lazyre.New(`\s*(?:[—–-]\s*)?(?:mailto:)?[\w.+-]+@[\w.-]+\.\w+\s*$|\s*[—–-]?\s*https?://\S+\s*$`)

// personWithRole reads "Name, role — address" and "Name — address": one name, an
// affiliation after the first comma, an address dropped. Only lines with an address or a
// dash qualify: a plain comma list is several names.
func personWithRole(line string) (model.Participant, bool) {
	if !reAddress.MatchString(line) && !strings.ContainsAny(line, "—–") {
		return model.Participant{}, false
	}
	line = strings.TrimSpace(reAddress.ReplaceAllString(line, ""))
	name, aff, _ := strings.Cut(line, ",")
	if i := strings.IndexAny(name, "—–"); i >= 0 {
		_, size := utf8.DecodeRuneInString(name[i:])
		name, aff = name[:i], strings.TrimSpace(name[i+size:])+aff
	}
	p, ok := parseName(strings.TrimSpace(name))
	if !ok {
		return model.Participant{}, false
	}
	if a := strings.TrimSpace(aff); a != "" {
		if p.Affiliation != "" {
			p.Affiliation += ", "
		}
		p.Affiliation += a
	}
	return p, true
}

// reParens matches a trailing "(…)" after a name.
var reParens = lazyre.New(`^(.*?)\s*[(（]([^()（）]*)[)）]\s*$`)

// parseName reads one name with optional "(INITIALS)" or "(affiliation)". A name is one
// to six words (a nickname, "TallTed", counts), or up to twelve characters of a script
// without spaces, with no sentence inside.
func parseName(s string) (model.Participant, bool) {
	s = strings.TrimSpace(strings.Trim(s, "*_"))
	var p model.Participant
	if m := reParens.FindStringSubmatch(s); m != nil && m[1] != "" {
		s = strings.TrimSpace(m[1])
		inner := strings.TrimSpace(m[2])
		if isInitials(inner) {
			p.Initials = inner
		} else {
			p.Affiliation = inner
		}
	}
	s = strings.TrimSpace(strings.TrimSuffix(s, "_"))
	if !nameLike(s) {
		return model.Participant{}, false
	}
	p.Name = s
	return p, true
}

// isInitials reports "JT", "RGr", "AWB": two to five letters, starting with two capitals or
// all capitals.
func isInitials(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 5 {
		return false
	}
	caps := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return caps >= 2
}

// nameLike reports text that can be a person's or a delegation's name.
func nameLike(s string) bool {
	if s == "" || strings.ContainsAny(s, ":：?!;") || strings.Contains(s, "://") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	words := strings.Fields(s)
	cjk := 0
	for _, r := range s {
		if isCJKRune(r) {
			cjk++
		}
	}
	if cjk > 0 {
		return cjk <= 12 && len(words) <= 3
	}
	if len(words) > 6 {
		return false
	}
	// Sentences have function words in lower case; names have at most particles ("de",
	// "van") and are capitalised, unless the whole entry is one nickname ("wendy").
	lower := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			lower++
		}
	}
	return len(words) == 1 || lower*2 < len(words)
}

// isCJKRune reports ideographs, kana and hangul.
func isCJKRune(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}

// initialsLine reads a line of three or more "Name (INITIALS)" entries, the attendance
// form of standards meetings, with no label.
func (pc *partCollector) initialsLine(text string, pos model.Pos) ([]model.Participant, bool) {
	// Each of three entries has its initials in brackets: a paragraph with fewer opening
	// brackets is not such a line, and is not split (splitting every paragraph of a long
	// document with nameSeps was a third of the time it took to read).
	if strings.Count(text, "(")+strings.Count(text, "（") < 3 {
		return nil, false
	}
	// The first entry decides, before the whole paragraph is split: a paragraph of prose
	// with brackets (or one of megabytes) is refused after its first separator, and
	// before any regular expression when the entry does not end with its initials'
	// bracket (parseName reads initials only there).
	first := nameSepStart(text)
	if first < 0 {
		return nil, false
	}
	if e := strings.TrimSpace(strings.Trim(text[:first], "*_")); !strings.HasSuffix(e, ")") && !strings.HasSuffix(e, "）") {
		return nil, false
	}
	if p, ok := parseName(text[:first]); !ok || p.Initials == "" {
		return nil, false
	}
	parts := nameSeps.Split(strings.TrimRight(text, "."), -1)
	if len(parts) < 3 {
		return nil, false
	}
	var out []model.Participant
	for _, part := range parts {
		p, ok := parseName(part)
		if !ok || p.Initials == "" {
			return nil, false
		}
		p.Role, p.Pos, p.Why = model.RolePresent, pos, "attendance: a line of names with their initials"
		out = append(out, p)
	}
	return out, true
}

// table takes label and value cells of attendance ("Note taker: | Cristina") out of a
// table, and drops the rows left with nothing else.
func (pc *partCollector) table(t *model.Table) {
	rows := t.Rows[:0]
	for _, row := range t.Rows {
		rest := 0
		taken := make([]bool, len(row))
		for c := 0; c+1 < len(row); c++ {
			label := strings.TrimSpace(model.PlainText(row[c]))
			if !strings.HasSuffix(label, ":") && !strings.HasSuffix(label, "：") {
				continue
			}
			k := pc.v.kind(strings.TrimRight(label, ":："))
			if k.role() == "" {
				continue
			}
			why := fmt.Sprintf("names only, in the table cell after %q", label)
			if ps, ok := pc.namesOfLine(model.PlainText(row[c+1]), k.role(), t.Pos, why); ok {
				pc.add(ps)
				taken[c], taken[c+1] = true, true
				c++
			}
		}
		for c, cell := range row {
			if !taken[c] && strings.TrimSpace(model.PlainText(cell)) != "" {
				rest++
			}
		}
		if rest > 0 {
			rows = append(rows, row)
		}
	}
	t.Rows = rows
}
