// Package fontfile finds, inspects and prepares font files for the PDF writer.
//
// The PDF writer embeds TrueType-outline fonts only, and must know whether a font covers a
// character before it draws with it. This package provides what it needs: Sniff tells the flavour of a font file by its
// magic bytes, ExtractFace turns one face of a TrueType collection (.ttc) into a standalone
// .ttf the writer can embed, Parse reads the cmap and name tables (Has, Family, Style), and
// Discover lists the usable faces installed on the machine without loading them.
//
// Nothing here keeps package-level mutable state; every function may be called
// concurrently. Malformed input yields an error wrapping pipeline.ErrFont, never a panic.
package fontfile

import (
	"encoding/binary"
	"fmt"
)

// Kind is the container flavour of a font file, as told by its first four bytes.
type Kind int

// The kinds of font files. Only TrueType (and faces extracted from a Collection) can be
// embedded in a PDF by scribe.
const (
	Unknown     Kind = iota // not a font, or a format not recognized
	TrueType                // sfnt with TrueType outlines: 0x00010000 or 'true'
	OpenTypeCFF             // sfnt with CFF outlines: 'OTTO'
	Collection              // TrueType/OpenType collection: 'ttcf'
	WOFF                    // compressed web font: 'wOFF'
	WOFF2                   // compressed web font: 'wOF2'
)

// String names the kind for messages.
func (k Kind) String() string {
	switch k {
	case TrueType:
		return "TrueType"
	case OpenTypeCFF:
		return "OpenType/CFF"
	case Collection:
		return "font collection"
	case WOFF:
		return "WOFF"
	case WOFF2:
		return "WOFF2"
	}
	return "unknown"
}

// Sniff tells the kind of a font file from its magic bytes.
func Sniff(data []byte) Kind {
	if len(data) < 4 {
		return Unknown
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
		return TrueType
	case "OTTO":
		return OpenTypeCFF
	case "ttcf":
		return Collection
	case "wOFF":
		return WOFF
	case "wOF2":
		return WOFF2
	}
	return Unknown
}

// Limits that keep hostile files from making us allocate or loop without bound. Real fonts
// stay far below them (the largest CJK fonts have ~30 tables; collections a few dozen faces).
const (
	maxTables = 256
	maxFaces  = 1024
)

// tableRecord is one entry of an sfnt table directory.
type tableRecord struct {
	Tag      string
	Checksum uint32
	Offset   uint32
	Length   uint32
}

// directory is a parsed sfnt table directory (the offset table and its records).
type directory struct {
	Version uint32
	Tables  []tableRecord
}

// readDirectory parses the table directory starting at offset off of data. Offsets in the
// records are relative to the start of the whole file, also inside a collection.
func readDirectory(data []byte, off int) (directory, error) {
	if off < 0 || off+12 > len(data) || off+12 < off {
		return directory{}, fmt.Errorf("table directory at offset %d is outside the file (%d bytes)", off, len(data))
	}
	var d directory
	d.Version = binary.BigEndian.Uint32(data[off:])
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	if n == 0 || n > maxTables {
		return directory{}, fmt.Errorf("implausible table count %d", n)
	}
	if off+12+16*n > len(data) {
		return directory{}, fmt.Errorf("table directory of %d tables is truncated", n)
	}
	d.Tables = make([]tableRecord, n)
	for i := range d.Tables {
		r := data[off+12+16*i:]
		d.Tables[i] = tableRecord{
			Tag:      string(r[:4]),
			Checksum: binary.BigEndian.Uint32(r[4:]),
			Offset:   binary.BigEndian.Uint32(r[8:]),
			Length:   binary.BigEndian.Uint32(r[12:]),
		}
	}
	return d, nil
}

// table returns the bytes of the table tag, or nil when absent. An out-of-bounds table is
// an error.
func (d directory) table(data []byte, tag string) ([]byte, error) {
	for _, t := range d.Tables {
		if t.Tag != tag {
			continue
		}
		end := uint64(t.Offset) + uint64(t.Length)
		if end > uint64(len(data)) {
			return nil, fmt.Errorf("table %q (offset %d, length %d) runs past the end of the file", tag, t.Offset, t.Length)
		}
		return data[t.Offset:end], nil
	}
	return nil, nil
}

// collectionOffsets returns the offsets of the face directories of a 'ttcf' collection.
func collectionOffsets(data []byte) ([]uint32, error) {
	if len(data) < 12 || string(data[:4]) != "ttcf" {
		return nil, fmt.Errorf("not a font collection")
	}
	n := binary.BigEndian.Uint32(data[8:])
	if n == 0 || n > maxFaces {
		return nil, fmt.Errorf("implausible face count %d in collection", n)
	}
	if uint64(12)+4*uint64(n) > uint64(len(data)) {
		return nil, fmt.Errorf("collection header of %d faces is truncated", n)
	}
	offs := make([]uint32, n)
	for i := range offs {
		offs[i] = binary.BigEndian.Uint32(data[12+4*i:])
	}
	return offs, nil
}

// versionKind maps the sfnt version of one face to a Kind.
func versionKind(v uint32) Kind {
	switch v {
	case 0x00010000, 0x74727565: // 'true'
		return TrueType
	case 0x4F54544F: // 'OTTO'
		return OpenTypeCFF
	}
	return Unknown
}

// checksum is the OpenType table checksum: the sum of big-endian uint32 words, the last
// one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var pad [4]byte
		copy(pad[:], b)
		sum += binary.BigEndian.Uint32(pad[:])
	}
	return sum
}
