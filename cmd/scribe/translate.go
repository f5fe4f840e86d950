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

	"github.com/scribe-un/scribe/formats/sniff"
	"github.com/scribe-un/scribe/formats/tmx"
	"github.com/scribe-un/scribe/formats/xliff"
	"github.com/scribe-un/scribe/internal/outfile"
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
	// paths are the files read, which no output may replace.
	paths []string
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
		set.paths = append(set.paths, path)
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

// writeFileAtomic writes one file the way every file is written (internal/outfile):
// through a temporary file renamed into place, never through a symbolic link, never over
// one of inputs.
func writeFileAtomic(path string, data []byte, inputs ...string) error {
	files := outfile.New()
	for _, in := range inputs {
		files.AddInput(in)
	}
	return files.WriteFile(path, data)
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
	if err := writeFileAtomic(out, buf.Bytes(), cmd.Args().Slice()...); err != nil {
		return err
	}
	fmt.Fprintf(stdio.Err, "wrote %s (%d translation units)\n", out, len(tus))
	return nil
}
