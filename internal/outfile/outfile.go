// Package outfile writes every file scribe writes: converted reports, XLIFF and TMX files,
// the run report, the --skip-unchanged manifest and the project file of `scribe init`.
//
// A file is written to a temporary file created with O_EXCL in its destination folder (so
// a planted symbolic link is never followed: the create fails and another name is tried),
// synced to disk, then renamed over the destination. The destination must not be a
// symbolic link, a folder or other special file, nor any input of the run. Several files
// are replaced together (a Set): every new file is complete on disk before the first
// rename, and if a rename fails the files already replaced are put back, so a reader of the
// folder sees the old set or the new one.
//
// Temporary files are named .scribe-tmp-<pid>-<random>. A run killed mid-write leaves them
// behind; the next run that writes into the folder removes those whose process is gone.
package outfile

import (
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/scribe-un/scribe/pipeline/model"
)

// TempPrefix starts the name of every temporary file scribe creates.
const TempPrefix = ".scribe-tmp-"

// stage names this package in errors.
const stage = "scribe"

// Writer writes the files of one run. It remembers the run's inputs, never to be written
// over, and the folders already cleaned of leftover temporary files. It is safe for
// concurrent use; the zero value is not (use New).
type Writer struct {
	mu      sync.Mutex
	inputs  []input
	cleaned map[string]bool
	pid     int
}

type input struct {
	path string
	fi   os.FileInfo
}

// New returns a Writer for one run.
func New() *Writer {
	return &Writer{cleaned: map[string]bool{}, pid: os.Getpid()}
}

// AddInput records a file the run reads (a notes file, a translation file, a reference
// document…): no file is ever written over it, whatever path names it. A path that does
// not exist yet, or standard input ("-"), is ignored.
func (w *Writer) AddInput(path string) {
	if path == "" || path == "-" {
		return
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return
	}
	w.mu.Lock()
	w.inputs = append(w.inputs, input{path, fi})
	w.mu.Unlock()
}

// IsInput returns the input path that fi is (by device and inode), or "".
func (w *Writer) IsInput(fi os.FileInfo) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, in := range w.inputs {
		if os.SameFile(in.fi, fi) {
			return in.path
		}
	}
	return ""
}

// WriteFile replaces path with data, through a temporary file.
func (w *Writer) WriteFile(path string, data []byte) error {
	s := w.NewSet()
	if err := s.Add(path, data); err != nil {
		s.Abort()
		return err
	}
	return s.Commit()
}

// CheckDest returns an error when path may not be written: a symbolic link, something
// other than a regular file, or an input of the run. A path that does not exist is fine.
func (w *Writer) CheckDest(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return pathError(path, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return model.Errorf(stage, model.Pos{File: path}, model.ErrUnsafePath, "is a symbolic link; refusing to write through it")
	case !fi.Mode().IsRegular():
		return model.Errorf(stage, model.Pos{File: path}, model.ErrUnsafePath, "exists and is not a regular file")
	}
	if in := w.IsInput(fi); in != "" {
		if in == path {
			return model.Errorf(stage, model.Pos{File: path}, model.ErrUnsafePath, "is an input of this run; refusing to overwrite it")
		}
		return model.Errorf(stage, model.Pos{File: path}, model.ErrUnsafePath, "is the input %s; refusing to overwrite it", in)
	}
	return nil
}

// Set is files replaced together: Add or Create each, then Commit (or Abort). A Set is used
// by one goroutine.
type Set struct {
	w      *Writer
	staged []*File
}

// NewSet starts a set of files to replace together.
func (w *Writer) NewSet() *Set { return &Set{w: w} }

// File is a new file being written; it replaces its destination on Commit.
type File struct {
	f          *os.File
	tmp, dest  string
	closed     bool
	backup     string // the replaced file, kept until the set is committed
	renamed    bool
	closeError error
}

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) { return f.f.Write(p) }

// close syncs and closes the temporary file, once.
func (f *File) close() error {
	if f.closed {
		return f.closeError
	}
	f.closed = true
	err := f.f.Sync()
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		f.closeError = pathError(f.dest, err)
	}
	return f.closeError
}

// Create starts the file that will replace path: its folder is created, leftover temporary
// files there are removed, and the destination is checked. Write to the returned File; the
// Set syncs and closes it on Commit.
func (s *Set) Create(path string) (*File, error) {
	for _, f := range s.staged {
		if f.dest == path {
			return nil, model.Errorf(stage, model.Pos{File: path}, model.ErrUnsafePath, "written twice in one step")
		}
	}
	if err := s.w.CheckDest(path); err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, pathError(dir, err)
	}
	s.w.clean(dir)
	f, tmp, err := s.w.createTemp(dir)
	if err != nil {
		return nil, pathError(path, err)
	}
	file := &File{f: f, tmp: tmp, dest: path}
	s.staged = append(s.staged, file)
	return file, nil
}

// Add stages data as the new content of path.
func (s *Set) Add(path string, data []byte) error {
	f, err := s.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return pathError(path, err)
	}
	return nil
}

// Abort removes the temporary files; no destination is touched.
func (s *Set) Abort() {
	for _, f := range s.staged {
		f.close()
		os.Remove(f.tmp)
	}
	s.staged = nil
}

// Commit makes every staged file durable, then renames each over its destination. When a
// rename fails, the destinations already replaced get their old content back and files that
// did not exist before are removed: the folder keeps the old set.
func (s *Set) Commit() error {
	defer func() { s.staged = nil }()
	for _, f := range s.staged {
		if err := f.close(); err != nil {
			s.Abort()
			return err
		}
	}
	for _, f := range s.staged {
		// Checked again: something may have appeared since Create.
		if err := s.w.CheckDest(f.dest); err != nil {
			s.rollback()
			return err
		}
		if err := f.keepOld(s.w); err != nil {
			s.rollback()
			return err
		}
		if err := os.Rename(f.tmp, f.dest); err != nil {
			s.rollback()
			return pathError(f.dest, err)
		}
		f.renamed = true
	}
	for _, f := range s.staged {
		if f.backup != "" {
			os.Remove(f.backup)
		}
	}
	return nil
}

// keepOld hard-links an existing destination to a temporary name, so rollback can restore
// it. A file system without hard links gives no backup: the rename still replaces the file
// atomically, only the rollback of an earlier file in the set is lost.
func (f *File) keepOld(w *Writer) error {
	if _, err := os.Lstat(f.dest); err != nil {
		return nil
	}
	for try := 0; try < 100; try++ {
		name := w.tempName(filepath.Dir(f.dest))
		err := os.Link(f.dest, name)
		if err == nil {
			f.backup = name
			return nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil
		}
	}
	return nil
}

// rollback undoes the renames done so far and removes every temporary file.
func (s *Set) rollback() {
	for _, f := range s.staged {
		switch {
		case f.renamed && f.backup != "":
			os.Rename(f.backup, f.dest)
		case f.renamed:
			os.Remove(f.dest)
		case f.backup != "":
			os.Remove(f.backup)
		}
		if !f.renamed {
			os.Remove(f.tmp)
		}
	}
}

// tempName is a fresh temporary name in dir: the prefix, this process's id, a random part.
func (w *Writer) tempName(dir string) string {
	return filepath.Join(dir, TempPrefix+strconv.Itoa(w.pid)+"-"+strconv.FormatUint(rand.Uint64(), 36))
}

// createTemp creates a new temporary file in dir with O_EXCL: an existing file or link of
// that name makes it fail, and another name is tried. The file gets its final permissions
// at once (0644 less the umask).
func (w *Writer) createTemp(dir string) (*os.File, string, error) {
	for try := 0; ; try++ {
		name := w.tempName(dir)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		return f, name, err
	}
}

// staleAge is how old a temporary file whose process cannot be told must be before it is
// taken for a leftover.
const staleAge = 10 * time.Minute

// clean removes, once per folder and run, the temporary files that runs killed mid-write
// left in dir: those whose process is gone, and old ones that name no process.
func (w *Writer) clean(dir string) {
	w.mu.Lock()
	done := w.cleaned[dir]
	w.cleaned[dir] = true
	w.mu.Unlock()
	if done {
		return
	}
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	for _, name := range names {
		if !strings.HasPrefix(name, TempPrefix) {
			continue
		}
		if w.leftover(dir, name) {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// leftover reports whether the temporary file name in dir belongs to no running scribe.
func (w *Writer) leftover(dir, name string) bool {
	rest := strings.TrimPrefix(name, TempPrefix)
	if i := strings.IndexByte(rest, '-'); i > 0 {
		if pid, err := strconv.Atoi(rest[:i]); err == nil && pid > 0 {
			if pid == w.pid {
				return false
			}
			if alive, known := processAlive(pid); known {
				return !alive
			}
		}
	}
	fi, err := os.Lstat(filepath.Join(dir, name))
	return err == nil && time.Since(fi.ModTime()) > staleAge
}

// pathError names the path in an error from the file system, without Go's "open" prefix.
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return &model.Error{Stage: stage, Pos: model.Pos{File: path}, Err: err}
}

// ReadRegular reads a regular file of at most limit bytes, for files scribe reads back
// (its manifest): a special file such as /dev/zero, a folder or a file over the limit is
// an error, so a tampered path cannot make a run read forever.
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, pathError(path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, model.Errorf(stage, model.Pos{File: path}, model.ErrUnsafePath, "is not a regular file")
	}
	if fi.Size() > limit {
		return nil, model.Errorf(stage, model.Pos{File: path}, model.ErrTooLarge, "%d bytes, more than %d", fi.Size(), limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, pathError(path, err)
	}
	if int64(len(data)) > limit {
		return nil, model.Errorf(stage, model.Pos{File: path}, model.ErrTooLarge, "more than %d bytes", limit)
	}
	return data, nil
}
