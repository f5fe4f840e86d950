package html

import (
	"testing"

	"github.com/scribe-un/scribe/formats/internal/readertest"
)

// The page scribe.perl writes today, cut down.
const w3cPage = `<!DOCTYPE html>
<html lang=en><head><title>WG Telco</title></head><body>
<header>
<p><a href="https://www.w3.org/"><img src="logo" alt=W3C></a></p>
<h1>Publishing Working Group Telco</h1>
<h2>13 March 2025</h2>
<nav id=links><a href="https://example.org/agenda"><img alt="Agenda."></a></nav>
</header>
<div id=prelims>
<div id=attendees>
<h2>Attendees</h2>
<dl class=intro>
<dt>Present</dt><dd>dlazin, ivan, wendyreid</dd>
<dt>Regrets</dt><dd>-</dd>
<dt>Chair</dt><dd>wendy</dd>
<dt>Scribe</dt><dd>mgarrish</dd>
</dl>
</div>
<nav id=toc><h2>Contents</h2><ol><li><a href="#a">Publication Admin</a></li></ol></nav>
</div>
<main id=meeting class=meeting>
<h2>Meeting minutes</h2>
<section>
<h3 id=a>Publication Admin</h3>
<p id=f0f7 class="phone s01"><cite>wendyreid:</cite> today's meeting is about admin<br>
<span id=f680>… the latest version is now published</span></p>
<p id=c34e class="phone s02"><cite>ivan:</cite> no, what we have now is the proposed corrections</p>
<p class=irc><cite>&lt;wendyreid&gt;</cite> Proposed: Publish the drafts</p>
<p class=irc><cite>&lt;ivan&gt;</cite> +1</p>
<p class=irc><cite>&lt;dlazin&gt;</cite> +1</p>
<p class=irc><cite>&lt;mgarrish&gt;</cite> -1</p>
<p id=d175 class=resolution><strong>RESOLUTION:</strong> Publish the drafts</p>
<p class="phone s02"><cite>ivan:</cite> Yes</p>
</section>
</main>
<div id=ResolutionSummary><h2>Summary of resolutions</h2><ol><li><a href="#d175">Publish the drafts</a></li></ol></div>
<address>Minutes formatted by scribe.perl</address>
</body></html>
`

// The older form: class names in single quotes, IRC nicks between &lt; and &gt; outside
// the <cite>.
const w3cOldPage = `<html><body>
<h1>- DRAFT -</h1><h1>Web Applications WG</h1>
<h3>Attendees</h3>
<dl><dt>Present</dt><dd>Art, Chaals</dd></dl>
<h2><a name="item01">Agenda review</a></h2>
<p class='phone'><cite>Art:</cite> welcome</p>
<p class='irc'>&lt;<cite>chaals</cite>&gt; hi all</p>
<p class='phone'><cite>Chaals:</cite> thanks</p>
<p class='phone'>... more thanks</p>
</body></html>
`

func TestW3CMinutes(t *testing.T) {
	readertest.RunOutline(t, NewReader(), "t.html", []readertest.Case{
		{Name: "scribe.perl today", In: w3cPage, Want: `
P Chair: wendy
P Scribe: mgarrish
P Present: dlazin, ivan, wendyreid
H1 Publication Admin
P wendyreid: today's meeting is about admin. The latest version is now published
P ivan: no, what we have now is the proposed corrections
P wendyreid: Proposed: Publish the drafts
P +1: ivan, dlazin
P -1: mgarrish
P RESOLUTION: Publish the drafts
P ivan: Yes
`},
		{Name: "older scribe.perl", In: w3cOldPage, Want: `
P Present: Art, Chaals
H1 Agenda review
P Art: welcome
P Chaals: hi all. Thanks. More thanks
`},
	})
}

func TestW3CMinutesMetadata(t *testing.T) {
	doc := readertest.Read(t, NewReader(), "t.html", w3cPage)
	if doc.Meta.Title != "Publishing Working Group Telco" {
		t.Errorf("title = %q", doc.Meta.Title)
	}
	if len(doc.Front) != 2 || doc.Front[1].Text != "13 March 2025" {
		t.Errorf("front = %+v", doc.Front)
	}
}

// Ordinary pages quoting a speaker in <cite> once or twice are not minutes.
func TestFewCitesAreNotMinutes(t *testing.T) {
	doc := readertest.Read(t, NewReader(), "t.html", "<h2>Talk</h2><p><cite>Ana:</cite> hello</p><p>Then we left.</p>")
	got := readertest.Outline(doc.Blocks)
	if got != "H1 Talk\nP _Ana:_ hello\nP Then we left.\n" {
		t.Errorf("got:\n%s", got)
	}
}
