package serve

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode"
)

// upload is a file sent by the client: its cleaned name (never used as a path) and content.
type upload struct {
	name string
	data []byte
}

// request is what a POST to the API carries: the notes, translation files, and the
// parameters from the query string and the form fields together.
type request struct {
	notes        upload
	translations []upload
	params       url.Values
}

// maxField caps a form field that is not a file (metadata, options).
const maxField = 64 << 10

// readRequest reads the notes from a multipart form (part "file", translations in parts
// "translations") or from the raw body, whose Content-Type or ?name= gives the format.
// Multipart forms are streamed part by part into memory, never spooled to disk as
// ParseMultipartForm would.
func (s *Server) readRequest(w http.ResponseWriter, r *http.Request) (*request, error) {
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
	req := &request{params: r.URL.Query()}
	limit := s.opts.Runner.Limits.MaxInputBytes
	ct, ctParams, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "multipart/form-data" {
		if ctParams["boundary"] == "" {
			return nil, badRequest("bad-request", "scribe serve: multipart body without a boundary")
		}
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, badRequest("bad-request", "scribe serve: %v", err)
		}
		seen := false
		for {
			p, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, readError(err)
			}
			field := p.FormName()
			switch field {
			case "file", "notes":
				if seen {
					return nil, badRequest("bad-request", "scribe serve: give one notes file per request")
				}
				seen = true
				data, err := readPart(p, limit, "the notes")
				if err != nil {
					return nil, err
				}
				req.notes = upload{name: p.FileName(), data: data}
			case "translations":
				data, err := readPart(p, limit, "a translation file")
				if err != nil {
					return nil, err
				}
				req.translations = append(req.translations, upload{name: cleanName(p.FileName(), "translations.xlf"), data: data})
			case "":
			default:
				data, err := readPart(p, maxField, "form field "+field)
				if err != nil {
					return nil, err
				}
				req.params.Set(field, string(data))
			}
			p.Close()
		}
		if !seen {
			return nil, badRequest("empty", "scribe serve: no notes in the form (send them in a part named \"file\")")
		}
	} else {
		ext, err := extensionFor(ct)
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
		if err != nil {
			return nil, readError(err)
		}
		if int64(len(data)) > limit {
			return nil, tooLarge(limit, "the notes")
		}
		req.notes = upload{name: "notes" + ext, data: data}
	}
	if n := req.params.Get("name"); n != "" {
		req.notes.name = n
	}
	req.notes.name = cleanName(req.notes.name, "notes.txt")
	if req.notes.data == nil {
		req.notes.data = []byte{}
	}
	return req, nil
}

func readPart(p io.Reader, limit int64, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(p, limit+1))
	if err != nil {
		return nil, readError(err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit, what)
	}
	return data, nil
}

func tooLarge(limit int64, what string) error {
	return &httpError{status: http.StatusRequestEntityTooLarge, code: "too-large",
		msg: "scribe serve: " + what + " exceed " + strconv.FormatInt(limit, 10) + " bytes (--max-input-size)"}
}

// readError keeps the body limit's own error (413) and calls anything else a bad request.
func readError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return badRequest("bad-request", "scribe serve: reading the request: %v", err)
}

// extensionFor maps a raw body's Content-Type to the extension that makes the runner pick
// the right reader. Types that are plainly not notes are refused with 415; an absent or
// generic type leaves the choice to the content.
func extensionFor(ct string) (string, error) {
	switch ct {
	case "", "application/octet-stream", "application/x-www-form-urlencoded":
		return "", nil
	case "text/plain":
		return ".txt", nil
	case "text/markdown", "text/x-markdown":
		return ".md", nil
	case "text/html", "application/xhtml+xml":
		return ".html", nil
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return ".docx", nil
	case "application/json":
		return ".json", nil
	case "text/x-rst", "text/prs.fallenstein.rst":
		return ".rst", nil
	case "text/x-wiki", "text/x-mediawiki":
		return ".mediawiki", nil
	case "text/org", "text/x-org":
		return ".org", nil
	}
	if strings.HasPrefix(ct, "text/") {
		return ".txt", nil
	}
	return "", &httpError{status: http.StatusUnsupportedMediaType, code: "unknown-format",
		msg: "scribe serve: scribe does not read " + ct + " (send notes as text, Markdown, HTML, Word or scribe JSON)"}
}

// cleanName keeps only the last element of a client's file name, without control
// characters, so it can name outputs and appear in messages. It is never opened.
func cleanName(name, fallback string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '/' || r == '"' || unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." || strings.Trim(name, ".") == "" {
		return fallback
	}
	if r := []rune(name); len(r) > 120 {
		ext := path.Ext(name)
		if len([]rune(ext)) > 16 {
			ext = ""
		}
		name = string(r[:120-len([]rune(ext))]) + ext
	}
	return name
}
