package pdf

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/scribe-un/scribe/internal/outfile"
)

// A font index lists the faces of the font files under some folders: for each file its
// size, modification time and the family and style of each TrueType face in it, and the
// SHA-256 of the faces a document has drawn (the run report's FontUse.SHA256). Reading the
// names of every installed font costs about a tenth of a second on a desktop system (hundreds
// of files), and hashing a 20 MB Chinese collection a fifth of that, ten times what
// typesetting a short report costs, so the index can be cached in a file and reused while
// the files are unchanged. The cache is never required: without it, or when it cannot be
// read or written, names and digests are read from the fonts themselves, to the same
// values.

// indexVersion changes whenever the cached record changes meaning.
const indexVersion = 3

// maxIndexBytes bounds the cache file read: far above the index of any real system (about
// 150 bytes per face).
const maxIndexBytes = 64 << 20

type indexFile struct {
	Path    string       `json:"path"`
	Size    int64        `json:"size"`
	ModTime int64        `json:"mtime"` // nanoseconds since 1970
	Faces   []indexEntry `json:"faces,omitempty"`
}

type indexEntry struct {
	Index  int    `json:"index,omitempty"`
	Family string `json:"family"`
	Style  style  `json:"style,omitempty"`
	Rank   int    `json:"rank,omitempty"`
	// SHA256 is the face's digest (face.digest), once a document has drawn with it.
	SHA256 string `json:"sha256,omitempty"`
}

type indexCache struct {
	Version int         `json:"version"`
	Files   []indexFile `json:"files"`
}

// fontIndex is the index of the system's fonts in one process: the faces of lazyFaces
// point into it, to take their digest from it and to add a digest they compute.
type fontIndex struct {
	cache string // the cache file; empty when there is none
	mu    sync.Mutex
	files []indexFile
}

// indexRef is where a face is in a fontIndex.
type indexRef struct {
	ix          *fontIndex
	file, entry int
}

// digest returns the digest the index holds for the face, when the file is still the one
// indexed (same size and modification time); known is false when the file has changed
// since, and the face must not record its digest there.
func (r *indexRef) digest(size, mtime int64) (sum string, known bool) {
	r.ix.mu.Lock()
	defer r.ix.mu.Unlock()
	f := &r.ix.files[r.file]
	if f.Size != size || f.ModTime != mtime {
		return "", false
	}
	return f.Faces[r.entry].SHA256, true
}

// record adds a face's digest to the index and rewrites the cache.
func (r *indexRef) record(sum string) {
	r.ix.mu.Lock()
	defer r.ix.mu.Unlock()
	r.ix.files[r.file].Faces[r.entry].SHA256 = sum
	r.ix.write()
}

// write replaces the cache file, through the one function that writes files (a temporary
// file renamed over it, never through a link); failures are ignored, the cache being an
// optimisation, never required. Two processes writing at once each leave a whole index:
// the last one wins, and a digest it lacked is computed again by a later run.
func (ix *fontIndex) write() {
	if ix.cache == "" {
		return
	}
	b, err := json.Marshal(indexCache{Version: indexVersion, Files: ix.files})
	if err != nil {
		return
	}
	_ = outfile.New().WriteFile(ix.cache, b)
}

// fontPaths lists the font files under dirs in a stable order: folders in the order given,
// files sorted within each folder's tree; a file reached twice is listed once.
func fontPaths(dirs []string) []indexFile {
	var out []indexFile
	seen := map[string]bool{}
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		var here []indexFile
		// WalkDir does not follow symbolic links to folders, so it cannot loop.
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(p)) {
			case ".ttf", ".ttc", ".otf", ".otc":
			default:
				return nil
			}
			if seen[p] {
				return nil
			}
			seen[p] = true
			info, err := os.Stat(p) // follows a link to a font file, as loading will
			if err != nil || !info.Mode().IsRegular() {
				return nil
			}
			here = append(here, indexFile{Path: p, Size: info.Size(), ModTime: info.ModTime().UnixNano()})
			return nil
		})
		sort.Slice(here, func(i, j int) bool { return here[i].Path < here[j].Path })
		out = append(out, here...)
	}
	return out
}

// scanFonts returns the faces of the font files under dirs. With a cache path, names and
// digests are taken from the cache for files whose size and modification time are
// unchanged, and the cache is rewritten (atomically) when anything changed. A cache that
// cannot be read, is corrupt or of another version is ignored and rewritten.
func scanFonts(dirs []string, cache string) []*face {
	ix := &fontIndex{cache: cache, files: fontPaths(dirs)}
	old := map[string]indexFile{}
	if cache != "" {
		if b, err := outfile.ReadRegular(cache, maxIndexBytes); err == nil {
			var c indexCache
			if json.Unmarshal(b, &c) == nil && c.Version == indexVersion {
				for _, f := range c.Files {
					old[f.Path] = f
				}
			}
		}
	}
	changed := len(old) != len(ix.files)
	var out []*face
	for i := range ix.files {
		f := &ix.files[i]
		if o, ok := old[f.Path]; ok && o.Size == f.Size && o.ModTime == f.ModTime {
			f.Faces = o.Faces
		} else {
			changed = true
			f.Faces = nil
			faces, err := describeFile(f.Path)
			if err == nil {
				for _, fc := range faces {
					f.Faces = append(f.Faces, indexEntry{Index: fc.index, Family: fc.family, Style: fc.style, Rank: fc.rank})
				}
			}
		}
		for k, e := range f.Faces {
			name := f.Path
			if ext := strings.ToLower(filepath.Ext(f.Path)); ext == ".ttc" || ext == ".otc" {
				name = f.Path + "#" + strconv.Itoa(e.Index)
			}
			out = append(out, &face{family: e.Family, style: e.Style, rank: e.Rank, name: name, path: f.Path, index: e.Index,
				indexed: &indexRef{ix: ix, file: i, entry: k}})
		}
	}
	if changed {
		ix.write()
	}
	return out
}

// DefaultIndexCache is where the command line keeps the font index: the user's cache
// folder; empty when the platform has none.
func DefaultIndexCache() string {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return ""
	}
	return filepath.Join(dir, "scribe", "fonts-v3.json")
}
