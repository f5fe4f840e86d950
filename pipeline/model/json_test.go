package model_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
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
		var back model.Document
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
	c.Blocks[0].(*model.Paragraph).Inlines[0].Text = "changed"
	c.Blocks[3].(*model.Paragraph).Children[0].(*model.List).Items[0].Inlines[0].Text = "changed"
	if doc.Blocks[0].(*model.Paragraph).Inlines[0].Text == "changed" ||
		doc.Blocks[3].(*model.Paragraph).Children[0].(*model.List).Items[0].Inlines[0].Text == "changed" {
		t.Fatal("clone shares inlines with the original")
	}
}

func TestErrorFormat(t *testing.T) {
	err := model.Errorf("notes", model.Pos{File: "a.txt", Line: 3}, model.ErrBinary, "NUL byte")
	if got := err.Error(); got != "notes: a.txt:3: binary data, not text: NUL byte" {
		t.Fatal(got)
	}
	if !strings.Contains(model.Errorf("docx", model.Pos{File: "a.docx", Part: "word/document.xml"}, model.ErrMalformed, "x").Error(), "a.docx:word/document.xml") {
		t.Fatal("part not in message")
	}
}
