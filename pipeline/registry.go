package pipeline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Registry maps format names and aliases to readers and writers. It is built explicitly by
// the caller (the CLI builds one per process), never by init-time self-registration, and is
// read-only once built.
type Registry struct {
	readers map[string]model.Reader
	writers map[string]model.Writer
	// names keeps canonical names for listings, in registration order.
	readerNames, writerNames []string
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{readers: map[string]model.Reader{}, writers: map[string]model.Writer{}}
}

// AddReader registers r under its Format name and the given aliases.
func (r *Registry) AddReader(rd model.Reader, aliases ...string) {
	r.readerNames = append(r.readerNames, rd.Format())
	for _, n := range append([]string{rd.Format()}, aliases...) {
		r.readers[strings.ToLower(n)] = rd
	}
}

// AddRefusal registers a reader for a kind of file that is not an input (a translation file
// or a font turning up among the notes): its Read explains what the file is, and it is left
// out of the listings, so errors naming the known formats show only real ones.
func (r *Registry) AddRefusal(rd model.Reader, aliases ...string) {
	for _, n := range append([]string{rd.Format()}, aliases...) {
		r.readers[strings.ToLower(n)] = rd
	}
}

// AddWriter registers w under its Format name and the given aliases.
func (r *Registry) AddWriter(w model.Writer, aliases ...string) {
	r.writerNames = append(r.writerNames, w.Format())
	for _, n := range append([]string{w.Format()}, aliases...) {
		r.writers[strings.ToLower(n)] = w
	}
}

// Reader returns the reader registered under name.
func (r *Registry) Reader(name string) (model.Reader, error) {
	if rd, ok := r.readers[strings.ToLower(name)]; ok {
		return rd, nil
	}
	return nil, fmt.Errorf("unknown input format %q (known: %s)", name, strings.Join(r.ReaderNames(), ", "))
}

// Writer returns the writer registered under name.
func (r *Registry) Writer(name string) (model.Writer, error) {
	if w, ok := r.writers[strings.ToLower(name)]; ok {
		return w, nil
	}
	return nil, fmt.Errorf("unknown output format %q (known: %s)", name, strings.Join(r.WriterNames(), ", "))
}

// ReaderNames lists the canonical reader names, sorted.
func (r *Registry) ReaderNames() []string {
	out := append([]string(nil), r.readerNames...)
	sort.Strings(out)
	return out
}

// WriterNames lists the canonical writer names, sorted.
func (r *Registry) WriterNames() []string {
	out := append([]string(nil), r.writerNames...)
	sort.Strings(out)
	return out
}
