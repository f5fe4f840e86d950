package pdfdoc

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf16"
)

// font writes f as a composite font at ids id…id+4: the Type0 font, its CIDFontType2
// descendant, the font descriptor, the TrueType program and the ToUnicode map that lets
// readers extract and search the text.
func (w *objWriter) font(id int, f *Font) error {
	cid, desc, prog, toUni := id+1, id+2, id+3, id+4
	w.object(id, fmt.Appendf(nil, "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		f.Name, cid, toUni))

	var b bytes.Buffer
	fmt.Fprintf(&b, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /CIDToGIDMap /Identity", f.Name, desc)
	if len(f.Widths) > 0 {
		b.WriteString(" /W [0 [")
		for i, wd := range f.Widths {
			if i%16 == 0 {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%d", wd)
		}
		b.WriteString("]]")
	}
	b.WriteString(" >>")
	w.object(cid, b.Bytes())

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
	if err := w.stream(prog, fmt.Sprintf(" /Length1 %d", len(f.Data)), f.Data); err != nil {
		return err
	}
	return w.stream(toUni, "", toUnicode(f.Glyphs))
}

// toUnicode writes the CMap from glyph index to text. A glyph drawn for several characters
// maps to the smallest of them, so the output does not depend on map order.
func toUnicode(glyphs map[rune]uint16) []byte {
	text := make(map[uint16]rune, len(glyphs))
	for r, g := range glyphs {
		if old, ok := text[g]; !ok || r < old {
			text[g] = r
		}
	}
	gids := make([]int, 0, len(text))
	for g := range text {
		gids = append(gids, int(g))
	}
	sort.Ints(gids)
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	// At most 100 entries per block, as the CMap format requires.
	for start := 0; start < len(gids); start += 100 {
		end := min(start+100, len(gids))
		fmt.Fprintf(&b, "%d beginbfchar\n", end-start)
		for _, g := range gids[start:end] {
			b.WriteByte('<')
			writeHex4(&b, uint16(g))
			b.WriteString("> <")
			for _, u := range utf16.Encode([]rune{text[uint16(g)]}) {
				writeHex4(&b, u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
