package main

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files (the inspect trees of the real-minutes corpus in testdata/real/golden)")

// realCorpus finds the development corpus of real minutes: $SCRIBE_REAL_CORPUS, else a
// "shared/corpus/real" folder beside the repository or one of its parents (the team's
// layout). It returns "" when there is none, on a fresh machine for instance.
func realCorpus(t *testing.T) string {
	if d := os.Getenv("SCRIBE_REAL_CORPUS"); d != "" {
		return d
	}
	dir, err := filepath.Abs(repoFile())
	if err != nil {
		return ""
	}
	for {
		cand := filepath.Join(dir, "shared", "corpus", "real")
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestRealCorpusInspect compares `scribe inspect` of every file of the real-minutes corpus
// with its golden tree in testdata/real/golden. Files whose licence allows it are copied
// in testdata/real (their SOURCES.md rows beside them) and always run; the others are read
// from the shared corpus and skipped when it is absent. Run with -update after
// checking that a change of the trees is an improvement.
func TestRealCorpusInspect(t *testing.T) {
	local := repoFile("testdata", "real")
	shared := realCorpus(t)
	names := map[string]bool{}
	for _, dir := range []string{local, shared} {
		if dir == "" {
			continue
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !e.IsDir() && e.Name() != "SOURCES.md" && !strings.HasPrefix(e.Name(), ".") {
				names[e.Name()] = true
			}
		}
	}
	goldens, _ := filepath.Glob(filepath.Join(local, "golden", "*.inspect"))
	for _, g := range goldens {
		names[strings.TrimSuffix(filepath.Base(g), ".inspect")] = true
	}
	if len(names) == 0 {
		t.Skip("no real-minutes corpus here (set SCRIBE_REAL_CORPUS)")
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, name := range sorted {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(local, name)
			if _, err := os.Stat(path); err != nil {
				path = filepath.Join(shared, name)
				if _, err := os.Stat(path); shared == "" || err != nil {
					t.Skip("not copied here (no open licence) and no shared corpus")
				}
			}
			code, stdout, stderr := runCLI(t, nil, "inspect", path)
			if code != 0 {
				t.Fatalf("inspect: exit %d: %s", code, stderr)
			}
			// The tree names the file as it was found; the golden names it by its name.
			tree := strings.ReplaceAll(stdout, path, name)
			testutil.Golden(t, filepath.Join(local, "golden", name+".inspect"), []byte(tree), *update)
		})
	}
}
