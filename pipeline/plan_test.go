package pipeline_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
)

func TestPlanRefusesCollisions(t *testing.T) {
	reg := pipeline.NewRegistry()
	reg.AddReader(lineReader{})
	reg.AddWriter(textWriter{"txt"})
	reg.AddWriter(textWriter{"md"})
	epoch := time.Unix(1114992000, 0)
	runner := func(langs ...string) *pipeline.Runner {
		r, err := pipeline.NewRunner(pipeline.Options{Registry: reg, Locales: locales.MustEmbedded(), From: "lines", To: []string{"txt", "md"}, Langs: langs, SourceDateEpoch: &epoch})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	out := t.TempDir()
	tests := []struct {
		name  string
		langs []string
		jobs  []pipeline.Job
		keep  map[string]string
		want  []string // in the message; nil: no collision
	}{
		{"distinct stems", nil, []pipeline.Job{{Path: "a/x.txt", OutDir: out}, {Path: "b/y.txt", OutDir: out}}, nil, nil},
		{"same stem, two folders", nil, []pipeline.Job{{Path: "a/notes.txt", OutDir: out}, {Path: "b/notes.txt", OutDir: out}}, nil, []string{"a/notes.txt", "b/notes.txt", "notes.*"}},
		{"same stem mirrored by -r", nil, []pipeline.Job{{Path: "a/notes.txt", OutDir: out, RelDir: "a"}, {Path: "b/notes.txt", OutDir: out, RelDir: "b"}}, nil, nil},
		{"language-tagged name shares the stem", nil, []pipeline.Job{{Path: "a.en.md", OutDir: out}, {Path: "a.txt", OutDir: out}}, nil, []string{"a.en.md", "a.txt"}},
		{"output replaces its own input", []string{"en"}, []pipeline.Job{{Path: filepath.Join(out, "r.en.md"), OutDir: out}}, nil, []string{"r.en.md", "would replace"}},
		{"output replaces the report", []string{"fr"}, []pipeline.Job{{Path: "n.txt", OutDir: out}}, map[string]string{filepath.Join(out, "n.fr.txt"): "the run report"}, []string{"the run report"}},
		{"standard output is not planned", nil, []pipeline.Job{{Path: "a.txt", OutDir: "-"}, {Path: "b/a.txt", OutDir: "-"}}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := runner(tt.langs...).Plan(tt.jobs, pipeline.PlanOptions{Keep: tt.keep})
			if tt.want == nil {
				if err != nil {
					t.Fatalf("err = %v, want none", err)
				}
				return
			}
			var c *pipeline.Collision
			if !errors.As(err, &c) || !errors.Is(err, model.ErrUnsafePath) {
				t.Fatalf("err = %v, want a Collision", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %q, want it to name %q", err, w)
				}
			}
		})
	}
}
