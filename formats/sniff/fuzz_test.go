package sniff

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzFormat: the sniffer runs on every input before any reader, so it never panics, and
// it answers a format a reader or a refusal knows, the same one every time.
func FuzzFormat(f *testing.F) {
	// Seeds: the head of every file in testdata/ (a few kilobytes each, as Format reads).
	paths, _ := filepath.Glob("../../testdata/*/*")
	more, _ := filepath.Glob("../../testdata/*.txt")
	for _, p := range append(paths, more...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data[:min(len(data), 2*headSize)])
		}
	}
	known := map[string]bool{"": true, "docx": true, "office": true, "archive": true, "json": true, "html": true,
		"irc": true, "rst": true, "mediawiki": true, "org": true, "markdown": true, "notes": true}
	for _, k := range ForeignKinds() {
		known[k] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := Format(data)
		if !known[got] {
			t.Fatalf("Format = %q, not a known format", got)
		}
		if again := Format(data); again != got {
			t.Fatalf("Format = %q then %q", got, again)
		}
	})
}
