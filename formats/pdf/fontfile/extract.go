package fontfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"sort"

	"github.com/scribe-un/scribe/pipeline/model"
)

// stage is the pipeline stage named in this package's errors: fonts serve the PDF writer.
const stage = "pdf"

// fontErr wraps pipeline.ErrFont with a detail, so callers can test errors.Is(err, ErrFont).
func fontErr(file string, format string, args ...any) error {
	return model.Errorf(stage, model.Pos{File: file}, model.ErrFont, format, args...)
}

// ExtractFace rewrites face index of a TrueType collection (.ttc) as a standalone TrueType
// file, so that it can be subset and embedded on its own. The face's tables are
// copied in tag order, each starting on a 4-byte boundary, with fresh offsets, checksums
// and head.checkSumAdjustment; a DSIG table is dropped because the signature no longer
// matches. Faces with CFF outlines are refused (only TrueType outlines are embedded).
// If ttc is already a single TrueType font and index is 0, it is returned unchanged.
func ExtractFace(ttc []byte, index int) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil { // belt and braces: slicing bugs must not escape
			out, err = nil, fontErr("", "extracting face %d: %v", index, r)
		}
	}()
	switch Sniff(ttc) {
	case TrueType:
		if index == 0 {
			return ttc, nil
		}
		return nil, fontErr("", "face %d requested from a single-face TrueType font", index)
	case Collection:
	default:
		return nil, fontErr("", "not a font collection (%s)", Sniff(ttc))
	}
	offs, err := collectionOffsets(ttc)
	if err != nil {
		return nil, fontErr("", "%v", err)
	}
	if index < 0 || index >= len(offs) {
		return nil, fontErr("", "face %d does not exist (the collection has %d)", index, len(offs))
	}
	dir, err := readDirectory(ttc, int(offs[index]))
	if err != nil {
		return nil, fontErr("", "face %d: %v", index, err)
	}
	switch versionKind(dir.Version) {
	case TrueType:
	case OpenTypeCFF:
		return nil, fontErr("", "face %d has CFF outlines, which the PDF writer cannot embed", index)
	default:
		return nil, fontErr("", "face %d: unknown sfnt version %#08x", index, dir.Version)
	}
	return buildSfnt(ttc, dir)
}

// buildSfnt writes a standalone sfnt with the tables of dir, taken from src.
func buildSfnt(src []byte, dir directory) ([]byte, error) {
	type table struct {
		tag  string
		data []byte
	}
	var tables []table
	seen := make(map[string]bool)
	for _, rec := range dir.Tables {
		if rec.Tag == "DSIG" || seen[rec.Tag] {
			continue
		}
		seen[rec.Tag] = true
		data, err := dir.table(src, rec.Tag)
		if err != nil {
			return nil, fontErr("", "%v", err)
		}
		tables = append(tables, table{rec.Tag, data})
	}
	if !seen["head"] || !seen["cmap"] || !seen["glyf"] || !seen["loca"] {
		return nil, fontErr("", "face lacks a required TrueType table (head, cmap, glyf, loca)")
	}
	// The OpenType spec requires the directory sorted by tag (byte order).
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })

	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, size)
	binary.BigEndian.PutUint32(out[0:], 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	// searchRange = (largest power of two <= n) * 16, entrySelector = log2 of that power.
	entrySelector := bits.Len(uint(n)) - 1
	searchRange := (1 << entrySelector) * 16
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-searchRange))

	off := 12 + 16*n
	headOff := -1
	for i, t := range tables {
		copy(out[off:], t.data)
		if t.tag == "head" {
			if len(t.data) < 12 {
				return nil, fontErr("", "head table is too short (%d bytes)", len(t.data))
			}
			headOff = off
			// checkSumAdjustment counts as zero while checksums are computed.
			binary.BigEndian.PutUint32(out[off+8:], 0)
		}
		rec := out[12+16*i:]
		copy(rec[:4], t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(out[off:off+len(t.data)]))
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t.data)))
		off += (len(t.data) + 3) &^ 3
	}
	binary.BigEndian.PutUint32(out[headOff+8:], 0xB1B0AFBA-checksum(out))
	return out, nil
}

// faceDirectory returns the table directory of face index of data, a single font or a
// collection, with the kind of that face.
func faceDirectory(data []byte, index int) (directory, Kind, error) {
	switch k := Sniff(data); k {
	case TrueType, OpenTypeCFF:
		if index != 0 {
			return directory{}, k, fmt.Errorf("face %d requested from a single-face font", index)
		}
		d, err := readDirectory(data, 0)
		return d, k, err
	case Collection:
		offs, err := collectionOffsets(data)
		if err != nil {
			return directory{}, k, err
		}
		if index < 0 || index >= len(offs) {
			return directory{}, k, fmt.Errorf("face %d does not exist (the collection has %d)", index, len(offs))
		}
		d, err := readDirectory(data, int(offs[index]))
		if err != nil {
			return directory{}, k, err
		}
		return d, versionKind(d.Version), nil
	default:
		return directory{}, k, fmt.Errorf("not a font (%s)", k)
	}
}

// withFile sets the file of a *pipeline.Error produced without one.
func withFile(err error, file string) error {
	var pe *model.Error
	if errors.As(err, &pe) && pe.Pos.File == "" {
		cp := *pe
		cp.Pos.File = file
		return &cp
	}
	return err
}
