package fontfile

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"

	gofont "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype/tables"
	"golang.org/x/text/encoding/charmap"
)

// Font is a parsed font face: its character coverage and names. It is immutable after
// Parse and safe for concurrent use.
type Font struct {
	kind   Kind
	family string
	style  string
	cmap   gofont.Cmap
}

// Parse reads a TrueType font (or a face extracted from a collection). CFF-flavoured
// OpenType fonts are parsed too, so their coverage can be inspected, but Kind reports
// OpenTypeCFF and the PDF writer does not embed them. A collection yields its first face (use
// ParseFace for another). Anything else, or a font without a usable cmap, is an error
// wrapping pipeline.ErrFont.
func Parse(data []byte) (*Font, error) { return ParseFace(data, 0) }

// ParseFace is Parse for face index of a collection (index 0 for a single font).
func ParseFace(data []byte, index int) (f *Font, err error) {
	defer func() {
		// go-text parses the cmap; a panic on a corrupt table must not escape.
		if r := recover(); r != nil {
			f, err = nil, fontErr("", "corrupt font: %v", r)
		}
	}()
	dir, kind, err := faceDirectory(data, index)
	if err != nil {
		return nil, fontErr("", "not a font: %v", err)
	}
	if kind != TrueType && kind != OpenTypeCFF {
		return nil, fontErr("", "not a font: unknown sfnt version %#08x", dir.Version)
	}
	raw, err := dir.table(data, "cmap")
	if err != nil {
		return nil, fontErr("", "%v", err)
	}
	if raw == nil {
		return nil, fontErr("", "font has no cmap table")
	}
	ct, _, err := tables.ParseCmap(raw)
	if err != nil {
		return nil, fontErr("", "cmap: %v", err)
	}
	cm, _, err := gofont.ProcessCmap(ct, 0)
	if err != nil {
		return nil, fontErr("", "cmap: %v", err)
	}
	f = &Font{kind: kind, cmap: cm}
	if name, err := dir.table(data, "name"); err == nil && name != nil {
		f.family, f.style = names(name)
	}
	return f, nil
}

// Has reports whether the font maps r to a glyph.
func (f *Font) Has(r rune) (has bool) {
	if f == nil || f.cmap == nil {
		return false
	}
	// go-text's format 4 lookup indexes the glyph array without a bounds check, so a
	// corrupt table that parsed can still panic here: such a character is not covered.
	defer func() {
		if recover() != nil {
			has = false
		}
	}()
	gid, ok := f.cmap.Lookup(r)
	return ok && gid != 0
}

// Missing returns the distinct characters of s (in order of first appearance) that the
// font does not cover, ignoring controls and spaces, which no font needs to draw.
func (f *Font) Missing(s string) []rune {
	var out []rune
	seen := make(map[rune]bool)
	for _, r := range s {
		if r <= ' ' || r == 0x7F || seen[r] {
			continue
		}
		seen[r] = true
		if !f.Has(r) {
			out = append(out, r)
		}
	}
	return out
}

// Family is the font family name (name ID 1: "DejaVu Sans Condensed"), the name under
// which Regular, Bold, Italic and Bold Italic group.
func (f *Font) Family() string { return f.family }

// Style is the subfamily name (name ID 2: "Regular", "Bold", "Oblique"…).
func (f *Font) Style() string { return f.style }

// Kind is the outline flavour of the parsed face: TrueType or OpenTypeCFF.
func (f *Font) Kind() Kind { return f.kind }

// Name IDs of the name table.
const (
	nameFamily    = 1
	nameSubfamily = 2
)

// names returns the family and subfamily names from a raw name table, preferring Windows
// English (US) records, then any Windows or Unicode record, then Macintosh Roman ones.
func names(tbl []byte) (family, style string) {
	if len(tbl) < 6 {
		return "", ""
	}
	count := int(binary.BigEndian.Uint16(tbl[2:]))
	storage := int(binary.BigEndian.Uint16(tbl[4:]))
	best := map[uint16]int{} // name ID → score of the record kept
	found := map[uint16]string{}
	for i := 0; i < count; i++ {
		rec := 6 + 12*i
		if rec+12 > len(tbl) {
			break
		}
		platform := binary.BigEndian.Uint16(tbl[rec:])
		encoding := binary.BigEndian.Uint16(tbl[rec+2:])
		lang := binary.BigEndian.Uint16(tbl[rec+4:])
		id := binary.BigEndian.Uint16(tbl[rec+6:])
		length := int(binary.BigEndian.Uint16(tbl[rec+8:]))
		off := storage + int(binary.BigEndian.Uint16(tbl[rec+10:]))
		if id != nameFamily && id != nameSubfamily {
			continue
		}
		if off+length > len(tbl) {
			continue
		}
		raw := tbl[off : off+length]
		score := 0
		var s string
		switch {
		case platform == 3 && (encoding == 1 || encoding == 10 || encoding == 0):
			score = 2
			if lang == 0x409 {
				score = 4
			}
			s = decodeUTF16BE(raw)
		case platform == 0:
			score = 3
			s = decodeUTF16BE(raw)
		case platform == 1 && encoding == 0:
			score = 1
			b, err := charmap.Macintosh.NewDecoder().Bytes(raw)
			if err != nil {
				continue
			}
			s = string(b)
		default:
			continue
		}
		s = strings.TrimSpace(strings.ToValidUTF8(s, ""))
		if s == "" || score <= best[id] {
			continue
		}
		best[id], found[id] = score, s
	}
	return found[nameFamily], found[nameSubfamily]
}

func decodeUTF16BE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}
