package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// commit writes the rendered outputs of one input. Each goes to a temporary file in its
// target folder and is renamed into place only when complete, so a reader of the output
// folder never sees a half-written file; if anything fails, the temporary files are removed
// and the outputs already renamed for this input are removed too: an input yields all its
// outputs or none.
func (r *Runner) commit(ctx context.Context, job Job, outs []rendered) ([]Output, error) {
	if job.Sink != nil {
		return sinkOutputs(job, outs)
	}
	if job.OutDir == "-" {
		if len(outs) != 1 {
			return nil, model.Errorf("scribe", model.Pos{File: job.Path}, nil, "writing to standard output needs exactly one format and one language, got %d outputs", len(outs))
		}
		if r.opts.Stdout == nil {
			return nil, errors.New("scribe: no standard output configured")
		}
		if _, err := r.opts.Stdout.Write(outs[0].data); err != nil {
			return nil, err
		}
		return []Output{outs[0].output("-")}, nil
	}
	var done []Output
	undo := func() {
		for _, o := range done {
			os.Remove(o.Path)
		}
	}
	// The outputs of one input usually share a folder: check it once (a batch writes
	// thousands of files, and each check is a handful of system calls).
	checked := map[string]bool{}
	for _, o := range outs {
		if err := ctx.Err(); err != nil {
			undo()
			return nil, err
		}
		if err := checkOutputPath(job, o.path, checked); err != nil {
			undo()
			return nil, err
		}
		if err := writeAtomic(o.path, o.data); err != nil {
			undo()
			return nil, &model.Error{Stage: "scribe", Pos: model.Pos{File: o.path}, Err: unwrapPathError(err)}
		}
		done = append(done, o.output(o.path))
	}
	return done, nil
}

// checkOutputPath refuses an output that would overwrite its input, and one whose folder
// resolves (through symbolic links) outside the output folder, or which is itself a
// symbolic link. Folders already in checked are not checked again; out's is added.
func checkOutputPath(job Job, out string, checked map[string]bool) error {
	fi, err := os.Lstat(out)
	switch {
	case err != nil:
		// Nothing there yet: the output cannot be the input, nor a link.
	case fi.Mode()&fs.ModeSymlink != 0:
		return model.Errorf("scribe", model.Pos{File: out}, model.ErrUnsafePath, "output path is a symbolic link; refusing to follow it")
	case job.Path != "-" && job.Path != "":
		if in, err := os.Stat(job.Path); err == nil && os.SameFile(in, fi) {
			return model.Errorf("scribe", model.Pos{File: out}, model.ErrUnsafePath, "output would overwrite the input %s", job.Path)
		}
	}
	if checked[filepath.Dir(out)] {
		return nil
	}
	if err := checkOutputDir(job, out); err != nil {
		return err
	}
	checked[filepath.Dir(out)] = true
	return nil
}

// checkOutputDir creates out's folder and checks that it resolves inside the output folder.
func checkOutputDir(job Job, out string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return &model.Error{Stage: "scribe", Pos: model.Pos{File: filepath.Dir(out)}, Err: unwrapPathError(err)}
	}
	root, err := filepath.EvalSymlinks(job.OutDir)
	if err != nil {
		return &model.Error{Stage: "scribe", Pos: model.Pos{File: job.OutDir}, Err: unwrapPathError(err)}
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(out))
	if err != nil {
		return &model.Error{Stage: "scribe", Pos: model.Pos{File: out}, Err: unwrapPathError(err)}
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return model.Errorf("scribe", model.Pos{File: out}, model.ErrUnsafePath, "output folder resolves to %s, outside %s", dir, root)
	}
	return nil
}

// tempPrefix marks scribe's temporary files, so a test (or a user) can check none is left.
const tempPrefix = ".scribe-tmp-"

// writeAtomic writes data to a temporary file beside path and renames it into place. The
// file is created with mode 0644 less the umask, as any new file.
func writeAtomic(path string, data []byte) error {
	f, err := createTemp(filepath.Dir(path))
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
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("rename into place: %w", err)
	}
	ok = true
	return nil
}

// createTemp creates a new file named tempPrefix plus a random number in dir. Unlike
// os.CreateTemp it gives the file its final permissions at once (0644 less the umask), which
// saves a chmod per output.
func createTemp(dir string) (*os.File, error) {
	for try := 0; ; try++ {
		name := filepath.Join(dir, tempPrefix+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if os.IsExist(err) && try < 100 {
			continue
		}
		return f, err
	}
}

// sinkOutputs hands the outputs of one input to the job's sink, in memory.
func sinkOutputs(job Job, outs []rendered) ([]Output, error) {
	done := make([]Output, 0, len(outs))
	for _, o := range outs {
		if err := job.Sink(File{Name: o.path, Format: o.format, Lang: o.lang, Data: o.data}); err != nil {
			return nil, err
		}
		done = append(done, o.output(o.path))
	}
	return done, nil
}
