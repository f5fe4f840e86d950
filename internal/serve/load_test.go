package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/testutil"
)

// loadCase is one kind of request of the load test: how to make it, and what a good answer
// is (checked in full) or which status a bad one must get.
type loadCase struct {
	name   string
	target string
	ct     string
	body   func() []byte
	status int
	check  func(t *testing.T, resp []byte) error
}

// TestLoad is the bounded load test of `scribe serve`, run by hand or by a benchmark job,
// not by `go test ./...`: SCRIBE_LOAD=1 go test ./internal/serve -run Load -v. It sends
// SCRIBE_LOAD_N requests (default 2,000), SCRIBE_LOAD_C at a time (default 16), a mix of good
// and bad inputs, over loopback to a server with the CLI's defaults, and requires: no 5xx but
// 503, every good answer a valid document, the bad ones their 4xx, and a peak memory (VmHWM
// of the process, client included) under 300 MB.
func TestLoad(t *testing.T) {
	if os.Getenv("SCRIBE_LOAD") == "" {
		t.Skip("set SCRIBE_LOAD=1 to run the load test")
	}
	n := envInt("SCRIBE_LOAD_N", 2000)
	conc := envInt("SCRIBE_LOAD_C", 16)
	qpdf, _ := exec.LookPath("qpdf")
	s := newServer(t, func(o *Options) {
		o.Jobs, o.Queue, o.Loopback = runtime.NumCPU(), 16, true
		o.Runner.Limits.MaxInputBytes = 8 << 20
		o.MaxBody = 0 // from the input limit, as the CLI sets it
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln, 10*time.Second) }()
	defer func() { stop(); <-done }()
	base := "http://" + ln.Addr().String()

	cases := loadCases(t, qpdf)
	client := &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: conc}}
	var (
		next     atomic.Int64
		mu       sync.Mutex
		statuses = map[string]map[int]int{}
		failures []string
		latency  []time.Duration
	)
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				c := cases[i%len(cases)]
				t0 := time.Now()
				resp, err := client.Post(base+c.target, c.ct, bytes.NewReader(c.body()))
				var body []byte
				status := 0
				if err == nil {
					body, err = io.ReadAll(resp.Body)
					resp.Body.Close()
					status = resp.StatusCode
				}
				d := time.Since(t0)
				var problem string
				switch {
				case err != nil:
					problem = err.Error()
				case status == http.StatusServiceUnavailable:
					// Overload is allowed; the answer must still be the JSON error.
					if !json.Valid(body) || resp.Header.Get("Retry-After") == "" {
						problem = "503 without JSON or Retry-After"
					}
				case status >= 500:
					problem = fmt.Sprintf("status %d: %.120q", status, body)
				case status != c.status:
					problem = fmt.Sprintf("status %d, want %d: %.120q", status, c.status, body)
				case c.check != nil:
					if err := c.check(t, body); err != nil {
						problem = "invalid document: " + err.Error()
					}
				}
				mu.Lock()
				if statuses[c.name] == nil {
					statuses[c.name] = map[int]int{}
				}
				statuses[c.name][status]++
				latency = append(latency, d)
				if problem != "" && len(failures) < 20 {
					failures = append(failures, c.name+": "+problem)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(latency, func(i, j int) bool { return latency[i] < latency[j] })
	names := make([]string, 0, len(statuses))
	for k := range statuses {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		t.Logf("%-22s %v", k, statuses[k])
	}
	hwm := vmHWM()
	t.Logf("%d requests, %d at a time, in %s (%.0f/s); latency p50 %s p95 %s max %s; peak memory (VmHWM) %d MB",
		n, conc, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(),
		latency[len(latency)/2].Round(time.Millisecond), latency[len(latency)*95/100].Round(time.Millisecond),
		latency[len(latency)-1].Round(time.Millisecond), hwm>>20)
	for _, f := range failures {
		t.Error(f)
	}
	if hwm > 300<<20 {
		t.Errorf("peak memory %d MB, over 300 MB", hwm>>20)
	}
}

func loadCases(t *testing.T, qpdf string) []loadCase {
	sample := sampleNotes(t)
	docxData, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "formats", "docx", "testdata", "reader", "wsis-itu-consultation-2005-05-02.docx"))
	if err != nil {
		t.Fatal(err)
	}
	fixed := func(b []byte) func() []byte { return func() []byte { return b } }
	multipartDocx, docxCT := func() ([]byte, string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		fw, _ := mw.CreateFormFile("file", "minutes.docx")
		fw.Write(docxData)
		mw.WriteField("symbol", "WSIS/ITU/2005/1")
		mw.Close()
		return buf.Bytes(), mw.FormDataContentType()
	}()
	big := bytes.Repeat([]byte("a b "), 3<<20)
	dir := t.TempDir()
	var seq atomic.Int64
	checkPDF := func(t *testing.T, b []byte) error {
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[max(0, len(b)-64):], []byte("%%EOF")) {
			return fmt.Errorf("not a PDF")
		}
		if qpdf == "" {
			return nil
		}
		p := filepath.Join(dir, strconv.FormatInt(seq.Add(1), 10)+".pdf")
		os.WriteFile(p, b, 0o644)
		defer os.Remove(p)
		if out, err := exec.Command(qpdf, "--check", p).CombinedOutput(); err != nil {
			return fmt.Errorf("qpdf --check: %v: %s", err, out)
		}
		return nil
	}
	checkZip := func(want ...string) func(*testing.T, []byte) error {
		return func(t *testing.T, b []byte) error {
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				return err
			}
			found := map[string]bool{}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					return err
				}
				data, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					return fmt.Errorf("%s: %v", f.Name, err)
				}
				found[filepath.Ext(f.Name)] = true
				if f.Name == "word/document.xml" && !bytes.Contains(data, []byte("<w:body>")) {
					return fmt.Errorf("document.xml has no body")
				}
			}
			for _, w := range want {
				if !found[w] {
					return fmt.Errorf("no %s part in the zip", w)
				}
			}
			return nil
		}
	}
	checkJSON := func(key string) func(*testing.T, []byte) error {
		return func(t *testing.T, b []byte) error {
			var v map[string]any
			if err := json.Unmarshal(b, &v); err != nil {
				return err
			}
			if _, ok := v[key]; !ok {
				return fmt.Errorf("no %q in the JSON", key)
			}
			return nil
		}
	}
	contains := func(s string) func(*testing.T, []byte) error {
		return func(t *testing.T, b []byte) error {
			if !bytes.Contains(b, []byte(s)) {
				return fmt.Errorf("no %q in the answer", s)
			}
			return nil
		}
	}
	return []loadCase{
		{"pdf", "/api/convert?to=pdf&symbol=A/1", "text/plain", fixed(sample), 200, checkPDF},
		{"docx", "/api/convert?to=docx", "text/plain", fixed(sample), 200, checkZip(".xml")},
		{"md fr", "/api/convert?to=md&lang=fr", "text/plain", fixed(sample), 200, contains("23\\.")},
		{"json", "/api/convert?to=json", "text/plain", fixed(sample), 200, checkJSON("document")},
		{"html", "/api/convert?to=html&lang=ar", "text/plain", fixed(sample), 200, contains(`dir="rtl"`)},
		{"zip 2 langs", "/api/convert?to=docx,md&lang=en,es&xliff=fr", "text/plain", fixed(sample), 200, checkZip(".docx", ".md", ".xlf")},
		{"inspect", "/api/inspect?preview=html", "text/plain", fixed(sample), 200, checkJSON("lines")},
		{"extract", "/api/extract?target=zh", "text/plain", fixed(sample), 200, contains(`trgLang="zh"`)},
		{"docx in, pdf out", "/api/convert?to=pdf", docxCT, fixed(multipartDocx), 200, checkPDF},
		{"empty", "/api/convert?to=pdf", "text/plain", fixed(nil), 400, nil},
		{"binary", "/api/convert", "application/octet-stream", fixed([]byte("\x00\x01\x02binary\x00\x00\x07")), 415, nil},
		{"image type", "/api/convert", "image/png", fixed([]byte("\x89PNG\r\n\x1a\n")), 415, nil},
		{"bad language", "/api/convert?lang=xx", "text/plain", fixed(sample), 400, nil},
		{"not a zip", "/api/convert?name=x.docx", "application/octet-stream", fixed([]byte("PK\x03\x04 truncated")), 400, nil},
		{"too deep", "/api/convert?to=json", "text/markdown", fixed([]byte(strings.Repeat("> ", 100) + "deep\n")), 400, nil},
		{"over the limit", "/api/convert", "text/plain", fixed(big), 413, nil},
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// vmHWM is the process's peak resident memory (Linux), or the Go runtime's view elsewhere.
func vmHWM() uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
				kb, _ := strconv.ParseUint(f[1], 10, 64)
				return kb << 10
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Sys
}
