package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Collision is the error Plan returns when a batch would write one file twice or write over
// one of its inputs. It names both sides.
type Collision struct {
	// Input is the input whose outputs collide.
	Input string
	// Other is the second input writing the same outputs, or the input, report or other
	// file an output would replace.
	Other string
	// Path is the output both would write: a file, or "<stem>.*" when the outputs' languages
	// are known only once the notes are read.
	Path string
	// SameStem is set when Input and Other are two inputs with the same stem.
	SameStem bool
}

func (e *Collision) Error() string {
	if e.SameStem {
		return fmt.Sprintf("%s and %s would both write %s", e.Input, e.Other, e.Path)
	}
	return fmt.Sprintf("%s: its output %s would replace %s", e.Input, e.Path, e.Other)
}

// Unwrap makes a collision an unsafe output path for errors.Is.
func (e *Collision) Unwrap() error { return model.ErrUnsafePath }

// PlanOptions are the other files of a run that no output may replace.
type PlanOptions struct {
	// Keep maps paths of files the run reads or writes besides its inputs and outputs (the
	// run report, translation files) to how messages name them.
	Keep map[string]string
}

// Plan checks where every job's outputs go before anything is written. Two inputs whose
// outputs would have the same names (a/notes.txt and b/notes.txt into one folder, or
// a.en.md and a.txt, both of stem "a") are refused, and so is an output that would replace
// an input or a file in opts.Keep. When the output languages are given, each output path is
// checked exactly; otherwise an input's language is known only once it is read, and the
// write itself refuses to replace an input.
func (r *Runner) Plan(jobs []Job, opts PlanOptions) error {
	keep := map[string]string{}
	for _, j := range jobs {
		if j.Path != "-" && j.Path != "" {
			keep[planKey(j.Path)] = j.Path
		}
	}
	for p, what := range opts.Keep {
		keep[planKey(p)] = what
	}
	stems := map[string]string{}
	for _, j := range jobs {
		if j.Sink != nil || j.OutDir == "-" {
			continue
		}
		stem := filepath.Join(j.OutDir, j.RelDir, outputStem(j))
		if j.OutFile != "" {
			stem = j.OutFile
		}
		if other, dup := stems[planKey(stem)]; dup {
			return &Collision{Input: other, Other: j.Path, Path: stem + ".*", SameStem: true}
		}
		stems[planKey(stem)] = j.Path
		for _, out := range r.plannedOutputs(j) {
			if what, ok := keep[planKey(out)]; ok {
				return &Collision{Input: j.Path, Other: what, Path: out}
			}
		}
	}
	return nil
}

// plannedOutputs are the output paths of a job known before it is read: all of them when
// the output languages are given and the default renderer runs; none otherwise.
func (r *Runner) plannedOutputs(j Job) []string {
	if r.opts.Render != nil || len(r.opts.Langs) == 0 {
		return nil
	}
	var out []string
	for _, lang := range r.opts.Langs {
		loc, err := r.opts.Locales.Lookup(lang)
		if err != nil {
			continue
		}
		for _, f := range r.opts.To {
			w, err := r.opts.Registry.Writer(f)
			if err != nil {
				continue
			}
			out = append(out, r.outputPath(j, loc.Tag, w.Ext()))
		}
	}
	return out
}

// planKey is the form of a path that Plan compares: absolute and clean.
func planKey(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	return strings.TrimSuffix(filepath.Clean(p), string(filepath.Separator))
}
