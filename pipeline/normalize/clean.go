package normalize

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Clean puts all text in canonical form: Unicode NFC, no invisible bidi or control
// characters, one space between words (a typed no-break space survives where typography
// needs it), no spaces at block ends, adjacent runs of one kind merged, empty runs and
// empty blocks dropped. Metadata and front lines get the same treatment.
type Clean struct{}

// Name returns "clean".
func (Clean) Name() string { return "clean" }

// Apply cleans doc in place.
func (Clean) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	return run(ctx, "clean", doc, func() error {
		m := &doc.Meta
		for _, f := range []*string{&m.Title, &m.Body, &m.Symbol, &m.Distribution, &m.Date, &m.TimeStart, &m.TimeEnd,
			&m.Venue, &m.OriginalLang, &m.Lang, &m.Session, &m.AgendaItem, &m.Subtitle, &m.JobNumber} {
			*f = cleanLine(*f)
		}
		for k, v := range m.Extra {
			m.Extra[k] = cleanLine(v)
		}
		for _, byLang := range m.Localized {
			for lang, v := range byLang {
				byLang[lang] = cleanLine(v)
			}
		}
		parts := m.Participants[:0]
		for _, p := range m.Participants {
			p.Name, p.Initials, p.Affiliation = cleanLine(p.Name), cleanLine(p.Initials), cleanLine(p.Affiliation)
			if p.Name != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) == 0 {
			parts = nil
		}
		m.Participants = parts
		front := doc.Front[:0]
		for _, fl := range doc.Front {
			fl.Text = cleanLine(fl.Text)
			if fl.Text != "" {
				front = append(front, fl)
			}
		}
		if len(front) == 0 {
			front = nil
		}
		doc.Front = front
		// Nil blocks (a reader's bug) go first, so the walk below cannot trip on them.
		doc.Blocks = dropEmpty(doc.Blocks)
		eachInlines(doc.Blocks, cleanInlines)
		model.Walk(doc.Blocks, func(b model.Block) bool {
			switch n := b.(type) {
			case *model.Paragraph:
				n.Owner, n.Due = cleanLine(n.Owner), cleanLine(n.Due)
			case *model.Preformatted:
				n.Text = cleanPre(n.Text)
			}
			return true
		})
		doc.Blocks = dropEmpty(doc.Blocks)
		return nil
	})
}

// cleanLine cleans one string that stands alone (a metadata value, a front line).
func cleanLine(s string) string {
	return strings.TrimFunc(collapseSpaces(cleanChars(s)), isHSpace)
}

// cleanPre cleans preformatted text line by line, keeping its line breaks and the spaces
// that indent or align it: each line as cleanChars leaves it, without trailing space, and
// no blank lines at the ends.
func cleanPre(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(cleanChars(strings.ReplaceAll(l, "\t", "    ")), isHSpace)
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// cleanChars applies NFC and removes invisible controls (model.CleanChars): the same
// cleaning translated text gets when it comes back.
func cleanChars(s string) string { return model.CleanChars(s) }

// isHSpace reports horizontal white space inside a line: ordinary, no-break and the
// typographic spaces of U+2000–U+200A. The ideographic space U+3000 is not included: in
// Chinese text it is a deliberate full-width blank.
func isHSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == 0xA0 || r == 0x202F || (r >= 0x2000 && r <= 0x200A)
}

func isNoBreak(r rune) bool { return r == 0xA0 || r == 0x202F || r == 0x2007 }

// collapseSpaces turns each run of horizontal spaces into one. A single typed no-break
// space is kept (the author meant "Mr\u00a0Utsumi" or "10\u00a0000"); in a longer run
// (Word's ".  " after a full stop) a no-break space is kept only where typography needs
// one: before ; : ! ? » %, after «, or between digits. Everything else becomes ' '.
func collapseSpaces(s string) string {
	if s == "" {
		return s
	}
	if model.PrintableASCII(s) {
		// No tab, no space but ' ' and no invalid byte: only a double space collapses.
		if !strings.Contains(s, "  ") {
			return s
		}
	} else if !needsCollapse(s) {
		return s
	}
	return collapseRunes(s)
}

// collapseRunes is collapseSpaces without the check that it has anything to do.
func collapseRunes(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); {
		if !isHSpace(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		var nb rune
		for j < len(rs) && isHSpace(rs[j]) {
			if nb == 0 && isNoBreak(rs[j]) {
				nb = rs[j]
			}
			j++
		}
		switch {
		case nb == 0:
			b.WriteByte(' ')
		case j-i == 1:
			b.WriteRune(nb)
		default:
			var prev, next rune
			if i > 0 {
				prev = rs[i-1]
			}
			if j < len(rs) {
				next = rs[j]
			}
			if strings.ContainsRune(";:!?»%", next) || prev == '«' || (unicode.IsDigit(prev) && unicode.IsDigit(next)) {
				b.WriteRune(nb)
			} else {
				b.WriteByte(' ')
			}
		}
		i = j
	}
	return b.String()
}

// needsCollapse reports whether collapseSpaces would change s: two horizontal spaces in a
// row, a space other than ' ' and the no-break ones, or an invalid byte (which []rune
// turns into U+FFFD). A lone ' ' or no-break space is written back as it is.
func needsCollapse(s string) bool {
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if prevSpace {
					return true
				}
				prevSpace = true
			case '\t':
				return true
			default:
				prevSpace = false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return true
		}
		if isHSpace(r) {
			if prevSpace || !isNoBreak(r) {
				return true
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		i += n - 1
	}
	return false
}

// mergeable reports whether two adjacent runs print the same way and may become one.
func mergeable(a, b model.Inline) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case model.KindText, model.KindEmphasis, model.KindStrong, model.KindQuoted:
		return true
	case model.KindLink:
		return a.URL == b.URL
	}
	// Two symbols side by side are two documents; footnotes are separate notes.
	return false
}

// cleanInlines cleans the runs of one block: characters, spaces, merging, block-end trim.
func cleanInlines(ins []model.Inline) []model.Inline {
	if len(ins) == 0 {
		return ins
	}
	out := make([]model.Inline, 0, len(ins))
	for _, in := range ins {
		if in.Kind == model.KindFootnote {
			in.Note = cleanInlines(in.Note)
			if len(in.Note) == 0 && strings.TrimSpace(in.Text) == "" {
				continue
			}
			in.Text = cleanLine(in.Text)
			out = append(out, in)
			continue
		}
		in.Text = cleanChars(in.Text)
		if in.Text == "" {
			continue
		}
		if in.Kind == model.KindLink {
			// Readers ask the same question; a model built otherwise (JSON read back, a
			// library caller) gets it here.
			in = model.LinkRun(in.Text, in.URL, in.Line)
		}
		if n := len(out); n > 0 && mergeable(out[n-1], in) {
			out[n-1].Text += in.Text
			continue
		}
		out = append(out, in)
	}
	// Spaces are collapsed once runs are merged, then across the remaining run boundaries:
	// a space that ends one run and starts the next prints twice.
	for i := range out {
		if out[i].Kind != model.KindFootnote {
			out[i].Text = collapseSpaces(out[i].Text)
		}
	}
	for i := 1; i < len(out); i++ {
		prev := lastTextRun(out[:i])
		if prev < 0 || out[i].Kind == model.KindFootnote {
			continue
		}
		if endsHSpace(out[prev].Text) && startsHSpace(out[i].Text) {
			out[i].Text = strings.TrimLeftFunc(out[i].Text, isHSpace)
		}
	}
	// Trim the block ends, skipping over runs that trimming empties.
	for i := range out {
		if out[i].Kind == model.KindFootnote {
			continue
		}
		out[i].Text = strings.TrimLeftFunc(out[i].Text, isHSpace)
		if out[i].Text != "" {
			break
		}
	}
	for i := len(out) - 1; i >= 0; i-- {
		if out[i].Kind == model.KindFootnote {
			continue
		}
		out[i].Text = strings.TrimRightFunc(out[i].Text, isHSpace)
		if out[i].Text != "" {
			break
		}
	}
	// Dropping emptied runs may bring two runs of one kind together again.
	final := out[:0]
	for _, in := range out {
		if in.Kind != model.KindFootnote && in.Text == "" {
			continue
		}
		if n := len(final); n > 0 && mergeable(final[n-1], in) {
			final[n-1].Text = collapseSpaces(final[n-1].Text + in.Text)
			continue
		}
		final = append(final, in)
	}
	if len(final) == 0 {
		return nil
	}
	return final
}

// lastTextRun is the index of the last run before the end of ins that carries text.
func lastTextRun(ins []model.Inline) int {
	for i := len(ins) - 1; i >= 0; i-- {
		if ins[i].Kind != model.KindFootnote && ins[i].Text != "" {
			return i
		}
	}
	return -1
}

func endsHSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && isHSpace(r)
}

func startsHSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && isHSpace(r)
}

// dropEmpty removes blocks left without content, recursively. A paragraph with no text
// but with children (a list it introduced) is kept, so the children keep their parent.
func dropEmpty(blocks []model.Block) []model.Block {
	if blocks == nil {
		return nil
	}
	out := blocks[:0]
	for _, b := range blocks {
		if keepBlock(b) {
			out = append(out, b)
		}
	}
	// Clear the tail so dropped blocks are not kept alive by the backing array.
	for i := len(out); i < len(blocks); i++ {
		blocks[i] = nil
	}
	return out
}

func keepBlock(b model.Block) bool {
	switch n := b.(type) {
	case nil:
		return false
	case *model.Heading:
		if n == nil {
			return false
		}
		return len(n.Inlines) > 0
	case *model.Paragraph:
		if n == nil {
			return false
		}
		n.Children = dropEmpty(n.Children)
		return len(n.Inlines) > 0 || len(n.Children) > 0
	case *model.List:
		if n == nil {
			return false
		}
		items := n.Items[:0]
		for _, it := range n.Items {
			if it != nil && keepBlock(it) {
				items = append(items, it)
			}
		}
		n.Items = items
		return len(n.Items) > 0
	case *model.ListItem:
		if n == nil {
			return false
		}
		n.Children = dropEmpty(n.Children)
		return len(n.Inlines) > 0 || len(n.Children) > 0
	case *model.Quote:
		if n == nil {
			return false
		}
		ps := n.Paragraphs[:0]
		for _, p := range n.Paragraphs {
			if p != nil && keepBlock(p) {
				ps = append(ps, p)
			}
		}
		n.Paragraphs = ps
		return len(n.Paragraphs) > 0
	case *model.Note:
		if n == nil {
			return false
		}
		return len(n.Inlines) > 0
	case *model.Preformatted:
		return n != nil && strings.TrimSpace(n.Text) != ""
	case *model.Table:
		if n == nil {
			return false
		}
		rows := n.Rows[:0]
		for _, row := range n.Rows {
			empty := true
			for _, cell := range row {
				if len(cell) > 0 {
					empty = false
				}
			}
			if !empty {
				rows = append(rows, row)
			}
		}
		n.Rows = rows
		return len(n.Rows) > 0
	}
	return true
}
