package pipeline_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

func TestJSONRoundTrip(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		doc := pipelinetest.Sample(lang)
		data, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), `{"type":"paragraph"`) || !strings.Contains(string(data), `{"type":"quote"`) {
			t.Fatalf("blocks are not tagged: %.300s", data)
		}
		var back pipeline.Document
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(doc, &back) {
			again, _ := json.Marshal(&back)
			t.Fatalf("round trip differs:\n%s\n%s", data, again)
		}
	}
}

func TestCloneIsDeep(t *testing.T) {
	doc := pipelinetest.Sample("en")
	c := doc.Clone()
	if !reflect.DeepEqual(doc, c) {
		t.Fatal("clone differs")
	}
	c.Blocks[0].(*pipeline.Paragraph).Inlines[0].Text = "changed"
	c.Blocks[3].(*pipeline.Paragraph).Children[0].(*pipeline.List).Items[0].Inlines[0].Text = "changed"
	if doc.Blocks[0].(*pipeline.Paragraph).Inlines[0].Text == "changed" ||
		doc.Blocks[3].(*pipeline.Paragraph).Children[0].(*pipeline.List).Items[0].Inlines[0].Text == "changed" {
		t.Fatal("clone shares inlines with the original")
	}
}

func TestErrorFormat(t *testing.T) {
	err := pipeline.Errorf("notes", pipeline.Pos{File: "a.txt", Line: 3}, pipeline.ErrBinary, "NUL byte")
	if got := err.Error(); got != "notes: a.txt:3: binary data, not text: NUL byte" {
		t.Fatal(got)
	}
	if !strings.Contains(pipeline.Errorf("docx", pipeline.Pos{File: "a.docx", Part: "word/document.xml"}, pipeline.ErrMalformed, "x").Error(), "a.docx:word/document.xml") {
		t.Fatal("part not in message")
	}
}
