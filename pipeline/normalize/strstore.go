package normalize

import (
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/locales"
)

// strStore keeps many short strings (paragraph labels and ids) one after the other in
// shared buffers. Each was an allocation of its own, or two (the number, then the label
// around it): 2.3 MB of a long document's model for 69k paragraphs. A buffer is never
// written over (strings.Builder only appends), so every string taken from it stays valid.
type strStore struct {
	b    strings.Builder
	next int // the size of the next buffer
}

// Buffers start small, for a short document, and double up to strStoreMax.
const (
	strStoreMin = 256
	strStoreMax = 16 << 10
)

// begin makes room for n bytes and returns where the next string starts.
func (s *strStore) begin(n int) int {
	if s.b.Cap()-s.b.Len() < n {
		s.next = min(max(2*s.next, strStoreMin), strStoreMax)
		s.b = strings.Builder{}
		s.b.Grow(max(n, s.next))
	}
	return s.b.Len()
}

// numbered returns prefix followed by n in decimal digits ("p12").
func (s *strStore) numbered(prefix string, n int) string {
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(n), 10)
	start := s.begin(len(prefix) + len(d))
	s.b.WriteString(prefix)
	s.b.Write(d)
	return s.b.String()[start:]
}

// label returns lv.Label(n).
func (s *strStore) label(lv locales.Level, n int) string {
	text := lv.Text
	if text == "" {
		text = "%1"
	}
	at := strings.Index(text, "%1")
	if at < 0 || lv.Format != "decimal" || n < 1 {
		return lv.Label(n)
	}
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(n), 10)
	start := s.begin(len(text) - 2 + len(d))
	s.b.WriteString(text[:at])
	s.b.Write(d)
	s.b.WriteString(text[at+2:])
	return s.b.String()[start:]
}
