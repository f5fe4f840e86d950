package fontfile

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
)

// Table is where one table of a face lies in its font file.
type Table struct {
	Tag            string
	Offset, Length int64
}

// FaceTables returns the tables of face index of a font file, read through r (the file is
// size bytes long), without reading the tables themselves: a CJK collection is tens of
// megabytes, of which a PDF needs a few hundred kilobytes and the glyphs it draws. The face
// is checked as ExtractFace checks it (TrueType outlines, head, cmap, glyf and loca present,
// every table inside the file); of a tag listed twice the first counts, and DSIG is left
// out. A single TrueType font is face 0.
func FaceTables(r io.ReaderAt, size int64, index int) (out []Table, err error) {
	var hdr [12]byte
	if size < 4 {
		return nil, fontErr("", "not a font collection (%s)", Unknown)
	}
	n, _ := r.ReadAt(hdr[:min(size, 12)], 0)
	var dirOff int64
	switch k := Sniff(hdr[:n]); k {
	case TrueType:
		if index != 0 {
			return nil, fontErr("", "face %d requested from a single-face TrueType font", index)
		}
	case Collection:
		if n < 12 {
			return nil, fontErr("", "collection header is truncated")
		}
		count := binary.BigEndian.Uint32(hdr[8:])
		if count == 0 || count > maxFaces {
			return nil, fontErr("", "implausible face count %d in collection", count)
		}
		if 12+4*int64(count) > size {
			return nil, fontErr("", "collection header of %d faces is truncated", count)
		}
		if index < 0 || index >= int(count) {
			return nil, fontErr("", "face %d does not exist (the collection has %d)", index, count)
		}
		var off [4]byte
		if _, err := r.ReadAt(off[:], 12+4*int64(index)); err != nil {
			return nil, fontErr("", "collection header of %d faces is truncated", count)
		}
		dirOff = int64(binary.BigEndian.Uint32(off[:]))
	default:
		return nil, fontErr("", "not a font collection (%s)", k)
	}
	var dir [12]byte
	if dirOff+12 > size {
		return nil, fontErr("", "face %d: table directory at offset %d is outside the file (%d bytes)", index, dirOff, size)
	}
	if _, err := r.ReadAt(dir[:], dirOff); err != nil {
		return nil, fontErr("", "face %d: %v", index, err)
	}
	switch versionKind(binary.BigEndian.Uint32(dir[:])) {
	case TrueType:
	case OpenTypeCFF:
		return nil, fontErr("", "face %d has CFF outlines, which the PDF writer cannot embed", index)
	default:
		return nil, fontErr("", "face %d: unknown sfnt version %#08x", index, binary.BigEndian.Uint32(dir[:]))
	}
	count := int(binary.BigEndian.Uint16(dir[4:]))
	if count == 0 || count > maxTables {
		return nil, fontErr("", "face %d: implausible table count %d", index, count)
	}
	if dirOff+12+16*int64(count) > size {
		return nil, fontErr("", "face %d: table directory of %d tables is truncated", index, count)
	}
	recs := make([]byte, 16*count)
	if _, err := r.ReadAt(recs, dirOff+12); err != nil {
		return nil, fontErr("", "face %d: %v", index, err)
	}
	seen := make(map[string]bool, count)
	for i := 0; i < count; i++ {
		rec := recs[16*i:]
		t := Table{Tag: string(rec[:4]), Offset: int64(binary.BigEndian.Uint32(rec[8:])), Length: int64(binary.BigEndian.Uint32(rec[12:]))}
		if t.Tag == "DSIG" || seen[t.Tag] {
			continue
		}
		seen[t.Tag] = true
		if t.Offset+t.Length > size {
			return nil, fontErr("", "table %q (offset %d, length %d) runs past the end of the file", t.Tag, t.Offset, t.Length)
		}
		if t.Tag == "head" && t.Length < 12 {
			return nil, fontErr("", "head table is too short (%d bytes)", t.Length)
		}
		out = append(out, t)
	}
	if !seen["head"] || !seen["cmap"] || !seen["glyf"] || !seen["loca"] {
		return nil, fontErr("", "face lacks a required TrueType table (head, cmap, glyf, loca)")
	}
	return out, nil
}

// FaceDigest returns the SHA-256, in hex, that identifies face index of a font file in a run
// report: of the file itself for a single font, of the face rewritten as a standalone font
// by ExtractFace for a collection. It reads the whole file.
func FaceDigest(r io.ReaderAt, size int64, index int) (string, error) {
	var magic [4]byte
	if n, _ := r.ReadAt(magic[:], 0); Sniff(magic[:n]) == TrueType {
		h := sha256.New()
		if _, err := io.Copy(h, io.NewSectionReader(r, 0, size)); err != nil {
			return "", fontErr("", "%v", err)
		}
		return hex.EncodeToString(h.Sum(nil)), nil
	}
	if size > maxLoadSize {
		return "", fontErr("", "font file of %d bytes exceeds the %d-byte limit", size, maxLoadSize)
	}
	data := make([]byte, size)
	if n, err := r.ReadAt(data, 0); int64(n) < size {
		return "", fontErr("", "%v", err)
	}
	face, err := ExtractFace(data, index)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(face)
	return hex.EncodeToString(sum[:]), nil
}
