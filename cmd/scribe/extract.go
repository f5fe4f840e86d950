package main

import (
	"bytes"
	"context"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/formats/glossary"
	"github.com/scribe-un/scribe/formats/tmx"
	"github.com/scribe-un/scribe/formats/xliff"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/translate"
)

func newExtractCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "write XLIFF files for translators, one per target language",
		ArgsUsage: "INPUT…",
		Description: `Writes OUTPUT/<stem>.<lang>.xlf for each input and target language: one unit per block
(heading, paragraph, subparagraph, quotation paragraph, note, title and venue), with stable ids
(h2, p12, p12.a), sentence segments, notes naming the paragraph number, heading and speaker,
and document symbols, dates, times, numbers, URLs and e-mail addresses as protected
placeholders. Extracting the same notes again gives the same file. Inputs are read, limited
and written as convert's are: an input that fails leaves no file, the others go on.

Examples:
  scribe extract notes.txt --target fr,es -o xliff/
  scribe extract notes.txt --target fr --format xliff12 --tm memory.tmx --glossary terms.csv -o xliff/
  scribe extract -r minutes/ --target fr -o xliff/ --report extract.json`,
		Flags: append(append([]cli.Flag{
			&cli.StringSliceFlag{Name: "target", Aliases: []string{"t"}, Usage: "target languages, comma-separated (required): ar, zh, en, fr, ru, es"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output folder", Value: "."},
			&cli.StringFlag{Name: "format", Usage: "xliff2 (XLIFF 2.0) or xliff12 (XLIFF 1.2)", Value: "xliff2"},
			&cli.BoolFlag{Name: "recursive", Aliases: []string{"r"}, Usage: "extract every note file found in the folders given, mirroring them under the output folder"},
			&cli.StringSliceFlag{Name: "tm", Usage: "TMX translation memory (repeatable): exact matches pre-fill targets in state \"initial\" for review, fuzzy ones become candidates", TakesFile: true},
			&cli.FloatFlag{Name: "fuzzy", Usage: "lowest similarity, in percent, of a memory match offered as a candidate", Value: 75},
			&cli.StringFlag{Name: "glossary", Usage: "terminology offered with each unit: TBX, or CSV with a header row of language codes", TakesFile: true},
			&cli.StringFlag{Name: "mt-command", Usage: "machine translation command, run with sh -c once per XLIFF file: reads JSON lines {id,source,srcLang,tgtLang} on its input, writes {id,target} lines; its output becomes candidates, never targets"},
			jobsFlag(),
			failFastFlag(),
			reportFlag("the XLIFF files written with sha256, warnings, errors"),
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print errors only"},
		}, readFlags()...), limitFlags()...),
		Action: func(ctx context.Context, cmd *cli.Command) error { return runExtract(ctx, cmd, stdio) },
	}
}

func runExtract(ctx context.Context, cmd *cli.Command, stdio IO) error {
	if cmd.Args().Len() == 0 {
		return usagef("extract: no input given")
	}
	targets := splitList(cmd.StringSlice("target"))
	if len(targets) == 0 {
		return usagef("extract: --target is required (e.g. --target fr,es)")
	}
	xliffVersion := map[string]string{"xliff2": xliff.Version20, "xliff20": xliff.Version20, "2.0": xliff.Version20, "xliff12": xliff.Version12, "1.2": xliff.Version12}[strings.ToLower(cmd.String("format"))]
	if xliffVersion == "" {
		return usagef("extract: --format must be xliff2 or xliff12, got %q", cmd.String("format"))
	}
	s, err := newSession(cmd, stdio)
	if err != nil {
		return err
	}
	for i, t := range targets {
		loc, err := s.locales.Lookup(t)
		if err != nil {
			return usageError{err}
		}
		targets[i] = loc.Tag
	}
	x := &xliffRenderer{targets: targets, version: xliffVersion, fuzzy: cmd.Float("fuzzy"), mtCommand: cmd.String("mt-command")}
	if x.memory, err = s.readMemories(cmd.StringSlice("tm")); err != nil {
		return err
	}
	if x.glossary, err = s.readGlossary(cmd.String("glossary")); err != nil {
		return err
	}
	reg, err := buildRegistry(registryOptions{})
	if err != nil {
		return err
	}
	opts := s.baseRunnerOptions(cmd, reg)
	opts.Render = x.render
	runner, err := pipeline.NewRunner(opts)
	if err != nil {
		return usageError{err}
	}
	inputs, err := s.expandInputs(cmd, stdio)
	if err != nil {
		return err
	}
	b := newBatch(cmd, stdio, s, runner, inputs, cmd.String("output"), "")
	if err := b.plan(nil); err != nil {
		return err
	}
	counts := b.run(ctx)
	if err := b.writeReport(counts); err != nil {
		return err
	}
	return b.outcome(ctx, counts)
}

// readMemories reads the --tm files.
func (s *session) readMemories(paths []string) ([]translate.TU, error) {
	var tus []translate.TU
	for _, f := range paths {
		data, err := pipeline.ReadInput(f, nil, s.limits.MaxInputBytes)
		if err != nil {
			return nil, err
		}
		got, err := tmx.Read(data, tmx.ReadOptions{Name: f, Limits: s.limits})
		if err != nil {
			return nil, err
		}
		s.files.AddInput(f)
		tus = append(tus, got...)
	}
	return tus, nil
}

// readGlossary reads the --glossary file; nil without one.
func (s *session) readGlossary(path string) (*glossary.Glossary, error) {
	if path == "" {
		return nil, nil
	}
	data, err := pipeline.ReadInput(path, nil, s.limits.MaxInputBytes)
	if err != nil {
		return nil, err
	}
	s.files.AddInput(path)
	return glossary.Read(data, glossary.ReadOptions{Name: path, Limits: s.limits})
}

// xliffRenderer is extraction as the runner's renderer: from a parsed input, one XLIFF file
// per target language. It is read-only once built, so the batch's workers share it.
type xliffRenderer struct {
	targets   []string
	version   string
	memory    []translate.TU
	glossary  *glossary.Glossary
	fuzzy     float64
	mtCommand string
}

func (x *xliffRenderer) render(ctx context.Context, r *pipeline.Runner, parsed *model.Document, warn *model.Warnings) ([]pipeline.Rendition, error) {
	// Number the document in its own language, so each unit's notes can give the
	// paragraph number translators will see; ids and texts are unchanged by numbering.
	srcLang := parsed.Meta.OriginalLang
	if _, err := r.Options().Locales.Lookup(srcLang); srcLang == "" || err != nil {
		srcLang = "en"
	}
	doc, _, err := r.Localize(ctx, parsed, srcLang, warn)
	if err != nil {
		return nil, err
	}
	var outs []pipeline.Rendition
	for _, lang := range x.targets {
		eo := translate.ExtractOptions{
			TargetLang:     lang,
			FuzzyThreshold: x.fuzzy,
			MTCommand:      x.mtCommand,
			Warnings:       warn,
			Glossary:       x.glossary,
			Locales:        r.Options().Locales,
		}
		if len(x.memory) > 0 {
			eo.Memory = translate.NewMemory("tm", x.memory, doc.Meta.OriginalLang, lang)
		}
		bundle, err := translate.Extract(ctx, doc, eo)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := xliff.Write(&buf, bundle, xliff.WriteOptions{Version: x.version, Generator: generator()}); err != nil {
			return nil, err
		}
		outs = append(outs, pipeline.Rendition{Format: "xliff", Lang: lang, Ext: xliff.Ext, Data: buf.Bytes(), Facts: pipeline.Output{Words: model.CountWords(doc.Blocks)}})
	}
	return outs, nil
}
