package docx_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/docx"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

func ownLocale(t *testing.T, lang string) *locales.Locale {
	t.Helper()
	loc, err := locales.MustEmbedded().Lookup(lang)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func ownWrite(t *testing.T, doc *model.Document, lang string) []byte {
	t.Helper()
	w, err := docx.NewWriter(docx.WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	opts := model.WriteOptions{Locale: ownLocale(t, lang), Created: time.Date(2005, 5, 2, 17, 30, 0, 0, time.UTC), Generator: "scribe test"}
	if err := w.Write(context.Background(), &buf, doc, opts); err != nil {
		t.Fatalf("%s: %v", lang, err)
	}
	return buf.Bytes()
}

func ownRead(t *testing.T, data []byte) *model.Document {
	t.Helper()
	doc, err := docx.NewReader().Read(context.Background(), data, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "test.docx"})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return doc
}

// TestOwnMastheadReadBack: the masthead of a report scribe wrote is read back into the metadata
// (organ, symbol, a distribution other than general, original language), not as a table
// that a second conversion would print under a new masthead.
func TestOwnMastheadReadBack(t *testing.T) {
	for _, lang := range []string{"en", "fr", "ar", "zh"} {
		doc := pipelinetest.Sample(lang)
		loc := ownLocale(t, lang)
		for i, m := range doc.Present.Masthead {
			if m.Key == "distribution" {
				doc.Present.Masthead[i].Text = loc.Masthead.Limited
			}
		}
		data := ownWrite(t, doc, lang)
		got := ownRead(t, data)
		model.Walk(got.Blocks, func(b model.Block) bool {
			if _, ok := b.(*model.Table); ok {
				t.Errorf("%s: the masthead came back as a table", lang)
			}
			return true
		})
		m := got.Meta
		if m.Body != doc.Meta.Body || m.Symbol != doc.Meta.Symbol || m.OriginalLang != "en" || m.Distribution != "limited" {
			t.Errorf("%s: meta = body %q, symbol %q, original %q, distribution %q", lang, m.Body, m.Symbol, m.OriginalLang, m.Distribution)
		}
	}
}
