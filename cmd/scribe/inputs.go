package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/formats/sniff"
	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
)

// input is one file to convert and where its outputs go below the output folder.
type input struct {
	path   string
	relDir string
	data   []byte // standard input only
}

// expandOptions say how expandInputs reads its arguments.
type expandOptions struct {
	// recursive is -r: folders are walked.
	recursive bool
	stdin     io.Reader
	// maxInput is the input size limit; standard input over it is an error.
	maxInput int64
}

// expanded is the inputs found, and how many files folders and patterns held that were
// left out as scribe's own outputs.
type expanded struct {
	inputs   []input
	ownFiles int
}

// expandInputs turns the arguments into a list of files: plain files, folders (with -r,
// mirrored below the output folder), glob patterns (** matches any depth, {a,b} either;
// matches are mirrored below the output folder from the pattern's fixed prefix), @list
// files (one path per line) and "-" for standard input (whose outputs are named
// stdin.<lang>.<ext>). Paths are collected, not contents: a batch of thousands of notes
// costs a list of strings. Folders and patterns leave out files named as scribe names its
// outputs (<stem>.<lang>.<ext>), so converting a folder in place does not read back what
// the last run wrote; files named one by one are always inputs.
func expandInputs(args []string, o expandOptions) (expanded, error) {
	var ex expanded
	var out []input
	seen := map[string]bool{}
	add := func(in input) {
		key := in.path
		if abs, err := filepath.Abs(in.path); err == nil && in.path != "-" {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, in)
		}
	}
	var expand func(arg string, fromList bool) error
	expand = func(arg string, fromList bool) error {
		switch {
		case arg == "-":
			data, err := pipeline.ReadInput("-", o.stdin, o.maxInput)
			if err != nil {
				return err
			}
			add(input{path: "-", data: data})
			return nil
		case strings.HasPrefix(arg, "@") && !fromList:
			return expandList(arg[1:], func(p string) error { return expand(p, true) })
		}
		fi, err := os.Stat(arg)
		if err != nil {
			if strings.ContainsAny(arg, "*?[{") {
				return expandGlob(arg, add, &ex.ownFiles)
			}
			// A missing file is reported as that input's failure, not a usage error, so the
			// rest of a batch still runs.
			add(input{path: arg})
			return nil
		}
		if !fi.IsDir() {
			add(input{path: arg})
			return nil
		}
		if !o.recursive {
			return usagef("%s is a folder: add -r to convert the notes in it", arg)
		}
		return walkFolder(arg, add, &ex.ownFiles)
	}
	for _, a := range args {
		if err := expand(a, false); err != nil {
			return ex, err
		}
	}
	if len(out) == 0 {
		return ex, usagef("no input files found")
	}
	ex.inputs = out
	return ex, nil
}

// expandGlob adds the files matching a doublestar pattern, in name order. Each keeps its
// folder relative to the pattern's fixed prefix ("minutes/**/*.txt" → minutes), so
// "minutes/2025/may.txt" goes to OUTPUT/2025/may.<lang>.<ext>, as with -r.
func expandGlob(pattern string, add func(input), own *int) error {
	if !doublestar.ValidatePathPattern(pattern) {
		return usagef("bad pattern %q (see README, \"Inputs\")", pattern)
	}
	matches, err := doublestar.FilepathGlob(pattern, doublestar.WithFilesOnly(), doublestar.WithFailOnIOErrors())
	if err != nil {
		return usagef("pattern %q: %v", pattern, unwrapPath(err))
	}
	if len(matches) == 0 {
		return usagef("%s: no file matches", pattern)
	}
	base, _ := doublestar.SplitPattern(filepath.ToSlash(pattern))
	base = filepath.FromSlash(base)
	sort.Strings(matches)
	for _, m := range matches {
		if isOutputName(filepath.Base(m)) {
			*own++
			continue
		}
		rel, err := filepath.Rel(base, filepath.Dir(m))
		if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
			rel = ""
		}
		add(input{path: m, relDir: rel})
	}
	return nil
}

// walkFolder adds every note file below root (by extension), skipping hidden files and
// folders (the manifest among them) and scribe's own outputs, which it counts in own.
func walkFolder(root string, add func(input), own *int) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", path, unwrapPath(err))
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		// A folder's .json files are more often settings than reports: scribe's own JSON
		// is read back when it is named, not when a folder is walked. Translation files,
		// fonts and PDFs beside the notes are not inputs either.
		f := sniff.FromExtension(path)
		if _, foreign := sniff.ForeignKind(f); f == "" || f == "json" || foreign {
			return nil
		}
		if isOutputName(name) {
			*own++
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		if rel == "." {
			rel = ""
		}
		add(input{path: path, relDir: rel})
		return nil
	})
}

// isOutputName recognises the names of scribe's own outputs that it could read back
// (<stem>.<lang>.<ext> for Markdown, JSON, Word and HTML), so a folder converted in place is
// not converted again on the next run.
func isOutputName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	if len(stem) <= 3 {
		return false
	}
	switch strings.ToLower(filepath.Ext(stem)) {
	case ".ar", ".zh", ".en", ".fr", ".ru", ".es":
		switch ext {
		case ".md", ".json", ".docx", ".html", ".htm":
			return true
		}
	}
	return false
}

// expandInputs finds a command's inputs (its arguments, -r, standard input under the
// input size limit), says once how many files were left out as scribe's own outputs, and
// records the inputs so that no output is written over one of them.
func (s *session) expandInputs(cmd *cli.Command, stdio IO) ([]input, error) {
	ex, err := expandInputs(cmd.Args().Slice(), expandOptions{recursive: cmd.Bool("recursive"), stdin: stdio.In, maxInput: s.limits.MaxInputBytes})
	if err != nil {
		return nil, err
	}
	if ex.ownFiles > 0 && !cmd.Bool("quiet") {
		fmt.Fprintf(stdio.Err, "scribe: left out %d file(s) named like scribe's outputs (<stem>.<lang>.<ext>) in the folders and patterns given; name such a file to convert it\n", ex.ownFiles)
	}
	for _, in := range ex.inputs {
		s.files.AddInput(in.path)
	}
	return ex.inputs, nil
}

// expandList reads an @list file: one path per line; blank lines and # comments skipped;
// relative paths are relative to the list's folder.
func expandList(path string, each func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return usagef("list %s: %v", path, unwrapPath(err))
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	base := filepath.Dir(path)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !filepath.IsAbs(line) && line != "-" {
			line = filepath.Join(base, line)
		}
		if err := each(line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return usagef("list %s: %v", path, err)
	}
	return nil
}

// refusal is the reader registered for kinds of files that are not notes (sniff.Foreign):
// converting one fails with a line saying what the file is and where it belongs.
type refusal struct {
	kind string
	what sniff.Foreign
}

func (r refusal) Format() string { return r.kind }

func (r refusal) Read(_ context.Context, _ []byte, o model.ReadOptions) (*model.Document, error) {
	return nil, model.Errorf("scribe", model.Pos{File: o.Name}, model.ErrNotNotes, "%s; %s", r.what.What, r.what.Hint)
}

// addRefusals registers a refusal for every foreign kind.
func addRefusals(reg *pipeline.Registry) {
	for _, kind := range sniff.ForeignKinds() {
		f, _ := sniff.ForeignKind(kind)
		reg.AddRefusal(refusal{kind: kind, what: f})
	}
}
