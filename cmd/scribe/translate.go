package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/formats/glossary"
	"github.com/scribe-un/scribe/formats/sniff"
	"github.com/scribe-un/scribe/formats/tmx"
	"github.com/scribe-un/scribe/formats/xliff"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/translate"
)

// translationSet is the --translations files of a run, matched to its inputs by a
// translate.Catalog.
type translationSet struct {
	catalog *translate.Catalog
	// sums are "path@sha256" of every file read, for --skip-unchanged.
	sums []string
}

// loadTranslations reads the --translations arguments once per run: XLIFF files, and
// folders searched (with their sub-folders) for .xlf and .xliff files. Named files must be
// for an output language; a folder's files for other languages are left out. Problems that
// would make the run wrong (no language, two files for the same notes) are errors before
// anything is converted. inputs is the number of inputs of the run.
func loadTranslations(args []string, drafts bool, opts pipeline.Options, inputs int) (*translationSet, error) {
	limits := opts.Limits
	set := &translationSet{}
	var files []translate.CatalogFile
	read := func(path string, explicit bool) error {
		data, err := pipeline.ReadInput(path, nil, limits.WithDefaults().MaxInputBytes)
		if err != nil {
			return err
		}
		tr, err := xliff.ReadTranslations(data, xliff.ReadOptions{Name: path, Limits: limits, AcceptDrafts: drafts})
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		set.sums = append(set.sums, path+"@"+hex.EncodeToString(sum[:]))
		files = append(files, translate.CatalogFile{Translations: tr, Explicit: explicit})
		return nil
	}
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil || !fi.IsDir() {
			if err := read(arg, true); err != nil {
				return nil, err
			}
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("translations %s: %w", p, unwrapPath(err))
			}
			if d.Type().IsRegular() && sniff.FromExtension(p) == "xliff" && !strings.HasPrefix(d.Name(), ".") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, usageError{err}
		}
		if len(found) == 0 {
			return nil, usagef("translations %s: the folder holds no .xlf or .xliff file", arg)
		}
		sort.Strings(found)
		for _, p := range found {
			if err := read(p, false); err != nil {
				return nil, err
			}
		}
	}
	cat, err := translate.NewCatalog(files, translate.CatalogOptions{
		Langs: opts.Langs, Inputs: inputs, Locales: opts.Locales,
		Apply: translate.ApplyOptions{Strict: opts.Strict, Locales: opts.Locales},
	})
	if err != nil {
		return nil, err
	}
	set.catalog = cat
	return set, nil
}

// digest identifies the translation files' contents ("" for none).
func (t *translationSet) digest() string {
	if t == nil {
		return ""
	}
	return strings.Join(t.sums, ",")
}

// reportUnmatched prints, once per file, the translation files no input matched, and
// returns how many there were.
func (t *translationSet) reportUnmatched(stdio IO, quiet bool) int {
	n := 0
	for _, u := range t.catalog.Uses() {
		if len(u.Inputs) > 0 {
			continue
		}
		n++
		if !quiet {
			fmt.Fprintf(stdio.Err, "warning: translate: %s: matched no input (neither its fingerprint nor its name, <stem>.%s.xlf, is that of an input of this run)\n", u.File, u.Lang)
		}
	}
	return n
}

func newExtractCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "write XLIFF files for translators, one per target language",
		ArgsUsage: "INPUT…",
		Description: `Writes OUTPUT/<stem>.<lang>.xlf for each input and target language: one unit per block
(heading, paragraph, subparagraph, quotation paragraph, note, title and venue), with stable ids
(h2, p12, p12.a), sentence segments, notes naming the paragraph number, heading and speaker,
and document symbols, dates, times, numbers, URLs and e-mail addresses as protected
placeholders. Extracting the same notes again gives the same file.

Examples:
  scribe extract notes.txt --target fr,es -o xliff/
  scribe extract notes.txt --target fr --format xliff12 --tm memory.tmx --glossary terms.csv -o xliff/`,
		Flags: append(append([]cli.Flag{
			&cli.StringSliceFlag{Name: "target", Aliases: []string{"t"}, Usage: "target languages, comma-separated (required): ar, zh, en, fr, ru, es"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output folder", Value: "."},
			&cli.StringFlag{Name: "format", Usage: "xliff2 (XLIFF 2.0) or xliff12 (XLIFF 1.2)", Value: "xliff2"},
			&cli.BoolFlag{Name: "recursive", Aliases: []string{"r"}, Usage: "extract every note file found in the folders given, mirroring them under the output folder"},
			&cli.StringSliceFlag{Name: "tm", Usage: "TMX translation memory (repeatable): exact matches pre-fill targets in state \"initial\" for review, fuzzy ones become candidates", TakesFile: true},
			&cli.FloatFlag{Name: "fuzzy", Usage: "lowest similarity, in percent, of a memory match offered as a candidate", Value: 75},
			&cli.StringFlag{Name: "glossary", Usage: "terminology offered with each unit: TBX, or CSV with a header row of language codes", TakesFile: true},
			&cli.StringFlag{Name: "mt-command", Usage: "machine translation command, run with sh -c once per XLIFF file: reads JSON lines {id,source,srcLang,tgtLang} on its input, writes {id,target} lines; its output becomes candidates, never targets"},
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
	s, err := newSession(cmd)
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
	runner, err := s.modelRunner(cmd)
	if err != nil {
		return err
	}
	var tus []translate.TU
	for _, f := range cmd.StringSlice("tm") {
		data, err := pipeline.ReadInput(f, nil, s.limits.MaxInputBytes)
		if err != nil {
			return err
		}
		got, err := tmx.Read(data, tmx.ReadOptions{Name: f, Limits: s.limits})
		if err != nil {
			return err
		}
		tus = append(tus, got...)
	}
	var gl *glossary.Glossary
	if f := cmd.String("glossary"); f != "" {
		data, err := pipeline.ReadInput(f, nil, s.limits.MaxInputBytes)
		if err != nil {
			return err
		}
		if gl, err = glossary.Read(data, glossary.ReadOptions{Name: f, Limits: s.limits}); err != nil {
			return err
		}
	}
	inputs, err := expandInputs(cmd.Args().Slice(), cmd.Bool("recursive"), stdio.In)
	if err != nil {
		return err
	}
	outDir := cmd.String("output")
	failed := 0
	for _, in := range inputs {
		if err := extractOne(ctx, cmd, stdio, runner, in, outDir, targets, xliffVersion, tus, gl); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintln(stdio.Err, oneLine(err.Error()))
			failed++
		}
	}
	if failed > 0 {
		return failedError{failed}
	}
	return nil
}

// extractOne writes every target language's XLIFF of one input, all or none.
func extractOne(ctx context.Context, cmd *cli.Command, stdio IO, runner *pipeline.Runner, in input, outDir string, targets []string, xliffVersion string, tus []translate.TU, gl *glossary.Glossary) error {
	warn := &model.Warnings{}
	parsed, _, err := runner.Parse(ctx, pipeline.Job{Path: in.path, Data: in.data}, warn)
	if err != nil {
		return err
	}
	// Number the document in its own language, so each unit's notes can give the
	// paragraph number translators will see; ids and texts are unchanged by numbering.
	srcLang := parsed.Meta.OriginalLang
	if _, err := runner.Options().Locales.Lookup(srcLang); srcLang == "" || err != nil {
		srcLang = "en"
	}
	doc, _, err := runner.Localize(ctx, parsed, srcLang, warn)
	if err != nil {
		return err
	}
	stem := "stdin"
	if in.path != "-" {
		stem = strings.TrimSuffix(filepath.Base(in.path), filepath.Ext(in.path))
	}
	type file struct {
		path string
		data []byte
	}
	var files []file
	for _, lang := range targets {
		eo := translate.ExtractOptions{
			TargetLang:     lang,
			FuzzyThreshold: cmd.Float("fuzzy"),
			MTCommand:      cmd.String("mt-command"),
			Warnings:       warn,
			Glossary:       gl,
			Locales:        runner.Options().Locales,
		}
		if len(tus) > 0 {
			eo.Memory = translate.NewMemory("tm", tus, doc.Meta.OriginalLang, lang)
		}
		bundle, err := translate.Extract(ctx, doc, eo)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := xliff.Write(&buf, bundle, xliff.WriteOptions{Version: xliffVersion, Generator: generator()}); err != nil {
			return err
		}
		files = append(files, file{filepath.Join(outDir, in.relDir, stem+"."+lang+xliff.Ext), buf.Bytes()})
	}
	var written []string
	for _, f := range files {
		if err := writeFileAtomic(f.path, f.data); err != nil {
			for _, w := range written {
				os.Remove(w)
			}
			return err
		}
		written = append(written, f.path)
	}
	for _, w := range warn.List() {
		if !cmd.Bool("quiet") {
			fmt.Fprintf(stdio.Err, "warning: %s\n", oneLine(w.String()))
		}
	}
	if !cmd.Bool("quiet") {
		fmt.Fprintf(stdio.Err, "%s -> %s\n", in.path, strings.Join(written, ", "))
	}
	return nil
}

// writeFileAtomic writes through a temporary file renamed into place.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("scribe: %s: %w", filepath.Dir(path), unwrapPath(err))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".scribe-tmp-*")
	if err != nil {
		return fmt.Errorf("scribe: %s: %w", path, unwrapPath(err))
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(name, 0o644)
	}
	if werr == nil {
		werr = os.Rename(name, path)
	}
	if werr != nil {
		os.Remove(name)
		return fmt.Errorf("scribe: %s: %w", path, unwrapPath(werr))
	}
	return nil
}

func newTMCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:  "tm",
		Usage: "translation memory tools",
		Commands: []*cli.Command{{
			Name:      "export",
			Usage:     "write a TMX 1.4b memory from approved XLIFF files",
			ArgsUsage: "FILE.xlf…",
			Description: `Collects the approved segments (translated, reviewed or final; never drafts or
pre-filled proposals) of the XLIFF files given and writes them as TMX 1.4b, so the memory
grows with every report. Use it with 'scribe extract --tm'.

Each segment's languages come from its file; a file that names none (Translate Toolkit's
po2xliff writes no target-language) takes its target from its name (notes.fr.xlf) or from
--target, and its source from --source-lang. When no segment is approved, nothing is written
and the command exits 1.`,
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "TMX file to write (- for standard output)", Value: "-"},
				&cli.StringFlag{Name: "source-lang", Usage: "source language of files that name none", DefaultText: "the file's"},
				&cli.StringFlag{Name: "target", Aliases: []string{"t"}, Usage: "target language of files that name none", DefaultText: "the file's, else its name's"},
			},
			Action: func(_ context.Context, cmd *cli.Command) error { return runTMExport(cmd, stdio) },
		}},
	}
}

// runTMExport writes the approved segments of the XLIFF files as TMX. Every <tuv> gets a
// language: from the file, its name, or the flags; never an empty xml:lang.
func runTMExport(cmd *cli.Command, stdio IO) error {
	if cmd.Args().Len() == 0 {
		return usagef("tm export: give at least one XLIFF file")
	}
	set, err := locales.Embedded()
	if err != nil {
		return err
	}
	langFlag := func(name string) (string, error) {
		v := cmd.String(name)
		if v == "" {
			return "", nil
		}
		loc, err := set.Lookup(v)
		if err != nil {
			return "", usagef("--%s: %v", name, err)
		}
		return loc.Tag, nil
	}
	srcFlag, err := langFlag("source-lang")
	if err != nil {
		return err
	}
	tgtFlag, err := langFlag("target")
	if err != nil {
		return err
	}
	limits := model.Limits{}.WithDefaults()
	var tus []translate.TU
	srcLang := ""
	for _, f := range cmd.Args().Slice() {
		data, err := pipeline.ReadInput(f, nil, limits.MaxInputBytes)
		if err != nil {
			return err
		}
		tr, err := xliff.ReadTranslations(data, xliff.ReadOptions{Name: f, Limits: limits})
		if err != nil {
			return err
		}
		if tr.SourceLang == "" {
			tr.SourceLang = srcFlag
		}
		if tr.TargetLang == "" {
			tr.TargetLang = translate.TargetLanguage(tr)
		}
		if tr.TargetLang == "" {
			tr.TargetLang = tgtFlag
		}
		switch {
		case tr.SourceLang == "":
			return model.Errorf("xliff", model.Pos{File: f}, model.ErrTranslation, "the file names no source language: give --source-lang")
		case tr.TargetLang == "":
			return model.Errorf("xliff", model.Pos{File: f}, model.ErrTranslation, "the file names no target language: give --target, or name it <stem>.<lang>.xlf")
		}
		if srcLang == "" {
			srcLang = tr.SourceLang
		}
		tus = append(tus, translate.Approved(tr)...)
	}
	if len(tus) == 0 {
		fmt.Fprintf(stdio.Err, "warning: tm export: no approved segment in %s (only translated, reviewed or final ones are exported); nothing written\n", strings.Join(cmd.Args().Slice(), ", "))
		return failedError{1}
	}
	var buf bytes.Buffer
	if err := tmx.Write(&buf, tus, tmx.WriteOptions{Generator: generator(), SourceLang: srcLang}); err != nil {
		return err
	}
	out := cmd.String("output")
	if out == "-" {
		_, err := stdio.Out.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stdio.Err, "wrote %s (%d translation units)\n", out, len(tus))
	return nil
}
