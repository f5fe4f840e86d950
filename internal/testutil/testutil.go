// Package testutil holds helpers shared by scribe's tests: locating external consumers
// (LibreOffice, qpdf, python-docx…) for interop tests, and the -update flag convention.
package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// InCI reports whether the tests run under CI (CI=true), where a missing consumer is a
// failure rather than a skip.
func InCI() bool { return os.Getenv("CI") == "true" }

// RequireTool returns the path of an external program. Locally a missing program skips the
// test; under CI=true it fails it, so CI cannot pass by skipping the interop suite.
func RequireTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if InCI() {
			t.Fatalf("%s is required under CI=true but was not found on PATH (.ci/run installs it)", name)
		}
		t.Skipf("%s not installed; interop check skipped (it runs in CI)", name)
	}
	return p
}

// RequirePython returns a python3 that can import module (for example "docx"), with the
// same skip-locally, fail-in-CI rule. The python3 first on PATH may be a private build
// (pyenv) without Debian's python3-* modules, so the system interpreter is tried too.
func RequirePython(t testing.TB, module string) string {
	t.Helper()
	var candidates []string
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append(candidates, p)
	}
	candidates = append(candidates, "/usr/bin/python3")
	for _, py := range candidates {
		if exec.Command(py, "-c", "import "+module).Run() == nil {
			return py
		}
	}
	if InCI() {
		t.Fatalf("python3 module %s is required under CI=true (.ci/run installs it)", module)
	}
	t.Skipf("python3 module %s not installed; interop check skipped", module)
	return ""
}

// RepoRoot returns the repository root (the folder holding go.mod).
func RepoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// SharedCorpus returns the path of the shared sample corpus beside the checkout, or skips
// when it is absent (tests must prefer copies under testdata/).
func SharedCorpus(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(RepoRoot(t), "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/corpus not present")
	}
	return dir
}

// Golden compares got with the golden file at path, or rewrites the file when update is
// set (the -update flag of the calling package).
func Golden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("output differs from %s (run go test -update after checking):\n%s", path, got)
	}
}

// FilesIn lists the files under dir, as paths relative to it.
func FilesIn(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}
