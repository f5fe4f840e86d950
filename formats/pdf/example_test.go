package pdf_test

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// Load the fonts once per process, then write any number of documents with them.
func ExampleNewWriter() {
	fonts, err := pdf.LoadFonts(pdf.FontOptions{NoSystem: true}) // embedded DejaVu only
	if err != nil {
		panic(err)
	}
	w := pdf.NewWriter(pdf.Options{Fonts: fonts, Compress: true})
	doc := pipelinetest.Sample("fr")
	loc, _ := locales.MustEmbedded().Lookup("fr")
	var out bytes.Buffer
	err = w.Write(context.Background(), &out, doc, model.WriteOptions{
		Locale:    loc,
		Created:   time.Date(2005, 5, 2, 0, 0, 0, 0, time.UTC), // fixed: repeatable output
		Generator: "scribe 0.1.0",
	})
	fmt.Println(w.Format(), w.Ext(), err, bytes.HasPrefix(out.Bytes(), []byte("%PDF-")))
	// Output: pdf .pdf <nil> true
}
