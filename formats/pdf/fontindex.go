package pdf

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

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
const indexVersion = 4

// maxIndexBytes bounds the cache file read: far above the index of any real system (about
// 150 bytes per face).
const maxIndexBytes = 64 << 20

type indexFile struct {
	Path    string       `json:"path"`
	Size    int64        `json:"size"`
	ModTime int64        `json:"mtime"` // nanoseconds since 1970
	Faces   []indexEntry `json:"faces,omitempty"`
	// Absent is a name with a font's extension that is no regular file (a dangling
	// link): listed so that a later run looks at it again without reading its folder.
	Absent bool `json:"absent,omitempty"`
}

// indexDir is a folder read when the index was built, or a folder searched that did not
// exist (Missing), with its modification time: a folder whose entries change (a font
// added, removed or renamed over, as package managers do) gets a new one, so while every
// folder keeps its time the list of font files is the one indexed, and a run looks at
// those files alone instead of reading every folder again.
type indexDir struct {
	Path    string `json:"path"`
	ModTime int64  `json:"mtime,omitempty"`
	Missing bool   `json:"missing,omitempty"`
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
	Version int `json:"version"`
	// Roots are the folders searched, in order; Dirs every folder read in them, empty
	// when the folders must be read again next time.
	Roots []string    `json:"roots,omitempty"`
	Dirs  []indexDir  `json:"dirs,omitempty"`
	Files []indexFile `json:"files"`
}

// fontIndex is the index of the system's fonts in one process: the faces of lazyFaces
// point into it, to take their digest from it and to add a digest they compute.
type fontIndex struct {
	cache string // the cache file; empty when there is none
	mu    sync.Mutex
	roots []string
	dirs  []indexDir
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
	b, err := json.Marshal(indexCache{Version: indexVersion, Roots: ix.roots, Dirs: ix.dirs, Files: ix.files})
	if err != nil {
		return
	}
	_ = outfile.New().WriteFile(ix.cache, b)
}

// fontPaths lists the font files under dirs in a stable order: folders in the order given,
// files sorted within each folder's tree; a file reached twice is listed once. Names with
// a font's extension that are not regular files are listed as Absent. It also returns
// every folder read, with its modification time taken before reading it, and false when
// a folder could not be read or changed too recently for its time to tell a later change
// (file times move in steps of a few milliseconds): the folders must then be read again
// next time.
func fontPaths(dirs []string, now time.Time) (files []indexFile, read []indexDir, ok bool) {
	seen := map[string]bool{}
	ok = true
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		var here []indexFile
		// WalkDir does not follow symbolic links to folders, so it cannot loop.
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if d == nil && p == dir && errors.Is(err, fs.ErrNotExist) {
					read = append(read, indexDir{Path: p, Missing: true})
					return nil
				}
				ok = false
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				info, err := d.Info() // before the folder is read
				if err != nil {
					ok = false
					return filepath.SkipDir
				}
				if now.Sub(info.ModTime()) < racyWindow {
					ok = false
				}
				read = append(read, indexDir{Path: p, ModTime: info.ModTime().UnixNano()})
				return nil
			}
			if p == dir {
				ok = false // a root that is no folder: nothing to list, but no time to trust
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
			here = append(here, statFont(p))
			return nil
		})
		sort.Slice(here, func(i, j int) bool { return here[i].Path < here[j].Path })
		files = append(files, here...)
	}
	return files, read, ok
}

// racyWindow is how recent a folder's modification time may be and still tell a later
// change from the one that set it.
const racyWindow = 2 * time.Second

// statFont describes font file p by its size and modification time, following a link
// as loading will; Absent when it is no regular file.
func statFont(p string) indexFile {
	info, err := os.Stat(p)
	if err != nil || !info.Mode().IsRegular() {
		return indexFile{Path: p, Absent: true}
	}
	return indexFile{Path: p, Size: info.Size(), ModTime: info.ModTime().UnixNano()}
}

// unchanged reports whether the folders of an index are as they were when it was built:
// the same roots searched, every folder read with the same modification time, every
// missing one still missing.
func (c *indexCache) unchanged(roots []string) bool {
	if len(c.Dirs) == 0 || !slices.Equal(c.Roots, roots) {
		return false
	}
	for _, d := range c.Dirs {
		info, err := os.Lstat(d.Path)
		switch {
		case d.Missing:
			if !errors.Is(err, fs.ErrNotExist) {
				return false
			}
		case err != nil || !info.IsDir() || info.ModTime().UnixNano() != d.ModTime:
			return false
		}
	}
	return true
}

// scanFonts returns the faces of the font files under dirs. With a cache path, names and
// digests are taken from the cache for files whose size and modification time are
// unchanged, and the cache is rewritten (atomically) when anything changed. While the
// folders are unchanged too, the files are taken from the cache's list, each looked at
// (its size and time) without reading the folders. A cache that cannot be read, is
// corrupt or of another version is ignored and rewritten.
func scanFonts(dirs []string, cache string) []*face {
	ix := &fontIndex{cache: cache}
	var c indexCache
	old := map[string]indexFile{}
	if cache != "" {
		if b, err := outfile.ReadRegular(cache, maxIndexBytes); err == nil {
			if json.Unmarshal(b, &c) == nil && c.Version == indexVersion {
				for _, f := range c.Files {
					old[f.Path] = f
				}
			} else {
				c = indexCache{}
			}
		}
	}
	changed := false
	if c.unchanged(dirs) {
		ix.roots, ix.dirs = c.Roots, c.Dirs
		ix.files = make([]indexFile, 0, len(c.Files))
		seen := make(map[string]bool, len(c.Files))
		for _, f := range c.Files {
			if !seen[f.Path] { // a damaged cache may list a file twice
				seen[f.Path] = true
				ix.files = append(ix.files, statFont(f.Path))
			}
		}
	} else {
		changed = true
		files, read, ok := fontPaths(dirs, time.Now())
		ix.files = files
		if ok && cache != "" {
			ix.roots, ix.dirs = dirs, read
		}
	}
	if len(old) != len(ix.files) {
		changed = true
	}
	var out []*face
	for i := range ix.files {
		f := &ix.files[i]
		if f.Absent {
			if o, ok := old[f.Path]; !ok || !o.Absent {
				changed = true
			}
			continue
		}
		if o, ok := old[f.Path]; ok && !o.Absent && o.Size == f.Size && o.ModTime == f.ModTime {
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
	return filepath.Join(dir, "scribe", "fonts-v4.json")
}
