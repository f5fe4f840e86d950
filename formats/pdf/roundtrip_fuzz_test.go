package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/fuzzdoc"
	"github.com/scribe-un/scribe/pipeline/model"

	"github.com/scribe-un/scribe/formats/pdf"
)

// FuzzNotesToPDF: notes → notes reader → normalizers → PDF writer with only the embedded
// DejaVu faces (no system fonts, so the result does not depend on the machine). Every
// document gives either a whole PDF (it starts with %PDF- and ends with %%EOF) or an error
// wrapping pipeline.ErrNoGlyph (Chinese text, say: DejaVu has no CJK) or
// pipeline.ErrEncoding, never a panic, another error or a hang.
func FuzzNotesToPDF(f *testing.F) {
	fuzzdoc.Seeds(f)
	fonts, err := pdf.LoadFonts(pdf.FontOptions{NoSystem: true})
	if err != nil {
		f.Fatal(err)
	}
	w := pdf.NewWriter(pdf.Options{Fonts: fonts, Compress: true})
	f.Fuzz(func(t *testing.T, data []byte, lang uint8) {
		defer fuzzdoc.Watchdog(30 * time.Second)()
		_, doc, loc := fuzzdoc.Models(t, data, lang)
		if doc == nil {
			return
		}
		var buf bytes.Buffer
		err := w.Write(context.Background(), &buf, doc, model.WriteOptions{Locale: loc, Created: time.Unix(1114992000, 0).UTC(), Generator: "scribe fuzz"})
		if err != nil {
			if errors.Is(err, model.ErrNoGlyph) || errors.Is(err, model.ErrEncoding) {
				if buf.Len() != 0 {
					t.Fatalf("failed (%v) but wrote %d bytes", err, buf.Len())
				}
				return
			}
			t.Fatalf("write (%s): %v", loc.Tag, err)
		}
		out := buf.Bytes()
		if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(out, "\r\n"), []byte("%%EOF")) {
			t.Fatalf("not a whole PDF (%d bytes): %q … %q", len(out), out[:min(len(out), 16)], out[max(0, len(out)-16):])
		}
	})
}
