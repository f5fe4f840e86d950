package write

import (
	"bytes"
	"context"
	"encoding/xml"
	"runtime"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// TestZipBytesUnchanged checks that the writer's compressor and its cache of recurring
// parts give the very bytes archive/zip alone gives, for every language, on a first write
// (nothing cached), a second (shared parts from the cache) and after other languages.
func TestZipBytesUnchanged(t *testing.T) {
	w, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]func(lang string) *model.Document{
		"sample": pipelinetest.Sample,
		"rich":   richDoc,
	}
	for round := 0; round < 2; round++ {
		for name, mk := range docs {
			for _, lang := range locales.Supported {
				var out bytes.Buffer
				opts := model.WriteOptions{Locale: localeFor(t, lang), Created: testCreated, Generator: "scribe test", Warnings: &model.Warnings{}}
				if err := w.Write(context.Background(), &out, mk(lang), opts); err != nil {
					t.Fatal(err)
				}
				parts, names := unzipParts(t, out.Bytes())
				if want := rezip(t, names, parts, zipTime(testCreated)); !bytes.Equal(out.Bytes(), want) {
					t.Errorf("round %d, %s-%s: the package differs from archive/zip's (%d bytes, want %d)", round, name, lang, out.Len(), len(want))
				}
			}
		}
	}
}

// TestEscapeMatchesEncodingXML checks the copy-as-is prefix of escape against
// xml.EscapeText, character class by character class.
func TestEscapeMatchesEncodingXML(t *testing.T) {
	for _, s := range []string{
		"", "plain text", "a < b & c > d", `"quoted" and 'apostrophe'`, "tab\there", "line\nbreak", "cr\rhere",
		"form\ffeed", "del\x7f", "bad \xff byte", "café – «citation» ١٢٣ 中文", "\uFFFD literal", "\uFFFE\uFFFF",
		"\U0001F600 emoji", "c1 \u0085 control", "end<",
	} {
		var want, got bytes.Buffer
		_ = xml.EscapeText(&want, []byte(s))
		escape(&got, s)
		if got.String() != want.String() {
			t.Errorf("escape(%q) = %q, want %q", s, got.String(), want.String())
		}
	}
}

// TestLongBodyBlocks checks word/document.xml of a document long enough to be compressed in
// several blocks: the package is the same bytes whatever the number of cores compressing it,
// its document.xml inflates (CRC checked) to the very XML the writer printed, and a one-block
// body is still archive/zip's own bytes.
func TestLongBodyBlocks(t *testing.T) {
	w, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := pipelinetest.Long("en", 700)
	write := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var out bytes.Buffer
		opts := model.WriteOptions{Locale: localeFor(t, "en"), Created: testCreated, Generator: "scribe test", Warnings: &model.Warnings{}}
		if err := w.Write(context.Background(), &out, doc, opts); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	one := write(1)
	for _, procs := range []int{2, 4} {
		if got := write(procs); !bytes.Equal(got, one) {
			t.Fatalf("GOMAXPROCS %d: the package differs from GOMAXPROCS 1's", procs)
		}
	}
	parts, _ := unzipParts(t, one)
	body := parts["word/document.xml"]
	if len(body) <= 2*zBlockSize {
		t.Fatalf("document.xml is %d bytes: too short for several blocks of %d", len(body), zBlockSize)
	}
	// The XML as printed, without the zip.
	st := &docState{ctx: context.Background(), doc: doc, loc: localeFor(t, "en"), warn: &model.Warnings{}, depth: model.DefaultMaxDepth}
	st.look = newLook(doc, st.loc)
	st.num = newNumPlan(st.loc)
	st.barcode, st.barcodeWidth = barcodePNG(doc.Meta.JobNumber)
	if doc.Present.FooterJob == "" {
		st.barcode = nil
	}
	var want bytes.Buffer
	if err := st.document(&want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(body, want.Bytes()) {
		t.Errorf("document.xml inflates to %d bytes, not the %d printed", len(body), want.Len())
	}
}
