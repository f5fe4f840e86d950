// Command scribe turns raw meeting and consultation notes into official UN-style reports
// (DOCX, PDF, Markdown, JSON) in the six UN official languages, and exchanges their text
// with translators as XLIFF and TMX.
//
// Exit codes: 0 success; 1 an input failed; 2 usage error; 130 interrupted (SIGINT,
// Ctrl-C); 143 terminated (SIGTERM). An interrupted run stops its conversions and leaves
// only whole files; a second Ctrl-C exits at once.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	// Before the packages that allocate most at start-up: see the package.
	_ "github.com/scribe-un/scribe/internal/hugeheap"
)

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		cancel(interrupted{sig})
		// The run is stopping its conversions; a second signal means now. Temporary files
		// left behind are removed by the next run into their folder.
		sig = <-sigs
		os.Exit(signalExit(sig))
	}()
	code := run(ctx, os.Args, IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Env: os.Getenv, TTY: isTerminal(os.Stderr), OutTTY: isTerminal(os.Stdout),
		SetMemoryLimit: func(n int64) { debug.SetMemoryLimit(n) }})
	os.Exit(code)
}
