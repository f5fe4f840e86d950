package pdf

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
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
		opts := writeOpts(t, doc)
		opts.Stats = &model.OutputStats{}
		if err := NewWriter(Options{Fonts: fonts, Compress: true}).Write(context.Background(), &buf, doc, opts); err != nil {
			t.Fatal(err)
		}
		if opts.Stats.Pages < 3 {
			t.Fatalf("%s: %d pages, want a multi-page document", lang, opts.Stats.Pages)
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

// TestWriteInPlace: into a bytes.Buffer the file is written in place, after what the
// buffer holds, with the same bytes as into any other writer; a document that fails
// leaves the buffer as it was.
func TestWriteInPlace(t *testing.T) {
	fonts := fontsOrFail(t, testFonts)
	doc := longDoc("en")
	w := NewWriter(Options{Fonts: fonts, Compress: true})
	var plain bytes.Buffer
	if err := w.Write(context.Background(), struct{ io.Writer }{&plain}, doc, writeOpts(t, doc)); err != nil {
		t.Fatal(err)
	}
	buf := bytes.NewBufferString("before|")
	if err := w.Write(context.Background(), buf, doc, writeOpts(t, doc)); err != nil {
		t.Fatal(err)
	}
	if got := buf.Bytes(); !bytes.HasPrefix(got, []byte("before|")) || !bytes.Equal(got[len("before|"):], plain.Bytes()) {
		t.Error("the file written in place differs from the one written through io.Writer")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	buf = bytes.NewBufferString("before|")
	if err := w.Write(ctx, buf, doc, writeOpts(t, doc)); err == nil {
		t.Fatal("a cancelled conversion succeeded")
	}
	if buf.String() != "before|" {
		t.Errorf("a failed conversion left %d bytes in the buffer", buf.Len()-len("before|"))
	}
}
