package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestServeUsageErrors(t *testing.T) {
	short := filepath.Join(t.TempDir(), "token")
	os.WriteFile(short, []byte("short\n"), 0o600)
	for _, args := range [][]string{
		{"serve", "notes.txt"},
		{"serve", "--token", short},
		{"serve", "--queue", "-1"},
	} {
		if code, _, stderr := runCLI(t, nil, args...); code != exitUsage || strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, _, stderr := runCLI(t, nil, "serve", "--addr", "256.0.0.1:99999"); code != exitFailed || !strings.Contains(stderr, "serve:") {
		t.Errorf("bad address: exit %d, stderr %q", code, stderr)
	}
}

// The server starts, says where, warns when it listens beyond loopback without a token, and
// stops cleanly when its context ends (SIGTERM in main).
func TestServeStartsAndStops(t *testing.T) {
	for _, c := range []struct {
		addr string
		warn bool
	}{{"127.0.0.1:0", false}, {"0.0.0.0:0", true}} {
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		var out, errw bytes.Buffer
		code := run(ctx, []string{"scribe", "serve", "--addr", c.addr}, IO{In: strings.NewReader(""), Out: &out, Err: &errw, Env: func(string) string { return "" }})
		cancel()
		stderr := errw.String()
		if code != exitOK || !strings.Contains(stderr, "review desk at http://") {
			t.Errorf("%s: exit %d, stderr %q", c.addr, code, stderr)
		}
		if got := strings.Contains(stderr, "no authentication"); got != c.warn {
			t.Errorf("%s: warning printed %v, want %v: %q", c.addr, got, c.warn, stderr)
		}
	}
}
