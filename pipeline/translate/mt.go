package translate

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os/exec"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// MTRequest is one line a machine-translation command reads on standard input.
type MTRequest struct {
	// ID names the segment: "<unit id>#<segment id>" ("p4#s2").
	ID      string `json:"id"`
	Source  string `json:"source"`
	SrcLang string `json:"srcLang"`
	TgtLang string `json:"tgtLang"`
}

// MTResponse is one line the command writes on standard output.
type MTResponse struct {
	ID     string `json:"id"`
	Target string `json:"target"`
}

// maxMTOutput caps what the command may print, so a runaway engine cannot exhaust memory.
const maxMTOutput = 64 << 20

// MachineTranslate pipes every segment of b to command (run with "sh -c", so any local
// engine or wrapper script fits) as JSON lines (MTRequest) and reads JSON lines back
// (MTResponse). Sources are plain text, protected codes written as the text they stand for;
// the placeholders are found again in the output. Results become candidates of type "mt"
// (origin "mt: <command>"), never targets: machine output is a suggestion for a
// translator. A command that fails is an error; unknown or missing ids are warnings.
func MachineTranslate(ctx context.Context, b *Bundle, command string, w *model.Warnings) error {
	type ref struct {
		u *Unit
		s *Seg
	}
	segs := map[string]ref{}
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	var order []string
	for _, u := range b.Units {
		for _, s := range u.Segments {
			if s.Ignorable || !s.Source.HasWords() {
				continue
			}
			id := u.ID + "#" + s.ID
			segs[id] = ref{u, s}
			order = append(order, id)
			if err := enc.Encode(MTRequest{ID: id, Source: s.Source.Plain(u.Codes), SrcLang: b.SourceLang, TgtLang: b.TargetLang}); err != nil {
				return model.Errorf("mt", model.Pos{}, nil, "encoding request: %v", err)
			}
		}
	}
	if len(order) == 0 {
		return nil
	}
	cmd := exec.CommandContext(ctx, "sh", "-c", command)
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &limitedWriter{w: &stderr, n: 64 << 10}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return model.Errorf("mt", model.Pos{}, nil, "%v", err)
	}
	if err := cmd.Start(); err != nil {
		return model.Errorf("mt", model.Pos{}, nil, "starting %q: %v", command, err)
	}
	got := map[string]bool{}
	var unknown []string
	sc := bufio.NewScanner(io.LimitReader(stdout, maxMTOutput))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	var parseErr error
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var r MTResponse
		if err := json.Unmarshal(line, &r); err != nil {
			if parseErr == nil {
				parseErr = err
			}
			continue
		}
		ref, ok := segs[r.ID]
		if !ok || got[r.ID] {
			unknown = append(unknown, r.ID)
			continue
		}
		got[r.ID] = true
		target, rerr := RecoverCodes(r.Target, ref.s.Source, ref.u.Codes)
		if rerr != nil {
			// Keep the suggestion as plain text: a translator can still use its words.
			target = Content{{Kind: SpanText, Text: r.Target}}
		}
		m := Match{Type: "mt", Similarity: 0, Origin: "mt: " + command, Source: ref.s.Source.Clone(),
			Target: target, Codes: usedCodes(ref.u.Codes, ref.s.Source, target)}
		ref.s.Matches = append(ref.s.Matches, m)
	}
	scanErr := sc.Err()
	_, _ = io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		return model.Errorf("mt", model.Pos{}, nil, "machine translation command %q failed: %v %s", command, err, msg)
	}
	if scanErr != nil {
		return model.Errorf("mt", model.Pos{}, nil, "reading machine translation output: %v", scanErr)
	}
	if parseErr != nil {
		w.Warn("mt", model.Pos{}, "machine translation output has lines that are not JSON: %v", parseErr)
	}
	if len(unknown) > 0 {
		w.Warn("mt", model.Pos{}, "machine translation answered unknown or repeated ids: %s", strings.Join(unknown, ", "))
	}
	var missing []string
	for _, id := range order {
		if !got[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		w.Warn("mt", model.Pos{}, "machine translation gave no answer for %d segments: %s", len(missing), strings.Join(missing, ", "))
	}
	return nil
}

// limitedWriter keeps the first n bytes written and drops the rest.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	k := len(p)
	if l.n <= 0 {
		return k, nil
	}
	if len(p) > l.n {
		p = p[:l.n]
	}
	l.n -= len(p)
	_, err := l.w.Write(p)
	return k, err
}
