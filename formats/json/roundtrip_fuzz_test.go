package json_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	scribejson "github.com/scribe-un/scribe/formats/json"
	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

// rtSeeds adds the repository's notes (sample, corpus, six-language set, the notes reader's
// fixtures) as seeds, each paired with an output language index.
func rtSeeds(f *testing.F) {
	var paths []string
	for _, pattern := range []string{"../../testdata/*.txt", "../../testdata/corpus/*", "../../testdata/i18n/*", "../notes/testdata/*.txt"} {
		m, _ := filepath.Glob(pattern)
		paths = append(paths, m...)
	}
	for i, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, uint8(i))
		}
	}
	f.Add([]byte("Points:\n- a\n  - b\n    - c\n> q\n“open\n\nclose”\n# H\n(annexed)\n"), uint8(2))
}

// rtModels reads notes and runs the normalizers in the runner's order: the source transforms
// once, then, on a clone for one output language, the output transforms (see
// pipeline.Runner.Localize). It returns the source-normalized and the localized documents,
// or nil when the notes reader refuses the input with one of its documented errors. A
// normalizer never fails on a document a reader produced, so any error there is fatal.
func rtModels(t *testing.T, data []byte, langIdx uint8) (src, out *pipeline.Document) {
	t.Helper()
	ctx := context.Background()
	warn := &pipeline.Warnings{}
	doc, err := notes.New().Read(ctx, data, pipeline.ReadOptions{Name: "f.txt", Warnings: warn})
	if err != nil {
		for _, k := range []error{pipeline.ErrEmpty, pipeline.ErrBinary, pipeline.ErrEncoding, pipeline.ErrTooDeep, pipeline.ErrMalformed, pipeline.ErrTooLarge} {
			if errors.Is(err, k) {
				return nil, nil
			}
		}
		t.Fatalf("notes reader: unexpected error: %v", err)
	}
	env := &pipeline.Env{Warnings: warn}
	for _, tr := range normalize.Source() {
		if err := tr.Apply(ctx, doc, env); err != nil {
			t.Fatalf("%s: %v", tr.Name(), err)
		}
	}
	loc, err := locales.MustEmbedded().Lookup(locales.Supported[int(langIdx)%len(locales.Supported)])
	if err != nil {
		t.Fatal(err)
	}
	v := doc.Clone()
	v.Meta.Lang = loc.Tag
	env = &pipeline.Env{Locale: loc, Warnings: warn}
	for _, tr := range normalize.Output() {
		if err := tr.Apply(ctx, v, env); err != nil {
			t.Fatalf("%s: %v", tr.Name(), err)
		}
	}
	return doc, v
}

// FuzzRoundTrip: notes → notes reader → normalizers → JSON writer → JSON reader gives the
// model back. The JSON form is a fixed point (writing what was read prints the same bytes)
// and one more round gives a reflect.DeepEqual document, for the source-normalized model
// (what extract starts from) and the localized one (what `--to json` prints).
func FuzzRoundTrip(f *testing.F) {
	rtSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, lang uint8) {
		defer rtWatchdog(10 * time.Second)()
		src, out := rtModels(t, data, lang)
		if src == nil {
			return
		}
		for _, doc := range []*pipeline.Document{src, out} {
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

// rtWatchdog turns a hang into a crash: Go's fuzzing has no per-input time limit, but it
// keeps the input of a worker that dies as a crasher. Call the returned func when done.
func rtWatchdog(limit time.Duration) (stop func()) {
	tm := time.AfterFunc(limit, func() { panic(fmt.Sprintf("input took more than %v (a hang)", limit)) })
	return func() { tm.Stop() }
}

func rtWrite(t *testing.T, doc *pipeline.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := scribejson.NewWriter().Write(context.Background(), &buf, doc, pipeline.WriteOptions{}); err != nil {
		t.Fatalf("write: %v", err)
	}
	return buf.Bytes()
}

func rtRead(t *testing.T, data []byte) *pipeline.Document {
	t.Helper()
	doc, err := scribejson.NewReader().Read(context.Background(), data, pipeline.ReadOptions{Name: "f.json"})
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, data)
	}
	return doc
}
