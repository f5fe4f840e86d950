package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// httpError is a refusal with its status, a stable code for programs and the message for
// people (the CLI's one line).
type httpError struct {
	status int
	code   string
	msg    string
	// pos is where in the input the problem is, when known.
	stage string
	pos   model.Pos
	// retryAfter, in seconds, is sent with 503.
	retryAfter int
}

func (e *httpError) Error() string { return e.msg }

func badRequest(code, format string, args ...any) *httpError {
	return &httpError{status: http.StatusBadRequest, code: code, msg: fmt.Sprintf(format, args...)}
}

// errBusy is the limiter's refusal: every slot taken and the queue full (or waited out).
var errBusy = &httpError{status: http.StatusServiceUnavailable, code: "busy", retryAfter: 2,
	msg: "scribe serve: too many conversions at once; try again shortly"}

// ErrorBody is the JSON of every error response.
type ErrorBody struct {
	// Status repeats the HTTP status.
	Status int `json:"status"`
	// Code is stable, for programs: "empty", "binary", "encoding", "malformed", "too-large",
	// "too-deep", "language", "unknown-format", "not-notes", "translation", "strict", "font", "busy",
	// "timeout", "cross-origin", "unauthorized", "bad-request", "internal"….
	Code string `json:"code"`
	// Error is the message the CLI would print, one line.
	Error string `json:"error"`
	// Stage, File, Line and Part locate the problem in the input when known.
	Stage string `json:"stage,omitempty"`
	File  string `json:"file,omitempty"`
	Line  int    `json:"line,omitempty"`
	Part  string `json:"part,omitempty"`
}

// classify maps an error of the pipeline (or of reading the request) to its response. The
// mapping is the CLI's distinction between kinds of failure, as HTTP statuses: 400 bad
// input, 413 over a size limit, 415 a format scribe does not read, 422 a translation that
// does not match or warnings under strict, 503 overload, 500 the rest.
func classify(err error) *httpError {
	var he *httpError
	if errors.As(err, &he) {
		return he
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &httpError{status: http.StatusRequestEntityTooLarge, code: "too-large",
			msg: fmt.Sprintf("scribe serve: request body over %d bytes (--max-body)", mbe.Limit)}
	}
	e := &httpError{status: http.StatusInternalServerError, code: "internal", msg: firstLine(err.Error())}
	var me *model.Error
	if errors.As(err, &me) {
		e.stage, e.pos = me.Stage, me.Pos
	}
	for _, m := range []struct {
		sentinel error
		status   int
		code     string
	}{
		{model.ErrTooLarge, http.StatusRequestEntityTooLarge, "too-large"},
		{model.ErrBinary, http.StatusUnsupportedMediaType, "binary"},
		{model.ErrNotNotes, http.StatusUnsupportedMediaType, "not-notes"},
		{model.ErrEmpty, http.StatusBadRequest, "empty"},
		{model.ErrEncoding, http.StatusBadRequest, "encoding"},
		{model.ErrMalformed, http.StatusBadRequest, "malformed"},
		{model.ErrTooDeep, http.StatusBadRequest, "too-deep"},
		{model.ErrLanguage, http.StatusBadRequest, "language"},
		{model.ErrTranslation, http.StatusUnprocessableEntity, "translation"},
		{model.ErrStrict, http.StatusUnprocessableEntity, "strict"},
		{model.ErrNoGlyph, http.StatusUnprocessableEntity, "no-glyph"},
		{model.ErrFont, http.StatusInternalServerError, "font"},
		{context.DeadlineExceeded, http.StatusServiceUnavailable, "timeout"},
	} {
		if errors.Is(err, m.sentinel) {
			e.status, e.code = m.status, m.code
			break
		}
	}
	if e.code == "internal" && strings.HasPrefix(e.msg, "unknown input format") {
		// The content was recognised as a kind no reader of this server takes.
		e.status, e.code = http.StatusUnsupportedMediaType, "unknown-format"
	}
	if e.code == "timeout" {
		e.retryAfter = 10
		e.msg = "scribe serve: the conversion took longer than the time limit (--timeout)"
	}
	return e
}

// writeError sends err as JSON with its status.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	e := classify(err)
	body := ErrorBody{Status: e.status, Code: e.code, Error: e.msg, Stage: e.stage, File: e.pos.File, Line: e.pos.Line, Part: e.pos.Part}
	if e.retryAfter > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(e.retryAfter))
	}
	if e.status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="scribe"`)
	}
	writeJSON(w, e.status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		data = []byte(`{"status":500,"code":"internal","error":"scribe serve: cannot encode the response"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(data, '\n'))
}

// firstLine keeps the first line of a message, collapsed as the CLI prints it. scribe's
// errors are one line; a second line can only be a recovered panic's stack, which a client
// must never see.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}

// recoverPanics turns a panic in a handler into a 500 with a one-line message; the stack
// goes to the server's log only.
func recoverPanics(h http.Handler, log io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				fmt.Fprintf(log, "scribe serve: panic serving %s %s: %v\n%s", r.Method, r.URL.Path, p, debug.Stack())
				writeError(w, r, &httpError{status: http.StatusInternalServerError, code: "internal", msg: "scribe serve: internal error"})
			}
		}()
		h.ServeHTTP(w, r)
	})
}
