package pdf

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMultiPageBytes pins the exact bytes of multi-page documents, compressed as in
// production, with the embedded faces only: a change in how pages are laid out, drawn or
// written (page by page, or all at the end) must give the same objects in the same order.
// When a change of output is intended, check the pages and run go test -update.
func TestMultiPageBytes(t *testing.T) {
	fonts := fontsOrFail(t, testFonts)
	var got strings.Builder
	for _, lang := range []string{"en", "ru", "ar"} {
		doc := longDoc(lang)
		var buf bytes.Buffer
		if err := NewWriter(Options{Fonts: fonts, Compress: true}).Write(context.Background(), &buf, doc, writeOpts(t, doc)); err != nil {
			t.Fatal(err)
		}
		if pages := bytes.Count(buf.Bytes(), []byte("/Type /Page /")); pages < 3 {
			t.Fatalf("%s: %d pages, want a multi-page document", lang, pages)
		}
		fmt.Fprintf(&got, "long-%s %x %d\n", lang, sha256.Sum256(buf.Bytes()), buf.Len())
	}
	golden := filepath.Join("testdata", "multipage.sha256")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("PDF bytes changed:\n%s\nwant\n%s", got.String(), want)
	}
}
