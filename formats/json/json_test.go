package json_test

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	scribejson "github.com/scribe-un/scribe/formats/json"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

func TestRoundTrip(t *testing.T) {
	for _, lang := range []string{"en", "fr", "ar", "zh"} {
		doc := pipelinetest.Sample(lang)
		var buf bytes.Buffer
		if err := scribejson.NewWriter().Write(context.Background(), &buf, doc, model.WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		back, err := scribejson.NewReader().Read(context.Background(), buf.Bytes(), model.ReadOptions{Name: "x.json"})
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
		"empty":     {"", model.ErrEmpty},
		"syntax":    {"{\n\"schema\": ", model.ErrMalformed},
		"no schema": {`{"document": {}}`, model.ErrMalformed},
		"deep":      {strings.Repeat("[", 10000), model.ErrTooDeep},
		"bad block": {`{"schema":"scribe-document/1","document":{"blocks":[{"type":"nope"}]}}`, model.ErrMalformed},
	}
	for name, c := range cases {
		_, err := scribejson.NewReader().Read(context.Background(), []byte(c.in), model.ReadOptions{Name: "x.json"})
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
	_ = scribejson.NewWriter().Write(context.Background(), &buf, pipelinetest.Sample("en"), model.WriteOptions{})
	f.Add(buf.Bytes())
	f.Add([]byte(`{"schema":"scribe-document/1","document":{"blocks":[]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := scribejson.NewReader().Read(context.Background(), data, model.ReadOptions{Name: "f.json"})
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
	})
}
