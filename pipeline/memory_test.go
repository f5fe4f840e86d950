package pipeline_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
)

// hungryWriter says it needs a fixed amount of memory, as the PDF writer does for its
// longest paragraph.
type hungryWriter struct{ textWriter }

func (hungryWriter) PeakMemory(*model.Document) int64 { return 2 << 20 }

// TestMaxMemory: an input whose estimate exceeds Limits.MaxMemory is refused with one
// error naming the file and the setting, before reading (from its size) or before writing
// (from its text and the writers), and writes nothing; the next input converts.
func TestMaxMemory(t *testing.T) {
	dir := t.TempDir()
	small := writeFile(t, filepath.Join(dir, "small.txt"), "Canada spoke.\n")
	big := writeFile(t, filepath.Join(dir, "big.txt"), strings.Repeat("Canada said that the meeting should go on.\n", 2000)) // 86 KB
	newR := func(max int64, to ...string) *pipeline.Runner {
		reg := pipeline.NewRegistry()
		reg.AddReader(lineReader{})
		reg.AddWriter(textWriter{"txt"})
		reg.AddWriter(hungryWriter{textWriter{"hungry"}})
		r, err := pipeline.NewRunner(pipeline.Options{Registry: reg, Locales: locales.MustEmbedded(), From: "lines", To: to,
			Limits: model.Limits{MaxMemory: max}})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, c := range []struct {
		name string
		r    *pipeline.Runner
		want string
	}{
		{"reading", newR(1<<20, "txt"), "reading it would need about 1.6 MiB of memory, limit 1.0 MiB"},
		{"writing", newR(3<<20, "txt", "hungry"), "converting it would need about 3.6 MiB of memory, limit 3.0 MiB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, c.name)
			res := c.r.Convert(context.Background(), pipeline.Job{Path: big, OutDir: out})
			if res.Err == nil || !strings.Contains(res.Err.Error(), c.want) || !strings.Contains(res.Err.Error(), "big.txt") {
				t.Fatalf("error %v, want one naming big.txt and %q", res.Err, c.want)
			}
			if !errors.Is(res.Err, model.ErrTooLarge) || model.SettingOf(res.Err) != model.SettingMaxMemory {
				t.Errorf("error %v: not ErrTooLarge pointing to MaxMemory", res.Err)
			}
			if len(res.Outputs) != 0 {
				t.Errorf("outputs written: %v", res.Outputs)
			}
			if res := c.r.Convert(context.Background(), pipeline.Job{Path: small, OutDir: out}); res.Err != nil || len(res.Outputs) == 0 {
				t.Errorf("the small input after it: %v", res.Err)
			}
		})
	}
	if m := pipeline.DefaultMaxMemory(); m < 1<<30 {
		t.Errorf("DefaultMaxMemory = %d, less than 1 GiB", m)
	}
}
