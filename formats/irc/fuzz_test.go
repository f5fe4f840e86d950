package irc

import (
	"regexp"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/formats/internal/chat"
	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
)

// FuzzRead feeds arbitrary logs to the reader: it never panics; it fails only with its
// documented errors; every block has a position; and nothing is lost: every word outside
// what the reader drops (timestamps, notices, queue and bot commands, bots' messages,
// command words, corrected text, header labels) is in the model.
func FuzzRead(f *testing.F) {
	fuzzdoc.AddFiles(f, "testdata/*", "../../testdata/corpus/*.log", "../../testdata/real/*.log")
	f.Add([]byte("[12:01] <ana> present+\n[12:02] <bo> scribe+\n[12:03] <bo> ana: hi\n[12:04] <bo> ... more\n<c> +1\n<d> +1\n"))
	f.Add([]byte(minutes))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckRead(t, NewReader(), "f.log", data, droppable)
	})
}

var (
	stampRe       = regexp.MustCompile(`(?m)^\[?\d{4}-\d{2}-\d{2}[T ]\S*|\[?\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?\]?`)
	commandRe     = regexp.MustCompile(`(?i)^(?:q\s*[-+?=]|queue\s*[-+=]|ack\b|zakim\b|rrsagent\b|trackbot\b|agendabot\b|github-bot\b|ghurlbot\b|meetbot\b|#endmeeting\b|#undo\b|#nick\b|#save\b|#commands\b|present\s*-|scribe(?:nick)?\s*-|s[/|])`)
	keywordRe     = regexp.MustCompile(`(?i)(?:scribe(?:nick)?|present|regrets?|chairs?|agenda|meeting|date|sub-?topic|topic|#startmeeting|#meetingname|#meetingtopic|#chair|#topic|#agreed|#agree|#action|#info|#link|#idea|#help|#accepted|#rejected)\s*[-+:]?`)
	keywordStart  = regexp.MustCompile(`(?i)^` + keywordRe.String())
	correctRe     = regexp.MustCompile(`s([/|])(.+?)[/|]`)
	headerRe      = regexp.MustCompile(`(?m)^[A-Z][A-Za-z ]{1,30}:\s*$`)
	topicNumberRe = regexp.MustCompile(`(?m)^\s+\d+\.\s`)
)

// droppable removes from a log what the reader may drop, generously: each line's
// timestamp, notices and commands, bots' lines, command keywords and the text corrections
// replace; the property checks that everything else survives.
func droppable(text string) string {
	var out []string
	var corrected []string
	lines := splitLines(text)
	mode := modeOf(lines)
	for _, l := range lines {
		pl := parseLogLine(l, mode)
		msg := strings.TrimSpace(pl.text)
		switch {
		case pl.noise, pl.nick != "" && (chat.IsBot(pl.nick) || msg == ""):
			continue
		case commandRe.MatchString(msg):
			if m := correctRe.FindStringSubmatch(msg); m != nil {
				corrected = append(corrected, m[2])
			}
			continue
		}
		if pl.nick != "" && keywordStart.MatchString(msg) {
			out = append(out, msg) // a command: who typed it is not part of the minutes
			continue
		}
		out = append(out, stampRe.ReplaceAllString(l, " "))
	}
	s := strings.Join(out, "\n")
	s = keywordRe.ReplaceAllString(s, " ")
	s = headerRe.ReplaceAllString(s, " ")
	s = topicNumberRe.ReplaceAllString(s, " ")
	for _, c := range corrected {
		s = strings.ReplaceAll(s, c, " ")
	}
	return s
}
