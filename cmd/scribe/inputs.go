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

// expandInputs turns the arguments into a list of files: plain files, folders (with -r,
// mirrored below the output folder), glob patterns (** matches any depth, {a,b} either;
// matches are mirrored below the output folder from the pattern's fixed prefix), @list
// files (one path per line) and "-" for standard input (whose outputs are named
// stdin.<lang>.<ext>). Paths are collected, not contents: a batch of thousands of notes
// costs a list of strings.
func expandInputs(args []string, recursive bool, stdin io.Reader) ([]input, error) {
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
			data, err := io.ReadAll(io.LimitReader(stdin, model.DefaultMaxInputBytes+1))
			if err != nil {
				return fmt.Errorf("reading standard input: %w", err)
			}
			add(input{path: "-", data: data})
			return nil
		case strings.HasPrefix(arg, "@") && !fromList:
			return expandList(arg[1:], func(p string) error { return expand(p, true) })
		}
		fi, err := os.Stat(arg)
		if err != nil {
			if strings.ContainsAny(arg, "*?[{") {
				return expandGlob(arg, add)
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
		if !recursive {
			return usagef("%s is a folder: add -r to convert the notes in it", arg)
		}
		return walkFolder(arg, add)
	}
	for _, a := range args {
		if err := expand(a, false); err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, usagef("no input files found")
	}
	return out, nil
}

// expandGlob adds the files matching a doublestar pattern, in name order. Each keeps its
// folder relative to the pattern's fixed prefix ("minutes/**/*.txt" → minutes), so
// "minutes/2025/may.txt" goes to OUTPUT/2025/may.<lang>.<ext>, as with -r.
func expandGlob(pattern string, add func(input)) error {
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
		rel, err := filepath.Rel(base, filepath.Dir(m))
		if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
			rel = ""
		}
		add(input{path: m, relDir: rel})
	}
	return nil
}

// walkFolder adds every note file below root (by extension), skipping hidden files and
// folders and scribe's own outputs.
func walkFolder(root string, add func(input)) error {
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
		if _, foreign := sniff.ForeignKind(f); f == "" || f == "json" || foreign || isOutputName(name) {
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

// isOutputName recognises scribe's own outputs (<stem>.<lang>.<ext>) so a folder converted
// in place is not converted again on the next run.
func isOutputName(name string) bool {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	lang := filepath.Ext(stem)
	switch lang {
	case ".ar", ".zh", ".en", ".fr", ".ru", ".es":
		return ext == ".md" || ext == ".json"
	}
	return false
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
