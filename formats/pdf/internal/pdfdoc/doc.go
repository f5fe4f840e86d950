// Package pdfdoc serializes pages of positioned text, rules, links and an outline into a PDF
// file. It is the part of PDF that scribe's typesetter needs and nothing more: the layout,
// the font choice and the subsetting are done before it is called, so writing a document
// costs what its content costs.
//
// Why not a general PDF library: one was used first, and its per-document overhead (parsing
// each font again, a 64K-entry width table per font encoded as JSON for an identifier, a
// 128 KB glyph map per font, a new deflate compressor per stream) was 70% of the time of a
// batch conversion. Here glyphs are numbered as they are first drawn, text is written as
// those numbers, one byte each for most text (font.go), each font is cut down to the glyphs
// drawn when the document is written, and one compressor per document is reused for every
// stream.
//
// Coordinates are millimetres from the top-left corner of the page, the typesetter's own
// units; text positions are baselines. Output is deterministic: the same calls give the same
// bytes (the file identifier is a hash of the content).
package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/scribe-un/scribe/formats/internal/freelist"
)

// Info is the document information and the catalog's language.
type Info struct {
	Title, Subject, Author, Creator, Producer string
	// Lang is the document's natural language as a BCP 47 tag ("en", "ar").
	Lang string
	// Created is written as both the creation and the modification date.
	Created time.Time
}

// Options shape the file.
type Options struct {
	// PageWidth and PageHeight are the page size in millimetres.
	PageWidth, PageHeight float64
	// Compress deflates the content streams and the fonts.
	Compress bool
	// Deflaters, when not nil, lends compressors shared with other documents; nil makes
	// one per document.
	Deflaters *Deflaters
	// Into, when not nil, is where the file is written, after what the buffer already
	// holds (Bytes returns that part): the caller's buffer, so the file is not held twice.
	// If the document fails, the caller truncates the buffer back.
	Into *bytes.Buffer
}

// Deflaters lends zlib compressors to the documents of a batch, written concurrently or one
// after another, so a batch does not allocate a compressor's large tables for every stream
// of every document. The zero value is ready to use.
type Deflaters struct{ idle freelist.List[*zlib.Writer] }

func (d *Deflaters) get(w io.Writer) *zlib.Writer {
	if z, ok := d.idle.Get(); ok {
		z.Reset(w)
		return z
	}
	// BestSpeed: fonts and text compress to within a few percent of the default level at a
	// third of the time.
	z, _ := zlib.NewWriterLevel(w, zlib.BestSpeed)
	return z
}

func (d *Deflaters) put(z *zlib.Writer) { d.idle.Put(z) }

// FontRef identifies a font added to a document, and the style it is drawn in.
type FontRef struct {
	index int
	synth Synthetic
}

// Synthetic styles imitate a face the family lacks (CJK families usually have no bold and
// no italic), as word processors do: bold by stroking the outlines as well as filling them,
// italic by slanting the glyphs.
type Synthetic uint8

// The synthetic styles.
const (
	SynthBold Synthetic = 1 << iota
	SynthItalic
)

// With returns the reference drawing the same font in style s as well.
func (r FontRef) With(s Synthetic) FontRef { r.synth |= s; return r }

// The synthetic styles' geometry: the stroke width of bold relative to the font size
// (about what word processors add), and the slant of italic (12 degrees).
const (
	boldStroke  = 0.03
	italicSlant = 0.2126
)

// Doc is a PDF being built. It is not safe for concurrent use; build one per document.
//
// Pages are written as they end (write.go): a page's content is compressed and added to the
// file when the next page starts, and only what later objects refer to is kept (object
// numbers, the structure of tagged content). Fonts, the outline and the structure tree,
// which need the whole document, are written by Bytes.
type Doc struct {
	opts     Options
	info     Info
	w        *objWriter
	fonts    []*fontState
	fontIDs  []int // each font's first object; 0 until a page using it is written
	images   []*Image
	imageIDs []int
	page     *page      // the page being drawn; nil before the first
	pages    []pageDone // the pages written
	marks    []bookmark
	// The structure tree of a tagged document (tags.go).
	elems    []structElem
	rootKids []StructElem
	// annots are the link annotations tied to the structure tree (a Link element each).
	annots []annotDone
	err    error
}

// annotDone is a link annotation written, for the structure tree: its Link element, its
// object and page, and its key in the parent tree.
type annotDone struct {
	elem     StructElem
	id, page int
	key      int
}

// annotKeyBase is the first parent-tree key of annotations: pages take the keys from 0 (their
// index), and pages are written before the document knows how many there are.
const annotKeyBase = 1 << 20

// pageDone is what stays of a written page.
type pageDone struct {
	id    int          // the page object
	mcids []StructElem // the element of each marked-content sequence, by MCID
}

type page struct {
	content bytes.Buffer
	links   []link
	// Text state as last written into content, so a run in the same font and size does
	// not select it again.
	font      int
	size      float64
	lineWidth float64
	stroking  bool    // text render mode 2 (fill and stroke), for synthetic bold
	wordSpace float64 // Tw, points
	used      map[int]bool
	images    map[int]bool // images drawn, by document index
	run       textRun
	mcids     []StructElem // the element of each marked-content sequence, by MCID
	marks     int          // marked-content sequences open
}

// textRun is the open text object of a page: consecutive pieces of text on one baseline in
// one font and size go into a single string, with the distance between them written as a
// position adjustment where the glyphs' own advances do not take the pen there. It is
// written out when it ends, when the word spacing that saves most adjustments is known.
type textRun struct {
	open  bool
	ref   FontRef // font and style of the run
	size  float64
	y     float64 // baseline, points
	pen   float64 // x after the last glyph written, points, without word spacing
	codes []byte  // character codes so far
	adjs  []adjustment
	// spaces counts the word spaces in codes; afterSpace tells whether the last code is one.
	spaces     int
	afterSpace bool
}

// adjustment is a TJ position adjustment before codes[at], in thousandths of the font size
// (positive to the left); afterSpace marks one that follows a word space.
type adjustment struct {
	at         int
	amount     float64
	afterSpace bool
}

type link struct {
	rect [4]float64 // points, PDF coordinates
	uri  string
	elem StructElem // its Link element; -1 when the document is not tagged
}

type bookmark struct {
	title string
	level int
	page  int
	y     float64 // points, PDF coordinates
}

// New starts an empty document.
func New(opts Options, info Info) *Doc {
	w := &objWriter{deflaters: opts.Deflaters, compress: opts.Compress, buf: opts.Into}
	if w.buf == nil {
		w.buf = &bytes.Buffer{}
	}
	w.base = w.buf.Len()
	if w.deflaters == nil {
		w.deflaters = &Deflaters{}
	}
	w.header()
	w.next = firstFreeID
	return &Doc{opts: opts, info: info, w: w}
}

// AddFont registers f for use by Text. Its subset is made when the document is written.
func (d *Doc) AddFont(f *Font) FontRef {
	d.fonts = append(d.fonts, newFontState(f))
	d.fontIDs = append(d.fontIDs, 0) // numbered by the first page written that uses it
	return FontRef{index: len(d.fonts) - 1}
}

// AddPage starts a new page; the following drawing goes on it. The page before is written
// out.
func (d *Doc) AddPage() {
	if d.page != nil {
		d.writePage()
	} else {
		d.page = &page{}
		d.page.content.Grow(16 << 10) // a page of text is 10 to 30 KB of content
	}
	d.page.reset()
	d.pages = append(d.pages, pageDone{})
}

// reset empties p for the next page, keeping its buffers.
func (p *page) reset() {
	p.content.Reset()
	p.links = p.links[:0]
	p.font, p.size, p.lineWidth, p.stroking, p.wordSpace = -1, 0, -1, false, 0
	p.used, p.images = map[int]bool{}, map[int]bool{}
	p.run = textRun{codes: p.run.codes[:0], adjs: p.run.adjs[:0]}
	p.mcids, p.marks = nil, 0
}

const ptPerMM = 72 / 25.4

func (d *Doc) cur() *page {
	if d.page == nil {
		d.AddPage()
	}
	return d.page
}

// x converts a horizontal position in millimetres to points.
func (d *Doc) x(mm float64) float64 { return mm * ptPerMM }

// y converts a distance from the top in millimetres to PDF's upward points.
func (d *Doc) y(mm float64) float64 { return (d.opts.PageHeight - mm) * ptPerMM }

// Text draws s with its baseline starting at (x, y) in font f at size points. A character
// the font lacks fails the document with ErrNotdef: callers choose fonts that cover their
// text.
func (d *Doc) Text(f FontRef, size, x, y float64, s string) {
	if f.index < 0 || f.index >= len(d.fonts) {
		d.fail(fmt.Errorf("pdfdoc: text in unknown font %d", f.index))
		return
	}
	r := d.moveTo(f, size, x, y)
	font := d.fonts[f.index]
	units := 0.0
	for _, c := range s {
		cid, err := font.cid(c)
		if err != nil {
			d.fail(err)
			return
		}
		r.codes = appendCode(r.codes, cid)
		units += font.widths[cid]
		r.afterSpace = false
	}
	r.pen += units / 1000 * size
}

// moveTo puts the pen of page text at (x, y) in f at size points: in the open text object
// when it is on the same baseline in the same font and size, else in a new one.
func (d *Doc) moveTo(f FontRef, size, x, y float64) *textRun {
	p := d.cur()
	xp, yp := d.x(x), d.y(y)
	r := &p.run
	if r.open && r.ref == f && r.size == size && r.y == yp {
		// Continue the line: move the pen to x. TJ adjustments are in thousandths of the
		// font size, positive to the left.
		if adj := (r.pen - xp) / size * 1000; adj > 0.005 || adj < -0.005 {
			r.adjs = append(r.adjs, adjustment{at: len(r.codes), amount: adj, afterSpace: r.afterSpace})
		}
	} else {
		p.endText()
		p.setStyle(f, size)
		r.open, r.ref, r.size, r.y = true, f, size, yp
		r.codes, r.adjs = r.codes[:0], r.adjs[:0]
		r.spaces, r.afterSpace = 0, false
		b := &p.content
		b.WriteString("BT ")
		if f.synth&SynthItalic != 0 {
			b.WriteString("1 0 " + num(italicSlant) + " 1 ")
			b.WriteString(num(xp))
			b.WriteByte(' ')
			b.WriteString(num(yp))
			b.WriteString(" Tm")
		} else {
			b.WriteString(num(xp))
			b.WriteByte(' ')
			b.WriteString(num(yp))
			b.WriteString(" Td")
		}
	}
	r.pen = xp
	return r
}

// setStyle selects the font, size and render mode of f on the page, writing only what
// changes.
func (p *page) setStyle(f FontRef, size float64) {
	b := &p.content
	if p.font != f.index || p.size != size {
		p.font, p.size = f.index, size
		p.used[f.index] = true
		b.WriteString("/F")
		b.WriteString(strconv.Itoa(f.index))
		b.WriteByte(' ')
		b.WriteString(num(size))
		b.WriteString(" Tf\n")
	}
	bold := f.synth&SynthBold != 0
	if bold {
		if w := size * boldStroke; p.lineWidth != w {
			p.lineWidth = w
			b.WriteString(num(w))
			b.WriteString(" w\n")
		}
	}
	if bold != p.stroking {
		p.stroking = bold
		if bold {
			b.WriteString("2 Tr\n")
		} else {
			b.WriteString("0 Tr\n")
		}
	}
}

// Space draws the space glyph of font f at size points from (x, y). It is invisible: it
// tells text extraction, search and screen readers where a word ends, as PDF recommends,
// instead of leaving them to guess from the distance between glyphs. The next piece of
// text is placed where its caller says, however wide the gap: when every gap of a line is
// widened alike, as justification does, the line's word spacing says so once. Nothing is
// drawn when the font has no space.
func (d *Doc) Space(f FontRef, size, x, y float64) {
	if f.index < 0 || f.index >= len(d.fonts) {
		return
	}
	font := d.fonts[f.index]
	if !font.wordSpace() {
		return
	}
	r := d.moveTo(f, size, x, y)
	r.codes = append(r.codes, wordSpaceCID)
	r.pen += font.widths[wordSpaceCID] / 1000 * size
	r.spaces++
	r.afterSpace = true
}

// endText writes and closes the open text object, if any.
func (p *page) endText() {
	r := &p.run
	if !r.open {
		return
	}
	r.open = false
	b := &p.content
	// Word spacing: the adjustment most word spaces are followed by (none counts too),
	// stated once as Tw, leaving only the differences from it.
	tw := p.wordSpace
	if r.spaces > 0 {
		amount := wordSpacing(r)
		tw = roundTw(-amount / 1000 * r.size)
		if tw != p.wordSpace {
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat(tw, 'f', -1, 64))
			b.WriteString(" Tw")
			p.wordSpace = tw
		}
	}
	// With spacing tw, a word space already moves the pen by tw: the adjustment after it
	// shrinks by that much, and one appears where a space was followed by none.
	twAdj := -tw / r.size * 1000
	adjs := r.adjs
	if r.spaces > 0 && tw != 0 {
		adjs = adjs[:0:0]
		k := 0
		after := false // the code before i is a word space
		for i := 0; i <= len(r.codes); {
			own := false
			for ; k < len(r.adjs) && r.adjs[k].at == i; k++ {
				a := r.adjs[k]
				if a.afterSpace {
					a.amount -= twAdj
				}
				adjs = append(adjs, a)
				own = own || a.afterSpace
			}
			if after && !own && i < len(r.codes) {
				adjs = append(adjs, adjustment{at: i, amount: -twAdj})
			}
			if i == len(r.codes) {
				break
			}
			after = r.codes[i] == wordSpaceCID
			i = nextCode(r.codes, i)
		}
	}
	var kept []adjustment
	for _, a := range adjs {
		if s := num(a.amount); s != "0" {
			kept = append(kept, a)
		}
	}
	if len(kept) == 0 {
		b.WriteByte(' ')
		writeLiteral(b, r.codes)
		b.WriteString(" Tj ET\n")
		return
	}
	b.WriteString(" [")
	last := 0
	for _, a := range kept {
		if a.at > last {
			writeLiteral(b, r.codes[last:a.at])
			b.WriteByte(' ')
		}
		b.WriteString(num(a.amount))
		b.WriteByte(' ')
		last = a.at
	}
	if last < len(r.codes) {
		writeLiteral(b, r.codes[last:])
	}
	b.WriteString("] TJ ET\n")
}

// wordSpacing returns the adjustment (thousandths of the size) that most of the run's word
// spaces are followed by, 0 for none; the first of equally common ones.
func wordSpacing(r *textRun) float64 {
	counts := map[string]int{}
	var order []float64
	with := 0
	for _, a := range r.adjs {
		if !a.afterSpace {
			continue
		}
		with++
		k := num(a.amount)
		if counts[k] == 0 {
			order = append(order, a.amount)
		}
		counts[k]++
	}
	best, bestN := 0.0, r.spaces-with // spaces followed by no adjustment
	for _, a := range order {
		if n := counts[num(a)]; n > bestN {
			best, bestN = a, n
		}
	}
	return best
}

// roundTw rounds a word spacing in points to four decimals, enough that the difference from
// the wanted gaps stays far below what an adjustment is written for.
func roundTw(v float64) float64 {
	v = math.Round(v*1e4) / 1e4
	if v == 0 {
		return 0 // not -0
	}
	return v
}

// nextCode returns the index of the code after the one at codes[i].
func nextCode(codes []byte, i int) int {
	if codes[i] >= 0x80 {
		return i + 2
	}
	return i + 1
}

// writeLiteral writes codes as a literal string: bytes as they are, except the delimiters
// and the backslash (escaped) and carriage return (which a reader would take for a line end).
func writeLiteral(b *bytes.Buffer, codes []byte) {
	b.WriteByte('(')
	start := 0
	for i, c := range codes {
		var esc string
		switch c {
		case '(':
			esc = "\\("
		case ')':
			esc = "\\)"
		case '\\':
			esc = "\\\\"
		case '\r':
			esc = "\\r"
		default:
			continue
		}
		b.Write(codes[start:i])
		b.WriteString(esc)
		start = i + 1
	}
	b.Write(codes[start:])
	b.WriteByte(')')
}

// Line draws a straight rule from (x1, y1) to (x2, y2), width in millimetres.
func (d *Doc) Line(x1, y1, x2, y2, width float64) {
	p := d.cur()
	p.endText()
	if p.lineWidth != width {
		p.lineWidth = width
		fmt.Fprintf(&p.content, "%s w\n", num(width*ptPerMM))
	}
	fmt.Fprintf(&p.content, "%s %s m %s %s l S\n", num(d.x(x1)), num(d.y(y1)), num(d.x(x2)), num(d.y(y2)))
}

// Link makes the box with top-left corner (x, y), w wide and h high, open uri. In a tagged
// document parent is the element the link's text belongs to (Root: the Document element):
// the annotation gets a Link element under it, so screen readers reach it in reading
// order. A document with no structure element yet stays untagged.
func (d *Doc) Link(x, y, w, h float64, uri string, parent StructElem) {
	p := d.cur()
	l := link{rect: [4]float64{d.x(x), d.y(y + h), d.x(x + w), d.y(y)}, uri: uri, elem: -1}
	if d.tagged() {
		l.elem = d.Struct("Link", parent)
	}
	p.links = append(p.links, l)
}

// Bookmark adds an outline entry at depth level (0 for the top) that shows the current
// page from y down.
func (d *Doc) Bookmark(title string, level int, y float64) {
	d.cur()
	d.marks = append(d.marks, bookmark{title: title, level: max(level, 0), page: len(d.pages) - 1, y: d.y(y)})
}

func (d *Doc) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// errNoPages is returned for a document without a page: PDF requires one.
var errNoPages = errors.New("pdfdoc: document has no page")

func (d *Doc) infoDict() []byte {
	var b bytes.Buffer
	b.WriteString("<<")
	for _, kv := range []struct{ k, v string }{
		{"Title", d.info.Title}, {"Subject", d.info.Subject}, {"Author", d.info.Author},
		{"Creator", d.info.Creator}, {"Producer", d.info.Producer},
	} {
		if kv.v != "" {
			fmt.Fprintf(&b, " /%s %s", kv.k, pdfString(kv.v))
		}
	}
	if !d.info.Created.IsZero() {
		date := "(D:" + d.info.Created.UTC().Format("20060102150405") + "Z)"
		fmt.Fprintf(&b, " /CreationDate %s /ModDate %s", date, date)
	}
	b.WriteString(" >>")
	return b.Bytes()
}

// outline writes the outline dictionary at id and its entries at id+1…, nested by level:
// an entry's parent is the closest entry before it with a smaller level. Every entry is
// open, so counts are the numbers of descendants.
func (d *Doc) outline(w *objWriter, id int) {
	n := len(d.marks)
	parent := make([]int, n) // index of the parent entry, -1 for the root
	stack := []int{}
	for i, m := range d.marks {
		for len(stack) > 0 && d.marks[stack[len(stack)-1]].level >= m.level {
			stack = stack[:len(stack)-1]
		}
		parent[i] = -1
		if len(stack) > 0 {
			parent[i] = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}
	first, last := make([]int, n+1), make([]int, n+1) // index n is the root
	prev, nextSib := make([]int, n), make([]int, n)
	count := make([]int, n+1)
	for i := range first {
		first[i], last[i] = -1, -1
	}
	for i := range d.marks {
		p := parent[i]
		if p < 0 {
			p = n
		}
		prev[i], nextSib[i] = last[p], -1
		if last[p] >= 0 {
			nextSib[last[p]] = i
		} else {
			first[p] = i
		}
		last[p] = i
		for a := parent[i]; a >= 0; a = parent[a] {
			count[a]++
		}
		count[n]++
	}
	obj := func(i int) int { return id + 1 + i }
	w.object(id, fmt.Appendf(nil, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>", obj(first[n]), obj(last[n]), count[n]))
	for i, m := range d.marks {
		var b bytes.Buffer
		par := id
		if parent[i] >= 0 {
			par = obj(parent[i])
		}
		fmt.Fprintf(&b, "<< /Title %s /Parent %d 0 R", pdfString(m.title), par)
		if prev[i] >= 0 {
			fmt.Fprintf(&b, " /Prev %d 0 R", obj(prev[i]))
		}
		if nextSib[i] >= 0 {
			fmt.Fprintf(&b, " /Next %d 0 R", obj(nextSib[i]))
		}
		if first[i] >= 0 {
			fmt.Fprintf(&b, " /First %d 0 R /Last %d 0 R /Count %d", obj(first[i]), obj(last[i]), count[i])
		}
		fmt.Fprintf(&b, " /Dest [%d 0 R /XYZ 0 %s null] >>", d.pages[m.page].id, num(m.y))
		w.object(obj(i), b.Bytes())
	}
}

// num formats a number with at most two decimals and no trailing zeros.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if len(s) > 3 && s[len(s)-3] == '.' {
		s = trimZeros(s)
	}
	if s == "-0" {
		return "0"
	}
	return s
}

func trimZeros(s string) string {
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

const hexDigits = "0123456789ABCDEF"

func writeHex4(b *bytes.Buffer, v uint16) {
	b.WriteByte(hexDigits[v>>12])
	b.WriteByte(hexDigits[v>>8&0xF])
	b.WriteByte(hexDigits[v>>4&0xF])
	b.WriteByte(hexDigits[v&0xF])
}

// pdfString writes a text string: literal when it is printable ASCII, else UTF-16BE with a
// byte order mark, in hexadecimal.
func pdfString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7E {
			ascii = false
			break
		}
	}
	if ascii {
		return pdfASCII(s)
	}
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		writeHex4(&b, u)
	}
	b.WriteByte('>')
	return b.String()
}

// pdfASCII writes a literal string of bytes, escaping what a literal cannot hold as is;
// bytes outside printable ASCII are written as octal escapes.
func pdfASCII(s string) string {
	var b bytes.Buffer
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c > 0x7E:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// uriASCII percent-encodes what a URI action may not hold: PDF requires 7-bit ASCII, so
// the UTF-8 bytes of an internationalized address, spaces and controls are escaped.
func uriASCII(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= 0x20 || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
