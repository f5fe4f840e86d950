package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-fonts/dejavu/dejavuserif"
	"github.com/go-text/typesetting/font"

	"github.com/scribe-un/scribe/formats/pdf/fontfile"

	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// TestSubset cuts a face down to a few characters (one of them a composite glyph) and reads
// the result back: every character maps to a glyph with the original advance, and the
// font is much smaller.
func TestSubset(t *testing.T) {
	orig, err := parseSFNT(dejavuserif.TTF)
	if err != nil {
		t.Fatal(err)
	}
	cm, err := parseCmap(dejavuserif.TTF)
	if err != nil {
		t.Fatal(err)
	}
	// Glyphs in order of first use, as the document numbers them: glyph i+1 of the subset
	// is the i-th character's.
	const text = "Aé€ǅ Жж"
	glyphs := []uint16{0}
	chars := map[rune]uint16{}
	orig0 := map[rune]uint16{}
	for _, r := range text {
		g, _ := cm.Lookup(r)
		orig0[r] = uint16(g)
		chars[r] = uint16(len(glyphs))
		glyphs = append(glyphs, uint16(g))
	}
	sub, err := orig.subset(glyphs, chars)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub) > len(dejavuserif.TTF)/20 {
		t.Errorf("subset is %d bytes, original %d", len(sub), len(dejavuserif.TTF))
	}
	got, err := parseSFNT(sub)
	if err != nil {
		t.Fatal(err)
	}
	gcm, err := parseCmap(sub)
	if err != nil {
		t.Fatal(err)
	}
	// ǅ is a composite glyph: its components follow the glyphs drawn.
	if got.numGlyphs <= len(glyphs) {
		t.Errorf("%d glyphs in the subset, want the %d drawn and components", got.numGlyphs, len(glyphs))
	}
	for _, r := range text {
		g, ok := gcm.Lookup(r)
		if !ok || g == 0 {
			t.Errorf("%q missing from the subset", r)
			continue
		}
		if chars[r] != uint16(g) {
			t.Errorf("%q: glyph %d in the map, %d in the subset's cmap", r, chars[r], g)
		}
		if want := orig.advance(int(orig0[r])); got.advance(int(g)) != want {
			t.Errorf("%q: advance %d, want %d", r, got.advance(int(g)), want)
		}
		b, err := got.glyph(int(g))
		if err != nil {
			t.Fatal(err)
		}
		if err := components(b, func(off int) {
			if c := be16(b, off); c >= got.numGlyphs {
				t.Errorf("%q: component glyph %d out of range", r, c)
			}
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := parseSFNT([]byte("\x00\x01\x00\x00\x00\x09garbage")); err == nil {
		t.Error("garbage parsed as a font")
	}
}

// FuzzWrite: no text makes the writer panic; it either writes a PDF or fails with a
// missing-glyph or encoding error.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{"plain", "مرحبا بالعالم 123 (abc)", "中文，测试。（括号）", "\xff\xfe", "a\u202eb\u200fc",
		strings.Repeat("x", 400), "ﷺ ﻻ", "\u0301\u064b", "https://example.org/" + strings.Repeat("a/", 100)} {
		f.Add(s)
	}
	fonts, err := testFonts()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := pipelinetest.Sample("ar")
		doc.Blocks[0].(*model.Paragraph).Inlines = []model.Inline{
			{Kind: model.KindText, Text: s, Line: 4},
			{Kind: model.KindStrong, Text: s, Line: 4},
			{Kind: model.KindFootnote, Note: model.Texts(s, 4), Line: 4},
		}
		var buf bytes.Buffer
		err := NewWriter(Options{Fonts: fonts}).Write(context.Background(), &buf, doc, writeOpts(t, doc))
		if err != nil && !errors.Is(err, model.ErrNoGlyph) && !errors.Is(err, model.ErrEncoding) {
			t.Fatalf("%q: %v", s, err)
		}
	})
}

// TestUnhinted: instructions are cut out of simple and composite glyphs and nothing else
// changes: the outline bytes after the instructions are the original ones.
func TestUnhinted(t *testing.T) {
	orig, err := parseSFNT(dejavuserif.TTF)
	if err != nil {
		t.Fatal(err)
	}
	simple, composite := 0, 0
	for g := 0; g < orig.numGlyphs; g++ {
		b, err := orig.glyph(g)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 12 {
			continue
		}
		u := unhinted(b)
		if n := int16(be16(b, 0)); n >= 0 {
			off := 10 + 2*int(n)
			il := be16(b, off)
			if be16(u, off) != 0 || !bytes.Equal(u[off+2:], b[off+2+il:]) || !bytes.Equal(u[:off], b[:off]) {
				t.Fatalf("glyph %d: simple glyph changed beyond its instructions", g)
			}
			if il > 0 {
				simple++
			}
			continue
		}
		if len(u) < len(b) {
			composite++
		}
		var flags []int
		if err := components(u, func(off int) { flags = append(flags, be16(u, off-2)) }); err != nil {
			t.Fatalf("glyph %d: %v", g, err)
		}
		if last := flags[len(flags)-1]; last&haveInstructions != 0 {
			t.Fatalf("glyph %d: instruction flag still set", g)
		}
	}
	// DejaVu Serif hints a few hundred glyphs, a handful of them composite.
	if simple < 100 || composite == 0 {
		t.Errorf("only %d simple and %d composite glyphs lost instructions", simple, composite)
	}
	for _, b := range [][]byte{nil, {0, 1}, {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0xFF, 0xFF}, {0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}} {
		_ = unhinted(b) // truncated glyphs come back unchanged, without a panic
	}
}

// TestTableFromFile: a table read from its file in blocks gives the numbers the same
// table gives in memory, across block boundaries and at its end, and nothing past it.
func TestTableFromFile(t *testing.T) {
	data := make([]byte, 3*tableBlock+7)
	for i := range data {
		data[i] = byte(i * 7)
	}
	const at = 5 // where the table starts in the file
	file := bytes.NewReader(append(make([]byte, at), data...))
	mem, lazy := memTable(data), fileTable(file, at, int64(len(data)))
	for _, off := range []int{0, 1, 2, tableBlock - 3, tableBlock - 2, tableBlock - 1, tableBlock, 2*tableBlock + 1, len(data) - 4, len(data) - 2, len(data) - 1, len(data), -1} {
		for n, get := range map[int]func(*table, int) (int, bool){2: (*table).u16, 4: (*table).u32} {
			want, wok := get(mem, off)
			got, ok := get(lazy, off)
			if got != want || ok != wok {
				t.Errorf("%d bytes at %d: %d %v from the file, %d %v in memory", n, off, got, ok, want, wok)
			}
			if wok != (off >= 0 && off+n <= len(data)) {
				t.Errorf("%d bytes at %d: ok %v", n, off, wok)
			}
		}
	}
}

// TestCmapOneSubtable: the character map parsed from the one subtable lookups use maps
// every character as the whole table parsed by go-text does, for the embedded faces and
// every TrueType face installed (CJK collections, Arabic, symbols), read from memory and
// from the file; and a table go-text must remap (a symbol font's) is parsed whole.
func TestCmapOneSubtable(t *testing.T) {
	type src struct {
		name string
		raw  []byte      // a face in memory
		at   io.ReaderAt // or one in a file
		tabs []fontfile.Table
	}
	var srcs []src
	for _, fam := range embeddedFamilies() {
		for _, f := range fam.faces {
			srcs = append(srcs, src{name: f.name, raw: f.raw})
		}
	}
	for _, fi := range fontPathsForTest(fontfile.Dirs(nil)) {
		fh, err := os.Open(fi.Path)
		if err != nil {
			continue
		}
		defer fh.Close()
		for i := 0; i < 8; i++ {
			tabs, err := fontfile.FaceTables(fh, fi.Size, i)
			if err != nil {
				break
			}
			srcs = append(srcs, src{name: fmt.Sprintf("%s#%d", fi.Path, i), at: fh, tabs: tabs})
		}
	}
	compared := 0
	for _, s := range srcs {
		var whole []byte
		var tab *table
		if s.raw != nil {
			sf, err := parseSFNT(s.raw)
			if err != nil {
				t.Fatal(err)
			}
			whole, tab = sf.tables["cmap"], sf.cmap
		} else {
			for _, tb := range s.tabs {
				if tb.Tag == "cmap" && tab == nil {
					tab = fileTable(s.at, tb.Offset, tb.Length)
					whole = make([]byte, tb.Length)
					if _, err := s.at.ReadAt(whole, tb.Offset); err != nil {
						t.Fatal(err)
					}
				}
			}
			if tab == nil {
				continue
			}
		}
		want, werr := parseCmapTable(whole)
		got, gerr := readCmap(tab)
		if werr != nil {
			continue // a table go-text refuses whole; readCmap may be more lenient
		}
		if gerr != nil {
			t.Errorf("%s: %v", s.name, gerr)
			continue
		}
		type pair struct {
			r rune
			g font.GID
		}
		var a, b []pair
		for it := want.Iter(); it.Next(); {
			r, g := it.Char()
			a = append(a, pair{r, g})
		}
		for it := got.Iter(); it.Next(); {
			r, g := it.Char()
			b = append(b, pair{r, g})
		}
		compared++
		if !slices.Equal(a, b) {
			t.Errorf("%s: %d characters mapped from one subtable, %d from the whole table, or not alike", s.name, len(b), len(a))
		}
		for _, p := range a {
			g, ok := got.Lookup(p.r)
			g2, ok2 := want.Lookup(p.r)
			if g != g2 || ok != ok2 {
				t.Errorf("%s: U+%04X -> %d %v from one subtable, %d %v from the whole table", s.name, p.r, g, ok, g2, ok2)
				break
			}
		}
	}
	t.Logf("%d faces compared", compared)
	// A symbol font's subtable (3,0) is remapped by go-text: read whole.
	sym := []byte{0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 0, 12}
	sym = append(sym, 0, 6, 0, 12, 0, 0, 0xF0, 0x20, 0, 1, 0, 5) // format 6: U+F020 -> glyph 5
	if _, _, ok := cmapChoice(memTable(sym)); ok {
		t.Error("a symbol cmap is read as one plain subtable")
	}
	want, err := parseCmapTable(sym)
	if err != nil {
		t.Fatal(err)
	}
	got, err := readCmap(memTable(sym))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []rune{0x20, 0xF020} {
		g, ok := got.Lookup(r)
		g2, ok2 := want.Lookup(r)
		if g != g2 || ok != ok2 {
			t.Errorf("symbol cmap: U+%04X -> %d %v, want %d %v", r, g, ok, g2, ok2)
		}
	}
}

// fontPathsForTest lists the font files under dirs.
func fontPathsForTest(dirs []string) []indexFile {
	files, _, _ := fontPaths(dirs, time.Now())
	return files
}

// TestCoverageByLookup: a face says it has a character below U+10000 exactly when its
// character map, listed whole, maps it to a glyph the face has: asked one character at
// a time, in any order, for the embedded faces and every TrueType face installed.
func TestCoverageByLookup(t *testing.T) {
	var faces []*face
	for _, fam := range embeddedFamilies() {
		faces = append(faces, fam.faces[:]...)
	}
	for _, fi := range fontPathsForTest(fontfile.Dirs(nil)) {
		if fs, err := describeFile(fi.Path); err == nil {
			faces = append(faces, fs...)
		}
	}
	for _, f := range faces {
		if f.load() != nil {
			continue
		}
		listed := map[rune]bool{}
		for it := f.cmap.Iter(); it.Next(); {
			r, g := it.Char()
			if r >= 0 && r < 0x10000 && g != 0 && int(g) < f.sf.numGlyphs {
				listed[r] = true
			}
		}
		for _, r := range []rune{'A', 0x4E00, 0x0627} { // asked first, then again below
			f.has(r)
		}
		n := 0
		for r := rune(0xFFFF); r >= 0; r-- {
			if got := f.has(r); got != listed[r] {
				t.Errorf("%s: has(U+%04X) = %v, the character map lists it: %v", f.name, r, got, listed[r])
				if n++; n > 5 {
					break
				}
			}
		}
		if f.file != nil {
			f.file.Close()
		}
	}
	t.Logf("%d faces", len(faces))
}
