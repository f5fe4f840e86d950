// Package serve is scribe's HTTP server: the review page document officers use in a browser
// (notes in, structure and preview side by side, corrections written back as cues, downloads)
// and the API secretariat systems call (convert, inspect, extract).
//
// Every conversion goes through the pipeline runner, with outputs handed to an in-memory
// sink: nothing is written to disk, and no name a client sends is ever opened as a path.
// Requests are bounded like CLI inputs (the same limits, per request), plus a body limit,
// timeouts, and a fixed number of conversions at once with a bounded queue; beyond it the
// server answers 503 with Retry-After. Errors are the CLI's one-line messages, as JSON with
// an HTTP status, never a stack trace.
//
// The page and its assets are embedded; the server needs no network beyond its listener.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
)

// Options configure a Server. Zero fields take the defaults documented on each.
type Options struct {
	// Runner holds what every conversion shares: the registry (with the PDF writer and its
	// fonts loaded once), locales, limits, transforms, the generator string and the
	// format detection. Per-request fields (To, Langs, From, SourceLang, Meta, Strict,
	// Translate) are filled from each request. Registry and Locales are required.
	Runner pipeline.Options
	// Jobs is how many conversions run at once (default: the number of CPUs).
	Jobs int
	// Queue is how many more requests may wait for a free slot (0: none); beyond that the
	// server answers 503 at once.
	Queue int
	// QueueWait is the longest a request waits in the queue before a 503 (default 30 s).
	QueueWait time.Duration
	// Timeout bounds one conversion (default 60 s).
	Timeout time.Duration
	// MaxBody caps a request body (default: the input size limit plus 1 MiB for
	// translation files and form fields).
	MaxBody int64
	// Token, when not empty, is required on every request: "Authorization: Bearer TOKEN",
	// or the cookie the sign-in form sets for the page.
	Token string
	// Loopback restricts the Host header to loopback names (localhost, 127.0.0.1, [::1]),
	// which stops DNS-rebinding pages from reaching a server bound to loopback.
	Loopback bool
	// Version is scribe's version, reported by /healthz.
	Version string
	// Log receives one line per failed request and the server's own messages; nil
	// discards them.
	Log io.Writer
}

// Server answers the page and the API. It holds no per-request state beyond the slots of
// the limiter, so one Server serves any number of connections.
type Server struct {
	opts    Options
	limiter *limiter
	mux     *http.ServeMux
}

// New checks the options and builds the server.
func New(opts Options) (*Server, error) {
	if opts.Runner.Registry == nil || opts.Runner.Locales == nil {
		return nil, errors.New("serve: Options.Runner needs a Registry and Locales")
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	opts.Queue = max(opts.Queue, 0)
	if opts.QueueWait <= 0 {
		opts.QueueWait = 30 * time.Second
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 60 * time.Second
	}
	opts.Runner.Limits = opts.Runner.Limits.WithDefaults()
	if opts.MaxBody <= 0 {
		opts.MaxBody = opts.Runner.Limits.MaxInputBytes + 1<<20
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	s := &Server{opts: opts, limiter: newLimiter(opts.Jobs, opts.Queue, opts.QueueWait)}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.page)
	m.HandleFunc("GET /assets/{name}", s.asset)
	m.HandleFunc("GET /samples/{name}", s.sample)
	m.HandleFunc("POST /signin", s.signIn)
	m.HandleFunc("GET /healthz", s.healthz)
	m.HandleFunc("GET /api/openapi.json", s.openAPI)
	m.HandleFunc("GET /api/formats", s.formats)
	m.HandleFunc("POST /api/convert", s.convert)
	m.HandleFunc("POST /api/inspect", s.inspect)
	m.HandleFunc("POST /api/extract", s.extract)
	// Anything else under /api/ (and a known endpoint with the wrong method) gets a JSON
	// error like every API failure, not the mux's plain text.
	m.HandleFunc("/api/", s.notFound)
	m.HandleFunc("/healthz", s.notFound)
	s.mux = m
}

// allowed names the method of each endpoint, for 405 answers.
var allowed = map[string]string{"/api/convert": "POST", "/api/inspect": "POST", "/api/extract": "POST",
	"/api/openapi.json": "GET", "/api/formats": "GET", "/healthz": "GET"}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if m, ok := allowed[r.URL.Path]; ok {
		w.Header().Set("Allow", m)
		writeError(w, r, &httpError{status: http.StatusMethodNotAllowed, code: "method", msg: "scribe serve: " + r.URL.Path + " takes " + m})
		return
	}
	writeError(w, r, &httpError{status: http.StatusNotFound, code: "not-found", msg: "scribe serve: no such endpoint: " + r.URL.Path})
}

// Handler returns the server's handler with its guards: panic recovery, security headers,
// the Host check, authentication and the same-origin check on POSTs.
func (s *Server) Handler() http.Handler {
	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, &httpError{status: http.StatusForbidden, code: "cross-origin",
			msg: "cross-origin request refused: the page and the API must be on the same origin"})
	}))
	var h http.Handler = s.mux
	h = csrf.Handler(h)
	h = s.authenticate(h)
	h = s.checkHost(h)
	h = securityHeaders(h)
	return recoverPanics(h, s.opts.Log)
}

// HTTPServer returns an http.Server for the handler with read, write and idle timeouts
// sized for the largest request and the slowest conversion.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		// Writing starts after the body is read, the queue waited and the conversion done.
		WriteTimeout:   2*time.Minute + s.opts.QueueWait + s.opts.Timeout,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       nil,
	}
}

// Run serves on ln until ctx is cancelled, then shuts down gracefully: no new
// connections, requests in flight finish (up to grace), and Run returns.
func (s *Server) Run(ctx context.Context, ln net.Listener, grace time.Duration) error {
	srv := s.HTTPServer(ln.Addr().String())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(s.opts.Log, "scribe serve: shutting down, finishing requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if errors.Is(err, context.DeadlineExceeded) {
		srv.Close()
		return fmt.Errorf("serve: requests still running after %s were cut off", grace)
	}
	if e := <-done; err == nil && !errors.Is(e, http.ErrServerClosed) {
		err = e
	}
	return err
}

// IsLoopback reports whether addr ("host:port") binds to loopback only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// locales returns the locale set every conversion uses.
func (s *Server) locales() *locales.Set { return s.opts.Runner.Locales }
