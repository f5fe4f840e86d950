// Command scribe turns raw meeting and consultation notes into official UN-style reports
// (DOCX, PDF, Markdown, JSON) in the six UN official languages, and exchanges their text
// with translators as XLIFF and TMX.
//
// Exit codes: 0 success; 1 an input failed (or was interrupted); 2 usage error.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Env: os.Getenv, TTY: isTerminal(os.Stderr), OutTTY: isTerminal(os.Stdout)})
	stop()
	os.Exit(code)
}
