package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifregular"

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
