package serve

import (
	"bytes"
	"embed"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/scribe-un/scribe/formats/html"
)

// web holds the review page, its script and styles, the sample notes and the OpenAPI
// description, embedded so the binary works offline.
//
//go:embed web
var web embed.FS

// assetTypes are the media types of the embedded files; nothing is served by guessing.
var assetTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
	".png":  "image/png",
	".svg":  "image/svg+xml",
}

// built is the time the embedded files are said to date from, for caching headers.
var built = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	s.serveEmbedded(w, r, "web/index.html")
}

// asset serves /assets/NAME from the embedded files; report.css is the html writer's own
// stylesheet, so the preview looks exactly like the --to html output.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if name == "report.css" {
		serveBytes(w, r, "text/css; charset=utf-8", []byte(html.Stylesheet()))
		return
	}
	s.serveEmbedded(w, r, "web/assets/"+name)
}

// sample serves a sample of notes by name; GET /samples/ lists them (see formats).
func (s *Server) sample(w http.ResponseWriter, r *http.Request) {
	s.serveEmbedded(w, r, "web/samples/"+r.PathValue("name"))
}

// serveEmbedded serves one embedded file. The name comes from a route segment, which
// cannot hold a slash, and is looked up in the embedded tree only: no request reaches the
// file system.
func (s *Server) serveEmbedded(w http.ResponseWriter, r *http.Request, name string) {
	ct := assetTypes[path.Ext(name)]
	data, err := fs.ReadFile(web, name)
	if err != nil || ct == "" || strings.Contains(strings.TrimPrefix(name, "web/"), "..") {
		writeError(w, r, &httpError{status: http.StatusNotFound, code: "not-found", msg: "not found: " + r.URL.Path})
		return
	}
	serveBytes(w, r, ct, data)
}

func serveBytes(w http.ResponseWriter, r *http.Request, ct string, data []byte) {
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", built, bytes.NewReader(data))
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	s.serveEmbedded(w, r, "web/openapi.json")
}

// Health is the answer of GET /healthz.
type Health struct {
	Status  string `json:"status"`
	Version string `json:"version"`
	// Jobs is how many conversions may run at once; Busy how many run; Queued how many wait.
	Jobs   int   `json:"jobs"`
	Busy   int64 `json:"busy"`
	Queued int64 `json:"queued"`
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, Health{Status: "ok", Version: s.opts.Version, Jobs: s.opts.Jobs,
		Busy: s.limiter.busy.Load(), Queued: s.limiter.queued.Load()})
}

// Formats is the answer of GET /api/formats: what this server reads and writes, its
// languages, limits and samples, so the page offers exactly those.
type Formats struct {
	Readers   []string            `json:"readers"`
	Writers   []string            `json:"writers"`
	Languages []Language          `json:"languages"`
	Samples   []string            `json:"samples"`
	Limits    map[string]int64    `json:"limits"`
	Metadata  map[string][]string `json:"metadata"`
}

// Language is one output language.
type Language struct {
	Tag         string `json:"tag"`
	Name        string `json:"name"`
	EnglishName string `json:"englishName"`
	Dir         string `json:"dir"`
}

func (s *Server) formats(w http.ResponseWriter, r *http.Request) {
	reg := s.opts.Runner.Registry
	f := Formats{Readers: reg.ReaderNames(), Writers: reg.WriterNames()}
	for _, l := range s.locales().All() {
		f.Languages = append(f.Languages, Language{Tag: l.Tag, Name: l.Name, EnglishName: l.EnglishName, Dir: l.Direction})
	}
	entries, _ := fs.ReadDir(web, "web/samples")
	for _, e := range entries {
		f.Samples = append(f.Samples, e.Name())
	}
	sort.Strings(f.Samples)
	lim := s.opts.Runner.Limits
	f.Limits = map[string]int64{"maxInputBytes": lim.MaxInputBytes, "maxBodyBytes": s.opts.MaxBody,
		"maxDepth": int64(lim.MaxDepth), "maxBlocks": int64(lim.MaxBlocks), "jobs": int64(s.opts.Jobs)}
	f.Metadata = map[string][]string{"distribution": {"General", "Limited", "Restricted"}}
	writeJSON(w, http.StatusOK, f)
}
