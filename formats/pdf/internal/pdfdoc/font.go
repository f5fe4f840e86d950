package pdfdoc

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"unicode/utf16"

	"github.com/scribe-un/scribe/formats/pdf/shape"
)

// How text is encoded.
//
// Every font is a composite (Type0) font whose character codes are one byte for the first 128
// glyphs a document draws in it and two bytes (0x8000 to 0xFFFF) after, through one CMap
// embedded in the file (cmapOneTwo) that maps each code to the CID of the same number. Glyphs
// are numbered in the order the document first draws them (ordinals: the subset font's glyph
// i is ordinal i), and the CIDToGIDMap takes each CID to its ordinal. So an English page is
// written as about one byte per character in literal strings, where glyph indexes written as
// four hexadecimal digits took four; and since the codes of a page are known when it is
// drawn, nothing has to wait for the whole document before a page can be written. (CIDs equal
// the codes, rather than the ordinals, because some readers, MuPDF before 1.24 among them,
// look the CIDs of the ToUnicode map up in the encoding's code space.)
//
// Code 32 is a single byte, so the word-spacing operator (Tw) applies to it: ordinal 32 is
// kept for the space Space draws between words, and a justified line, whose word gaps are all
// widened alike, is one string with its Tw instead of a position adjustment at every gap. A
// space drawn inside a piece of text (by Text) gets an ordinary ordinal: the words of an
// unbreakable piece keep their spacing.

// Face is a TrueType face text is drawn in; the document asks it for glyphs while drawing and
// for the subset of the glyphs drawn when it is written.
type Face interface {
	// Glyph returns the glyph index of r, and false when the face has none.
	Glyph(r rune) (uint16, bool)
	// Advance returns the advance width of glyph g in font units (UnitsPerEm to the em).
	Advance(g uint16) int
	// Subset returns a TrueType program whose glyph i is glyphs[i] (glyphs[0] is 0, the
	// .notdef glyph; a glyph may repeat), the components of composite glyphs numbered after
	// them, and a character map from chars (character → glyph of the program).
	Subset(glyphs []uint16, chars map[rune]uint16) ([]byte, error)
}

// Font is an embeddable TrueType font.
type Font struct {
	// Name is the PostScript name written as BaseFont, with its subset tag
	// ("ABCDEF+LiberationSerif"); only characters allowed unescaped in a PDF name.
	Name string
	Face Face
	// UnitsPerEm is the face's em in font units.
	UnitsPerEm int
	// Metrics of the font descriptor, in thousandths of the em.
	Ascent, Descent, CapHeight, StemV int
	BBox                              [4]int
	ItalicAngle                       float64
	FixedPitch, Bold                  bool
}

// The character codes: one byte below oneByteCodes, else two bytes from 0x8000.
const (
	oneByteCodes = 128
	maxCID       = oneByteCodes + 0x8000 - 1
	wordSpaceCID = 32
)

// ErrNotdef is the error of text with a character its font has no glyph for: the file would
// draw .notdef, which PDF/A-2 forbids (ISO 19005-2, 6.2.11.8).
var ErrNotdef = errors.New("pdfdoc: no glyph for a character (.notdef is never drawn)")

// errTooManyGlyphs: the two-byte codes are exhausted. No text of one language comes near.
var errTooManyGlyphs = fmt.Errorf("pdfdoc: more than %d different glyphs drawn in one font", maxCID)

// fontState is a font added to a document and the glyphs drawn in it so far.
type fontState struct {
	*Font
	glyphs []uint16  // CID → glyph of the face; index 0 is .notdef, wordSpaceCID the word space
	widths []float64 // CID → advance in thousandths of the em, as the /W array states it
	text   []rune    // CID → the character it stands for in extracted text (0: none)
	byGID  map[uint16]uint16
	byRune map[rune]uint16 // character → CID, for characters beyond ascii
	ascii  [128]uint16     // character → CID + 1 (0: not looked up yet)
	space  bool            // the word space has been drawn
}

func newFontState(f *Font) *fontState {
	fs := &fontState{Font: f, byGID: map[uint16]uint16{}, byRune: map[rune]uint16{}}
	fs.glyphs = append(fs.glyphs, 0)
	fs.widths = append(fs.widths, fs.width(0))
	fs.text = append(fs.text, 0)
	return fs
}

// width is the advance of glyph g in thousandths of the em, rounded to the three decimals the
// width array is written with, so the pen the document tracks is where readers put glyphs.
func (fs *fontState) width(g uint16) float64 {
	upem := fs.UnitsPerEm
	if upem <= 0 {
		upem = 1000
	}
	return math.Round(float64(fs.Face.Advance(g))*1e6/float64(upem)) / 1000
}

// cid returns the CID that draws r, numbering its glyph on first use. A character the face
// lacks is an error: PDF/A-2 (6.2.11.8) forbids drawing .notdef, and callers choose, for
// each character, a face that has it or print a stand-in.
func (fs *fontState) cid(r rune) (uint16, error) {
	if r >= 0 && r < 128 {
		if c := fs.ascii[r]; c != 0 {
			return c - 1, nil
		}
	} else if c, ok := fs.byRune[r]; ok {
		return c, nil
	}
	g, ok := fs.Face.Glyph(r)
	if !ok || g == 0 {
		return 0, fmt.Errorf("%w: U+%04X in %s", ErrNotdef, r, fs.Name)
	}
	c, err := fs.cidOfGlyph(g)
	if err != nil {
		return 0, err
	}
	// A glyph drawn for several characters stands for the smallest of them, so the
	// extracted text does not depend on which came first.
	if t := fs.text[c]; t == 0 || r < t {
		fs.text[c] = r
	}
	if r >= 0 && r < 128 {
		fs.ascii[r] = c + 1
	} else {
		fs.byRune[r] = c
	}
	return c, nil
}

// cidOfGlyph returns the CID of glyph g, numbering it on first use (never as the word space).
func (fs *fontState) cidOfGlyph(g uint16) (uint16, error) {
	if c, ok := fs.byGID[g]; ok {
		return c, nil
	}
	if len(fs.glyphs) == wordSpaceCID {
		fs.glyphs = append(fs.glyphs, 0) // kept for the word space
		fs.widths = append(fs.widths, 0)
		fs.text = append(fs.text, 0)
	}
	if len(fs.glyphs) > maxCID {
		return 0, errTooManyGlyphs
	}
	c := uint16(len(fs.glyphs))
	fs.glyphs = append(fs.glyphs, g)
	fs.widths = append(fs.widths, fs.width(g))
	fs.text = append(fs.text, 0)
	fs.byGID[g] = c
	return c, nil
}

// wordSpace makes CID 32 the face's space glyph; false when the face has none.
func (fs *fontState) wordSpace() bool {
	if fs.space {
		return true
	}
	g, ok := fs.Face.Glyph(' ')
	if !ok || g == 0 {
		return false
	}
	for len(fs.glyphs) <= wordSpaceCID {
		fs.glyphs = append(fs.glyphs, 0)
		fs.widths = append(fs.widths, 0)
		fs.text = append(fs.text, 0)
	}
	fs.glyphs[wordSpaceCID] = g
	fs.widths[wordSpaceCID] = fs.width(g)
	fs.text[wordSpaceCID] = ' '
	fs.space = true
	return true
}

// code returns the character code, which is also the CID, of ordinal n.
func code(n uint16) int {
	if n < oneByteCodes {
		return int(n)
	}
	return 0x8000 + int(n) - oneByteCodes
}

// appendCode appends the character code of ordinal n.
func appendCode(b []byte, n uint16) []byte {
	if n < oneByteCodes {
		return append(b, byte(n))
	}
	c := code(n)
	return append(b, byte(c>>8), byte(c))
}

// writeCode writes the character code of ordinal n as hexadecimal digits, for CMaps.
func writeCode(b *bytes.Buffer, n uint16) {
	var buf [2]byte
	b.WriteByte('<')
	for _, c := range appendCode(buf[:0], n) {
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&0xF])
	}
	b.WriteByte('>')
}

// cmapName is the name of the embedded encoding CMap every font uses.
const cmapName = "Scribe-OneTwo-H"

// cmapOneTwo is the encoding CMap for fonts of at most n ordinals: each code of 0x00–0x7F
// and 0x8000–0xFFFF is the CID of the same number. The two-byte codes are mapped in runs that
// differ in their last byte only, as Adobe's own CMaps are written, at most 100 to a block,
// and only as far as the fonts use them.
func cmapOneTwo(n int) []byte {
	var b bytes.Buffer
	b.WriteString("%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n" +
		"/CMapName /" + cmapName + " def\n/CMapType 1 def\n/WMode 0 def\n" +
		"2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n")
	type rng struct {
		lo, hi string
		cid    int
	}
	ranges := []rng{{"<00>", "<7F>", 0}}
	for lead := 0x80; lead <= code(uint16(n-1))>>8; lead++ {
		ranges = append(ranges, rng{fmt.Sprintf("<%02X00>", lead), fmt.Sprintf("<%02XFF>", lead), lead << 8})
	}
	for start := 0; start < len(ranges); start += 100 {
		end := min(start+100, len(ranges))
		fmt.Fprintf(&b, "%d begincidrange\n", end-start)
		for _, r := range ranges[start:end] {
			fmt.Fprintf(&b, "%s %s %d\n", r.lo, r.hi, r.cid)
		}
		b.WriteString("endcidrange\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// cmapDict is the dictionary of the embedded CMap stream.
const cmapDict = " /Type /CMap /CMapName /" + cmapName +
	" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /WMode 0"

// fontObjects is how many objects a font takes from the start (see font).
const fontObjects = 5

// identity reports whether every CID of f is its ordinal (the subset's glyph).
func (f *fontState) identity() bool { return len(f.glyphs) <= oneByteCodes }

// font writes f as a composite font at ids id…id+4: the Type0 font, its CIDFontType2
// descendant, the font descriptor, the TrueType program and the ToUnicode map that lets
// readers extract and search the text; cmap is the encoding CMap's object, gidMap the
// CIDToGIDMap's (0 when it is the identity).
func (w *objWriter) font(id, cmap, gidMap int, f *fontState) error {
	cidID, desc, prog, toUni := id+1, id+2, id+3, id+4
	w.object(id, fmt.Appendf(nil, "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding %d 0 R /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		f.Name, cmap, cidID, toUni))

	var b bytes.Buffer
	fmt.Fprintf(&b, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R", f.Name, desc)
	if gidMap == 0 {
		b.WriteString(" /CIDToGIDMap /Identity")
	} else {
		fmt.Fprintf(&b, " /CIDToGIDMap %d 0 R", gidMap)
	}
	// Widths of the CIDs in use, in runs of consecutive CIDs (those kept free below the word
	// space are left out).
	b.WriteString(" /W [")
	open, n := false, 0
	for c, wd := range f.widths {
		if c != 0 && f.glyphs[c] == 0 {
			if open {
				b.WriteByte(']')
				open = false
			}
			continue
		}
		if !open || c == oneByteCodes {
			if open {
				b.WriteByte(']') // CIDs jump from 127 to 0x8000
			}
			if c > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(code(uint16(c))))
			b.WriteString(" [")
			open, n = true, 0
		}
		if n%16 == 0 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
		n++
		b.WriteString(strconv.FormatFloat(wd, 'f', -1, 64))
	}
	if open {
		b.WriteByte(']')
	}
	b.WriteString("] >>")
	w.object(cidID, b.Bytes())

	// Flags: symbolic (4), since glyphs are reached by index, not by a standard encoding;
	// fixed pitch (1), italic (64), force bold (1<<18).
	flags := 4
	if f.FixedPitch {
		flags |= 1
	}
	if f.ItalicAngle != 0 {
		flags |= 64
	}
	if f.Bold {
		flags |= 1 << 18
	}
	w.object(desc, fmt.Appendf(nil, "<< /Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R >>",
		f.Name, flags, f.BBox[0], f.BBox[1], f.BBox[2], f.BBox[3], num(f.ItalicAngle), f.Ascent, f.Descent, f.CapHeight, f.StemV, prog))
	chars := map[rune]uint16{}
	for cid, r := range f.text {
		if r != 0 && cid != wordSpaceCID {
			chars[r] = uint16(cid)
		}
	}
	if f.space {
		chars[' '] = wordSpaceCID
	}
	data, err := f.Face.Subset(f.glyphs, chars)
	if err != nil {
		return err // the face's own error names it
	}
	if len(data) == 0 {
		return errors.New("pdfdoc: font " + f.Name + ": empty font program")
	}
	if err := w.stream(prog, fmt.Sprintf(" /Length1 %d", len(data)), data); err != nil {
		return err
	}
	if err := w.stream(toUni, "", toUnicode(f.text)); err != nil {
		return err
	}
	if gidMap == 0 {
		return nil
	}
	return w.stream(gidMap, "", cidToGID(len(f.glyphs)))
}

// cidToGID is the CIDToGIDMap of a font with n ordinals: two bytes per CID up to the last
// one used, each the ordinal (the subset's glyph) of the CID.
func cidToGID(n int) []byte {
	m := make([]byte, 2*(code(uint16(n-1))+1))
	for o := 0; o < n; o++ {
		c := code(uint16(o))
		m[2*c], m[2*c+1] = byte(o>>8), byte(o)
	}
	return m
}

// toUnicode writes the CMap from character codes to text, in the codes' own byte lengths.
func toUnicode(text []rune) []byte {
	cids := make([]int, 0, len(text))
	for c, r := range text {
		if r != 0 {
			cids = append(cids, c)
		}
	}
	sort.Ints(cids)
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n")
	// At most 100 entries per block, as the CMap format requires.
	for start := 0; start < len(cids); start += 100 {
		end := min(start+100, len(cids))
		fmt.Fprintf(&b, "%d beginbfchar\n", end-start)
		for _, c := range cids[start:end] {
			writeCode(&b, uint16(c))
			b.WriteString(" <")
			// An Arabic presentation form reads as the letters it was shaped from. Pages hold
			// right-to-left text in visual order, and readers (poppler, PDF.js) reverse a
			// glyph's letters with the rest of the run, so a lam–alef ligature is written
			// alef first.
			chars := []rune{text[c]}
			if s, ok := shape.Letters(text[c]); ok {
				chars = []rune(s)
				slices.Reverse(chars)
			}
			for _, u := range utf16.Encode(chars) {
				writeHex4(&b, u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
