package opc

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

func zipOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadPartLimits(t *testing.T) {
	data := zipOf(t, map[string]string{
		"word/document.xml": strings.Repeat("x", 100),
		"Word/Styles.XML":   strings.Repeat("y", 60),
	})
	tests := []struct {
		name   string
		limits model.Limits
		parts  []string
		want   error // of the last part
	}{
		{"within", model.Limits{MaxPartBytes: 100, MaxInflatedBytes: 200}, []string{"word/document.xml", "word/styles.xml"}, nil},
		{"part over", model.Limits{MaxPartBytes: 99, MaxInflatedBytes: 200}, []string{"word/document.xml"}, model.ErrTooLarge},
		{"package over", model.Limits{MaxPartBytes: 100, MaxInflatedBytes: 150}, []string{"word/document.xml", "word/styles.xml"}, model.ErrTooLarge},
		{"missing", model.Limits{MaxPartBytes: 100, MaxInflatedBytes: 200}, []string{"word/numbering.xml"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Open(context.Background(), data, "t.docx", tt.limits)
			if err != nil {
				t.Fatal(err)
			}
			var last error
			for _, part := range tt.parts {
				_, last = p.ReadPart(part)
			}
			if !errors.Is(last, tt.want) || (tt.want == nil) != (last == nil) {
				t.Errorf("err = %v, want %v", last, tt.want)
			}
			if last != nil && !strings.Contains(last.Error(), "t.docx:") {
				t.Errorf("err = %v, want the file named", last)
			}
		})
	}
}

func TestOpenRefusesNonZip(t *testing.T) {
	for _, tt := range []struct {
		data string
		want error
	}{{"", model.ErrEmpty}, {"plain text", model.ErrMalformed}, {"PK\x03\x04broken", model.ErrMalformed}} {
		if _, err := Open(context.Background(), []byte(tt.data), "x.docx", model.Limits{}); !errors.Is(err, tt.want) {
			t.Errorf("%q: err = %v, want %v", tt.data, err, tt.want)
		}
	}
}

func TestRelsAndNames(t *testing.T) {
	data := zipOf(t, map[string]string{"word/_rels/document.xml.rels": `<Relationships><Relationship Id="rId2" Type="x/styles" Target="styles.xml"/><Relationship Id="rId1" Type="x/hyperlink" Target="http://a" TargetMode="External"/></Relationships>`})
	p, err := Open(context.Background(), data, "t.docx", model.Limits{MaxPartBytes: 1 << 20, MaxInflatedBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	rels, err := p.Rels(RelsName("word/document.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if tgt, ok := RelOfType(rels, "/styles"); !ok || Resolve("word/document.xml", tgt) != "word/styles.xml" {
		t.Errorf("styles target = %q, %v", tgt, ok)
	}
	if _, ok := RelOfType(rels, "/hyperlink"); ok {
		t.Error("an external relationship was taken for a part")
	}
	for _, tt := range [][2]string{{"document.xml", "_rels/document.xml.rels"}, {"word/header1.xml", "word/_rels/header1.xml.rels"}} {
		if got := RelsName(tt[0]); got != tt[1] {
			t.Errorf("RelsName(%q) = %q, want %q", tt[0], got, tt[1])
		}
	}
	if got := Resolve("word/document.xml", "/customXml/item1.xml"); got != "customXml/item1.xml" {
		t.Errorf("absolute target resolved to %q", got)
	}
}
