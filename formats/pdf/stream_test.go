package pdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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

// inflated is pdf with the content of every compressed stream (object streams included)
// appended in clear, for tests that look for a dictionary in a compressed file.
func inflated(t *testing.T, pdf []byte) []byte {
	t.Helper()
	out := bytes.Clone(pdf)
	re := regexp.MustCompile(`(?s)/Length (\d+)[^>]*/Filter /FlateDecode[^>]*>>\nstream\n`)
	for _, m := range re.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		z, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		out = append(append(out, '\n'), data...)
	}
	return out
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
