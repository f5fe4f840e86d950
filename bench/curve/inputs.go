package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// makeBatch writes n notes into dir, each the sample with a different speaker and date so
// no cache could serve one from another, and returns their total size.
func makeBatch(dir string, seed []byte, n int) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	var total int64
	for i := 1; i <= n; i++ {
		s := strings.Replace(string(seed), "Canada", "Canada ("+strconv.Itoa(i)+")", 1)
		s = strings.Replace(s, "2 May 2005", strconv.Itoa(i%28+1)+" May 2005", 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("n%04d.txt", i)), []byte(s), 0o644); err != nil {
			return 0, err
		}
		total += int64(len(s))
	}
	return total, nil
}

// sourceTexts returns the real English notes the sized inputs are made of: the sample first
// (so every sized input opens with a venue and date), then the other English notes of
// testdata/corpus, then those of extra (a folder; .txt and .md files), without front matter.
func sourceTexts(root, extra string) ([][]byte, error) {
	files := []string{filepath.Join(root, "testdata", "wsis-itu-consultation-2005-05-02.txt")}
	for _, pat := range []string{"testdata/corpus/*.txt", "testdata/corpus/ietf97-*.md"} {
		m, _ := filepath.Glob(filepath.Join(root, pat))
		files = append(files, m...)
	}
	if extra != "" {
		for _, pat := range []string{"*.txt", "*.md"} {
			m, _ := filepath.Glob(filepath.Join(extra, pat))
			for _, f := range m {
				// English only: the sized inputs are one report in one language.
				if b := filepath.Base(f); !strings.Contains(b, "-fr.") && !strings.Contains(b, "-es.") &&
					!strings.Contains(b, "-zh.") && !strings.EqualFold(b, "SOURCES.md") {
					files = append(files, f)
				}
			}
		}
	}
	var out [][]byte
	seen := map[string]bool{}
	for _, f := range files {
		if seen[filepath.Base(f)] {
			continue
		}
		seen[filepath.Base(f)] = true
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		if bytes.HasPrefix(b, []byte("---\n")) {
			if i := bytes.Index(b[4:], []byte("\n---\n")); i >= 0 {
				b = b[4+i+5:]
			}
		}
		out = append(out, b)
	}
	return out, nil
}

// makeSized writes about size bytes of notes to path: the sources one after another, again
// and again, each paragraph line of the k-th pass marked "(k)" at its end so the paragraphs
// are distinct, cut at a line end. It returns the size written.
func makeSized(path string, sources [][]byte, size int64) (int64, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	buf.Grow(int(size))
	for pass := 0; int64(buf.Len()) < size; pass++ {
		for _, src := range sources {
			for _, line := range bytes.SplitAfter(src, []byte("\n")) {
				text := bytes.TrimRight(line, "\n")
				add := line
				if pass > 0 && len(bytes.TrimSpace(text)) >= 40 {
					add = append(append(bytes.Clone(text), " ("+strconv.Itoa(pass)+")"...), '\n')
				}
				if int64(buf.Len()+len(add)) > size {
					return int64(buf.Len()), os.WriteFile(path, buf.Bytes(), 0o644)
				}
				buf.Write(add)
			}
			if !bytes.HasSuffix(buf.Bytes(), []byte("\n\n")) {
				buf.WriteString("\n")
			}
		}
	}
	return int64(buf.Len()), os.WriteFile(path, buf.Bytes(), 0o644)
}
