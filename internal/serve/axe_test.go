package serve

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserAccessibility runs the axe-core audit (WCAG 2.1 A and AA rules) on the review
// page with the sample loaded, when SCRIBE_AXE names axe.min.js (npm package axe-core).
func TestBrowserAccessibility(t *testing.T) {
	axe := os.Getenv("SCRIBE_AXE")
	if axe == "" {
		t.Skip("set SCRIBE_AXE to the path of axe.min.js (npm install axe-core) to run the audit")
	}
	src, err := os.ReadFile(axe)
	if err != nil {
		t.Fatal(err)
	}
	ctx, url := browserSession(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`))); err != nil {
		t.Fatal(err)
	}
	paste := fmt.Sprintf(`(() => { const dt = new DataTransfer(); dt.setData('text/plain', %q);
	  document.querySelector('#text').dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); return true; })()`, string(sampleNotes(t)))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](paste)); err != nil {
		t.Fatal(err)
	}
	if _, err := waitPreview(ctx, func(p preview) bool { return len(p.Paras) > 0 }); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(src)+";true")); err != nil {
		t.Fatal(err)
	}
	type violation struct {
		ID, Impact, Help string
		Nodes            []struct{ Target []any }
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](
		`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => r.violations)`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range res {
		targets, _ := json.Marshal(v.Nodes[:min(3, len(v.Nodes))])
		t.Errorf("%s (%s): %s — %d nodes, e.g. %s", v.ID, v.Impact, v.Help, len(v.Nodes), targets)
	}
}
