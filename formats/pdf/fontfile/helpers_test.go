package fontfile

import (
	"encoding/binary"
	"os"
	"sort"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
)

// System fonts the tests use when installed (Debian packages fonts-wqy-microhei,
// fonts-droid-fallback, fonts-hosny-amiri).
const (
	wqyPath   = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	droidPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	amiriPath = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"
)

// requireFont reads a system font, skipping the test when it is absent locally and failing
// it under CI=true, like testutil.RequireTool.
func requireFont(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		if testutil.InCI() {
			t.Fatalf("font %s is required under CI=true: %v", path, err)
		}
		t.Skipf("font %s not installed: %v", path, err)
	}
	return b
}

// makeCollection packs standalone sfnt fonts into a 'ttcf' collection (version 1), each
// face keeping its own copy of its tables.
func makeCollection(t testing.TB, fonts ...[]byte) []byte {
	t.Helper()
	header := 12 + 4*len(fonts)
	out := make([]byte, header)
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	for i, f := range fonts {
		dir, err := readDirectory(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		dirOff := len(out)
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(dirOff))
		n := len(dir.Tables)
		out = append(out, f[:12]...)
		out = append(out, make([]byte, 16*n)...)
		for j, rec := range dir.Tables {
			data, err := dir.table(f, rec.Tag)
			if err != nil {
				t.Fatal(err)
			}
			for len(out)%4 != 0 {
				out = append(out, 0)
			}
			r := out[dirOff+12+16*j:]
			copy(r, rec.Tag)
			binary.BigEndian.PutUint32(r[4:], rec.Checksum)
			binary.BigEndian.PutUint32(r[8:], uint32(len(out)))
			binary.BigEndian.PutUint32(r[12:], rec.Length)
			out = append(out, data...)
		}
	}
	return out
}

// tinyFont builds a minimal TrueType font: an empty glyph 0 and a glyph for 'A', a format 4
// cmap, and a name table with the given family and style. version is the sfnt version
// (0x00010000, or 'OTTO' to fake a CFF face).
func tinyFont(version uint32, family, style string) []byte {
	be16 := func(v ...int) []byte {
		b := make([]byte, 2*len(v))
		for i, x := range v {
			binary.BigEndian.PutUint16(b[2*i:], uint16(x))
		}
		return b
	}
	head := make([]byte, 54)
	binary.BigEndian.PutUint32(head[0:], 0x00010000)
	binary.BigEndian.PutUint32(head[12:], 0x5F0F3CF5) // magic
	binary.BigEndian.PutUint16(head[18:], 1000)       // unitsPerEm
	// cmap: one format 4 subtable (3,1) with segments 'A'..'A' → 1 and the final 0xFFFF.
	sub := append(be16(4, 32, 0, 4, 4, 1, 0), be16(0x41, 0xFFFF, 0, 0x41, 0xFFFF, 1-0x41, 1, 0, 0)...)
	binary.BigEndian.PutUint16(sub[2:], uint16(len(sub)))
	cmap := append(be16(0, 1, 3, 1, 0, 12), sub...)
	name := func() []byte {
		strs := [][]byte{utf16be(family), utf16be(style)}
		hdr := be16(0, 2, 6+12*2)
		var storage []byte
		for i, s := range strs {
			hdr = append(hdr, be16(3, 1, 0x409, i+1, len(s), len(storage))...)
			storage = append(storage, s...)
		}
		return append(hdr, storage...)
	}()
	maxp := be16(0, 0x5000, 2) // version 0.5, two glyphs
	loca := be16(0, 0, 0)      // short offsets: both glyphs empty
	tables := map[string][]byte{"head": head, "cmap": cmap, "name": name, "maxp": maxp, "loca": loca, "glyf": {}}
	if version == 0x4F54544F {
		delete(tables, "glyf")
		delete(tables, "loca")
		tables["CFF "] = []byte{1, 0, 4, 1}
	}
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	for i, tag := range tags {
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		r := out[12+16*i:]
		copy(r, tag)
		binary.BigEndian.PutUint32(r[4:], checksum(tables[tag]))
		binary.BigEndian.PutUint32(r[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(r[12:], uint32(len(tables[tag])))
		out = append(out, tables[tag]...)
	}
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	return out
}

func utf16be(s string) []byte {
	var b []byte
	for _, r := range s { // test names are ASCII/BMP
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

// checkSfnt verifies the structural promises of ExtractFace: sorted directory, 4-byte
// aligned tables inside the file, valid table checksums and head.checkSumAdjustment.
func checkSfnt(t *testing.T, b []byte) {
	t.Helper()
	if Sniff(b) != TrueType {
		t.Fatalf("not TrueType: %q", b[:4])
	}
	dir, err := readDirectory(b, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := len(dir.Tables)
	es := int(binary.BigEndian.Uint16(b[8:]))
	if sr := int(binary.BigEndian.Uint16(b[6:])); sr != 16<<es || sr > 16*n || 2*sr <= 16*n {
		t.Errorf("searchRange %d / entrySelector %d wrong for %d tables", sr, es, n)
	}
	var headOff uint32
	for i, rec := range dir.Tables {
		if i > 0 && dir.Tables[i-1].Tag >= rec.Tag {
			t.Errorf("directory not sorted at %q", rec.Tag)
		}
		if rec.Offset%4 != 0 {
			t.Errorf("table %q at unaligned offset %d", rec.Tag, rec.Offset)
		}
		data, err := dir.table(b, rec.Tag)
		if err != nil {
			t.Fatal(err)
		}
		sum := checksum(data)
		if rec.Tag == "head" {
			headOff = rec.Offset
			sum -= binary.BigEndian.Uint32(data[8:])
		}
		if sum != rec.Checksum {
			t.Errorf("table %q checksum %#x, directory says %#x", rec.Tag, sum, rec.Checksum)
		}
	}
	if headOff == 0 {
		t.Fatal("no head table")
	}
	if got := checksum(b); got != 0xB1B0AFBA {
		t.Errorf("whole-file checksum %#x, want 0xB1B0AFBA", got)
	}
	if len(b)%4 != 0 {
		t.Errorf("file length %d not a multiple of 4", len(b))
	}
}
