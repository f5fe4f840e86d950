package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/pipeline"
)

// Flags every command that runs a batch of inputs shares (convert, extract).
func jobsFlag() cli.Flag {
	return &cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "parallel workers", DefaultText: "number of CPUs"}
}

func failFastFlag() cli.Flag {
	return &cli.BoolFlag{Name: "fail-fast", Usage: "stop at the first input that fails"}
}

func reportFlag(what string) cli.Flag {
	return &cli.StringFlag{Name: "report", Usage: "write a JSON report of the run to FILE (" + what + ")", TakesFile: true}
}

// batch runs a command's inputs through a runner: the output paths planned and checked
// before anything is written, --jobs workers, progress, the --report file. convert and
// extract share it, so both have the same limits, commit, report and error handling.
type batch struct {
	stdio   IO
	session *session
	runner  *pipeline.Runner
	inputs  []input
	outDir  string
	outFile string
	jobs    int
	// failFast, quiet and verbose are the flags of the same names.
	failFast, quiet, verbose bool
	// reportPath is --report; report collects results only when it is set, so a batch's
	// memory does not grow with the number of inputs otherwise.
	reportPath string
	report     *runReport
	// skip, when set, says whether an input's outputs are up to date (--skip-unchanged).
	skip func(pipeline.Job) bool
	// onDone, when set, sees every result after the progress display.
	onDone func(pipeline.Result)
}

// batchCounts are the outcome of a batch.
type batchCounts struct {
	ok, failed, skipped int
	elapsed             time.Duration
}

// newBatch reads the batch flags of cmd.
func newBatch(cmd *cli.Command, stdio IO, s *session, runner *pipeline.Runner, inputs []input, outDir, outFile string) *batch {
	jobs := cmd.Int("jobs")
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	b := &batch{
		stdio: stdio, session: s, runner: runner, inputs: inputs, outDir: outDir, outFile: outFile,
		jobs: jobs, failFast: cmd.Bool("fail-fast"), quiet: cmd.Bool("quiet"), verbose: cmd.Bool("verbose"),
		reportPath: cmd.String("report"),
	}
	if b.reportPath != "" {
		b.report = newReport(runner.Options(), inputs)
	}
	return b
}

// job is the runner's job for one input.
func (b *batch) job(in input) pipeline.Job {
	return pipeline.Job{Path: in.path, Data: in.data, OutDir: b.outDir, OutFile: b.outFile, RelDir: in.relDir}
}

// plan refuses, before anything is written, a batch whose outputs would collide with each
// other, with an input or with the report, and a report that would replace an input.
func (b *batch) plan(keep map[string]string) error {
	if b.reportPath != "" {
		if err := b.session.files.CheckDest(b.reportPath); err != nil {
			return usageError{err}
		}
		if keep == nil {
			keep = map[string]string{}
		}
		keep[b.reportPath] = "the run report " + b.reportPath
	}
	jobs := make([]pipeline.Job, len(b.inputs))
	for i, in := range b.inputs {
		jobs[i] = b.job(in)
	}
	if err := b.runner.Plan(jobs, pipeline.PlanOptions{Keep: keep}); err != nil {
		return usageError{collisionHint(err)}
	}
	return nil
}

// run converts every input with the batch's workers and reports progress.
func (b *batch) run(ctx context.Context) batchCounts {
	ch := make(chan pipeline.Job)
	go func() {
		defer close(ch)
		for _, in := range b.inputs {
			select {
			case ch <- b.job(in):
			case <-ctx.Done():
				return
			}
		}
	}()
	prog := newProgress(b.stdio, len(b.inputs), b.quiet, b.verbose)
	bo := pipeline.BatchOptions{
		Jobs:     b.jobs,
		FailFast: b.failFast,
		Skip:     b.skip,
		OnStart:  func(j pipeline.Job) { prog.start(j.Path) },
		OnDone: func(r pipeline.Result) {
			prog.done(r)
			if b.report != nil {
				b.report.add(r)
			}
			if b.onDone != nil {
				b.onDone(r)
			}
		},
	}
	start := time.Now()
	var c batchCounts
	c.ok, c.failed, c.skipped = b.runner.Batch(ctx, ch, bo)
	c.elapsed = time.Since(start)
	prog.finish(c.ok, c.failed, c.skipped, c.elapsed)
	return c
}

// writeReport writes the --report file, when asked for.
func (b *batch) writeReport(c batchCounts) error {
	if b.report == nil {
		return nil
	}
	return b.report.write(b.session.files, b.reportPath, c.elapsed)
}

// outcome is the command's error for a finished batch: the interruption, the inputs that
// failed, or those never converted (--fail-fast).
func (b *batch) outcome(ctx context.Context, c batchCounts) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.failed > 0 {
		return failedError{c.failed}
	}
	if notDone := len(b.inputs) - c.ok - c.failed - c.skipped; notDone > 0 {
		return failedError{notDone}
	}
	return nil
}

// collisionHint adds what to do to a collision found by the plan.
func collisionHint(err error) error {
	var c *pipeline.Collision
	if !errors.As(err, &c) {
		return err
	}
	if c.SameStem {
		return fmt.Errorf("%w: convert them separately, into different folders (-o), or convert a folder holding both with -r, whose outputs mirror its sub-folders", err)
	}
	return fmt.Errorf("%w: give another output folder (-o)", err)
}
