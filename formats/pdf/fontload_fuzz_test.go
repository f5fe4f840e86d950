package pdf

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// smallFont is a valid TrueType font of a few glyphs and the names of Liberation Serif, cut
// from it: a seed small enough for the fuzzer to mutate.
func smallFont(t testing.TB) []byte {
	t.Helper()
	sf, err := parseSFNT(liberationserifregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	cm, err := parseCmap(liberationserifregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	glyphs := []uint16{0}
	chars := map[rune]uint16{}
	for _, r := range "Ab é" {
		g, _ := cm.Lookup(r)
		chars[r] = uint16(len(glyphs))
		glyphs = append(glyphs, uint16(g))
	}
	b, err := sf.subset(glyphs, chars)
	if err != nil {
		t.Fatal(err)
	}
	// With the family's names, which the subset leaves out.
	small, err := parseSFNT(b)
	if err != nil {
		t.Fatal(err)
	}
	small.tables["name"] = sf.tables["name"]
	return writeSFNT(small.tables)
}

// asCollection wraps a TrueType font in a one-face collection: the font's tables stay
// where they are, 16 bytes further on.
func asCollection(ttf []byte) []byte {
	out := append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"), ttf...)
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := out[16+12+16*i:]
		binary.BigEndian.PutUint32(rec[8:], binary.BigEndian.Uint32(rec[8:])+16)
	}
	return out
}

// FuzzFontFile: no font file makes scribe panic. A --font file is loaded (its tables read
// in place) and a report printed with it, or it is refused with an error naming it.
func FuzzFontFile(f *testing.F) {
	seed := smallFont(f)
	f.Add(seed)
	f.Add(asCollection(seed))
	f.Add(seed[:len(seed)/2])
	// The seeds themselves load and print, from the file and from the collection.
	for _, b := range [][]byte{seed, asCollection(seed)} {
		path := filepath.Join(f.TempDir(), "seed.ttf")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			f.Fatal(err)
		}
		fonts, err := LoadFonts(FontOptions{Files: []string{path}, NoSystem: true})
		if err != nil {
			f.Fatal(err)
		}
		doc := pipelinetest.Sample("en")
		opts := writeOpts(f, doc)
		opts.Stats = &model.OutputStats{}
		if err := NewWriter(Options{Fonts: fonts}).Write(context.Background(), io.Discard, doc, opts); err != nil {
			f.Fatal(err)
		}
		if !slices.ContainsFunc(opts.Stats.Fonts, func(u model.FontUse) bool { return u.Source == path && u.SHA256 != "" }) {
			f.Fatalf("the seed font is not used: %+v", opts.Stats.Fonts)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "font.ttf")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		fonts, err := LoadFonts(FontOptions{Files: []string{path}, NoSystem: true})
		if err != nil {
			if !errors.Is(err, model.ErrFont) {
				t.Fatalf("error is not ErrFont: %v", err)
			}
			return
		}
		doc := pipelinetest.Sample("en")
		var buf bytes.Buffer
		opts := writeOpts(t, doc)
		opts.Stats = &model.OutputStats{}
		err = NewWriter(Options{Fonts: fonts}).Write(context.Background(), &buf, doc, opts)
		if err != nil && !errors.Is(err, model.ErrFont) && !errors.Is(err, model.ErrNoGlyph) {
			t.Fatalf("write: %v", err)
		}
	})
}

// TestFontTableLongerThanFile: a table directory that states a length past the end of the
// file (2 GB for a 4 KB font) is refused before any table is read: the font parser that
// reads the names would allocate that length.
func TestFontTableLongerThanFile(t *testing.T) {
	b := smallFont(t)
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < n; i++ {
		if rec := b[12+16*i:]; string(rec[:4]) == "OS/2" {
			binary.BigEndian.PutUint32(rec[12:], 0x80000060)
		}
	}
	for _, data := range [][]byte{b, asCollection(b)} {
		path := filepath.Join(t.TempDir(), "font.ttf")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadFonts(FontOptions{Files: []string{path}, NoSystem: true})
		if !errors.Is(err, model.ErrFont) || !strings.Contains(err.Error(), path) {
			t.Errorf("LoadFonts = %v, want ErrFont naming %s", err, path)
		}
		if faces, err := describeFile(path); err == nil {
			t.Errorf("describeFile accepted it: %+v", faces)
		}
	}
}
