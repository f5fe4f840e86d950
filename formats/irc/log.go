package irc

import (
	"strings"

	"github.com/scribe-un/scribe/formats/internal/chat"
	"github.com/scribe-un/scribe/internal/lazyre"
)

var (
	// isoStamp opens a line with an ISO 8601 timestamp, bracketed or not:
	// "[2021-10-19T18:58:56.342Z]", "2021-10-19 18:58:56".
	isoStamp = lazyre.New(`^\[?(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\]?[\s|]+`)
	// clockStamp opens a line with a time of day: "[12:01]", "12:01:33", "[12:01:33 PM]".
	clockStamp = lazyre.New(`^\[?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?\]?[\s|]+`)
	// bracketNick is "<nick> text" (mode prefixes @ + % ~ & allowed).
	bracketNick = lazyre.New(`^<[@+%~&]?([^<>\s]{1,64})>[\s]*(.*)$`)
	// colonNick is "nick: text" with a nick of one word.
	colonNick = lazyre.New(`^([^\s:<>\[\]]{1,40}):[ \t]+(\S.*)$`)
	// bareNick is "nick text" after a timestamp.
	bareNick = lazyre.New(`^([^\s:<>\[\]*]{1,40})[ \t]+(\S.*)$`)
	// actionLine is "* nick does something".
	actionLine = lazyre.New(`^\*\s+([^\s*]{1,64})\s+(.*)$`)
	// serverLine opens the messages a client or server prints about the channel.
	serverLine = lazyre.New(`^(?:\*\*\*|-!-|--[>-]?|<--|==|=-=|-\w+-|\*\s+(?:Now talking|Topic for|Topic \(|Disconnected|Connected|Mode|Retrieving|Day changed|Log))`)
	// joinPart are the phrases of join, part, quit, mode and nick-change notices.
	joinPart = lazyre.New(`(?i)\b(?:has joined|has left|has quit|joined the channel|left the channel|joined #|left #|quit \(|is now known as|sets mode|set mode|changed (?:the )?topic|was kicked|has changed mode|day changed)\b`)
)

// logLine is one line of a log, parsed.
type logLine struct {
	stamped bool   // it opens with a timestamp
	date    string // the date of an ISO timestamp
	nick    string // "" for a continuation or a notice
	text    string
	action  bool
	noise   bool // a join, part, quit, mode or nick-change notice, or a client's message
}

// logMode says what marks a message in a log, and so what a line without it is.
type logMode int

const (
	// stampedLog: messages open with a timestamp; other lines continue the message above.
	stampedLog logMode = iota
	// bracketLog: messages open with "<nick>" and no timestamps are used.
	bracketLog
	// pastedLog: a chat paste, "nick: text" lines.
	pastedLog
)

// modeOf decides how a log marks its messages, from how many lines open with a
// timestamp or a <nick>.
func modeOf(lines []string) logMode {
	stamped, bracketed := 0, 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case isoStamp.MatchString(t) || clockStamp.MatchString(t):
			stamped++
		case bracketNick.MatchString(t):
			bracketed++
		}
	}
	switch {
	case stamped > 0 && stamped >= bracketed:
		return stampedLog
	case bracketed > 0:
		return bracketLog
	}
	return pastedLog
}

// parseLogLine reads one line of a chat log.
func parseLogLine(s string, mode logMode) logLine {
	var l logLine
	if m := isoStamp.FindStringSubmatch(s); m != nil {
		l.stamped, l.date, s = true, m[1], s[len(m[0]):]
	} else if m := clockStamp.FindString(s); m != "" {
		l.stamped, s = true, s[len(m):]
	}
	s = strings.TrimSpace(s)
	// In a stamped log a line without a stamp continues a message, whatever it looks like
	// ("   * Test-driven?" in a pasted list).
	marked := l.stamped || mode != stampedLog
	switch {
	case s == "":
		return l
	case !marked:
		l.text = s
	case bracketNick.MatchString(s):
		m := bracketNick.FindStringSubmatch(s)
		l.nick, l.text = m[1], m[2]
	case serverLine.MatchString(s):
		l.noise = true
	case actionLine.MatchString(s):
		m := actionLine.FindStringSubmatch(s)
		if joinPart.MatchString(s) {
			l.noise = true
			break
		}
		l.nick, l.text, l.action = m[1], m[2], true
	case (l.stamped || mode == pastedLog) && colonNick.MatchString(s):
		m := colonNick.FindStringSubmatch(s)
		l.nick, l.text = m[1], m[2]
	case l.stamped && joinPart.MatchString(s):
		l.noise = true
	case l.stamped && bareNick.MatchString(s):
		m := bareNick.FindStringSubmatch(s)
		l.nick, l.text = m[1], m[2]
	default:
		l.text = s
	}
	return l
}

// logEntries reads a chat log into entries: each message with its nick; lines without a
// timestamp or nick continue the message above (a paste over several lines); notices are
// dropped. The date of the first ISO timestamp is returned too.
func logEntries(lines []string) (entries []chat.Entry, date string, dropped int) {
	mode := modeOf(lines)
	for i, s := range lines {
		l := parseLogLine(s, mode)
		if date == "" && l.date != "" {
			date = l.date
		}
		switch {
		case l.noise:
			dropped++
		case l.nick != "":
			entries = append(entries, chat.Entry{Nick: l.nick, Text: l.text, Line: i + 1, Action: l.action})
		case strings.TrimSpace(l.text) == "":
		case len(entries) > 0 && (!l.stamped || mode == pastedLog):
			entries[len(entries)-1].Text += "\n" + l.text
		default:
			entries = append(entries, chat.Entry{Text: l.text, Line: i + 1})
		}
	}
	return entries, date, dropped
}
