// Package markup holds what the readers of lightweight markup languages (MediaWiki,
// reStructuredText, org-mode) share beyond the inference engine: counting what they leave
// out, so a user is told once per kind.
package markup

import (
	"fmt"
	"sort"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Dropped counts constructs a reader leaves out, by kind. The zero value is ready.
type Dropped struct {
	counts map[string]int
}

// Add counts one construct of a kind ("template", "image").
func (d *Dropped) Add(kind string) {
	if d.counts == nil {
		d.counts = map[string]int{}
	}
	d.counts[kind]++
}

// Warn reports each kind once, with its count, in a stable order: "left out 3 templates
// (why)".
func (d *Dropped) Warn(w *model.Warnings, stage, file, why string) {
	kinds := make([]string, 0, len(d.counts))
	for k := range d.counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		n := d.counts[k]
		what := "1 " + k
		if n > 1 {
			what = fmt.Sprintf("%d × %s", n, k)
		}
		w.Warn(stage, model.Pos{File: file}, "left out %s (%s)", what, why)
	}
}
