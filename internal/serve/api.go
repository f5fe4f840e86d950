package serve

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/scribe-un/scribe/formats/xliff"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/translate"
)

// work runs one API request within the limits: admission before the body is read, the
// request read into memory, prepare (which checks the parameters, before any wait), a
// conversion slot, then run under the conversion time limit. Every failure is answered as
// JSON.
func (s *Server) work(w http.ResponseWriter, r *http.Request, prepare func(*request) (func(ctx context.Context) error, error)) {
	if !s.limiter.enter() {
		writeError(w, r, errBusy)
		return
	}
	defer s.limiter.leave()
	req, err := s.readRequest(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	run, err := prepare(req)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.limiter.acquire(r.Context()); err != nil {
		s.fail(w, r, err)
		return
	}
	defer s.limiter.release()
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
	defer cancel()
	if err := run(ctx); err != nil {
		if ctx.Err() == context.DeadlineExceeded && r.Context().Err() == nil {
			err = context.DeadlineExceeded
		}
		s.fail(w, r, err)
	}
}

// fail answers an error and logs it (one line; a panic's stack, kept apart, is logged too).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return // the client is gone
	}
	var se *sentError
	if errors.As(err, &se) {
		fmt.Fprintf(s.opts.Log, "scribe serve: %s %s: sending the response: %v\n", r.Method, r.URL.Path, se.err)
		return
	}
	e := classify(err)
	fmt.Fprintf(s.opts.Log, "scribe serve: %s %s: %d %s\n", r.Method, r.URL.Path, e.status, e.msg)
	writeError(w, r, err)
}

func (s *Server) resultError(res pipeline.Result) error {
	if res.Stack != "" {
		fmt.Fprintf(s.opts.Log, "scribe serve: %v\n%s", res.Err, res.Stack)
	}
	return res.Err
}

// convert answers POST /api/convert: the report in the formats (to) and languages (lang)
// asked for, as the file itself when there is one, else as a zip. xliff=fr,es adds the
// XLIFF files for translators to the zip.
func (s *Server) convert(w http.ResponseWriter, r *http.Request) {
	s.work(w, r, func(req *request) (func(context.Context) error, error) {
		to := formatList(req.params.Get("to"))
		if len(to) == 0 {
			to = []string{"docx"}
		}
		var extra []string
		to = removeFormat(to, "xliff", func() { extra = append(extra, "xliff") })
		targets, err := s.langList(req.params.Get("xliff"))
		if err != nil {
			return nil, err
		}
		version, err := xliffVersion(req.params.Get("xliff-format"))
		if err != nil {
			return nil, err
		}
		forceZip, err := boolParam(req.params.Get("zip"), "zip")
		if err != nil {
			return nil, err
		}
		opts, err := s.runnerOptions(req, to)
		if err != nil {
			return nil, err
		}
		if len(extra) > 0 && len(targets) == 0 {
			// to=xliff: one file per output language that is not the notes' own.
			targets = opts.Langs
			if len(targets) == 0 {
				return nil, badRequest("bad-request", "scribe serve: to=xliff needs lang (or xliff) naming the target languages")
			}
		}
		var runner *pipeline.Runner
		if len(to) > 0 {
			if runner, err = pipeline.NewRunner(opts); err != nil {
				return nil, badRequest("bad-request", "scribe serve: %v", err)
			}
		}
		return func(ctx context.Context) error {
			var files []pipeline.File
			warnings := 0
			if runner != nil {
				job := pipeline.Job{Path: req.notes.name, Data: req.notes.data,
					Sink: func(f pipeline.File) error { files = append(files, f); return nil }}
				res := runner.Convert(ctx, job)
				if res.Err != nil {
					return s.resultError(res)
				}
				warnings += len(res.Warnings)
				w.Header().Set("X-Scribe-Input-Format", res.Format)
			}
			if len(targets) > 0 {
				xf, n, err := s.extractFiles(ctx, opts, req, targets, version)
				if err != nil {
					return err
				}
				files = append(files, xf...)
				warnings += n
			}
			w.Header().Set("X-Scribe-Warnings", strconv.Itoa(warnings))
			return s.send(w, req, files, forceZip)
		}, nil
	})
}

// extract answers POST /api/extract: the XLIFF file for each target language (target or
// lang), one file or a zip.
func (s *Server) extract(w http.ResponseWriter, r *http.Request) {
	s.work(w, r, func(req *request) (func(context.Context) error, error) {
		t := req.params.Get("target")
		if t == "" {
			t = req.params.Get("lang")
		}
		targets, err := s.langList(t)
		if err != nil {
			return nil, err
		}
		if len(targets) == 0 {
			return nil, badRequest("bad-request", "scribe serve: extract needs target (e.g. target=fr,es)")
		}
		version, err := xliffVersion(req.params.Get("format"))
		if err != nil {
			return nil, err
		}
		forceZip, err := boolParam(req.params.Get("zip"), "zip")
		if err != nil {
			return nil, err
		}
		q := req.params
		q.Del("lang") // the targets are not output languages of a conversion here
		opts, err := s.runnerOptions(req, []string{"json"})
		if err != nil {
			return nil, err
		}
		return func(ctx context.Context) error {
			files, n, err := s.extractFiles(ctx, opts, req, targets, version)
			if err != nil {
				return err
			}
			w.Header().Set("X-Scribe-Warnings", strconv.Itoa(n))
			return s.send(w, req, files, forceZip)
		}, nil
	})
}

// extractFiles writes the XLIFF file of each target language, as `scribe extract` does:
// the notes read and numbered in their own language, cut into units with stable ids.
func (s *Server) extractFiles(ctx context.Context, opts pipeline.Options, req *request, targets []string, version string) ([]pipeline.File, int, error) {
	opts.To = []string{"json"}
	opts.Langs, opts.Translate = nil, nil
	runner, err := pipeline.NewRunner(opts)
	if err != nil {
		return nil, 0, err
	}
	warn := &model.Warnings{}
	doc, _, err := runner.Parse(ctx, pipeline.Job{Path: req.notes.name, Data: req.notes.data}, warn)
	if err != nil {
		return nil, 0, err
	}
	srcLang := doc.Meta.OriginalLang
	if _, err := s.locales().Lookup(srcLang); srcLang == "" || err != nil {
		srcLang = "en"
	}
	numbered, _, err := runner.Localize(ctx, doc, srcLang, warn)
	if err != nil {
		return nil, 0, err
	}
	stem := strings.TrimSuffix(req.notes.name, path.Ext(req.notes.name))
	var files []pipeline.File
	for _, lang := range targets {
		bundle, err := translate.Extract(ctx, numbered, translate.ExtractOptions{TargetLang: lang, Warnings: warn})
		if err != nil {
			return nil, 0, err
		}
		var buf bytes.Buffer
		if err := xliff.Write(&buf, bundle, xliff.WriteOptions{Version: version, Generator: opts.Generator}); err != nil {
			return nil, 0, err
		}
		files = append(files, pipeline.File{Name: stem + "." + lang + xliff.Ext, Format: "xliff", Lang: lang, Data: buf.Bytes()})
	}
	return files, warn.Len(), nil
}

func xliffVersion(v string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "xliff2", "xliff20", "2.0":
		return xliff.Version20, nil
	case "xliff12", "1.2":
		return xliff.Version12, nil
	}
	return "", badRequest("bad-request", "scribe serve: the XLIFF format must be xliff2 or xliff12, got %q", v)
}

func removeFormat(list []string, name string, found func()) []string {
	out := list[:0:0]
	for _, f := range list {
		if f == name {
			found()
			continue
		}
		out = append(out, f)
	}
	return out
}

// contentTypes are the media types of scribe's outputs.
var contentTypes = map[string]string{
	"docx":  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"pdf":   "application/pdf",
	"md":    "text/markdown; charset=utf-8",
	"json":  "application/json",
	"html":  "text/html; charset=utf-8",
	"xliff": "application/xliff+xml",
}

// send answers with the one file, or a zip of several (always a zip when forceZip).
func (s *Server) send(w http.ResponseWriter, req *request, files []pipeline.File, forceZip bool) error {
	if len(files) == 1 && !forceZip {
		f := files[0]
		ct := contentTypes[f.Format]
		if ct == "" {
			ct = "application/octet-stream"
		}
		return sendBytes(w, ct, f.Name, f.Data)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// A fixed time: the same request gives the same archive.
	modified := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	if e := s.opts.Runner.SourceDateEpoch; e != nil {
		modified = e.UTC()
	}
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	stem := strings.TrimSuffix(req.notes.name, path.Ext(req.notes.name))
	return sendBytes(w, "application/zip", stem+".zip", buf.Bytes())
}

func sendBytes(w http.ResponseWriter, contentType, name string, data []byte) error {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	cd := mime.FormatMediaType("attachment", map[string]string{"filename": name})
	if cd == "" {
		cd = "attachment"
	}
	h.Set("Content-Disposition", cd)
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(data)
	if err != nil {
		return &sentError{err}
	}
	return nil
}

// sentError is a failure after the response began: it can only be logged.
type sentError struct{ err error }

func (e *sentError) Error() string { return e.err.Error() }
