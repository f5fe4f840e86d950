// Package markup holds what the readers of lightweight markup languages (MediaWiki,
// reStructuredText, org-mode, Markdown) share beyond the inference engine: preformatted
// blocks made the same way, and counting what they leave out, so a user is told once per
// kind.
package markup

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scribe-un/scribe/formats/internal/textrun"
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

// Preformatted makes a preformatted block of lines as a source wrote them: blank lines at
// both ends and the indentation all lines share are removed, trailing spaces too, the line
// breaks kept. first is the source line of lines[0]. It returns nil when no line has text.
func Preformatted(file string, first int, lines []string, why string) *model.Preformatted {
	start, end := 0, len(lines)
	for start < end && strings.TrimSpace(lines[start]) == "" {
		start++
	}
	for end > start && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	if start == end {
		return nil
	}
	common := -1
	for _, l := range lines[start:end] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if n := len(l) - len(strings.TrimLeft(l, " \t")); common < 0 || n < common {
			common = n
		}
	}
	out := make([]string, 0, end-start)
	for _, l := range lines[start:end] {
		l = strings.TrimRight(l, " \t\r\n")
		if len(l) >= common {
			l = l[common:]
		} else {
			l = strings.TrimLeft(l, " \t")
		}
		out = append(out, l)
	}
	return &model.Preformatted{Pos: model.Pos{File: file, Line: first + start}, Text: textrun.Clean(strings.Join(out, "\n")), Why: why}
}
