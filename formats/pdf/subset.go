package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/scribe-un/scribe/formats/pdf/fontfile"
)

// sfnt is a parsed TrueType font, enough to measure text and to cut a subset of it. It is
// built once per face and process and read-only afterwards.
//
// Parsing happens once per face and process; each document then only copies out the
// glyphs it draws (renumbered from 1, so the PDF can address them directly by index).
type sfnt struct {
	tables map[string][]byte
	// glyfAt, when set, holds the glyf table (at glyfOff, glyfLen bytes long) instead of
	// tables: a face read from a file keeps its outlines there and reads only the glyphs a
	// document draws.
	glyfAt           io.ReaderAt
	glyfOff, glyfLen int64
	// hmtx and loca are read through these, from memory or, for a face read from a file,
	// from the file as they are needed.
	hmtx, loca *table
	// cmap is the character map table, read and parsed once by the face (readCmap).
	cmap       *table
	upem       float64
	numGlyphs  int
	numHMetric int
	longLoca   bool
	metrics    fontMetrics
}

// A table is one table of a face, in memory (data) or in its font file (size bytes at off
// in at), read there on demand in blocks of tableBlock bytes, each kept once read. A
// document drawing a few dozen characters of a CJK face of 30,000 glyphs reads a few
// kilobytes of its metrics and glyph locations instead of their 200 to 400 KB, which cost
// a Chinese report more than the rest of its fonts. Safe for concurrent use: documents
// converted at once share their faces.
type table struct {
	data []byte
	at   io.ReaderAt
	off  int64
	size int

	mu     sync.Mutex
	blocks map[int][]byte
}

const tableBlock = 4096

// memTable is a table held in memory.
func memTable(b []byte) *table { return &table{data: b, size: len(b)} }

// fileTable is a table read from at when needed.
func fileTable(at io.ReaderAt, off, size int64) *table {
	return &table{at: at, off: off, size: int(size), blocks: map[int][]byte{}}
}

// u16 and u32 return the big-endian number at off in the table; false when it is past the
// end or cannot be read.
func (t *table) u16(off int) (int, bool) {
	b, ok := t.bytes(off, 2)
	if !ok {
		return 0, false
	}
	return int(binary.BigEndian.Uint16(b)), true
}

func (t *table) u32(off int) (int, bool) {
	b, ok := t.bytes(off, 4)
	if !ok {
		return 0, false
	}
	return int(binary.BigEndian.Uint32(b)), true
}

// bytes returns the n bytes at off (n at most tableBlock).
func (t *table) bytes(off, n int) ([]byte, bool) {
	if off < 0 || off+n > t.size {
		return nil, false
	}
	if t.data != nil {
		return t.data[off : off+n], true
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	k := off / tableBlock
	first, ok := t.block(k)
	if !ok {
		return nil, false
	}
	if at := off - k*tableBlock; at+n <= len(first) {
		return first[at : at+n], true
	}
	// Across two blocks (numbers in the tables read this way are aligned, so never).
	next, ok := t.block(k + 1)
	if !ok {
		return nil, false
	}
	joined := append(append([]byte(nil), first[off-k*tableBlock:]...), next...)
	return joined[:n], true
}

// slice returns the n bytes at off, read from the file each time (not kept): for what is
// read once, as a whole.
func (t *table) slice(off, n int) ([]byte, bool) {
	if off < 0 || n < 0 || off+n > t.size {
		return nil, false
	}
	if t.data != nil {
		return t.data[off : off+n], true
	}
	b := make([]byte, n)
	if _, err := t.at.ReadAt(b, t.off+int64(off)); err != nil {
		return nil, false
	}
	return b, true
}

// block returns block k of a file table, reading it on first use; t.mu is held.
func (t *table) block(k int) ([]byte, bool) {
	if b, ok := t.blocks[k]; ok {
		return b, true
	}
	start := k * tableBlock
	b := make([]byte, min(tableBlock, t.size-start))
	if _, err := t.at.ReadAt(b, t.off+int64(start)); err != nil {
		return nil, false
	}
	t.blocks[k] = b
	return b, true
}

// fontMetrics are what a PDF font descriptor states about a face, in font units.
type fontMetrics struct {
	ascent, descent, capHeight int
	bbox                       [4]int
	italicAngle                float64
	fixedPitch                 bool
	weight                     int // OS/2 usWeightClass, 400 when absent
}

var errBadFont = errors.New("malformed TrueType font")

func be16(b []byte, off int) int { return int(binary.BigEndian.Uint16(b[off:])) }
func be32(b []byte, off int) int { return int(binary.BigEndian.Uint32(b[off:])) }

// parseSFNT reads the table directory and the metrics of a standalone TrueType font.
func parseSFNT(data []byte) (s *sfnt, err error) {
	defer func() {
		if recover() != nil { // an index out of range in a hostile file
			s, err = nil, errBadFont
		}
	}()
	if len(data) < 12 {
		return nil, errBadFont
	}
	n := be16(data, 4)
	s = &sfnt{tables: make(map[string][]byte, n)}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		tag := string(data[rec : rec+4])
		off, length := be32(data, rec+8), be32(data, rec+12)
		if off < 0 || length < 0 || off+length > len(data) {
			return nil, fmt.Errorf("%w: table %q out of bounds", errBadFont, tag)
		}
		s.tables[tag] = data[off : off+length]
	}
	if b, ok := s.tables["hmtx"]; ok {
		s.hmtx = memTable(b)
	}
	if b, ok := s.tables["loca"]; ok {
		s.loca = memTable(b)
	}
	if b, ok := s.tables["cmap"]; ok {
		s.cmap = memTable(b)
	}
	return s, s.setup()
}

// readSFNT reads, through r, the tables of one face that measuring and subsetting need, but
// for the outlines, the glyph locations and the advances, which stay in the file and are
// read as the glyphs a document draws need them. post is cut to its header (the glyph names
// after it are never written).
func readSFNT(r io.ReaderAt, faceTables []fontfile.Table) (s *sfnt, err error) {
	defer func() {
		if recover() != nil {
			s, err = nil, errBadFont
		}
	}()
	s = &sfnt{tables: make(map[string][]byte, len(sfntTables))}
	for _, t := range faceTables {
		switch t.Tag {
		case "glyf":
			s.glyfAt, s.glyfOff, s.glyfLen = r, t.Offset, t.Length
			s.tables["glyf"] = []byte{} // present
			continue
		case "hmtx":
			s.hmtx = fileTable(r, t.Offset, t.Length)
			continue
		case "loca":
			s.loca = fileTable(r, t.Offset, t.Length)
			continue
		case "cmap":
			s.cmap = fileTable(r, t.Offset, t.Length)
			continue
		}
		if !sfntTables[t.Tag] {
			continue
		}
		n := t.Length
		if t.Tag == "post" {
			n = min(n, 32)
		}
		b := make([]byte, n)
		if _, err := r.ReadAt(b, t.Offset); err != nil {
			return nil, fmt.Errorf("%w: reading table %q: %v", errBadFont, t.Tag, err)
		}
		s.tables[t.Tag] = b
	}
	return s, s.setup()
}

// sfntTables are the tables a face is measured, mapped and subset with.
var sfntTables = map[string]bool{"head": true, "hhea": true, "maxp": true, "hmtx": true, "loca": true, "glyf": true, "cmap": true, "OS/2": true, "post": true}

// setup checks the tables and reads the metrics.
func (s *sfnt) setup() (err error) {
	defer func() {
		if recover() != nil { // an index out of range in a hostile file
			err = errBadFont
		}
	}()
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if t == "hmtx" && s.hmtx == nil || t == "loca" && s.loca == nil || t == "cmap" && s.cmap == nil ||
			t != "hmtx" && t != "loca" && t != "cmap" && s.tables[t] == nil {
			return fmt.Errorf("%w: no %s table", errBadFont, t)
		}
	}
	head, hhea, maxp := s.tables["head"], s.tables["hhea"], s.tables["maxp"]
	s.upem = float64(be16(head, 18))
	if s.upem == 0 {
		return fmt.Errorf("%w: unitsPerEm is 0", errBadFont)
	}
	s.longLoca = be16(head, 50) == 1
	s.numGlyphs = be16(maxp, 4)
	s.numHMetric = be16(hhea, 34)
	if s.numHMetric == 0 || s.numHMetric > s.numGlyphs || s.hmtx.size < 4*s.numHMetric {
		return fmt.Errorf("%w: bad hmtx", errBadFont)
	}
	if _, err := s.glyph(0); err != nil {
		return err
	}
	s.readMetrics()
	return nil
}

// advance is the advance width of glyph g in font units; 0 for a glyph the face lacks.
func (s *sfnt) advance(g int) int {
	if g < 0 || g >= s.numGlyphs {
		return 0
	}
	// Glyphs past the last long metric repeat its advance.
	v, _ := s.hmtx.u16(4 * min(g, s.numHMetric-1))
	return v
}

func sbe16(b []byte, off int) int { return int(int16(binary.BigEndian.Uint16(b[off:]))) }

// readMetrics fills s.metrics from head, hhea, OS/2 and post, with defaults for what a
// font leaves out.
func (s *sfnt) readMetrics() {
	m := &s.metrics
	head, hhea := s.tables["head"], s.tables["hhea"]
	if len(head) >= 44 {
		m.bbox = [4]int{sbe16(head, 36), sbe16(head, 38), sbe16(head, 40), sbe16(head, 42)}
	}
	if len(hhea) >= 8 {
		m.ascent, m.descent = sbe16(hhea, 4), sbe16(hhea, 6)
	}
	m.weight = 400
	m.capHeight = m.ascent * 7 / 10
	if os2 := s.tables["OS/2"]; len(os2) >= 6 {
		m.weight = be16(os2, 4)
		if be16(os2, 0) >= 2 && len(os2) >= 90 {
			m.capHeight = sbe16(os2, 88)
		}
	}
	if post := s.tables["post"]; len(post) >= 16 {
		m.italicAngle = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
		m.fixedPitch = binary.BigEndian.Uint32(post[12:]) != 0
	}
}

// glyph returns the bytes of glyph g in the glyf table (a copy when the table is in a file).
func (s *sfnt) glyph(g int) ([]byte, error) {
	var start, end int
	var ok1, ok2 bool
	if s.longLoca {
		if 4*(g+2) > s.loca.size {
			return nil, errBadFont
		}
		start, ok1 = s.loca.u32(4 * g)
		end, ok2 = s.loca.u32(4*g + 4)
	} else {
		if 2*(g+2) > s.loca.size {
			return nil, errBadFont
		}
		start, ok1 = s.loca.u16(2 * g)
		end, ok2 = s.loca.u16(2*g + 2)
		start, end = 2*start, 2*end
	}
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("%w: reading the location of glyph %d", errBadFont, g)
	}
	if s.glyfAt != nil {
		if start > end || int64(end) > s.glyfLen {
			return nil, errBadFont
		}
		b := make([]byte, end-start)
		if _, err := s.glyfAt.ReadAt(b, s.glyfOff+int64(start)); err != nil {
			return nil, fmt.Errorf("%w: reading glyph %d: %v", errBadFont, g, err)
		}
		return b, nil
	}
	glyf := s.tables["glyf"]
	if start > end || end > len(glyf) {
		return nil, errBadFont
	}
	return glyf[start:end], nil
}

// Composite glyph flags.
const (
	argWords       = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components calls fn with the offset (inside the glyph) of each component's glyph index.
func components(b []byte, fn func(off int)) error {
	if len(b) < 10 || int16(be16(b, 0)) >= 0 {
		return nil
	}
	_, _, err := walkComponents(b, func(flagsOff int) { fn(flagsOff + 2) })
	return err
}

// walkComponents steps through the components of composite glyph b, calling fn with the
// offset of each one's flags, and returns the offset of the last one's flags and where the
// components end (instructions may follow).
func walkComponents(b []byte, fn func(flagsOff int)) (last, end int, err error) {
	off := 10
	for {
		if off+4 > len(b) {
			return 0, 0, errBadFont
		}
		flags := be16(b, off)
		fn(off)
		last = off
		off += 4
		if flags&argWords != 0 {
			off += 4
		} else {
			off += 2
		}
		switch {
		case flags&haveScale != 0:
			off += 2
		case flags&haveXYScale != 0:
			off += 4
		case flags&haveTwoByTwo != 0:
			off += 8
		}
		if flags&moreComponents == 0 {
			return last, off, nil
		}
	}
}

// subset builds a TrueType font whose glyph i is glyphs[i] (glyphs[0] should be 0, the
// .notdef glyph; a glyph may repeat), followed by the components of composite glyphs that are
// not among them, with a format 4 cmap from chars (character → glyph of the subset) for
// readers that look characters up in the font itself.
func (s *sfnt) subset(glyphs []uint16, chars map[rune]uint16) (out []byte, err error) {
	defer func() {
		if recover() != nil {
			out, err = nil, errBadFont
		}
	}()
	old := make([]int, 0, len(glyphs)+8) // new glyph → original glyph
	newID := make(map[int]int, len(glyphs))
	add := func(g int) error {
		if g >= s.numGlyphs {
			return errBadFont
		}
		if _, ok := newID[g]; !ok {
			newID[g] = len(old)
		}
		old = append(old, g)
		return nil
	}
	for _, g := range glyphs {
		if err := add(int(g)); err != nil {
			return nil, err
		}
	}
	// Components of composite glyphs, and theirs, after the glyphs drawn. Each glyph is read
	// once (from the file, for a face whose outlines stay there).
	bodies := make([][]byte, 0, cap(old))
	for i := 0; i < len(old); i++ {
		b, err := s.glyph(old[i])
		if err != nil {
			return nil, err
		}
		bodies = append(bodies, b)
		var kids []int
		if err := components(b, func(off int) { kids = append(kids, be16(b, off)) }); err != nil {
			return nil, err
		}
		for _, k := range kids {
			if _, ok := newID[k]; !ok {
				if err := add(k); err != nil {
					return nil, err
				}
			}
		}
	}
	n := len(old)

	// glyf and loca (long offsets), hmtx
	var glyf []byte
	loca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	for i, g := range old {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		b := bodies[i]
		if i > 0 && g == 0 {
			b = nil // a number left free, never drawn: no outline
		}
		b = unhinted(b)
		start := len(glyf)
		glyf = append(glyf, b...)
		if err := components(b, func(off int) {
			binary.BigEndian.PutUint16(glyf[start+off:], uint16(newID[be16(b, off)]))
		}); err != nil {
			return nil, err
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		var lsb int
		if g < s.numHMetric {
			lsb, _ = s.hmtx.u16(4*g + 2)
		} else {
			lsb, _ = s.hmtx.u16(4*s.numHMetric + 2*(g-s.numHMetric))
		}
		binary.BigEndian.PutUint16(hmtx[4*i:], uint16(s.advance(g)))
		binary.BigEndian.PutUint16(hmtx[4*i+2:], uint16(lsb))
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(len(glyf)))

	head := append([]byte(nil), s.tables["head"]...)
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment: not verified by readers
	binary.BigEndian.PutUint16(head[50:], 1)
	hhea := append([]byte(nil), s.tables["hhea"]...)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := append([]byte(nil), s.tables["maxp"]...)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))

	tables := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": loca, "glyf": glyf,
		"cmap": cmap4(chars),
	}
	if p := s.tables["post"]; len(p) >= 32 {
		post := append([]byte(nil), p[:32]...)
		binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
		tables["post"] = post
	}
	// Neither the hinting programs (fpgm, prep, cvt, and each glyph's instructions, which
	// unhinted drops) nor the name table (mostly the licence text) are kept: PDF
	// renderers draw TrueType outlines without running their instructions, and together
	// they were half of a typical subset, which every document compresses. PDF requires
	// cvt, fpgm and prep only when the font's instructions use them, and none are left.
	for _, t := range []string{"OS/2"} {
		if b := s.tables[t]; b != nil {
			tables[t] = b
		}
	}
	return writeSFNT(tables), nil
}

// Composite glyph flag: instructions follow the last component.
const haveInstructions = 0x0100

// unhinted returns glyph b without its TrueType instructions (a copy when it changes).
// A glyph it cannot parse is returned unchanged.
func unhinted(b []byte) []byte {
	if len(b) < 12 {
		return b
	}
	if n := int16(be16(b, 0)); n >= 0 {
		// Simple glyph: header, endPtsOfContours[n], instructionLength, instructions, …
		off := 10 + 2*int(n)
		if off+2 > len(b) {
			return b
		}
		il := be16(b, off)
		if il == 0 || off+2+il > len(b) {
			return b
		}
		out := make([]byte, 0, len(b)-il)
		out = append(out, b[:off]...)
		out = append(out, 0, 0)
		return append(out, b[off+2+il:]...)
	}
	// Composite glyph: cut what follows the components, and say so in the last flags.
	last, off, err := walkComponents(b, func(int) {})
	if err != nil || off > len(b) || be16(b, last)&haveInstructions == 0 {
		return b
	}
	out := append([]byte(nil), b[:off]...)
	binary.BigEndian.PutUint16(out[last:], uint16(be16(b, last)&^haveInstructions))
	return out
}

// cmap4 writes a cmap with one Windows Unicode BMP subtable in format 4 mapping chars
// (character → glyph), one segment per run of consecutive characters whose glyphs are
// consecutive too.
func cmap4(chars map[rune]uint16) []byte {
	codes := make([]int, 0, len(chars))
	for r := range chars {
		if r <= 0xFFFE {
			codes = append(codes, int(r))
		}
	}
	sort.Ints(codes)
	type segment struct{ start, end, delta int }
	var segs []segment
	for _, c := range codes {
		g := int(chars[rune(c)])
		if k := len(segs) - 1; k >= 0 && segs[k].end == c-1 && (segs[k].start+segs[k].delta+(c-segs[k].start))&0xFFFF == g&0xFFFF {
			segs[k].end = c
			continue
		}
		segs = append(segs, segment{c, c, (g - c) & 0xFFFF})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	segX2 := 2 * len(segs)
	sr := 2
	es := 0
	for sr*2 <= segX2 {
		sr *= 2
		es++
	}
	length := 16 + 4*segX2
	b := make([]byte, 12+length)
	put := func(off, v int) { binary.BigEndian.PutUint16(b[off:], uint16(v)) }
	put(0, 0) // version
	put(2, 1) // one subtable
	put(4, 3) // Windows
	put(6, 1) // Unicode BMP
	binary.BigEndian.PutUint32(b[8:], 12)
	t := 12
	put(t, 4)
	put(t+2, length)
	put(t+4, 0)
	put(t+6, segX2)
	put(t+8, sr)
	put(t+10, es)
	put(t+12, segX2-sr)
	ends := t + 14
	starts := ends + segX2 + 2
	deltas := starts + segX2
	ranges := deltas + segX2
	for i, s := range segs {
		put(ends+2*i, s.end)
		put(starts+2*i, s.start)
		put(deltas+2*i, s.delta)
		put(ranges+2*i, 0)
	}
	return b
}

// writeSFNT assembles tables into a font file, tags in order, each 4-byte aligned.
func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	sr, es := 1, 0
	for sr*2 <= n {
		sr *= 2
		es++
	}
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	b := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(b, 0x00010000)
	binary.BigEndian.PutUint16(b[4:], uint16(n))
	binary.BigEndian.PutUint16(b[6:], uint16(sr*16))
	binary.BigEndian.PutUint16(b[8:], uint16(es))
	binary.BigEndian.PutUint16(b[10:], uint16(n*16-sr*16))
	for i, t := range tags {
		data := tables[t]
		rec := 12 + 16*i
		copy(b[rec:], t)
		binary.BigEndian.PutUint32(b[rec+4:], checksum(data))
		binary.BigEndian.PutUint32(b[rec+8:], uint32(len(b)))
		binary.BigEndian.PutUint32(b[rec+12:], uint32(len(data)))
		b = append(b, data...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	return b
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
