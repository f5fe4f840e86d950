package irc

import (
	"strings"

	"github.com/scribe-un/scribe/formats/internal/chat"
	"github.com/scribe-un/scribe/internal/lazyre"
)

var (
	// ruleLine is a line of dashes or equals signs separating an e-mail's cover text from
	// the minutes.
	ruleLine = lazyre.New(`^\s*(?:-{10,}|={10,})\s*$`)
	// headerField is a header label alone on its line ("Present:"), its value indented below.
	headerField = lazyre.New(`^([A-Z][A-Za-z ]{1,30}):\s*(.*)$`)
	// topicLine is a "Topic:" line of text minutes.
	topicLine = lazyre.New(`(?m)^Topic:\s+\S`)
	// numberedTopic is an item of the Topics field: "1. Introductions".
	numberedTopic = lazyre.New(`^\d+\.\s+`)
)

// looksLikeMinutes reports W3C scribe minutes sent as text: "Topic:" lines at the left
// margin and at least two other marks of the scribe tools: a header field such as
// "Present:" or "Scribe:" with its value indented below, "<nick>" side-chatter lines, or
// indented "..." continuations.
func looksLikeMinutes(lines []string) bool {
	text := strings.Join(lines, "\n")
	if !topicLine.MatchString(text) {
		return false
	}
	marks := 0
	seen := map[string]bool{}
	for i, l := range lines {
		switch {
		case (l == "Present:" || l == "Scribe:" || l == "Regrets:" || l == "Chair:" || l == "Agenda:") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "  "):
			if !seen[l] {
				seen[l] = true
				marks++
			}
		case strings.HasPrefix(l, "<") && bracketNick.MatchString(l) && !seen["nick"]:
			seen["nick"] = true
			marks++
		case strings.HasPrefix(l, "  ... ") && !seen["..."]:
			seen["..."] = true
			marks++
		}
	}
	return marks >= 2
}

// minutesEntries reads W3C minutes in text: cover text above a rule (kept as the scribe's
// lines), the title line, header fields ("Present:" with the names indented below) read as
// the scribe commands they come from, then the minutes, where a line at the left margin
// opens an entry, indented lines continue it (hanging indents of hard-wrapped text), and
// an indented "..." line is a continuation entry of its own.
func minutesEntries(lines []string) (entries []chat.Entry, title string, titleLine int) {
	rule := -1
	for i, l := range lines {
		if ruleLine.MatchString(l) {
			rule = i
			break
		}
		if topicLine.MatchString(l) {
			break
		}
	}
	start := 0
	if rule >= 0 {
		entries = append(entries, paragraphs(lines[:rule], 0)...)
		start = rule + 1
		for start < len(lines) && strings.TrimSpace(lines[start]) == "" {
			start++
		}
		if start < len(lines) && !headerField.MatchString(lines[start]) {
			title, titleLine = strings.TrimSpace(lines[start]), start+1
			start++
		}
	}
	i := start
	for i < len(lines) {
		l := lines[i]
		if strings.TrimSpace(l) == "" {
			i++
			continue
		}
		m := headerField.FindStringSubmatch(l)
		if m == nil || strings.TrimSpace(m[2]) != "" || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], " ") {
			break
		}
		j := i + 1
		var values []string
		for j < len(lines) && strings.HasPrefix(lines[j], " ") && strings.TrimSpace(lines[j]) != "" {
			values = append(values, strings.TrimSpace(lines[j]))
			j++
		}
		if strings.EqualFold(m[1], "topics") && topicsRepeated(values, lines[j:]) {
			// The list of topics is the minutes' table of contents: every topic is a
			// heading below.
			i = j
			continue
		}
		entries = append(entries, headerEntry(m[1], values, i+1))
		i = j
	}
	var cur *chat.Entry
	flush := func() {
		if cur != nil {
			entries = append(entries, *cur)
			cur = nil
		}
	}
	for ; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \t")
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(l, " ") && (strings.HasPrefix(t, "...") || strings.HasPrefix(t, "…")):
			flush()
			cur = &chat.Entry{Text: t, Line: i + 1}
		case strings.HasPrefix(l, " ") && cur != nil:
			cur.Text += " " + t
		default:
			flush()
			cur = &chat.Entry{Text: t, Line: i + 1}
		}
	}
	flush()
	return entries, title, titleLine
}

// headerEntry turns a header field into the command a scribe would have typed, or a
// labelled line: Present, Regrets, Scribe and Chair set the roles; Topics is the agenda's
// list; other fields (Agenda, Organizer, Audio) are "Label: value" lines.
func headerEntry(label string, values []string, line int) chat.Entry {
	joined := strings.Join(values, " ")
	if cmd, ok := roleFields[strings.ToLower(label)]; ok {
		return chat.Entry{Text: cmd + ": " + joined, Line: line}
	}
	switch strings.ToLower(label) {
	case "topics":
		var b strings.Builder
		b.WriteString(label + ":")
		for _, v := range values {
			b.WriteString("\n* " + numberedTopic.ReplaceAllString(v, ""))
		}
		return chat.Entry{Text: b.String(), Line: line}
	}
	return chat.Entry{Text: label + ": " + joined, Line: line}
}

// topicsRepeated reports that every item of a Topics header field ("1. Introductions")
// is also a "Topic:" line of the minutes below it.
func topicsRepeated(values []string, body []string) bool {
	topics := map[string]bool{}
	for _, l := range body {
		if t, ok := strings.CutPrefix(l, "Topic:"); ok {
			topics[strings.ToLower(strings.Join(strings.Fields(t), " "))] = true
		}
	}
	for _, v := range values {
		v = strings.ToLower(strings.Join(strings.Fields(numberedTopic.ReplaceAllString(v, "")), " "))
		if v != "" && !topics[v] {
			return false
		}
	}
	return len(values) > 0
}

// roleFields maps the header fields that name roles to the scribe command setting them.
var roleFields = map[string]string{
	"present": "present", "attendees": "present", "regrets": "regrets", "chair": "chair",
	"chairs": "chair", "scribe": "scribe", "scribes": "scribe", "agenda": "agenda",
}

// paragraphs reads free text (an e-mail's cover) into one entry per paragraph.
func paragraphs(lines []string, first int) []chat.Entry {
	var out []chat.Entry
	var cur []string
	at := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, chat.Entry{Text: strings.Join(cur, " "), Line: at})
			cur = nil
		}
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			flush()
			continue
		}
		if len(cur) == 0 {
			at = first + i + 1
		}
		cur = append(cur, t)
	}
	flush()
	return out
}
