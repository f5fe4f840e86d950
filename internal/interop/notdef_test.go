package interop

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
)

// hostileNote is a note full of characters that have no glyph of their own or no glyph in
// the embedded faces: soft hyphens, zero-width spaces and joiners, direction marks, a byte
// order mark inside the text, no-break and narrow no-break spaces, word joiners, spaces of
// other widths, emoji (with a skin tone, a flag, a keycap), private-use characters and
// code points Unicode has not assigned.
const hostileNote = "Hostile characters\n\n" +
	"Canada said that the trans\u00adatlantic co\u00adoperation was im\u00adpor\u00adtant, and that zero\u200bwidth " +
	"spaces, joi\u200dners and non\u200cjoiners, marks \u200eleft\u200e and \u200fright\u200f, a BOM\ufeff inside and " +
	"a word\u2060joiner must not print.\n\n" +
	"Egypt noted that paragraph\u00a010, 17\u202fh\u202f30, an\u2002en space, an\u2003em space, a\u2009thin space, " +
	"a\u200ahair space, an\u3000ideographic space, an\u1680ogham space and a\u205fmedium space were typed.\n\n" +
	"Mexico sent \U0001F600 \U0001F44D\U0001F3FD \U0001F99C \U0001F1FA\U0001F1F3 1\ufe0f\u20e3 \u2714\ufe0f and " +
	"the private-use \ue000\uf8ff\U000F0000 and unassigned \u0378\u0380\U0001FAFF\U000E0080 characters.\n\n" +
	"Chile quoted \u201cdraft\u00a0text\u201d with a lone combining mark \u0301 and a tatweel \u0640.\n\n" +
	"Les délégués ont dit\u202f: «\u00a0bien\u00a0» et 联合国\u200b会议 الأمم\u200dالمتحدة\u200c.\n"

// TestNoNotdef reads the content streams of PDFs scribe wrote and checks that no glyph drawn
// is .notdef (PDF/A-2, ISO 19005-2 6.2.11.8 forbids referencing it): the reference notes with
// a full masthead in the six languages, a hostile note in the six languages, and every PDF of
// the suite. Each string
// shown is decoded with its font's embedded CMap and CIDToGIDMap; glyph 0 of a subset is
// its .notdef.
func TestNoNotdef(t *testing.T) {
	qpdf := testutil.RequireTool(t, "qpdf")
	dir := filepath.Join(suite.work, "notdef")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	hostile := filepath.Join(dir, "hostile.txt")
	if err := os.WriteFile(hostile, []byte(hostileNote), 0o644); err != nil {
		t.Fatal(err)
	}
	lang := strings.Join(langs, ",")
	if _, err := suite.scribe("convert", samplePath, "--lang", lang, "--to", "pdf", "-q", "-o", dir,
		"--title", "Informal consultation on WSIS", "--subtitle", "Note by the secretariat",
		"--body", "ITU Council Working Group on WSIS", "--symbol", "WSIS/ITU/2005/1", "--distribution", "General",
		"--original", "en", "--job", "05-35610", "--session", "Second session", "--agenda-item", "3",
		"--please-recycle"); err != nil {
		t.Fatal(err)
	}
	if _, err := suite.scribe("convert", hostile, "--lang", lang, "--to", "pdf", "-q", "-o", dir,
		"--symbol", "A/HOSTILE/1", "--job", "05-35610"); err != nil {
		t.Fatal(err)
	}
	stem := strings.TrimSuffix(filepath.Base(samplePath), ".txt")
	var paths []string
	for _, s := range []string{stem, "hostile"} {
		for _, l := range langs {
			paths = append(paths, filepath.Join(dir, s+"."+l+".pdf"))
		}
	}
	for _, s := range suite.convert(t).all() {
		paths = append(paths, s+".pdf")
	}
	for _, path := range paths {
		name := filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			glyphs, err := drawnGlyphs(readObjects(t, qpdf, path))
			if err != nil {
				t.Fatal(err)
			}
			if glyphs.drawn == 0 {
				t.Fatal("no glyph drawn: the content streams were not read")
			}
			t.Logf("%d glyphs drawn, %d of them .notdef", glyphs.drawn, len(glyphs.notdef))
			for _, n := range glyphs.notdef {
				t.Errorf("6.2.11.8: .notdef drawn: %s", n)
			}
		})
	}
}

// glyphCount is what drawnGlyphs found: how many glyphs were shown, and where .notdef was.
type glyphCount struct {
	drawn  int
	notdef []string
}

// drawnGlyphs decodes every string the pages show into glyphs of their fonts.
func drawnGlyphs(p pdfObjects) (glyphCount, error) {
	var out glyphCount
	for ref, o := range p.objs {
		page, _ := o["value"].(map[string]any)
		if page == nil || page["/Type"] != "/Page" {
			continue
		}
		res := p.dict(inherited(p, page, "/Resources"))
		fonts := map[string]*cidFont{}
		for name, fref := range p.dict(res["/Font"]) {
			f, err := readCIDFont(p, fref)
			if err != nil {
				return out, fmt.Errorf("page %s font %s: %v", ref, name, err)
			}
			fonts[name] = f
		}
		var content []byte
		contents := p.value(page["/Contents"])
		refs, ok := contents.([]any)
		if !ok {
			refs = []any{page["/Contents"]}
		}
		for _, c := range refs {
			data, _ := p.stream(c)
			content = append(append(content, data...), '\n')
		}
		if err := showStrings(content, func(font string, s []byte) error {
			f := fonts[font]
			if f == nil {
				return fmt.Errorf("page %s: text in font %s, which is not in its resources", ref, font)
			}
			for len(s) > 0 {
				code, n := f.code(s)
				if n == 0 {
					return fmt.Errorf("page %s font %s: byte %#x is in no code space range", ref, font, s[0])
				}
				cid := f.cids[code]
				gid := f.gid(cid)
				out.drawn++
				if gid == 0 {
					out.notdef = append(out.notdef, fmt.Sprintf("page %s font %s (%s) code %#x CID %d", ref, font, f.name, code, cid))
				}
				s = s[n:]
			}
			return nil
		}); err != nil {
			return out, err
		}
	}
	return out, nil
}

// inherited returns a page's entry, looked up in its ancestors when the page has none.
func inherited(p pdfObjects, node map[string]any, key string) any {
	for i := 0; node != nil && i < 64; i++ {
		if v, ok := node[key]; ok {
			return v
		}
		node = p.dict(node["/Parent"])
	}
	return nil
}

// cidFont is a Type 0 font as far as the glyphs it draws: its code space, code → CID and
// CID → glyph maps.
type cidFont struct {
	name     string
	spaces   []codeSpace
	cids     map[uint32]uint32 // a code missing is CID 0
	identity bool              // the encoding is Identity-H: the code is the CID
	gidMap   []byte            // CIDToGIDMap, two bytes per CID; nil: Identity
}

type codeSpace struct {
	n      int
	lo, hi uint32
}

func readCIDFont(p pdfObjects, ref any) (*cidFont, error) {
	d := p.dict(ref)
	if d["/Subtype"] != "/Type0" {
		return nil, fmt.Errorf("a %v font: only Type 0 fonts are read", d["/Subtype"])
	}
	f := &cidFont{name: fmt.Sprint(d["/BaseFont"]), cids: map[uint32]uint32{}}
	switch enc := d["/Encoding"].(type) {
	case string:
		if enc == "/Identity-H" || enc == "/Identity-V" {
			f.identity = true
			f.spaces = []codeSpace{{2, 0, 0xFFFF}}
			break
		}
		cmap, ok := p.stream(enc)
		if !ok {
			return nil, fmt.Errorf("encoding %v is neither Identity nor an embedded CMap", enc)
		}
		if err := f.parseCMap(cmap); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("encoding %v", enc)
	}
	desc, _ := p.value(d["/DescendantFonts"]).([]any)
	if len(desc) != 1 {
		return nil, fmt.Errorf("%d descendant fonts", len(desc))
	}
	cid := p.dict(desc[0])
	if m := cid["/CIDToGIDMap"]; m != "/Identity" {
		data, ok := p.stream(m)
		if !ok {
			return nil, fmt.Errorf("CIDToGIDMap %v", m)
		}
		f.gidMap = data
	}
	return f, nil
}

// parseCMap reads the code space ranges and the CID ranges and characters of a CMap.
func (f *cidFont) parseCMap(cmap []byte) error {
	var ops []string
	toks := psTokens(cmap)
	hex := func(s string) (uint32, int, bool) {
		if !strings.HasPrefix(s, "<") {
			return 0, 0, false
		}
		h := strings.Trim(s, "<>")
		v, err := strconv.ParseUint(h, 16, 32)
		return uint32(v), len(h) / 2, err == nil
	}
	for i, tk := range toks {
		switch tk {
		case "endcodespacerange":
			for j := len(ops) - 2; j >= 0 && j+1 < len(ops); j -= 2 {
				lo, n, ok1 := hex(ops[j])
				hi, _, ok2 := hex(ops[j+1])
				if !ok1 || !ok2 {
					break
				}
				f.spaces = append(f.spaces, codeSpace{n, lo, hi})
			}
		case "endcidrange":
			for j := len(ops) - 3; j >= 0; j -= 3 {
				lo, _, ok1 := hex(ops[j])
				hi, _, ok2 := hex(ops[j+1])
				c, err := strconv.ParseUint(ops[j+2], 10, 32)
				if !ok1 || !ok2 || err != nil {
					break
				}
				for code := lo; code <= hi && code-lo < 1<<16; code++ {
					f.cids[code] = uint32(c) + code - lo
				}
			}
		case "endcidchar":
			for j := len(ops) - 2; j >= 0; j -= 2 {
				code, _, ok := hex(ops[j])
				c, err := strconv.ParseUint(ops[j+1], 10, 32)
				if !ok || err != nil {
					break
				}
				f.cids[code] = uint32(c)
			}
		}
		if strings.HasPrefix(tk, "begin") || strings.HasPrefix(tk, "end") || i == 0 {
			ops = ops[:0]
			continue
		}
		ops = append(ops, tk)
	}
	if len(f.spaces) == 0 {
		return fmt.Errorf("the CMap has no code space range")
	}
	return nil
}

// code reads the code at the start of s: the shortest prefix inside a code space range.
func (f *cidFont) code(s []byte) (uint32, int) {
	for n := 1; n <= 4 && n <= len(s); n++ {
		var v uint32
		for _, b := range s[:n] {
			v = v<<8 | uint32(b)
		}
		for _, r := range f.spaces {
			if r.n == n && v >= r.lo && v <= r.hi {
				if f.identity {
					f.cids[v] = v
				}
				return v, n
			}
		}
	}
	return 0, 0
}

// gid is the glyph CID draws: 0 (.notdef) for a CID beyond the map.
func (f *cidFont) gid(cid uint32) uint32 {
	if f.gidMap == nil {
		return cid
	}
	if int(cid)*2+2 > len(f.gidMap) {
		return 0
	}
	return uint32(binary.BigEndian.Uint16(f.gidMap[cid*2:]))
}

// psTokens splits PostScript-like text (a CMap) into tokens: hexadecimal strings with their
// brackets, names, numbers and words; dictionaries' << >> and comments are left out.
func psTokens(b []byte) []string {
	var out []string
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case isPDFSpace(c):
			i++
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			i += 2
		case c == '<':
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				return out
			}
			out = append(out, string(b[i:i+j+1]))
			i += j + 1
		case c == '[' || c == ']' || c == '{' || c == '}':
			i++
		default:
			j := i + 1
			for j < len(b) && !isPDFSpace(b[j]) && !strings.ContainsRune("<>[]{}/%()", rune(b[j])) {
				j++
			}
			out = append(out, string(b[i:j]))
			i = j
		}
	}
	return out
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// showStrings calls show with the current font's resource name and the bytes of each
// string a content stream shows (Tj, TJ, ' and ").
func showStrings(content []byte, show func(font string, s []byte) error) error {
	var font string
	var operands []any // string, []byte, or [][]byte for an array
	var array [][]byte
	inArray := false
	for i := 0; i < len(content); {
		c := content[i]
		switch {
		case isPDFSpace(c):
			i++
		case c == '%':
			for i < len(content) && content[i] != '\n' && content[i] != '\r' {
				i++
			}
		case c == '(':
			s, n := literalString(content[i:])
			i += n
			if inArray {
				array = append(array, s)
			} else {
				operands = append(operands, s)
			}
		case c == '<' && i+1 < len(content) && content[i+1] == '<', c == '>' && i+1 < len(content) && content[i+1] == '>':
			i += 2
		case c == '<':
			j := bytes.IndexByte(content[i:], '>')
			if j < 0 {
				return fmt.Errorf("unterminated hexadecimal string")
			}
			s := hexBytes(content[i+1 : i+j])
			i += j + 1
			if inArray {
				array = append(array, s)
			} else {
				operands = append(operands, s)
			}
		case c == '[':
			inArray, array = true, nil
			i++
		case c == ']':
			inArray = false
			operands = append(operands, array)
			i++
		default:
			j := i + 1
			if c != '/' {
				j = i
			}
			for j < len(content) && !isPDFSpace(content[j]) && !strings.ContainsRune("<>[]/%()", rune(content[j])) {
				j++
			}
			if j == i {
				j++
			}
			tok := string(content[i:j])
			i = j
			if inArray {
				continue // a number between the strings of TJ
			}
			if strings.HasPrefix(tok, "/") || isNumber(tok) {
				operands = append(operands, tok)
				continue
			}
			var err error
			switch tok {
			case "Tf":
				if len(operands) >= 2 {
					font, _ = operands[len(operands)-2].(string)
				}
			case "Tj", "'", "\"":
				if len(operands) > 0 {
					if s, ok := operands[len(operands)-1].([]byte); ok {
						err = show(font, s)
					}
				}
			case "TJ":
				if len(operands) > 0 {
					if a, ok := operands[len(operands)-1].([][]byte); ok {
						for _, s := range a {
							if err = show(font, s); err != nil {
								break
							}
						}
					}
				}
			}
			if err != nil {
				return err
			}
			operands = operands[:0]
		}
	}
	return nil
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// literalString reads a PDF literal string at the start of b ("(" included) and returns its
// bytes and the length read.
func literalString(b []byte) ([]byte, int) {
	var out []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '(':
			if depth > 0 {
				out = append(out, c)
			}
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return out, i + 1
			}
			out = append(out, c)
		case c == '\\' && i+1 < len(b):
			i++
			switch e := b[i]; e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if i+1 < len(b) && b[i+1] == '\n' {
					i++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v, n := 0, 0
					for n < 3 && i < len(b) && b[i] >= '0' && b[i] <= '7' {
						v = v*8 + int(b[i]-'0')
						i++
						n++
					}
					i--
					out = append(out, byte(v))
				} else {
					out = append(out, e)
				}
			}
		default:
			out = append(out, c)
		}
	}
	return out, len(b)
}

func hexBytes(h []byte) []byte {
	var digits []byte
	for _, c := range h {
		if !isPDFSpace(c) {
			digits = append(digits, c)
		}
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		v, _ := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		out[i] = byte(v)
	}
	return out
}
