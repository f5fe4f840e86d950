package pdf

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// A font index lists the faces of the font files under some folders: for each file its
// size, modification time and the family and style of each TrueType face in it. Reading the
// names of every installed font costs about a tenth of a second on a desktop system (hundreds
// of files), ten times what typesetting a short report costs, so the index can be cached in
// a file and reused while the files are unchanged. The cache is never required: without it,
// or when it cannot be read or written, the names are read from the fonts themselves.

// indexVersion changes whenever the cached record changes meaning.
const indexVersion = 2

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
}

type indexCache struct {
	Version int         `json:"version"`
	Files   []indexFile `json:"files"`
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

// scanFonts returns the faces of the font files under dirs. With a cache path, names are
// taken from the cache for files whose size and modification time are unchanged, and the
// cache is rewritten (atomically) when anything changed.
func scanFonts(dirs []string, cache string) []*face {
	files := fontPaths(dirs)
	old := map[string]indexFile{}
	if cache != "" {
		if b, err := os.ReadFile(cache); err == nil {
			var c indexCache
			if json.Unmarshal(b, &c) == nil && c.Version == indexVersion {
				for _, f := range c.Files {
					old[f.Path] = f
				}
			}
		}
	}
	changed := len(old) != len(files)
	var out []*face
	for i := range files {
		f := &files[i]
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
		for _, e := range f.Faces {
			name := f.Path
			if ext := strings.ToLower(filepath.Ext(f.Path)); ext == ".ttc" || ext == ".otc" {
				name = f.Path + "#" + strconv.Itoa(e.Index)
			}
			out = append(out, &face{family: e.Family, style: e.Style, rank: e.Rank, name: name, path: f.Path, index: e.Index})
		}
	}
	if cache != "" && changed {
		writeIndexCache(cache, files)
	}
	return out
}

// writeIndexCache replaces the cache file; failures are ignored (the cache is an
// optimisation, never required).
func writeIndexCache(path string, files []indexFile) {
	b, err := json.Marshal(indexCache{Version: indexVersion, Files: files})
	if err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".fonts-*.json")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		_ = os.Remove(tmp.Name())
	}
}

// DefaultIndexCache is where the command line keeps the font index: the user's cache
// folder; empty when the platform has none.
func DefaultIndexCache() string {
	dir, err := os.UserCacheDir()
	if err != nil || dir == "" {
		return ""
	}
	return filepath.Join(dir, "scribe", "fonts-v2.json")
}
