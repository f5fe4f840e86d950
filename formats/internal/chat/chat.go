// Package chat turns the messages of a meeting held or minuted in a chat (an IRC log, a
// chat paste, W3C scribe minutes in text or HTML) into report blocks, by the conventions
// such meetings follow. The readers parse their format into Entries (who typed what, on
// which line); this package knows what the entries mean:
//
//   - One paragraph per turn: consecutive messages of one speaker are merged; a scribe's
//     "... text" line continues the turn being minuted; timestamps never reach the text.
//   - W3C scribe conventions: "present+", "regrets+", "scribe+", "chair:", "agenda:" and
//     "meeting:" commands gather the attendance and roles, printed first as labelled lines
//     ("Present: …", "Chair: …") for the inference to read like any attendance list; queue
//     commands ("q+", "ack"), bot commands and bots' messages are dropped; "Topic: X"
//     becomes a heading; a scribe's "speaker: text" line is a turn of that speaker, whose
//     short name is completed from the attendance when it names one person; "s/old/new/"
//     corrects the minutes; RESOLUTION:, ACTION: and PROPOSED: lines are kept, label and
//     all, for the decision rules.
//   - MeetBot commands: "#topic" a heading, "#agreed"/"#action"/"#info"/"#link" lines,
//     "#startmeeting" the title, "#chair" the chairs.
//   - A run of votes ("+1", "-1", "0") from several people becomes one line per vote
//     ("+1: Ana, Bo, Carl") instead of a paragraph per person.
//
// The result is plain paragraphs "Speaker: text", which the speaker rules of the
// normalizers read as they read any minutes; the package detects no speaker by itself.
package chat

import (
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Entry is one message: who typed it, what, and where.
type Entry struct {
	// Nick is who typed the message. Empty means the message is a line of minutes taken by
	// a scribe (text minutes, an HTML minutes paragraph), read with the scribe conventions.
	Nick string
	// Speaker is set when the source already names who spoke (an HTML minutes <cite>);
	// the text is then the turn's text.
	Speaker string
	// Text is the message; a message pasted over several lines holds "\n".
	Text string
	Line int
	// Action is true for "/me" actions ("* nick waves"), read as a sentence about nick.
	Action bool
	// Side is true for a line of side chatter in scribed minutes ("<nick> text"): a turn
	// of Nick, never a scribe line.
	Side bool
}

// Result is what Build gives a reader: the body blocks (labelled attendance lines first)
// and the metadata the log states.
type Result struct {
	Blocks []model.Block
	// Title is the meeting's name ("meeting:" or "#startmeeting"), Date a date the log
	// states ("date:" command), "" when unknown. TitleLine and DateLine are their lines.
	Title, Date         string
	TitleLine, DateLine int
}

// Options say how to read the entries.
type Options struct {
	// File is the input's name, for positions.
	File string
	// Scribed is true when every entry without a Nick is a scribe's line (text minutes).
	Scribed bool
}

// Build reads entries into blocks.
func Build(entries []Entry, opts Options) Result {
	b := newBuilder(opts)
	for _, e := range entries {
		b.entry(e)
	}
	return b.result()
}

// oneLine folds white space, line breaks included, into single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
