package docx_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/scribe-un/scribe/formats/docx"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// TestReferenceEmblem: a report scribe wrote, used as the reference document of the next,
// gives its emblem, not the barcode of its job number (which sorts first by name); a
// document whose only picture is a barcode gives none.
func TestReferenceEmblem(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 20, 18))
	img.Set(10, 9, color.NRGBA{0, 0, 0xff, 0xff})
	var emblem bytes.Buffer
	if err := png.Encode(&emblem, img); err != nil {
		t.Fatal(err)
	}
	doc := pipelinetest.Sample("en")
	if doc.Present.FooterJob == "" {
		t.Fatal("the sample has no job number: no barcode to tell apart")
	}
	for _, c := range []struct {
		emblem []byte
		want   bool
	}{{emblem.Bytes(), true}, {nil, false}} {
		w, err := docx.NewWriter(docx.WriterOptions{Emblem: c.emblem, EmblemName: "emblem.png"})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		opts := model.WriteOptions{Locale: ownLocale(t, "en"), Created: time.Date(2005, 5, 2, 0, 0, 0, 0, time.UTC)}
		if err := w.Write(context.Background(), &buf, doc, opts); err != nil {
			t.Fatal(err)
		}
		got, name, ok := docx.ReferenceEmblem(buf.Bytes())
		switch {
		case ok != c.want:
			t.Errorf("emblem given %v: found %v (%s)", c.emblem != nil, ok, name)
		case ok && !bytes.Equal(got, c.emblem):
			t.Errorf("the emblem found is %s, not the one written", name)
		}
	}
}
