package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// commit writes the rendered outputs of one input through the run's file writer: each to a
// temporary file in its target folder, all renamed into place once every one is complete,
// so a reader of the output folder never sees a half-written file, and an input yields all
// its outputs or none (a failed re-conversion keeps the previous ones).
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
		if _, err := r.opts.Stdout.Write(outs[0].Data); err != nil {
			return nil, err
		}
		return []Output{outs[0].output("-")}, nil
	}
	// Every output is complete on disk before the first replaces an older file, so a failed
	// or interrupted conversion leaves the previous outputs as they were.
	set := r.files.NewSet()
	// The outputs of one input usually share a folder: check it once (a batch writes
	// thousands of files, and each check is a handful of system calls).
	checked := map[string]bool{}
	for _, o := range outs {
		if err := ctx.Err(); err != nil {
			set.Abort()
			return nil, err
		}
		if err := checkOutputPath(job, o.path, checked); err != nil {
			set.Abort()
			return nil, err
		}
		if err := set.Add(o.path, o.Data); err != nil {
			set.Abort()
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		set.Abort()
		return nil, err
	}
	if err := set.Commit(); err != nil {
		return nil, err
	}
	done := make([]Output, len(outs))
	for i, o := range outs {
		done[i] = o.output(o.path)
	}
	return done, nil
}

// checkOutputPath refuses an output that would overwrite its input (the run's other inputs
// are the file writer's to guard), and one whose folder resolves (through symbolic links)
// outside the output folder. Folders already in checked are not checked again; out's is
// added.
func checkOutputPath(job Job, out string, checked map[string]bool) error {
	if job.Path != "-" && job.Path != "" {
		if fi, err := os.Lstat(out); err == nil {
			if in, err := os.Stat(job.Path); err == nil && os.SameFile(in, fi) {
				return model.Errorf("scribe", model.Pos{File: out}, model.ErrUnsafePath, "output would overwrite the input %s", job.Path)
			}
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

// sinkOutputs hands the outputs of one input to the job's sink, in memory.
func sinkOutputs(job Job, outs []rendered) ([]Output, error) {
	done := make([]Output, 0, len(outs))
	for _, o := range outs {
		if err := job.Sink(File{Name: o.path, Format: o.Format, Lang: o.Lang, Data: o.Data}); err != nil {
			return nil, err
		}
		done = append(done, o.output(o.path))
	}
	return done, nil
}
