package serve

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Line is one line of the source as the review page shows it: its text and what scribe
// made of it.
type Line struct {
	// N is the line number in the source (1-based); 0 for formats without lines (Word),
	// whose lines are then the blocks themselves.
	N    int    `json:"n"`
	Text string `json:"text"`
	// Class is what the line became: "heading", "paragraph" (numbered), "decision" and
	// "action" (numbered too), "unnumbered", "subparagraph", "quotation", "note", "table",
	// "preformatted", "masthead", "attendance" (a participant; Kind is the role),
	// "metadata" (front matter), "blank", "dropped" (nothing of it is in the report), or the
	// type of a block this list does not name yet.
	Class string `json:"class"`
	// Kind refines the class where the model says more (the masthead line's kind: "venue",
	// "date"…).
	Kind string `json:"kind,omitempty"`
	// Label is the printed number ("II.", "12.", "(a)").
	Label string `json:"label,omitempty"`
	// Level is a heading's level or a subparagraph's depth.
	Level int `json:"level,omitempty"`
	// Why is the reason scribe gives (what `scribe inspect` prints).
	Why string `json:"why,omitempty"`
	// Block is the id of the block the line belongs to; First marks its first line (later
	// lines continue it).
	Block   string `json:"block,omitempty"`
	First   bool   `json:"first,omitempty"`
	Speaker string `json:"speaker,omitempty"`
}

// anchor is a node of the model that starts at a source line.
type anchor struct {
	line Line
	// text is the node's plain text, to tell a continuation line from a dropped one.
	text string
}

// anchors lists what starts where, in document order: masthead lines, then every heading,
// paragraph, subparagraph, quotation paragraph, note and table.
func anchors(doc *model.Document) []anchor {
	var out []anchor
	add := func(pos model.Pos, l Line, text string) {
		l.N = pos.Line
		out = append(out, anchor{line: l, text: text})
	}
	for _, f := range doc.Front {
		add(f.Pos, Line{Class: frontClass(string(f.Kind)), Kind: string(f.Kind), Why: f.Why}, f.Text)
	}
	for _, p := range doc.Meta.Participants {
		add(p.Pos, Line{Class: "attendance", Kind: string(p.Role), Why: p.Why}, p.Name+" "+p.Initials+" "+p.Affiliation)
	}
	var walk func(blocks []model.Block, why string)
	walk = func(blocks []model.Block, why string) {
		for _, b := range blocks {
			switch n := b.(type) {
			case *model.Heading:
				add(n.Pos, Line{Class: "heading", Label: n.Number.Label, Level: n.Level, Why: n.Why, Block: n.ID}, model.PlainText(n.Inlines))
			case *model.Paragraph:
				cls := "paragraph"
				switch {
				case n.Kind != "":
					cls = string(n.Kind) // "decision", "action"
				case !n.Numbered:
					cls = "unnumbered"
				}
				w := n.Why
				if w == "" {
					w = why
				}
				add(n.Pos, Line{Class: cls, Label: n.Number.Label, Why: w, Block: n.ID, Speaker: n.Speaker}, model.PlainText(n.Inlines))
				walk(n.Children, "")
			case *model.List:
				for _, it := range n.Items {
					add(it.Pos, Line{Class: "subparagraph", Label: it.Number.Label, Level: n.Depth, Why: n.Why, Block: it.ID}, model.PlainText(it.Inlines))
					walk(it.Children, "")
				}
			case *model.ListItem:
				add(n.Pos, Line{Class: "subparagraph", Label: n.Number.Label, Block: n.ID}, model.PlainText(n.Inlines))
				walk(n.Children, "")
			case *model.Quote:
				for _, p := range n.Paragraphs {
					add(p.Pos, Line{Class: "quotation", Label: p.Number.Label, Why: n.Why, Block: p.ID}, model.PlainText(p.Inlines))
				}
			case *model.Note:
				add(n.Pos, Line{Class: "note", Why: n.Why, Block: n.ID}, model.PlainText(n.Inlines))
			case *model.Preformatted:
				add(n.Pos, Line{Class: "preformatted", Why: n.Why, Block: n.ID}, n.Text)
			case *model.Attendance:
				// Built from the participants, whose own lines are marked above.
			case *model.Annex:
				walk(n.Blocks, "")
			case *model.Table:
				var text []string
				for _, row := range n.Rows {
					for _, c := range row {
						text = append(text, model.PlainText(c))
					}
				}
				add(n.Pos, Line{Class: "table", Block: n.ID}, strings.Join(text, " "))
			default:
				add(b.Position(), otherBlock(b), "")
			}
		}
	}
	walk(doc.Blocks, "")
	return out
}

// frontClass maps a masthead line's kind to its class: attendance lists apart, the rest
// (venue, date, title, symbol) is masthead.
func frontClass(kind string) string {
	k := strings.ToLower(kind)
	for _, w := range []string{"attend", "particip", "present", "absent", "regrets", "chair", "secretar", "guest"} {
		if strings.Contains(k, w) {
			return "attendance"
		}
	}
	return "masthead"
}

// otherBlock describes a block this package does not know by its Go type, from its JSON
// form, which every block has: its type, number, reason and id.
func otherBlock(b model.Block) Line {
	var v struct {
		Type   string       `json:"type"`
		Number model.Number `json:"number"`
		Why    string       `json:"why"`
		ID     string       `json:"id"`
	}
	if data, err := json.Marshal(b); err == nil {
		json.Unmarshal(data, &v)
	}
	if v.Type == "" {
		v.Type = "block"
	}
	return Line{Class: v.Type, Label: v.Number.Label, Why: v.Why, Block: v.ID}
}

// sourceLines classifies every line of a text source. A line where a node starts takes
// the node's class; a following line whose words are in that node continues it; a line
// that is in nothing the report prints is dropped.
func sourceLines(text []string, doc *model.Document) []Line {
	byLine := map[int]anchor{}
	for _, a := range anchors(doc) {
		if _, taken := byLine[a.line.N]; !taken && a.line.N > 0 {
			byLine[a.line.N] = a
		}
	}
	fm := frontMatterLines(text)
	out := make([]Line, len(text))
	var cur *anchor
	var curText string
	for i, t := range text {
		n := i + 1
		l := Line{N: n, Text: t}
		switch a, ok := byLine[n]; {
		case n <= fm:
			l.Class = "metadata"
			l.Why = "front matter: metadata for the masthead"
		case ok:
			l = a.line
			l.N, l.Text, l.First = n, t, true
			cur, curText = &a, letters(a.text)
		case strings.TrimSpace(t) == "":
			l.Class = "blank"
		case cur != nil && continues(curText, t):
			l = cur.line
			l.N, l.Text = n, t
		default:
			l.Class = "dropped"
			l.Why = "dropped: nothing of this line is in the report"
			cur = nil
		}
		out[i] = l
	}
	return out
}

// blockLines lists the blocks of a source without lines (Word) as the page's lines.
func blockLines(doc *model.Document) []Line {
	var out []Line
	for _, a := range anchors(doc) {
		l := a.line
		l.N, l.Text, l.First = 0, a.text, true
		out = append(out, l)
	}
	return out
}

// continues reports whether a source line is part of a node whose text (letters only) is
// nodeText: its first letters occur in it.
func continues(nodeText, line string) bool {
	l := letters(line)
	if l == "" {
		return false
	}
	if len(l) > 24 {
		l = l[:24]
		for !utf8.ValidString(l) {
			l = l[:len(l)-1]
		}
	}
	return strings.Contains(nodeText, l)
}

// letters keeps the letters and digits of s, lower-cased, so that typography the
// normalizers change (quotes, dashes, spaces) does not matter when comparing.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// frontMatterLines is the number of lines of a YAML front-matter block opening the text
// ("---" … "---"), 0 when there is none.
func frontMatterLines(text []string) int {
	if len(text) == 0 || strings.TrimSpace(strings.TrimPrefix(text[0], "\uFEFF")) != "---" {
		return 0
	}
	for i := 1; i < len(text) && i < 200; i++ {
		if t := strings.TrimSpace(text[i]); t == "---" || t == "..." {
			return i + 1
		}
	}
	return 0
}

// decodeLines returns the source as lines of text, decoded as the notes readers decode
// (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252), split at LF, CRLF or
// CR. ok is false for binary data (a Word file).
func decodeLines(data []byte) (lines []string, ok bool) {
	var text string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text = string(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, false
		}
		text = string(out)
	case bytes.IndexByte(data, 0) >= 0:
		return nil, false
	case utf8.Valid(data):
		text = string(data)
	default:
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, false
		}
		text = string(out)
	}
	for len(text) > 0 {
		i := strings.IndexAny(text, "\r\n")
		if i < 0 {
			lines = append(lines, text)
			break
		}
		lines = append(lines, text[:i])
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		text = text[i+1:]
	}
	return lines, true
}
