package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/formats/docx"
	"github.com/scribe-un/scribe/internal/hugeheap"
	"github.com/scribe-un/scribe/internal/outfile"

	"github.com/scribe-un/scribe/formats/pdf"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

func newConvertCommand(stdio IO) *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output folder; a file name such as report.pdf (one input, one language; its extension gives the format); or - for standard output (one input, one format, one language)", Value: "."},
		&cli.StringSliceFlag{Name: "to", Aliases: []string{"t"}, Usage: "output formats, comma-separated: docx, pdf, md, json, html", DefaultText: "docx"},
		&cli.StringSliceFlag{Name: "lang", Aliases: []string{"l"}, Usage: "output languages, comma-separated: ar, zh, en, fr, ru, es", DefaultText: "the notes' language"},
		&cli.BoolFlag{Name: "recursive", Aliases: []string{"r"}, Usage: "convert every note file found in the folders given, mirroring them under the output folder"},
		&cli.StringSliceFlag{Name: "translations", Usage: "translated XLIFF files, or folders of them, for the output languages (repeatable); each is matched to its input", TakesFile: true},
		&cli.BoolFlag{Name: "accept-drafts", Usage: "use translations in draft states too", DefaultText: "translated and final only"},
		reportFlag("outputs with sha256, pages, words, untranslated share, fonts, warnings, errors"),
		&cli.BoolFlag{Name: "skip-unchanged", Usage: "skip inputs whose outputs are up to date (same input, scribe build, options and fonts)"},
		&cli.StringFlag{Name: "reference-doc", Usage: "house Word template: styles, numbering look, page setup, header and footer (and the emblem: its PNG picture named emblem, else the first that is not a barcode)", TakesFile: true},
		&cli.StringFlag{Name: "emblem", Usage: "organisation's emblem, a PNG printed in the masthead (none is built in: the UN emblem's use is restricted)", TakesFile: true},
		&cli.StringSliceFlag{Name: "font", Usage: "TrueType font file for PDF output (repeatable); used before the system's fonts", TakesFile: true},
		&cli.StringSliceFlag{Name: "font-dir", Usage: "folder of fonts for PDF output (repeatable); $SCRIBE_FONT_DIR adds one too", TakesFile: true},
		&cli.BoolFlag{Name: "no-system-fonts", Usage: "use only the embedded fonts and those given with --font and --font-dir (Arabic and Chinese then need one)"},
		jobsFlag(),
		failFastFlag(),
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print errors only"},
		// For performance work on real batches: go tool pprof scribe FILE.
		&cli.StringFlag{Name: "cpu-profile", Usage: "write a CPU profile of the conversion to FILE", TakesFile: true, Hidden: true},
	}
	flags = append(append(append(flags, minutesFlags()...), readFlags()...), limitFlags()...)
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert notes into reports (DOCX, PDF, Markdown, JSON, HTML)",
		ArgsUsage: "INPUT… (files, folders with -r, globs, @list.txt, or - for standard input)",
		Description: `Reads each input, recovers its structure, numbers it the UN way and writes
OUTPUT/<stem>.<lang>.<ext> for every format and language asked for. Folders given with -r are
mirrored under OUTPUT. Each output is written to a temporary file and renamed into place when
complete; an input that fails leaves no output, and the others go on.

Examples:
  scribe convert notes.txt --to docx,pdf -o out
  scribe convert notes.txt --lang en,fr,es,ru,zh,ar --to pdf -o out
  scribe convert -r minutes/ -o out --report report.json
  scribe convert notes.txt --lang fr --translations notes.fr.xlf --to docx -o out
  cat notes.txt | scribe convert - --to md -o -

SOURCE_DATE_EPOCH fixes every timestamp in the outputs (otherwise the meeting date is used,
or 1 January 1980 for notes without one; never the file's time or the clock), so the same
inputs give byte-identical files.`,
		Flags:  flags,
		Action: func(ctx context.Context, cmd *cli.Command) error { return runConvert(ctx, cmd, stdio) },
	}
}

func runConvert(ctx context.Context, cmd *cli.Command, stdio IO) error {
	if cmd.Args().Len() == 0 {
		return usagef("convert: no input given (a file, a folder with -r, a glob, @list.txt, or -)")
	}
	s, err := newSession(cmd, stdio)
	if err != nil {
		return err
	}
	dest, err := convertDestination(cmd)
	if err != nil {
		return err
	}
	reg, fontSet, err := s.convertRegistry(cmd, dest.to)
	if err != nil {
		return err
	}
	opts := s.baseRunnerOptions(cmd, reg)
	if opts.OutputTransforms, err = outputTransforms(cmd); err != nil {
		return err
	}
	if opts.SourceDateEpoch, err = sourceDateEpoch(stdio.Env); err != nil {
		return err
	}
	opts.To, opts.Langs, opts.Stdout = dest.to, dest.langs, stdio.Out
	inputs, err := s.expandInputs(cmd, stdio)
	if err != nil {
		return err
	}
	if len(inputs) == 1 {
		// The writers of a lone input fill memory the heap maps after start-up: advised
		// like the first chunk, it faults in as a few huge pages, not page by page.
		opts.AfterParse = hugeheap.Advise
	}
	if stdio.Env("GOGC") == "" {
		opts.DocumentRead = collectLongModel
	}
	tm, err := s.convertTranslations(cmd, &opts, len(inputs))
	if err != nil {
		return err
	}
	runner, err := newSymbolRunner(opts, opts.Meta.Symbol)
	if err != nil {
		return usageError{err}
	}
	if err := dest.check(len(inputs), stdio); err != nil {
		return err
	}
	b := newBatch(cmd, stdio, s, runner.Runner, inputs, dest.outDir, dest.outFile)
	keep := map[string]string{}
	var manifest *manifest
	if cmd.Bool("skip-unchanged") && dest.outDir != "-" {
		manifest = loadManifest(dest.outDir, optionsFingerprint(cmd, opts, tm.digest(), fontKey(fontSet, opts.Locales, dest.langs)), s.limits.MaxInputBytes)
		keep[manifest.path] = "the manifest " + manifest.path
		b.skip = manifest.upToDate
	}
	if err := b.plan(keep); err != nil {
		return err
	}
	sourceText := sourceTextVersions{}
	b.onDone = func(r pipeline.Result) {
		sourceText.add(r)
		if manifest != nil && r.Err == nil && !r.Skipped {
			manifest.record(r)
		}
	}
	if pct := gcPercentFor(inputs); pct != 0 && stdio.Env("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(pct))
	}
	if path := cmd.String("cpu-profile"); path != "" {
		stop, err := startCPUProfile(path)
		if err != nil {
			return err
		}
		defer stop()
	}
	counts := b.run(ctx)
	if !b.quiet {
		sourceText.print(stdio)
	}
	return finishConvert(ctx, stdio, b, convertEnd{counts: counts, manifest: manifest, tm: tm, files: s.files, strict: opts.Strict})
}

// convertTranslations loads --translations for n inputs into opts.Translate, and makes
// the files inputs of the run (never written over); nil when none are given.
func (s *session) convertTranslations(cmd *cli.Command, opts *pipeline.Options, n int) (*translationSet, error) {
	args := cmd.StringSlice("translations")
	if len(args) == 0 {
		return nil, nil
	}
	tm, err := loadTranslations(args, cmd.Bool("accept-drafts"), *opts, n)
	if err != nil {
		return nil, err
	}
	for _, p := range tm.paths {
		s.files.AddInput(p)
	}
	opts.Translate = tm.catalog.Translator()
	return tm, nil
}

// convertEnd is what a convert run hands over once every input is done.
type convertEnd struct {
	counts   batchCounts
	manifest *manifest // nil without --skip-unchanged
	tm       *translationSet
	files    *outfile.Writer
	strict   bool
}

// finishConvert saves the manifest, says which translation files matched no input,
// writes the report and turns the counts into the command's outcome.
func finishConvert(ctx context.Context, stdio IO, b *batch, e convertEnd) error {
	if e.manifest != nil {
		if err := e.manifest.save(e.files); err != nil {
			// The outputs are written; only the next run's shortcut is lost.
			fmt.Fprintf(stdio.Err, "warning: %s (the next run converts every input again)\n", errorLine(err))
		}
	}
	// Which translation files matched no input is known once every input has been
	// converted (skipped or failed inputs may not have been looked at: nothing is said then).
	unmatched := 0
	if e.tm != nil && e.counts.skipped == 0 && e.counts.failed == 0 && ctx.Err() == nil {
		unmatched = e.tm.reportUnmatched(stdio, b.quiet)
	}
	if b.report != nil && e.tm != nil {
		b.report.Translations = e.tm.catalog.Uses()
	}
	if err := b.writeReport(e.counts); err != nil {
		return err
	}
	if err := b.outcome(ctx, e.counts); err != nil {
		return err
	}
	if unmatched > 0 && e.strict {
		return fmt.Errorf("%w: %d translation file(s) matched no input", model.ErrStrict, unmatched)
	}
	return nil
}

// destination is where convert writes: formats, languages, and an output folder, one
// output file (pandoc's -o report.pdf) or standard output (-o -).
type destination struct {
	to, langs       []string
	outDir, outFile string
}

// convertDestination reads --to, --lang and -o.
func convertDestination(cmd *cli.Command) (destination, error) {
	d := destination{to: splitList(cmd.StringSlice("to")), langs: splitList(cmd.StringSlice("lang")), outDir: cmd.String("output")}
	if d.outDir == "" {
		d.outDir = "."
	}
	// pandoc's habit: -o report.pdf names the file (and the format, unless --to says it).
	if f := outputFileFormat(d.outDir); f != "" {
		if len(d.to) > 0 && (len(d.to) != 1 || d.to[0] != f) {
			return d, usagef("-o %s is a %s file name but --to asks for %s: leave --to out, or give a folder for several formats", d.outDir, f, strings.Join(d.to, ","))
		}
		if len(d.langs) > 1 || cmd.Args().Len() != 1 || cmd.Bool("recursive") {
			return d, usagef("-o %s names one file: give one input and at most one --lang, or give a folder (-o out)", d.outDir)
		}
		d.to, d.outFile, d.outDir = []string{f}, d.outDir, filepath.Dir(d.outDir)
	}
	if len(d.to) == 0 {
		d.to = []string{"docx"}
	}
	return d, nil
}

// check refuses what the destination cannot take once the inputs are known.
func (d destination) check(inputs int, stdio IO) error {
	if d.outFile != "" && inputs != 1 {
		return usagef("-o %s names one file, but %d inputs were given: give a folder (-o out)", d.outFile, inputs)
	}
	if d.outDir == "-" && (inputs != 1 || len(d.to) != 1 || len(d.langs) > 1) {
		return usagef("-o - writes to standard output: give one input, one format and at most one language")
	}
	if d.outDir == "-" && stdio.OutTTY && binaryFormats[d.to[0]] {
		return usagef("-o - would write a binary %s to the terminal: redirect it (> report.%s) or name the file (-o report.%s)", strings.ToUpper(d.to[0]), d.to[0], d.to[0])
	}
	return nil
}

// convertRegistry builds the readers and writers convert needs: fonts when a PDF is asked
// for, the house template for DOCX. The files it reads are inputs of the run.
func (s *session) convertRegistry(cmd *cli.Command, to []string) (*pipeline.Registry, *pdf.FontSet, error) {
	ro := registryOptions{needPDF: contains(to, "pdf"), fonts: fontOptions(cmd, s.env)}
	for _, f := range ro.fonts.Files {
		s.files.AddInput(f)
	}
	if ref := cmd.String("reference-doc"); ref != "" {
		data, err := os.ReadFile(ref)
		if err != nil {
			return nil, nil, fmt.Errorf("reference-doc %s: %w", ref, unwrapPath(err))
		}
		ro.referenceDoc, ro.referenceNm = data, ref
		s.files.AddInput(ref)
	}
	if e := cmd.String("emblem"); e != "" {
		data, err := os.ReadFile(e)
		if err != nil {
			return nil, nil, fmt.Errorf("emblem %s: %w", e, unwrapPath(err))
		}
		ro.emblem, ro.emblemNm = data, e
		s.files.AddInput(e)
	} else if ro.referenceDoc != nil {
		// The organisation's emblem from its template, for the PDF's masthead too.
		if png, name, ok := docx.ReferenceEmblem(ro.referenceDoc); ok {
			ro.emblem, ro.emblemNm = png, ro.referenceNm+":"+name
		}
	}
	if ro.needPDF {
		var err error
		if ro.fontSet, err = pdf.LoadFonts(ro.fonts); err != nil {
			return nil, nil, err
		}
	}
	reg, err := buildRegistry(ro)
	return reg, ro.fontSet, err
}

// binaryFormats are the formats not written to a terminal.
var binaryFormats = map[string]bool{"docx": true, "pdf": true}

// outputFileFormat returns the format an -o value names by its extension when it is a file
// to write (report.pdf → pdf), or "" for a folder: "-", no known extension, or an
// existing folder (a folder called out.pdf stays a folder).
func outputFileFormat(path string) string {
	if path == "-" {
		return ""
	}
	f := map[string]string{".docx": "docx", ".pdf": "pdf", ".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}[strings.ToLower(filepath.Ext(path))]
	if f == "" {
		return ""
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return ""
	}
	return f
}

// gcPercentFor is the garbage collector's target for a run over inputs (unless GOGC is
// set), 0 to keep Go's default: smallGCPercent for one short input, batchGCPercent for a
// batch of ordinary notes, largeGCPercent as soon as one input is large.
func gcPercentFor(inputs []input) int {
	largest := int64(0)
	for _, in := range inputs {
		n := int64(len(in.data))
		if in.data == nil {
			if fi, err := os.Stat(in.path); err == nil {
				n = fi.Size()
			}
		}
		largest = max(largest, n)
	}
	switch {
	case largest >= largeInput:
		return largeGCPercent
	case len(inputs) > 1:
		return batchGCPercent
	case largest < smallInput:
		return smallGCPercent
	}
	return 0
}

// A large input's document takes about six bytes of memory per byte of notes while it is
// converted, and the writers' work as much again in garbage; at Go's default target the heap
// then grows to twice what is live. Measured on 60 MB of real notes (two cores, one run
// each): PDF peak RSS 1.48 GB at the default target, 1.02 GB at 25 (64 s of CPU instead of
// 54 s); DOCX 1.13 GB and 0.77 GB. Below largeInput the memory is small and the collector's
// time is what counts.
const (
	largeInput     = 4 << 20
	largeGCPercent = 25
)

// collectLongModel runs the garbage collector when a writer is done reading a document
// whose model holds more than longModelHeap bytes: the file it then assembles (a DOCX's
// compressed parts, the package around them) reuses the model's memory instead of growing
// the heap past it. Measured on 12 MB of notes to DOCX (two cores, three runs each): peak
// RSS 97.5–98.4 MB before, 93.8–95.2 MB after, for one collection of a heap of a few MB.
// Short notes never reach the threshold, so a batch of them pays one read of a runtime
// metric per input.
func collectLongModel() {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() == metrics.KindUint64 && live[0].Value.Uint64() >= longModelHeap {
		runtime.GC()
	}
}

// longModelHeap is the live heap above which collectLongModel collects: the model of about
// 4 MB of notes (largeInput).
const longModelHeap = 16 << 20

// batchGCPercent is the garbage collector's target during a batch (unless GOGC is set).
// A seed document allocates about 1.7 MB over a live heap of a few MB, so at the default
// of 100 the collector runs every few documents, and with --jobs 2 it competes with the
// workers for the cores. Measured on 1,000 seed notes, two cores, medians of three runs:
// GOGC 100 took 2.98 s and 5.4 ms CPU per note at 32 MB peak, 200 took 2.76 s and 5.2 ms at
// 43 MB, still flat in the number of inputs (the heap is bounded by the documents in
// flight).
const batchGCPercent = 200

// One short input (a CI step converting one report) allocates about 15 MB in all over a live
// heap of a few MB: at Go's default target the collector runs several times in a process
// that lives 30 ms, a sixth of its CPU. Below smallInput the heap is small whatever the
// target, so the collector is given room.
const (
	smallInput     = 256 << 10
	smallGCPercent = 400
)

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// symbolRunner expands a symbol pattern ({stem}, {yyyy}) per input. Plain symbols pass
// through unchanged.
type symbolRunner struct {
	*pipeline.Runner
}

func newSymbolRunner(opts pipeline.Options, pattern string) (*symbolRunner, error) {
	if normalize.IsSymbolPattern(pattern) {
		opts.SourceTransforms = append(append([]model.Transform(nil), opts.SourceTransforms...), normalize.SymbolPattern{Pattern: pattern})
		opts.Meta.Symbol = ""
	}
	r, err := pipeline.NewRunner(opts)
	if err != nil {
		return nil, err
	}
	return &symbolRunner{r}, nil
}

// startCPUProfile profiles the process into path until the returned function is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu-profile: %w", unwrapPath(err))
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu-profile %s: %w", path, err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}
