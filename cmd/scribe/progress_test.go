package main

import (
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/pipeline"
)

// TestProgressLines: a terminal gets the redrawn bar unless TERM=dumb or NO_COLOR asks for
// plain lines; a single conversion prints its "input -> output" line on a terminal too
// (issue 16 item 11).
func TestProgressLines(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name     string
		tty      bool
		env      func(string) string
		inputs   int
		wantBar  bool
		wantLine bool
	}{
		{"pipe, batch", false, env(), 2, false, true},
		{"terminal, batch", true, env("TERM", "xterm"), 2, true, false},
		{"terminal, one input", true, env("TERM", "xterm"), 1, true, true},
		{"dumb terminal", true, env("TERM", "dumb"), 2, false, true},
		{"NO_COLOR", true, env("TERM", "xterm", "NO_COLOR", "1"), 2, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr strings.Builder
			p := newProgress(IO{Err: &stderr, TTY: tt.tty, Env: tt.env}, tt.inputs, false, false)
			for i := 0; i < tt.inputs; i++ {
				p.start("notes.txt")
				p.done(pipeline.Result{Input: "notes.txt", Outputs: []pipeline.Output{{Path: "out/notes.en.docx"}}})
			}
			p.finish(tt.inputs, 0, 0, time.Second)
			got := stderr.String()
			if bar := strings.Contains(got, "\033[K"); bar != tt.wantBar {
				t.Errorf("control sequences = %v, want %v: %q", bar, tt.wantBar, got)
			}
			if line := strings.Contains(got, "notes.txt -> out/notes.en.docx"); line != tt.wantLine {
				t.Errorf("'-> path' line = %v, want %v: %q", line, tt.wantLine, got)
			}
		})
	}
}
