package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/pipeline/model"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func temps(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, TempPrefix+"*"))
	return m
}

func TestWriteFileRefuses(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links")
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string, w *Writer) (dest string)
	}{
		{"symbolic link", func(t *testing.T, dir string, w *Writer) string {
			write(t, filepath.Join(dir, "victim"), "victim")
			os.Symlink(filepath.Join(dir, "victim"), filepath.Join(dir, "out.json"))
			return filepath.Join(dir, "out.json")
		}},
		{"dangling symbolic link", func(t *testing.T, dir string, w *Writer) string {
			os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "out.json"))
			return filepath.Join(dir, "out.json")
		}},
		{"the input itself", func(t *testing.T, dir string, w *Writer) string {
			write(t, filepath.Join(dir, "notes.txt"), "victim")
			w.AddInput(filepath.Join(dir, "notes.txt"))
			return filepath.Join(dir, "notes.txt")
		}},
		{"the input by another name", func(t *testing.T, dir string, w *Writer) string {
			write(t, filepath.Join(dir, "notes.txt"), "victim")
			w.AddInput(filepath.Join(dir, "notes.txt"))
			if err := os.Link(filepath.Join(dir, "notes.txt"), filepath.Join(dir, "report.json")); err != nil {
				t.Skip(err)
			}
			return filepath.Join(dir, "report.json")
		}},
		{"a folder", func(t *testing.T, dir string, w *Writer) string {
			os.Mkdir(filepath.Join(dir, "out.json"), 0o755)
			return filepath.Join(dir, "out.json")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			w := New()
			dest := tt.setup(t, dir, w)
			err := w.WriteFile(dest, []byte("new"))
			if !errors.Is(err, model.ErrUnsafePath) || !strings.Contains(err.Error(), dest) {
				t.Fatalf("err = %v, want ErrUnsafePath naming %s", err, dest)
			}
			if v, err := os.ReadFile(filepath.Join(dir, "victim")); err == nil && string(v) != "victim" {
				t.Errorf("the link's target was overwritten: %q", v)
			}
			if v, err := os.ReadFile(filepath.Join(dir, "notes.txt")); err == nil && string(v) != "victim" {
				t.Errorf("the input was overwritten: %q", v)
			}
			if left := temps(t, dir); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

func TestWriteFileReplaces(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "sub", "r.json")
	w := New()
	for _, content := range []string{"one", "two"} {
		if err := w.WriteFile(dest, []byte(content)); err != nil {
			t.Fatal(err)
		}
		if got := read(t, dest); got != content {
			t.Errorf("content = %q, want %q", got, content)
		}
	}
	if left := temps(t, filepath.Dir(dest)); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// A set whose second file cannot be renamed into place leaves the first file as it was:
// replacing outputs is all or nothing.
func TestSetRollsBack(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "r.en.docx"), filepath.Join(dir, "r.en.pdf")
	write(t, a, "old docx")
	w := New()
	s := w.NewSet()
	if err := s.Add(a, []byte("new docx")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(b, []byte("new pdf")); err != nil {
		t.Fatal(err)
	}
	// Something takes b's place before the commit: the set must not half-apply.
	if err := os.Mkdir(b, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err == nil {
		t.Fatal("commit over a folder succeeded")
	}
	if got := read(t, a); got != "old docx" {
		t.Errorf("first output = %q after a failed set, want the old content", got)
	}
	if left := temps(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestSetAbortKeepsOld(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "r.en.docx")
	write(t, a, "old")
	s := New().NewSet()
	f, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half of a new fi"))
	s.Abort()
	if got := read(t, a); got != "old" {
		t.Errorf("content = %q, want old", got)
	}
	if left := temps(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestLeftoversCleaned(t *testing.T) {
	dir := t.TempDir()
	w := New()
	dead := filepath.Join(dir, TempPrefix+"999999999-abc")                // no such process
	live := filepath.Join(dir, TempPrefix+"1-abc")                        // init: alive
	oldAnon := filepath.Join(dir, TempPrefix+"zzz")                       // an older scribe's name, old
	newAnon := filepath.Join(dir, TempPrefix+"yyy")                       // an older scribe's name, fresh
	mine := filepath.Join(dir, TempPrefix+strconv.Itoa(os.Getpid())+"-x") // this process: in use
	for _, p := range []string{dead, live, oldAnon, newAnon, mine} {
		write(t, p, "x")
	}
	past := time.Now().Add(-time.Hour)
	os.Chtimes(oldAnon, past, past)
	if err := w.WriteFile(filepath.Join(dir, "out.md"), []byte("x")); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{dead: false, oldAnon: false, newAnon: true, mine: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists = %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
	if runtime.GOOS == "linux" {
		if _, err := os.Stat(live); err != nil {
			t.Errorf("the temporary file of a running process was removed")
		}
	}
}

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "m.json")
	write(t, small, "{}")
	tests := []struct {
		path  string
		limit int64
		want  error
	}{
		{small, 10, nil},
		{small, 1, model.ErrTooLarge},
		{dir, 10, model.ErrUnsafePath},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		tests = append(tests, struct {
			path  string
			limit int64
			want  error
		}{"/dev/zero", 10, model.ErrUnsafePath})
	}
	for _, tt := range tests {
		_, err := ReadRegular(tt.path, tt.limit)
		if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
			t.Errorf("%s: err = %v, want %v", tt.path, err, tt.want)
		}
	}
}
