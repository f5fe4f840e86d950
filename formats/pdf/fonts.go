package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansoblique"
	"github.com/go-fonts/dejavu/dejavuserif"
	"github.com/go-fonts/dejavu/dejavuserifbold"
	"github.com/go-fonts/dejavu/dejavuserifbolditalic"
	"github.com/go-fonts/dejavu/dejavuserifitalic"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"

	"github.com/scribe-un/scribe/formats/pdf/fontfile"
	"github.com/scribe-un/scribe/pipeline/model"
)

// FontOptions say where fonts come from besides the embedded faces (Liberation Serif for
// Latin and Cyrillic text, DejaVu Serif and Sans behind it). The zero value uses the
// embedded faces and, for the scripts they lack, the system font folders.
type FontOptions struct {
	// Files are font files given with --font; they are tried before any other font for
	// every script they cover, and a file that cannot be used is an error naming it.
	Files []string
	// Dirs are extra folders searched with --font-dir: the families the locale prefers
	// are looked for there first, for every script.
	Dirs []string
	// NoSystem skips the system font folders (--no-system-fonts): only the embedded faces
	// and the ones given in Files and Dirs are used.
	NoSystem bool
	// IndexCache is a file caching the names of the system's fonts, keyed by path, size
	// and modification time (DefaultIndexCache); empty reads them from the fonts each
	// time the system folders are searched.
	IndexCache string
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
	// rank orders faces competing for one style of a family: 0 for a face of exactly that
	// weight at normal width, more the further it is from it.
	rank int
	// name identifies the face in messages ("/usr/share/fonts/x.ttc#1", "embedded DejaVu Serif").
	name  string
	path  string
	index int    // face index inside a collection
	raw   []byte // embedded faces: the data itself
	// indexed is the face's place in the font index of the system folders, which may
	// hold its digest; nil for embedded and --font faces.
	indexed *indexRef

	once sync.Once
	// file is the open font file of a face read from disk: only the small tables are read
	// on loading, and the outlines of the glyphs a document draws when it is written. It
	// stays open for the process, so a font replaced meanwhile (a package upgrade renames
	// the new file over the old) cannot mix two versions.
	file *os.File
	size int64     // of file
	sf   *sfnt     // tables and metrics, for measuring and subsetting
	cmap font.Cmap // coverage
	// known and drawn remember, for characters below U+10000, whether the face draws
	// them: font choice asks for every character of every document, and two bit tests
	// are what a character asked before costs. Filled as characters are asked (a CJK face
	// maps 20,000 to 30,000 characters, and listing them all cost more than a short report
	// asks for), by documents converted at once: a bit of drawn is set before the same bit
	// of known, and both only ever say what the character map says.
	known, drawn *[0x10000 / 64]atomic.Uint64
	err          error

	sumOnce sync.Once
	sum     string // SHA-256 for the run report; set on loading when the index knows it
}

// digest is the SHA-256 of the face's font data (the file, or the face alone rewritten as a
// standalone font for a collection), so a run report can tell whether two machines
// typeset with the same font. The font index keeps it, so a 20 MB collection is hashed
// once, not by every run; "" when the face cannot be loaded or read.
func (f *face) digest() string {
	if f.load() != nil {
		return ""
	}
	f.sumOnce.Do(func() {
		switch {
		case f.sum != "":
		case f.raw != nil:
			s := sha256.Sum256(f.raw)
			f.sum = hex.EncodeToString(s[:])
		default:
			sum, err := fontfile.FaceDigest(f.file, f.size, f.index)
			if err != nil {
				return
			}
			f.sum = sum
			if f.indexed != nil {
				f.indexed.record(sum)
			}
		}
	})
	return f.sum
}

// use describes the face for the run report.
func (f *face) use() model.FontUse {
	src := f.path
	if f.raw != nil {
		src = "embedded"
	}
	return model.FontUse{Family: f.family, Style: f.style.String(), Source: src, SHA256: f.digest()}
}

// load reads the face's tables, all but its outlines, and parses its character map.
func (f *face) load() error {
	f.once.Do(func() {
		defer func() {
			if r := recover(); r != nil { // a font parser tripping on a hostile file
				f.err = fmt.Errorf("malformed font: %v", r)
			}
			if f.err != nil && f.file != nil {
				f.file.Close()
				f.file = nil
			}
		}()
		var cm font.Cmap
		var sf *sfnt
		var err error
		if f.raw != nil {
			if fontfile.Sniff(f.raw) != fontfile.TrueType {
				f.err = errors.New("not a TrueType font")
				return
			}
			if cm, err = parseCmap(f.raw); err == nil {
				sf, err = parseSFNT(f.raw)
			}
		} else {
			sf, err = f.open()
			if err == nil {
				cm, err = readCmap(sf.cmap)
			}
		}
		if err != nil {
			f.err = err
			return
		}
		f.cmap, f.sf = cm, sf
		f.known, f.drawn = new([0x10000 / 64]atomic.Uint64), new([0x10000 / 64]atomic.Uint64)
	})
	return f.err
}

// open opens the face's file and reads the tables of the face, all but the outlines, with
// the checks and messages of the whole-file reading it replaces. When the font index knows
// the file as it is now, the face's digest is taken from it.
func (f *face) open() (*sfnt, error) {
	fh, err := os.Open(f.path)
	if err != nil {
		return nil, err
	}
	f.file = fh
	fi, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	f.size = fi.Size()
	var magic [4]byte
	n, _ := fh.ReadAt(magic[:], 0)
	kind := fontfile.Sniff(magic[:n])
	switch kind {
	case fontfile.TrueType, fontfile.Collection:
	case fontfile.OpenTypeCFF:
		return nil, errors.New("CFF-flavoured OpenType (OTTO) cannot be embedded by the PDF library; use a TrueType (glyf) font")
	default:
		return nil, errors.New("not a TrueType font")
	}
	tables, err := fontfile.FaceTables(fh, f.size, f.index)
	if err != nil {
		if kind == fontfile.Collection {
			return nil, fmt.Errorf("extracting face %d of the collection: %w", f.index, err)
		}
		return nil, err
	}
	// The checks parseCmap makes of a font in memory, in its order.
	has := map[string]bool{}
	for _, t := range tables {
		has[t.Tag] = true
	}
	if !has["glyf"] {
		return nil, errors.New("no TrueType outlines (glyf table)")
	}
	for _, t := range []string{"head", "hhea", "hmtx", "maxp", "loca"} {
		if !has[t] {
			return nil, fmt.Errorf("missing %s table", t)
		}
	}
	sf, err := readSFNT(fh, tables)
	if err != nil {
		return nil, err
	}
	if f.indexed != nil {
		sum, known := f.indexed.digest(f.size, fi.ModTime().UnixNano())
		if !known {
			f.indexed = nil // the file changed since it was indexed: keep its digest out
		}
		f.sum = sum
	}
	return sf, nil
}

// has reports whether the face maps r to a glyph; false when the face cannot be loaded.
func (f *face) has(r rune) (has bool) {
	if f.load() != nil {
		return false
	}
	if r < 0 || r >= 0x10000 {
		return f.maps(r)
	}
	w, bit := r/64, uint64(1)<<(r%64)
	if f.known[w].Load()&bit != 0 {
		return f.drawn[w].Load()&bit != 0
	}
	has = f.maps(r)
	if has {
		f.drawn[w].Or(bit)
	}
	f.known[w].Or(bit)
	return has
}

// maps reports whether the face's character map gives r a glyph it has.
func (f *face) maps(r rune) (has bool) {
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
	// Present, not read: reading copies a table, and glyf is most of a font.
	if !ld.HasTable(ot.MustNewTag("glyf")) {
		return nil, errors.New("no TrueType outlines (glyf table)")
	}
	for _, t := range []string{"head", "hhea", "hmtx", "maxp", "loca"} {
		if !ld.HasTable(ot.MustNewTag(t)) {
			return nil, fmt.Errorf("missing %s table", t)
		}
	}
	raw, err := ld.RawTable(ot.MustNewTag("cmap"))
	if err != nil {
		return nil, errors.New("no cmap table")
	}
	return readCmap(memTable(raw))
}

// readCmap parses the character map of cmap table t. A font has several subtables (a CJK
// face a 16-bit and a 32-bit one for each of two platforms, 90 KB in all for AR PL UMing),
// of which characters are looked up in one: that one alone is read and parsed, chosen
// as go-text chooses it (font.ProcessCmap, after HarfBuzz). A table that is not plain
// (subtable records out of order, a symbol or Macintosh subtable chosen, a format go-text
// does not know) is read and parsed whole, as before.
func readCmap(t *table) (font.Cmap, error) {
	if t == nil {
		return nil, errors.New("no cmap table")
	}
	if off, rec, ok := cmapChoice(t); ok {
		if sub, ok := t.slice(off, t.size-off); ok {
			// A cmap of that one subtable: its record, then the bytes from the subtable to
			// the end of the table, all go-text parses it from.
			one := make([]byte, 12, 12+len(sub))
			copy(one[2:], []byte{0, 1})
			copy(one[4:], rec[:])
			copy(one[8:], []byte{0, 0, 0, 12})
			return parseCmapTable(append(one, sub...))
		}
	}
	all, ok := t.slice(0, t.size)
	if !ok {
		return nil, errors.New("cmap: cannot be read")
	}
	return parseCmapTable(all)
}

// cmapChoice returns where the subtable characters are looked up in begins in cmap table t,
// and its platform and encoding, when the table is plain enough for the choice to be made
// from its records: ok is false otherwise.
func cmapChoice(t *table) (off int, rec [4]byte, ok bool) {
	n, ok := t.u16(2)
	if !ok {
		return 0, rec, false
	}
	var keys []uint32 // platform<<16 | encoding of each candidate, in the table's order
	var offs []int
	for i := 0; i < n; i++ {
		p, ok1 := t.u16(4 + 8*i)
		e, ok2 := t.u16(6 + 8*i)
		o, ok3 := t.u32(8 + 8*i)
		if !ok1 || !ok2 || !ok3 {
			return 0, rec, false
		}
		if o == 0 {
			continue // go-text ignores a record without a subtable
		}
		format, ok := t.u16(o)
		if !ok {
			return 0, rec, false
		}
		switch format {
		case 0, 4, 6, 10, 12, 13:
			key := uint32(p)<<16 | uint32(e)
			if len(keys) > 0 && key <= keys[len(keys)-1] {
				return 0, rec, false // out of order: go-text's binary search may miss records
			}
			keys, offs = append(keys, key), append(offs, o)
		case 2: // parsed and never used
		case 14: // variation sequences, valid only as Unicode 5
			if p != 0 || e != 5 {
				return 0, rec, false
			}
		default:
			return 0, rec, false
		}
	}
	has := func(p, e uint32) int {
		for i, k := range keys {
			if k == p<<16|e {
				return i
			}
		}
		return -1
	}
	if len(keys) == 0 || has(3, 0) >= 0 {
		return 0, rec, false // none, or a symbol font: go-text remaps its characters
	}
	chosen := -1
	// Microsoft UCS-4, Unicode full, Microsoft BMP, Unicode BMP and older Unicode.
	for _, id := range [][2]uint32{{3, 10}, {0, 6}, {0, 4}, {3, 1}, {0, 3}, {0, 2}, {0, 1}, {0, 0}} {
		if i := has(id[0], id[1]); i >= 0 {
			chosen = i
			break
		}
	}
	if chosen < 0 {
		for _, k := range keys {
			if k>>16 == 1 {
				return 0, rec, false // Macintosh: go-text remaps its characters
			}
		}
		chosen = 0 // go-text's last resort: the first
	}
	binary.BigEndian.PutUint32(rec[:], keys[chosen])
	return offs[chosen], rec, true
}

// parseCmapTable parses the cmap table raw into the face's character map.
func parseCmapTable(raw []byte) (font.Cmap, error) {
	if raw == nil {
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
	name     string
	faces    [4]*face // indexed by style
	user     bool     // given with --font
	embedded bool     // compiled into the binary
}

// offer files f under its style unless the family has a better face for it; of equals, the
// first offered (earlier folder, earlier file) stays.
func (fam *family) offer(f *face) {
	if have := fam.faces[f.style]; have == nil || f.rank < have.rank {
		fam.faces[f.style] = f
	}
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
// batch. Faces are read lazily, on the first document that needs them, and the system's
// font folders are searched only when a document needs a script the embedded faces lack
// (Arabic, Chinese) or a character none of them has: a report in English, French, Spanish
// or Russian opens no system font at all, and prints the same bytes on every machine.
type FontSet struct {
	// user are the families of the --font files: first choice for every script.
	user []*family
	// embedded are the faces compiled into the binary: Liberation Serif (the default
	// face, metric twin of Times New Roman), then DejaVu Serif and Sans.
	embedded []*family
	named    map[string]*family // user and embedded families by lower-case name

	// asked are the --font-dir folders: searched on first need, for any script.
	askedDirs []string
	asked     lazyFaces
	// system are the platform's font folders: searched on first need, for the scripts
	// and characters the embedded faces lack; none with NoSystem.
	systemDirs []string
	system     lazyFaces
	cache      string
}

// lazyFaces are the families found in some folders, searched once on first use.
type lazyFaces struct {
	once     sync.Once
	families []*family
	byName   map[string]*family
}

func (lf *lazyFaces) get(dirs []string, cache string) *lazyFaces {
	lf.once.Do(func() {
		lf.byName = map[string]*family{}
		if len(dirs) == 0 {
			return
		}
		for _, f := range scanFonts(dirs, cache) {
			key := strings.ToLower(f.family)
			fam := lf.byName[key]
			if fam == nil {
				fam = &family{name: f.family}
				lf.byName[key] = fam
				lf.families = append(lf.families, fam)
			}
			fam.offer(f)
		}
	})
	return lf
}

// embeddedFamilies are the faces compiled into the binary.
func embeddedFamilies() []*family {
	mk := func(name string, ttf [4][]byte) *family {
		fam := &family{name: name, embedded: true}
		for s, b := range ttf {
			fam.faces[s] = &face{family: name, style: style(s), name: "embedded " + name + " " + style(s).String(), raw: b, sum: embeddedDigest(name, style(s))}
		}
		return fam
	}
	return []*family{
		mk(defaultFamily, [4][]byte{liberationserifregular.TTF, liberationserifbold.TTF, liberationserifitalic.TTF, liberationserifbolditalic.TTF}),
		mk("DejaVu Serif", [4][]byte{dejavuserif.TTF, dejavuserifbold.TTF, dejavuserifitalic.TTF, dejavuserifbolditalic.TTF}),
		mk("DejaVu Sans", [4][]byte{dejavusans.TTF, dejavusansbold.TTF, dejavusansoblique.TTF, dejavusansboldoblique.TTF}),
	}
}

// defaultFamily is the embedded face of Latin and Cyrillic text: Times New Roman's metric
// twin, so a PDF breaks its lines where Word breaks the DOCX's.
const defaultFamily = "Liberation Serif"

// LoadFonts builds the font set of a process. The --font files are read and checked here
// (a file that is not a usable TrueType face or collection is an error naming it); the
// --font-dir and system folders are only searched when a document first needs them.
func LoadFonts(opts FontOptions) (*FontSet, error) {
	fs := &FontSet{named: map[string]*family{}, askedDirs: opts.Dirs, cache: opts.IndexCache}
	if !opts.NoSystem {
		fs.systemDirs = fontfile.Dirs(nil)
	}
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
			key := strings.ToLower(f.family)
			fam := fs.named[key]
			if fam == nil {
				fam = &family{name: f.family, user: true}
				fs.named[key] = fam
				fs.user = append(fs.user, fam)
			}
			fam.offer(f)
		}
	}
	for _, fam := range embeddedFamilies() {
		fs.embedded = append(fs.embedded, fam)
		key := strings.ToLower(fam.name)
		if have := fs.named[key]; have != nil {
			// A --font copy of an embedded family may lack styles; fill them from the
			// embedded copy so the family is always complete.
			for s, f := range fam.faces {
				if have.faces[s] == nil {
					have.faces[s] = f
				}
			}
			continue
		}
		fs.named[key] = fam
	}
	return fs, nil
}

// askedFamilies are the families of the --font-dir folders.
func (fs *FontSet) askedFamilies() *lazyFaces { return fs.asked.get(fs.askedDirs, "") }

// systemFamilies are the families of the system folders.
func (fs *FontSet) systemFamilies() *lazyFaces { return fs.system.get(fs.systemDirs, fs.cache) }

// find returns the family called name: a --font or embedded family, else one in the
// --font-dir folders, else (when system is true) one installed on the system.
func (fs *FontSet) find(name string, system bool) *family {
	key := strings.ToLower(name)
	if fam := fs.named[key]; fam != nil {
		return fam
	}
	if len(fs.askedDirs) > 0 {
		if fam := fs.askedFamilies().byName[key]; fam != nil {
			return fam
		}
	}
	if system {
		return fs.systemFamilies().byName[key]
	}
	return nil
}

// everything lists every family of the set: --font, --font-dir, system, embedded. Only the
// last resort for a character no preferred face has.
func (fs *FontSet) everything() []*family {
	out := append([]*family(nil), fs.user...)
	out = append(out, fs.askedFamilies().families...)
	out = append(out, fs.systemFamilies().families...)
	return append(out, fs.embedded...)
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
	fi, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	lds, err := ot.NewLoaders(fh)
	if err != nil {
		return nil, err
	}
	var buf []byte
	for i, ld := range lds {
		// The checks loading the face makes (TrueType outlines, the tables it needs, every
		// table inside the file), without reading the outlines; and Describe would allocate
		// whatever length a damaged directory states for the tables it reads.
		if _, err := fontfile.FaceTables(fh, fi.Size(), i); err != nil {
			if len(lds) == 1 {
				return nil, err
			}
			continue // CFF outlines inside a collection, or a damaged face
		}
		var d font.Description
		d, buf = font.Describe(ld, buf)
		if d.Family == "" {
			continue
		}
		st := styleRegular
		if d.Aspect.Weight >= font.WeightSemibold {
			st |= styleBold
		}
		if d.Aspect.Style == font.StyleItalic {
			st |= styleItalic
		}
		// A document uses four faces of a family: the nearest to regular and bold weight at
		// normal width take those slots, so a light, black or condensed face only stands in
		// for a family that has no better one (Symbola is semi-condensed).
		target := font.WeightNormal
		if st&styleBold != 0 {
			target = font.WeightBold
		}
		rank := int(max(d.Aspect.Weight-target, target-d.Aspect.Weight))
		if d.Aspect.Stretch != 0 && d.Aspect.Stretch != font.StretchNormal {
			rank += 1000
		}
		name := path
		if len(lds) > 1 {
			name = fmt.Sprintf("%s#%d", path, i)
		}
		out = append(out, &face{family: d.Family, style: st, rank: rank, name: name, path: path, index: i})
	}
	if len(out) == 0 {
		return nil, errors.New("no TrueType face in the file")
	}
	return out, nil
}

// languageProbes are characters each language cannot do without; a set can typeset a
// language when the faces chosen for it cover every one of them (after Arabic shaping for ar,
// whose letters print as presentation forms).
var languageProbes = map[string]string{
	"en": "AZaz09.,;:?!()“”‘’–—",
	"fr": "àâçéèêëîïôùûüÿœÀÇÉÈ«»",
	"es": "áéíóúñÑü¿¡«»",
	"ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
	// Isolated, final, initial and medial forms of common letters, and lam-alef.
	"ar": "\u0627\u0644\u060C\u061F\uFE8D\uFE8E\uFEDF\uFEE0\uFEDD\uFEDE\uFEFB\uFEFC\uFE91\uFE92\uFEE3\uFEE4",
	"zh": "的一是不了人我在有他这中大来上国会议于年月日。，、：；（）“”",
}
