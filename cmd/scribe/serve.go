package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/internal/serve"
)

// serveMaxInput is serve's default --max-input-size: a server holds several inputs and
// their documents at once, so it accepts less than one conversion on the command line
// (real minutes are well under 1 MiB; a Word file with pictures a few MiB).
const serveMaxInput = 8 << 20

func newServeCommand(stdio IO) *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "addr", Usage: "address to listen on; anything but loopback is reachable by others (see --token)", Value: "127.0.0.1:8080"},
		&cli.StringFlag{Name: "token", Usage: "file holding a secret token every request must carry (Authorization: Bearer TOKEN; the page asks for it once)", TakesFile: true},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "conversions at once", DefaultText: "number of CPUs"},
		&cli.IntFlag{Name: "queue", Usage: "requests that may wait for a free conversion; more get 503 with Retry-After", Value: 16},
		&cli.DurationFlag{Name: "timeout", Usage: "longest one conversion may take", Value: 60 * time.Second},
		&sizeFlag{Name: "max-body", Usage: "largest request `SIZE`", DefaultText: "--max-input-size plus 1 MiB"},
		&cli.StringFlag{Name: "reference-doc", Usage: "house Word template for DOCX output", TakesFile: true},
		&cli.StringSliceFlag{Name: "font", Usage: "TrueType font file for PDF output (repeatable)", TakesFile: true},
		&cli.StringSliceFlag{Name: "font-dir", Usage: "folder of fonts for PDF output (repeatable); $SCRIBE_FONT_DIR adds one too", TakesFile: true},
	}
	// The metadata flags are the server's defaults; a request's own values win.
	flags = append(flags, readFlags()...)
	for _, f := range limitFlags() {
		if sf, ok := f.(*sizeFlag); ok && sf.Name == "max-input-size" {
			c := *sf
			c.Value = serveMaxInput
			c.Usage = "largest notes file accepted per request, a `SIZE` such as 512KiB or 8MiB"
			f = &c
		}
		flags = append(flags, f)
	}
	return &cli.Command{
		Name:  "serve",
		Usage: "run the review desk (a web page) and the HTTP API",
		Description: `Serves a page where a document officer drops or pastes notes, sees every line marked
with what scribe made of it (and why), corrects a line with a click (the cue is written into
the notes, so the command line gives the same report), checks the report in a live preview,
fills in the metadata and downloads DOCX, PDF, Markdown, JSON, HTML or XLIFF, per language
or as one zip. The same server answers an HTTP API for other systems:

  POST /api/convert?to=pdf&lang=fr   the report (one file, or a zip)
  POST /api/inspect                  the structure as JSON, every source line classified
  POST /api/extract?target=fr,es     XLIFF for translators
  GET  /healthz, GET /api/openapi.json

Everything is embedded and works offline; nothing is written to disk. The server listens on
loopback unless --addr says otherwise; it has no authentication unless --token is given.
SIGTERM or Ctrl+C stops it after the requests in flight are answered.

Examples:
  scribe serve
  scribe serve --addr 0.0.0.0:8080 --token /etc/scribe/token --jobs 4
  curl -sS --data-binary @notes.txt -H 'Content-Type: text/plain' \
    'http://127.0.0.1:8080/api/convert?to=pdf&symbol=A/HRC/59/1' -o report.pdf`,
		Flags:  flags,
		Action: func(ctx context.Context, cmd *cli.Command) error { return runServe(ctx, cmd, stdio) },
	}
}

func runServe(ctx context.Context, cmd *cli.Command, stdio IO) error {
	if cmd.Args().Len() > 0 {
		return usagef("serve takes no arguments, got %q", cmd.Args().First())
	}
	s, err := newSession(cmd, stdio)
	if err != nil {
		return err
	}
	ro := registryOptions{needPDF: true, fonts: pdf.FontOptions{Files: cmd.StringSlice("font"), Dirs: cmd.StringSlice("font-dir")}}
	if ref := cmd.String("reference-doc"); ref != "" {
		data, err := os.ReadFile(ref)
		if err != nil {
			return fmt.Errorf("reference-doc %s: %w", ref, unwrapPath(err))
		}
		ro.referenceDoc, ro.referenceNm = data, ref
	}
	reg, err := buildRegistry(ro)
	if err != nil {
		return err
	}
	opts := s.baseRunnerOptions(cmd, reg)
	if opts.SourceDateEpoch, err = sourceDateEpoch(stdio.Env); err != nil {
		return err
	}
	token := ""
	if f := cmd.String("token"); f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("token %s: %w", f, unwrapPath(err))
		}
		if token = strings.TrimSpace(string(data)); len(token) < 16 {
			return usagef("token %s: the token must be at least 16 characters", f)
		}
	}
	addr := cmd.String("addr")
	loopback := serve.IsLoopback(addr)
	jobs := cmd.Int("jobs")
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	if cmd.Int("queue") < 0 {
		return usagef("--queue must be 0 or more")
	}
	srv, err := serve.New(serve.Options{
		Runner: opts, Jobs: jobs, Queue: cmd.Int("queue"), Timeout: cmd.Duration("timeout"),
		MaxBody: sizeOf(cmd, "max-body"), Token: token, Loopback: loopback, Version: readBuild().release(), Log: stdio.Err,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if !loopback && token == "" {
		fmt.Fprintf(stdio.Err, "scribe serve: WARNING: listening on %s with no authentication: anyone who can reach this address can use the server (start it with --token FILE to require a token)\n", addr)
	}
	fmt.Fprintf(stdio.Err, "scribe serve: review desk at http://%s/ (%d conversions at once; Ctrl+C to stop)\n", displayAddr(ln.Addr()), jobs)
	return srv.Run(ctx, ln, 30*time.Second)
}

// displayAddr is the listener's address as a user would type it in a browser.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
