package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"

	"github.com/scribe-un/scribe/internal/suggest"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/urfave/cli/v3"
	"golang.org/x/term"
)

// IO is the program's environment, injected so commands run in-process in tests.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// Env looks up environment variables (os.Getenv in production).
	Env func(string) string
	// TTY is true when Err is a terminal: progress is drawn as a bar, not logged per line.
	TTY bool
	// OutTTY is true when Out is a terminal: binary formats are not written there.
	OutTTY bool
	// SetMemoryLimit sets the process's soft memory limit (debug.SetMemoryLimit); nil
	// leaves it alone, as tests running scribe in their own process do.
	SetMemoryLimit func(int64)
}

// Exit codes, mapped in one place. After a signal, the shell's convention: 128 plus the
// signal's number (130 for SIGINT, 143 for SIGTERM).
const (
	exitOK        = 0
	exitFailed    = 1
	exitUsage     = 2
	exitInterrupt = 128 + 2
	exitTerminate = 128 + 15
)

// interrupted is the cause of the run's context when a signal stops it.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "interrupted by " + i.sig.String() }

// signalExit is the exit code after sig.
func signalExit(sig os.Signal) int {
	if sig == syscall.SIGTERM {
		return exitTerminate
	}
	return exitInterrupt
}

// usageError marks a mistake in the command line (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// failedError means at least one input failed; the details were already printed.
type failedError struct{ n int }

func (e failedError) Error() string { return fmt.Sprintf("%d input(s) failed", e.n) }

// exitCode maps an error returned by a command, and the signal that stopped the run if one
// did, to the process exit code.
func exitCode(err error, stop *interrupted) int {
	var ue usageError
	switch {
	case stop != nil:
		return signalExit(stop.sig)
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	}
	return exitFailed
}

func run(ctx context.Context, args []string, stdio IO) int {
	app := newApp(stdio)
	err := app.Run(ctx, args)
	var stop *interrupted
	if sig, ok := context.Cause(ctx).(interrupted); ok {
		stop = &sig
	}
	code := exitCode(err, stop)
	var fe failedError
	switch {
	case stop != nil:
		fmt.Fprintf(stdio.Err, "scribe: %s; finished outputs are kept, nothing else was written\n", stop)
	case err == nil:
	case errors.As(err, &fe):
		// per-input errors are already printed
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stdio.Err, "scribe: interrupted")
	default:
		msg := errorLine(err)
		if !strings.HasPrefix(msg, "scribe") && !isStageError(err) {
			msg = "scribe: " + msg
		}
		fmt.Fprintln(stdio.Err, msg)
		if code == exitUsage {
			fmt.Fprintln(stdio.Err, "Run 'scribe --help' or 'scribe COMMAND --help' for usage.")
		}
	}
	return code
}

func isStageError(err error) bool {
	var se *model.Error
	return errors.As(err, &se)
}

// errorLine is how an error is printed: on one line, followed by the flag that would change
// the outcome when the error points to a setting (the pipeline names settings, not flags).
func errorLine(err error) string {
	msg := oneLine(err.Error())
	if f := settingFlag(model.SettingOf(err)); f != "" && !strings.Contains(msg, f) {
		msg += " (" + f + ")"
	}
	return msg
}

// settingFlag is the flag that sets s.
func settingFlag(s model.Setting) string {
	switch s {
	case model.SettingMaxInputBytes:
		return "--max-input-size"
	case model.SettingMaxInflatedBytes:
		return "--max-inflated-size"
	case model.SettingMaxDepth:
		return "--max-depth"
	case model.SettingMaxBlocks:
		return "--max-blocks"
	case model.SettingMaxMemory:
		return "--max-memory"
	case model.SettingFormats:
		return "--to"
	case model.SettingLangs:
		return "--lang"
	case model.SettingStrict:
		return "--strict"
	}
	return ""
}

// oneLine keeps an error message on one line, as users and CI logs expect.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

func newApp(stdio IO) *cli.Command {
	onUsage := func(_ context.Context, _ *cli.Command, err error, _ bool) error { return usageError{err} }
	app := &cli.Command{
		Name:    "scribe",
		Usage:   "turn raw meeting notes into official UN-style reports",
		Version: readBuild().Version,
		// --version is scribe's own flag, at the top only: -v is --verbose everywhere.
		HideVersion: true,
		Description: `scribe reads meeting notes (plain text, Markdown, Word, HTML, MediaWiki,
reStructuredText, org-mode, IRC logs and W3C minutes, its own JSON), recovers their
structure (masthead, headings, speaker paragraphs, subparagraphs, quotations), numbers them the
UN way and writes DOCX, PDF, Markdown or JSON in any of the six UN official languages
(ar, zh, en, fr, ru, es). Translators get XLIFF files; their work comes back in with
--translations.

Start with:  scribe convert notes.txt --to docx,pdf -o out
Then:        scribe COMMAND --help

Exit codes: 0 success, 1 an input failed, 2 usage error.`,
		Reader:                stdio.In,
		Writer:                stdio.Out,
		ErrWriter:             stdio.Err,
		OnUsageError:          onUsage,
		ExitErrHandler:        func(context.Context, *cli.Command, error) {},
		EnableShellCompletion: true,
		ConfigureShellCompletionCommand: func(c *cli.Command) {
			c.Hidden = false
			c.Usage = "print a shell completion script (bash, zsh, fish, pwsh); see README, \"Install\""
		},
		Flags: []cli.Flag{
			verboseFlag(),
			&cli.BoolFlag{Name: "version", Usage: "print the version and exit", Local: true},
		},
		Commands: []*cli.Command{
			newConvertCommand(stdio),
			newInspectCommand(stdio),
			newExtractCommand(stdio),
			newTMCommand(stdio),
			newFontsCommand(stdio),
			newInitCommand(stdio),
			newVersionCommand(stdio),
			newManCommand(stdio),
			newServeCommand(stdio),
		},
		Action: func(_ context.Context, cmd *cli.Command) error {
			if cmd.Bool("version") {
				fmt.Fprintln(stdio.Out, readBuild().String())
				return nil
			}
			if cmd.Args().Len() > 0 {
				return unknownCommand(cmd, cmd.Args().First())
			}
			return cli.ShowAppHelp(cmd)
		},
	}
	setUsageErrors(app, onUsage)
	guardActions(app, stdio)
	return app
}

// guardActions makes every command's action the command's recover boundary: a panic in
// the command (outside a runner's job, which has its own) becomes an internal error, with
// the stack printed under --verbose, instead of a Go trace.
func guardActions(c *cli.Command, stdio IO) {
	if act := c.Action; act != nil {
		c.Action = func(ctx context.Context, cmd *cli.Command) (err error) {
			defer func() {
				var pe *model.PanicError
				if errors.As(err, &pe) && cmd.Bool("verbose") {
					fmt.Fprintf(stdio.Err, "%s\n", pe.Stack)
				}
			}()
			defer model.Recover(&err)
			return act(ctx, cmd)
		}
	}
	for _, sub := range c.Commands {
		guardActions(sub, stdio)
	}
}

// setUsageErrors makes flag errors usage errors (exit 2) in every command, and gives every
// command that only groups others ("tm") an action that names its subcommands.
func setUsageErrors(c *cli.Command, onUsage cli.OnUsageErrorFunc) {
	for _, sub := range c.Commands {
		sub.OnUsageError = onUsage
		if sub.Action == nil && len(sub.Commands) > 0 {
			sub.Action = func(_ context.Context, cmd *cli.Command) error {
				if cmd.Args().Len() > 0 {
					return unknownCommand(cmd, cmd.Args().First())
				}
				return cli.ShowSubcommandHelp(cmd)
			}
		}
		setUsageErrors(sub, onUsage)
	}
}

// unknownCommand is the usage error for "scribe foo" and "scribe tm foo": it lists the
// commands there are, nearest first when one is close.
func unknownCommand(cmd *cli.Command, name string) error {
	var names []string
	for _, c := range cmd.VisibleCommands() {
		if c.Name != "help" {
			names = append(names, c.Name)
		}
	}
	where := cmd.FullName()
	msg := fmt.Sprintf("%s: unknown command %q (commands: %s)", where, name, strings.Join(names, ", "))
	if near := suggest.Nearest(name, names); near != "" {
		msg = fmt.Sprintf("%s: unknown command %q: did you mean %q? (commands: %s)", where, name, near, strings.Join(names, ", "))
	}
	return usageError{errors.New(msg)}
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
