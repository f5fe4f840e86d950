package json_test

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/fuzzdoc"
	"github.com/scribe-un/scribe/pipeline/model"

	scribejson "github.com/scribe-un/scribe/formats/json"
)

// FuzzRoundTrip: notes → notes reader → normalizers → JSON writer → JSON reader gives the
// model back. The JSON form is a fixed point (writing what was read prints the same bytes)
// and one more round gives a reflect.DeepEqual document, for the source-normalized model
// (what extract starts from) and the localized one (what `--to json` prints).
func FuzzRoundTrip(f *testing.F) {
	fuzzdoc.Seeds(f)
	f.Fuzz(func(t *testing.T, data []byte, lang uint8) {
		defer fuzzdoc.Watchdog(10 * time.Second)()
		src, out, _ := fuzzdoc.Models(t, data, lang)
		if src == nil {
			return
		}
		for _, doc := range []*model.Document{src, out} {
			b1 := rtWrite(t, doc)
			d1 := rtRead(t, b1)
			if !reflect.DeepEqual(doc, d1) {
				t.Fatalf("model changed through JSON (lang %q):\n%s", doc.Meta.Lang, b1)
			}
			b2 := rtWrite(t, d1)
			if !bytes.Equal(b1, b2) {
				t.Fatalf("JSON is not a fixed point:\n%s\n---\n%s", b1, b2)
			}
			if d2 := rtRead(t, b2); !reflect.DeepEqual(d1, d2) {
				t.Fatalf("second round differs:\n%s", b2)
			}
		}
	})
}

func rtWrite(t *testing.T, doc *model.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := scribejson.NewWriter().Write(context.Background(), &buf, doc, model.WriteOptions{}); err != nil {
		t.Fatalf("write: %v", err)
	}
	return buf.Bytes()
}

func rtRead(t *testing.T, data []byte) *model.Document {
	t.Helper()
	doc, err := scribejson.NewReader().Read(context.Background(), data, model.ReadOptions{Name: "f.json"})
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, data)
	}
	return doc
}
