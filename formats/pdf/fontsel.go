package pdf

import (
	"crypto/sha1"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"

	"github.com/scribe-un/scribe/formats/pdf/internal/pdfdoc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// scriptClass groups characters by the kind of font they need.
type scriptClass uint8

const (
	classOther  scriptClass = iota // Latin, Cyrillic, Greek, symbols
	classArabic                    // Arabic letters and presentation forms
	classCJK                       // Han, kana, Hangul, CJK and full-width punctuation
)

func classOf(r rune) scriptClass {
	switch {
	case r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08FF,
		r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return classArabic
	case r >= 0x2E80 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7AF, r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x20000 && r <= 0x3FFFF:
		return classCJK
	}
	return classOther
}

// neutral characters (spaces, digits, punctuation) stay in the font of the text around them
// when that font has them, so a comma in Chinese text does not switch to a Latin face.
func neutral(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// scriptFamilies are the families tried for a script that is not the document's own (an
// Arabic name in a Chinese report): the document's locale names the faces of its own
// script, and these stand in for the others' locales.
var scriptFamilies = [3][]string{
	classArabic: {"Simplified Arabic", "Traditional Arabic", "Amiri", "Noto Naskh Arabic", "Scheherazade New"},
	classCJK:    {"SimSun", "NSimSun", "AR PL UMing CN", "AR PL SungtiL GB", "SimHei", "Microsoft YaHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback"},
}

// symbolFamilies are monochrome faces with many symbols and pictographs, tried for a
// character no face of its script has (an emoji pasted from a chat).
var symbolFamilies = []string{"Symbola", "Noto Sans Symbols2", "Noto Sans Symbols", "FreeSerif", "Noto Sans Math"}

// fontHint tells users what fixes a missing script.
var fontHint = [3]string{
	classOther:  "pass a font that has it with --font FILE",
	classArabic: "install fonts-hosny-amiri (Debian) or pass an Arabic TrueType font with --font FILE",
	classCJK:    "install fonts-wqy-microhei, fonts-arphic-uming or fonts-droid-fallback (Debian), or pass a Chinese TrueType font with --font FILE (Noto CJK is CFF and cannot be embedded)",
}

// typeChoice is what the locale says about the faces of one language version: the
// families for its own script (body text and headings, first choice first).
type typeChoice struct {
	docClass     scriptClass
	bodyFonts    []string
	headingFonts []string
}

// docFonts is the font state of one document: which families to try for each script, and
// which characters of which faces the document draws.
type docFonts struct {
	set    *FontSet
	choice typeChoice
	orders [6][]*family // per script class and role (body, heading), built on first use
	tail   []*family    // symbol faces, then every face: built when a character needs them
	tailOK bool
	faces  []*face        // faces drawn, in order of first use (repeatable output)
	used   map[*face]bool // faces drawn in
	// ascii remembers pick's answer for ASCII characters, per style and role: most text
	// is ASCII, and the answer cannot change within a document.
	ascii [4][2][128]*face
	// warn reports a character printed as its name, once per character and line.
	warn   func(pos model.Pos, format string, args ...any)
	warned map[model.Pos]map[rune]bool
}

func newDocFonts(set *FontSet, choice typeChoice) *docFonts {
	return &docFonts{set: set, choice: choice, used: map[*face]bool{}}
}

// order is the list of families tried for characters of class c, in body text or headings:
// the --font files, then the families the locale names for its own script, then the
// embedded faces. Latin and Cyrillic text takes the embedded Liberation Serif unless a
// --font file or a preferred family in a --font-dir folder covers it, so those documents
// never open a system font; the other scripts are looked for on the system.
func (d *docFonts) order(c scriptClass, heading bool) []*family {
	k := int(c) * 2
	if heading {
		k++
	}
	if d.orders[k] != nil {
		return d.orders[k]
	}
	var out []*family
	seen := map[*family]bool{}
	add := func(fam *family) {
		if fam != nil && !seen[fam] {
			seen[fam] = true
			out = append(out, fam)
		}
	}
	for _, fam := range d.set.user {
		add(fam)
	}
	names := d.choice.bodyFonts
	if heading && len(d.choice.headingFonts) > 0 {
		names = append(append([]string(nil), d.choice.headingFonts...), d.choice.bodyFonts...)
	} else if len(d.choice.headingFonts) > 0 {
		// Body text falls back on the heading faces before leaving the script's faces.
		names = append(append([]string(nil), d.choice.bodyFonts...), d.choice.headingFonts...)
	}
	if c != d.choice.docClass {
		names = scriptFamilies[c]
	}
	for _, n := range names {
		add(d.set.find(n, c != classOther))
	}
	for _, fam := range d.set.embedded {
		add(fam)
	}
	d.orders[k] = out
	return out
}

// seg is a stretch of text printed with one face.
type seg struct {
	face *face
	text string
}

// resolve splits text into segments, each in the first face (of the wanted style and role)
// that really has every character of it. A character no face has is drawn from a symbol
// face, else printed as its Unicode name in brackets with a warning naming the line; an
// Arabic or Chinese character no face has means the script has no font at all, an
// ErrNoGlyph error.
func (d *docFonts) resolve(text string, st style, heading bool, pos model.Pos) ([]seg, error) {
	var out []seg
	var cur *face
	curCJK := false // cur was chosen for Chinese text
	start := 0
	for i, r := range text {
		// Digits and ASCII punctuation in Chinese text print in the Latin face, as word
		// processors print them (w:rFonts ascii); elsewhere a neutral character stays in the
		// face of the text around it.
		latin := r < 0x100 && curCJK
		if cur != nil && neutral(r) && cur.has(r) && !latin {
			continue
		}
		var f *face
		// At the start of Chinese text, ASCII punctuation and curly quotes take the Latin
		// face too, as LibreOffice sets them.
		latinLead := (r < 0x100 || r >= 0x2018 && r <= 0x201F) && classOf(nextStrong(text[i:])) == classCJK
		if cur == nil && neutral(r) && !latinLead {
			// A leading bracket or digit takes the face of the letter that follows it, so
			// "(أ)" is one face, not a Latin bracket and an Arabic letter.
			if n := nextStrong(text[i:]); n != 0 {
				if g := d.pick(n, st, heading); g != nil && g.has(r) {
					f = g
				}
			}
		}
		if f == nil {
			f = d.pick(r, st, heading)
		}
		if f == nil {
			if c := classOf(r); c != classOther {
				return nil, noGlyph(r, pos)
			}
			// Print the character's name in the Latin face instead.
			if cur != nil && start < i {
				out = append(out, seg{cur, text[start:i]})
			}
			name := d.missing(r, pos)
			out = append(out, seg{d.pick('[', st, heading), name})
			cur, start = nil, i+utf8.RuneLen(r)
			continue
		}
		if f == cur {
			continue
		}
		if cur != nil && start < i {
			out = append(out, seg{cur, text[start:i]})
		}
		cur, start = f, i
		curCJK = classOf(r) == classCJK
	}
	if cur != nil && start < len(text) {
		out = append(out, seg{cur, text[start:]})
	}
	return out, nil
}

// missing returns the printed stand-in for r, "[GRINNING FACE]", and warns once per line.
func (d *docFonts) missing(r rune, pos model.Pos) string {
	name := runenames.Name(r)
	what := fmt.Sprintf("U+%04X %s", r, name)
	if name == "" || strings.HasPrefix(name, "<") {
		// Private use and unassigned characters have no name: their code stands in.
		name = fmt.Sprintf("U+%04X", r)
		what = name + " (no Unicode name)"
	}
	if d.warn != nil {
		if d.warned == nil {
			d.warned = map[model.Pos]map[rune]bool{}
		}
		if d.warned[pos] == nil {
			d.warned[pos] = map[rune]bool{}
		}
		if !d.warned[pos][r] {
			d.warned[pos][r] = true
			d.warn(pos, "no font has %s; printed as [%s] (pass a font that has it with --font, or install fonts-symbola)", what, name)
		}
	}
	return "[" + name + "]"
}

func nextStrong(s string) rune {
	for _, r := range s {
		if !neutral(r) {
			return r
		}
	}
	return 0
}

// pick returns the first face in the class's family order that has r, else a symbol face
// that has it, else any face of the set that has it.
func (d *docFonts) pick(r rune, st style, heading bool) *face {
	if r >= 0 && r < 128 && st < 4 {
		memo := &d.ascii[st][b2i(heading)][r]
		if *memo == nil {
			*memo = d.pickUncached(r, st, heading)
		}
		return *memo
	}
	return d.pickUncached(r, st, heading)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pickUncached is pick without the memory of ASCII answers.
func (d *docFonts) pickUncached(r rune, st style, heading bool) *face {
	for _, fam := range d.order(classOf(r), heading) {
		if f := fam.pick(st); f != nil && f.has(r) {
			return f
		}
	}
	if !d.tailOK {
		d.tailOK = true
		for _, n := range symbolFamilies {
			if fam := d.set.find(n, true); fam != nil {
				d.tail = append(d.tail, fam)
			}
		}
		d.tail = append(d.tail, d.set.everything()...)
	}
	for _, fam := range d.tail {
		if f := fam.pick(st); f != nil && f.has(r) {
			return f
		}
	}
	return nil
}

func noGlyph(r rune, pos model.Pos) error {
	return model.Errorf("pdf", pos, model.ErrNoGlyph, "no font has U+%04X %q; %s", r, string(r), fontHint[classOf(r)])
}

// need records that text is drawn with f.
func (d *docFonts) need(f *face, text string) {
	if !d.used[f] {
		d.used[f] = true
		d.faces = append(d.faces, f)
	}
}

// register adds the faces drawn since the last call to the document, in order of first use,
// into refs (the faces added so far); the document cuts each down to the glyphs it draws
// when it is written. Characters a face lacks print as its .notdef glyph, but the resolver
// never sends one.
func (d *docFonts) register(doc *pdfdoc.Doc, refs map[*face]pdfdoc.FontRef) {
	for i := len(refs); i < len(d.faces); i++ {
		f := d.faces[i]
		refs[f] = doc.AddFont(pdfFont(f, subsetTag(f, i)+"+"+psName(f)))
	}
}

// pdfFont describes face f for the PDF serializer, metrics in thousandths of the em.
func pdfFont(f *face, name string) *pdfdoc.Font {
	upem := f.sf.upem
	scale := func(v int) int { return int(math.Round(float64(v) * 1000 / upem)) }
	m := f.sf.metrics
	return &pdfdoc.Font{
		Name:        name,
		Face:        pdfFace{f},
		UnitsPerEm:  int(upem),
		Ascent:      scale(m.ascent),
		Descent:     scale(m.descent),
		CapHeight:   scale(m.capHeight),
		BBox:        [4]int{scale(m.bbox[0]), scale(m.bbox[1]), scale(m.bbox[2]), scale(m.bbox[3])},
		ItalicAngle: m.italicAngle,
		FixedPitch:  m.fixedPitch,
		Bold:        m.weight >= 600 || f.style&styleBold != 0,
		// The usual estimate of the dominant stem width from the weight class.
		StemV: 50 + int(math.Pow(float64(m.weight)/65, 2)),
	}
}

// subsetTag derives the six capital letters of a subset name from the face and its position,
// so the same input gives the same file.
func subsetTag(f *face, i int) string {
	sum := sha1.Sum([]byte(fmt.Sprintf("%s|%d", f.name, i)))
	var b [6]byte
	for k := range b {
		b[k] = 'A' + sum[k]%26
	}
	return string(b[:])
}

// psName is the face's PostScript-style name: family without spaces, a style suffix, only
// characters a PDF name may carry unescaped.
func psName(f *face) string {
	var b strings.Builder
	for _, r := range f.family {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		b.WriteString("Font")
	}
	if f.style != styleRegular {
		b.WriteString("-" + strings.ReplaceAll(f.style.String(), " ", ""))
	}
	return b.String()
}

// width is the advance of text in face f at size pt, in millimetres, from the face's own
// metrics (the same advances the PDF's width table states).
func (d *docFonts) width(f *face, text string, size float64) (float64, error) {
	units := 0
	for _, r := range text {
		g, _ := f.cmap.Lookup(r)
		units += f.sf.advance(int(g))
	}
	return float64(units) / f.sf.upem * size * ptToMM, nil
}
