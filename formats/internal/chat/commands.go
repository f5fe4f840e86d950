package chat

import (
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
)

// commandKind is what a message that is a command does.
type commandKind int

const (
	cmdNone       commandKind = iota
	cmdNoise                  // queue and bot commands: dropped
	cmdPresent                // present+ [names]
	cmdAbsent                 // present- [names]
	cmdRegrets                // regrets+ names
	cmdScribe                 // scribe+ [nick], scribe: name, scribenick: nick
	cmdScribeOff              // scribe- [nick]
	cmdChair                  // chair: names, #chair names
	cmdAgenda                 // agenda: url, agenda+ item
	cmdMeeting                // meeting: title, #startmeeting title
	cmdDate                   // date: text
	cmdTopic                  // topic: text, #topic text
	cmdSubtopic               // subtopic: text
	cmdCorrection             // s/old/new/
	cmdLabelled               // #agreed, #action, #info…: a line with its label
)

// command is a recognised command and its argument.
type command struct {
	kind commandKind
	arg  string
	// label is the printed label of a cmdLabelled line ("Agreed", "ACTION").
	label string
	// old, new and all describe a correction.
	old, new string
	all      bool
}

var (
	presentRe    = lazyre.New(`(?i)^present\s*([-+:])\s*(.*)$`)
	regretsRe    = lazyre.New(`(?i)^regrets?\s*[+:]\s*(.*)$`)
	scribeRe     = lazyre.New(`(?i)^scribe(?:nick)?\s*([-+:])\s*(.*)$`)
	chairRe      = lazyre.New(`(?i)^(?:chairs?\s*[:+]|#chair\b)\s*(.*)$`)
	agendaRe     = lazyre.New(`(?i)^agenda\s*[:+]\s*(.*)$`)
	meetingRe    = lazyre.New(`(?i)^(?:meeting\s*:|#startmeeting\b|#meetingname\b|#meetingtopic\b)\s*(.*)$`)
	dateRe       = lazyre.New(`(?i)^date\s*:\s*(.+)$`)
	topicRe      = lazyre.New(`(?i)^(?:topic\s*:|#topic\b)\s*(.+)$`)
	subtopicRe   = lazyre.New(`(?i)^sub-?topic\s*:\s*(.+)$`)
	correctionRe = lazyre.New(`^s([/|])(.+?)([/|])(.*?)(?:[/|](g?))?$`)
	meetbotRe    = lazyre.New(`(?i)^#(agreed|agree|action|info|link|idea|help|accepted|rejected)\b\s*(.*)$`)
	// noiseRe matches queue handling and commands to the meeting bots.
	noiseRe = lazyre.New(`(?i)^(?:q\s*[-+?=]|queue\s*[-+=]|ack\b|zakim\b|rrsagent\b|trackbot\b|agendabot\b|github-bot\b|ghurlbot\b|meetbot\b|#endmeeting\b|#undo\b|#nick\b|#save\b|#commands\b)`)
)

// bots are the nicks of meeting bots, whose messages are about the meeting tooling.
var bots = map[string]bool{
	"zakim": true, "rrsagent": true, "trackbot": true, "agendabot": true, "github-bot": true,
	"ghurlbot": true, "meetbot": true, "chanserv": true, "nickserv": true, "w3c_bot": true,
}

// IsBot reports the nick of a meeting bot (Zakim, RRSAgent, MeetBot…), whose messages are
// about the meeting's tooling and are left out of the report.
func IsBot(nick string) bool {
	return bots[strings.ToLower(strings.TrimRight(strings.TrimSpace(nick), "_"))]
}

// labels are the MeetBot commands kept as labelled lines, with their printed label.
var labels = map[string]string{
	"agreed": "AGREED", "agree": "AGREED", "accepted": "AGREED", "rejected": "REJECTED",
	"action": "ACTION", "info": "", "link": "", "idea": "", "help": "",
}

// parseCommand recognises a command in a message's text.
func parseCommand(t string) command {
	switch {
	case noiseRe.MatchString(t):
		return command{kind: cmdNoise}
	case presentRe.MatchString(t):
		m := presentRe.FindStringSubmatch(t)
		if m[1] == "-" {
			return command{kind: cmdAbsent, arg: m[2]}
		}
		return command{kind: cmdPresent, arg: m[2]}
	case regretsRe.MatchString(t):
		return command{kind: cmdRegrets, arg: regretsRe.FindStringSubmatch(t)[1]}
	case scribeRe.MatchString(t):
		m := scribeRe.FindStringSubmatch(t)
		if m[1] == "-" {
			return command{kind: cmdScribeOff, arg: m[2]}
		}
		return command{kind: cmdScribe, arg: m[2]}
	case chairRe.MatchString(t):
		return command{kind: cmdChair, arg: chairRe.FindStringSubmatch(t)[1]}
	case agendaRe.MatchString(t):
		return command{kind: cmdAgenda, arg: agendaRe.FindStringSubmatch(t)[1]}
	case meetingRe.MatchString(t):
		return command{kind: cmdMeeting, arg: meetingRe.FindStringSubmatch(t)[1]}
	case dateRe.MatchString(t):
		return command{kind: cmdDate, arg: dateRe.FindStringSubmatch(t)[1]}
	case subtopicRe.MatchString(t):
		return command{kind: cmdSubtopic, arg: subtopicRe.FindStringSubmatch(t)[1]}
	case topicRe.MatchString(t):
		return command{kind: cmdTopic, arg: topicRe.FindStringSubmatch(t)[1]}
	case meetbotRe.MatchString(t):
		m := meetbotRe.FindStringSubmatch(t)
		return command{kind: cmdLabelled, label: labels[strings.ToLower(m[1])], arg: m[2]}
	}
	if m := correctionRe.FindStringSubmatch(t); m != nil && m[1] == m[3] {
		return command{kind: cmdCorrection, old: m[2], new: m[4], all: m[5] == "g"}
	}
	return command{}
}

// names splits a list of names typed after a command: commas, and spaces between single
// words ("present+ ana bo" names two people, "present+ Ana Silva, Bo" two as well).
func names(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var out []string
	if strings.Contains(s, ",") {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	fields := strings.Fields(s)
	capitalised := 0
	for _, f := range fields {
		if f[0] >= 'A' && f[0] <= 'Z' {
			capitalised++
		}
	}
	if len(fields) <= 3 && capitalised == len(fields) && len(fields) > 1 {
		return []string{strings.Join(fields, " ")} // "Ana Silva"
	}
	return fields
}
