package fontfile

import (
	"encoding/binary"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Face is one usable font face found on disk: a TrueType file, or one face of a TrueType
// collection (Kind Collection, with its Index). Load turns it into bytes the PDF writer can embed.
type Face struct {
	Path   string
	Index  int // face number inside a collection; 0 for a single font
	Family string
	Style  string
	Kind   Kind // TrueType or Collection: the container, which decides how Load reads it
}

// EnvFontDir names the environment variable with extra font folders, separated like PATH.
const EnvFontDir = "SCRIBE_FONT_DIR"

// Limits for Discover, so a font folder on a network share or a huge tree cannot stall a
// conversion: stop after this many font files, and skip name tables above this size.
const (
	maxDiscoverFiles = 20000
	maxNameTable     = 1 << 20
	maxLoadSize      = 128 << 20 // the largest CJK fonts are ~30 MB
)

// Dirs returns the folders Discover searches, in order: extraDirs, then $SCRIBE_FONT_DIR,
// then the user's and the system's standard font folders for the current platform.
// Folders that do not exist are kept; Discover skips them silently.
func Dirs(extraDirs []string) []string {
	dirs := append([]string(nil), extraDirs...)
	if env := os.Getenv(EnvFontDir); env != "" {
		dirs = append(dirs, filepath.SplitList(env)...)
	}
	home, _ := os.UserHomeDir()
	inHome := func(p ...string) {
		if home != "" {
			dirs = append(dirs, filepath.Join(append([]string{home}, p...)...))
		}
	}
	switch runtime.GOOS {
	case "windows":
		if local := os.Getenv("LOCALAPPDATA"); local != "" {
			dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
		}
		win := os.Getenv("WINDIR")
		if win == "" {
			win = os.Getenv("SystemRoot")
		}
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
	case "darwin":
		inHome("Library", "Fonts")
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts")
	default:
		inHome(".local", "share", "fonts")
		inHome(".fonts")
		dirs = append(dirs, "/usr/local/share/fonts", "/usr/share/fonts")
	}
	return dirs
}

// Discover lists the font faces the PDF writer can embed that are installed in the folders of Dirs
// (searched recursively). It reads only each file's header and name table. CFF-flavoured
// fonts (.otf with 'OTTO'), WOFF and unreadable files are skipped; every TrueType face of a
// collection is listed with its index. The order is deterministic: folders in Dirs order,
// files in lexical order within a folder; a file reached twice (overlapping folders,
// symbolic links) is listed once, at its first position.
func Discover(extraDirs []string) []Face {
	var faces []Face
	seen := make(map[string]bool)
	files := 0
	for _, dir := range Dirs(extraDirs) {
		if dir == "" {
			continue
		}
		// WalkDir does not follow symbolic links to folders, so it cannot loop.
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !isFontName(path) {
				return nil
			}
			if files >= maxDiscoverFiles {
				return fs.SkipAll
			}
			real, err := filepath.EvalSymlinks(path)
			if err != nil || seen[real] {
				return nil
			}
			seen[real] = true
			files++
			faces = append(faces, scanFile(path)...)
			return nil
		})
	}
	return faces
}

// isFontName reports file names that may hold an sfnt font.
func isFontName(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ttf", ".ttc", ".otf", ".otc":
		return true
	}
	return false
}

// scanFile returns the embeddable faces of one font file, or nothing when it cannot be read.
func scanFile(path string) (faces []Face) {
	defer func() {
		if recover() != nil {
			faces = nil
		}
	}()
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var magic [12]byte
	if _, err := f.ReadAt(magic[:], 0); err != nil {
		return nil
	}
	switch Sniff(magic[:]) {
	case TrueType:
		if fam, sty, ok := scanFace(f, 0); ok {
			faces = append(faces, Face{Path: path, Family: fam, Style: sty, Kind: TrueType})
		}
	case Collection:
		n := binary.BigEndian.Uint32(magic[8:])
		if n == 0 || n > maxFaces {
			return nil
		}
		offs := make([]byte, 4*n)
		if _, err := f.ReadAt(offs, 12); err != nil {
			return nil
		}
		for i := 0; i < int(n); i++ {
			off := int64(binary.BigEndian.Uint32(offs[4*i:]))
			if fam, sty, ok := scanFace(f, off); ok {
				faces = append(faces, Face{Path: path, Index: i, Family: fam, Style: sty, Kind: Collection})
			}
		}
	}
	return faces
}

// scanFace reads the table directory at off and the name table; ok is false for CFF faces
// and unreadable ones.
func scanFace(r io.ReaderAt, off int64) (family, style string, ok bool) {
	var hdr [12]byte
	if _, err := r.ReadAt(hdr[:], off); err != nil {
		return "", "", false
	}
	if versionKind(binary.BigEndian.Uint32(hdr[:])) != TrueType {
		return "", "", false
	}
	n := int(binary.BigEndian.Uint16(hdr[4:]))
	if n == 0 || n > maxTables {
		return "", "", false
	}
	recs := make([]byte, 16*n)
	if _, err := r.ReadAt(recs, off+12); err != nil {
		return "", "", false
	}
	hasGlyf := false
	var nameOff, nameLen uint32
	for i := 0; i < n; i++ {
		rec := recs[16*i:]
		switch string(rec[:4]) {
		case "glyf":
			hasGlyf = true
		case "name":
			nameOff = binary.BigEndian.Uint32(rec[8:])
			nameLen = binary.BigEndian.Uint32(rec[12:])
		}
	}
	if !hasGlyf { // bitmap-only or otherwise unembeddable
		return "", "", false
	}
	if nameLen > 0 && nameLen <= maxNameTable {
		tbl := make([]byte, nameLen)
		if _, err := r.ReadAt(tbl, int64(nameOff)); err == nil {
			family, style = names(tbl)
		}
	}
	return family, style, true
}

// Load returns TrueType bytes that the PDF writer can embed for face: the file itself, or the face
// extracted from a collection. The result is checked to carry a cmap.
func Load(face Face) ([]byte, error) {
	st, err := os.Stat(face.Path)
	if err != nil {
		return nil, fontErr(face.Path, "%v", err)
	}
	if st.Size() > maxLoadSize {
		return nil, fontErr(face.Path, "font file of %d bytes exceeds the %d-byte limit", st.Size(), maxLoadSize)
	}
	data, err := os.ReadFile(face.Path)
	if err != nil {
		return nil, fontErr(face.Path, "%v", err)
	}
	switch k := Sniff(data); k {
	case TrueType:
		if face.Index != 0 {
			return nil, fontErr(face.Path, "face %d requested from a single-face font", face.Index)
		}
	case Collection:
		data, err = ExtractFace(data, face.Index)
		if err != nil {
			return nil, withFile(err, face.Path)
		}
	default:
		return nil, fontErr(face.Path, "%s fonts cannot be embedded in PDF (TrueType outlines needed)", k)
	}
	if _, err := Parse(data); err != nil {
		return nil, withFile(err, face.Path)
	}
	return data, nil
}
