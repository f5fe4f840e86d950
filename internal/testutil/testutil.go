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
