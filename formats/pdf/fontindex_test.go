package pdf

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/scribe-un/scribe/formats/pdf/fontfile"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// TestFontIndexCache: the names of a folder's fonts are read once, then taken from the cache
// while each file's size and modification time are unchanged, and read again when a file
// changes.
func TestFontIndexCache(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(t.TempDir(), "sub", "fonts.json")
	font := filepath.Join(dir, "a.ttf")
	if err := os.WriteFile(font, liberationserifregular.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	first := scanFonts([]string{dir}, cache)
	if len(first) != 1 || first[0].family != "Liberation Serif" || first[0].style != styleRegular {
		t.Fatalf("first scan = %+v", first)
	}
	b, err := os.ReadFile(cache)
	if err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	// A cache entry that still matches the file is believed: the file is not read again.
	if err := os.WriteFile(cache, []byte(strings.Replace(string(b), "Liberation Serif", "Cached Name", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := scanFonts([]string{dir}, cache); len(got) != 1 || got[0].family != "Cached Name" {
		t.Fatalf("second scan = %+v, want the cached name", got)
	}
	// A changed file is read again.
	if err := os.WriteFile(font, liberationserifbold.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(font, later, later); err != nil {
		t.Fatal(err)
	}
	if got := scanFonts([]string{dir}, cache); len(got) != 1 || got[0].family != "Liberation Serif" || got[0].style != styleBold {
		t.Fatalf("scan after a change = %+v", got)
	}
	// A corrupt cache is ignored and rewritten.
	if err := os.WriteFile(cache, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := scanFonts([]string{dir}, cache); len(got) != 1 || got[0].family != "Liberation Serif" {
		t.Fatalf("scan with a corrupt cache = %+v", got)
	}
}

// TestFontIndexFolders: while no folder searched has changed since the index was built,
// the font files are taken from the index without reading the folders; a font added to
// a folder, a new subfolder, a folder searched that now exists, or a folder changed
// too recently to tell is read again.
func TestFontIndexFolders(t *testing.T) {
	root := t.TempDir()
	dir, missing := filepath.Join(root, "fonts"), filepath.Join(root, "later")
	cache := filepath.Join(t.TempDir(), "fonts.json")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(path string, ttf []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, ttf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-time.Hour)
	age := func(dirs ...string) { // as if the folders had last changed an hour ago
		t.Helper()
		for _, d := range dirs {
			if err := os.Chtimes(d, past, past); err != nil {
				t.Fatal(err)
			}
		}
	}
	styles := func() []style {
		t.Helper()
		var out []style
		for _, f := range scanFonts([]string{dir, missing}, cache) {
			out = append(out, f.style)
		}
		return out
	}
	index := func() indexCache {
		t.Helper()
		var c indexCache
		b, err := os.ReadFile(cache)
		if err != nil || json.Unmarshal(b, &c) != nil {
			t.Fatalf("no index (%v): %s", err, b)
		}
		return c
	}
	write(filepath.Join(dir, "a.ttf"), liberationserifregular.TTF)
	// Folders changed just now: listed, but not trusted next time.
	if got := styles(); !slices.Equal(got, []style{styleRegular}) {
		t.Fatalf("first scan: %v", got)
	}
	if c := index(); len(c.Dirs) != 0 {
		t.Errorf("folders changed just now are kept in the index: %+v", c.Dirs)
	}
	age(dir)
	if got := styles(); !slices.Equal(got, []style{styleRegular}) {
		t.Fatalf("second scan: %v", got)
	}
	if c := index(); len(c.Dirs) != 2 || !c.Dirs[1].Missing {
		t.Fatalf("folders in the index: %+v", c.Dirs)
	}
	// The folder is not read while its time is unchanged: a font slipped in with the
	// folder's time put back is not seen...
	write(filepath.Join(dir, "b.ttf"), liberationserifbold.TTF)
	age(dir)
	if got := styles(); !slices.Equal(got, []style{styleRegular}) {
		t.Fatalf("scan of an unchanged folder: %v", got)
	}
	// ...and is once the folder's time moves, as adding a file moves it.
	later := time.Now().Add(-time.Minute)
	if err := os.Chtimes(dir, later, later); err != nil {
		t.Fatal(err)
	}
	if got := styles(); !slices.Equal(got, []style{styleRegular, styleBold}) {
		t.Fatalf("scan after a font was added: %v", got)
	}
	// A file changed in place is read again without its folder changing.
	write(filepath.Join(dir, "a.ttf"), liberationserifbold.TTF)
	if err := os.Chtimes(filepath.Join(dir, "a.ttf"), later, later); err != nil {
		t.Fatal(err)
	}
	if got := styles(); !slices.Equal(got, []style{styleBold, styleBold}) {
		t.Fatalf("scan after a font changed in place: %v", got)
	}
	// A new subfolder, and a folder searched that did not exist.
	write(filepath.Join(dir, "sub", "c.ttf"), liberationserifregular.TTF)
	write(filepath.Join(missing, "d.ttf"), liberationserifregular.TTF)
	age(dir, filepath.Join(dir, "sub"), missing)
	if got := styles(); !slices.Equal(got, []style{styleBold, styleBold, styleRegular, styleRegular}) {
		t.Fatalf("scan after a subfolder and a folder were added: %v", got)
	}
	// Each answer is the one a scan without the index gives.
	cold := scanFonts([]string{dir, missing}, "")
	warm := scanFonts([]string{dir, missing}, cache)
	if len(cold) != len(warm) {
		t.Fatalf("%d faces without the index, %d with it", len(cold), len(warm))
	}
	for i := range cold {
		if cold[i].name != warm[i].name || cold[i].family != warm[i].family || cold[i].style != warm[i].style {
			t.Errorf("face %d: %s %s %v without the index, %s %s %v with it", i, cold[i].name, cold[i].family, cold[i].style, warm[i].name, warm[i].family, warm[i].style)
		}
	}
}

// TestLatinOpensNoSystemFont: typesetting English, French, Spanish and Russian never
// searches the system's font folders; Arabic does.
func TestLatinOpensNoSystemFont(t *testing.T) {
	for _, lang := range []string{"en", "fr", "es", "ru", "ar"} {
		fs, err := LoadFonts(FontOptions{})
		if err != nil {
			t.Fatal(err)
		}
		writeDoc(t, pipelinetest.Sample(lang), fs, false)
		searched := fs.system.byName != nil
		if searched != (lang == "ar") {
			t.Errorf("%s: system folders searched = %v", lang, searched)
		}
	}
}

// TestSameBytesWithoutSystemFonts: the English, French, Spanish and Russian versions print
// in the embedded faces whatever the machine has, so the PDF is byte-identical with the
// system's fonts and without them (--no-system-fonts).
func TestSameBytesWithoutSystemFonts(t *testing.T) {
	for _, lang := range []string{"en", "fr", "es", "ru"} {
		withSystem, err := LoadFonts(FontOptions{})
		if err != nil {
			t.Fatal(err)
		}
		without, err := LoadFonts(FontOptions{NoSystem: true})
		if err != nil {
			t.Fatal(err)
		}
		for name, doc := range map[string]func() *model.Document{"sample": func() *model.Document { return pipelinetest.Sample(lang) },
			"long": func() *model.Document { return longDoc(lang) }} {
			a := writeDoc(t, doc(), withSystem, true)
			b := writeDoc(t, doc(), without, true)
			if !bytes.Equal(a, b) {
				t.Errorf("%s %s: %d bytes with the system's fonts, %d without, not the same", lang, name, len(a), len(b))
			}
		}
	}
}

// indexedFonts is a font set whose system folder is dir, with the font index cached in
// cache (none when empty).
func indexedFonts(t *testing.T, dir, cache string) *FontSet {
	t.Helper()
	fs, err := LoadFonts(FontOptions{NoSystem: true, IndexCache: cache})
	if err != nil {
		t.Fatal(err)
	}
	fs.systemDirs = []string{dir}
	return fs
}

// writeWithFonts writes doc and returns the PDF and the faces the run report names.
func writeWithFonts(t *testing.T, doc *model.Document, fonts *FontSet) ([]byte, []model.FontUse) {
	t.Helper()
	var buf bytes.Buffer
	opts := writeOpts(t, doc)
	opts.Stats = &model.OutputStats{}
	if err := NewWriter(Options{Fonts: fonts, Compress: true}).Write(context.Background(), &buf, doc, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), opts.Stats.Fonts
}

// copyFont copies a system font into dir; the test is skipped when it is not installed.
func copyFont(t *testing.T, src, dir string) string {
	t.Helper()
	requireFontFile(t, src)
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestFontIndexSameOutput: the font index changes nothing but the time taken. The Chinese
// and Arabic samples (a face of a collection, a single font, both from the system folder)
// print the same bytes and report the same digests — the SHA-256 of the face rewritten as
// a standalone font — without a cache, with a cache being built, with a warm one, with a
// corrupt one, and with one that cannot be written; a font file touched since it was
// indexed is read and hashed again.
func TestFontIndexSameOutput(t *testing.T) {
	dir := t.TempDir()
	wqy := copyFont(t, wqyCollection, dir)
	copyFont(t, amiriFile, dir)
	data, err := os.ReadFile(wqy)
	if err != nil {
		t.Fatal(err)
	}
	wqyFace, err := fontfile.ExtractFace(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	wqySum := fmt.Sprintf("%x", sha256.Sum256(wqyFace))

	type result struct {
		pdf   []byte
		fonts []model.FontUse
	}
	run := func(cache string) map[string]result {
		fonts := indexedFonts(t, dir, cache)
		out := map[string]result{}
		for _, lang := range []string{"zh", "ar"} {
			pdf, uses := writeWithFonts(t, pipelinetest.Sample(lang), fonts)
			out[lang] = result{pdf, uses}
		}
		return out
	}
	want := run("")
	found := false
	for _, u := range want["zh"].fonts {
		if u.Source == wqy {
			found = true
			if u.SHA256 != wqySum {
				t.Errorf("digest of %s = %s, want the SHA-256 of the extracted face %s", wqy, u.SHA256, wqySum)
			}
		}
	}
	if !found {
		t.Fatalf("the Chinese sample does not use %s: %+v", wqy, want["zh"].fonts)
	}
	same := func(what string, got map[string]result) {
		t.Helper()
		for lang, w := range want {
			if !bytes.Equal(got[lang].pdf, w.pdf) {
				t.Errorf("%s, %s: PDF differs from the one written without a cache", what, lang)
			}
			if !reflect.DeepEqual(got[lang].fonts, w.fonts) {
				t.Errorf("%s, %s: fonts %+v, want %+v", what, lang, got[lang].fonts, w.fonts)
			}
		}
	}
	cache := filepath.Join(t.TempDir(), "scribe", "fonts.json")
	same("cold cache", run(cache))
	b, err := os.ReadFile(cache)
	if err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	if !strings.Contains(string(b), wqySum) {
		t.Fatalf("the cache does not keep the digest %s:\n%s", wqySum, b)
	}
	same("warm cache", run(cache))

	// The digest is taken from the cache while the file is unchanged...
	forged := strings.Repeat("0", 64)
	if err := os.WriteFile(cache, bytes.ReplaceAll(b, []byte(wqySum), []byte(forged)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, uses := writeWithFonts(t, pipelinetest.Sample("zh"), indexedFonts(t, dir, cache)); !slices.ContainsFunc(uses, func(u model.FontUse) bool { return u.SHA256 == forged }) {
		t.Fatalf("digest not taken from the cache: %+v", uses)
	}
	// ...and computed again, and the cache rewritten, once the file is touched.
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(wqy, later, later); err != nil {
		t.Fatal(err)
	}
	same("font touched", run(cache))
	if b, err := os.ReadFile(cache); err != nil || !strings.Contains(string(b), wqySum) || strings.Contains(string(b), forged) {
		t.Errorf("cache not rebuilt after the font changed (%v):\n%s", err, b)
	}

	// A corrupt cache is ignored and rewritten whole.
	for _, junk := range []string{"{not json", `{"version":` + strconv.Itoa(indexVersion) + `,"files":[{"path":"` + wqy + `","size":1}]}`, ""} {
		if err := os.WriteFile(cache, []byte(junk), 0o644); err != nil {
			t.Fatal(err)
		}
		same("corrupt cache "+junk, run(cache))
		if b, err := os.ReadFile(cache); err != nil || !strings.Contains(string(b), wqySum) {
			t.Errorf("corrupt cache %q not rewritten (%v)", junk, err)
		}
	}

	// A cache that cannot be written (its folder is a file; a symbolic link, which the
	// writer refuses to write through) changes nothing, and is no error.
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	same("unwritable cache folder", run(filepath.Join(blocker, "fonts.json")))
	target := filepath.Join(t.TempDir(), "target")
	if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "fonts.json")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	same("cache is a link", run(link))
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the cache was written through a symbolic link: %q", b)
	}
	if os.Geteuid() != 0 { // permissions do not stop root
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(ro, 0o755)
		same("read-only cache folder", run(filepath.Join(ro, "fonts.json")))
	}
}

// TestNoSystemFontsLeavesIndex: with --no-system-fonts the font index is neither written
// nor rewritten, even when a document needs a face the embedded ones lack.
func TestNoSystemFontsLeavesIndex(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "fonts.json")
	fonts, err := LoadFonts(FontOptions{NoSystem: true, IndexCache: cache})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ar"} {
		writeDoc(t, pipelinetest.Sample(lang), fonts, true)
	}
	doc := withParagraphs(pipelinetest.Sample("en"), "A pasted emoji \U0001F600 and a Chinese word 会议.")
	var buf bytes.Buffer
	_ = NewWriter(Options{Fonts: fonts}).Write(context.Background(), &buf, doc, writeOpts(t, doc))
	if _, err := os.Lstat(cache); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the font index was written with --no-system-fonts: %v", err)
	}
}

// TestFontIndexConcurrent: conversions that build and rewrite one cache at the same time
// (as two scribe processes may) each print the same bytes, and leave a whole index.
func TestFontIndexConcurrent(t *testing.T) {
	dir := t.TempDir()
	copyFont(t, wqyCollection, dir)
	want := writeDoc(t, pipelinetest.Sample("zh"), indexedFonts(t, dir, ""), true)
	cache := filepath.Join(t.TempDir(), "fonts.json")
	got := make([][]byte, 6)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			doc := pipelinetest.Sample("zh")
			if err := NewWriter(Options{Fonts: indexedFonts(t, dir, cache), Compress: true}).Write(context.Background(), &buf, doc, writeOpts(t, doc)); err != nil {
				t.Error(err)
			}
			got[i] = buf.Bytes()
		}()
	}
	wg.Wait()
	for i, b := range got {
		if !bytes.Equal(b, want) {
			t.Errorf("conversion %d: PDF differs", i)
		}
	}
	b, err := os.ReadFile(cache)
	var c indexCache
	if err != nil || json.Unmarshal(b, &c) != nil || c.Version != indexVersion || len(c.Files) != 1 {
		t.Errorf("cache after concurrent writes (%v): %s", err, b)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(cache), ".scribe-tmp-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
