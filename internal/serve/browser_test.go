package serve

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/scribe-un/scribe/internal/testutil"
)

// chromium finds the browser: $SCRIBE_CHROMIUM, else Debian's chromium. Locally a missing
// browser skips the test; under CI=true it fails it (.ci/run installs chromium).
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("SCRIBE_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if testutil.InCI() {
		t.Fatal("chromium is required under CI=true (.ci/run installs it)")
	}
	t.Skip("chromium not installed; the browser test runs in CI")
	return ""
}

// artifactDir is where the browser test leaves its screenshot: $SCRIBE_ARTIFACTS, else a
// folder in the system's temporary directory.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("SCRIBE_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "scribe-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browserSession starts the server on loopback and a headless Chromium with a fresh
// profile, and returns a chromedp context and the page's URL.
func browserSession(t *testing.T) (context.Context, string) {
	t.Helper()
	exe := chromium(t)
	s := newServer(t, func(o *Options) { o.Loopback = true })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srvCtx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(srvCtx, ln, 5*time.Second) }()
	t.Cleanup(func() { stop(); <-done })

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1500, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx, "http://" + ln.Addr().String() + "/"
}

// previewState reads the preview's shadow root: heading labels and paragraph labels.
const previewState = `(() => {
  const root = document.querySelector('#preview').shadowRoot;
  if (!root || !root.querySelector('article')) return {headings: [], paras: [], symbol: ''};
  const a = root.querySelector('article');
  const sym = a.querySelector('.un-symbol');
  return {
    headings: [...a.querySelectorAll('.un-heading > .un-num')].map(e => e.textContent),
    paras: [...a.querySelectorAll('.un-para > .un-num, .un-para > p > .un-num')].map(e => e.textContent),
    symbol: sym ? sym.textContent : '',
  };
})()`

type preview struct {
	Headings []string `json:"headings"`
	Paras    []string `json:"paras"`
	Symbol   string   `json:"symbol"`
}

// waitPreview polls the preview until ok holds.
func waitPreview(ctx context.Context, ok func(preview) bool) (preview, error) {
	for {
		p, err := chromedp.Run(ctx, chromedp.Evaluate[preview](previewState))
		if err != nil {
			return p, err
		}
		if ok(p) {
			return p, nil
		}
		select {
		case <-ctx.Done():
			return p, fmt.Errorf("%w; preview last showed headings %v, paragraphs %v, symbol %q", ctx.Err(), p.Headings, p.Paras, p.Symbol)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func numbered(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, fmt.Sprintf("%d.", i))
	}
	return out
}

func same(a, b []string) bool { return strings.Join(a, " ") == strings.Join(b, " ") }

// TestBrowserReviewDesk is the document officer's loop in a real browser: paste the
// sample, see four chapters and paragraphs 1–23, change a line's class with a click and see
// the numbering follow, fill the symbol, download the PDF and check it with qpdf.
func TestBrowserReviewDesk(t *testing.T) {
	ctx, url := browserSession(t)
	qpdf := testutil.RequireTool(t, "qpdf")
	downloads := t.TempDir()
	notes := string(sampleNotes(t))

	// Paste: a paste event with the notes on the clipboard, as Ctrl+V into the empty notes.
	paste := fmt.Sprintf(`(() => {
	  const dt = new DataTransfer();
	  dt.setData('text/plain', %q);
	  const ta = document.querySelector('#text');
	  ta.focus();
	  ta.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
	  return true;
	})()`, notes)
	yes := true
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: &yes}); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](paste)); err != nil {
		t.Fatal(err)
	}
	p, err := waitPreview(ctx, func(p preview) bool { return len(p.Paras) > 0 })
	if err != nil {
		t.Fatal(err)
	}
	if !same(p.Headings, []string{"I.", "II.", "III.", "IV."}) || !same(p.Paras, numbered(1, 23)) {
		t.Fatalf("after pasting the sample: headings %v, paragraphs %v", p.Headings, p.Paras)
	}

	// Line 15, "Swiss proposal for additional Summit documents", is chapter II. Make it a
	// paragraph: a click on the line opens the menu; the numbers follow (1–24, three chapters).
	line15 := chromedp.CSS(`#lines button[data-i="14"]`)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(line15)); err != nil {
		t.Fatal(err)
	}
	badge, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#lines button[data-i="14"] .badge`)))
	if err != nil {
		t.Fatal(err)
	}
	if badge != "II. heading" {
		t.Errorf("line 15 is marked %q, want \"II. heading\"", badge)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(line15),
		chromedp.WaitVisible(chromedp.CSS(`#menu button[data-class="paragraph"]`)),
		chromedp.Click(chromedp.CSS(`#menu button[data-class="paragraph"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	p, err = waitPreview(ctx, func(p preview) bool { return len(p.Paras) == 24 })
	if err != nil {
		t.Fatal(err)
	}
	if !same(p.Headings, []string{"I.", "II.", "III."}) || !same(p.Paras, numbered(1, 24)) {
		t.Fatalf("after the change: headings %v, paragraphs %v", p.Headings, p.Paras)
	}
	text, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(`#text`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "\nSwiss proposal for additional Summit documents.\n") {
		t.Errorf("the cue (a final stop) is not in the notes")
	}

	// The symbol, typed into the metadata form, reaches the masthead.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`#m-symbol`), "WSIS/ITU/2005/1")); err != nil {
		t.Fatal(err)
	}
	if _, err := waitPreview(ctx, func(p preview) bool { return p.Symbol == "WSIS/ITU/2005/1" }); err != nil {
		t.Fatal(err)
	}

	// Download the PDF.
	events := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.downloads button[data-to="pdf"]`))); err != nil {
		t.Fatal(err)
	}
	guid := ""
	for ev, err := range events {
		if err != nil {
			t.Fatalf("waiting for the download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			guid = ev.GUID
			break
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("the PDF download was cancelled")
		}
	}
	pdfPath := filepath.Join(downloads, guid)
	if out, err := exec.Command(qpdf, "--check", pdfPath).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		out, _ := exec.Command(pdftotext, pdfPath, "-").Output()
		if !strings.Contains(string(out), "WSIS/ITU/2005/1") || !strings.Contains(string(out), "24.") {
			t.Errorf("the PDF lacks the symbol or paragraph 24")
		}
	}
	status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#dl-status`)))
	if !strings.Contains(status, "pasted.en.pdf") {
		t.Errorf("download status %q", status)
	}

	// The screenshot: the page as the officer sees it, the report from its masthead, the
	// reason for chapter I shown under the lines.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.querySelector('#preview').scrollTop = 0, true)`)); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`#lines button[data-i="6"]`)), chromedp.Sleep(300*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(artifactDir(t), "serve-review-desk.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
	// SCRIBE_DOCS_SCREENSHOT=docs/serve.png refreshes the README's picture of the page.
	if doc := os.Getenv("SCRIBE_DOCS_SCREENSHOT"); doc != "" {
		if err := os.WriteFile(filepath.Join(testutil.RepoRoot(t), doc), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBrowserWordFileAsMarkdown: a Word file is shown read-only, "Edit as Markdown" turns it
// into Markdown notes that give the same report, and a click then corrects a line.
func TestBrowserWordFileAsMarkdown(t *testing.T) {
	ctx, url := browserSession(t)
	docxPath := filepath.Join(testutil.RepoRoot(t), "formats", "docx", "testdata", "reader", "wsis-itu-consultation-2005-05-02.docx")
	status := func(want string) error {
		for i := 0; i < 100; i++ {
			s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#status`)))
			if err != nil {
				return err
			}
			if strings.Contains(s, want) {
				return nil
			}
			time.Sleep(100 * time.Millisecond)
		}
		return fmt.Errorf("status never said %q", want)
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{docxPath}),
	)
	if err != nil {
		t.Fatal(err)
	}
	if err := status("Read as docx"); err != nil {
		t.Fatal(err)
	}
	p, err := waitPreview(ctx, func(p preview) bool { return len(p.Paras) > 0 })
	if err != nil {
		t.Fatal(err)
	}
	if !same(p.Headings, []string{"I.", "II.", "III.", "IV."}) || !same(p.Paras, numbered(1, 23)) {
		t.Fatalf("the Word file: headings %v, paragraphs %v", p.Headings, p.Paras)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#as-markdown`)), chromedp.Click(chromedp.CSS(`#as-markdown`))); err != nil {
		t.Fatal(err)
	}
	if err := status("Read as markdown"); err != nil {
		t.Fatal(err)
	}
	p, err = waitPreview(ctx, func(p preview) bool { return len(p.Paras) > 0 })
	if err != nil {
		t.Fatal(err)
	}
	if !same(p.Headings, []string{"I.", "II.", "III.", "IV."}) || !same(p.Paras, numbered(1, 23)) {
		t.Fatalf("as Markdown: headings %v, paragraphs %v", p.Headings, p.Paras)
	}
	// Make the first chapter heading a paragraph: one more paragraph, one chapter less.
	idx, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll('#lines .badge')].findIndex(b => b.textContent === 'I. heading')`))
	if err != nil || idx < 0 {
		t.Fatalf("no line marked \"I. heading\" (%v)", err)
	}
	line := chromedp.CSS(fmt.Sprintf(`#lines button[data-i="%d"]`, idx))
	err = chromedp.Do(ctx, chromedp.Click(line), chromedp.WaitVisible(chromedp.CSS(`#menu button[data-class="paragraph"]`)),
		chromedp.Click(chromedp.CSS(`#menu button[data-class="paragraph"]`)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := waitPreview(ctx, func(p preview) bool { return len(p.Paras) == 24 && len(p.Headings) == 3 }); err != nil {
		t.Fatal(err)
	}
	// In a report scribe wrote as Markdown the cue for a paragraph is a number (taken off
	// again when read), here after paragraph 2.
	text, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(`#text`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "\n3\\. Organisation of the work of the ITU WG") {
		t.Errorf("the paragraph cue is not in the Markdown notes")
	}
}
