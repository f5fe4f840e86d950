// Package testutil holds helpers shared by scribe's tests: locating external consumers
// (LibreOffice, qpdf, python-docx…) for interop tests, and the -update flag convention.
package testutil

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
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
		t.Errorf("output differs from %s (run go test -update after checking):\n%s", path, Diff(string(want), string(got)))
	}
}

// diffLines is how many changed lines of each side Diff shows.
const diffLines = 40

// Diff shows where got differs from want, line by line: the first differing line's number,
// a few lines of context, the lines of want that differ ("-") and those of got ("+"),
// between the longest common head and tail. Golden files run to thousands of lines; a
// failure should show the change, not the whole output.
func Diff(want, got string) string {
	w, g := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	head := 0
	for head < len(w) && head < len(g) && w[head] == g[head] {
		head++
	}
	tail := 0
	for tail < len(w)-head && tail < len(g)-head && w[len(w)-1-tail] == g[len(g)-1-tail] {
		tail++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "@@ line %d: %d line(s) of want, %d of got differ\n", head+1, len(w)-head-tail, len(g)-head-tail)
	for _, l := range w[max(0, head-3):head] {
		b.WriteString("  " + strings.TrimSuffix(l, "\n") + "\n")
	}
	side := func(mark string, lines []string) {
		for i, l := range lines {
			if i == diffLines {
				fmt.Fprintf(&b, "%s … %d more\n", mark, len(lines)-diffLines)
				break
			}
			b.WriteString(mark + " " + strings.TrimSuffix(l, "\n") + "\n")
		}
	}
	side("-", w[head:len(w)-tail])
	side("+", g[head:len(g)-tail])
	for _, l := range w[len(w)-tail : min(len(w), len(w)-tail+3)] {
		b.WriteString("  " + strings.TrimSuffix(l, "\n") + "\n")
	}
	return b.String()
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
