package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// commit writes the rendered outputs of one input. Each goes to a temporary file in its
// target folder and is renamed into place only when complete, so a reader of the output
// folder never sees a half-written file; if anything fails, the temporary files are removed
// and the outputs already renamed for this input are removed too: an input yields all its
// outputs or none.
func (r *Runner) commit(ctx context.Context, job Job, outs []rendered) ([]Output, error) {
	if job.OutDir == "-" {
		if len(outs) != 1 {
			return nil, Errorf("scribe", Pos{File: job.Path}, nil, "writing to standard output needs exactly one format and one language, got %d outputs", len(outs))
		}
		if r.opts.Stdout == nil {
			return nil, errors.New("scribe: no standard output configured")
		}
		if _, err := r.opts.Stdout.Write(outs[0].data); err != nil {
			return nil, err
		}
		return []Output{{Path: "-", Format: outs[0].format, Lang: outs[0].lang, Bytes: len(outs[0].data), SHA256: sha256Hex(outs[0].data)}}, nil
	}
	var done []Output
	undo := func() {
		for _, o := range done {
			os.Remove(o.Path)
		}
	}
	for _, o := range outs {
		if err := ctx.Err(); err != nil {
			undo()
			return nil, err
		}
		if err := checkOutputPath(job, o.path); err != nil {
			undo()
			return nil, err
		}
		if err := writeAtomic(o.path, o.data); err != nil {
			undo()
			return nil, &Error{Stage: "scribe", Pos: Pos{File: o.path}, Err: unwrapPathError(err)}
		}
		done = append(done, Output{Path: o.path, Format: o.format, Lang: o.lang, Bytes: len(o.data), SHA256: sha256Hex(o.data)})
	}
	return done, nil
}

// checkOutputPath refuses an output that would overwrite its input, and one whose folder
// resolves (through symbolic links) outside the output folder, or which is itself a
// symbolic link.
func checkOutputPath(job Job, out string) error {
	if job.Path != "-" && job.Path != "" {
		if sameFile(job.Path, out) {
			return Errorf("scribe", Pos{File: out}, ErrUnsafePath, "output would overwrite the input %s", job.Path)
		}
	}
	if fi, err := os.Lstat(out); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return Errorf("scribe", Pos{File: out}, ErrUnsafePath, "output path is a symbolic link; refusing to follow it")
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return &Error{Stage: "scribe", Pos: Pos{File: filepath.Dir(out)}, Err: unwrapPathError(err)}
	}
	root, err := filepath.EvalSymlinks(job.OutDir)
	if err != nil {
		return &Error{Stage: "scribe", Pos: Pos{File: job.OutDir}, Err: unwrapPathError(err)}
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(out))
	if err != nil {
		return &Error{Stage: "scribe", Pos: Pos{File: out}, Err: unwrapPathError(err)}
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return Errorf("scribe", Pos{File: out}, ErrUnsafePath, "output folder resolves to %s, outside %s", dir, root)
	}
	return nil
}

func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	if err != nil {
		absA, _ := filepath.Abs(a)
		absB, _ := filepath.Abs(b)
		return absA == absB
	}
	return os.SameFile(fa, fb)
}

// tempPrefix marks scribe's temporary files, so a test (or a user) can check none is left.
const tempPrefix = ".scribe-tmp-"

// writeAtomic writes data to a temporary file beside path and renames it into place.
func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), tempPrefix+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("rename into place: %w", err)
	}
	ok = true
	return nil
}
