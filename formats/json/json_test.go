package json_test

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	scribejson "github.com/scribe-un/scribe/formats/json"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

func TestRoundTrip(t *testing.T) {
	for _, lang := range []string{"en", "fr", "ar", "zh"} {
		doc := pipelinetest.Sample(lang)
		var buf bytes.Buffer
		if err := scribejson.NewWriter().Write(context.Background(), &buf, doc, pipeline.WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		back, err := scribejson.NewReader().Read(context.Background(), buf.Bytes(), pipeline.ReadOptions{Name: "x.json"})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(doc, back) {
			t.Fatalf("%s: round trip differs", lang)
		}
	}
}

func TestReadErrors(t *testing.T) {
	cases := map[string]struct {
		in   string
		want error
	}{
		"empty":     {"", pipeline.ErrEmpty},
		"syntax":    {"{\n\"schema\": ", pipeline.ErrMalformed},
		"no schema": {`{"document": {}}`, pipeline.ErrMalformed},
		"deep":      {strings.Repeat("[", 10000), pipeline.ErrTooDeep},
		"bad block": {`{"schema":"scribe-document/1","document":{"blocks":[{"type":"nope"}]}}`, pipeline.ErrMalformed},
	}
	for name, c := range cases {
		_, err := scribejson.NewReader().Read(context.Background(), []byte(c.in), pipeline.ReadOptions{Name: "x.json"})
		if !errors.Is(err, c.want) {
			t.Errorf("%s: got %v, want %v", name, err, c.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "json: x.json") {
			t.Errorf("%s: error does not name the file: %v", name, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	_ = scribejson.NewWriter().Write(context.Background(), &buf, pipelinetest.Sample("en"), pipeline.WriteOptions{})
	f.Add(buf.Bytes())
	f.Add([]byte(`{"schema":"scribe-document/1","document":{"blocks":[]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := scribejson.NewReader().Read(context.Background(), data, pipeline.ReadOptions{Name: "f.json"})
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
	})
}
