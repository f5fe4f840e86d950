package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/go-fonts/dejavu/dejavuserif"
	"github.com/go-fonts/dejavu/dejavuserifbold"
	"github.com/go-fonts/dejavu/dejavuserifbolditalic"
	"github.com/go-fonts/dejavu/dejavuserifitalic"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"

	"github.com/scribe-un/scribe/formats/pdf/fontfile"
	"github.com/scribe-un/scribe/pipeline/model"
)

// FontOptions say where fonts come from besides the embedded DejaVu faces.
// The zero value uses the system font folders and the embedded faces.
type FontOptions struct {
	// Files are font files given with --font; they are tried before any other font,
	// and a file that cannot be used is an error naming it.
	Files []string
	// Dirs are extra folders searched with --font-dir, before the system folders.
	Dirs []string
	// NoSystem skips the system font folders (reproducible output across machines).
	NoSystem bool
}

// Style bits of a face.
type style uint8

const (
	styleRegular style = 0
	styleBold    style = 1
	styleItalic  style = 2
)

func (s style) String() string {
	switch s {
	case styleBold:
		return "Bold"
	case styleItalic:
		return "Italic"
	case styleBold | styleItalic:
		return "Bold Italic"
	}
	return "Regular"
}

// face is one usable TrueType face. Its bytes and cmap are loaded on first use, once per
// process, and read-only afterwards, so documents converted concurrently share them.
type face struct {
	family string
	style  style
	// name identifies the face in messages ("/usr/share/fonts/x.ttc#1", "embedded DejaVu Serif").
	name  string
	path  string
	index int    // face index inside a collection
	raw   []byte // embedded faces: the data itself

	once sync.Once
	data []byte    // standalone TrueType (the tables of sf point into it)
	sf   *sfnt     // tables and metrics, for measuring and subsetting
	cmap font.Cmap // coverage
	// bmp has a bit set for every character below U+10000 the face draws: font choice
	// asks for every character of every document, and a bit test is what that costs.
	bmp []uint64
	err error
}

// load reads, sniffs and extracts the face, and parses its character map.
func (f *face) load() error {
	f.once.Do(func() {
		defer func() {
			if r := recover(); r != nil { // a font parser tripping on a hostile file
				f.err = fmt.Errorf("malformed font: %v", r)
			}
		}()
		data := f.raw
		if data == nil {
			b, err := os.ReadFile(f.path)
			if err != nil {
				f.err = err
				return
			}
			data = b
		}
		switch fontfile.Sniff(data) {
		case fontfile.TrueType:
		case fontfile.Collection:
			d, err := fontfile.ExtractFace(data, f.index)
			if err != nil {
				f.err = fmt.Errorf("extracting face %d of the collection: %w", f.index, err)
				return
			}
			data = d
		case fontfile.OpenTypeCFF:
			f.err = errors.New("CFF-flavoured OpenType (OTTO) cannot be embedded by the PDF library; use a TrueType (glyf) font")
			return
		default:
			f.err = errors.New("not a TrueType font")
			return
		}
		cm, err := parseCmap(data)
		if err != nil {
			f.err = err
			return
		}
		sf, err := parseSFNT(data)
		if err != nil {
			f.err = err
			return
		}
		f.data, f.cmap, f.sf = data, cm, sf
		f.bmp = make([]uint64, 0x10000/64)
		for it := cm.Iter(); it.Next(); {
			r, g := it.Char()
			if r >= 0 && r < 0x10000 && g != 0 && int(g) < sf.numGlyphs {
				f.bmp[r/64] |= 1 << (r % 64)
			}
		}
	})
	return f.err
}

// has reports whether the face maps r to a glyph; false when the face cannot be loaded.
func (f *face) has(r rune) (has bool) {
	if f.load() != nil {
		return false
	}
	if r >= 0 && r < 0x10000 {
		return f.bmp[r/64]&(1<<(r%64)) != 0
	}
	// go-text's format 4 lookup can panic on a corrupt table that parsed (it indexes the
	// glyph array without a bounds check): the face then does not cover r.
	defer func() {
		if recover() != nil {
			has = false
		}
	}()
	g, ok := f.cmap.Lookup(r)
	return ok && g != 0 && int(g) < f.sf.numGlyphs
}

// parseCmap reads only what coverage needs: the cmap table, and checks that the outlines
// are TrueType (glyf), the only kind the writer embeds.
func parseCmap(data []byte) (font.Cmap, error) {
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if _, err := ld.RawTable(ot.MustNewTag("glyf")); err != nil {
		return nil, errors.New("no TrueType outlines (glyf table)")
	}
	for _, t := range []string{"head", "hhea", "hmtx", "maxp", "loca"} {
		if _, err := ld.RawTable(ot.MustNewTag(t)); err != nil {
			return nil, fmt.Errorf("missing %s table", t)
		}
	}
	raw, err := ld.RawTable(ot.MustNewTag("cmap"))
	if err != nil {
		return nil, errors.New("no cmap table")
	}
	ct, _, err := tables.ParseCmap(raw)
	if err != nil {
		return nil, fmt.Errorf("cmap: %w", err)
	}
	cm, _, err := font.ProcessCmap(ct, 0)
	if err != nil {
		return nil, fmt.Errorf("cmap: %w", err)
	}
	return cm, nil
}

// family groups the faces of one family by style.
type family struct {
	name  string
	faces [4]*face // indexed by style
	user  bool     // given with --font
}

// pick returns the face of the wanted style, or the nearest one the family has: bold
// italic falls back to bold then italic; anything falls back to regular.
func (fam *family) pick(s style) *face {
	order := [4][]style{
		styleRegular:            {styleRegular, styleBold, styleItalic, styleBold | styleItalic},
		styleBold:               {styleBold, styleRegular},
		styleItalic:             {styleItalic, styleRegular},
		styleBold | styleItalic: {styleBold | styleItalic, styleBold, styleItalic, styleRegular},
	}[s]
	for _, st := range order {
		if f := fam.faces[st]; f != nil && f.load() == nil {
			return f
		}
	}
	return nil
}

// FontSet is the fonts of a process, parsed once and shared read-only by every document of a
// batch. Faces are read lazily, on the first document that needs them.
type FontSet struct {
	// families in priority order of their source: --font files, --font-dir, system, embedded.
	families []*family
	byName   map[string]*family // lower-case family name
	user     []*family          // families of --font files, first choice for every script
}

// embeddedFamilies are the DejaVu faces compiled into the binary, the last fallback.
func embeddedFamilies() []*family {
	mk := func(name string, ttf [4][]byte) *family {
		fam := &family{name: name}
		for s, b := range ttf {
			fam.faces[s] = &face{family: name, style: style(s), name: "embedded " + name + " " + style(s).String(), raw: b}
		}
		return fam
	}
	return []*family{
		mk("DejaVu Serif", [4][]byte{dejavuserif.TTF, dejavuserifbold.TTF, dejavuserifitalic.TTF, dejavuserifbolditalic.TTF}),
		mk("DejaVu Sans", [4][]byte{dejavusans.TTF, dejavusansbold.TTF, dejavusansoblique.TTF, dejavusansboldoblique.TTF}),
	}
}

// LoadFonts builds the font set of a process: the --font files first (each must be a usable
// TrueType face or a collection, else the error names it), then the faces found in the
// --font-dir folders and, unless NoSystem, the system folders, and last the embedded DejaVu
// Serif and Sans, which always exist. Only names and styles are read here; outlines and
// character maps are read on first use.
func LoadFonts(opts FontOptions) (*FontSet, error) {
	fs := &FontSet{byName: map[string]*family{}}
	for _, path := range opts.Files {
		faces, err := describeFile(path)
		if err == nil && len(faces) == 0 {
			err = errors.New("no usable face")
		}
		if err == nil {
			for _, f := range faces {
				if lerr := f.load(); lerr != nil {
					err = lerr
					break
				}
			}
		}
		if err != nil {
			return nil, model.Errorf("pdf", model.Pos{File: path}, model.ErrFont, "font file %s: %v", path, err)
		}
		for _, f := range faces {
			fam := fs.add(f)
			if !fam.user {
				fam.user = true
				fs.user = append(fs.user, fam)
			}
		}
	}
	dirs := append([]string(nil), opts.Dirs...)
	if !opts.NoSystem {
		// --font-dir folders, then $SCRIBE_FONT_DIR, then the platform's font folders.
		dirs = fontfile.Dirs(opts.Dirs)
	}
	for _, d := range dirs {
		for _, f := range scanDir(d) {
			fs.add(f)
		}
	}
	for _, fam := range embeddedFamilies() {
		key := strings.ToLower(fam.name)
		if have := fs.byName[key]; have != nil {
			// A system copy of DejaVu may lack styles; fill them from the embedded copy so
			// the last fallback is always complete.
			for s, f := range fam.faces {
				if have.faces[s] == nil {
					have.faces[s] = f
				}
			}
			continue
		}
		fs.byName[key] = fam
		fs.families = append(fs.families, fam)
	}
	return fs, nil
}

// add files a face under its family; the first face of a family and style wins, so earlier
// sources (--font, then --font-dir) take precedence over the system.
func (fs *FontSet) add(f *face) *family {
	key := strings.ToLower(f.family)
	fam := fs.byName[key]
	if fam == nil {
		fam = &family{name: f.family}
		fs.byName[key] = fam
		fs.families = append(fs.families, fam)
	}
	if fam.faces[f.style] == nil {
		fam.faces[f.style] = f
	}
	return fam
}

// scanDir lists the font faces under dir, in a stable (sorted) order. Unreadable files and
// CFF fonts are skipped silently: they are simply not candidates.
func scanDir(dir string) []*face {
	var paths []string
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
		case ".ttf", ".ttc", ".otf":
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	var out []*face
	for _, p := range paths {
		faces, err := describeFile(p)
		if err != nil {
			continue
		}
		out = append(out, faces...)
	}
	return out
}

// describeFile reads the family and style of every face of a font file without loading
// its outlines. CFF fonts are rejected here: only TrueType outlines are embedded.
func describeFile(path string) (out []*face, err error) {
	defer func() {
		if r := recover(); r != nil { // a font parser tripping on a hostile file
			out, err = nil, fmt.Errorf("malformed font: %v", r)
		}
	}()
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var magic [4]byte
	if _, err := fh.ReadAt(magic[:], 0); err != nil {
		return nil, errors.New("too short to be a font")
	}
	switch fontfile.Sniff(magic[:]) {
	case fontfile.TrueType, fontfile.Collection:
	case fontfile.OpenTypeCFF:
		return nil, errors.New("CFF-flavoured OpenType (OTTO) cannot be embedded by the PDF library; use a TrueType (glyf) font")
	default:
		return nil, fmt.Errorf("not a TrueType font or collection (magic %q)", magic[:])
	}
	lds, err := ot.NewLoaders(fh)
	if err != nil {
		return nil, err
	}
	var buf []byte
	for i, ld := range lds {
		if _, err := ld.RawTable(ot.MustNewTag("glyf")); err != nil {
			continue // CFF outlines inside a collection
		}
		var d font.Description
		d, buf = font.Describe(ld, buf)
		if d.Family == "" {
			continue
		}
		// Only the four faces a document uses: light, medium, black and condensed faces
		// would otherwise take the regular or bold slot of their family.
		if w := d.Aspect.Weight; w < 350 || (w > 500 && w < 600) || w > 800 ||
			(d.Aspect.Stretch != 0 && d.Aspect.Stretch != font.StretchNormal) {
			continue
		}
		st := styleRegular
		if d.Aspect.Weight >= font.WeightSemibold {
			st |= styleBold
		}
		if d.Aspect.Style == font.StyleItalic {
			st |= styleItalic
		}
		name := path
		if len(lds) > 1 {
			name = fmt.Sprintf("%s#%d", path, i)
		}
		out = append(out, &face{family: d.Family, style: st, name: name, path: path, index: i})
	}
	if len(out) == 0 {
		return nil, errors.New("no TrueType face in the file")
	}
	return out, nil
}

// family returns the named family, or nil.
func (fs *FontSet) family(name string) *family { return fs.byName[strings.ToLower(name)] }

// languageProbes are characters each language cannot do without; a set can typeset a
// language when some face covers every one of them (after Arabic shaping for ar, whose
// letters print as presentation forms).
var languageProbes = map[string]string{
	"en": "AZaz09.,;:?!()“”‘’–—",
	"fr": "àâçéèêëîïôùûüÿœÀÇÉÈ«»",
	"es": "áéíóúñÑü¿¡«»",
	"ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
	// Isolated, final, initial and medial forms of common letters, and lam-alef.
	"ar": "\u0627\u0644\u060C\u061F\uFE8D\uFE8E\uFEDF\uFEE0\uFEDD\uFEDE\uFEFB\uFEFC\uFE91\uFE92\uFEE3\uFEE4",
	"zh": "的一是不了人我在有他这中大来上国会议于年月日。，、：；（）“”",
}

// Languages reports which of the six UN languages this set can typeset, for `scribe fonts`.
// It reads every candidate face's character map, so it is slower than a conversion.
func (fs *FontSet) Languages() map[string]bool {
	out := make(map[string]bool, len(languageProbes))
	for lang, probe := range languageProbes {
		ok := true
		for _, r := range probe {
			if fs.cover(r) == nil {
				ok = false
				break
			}
		}
		out[lang] = ok
	}
	return out
}

// cover returns the first family (in set order) whose regular face has r.
func (fs *FontSet) cover(r rune) *family {
	for _, fam := range fs.families {
		if f := fam.pick(styleRegular); f != nil && f.has(r) {
			return fam
		}
	}
	return nil
}
