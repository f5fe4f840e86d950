// Package irc reads meetings held or minuted in a chat into scribe's document model: IRC
// logs ("[12:01] <nick> text", "[2021-10-19T20:06:11Z] TAB <nick> TAB text",
// "12:01 nick text"), chat pastes ("nick: text", with --from irc), and W3C scribe
// minutes sent as text (a header with "Present:" and "Scribe:" fields, "Topic:" lines,
// "Name: text" turns with hanging indents, "<nick>" side chatter, "..." continuations).
//
// log.go parses the lines of a log: timestamps are dropped (the date of an ISO timestamp
// is the meeting's date), joins, parts, quits, mode and nick changes are dropped, lines
// without a timestamp continue the message above. minutes.go reads text minutes. Both give
// entries (who typed what) to formats/internal/chat, which knows the conventions of such
// meetings: one paragraph per turn, scribe commands, topics as headings, votes tallied.
package irc

import (
	"context"
	"strings"

	"github.com/scribe-un/scribe/formats/internal/chat"
	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names this reader in errors and warnings.
const stage = "irc"

type reader struct{}

// NewReader returns the chat-log reader. It holds no state and is safe for concurrent use.
func NewReader() model.Reader { return reader{} }

// Format returns "irc".
func (reader) Format() string { return "irc" }

// Read parses data as a chat log or text minutes. Errors wrap model.ErrEmpty, ErrBinary,
// ErrEncoding or ErrTooLarge and name the file.
func (reader) Read(ctx context.Context, data []byte, opts model.ReadOptions) (*model.Document, error) {
	text, err := textenc.Input(ctx, stage, data, opts)
	if err != nil {
		return nil, err
	}
	lines := splitLines(text)
	doc := opts.NewDocument()
	var entries []chat.Entry
	var title, date string
	var titleLine, dateLine int
	scribed := looksLikeMinutes(lines)
	if scribed {
		entries, title, titleLine = minutesEntries(lines)
	} else {
		var dropped int
		entries, date, dropped = logEntries(lines)
		if date != "" {
			dateLine = firstStamp(lines)
		}
		if dropped > 0 {
			opts.Warnings.Warn(stage, model.Pos{File: opts.Name}, "left out %d join, part, quit and mode notices", dropped)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := chat.Build(entries, chat.Options{File: opts.Name, Scribed: scribed})
	if title == "" {
		title, titleLine = res.Title, res.TitleLine
	}
	if date == "" {
		date, dateLine = res.Date, res.DateLine
	}
	pos := func(line int) model.Pos { return model.Pos{File: opts.Name, Line: max(line, 1)} }
	if title != "" {
		doc.Meta.Title = title
		setLine(&doc.Meta, "title", pos(titleLine))
		doc.Front = append(doc.Front, model.FrontLine{Pos: pos(titleLine), Kind: model.FrontTitle, Text: title,
			Why: "the meeting's name, as the minutes state it"})
	}
	if date != "" {
		doc.Front = append(doc.Front, model.FrontLine{Pos: pos(dateLine), Kind: model.FrontDate, Text: date,
			Why: "the date the log states (its first timestamp or a date: command)"})
		if isISODate(date) {
			doc.Meta.Date = date
			setLine(&doc.Meta, "date", pos(dateLine))
		}
	}
	doc.Blocks = res.Blocks
	if len(doc.Blocks) == 0 && len(doc.Front) == 0 {
		return nil, model.Errorf(stage, model.Pos{File: opts.Name}, model.ErrEmpty, "no messages in the log")
	}
	return doc, nil
}

// splitLines splits text into lines without their line ends (CR LF, LF or CR).
func splitLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// firstStamp is the line number of the first ISO-stamped line.
func firstStamp(lines []string) int {
	for i, l := range lines {
		if isoStamp.MatchString(strings.TrimSpace(l)) {
			return i + 1
		}
	}
	return 1
}

func isISODate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-'
}

func setLine(m *model.Metadata, key string, p model.Pos) {
	if m.Lines == nil {
		m.Lines = map[string]model.Pos{}
	}
	m.Lines[key] = p
}
