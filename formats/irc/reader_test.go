package irc

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/pipeline/model"
)

func read(t *testing.T, src string) *model.Document {
	t.Helper()
	return readertest.Read(t, NewReader(), "t.log", src)
}

type outlineCase struct {
	name, in, want string
}

func runOutline(t *testing.T, cases []outlineCase) {
	t.Helper()
	cs := make([]readertest.Case, len(cases))
	for i, c := range cases {
		cs[i] = readertest.Case{Name: c.name, In: c.in, Want: c.want}
	}
	readertest.RunOutline(t, NewReader(), "t.log", cs)
}

func TestLineForms(t *testing.T) {
	runOutline(t, []outlineCase{
		{"bracketed clock and nick", "[12:01] <ana> I think we agree.\n[12:02] <bo> Not yet.\n", `
P ana: I think we agree.
P bo: Not yet.
`},
		{"ISO stamp and tabs", "[2021-10-19T20:06:11.518Z]\t<Manu_Sporny>\tWelcome all.\n", `
P Manu Sporny: Welcome all.
`},
		{"clock then nick without brackets", "12:01 ana I think so\n12:02 bo: me too\n", `
P ana: I think so
P bo: me too
`},
		{"no stamps, bracketed nicks", "<ana> one\n<bo> two\n", `
P ana: one
P bo: two
`},
		{"chat paste", "ana: hello\nbo: hi\nstill bo\n", `
P ana: hello
P bo: hi still bo
`},
		{"mode prefixes of nicks", "[10:00] <@chair> Let us start.\n", `
P chair: Let us start.
`},
	})
}

func TestTurns(t *testing.T) {
	runOutline(t, []outlineCase{
		{"consecutive lines of one speaker merge", "[10:00] <ana> First point.\n[10:01] <ana> Second point.\n[10:02] <bo> Reply.\n[10:03] <ana> Again.\n", `
P ana: First point. Second point.
P bo: Reply.
P ana: Again.
`},
		{"unstamped lines continue the message", "[10:00] <ana> Options:\n   * one thing\n   * another thing\n[10:01] <bo> ok\n", `
P ana: Options:
  L1 * one thing
  L1 * another thing
P bo: ok
`},
		{"actions", "[10:00] * ana waves to everyone\n", `
P ana waves to everyone
`},
		{"URLs are links", "[10:00] <ana> see https://example.org/a.\n", `
P ana: see [https://example.org/a](https://example.org/a).
`},
	})
}

func TestNoise(t *testing.T) {
	runOutline(t, []outlineCase{
		{"joins, parts, quits, modes, nick changes", `[10:00] *** ana has joined #meeting
[10:00] -!- bo [~bo@host] has quit [Quit: bye]
[10:00] * carl is now known as carl_
[10:00] --> dee has joined the channel
[10:00] * ChanServ sets mode +o ana
[10:01] <ana> Hello.
`, `
P ana: Hello.
`},
		{"queue and bot commands, bots' messages", `[10:00] <ana> q+
[10:00] <bo> ack ana
[10:00] <bo> q?
[10:00] <Zakim> I see ana on the speaker queue
[10:00] <bo> zakim, close the queue
[10:00] <bo> rrsagent, make minutes
[10:01] <ana> Real text.
`, `
P ana: Real text.
`},
	})
}

func TestScribeConventions(t *testing.T) {
	runOutline(t, []outlineCase{
		{"roles first, topics as headings, scribed turns", `[10:00] <Manu_Sporny> present+
[10:00] <mprorock> present+
[10:00] <bob> present+ Ana Silva, Carl
[10:00] <bob> regrets+ Dee
[10:00] <Manu_Sporny> chair: manu
[10:00] <mprorock> scribe+
[10:00] <Manu_Sporny> agenda: https://example.org/agenda
[10:01] <Manu_Sporny> Topic: Introductions
[10:02] <mprorock> manu: welcome everyone
[10:02] <mprorock> ... thanks for coming
[10:03] <mprorock> ana: glad to be here
[10:03] <mprorock> Manu calls on Carl.
[10:04] <bob> side remark
`, `
P Chair: Manu Sporny
P Scribe: mprorock
P Present: Manu Sporny, mprorock, Ana Silva, Carl
P Regrets: Dee
P Agenda: [https://example.org/agenda](https://example.org/agenda)
H1 Introductions
P Manu Sporny: welcome everyone. Thanks for coming
P Ana Silva: glad to be here
P Manu calls on Carl.
P bob: side remark
`},
		{"continuation after side chatter goes to the minuted turn", `[10:00] <s> scribe+
[10:01] <s> ana: first
[10:01] <bo> aside
[10:02] <s> ... more from ana
`, `
P Scribe: s
P ana: first. More from ana
P bo: aside
`},
		{"labelled lines are kept", `[10:00] <s> scribe+
[10:01] <chair> PROPOSED: publish the draft
[10:02] <s> RESOLUTION: publish the draft
[10:02] <s> ACTION: ana to send the mail
`, `
P Scribe: s
P chair: PROPOSED: publish the draft
P RESOLUTION: publish the draft
P ACTION: ana to send the mail
`},
		{"a run of votes is tallied", `[10:01] <ana> +1
[10:01] <bo> +1
[10:01] <carl> -1
[10:01] <dee> +1
[10:02] <ana> Carried.
`, `
P +1: ana, bo, dee
P -1: carl
P ana: Carried.
`},
		{"a single vote is a message", "[10:01] <ana> +1\n[10:02] <bo> ok\n", `
P ana: +1
P bo: ok
`},
		{"corrections", `[10:00] <s> scribe+
[10:01] <s> ana: we shall pubish today
[10:01] <s> s/pubish/publish/
`, `
P Scribe: s
P ana: we shall publish today
`},
		{"someone minuting for the scribe", `[10:00] <mprorock> scribe+
[10:00] <mprorock> present+
[10:01] <manu> mprorock: my own point
`, `
P Scribe: mprorock, manu
P Present: mprorock
P mprorock: my own point
`},
		{"MeetBot", `[10:00] <ana> #startmeeting Board call
[10:00] <ana> #chair ana bo
[10:01] <ana> #topic Budget
[10:02] <bo> we need more
[10:03] <ana> #agreed budget raised by 5%
[10:03] <ana> #action bo to draft the letter
[10:04] <ana> #endmeeting
`, `
P Chair: ana, bo
H1 Budget
P bo: we need more
P AGREED: budget raised by 5%
P ACTION: bo to draft the letter
`},
	})
}

func TestMetadata(t *testing.T) {
	doc := read(t, "[2021-10-19T20:06:11Z]\t<ana>\tmeeting: Credentials API telecon\n[2021-10-19T20:07:00Z]\t<ana>\tHello.\n")
	if doc.Meta.Date != "2021-10-19" || doc.Meta.Title != "Credentials API telecon" {
		t.Errorf("meta = %+v", doc.Meta)
	}
	doc = read(t, "[10:00] <ana> date: 3 March 2021\n[10:01] <ana> Hi.\n")
	if len(doc.Front) != 1 || doc.Front[0].Kind != model.FrontDate || doc.Front[0].Text != "3 March 2021" {
		t.Errorf("front = %+v", doc.Front)
	}
}

const minutes = `Thanks to Ana for scribing this week!

----------------------------------------------------------------
Budget Telecon Minutes for 2021-10-19

Agenda:
  https://example.org/agenda
Topics:
  1. Introductions
  2. Budget
Scribe:
  Ana Silva
Present:
  Manu Sporny, Ana Silva, Bo 
  Chen
Audio:
  https://example.org/audio.ogg

Ana Silva is scribing.

Topic: Introductions

Manu Sporny:  Welcome to the call, we have a long 
  agenda today
  ... first the budget
<bo_chen> hello all
Bo Chen:  Thanks for having me.

Topic: Budget

RESOLUTION: Adopt the budget.
`

func TestTextMinutes(t *testing.T) {
	doc := read(t, minutes)
	if doc.Meta.Title != "Budget Telecon Minutes for 2021-10-19" {
		t.Errorf("title = %q", doc.Meta.Title)
	}
	want := `P Scribe: Ana Silva
P Present: Manu Sporny, Ana Silva, Bo Chen
P Agenda: [https://example.org/agenda](https://example.org/agenda)
P Thanks to Ana for scribing this week!
P Audio: [https://example.org/audio.ogg](https://example.org/audio.ogg)
P Ana Silva is scribing.
H1 Introductions
P Manu Sporny: Welcome to the call, we have a long agenda today. First the budget
P Bo Chen: hello all. Thanks for having me.
H1 Budget
P RESOLUTION: Adopt the budget.
`
	if got := readertest.Outline(doc.Blocks); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A Topics list naming a topic the minutes do not have is kept: only a list that repeats
// the headings is a table of contents.
func TestTopicsKeptWhenNotRepeated(t *testing.T) {
	doc := read(t, strings.Replace(minutes, "  2. Budget", "  2. Budget\n  3. Staff", 1))
	if !strings.Contains(readertest.Outline(doc.Blocks), "L1 * Staff") {
		t.Errorf("Topics list lost:\n%s", readertest.Outline(doc.Blocks))
	}
}

func TestErrors(t *testing.T) {
	for name, c := range map[string]struct {
		in   string
		want error
	}{
		"empty":      {"", model.ErrEmpty},
		"only noise": {"[10:00] *** ana has joined #x\n[10:01] <ana> q+\n", model.ErrEmpty},
		"binary":     {"\x00\x01\x02", model.ErrBinary},
		"only a bot": {"[10:00] <Zakim> agendum 1 taken up\n", model.ErrEmpty},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := NewReader().Read(context.Background(), []byte(c.in), model.ReadOptions{Name: "t.log"})
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), "t.log") {
				t.Errorf("error does not name the file: %v", err)
			}
		})
	}
}
