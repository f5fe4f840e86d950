package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/scribe-un/scribe/pipeline"
)

// progress reports a batch: a redrawn one-line bar on a terminal that can redraw (files
// done/total, current file, ETA), one plain line per file otherwise (CI logs, TERM=dumb,
// NO_COLOR), so logs stay clean. A single input always gets its "input -> outputs" line. The
// batch serializes calls, so progress needs no lock.
type progress struct {
	io IO
	// bar is set when the bar is drawn: a terminal that takes control sequences.
	bar      bool
	total    int
	done_    int
	quiet    bool
	verbose  bool
	started  time.Time
	current  string
	failures []pipeline.Result
	barShown bool
	lastDraw time.Time
}

func newProgress(stdio IO, total int, quiet, verbose bool) *progress {
	return &progress{io: stdio, bar: drawsBar(stdio), total: total, quiet: quiet, verbose: verbose, started: time.Now()}
}

// drawsBar reports whether progress may redraw a line: standard error is a terminal that
// understands control sequences, and the user has not asked for plain output (NO_COLOR,
// see no-color.org).
func drawsBar(stdio IO) bool {
	if !stdio.TTY || stdio.Env == nil {
		return stdio.TTY
	}
	return stdio.Env("TERM") != "dumb" && stdio.Env("NO_COLOR") == ""
}

func (p *progress) start(path string) {
	p.current = path
	if p.bar && !p.quiet {
		p.drawBar()
	}
}

func (p *progress) done(r pipeline.Result) {
	p.done_++
	if r.Err != nil {
		p.failures = append(p.failures, r)
	}
	var msgs []string
	switch {
	case r.Err != nil:
		msgs = append(msgs, errorLine(r.Err))
		if p.verbose && r.Stack != "" {
			msgs = append(msgs, r.Stack)
		}
	case p.quiet:
	case r.Skipped:
		if !p.bar || p.verbose || p.total == 1 {
			msgs = append(msgs, fmt.Sprintf("[%d/%d] %s: up to date, skipped", p.done_, p.total, r.Input))
		}
	case !p.bar || p.verbose || p.total == 1:
		var outs []string
		for _, o := range r.Outputs {
			outs = append(outs, o.Path)
		}
		msgs = append(msgs, fmt.Sprintf("[%d/%d] %s -> %s (%.0f ms)", p.done_, p.total, r.Input, strings.Join(outs, ", "), r.Millis))
	}
	switch {
	case r.Err != nil && !p.verbose:
		// A failed input gets one line, its error; what was guessed on the way there is for
		// --verbose.
	case !p.quiet && (p.verbose || len(r.Warnings) <= 3):
		for _, w := range r.Warnings {
			msgs = append(msgs, "warning: "+oneLine(w.String()))
		}
	case !p.quiet && len(r.Warnings) > 0:
		msgs = append(msgs, fmt.Sprintf("warning: %s (and %d more warnings; --verbose shows them)", oneLine(r.Warnings[0].String()), len(r.Warnings)-1))
	}
	// Messages go above the bar: clear it only when there is something to print.
	if len(msgs) > 0 && p.barShown {
		fmt.Fprint(p.io.Err, "\r\033[K")
		p.barShown = false
	}
	for _, m := range msgs {
		fmt.Fprintln(p.io.Err, m)
	}
	if p.bar && !p.quiet && p.done_ < p.total {
		p.drawBar()
	}
}

// redrawEvery throttles the bar: a fast batch would otherwise redraw it thousands of times
// a second.
const redrawEvery = 100 * time.Millisecond

func (p *progress) drawBar() {
	if p.barShown && time.Since(p.lastDraw) < redrawEvery {
		return
	}
	p.lastDraw = time.Now()
	const width = 24
	filled := 0
	if p.total > 0 {
		filled = width * p.done_ / p.total
	}
	eta := ""
	if p.done_ > 0 && p.done_ < p.total {
		per := time.Since(p.started) / time.Duration(p.done_)
		eta = " ETA " + (per * time.Duration(p.total-p.done_)).Round(time.Second).String()
	}
	name := filepath.Base(p.current)
	if len(name) > 40 {
		name = name[:39] + "…"
	}
	fmt.Fprintf(p.io.Err, "\r\033[K[%s%s] %d/%d %s%s", strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.done_, p.total, name, eta)
	p.barShown = true
}

func (p *progress) finish(ok, failed, skipped int, elapsed time.Duration) {
	if p.barShown {
		fmt.Fprint(p.io.Err, "\r\033[K")
	}
	if len(p.failures) > 0 && p.total > 1 {
		fmt.Fprintf(p.io.Err, "scribe: %d of %d input(s) failed:\n", len(p.failures), p.total)
		for _, f := range p.failures {
			fmt.Fprintf(p.io.Err, "  %s\n", f.Input)
		}
	}
	if p.quiet || p.total <= 1 {
		return
	}
	fmt.Fprintf(p.io.Err, "scribe: %d converted, %d failed, %d skipped in %s\n", ok, failed, skipped, elapsed.Round(time.Millisecond))
}
