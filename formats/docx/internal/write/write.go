// Package write is the DOCX writer: it prints a numbered, localized document as a UN-style report: a masthead on the
// first page, named styles a user can restyle in one place, and real Word numbering (never
// typed-in numbers), so that paragraph 14 stays consistent when a user inserts a paragraph
// above it and Word renumbers. It writes the XML itself with a small escaping builder and
// archive/zip; part order, zip timestamps and ids are fixed, so the same input gives the
// same bytes.
package write

import (
	"context"
	"io"
	"strconv"
	"strings"
	"time"

	geo "github.com/scribe-un/scribe/formats/internal/geometry"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stageName is the stage name in the writer's errors and warnings.
const stageName = "docx"

// Options configure the DOCX writer. The zero value writes the built-in UN look.
type Options struct {
	// ReferenceDoc is an organisation's template .docx (bytes); styles, numbering look, page
	// setup, header and footer are taken from it (as pandoc's --reference-doc). nil = built-in UN look.
	ReferenceDoc []byte
	// ReferenceName names the reference document in error messages (its path).
	ReferenceName string
	// Emblem is a PNG printed in the masthead (--emblem); nil prints none. EmblemName
	// names it in messages.
	Emblem     []byte
	EmblemName string
}

// docxWriter is the pipeline.Writer for DOCX. It is immutable after New and safe for
// concurrent use: every Write builds its own state.
type docxWriter struct {
	ref    *referenceDoc // nil without a reference document
	emblem *emblem       // nil without an emblem
	zip    *deflateCache // compressors and recurring compressed parts, shared by every Write
}

// New returns the DOCX writer. A reference document is parsed and checked once, here:
// a file that is not a zip archive or has no word/styles.xml is an error naming the file.
func New(opts Options) (model.Writer, error) {
	w := &docxWriter{zip: newDeflateCache()}
	if opts.ReferenceDoc != nil {
		name := opts.ReferenceName
		if name == "" {
			name = "reference.docx"
		}
		ref, err := loadReference(name, opts.ReferenceDoc)
		if err != nil {
			return nil, err
		}
		w.ref = ref
	}
	if opts.Emblem != nil {
		name := opts.EmblemName
		if name == "" {
			name = "emblem.png"
		}
		e, err := loadEmblem(opts.Emblem, name)
		if err != nil {
			return nil, err
		}
		w.emblem = e
	}
	return w, nil
}

// Format is the registry name.
func (*docxWriter) Format() string { return "docx" }

// Ext is the file name extension.
func (*docxWriter) Ext() string { return ".docx" }

// Write prints doc as a .docx package to out. The whole package is built in memory first, so
// a failure never leaves half an archive behind in out.
func (w *docxWriter) Write(ctx context.Context, out io.Writer, doc *model.Document, opts model.WriteOptions) (err error) {
	if doc == nil {
		return model.Errorf(stageName, model.Pos{}, model.ErrMalformed, "no document")
	}
	ow := &outWriter{w: out}
	pos := docPos(doc) // doc itself is not kept alive past build (see DocumentRead)
	if err := w.build(ctx, ow, doc, opts); err != nil {
		if ow.err != nil {
			return model.Errorf(stageName, pos, nil, "writing output: %v", ow.err)
		}
		return err
	}
	return nil
}

// outWriter is the writer's output: it keeps the first error, which is then reported as
// the output's rather than the zip's, and passes a Grow on to an output that has one.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}

// Grow grows the output when it can (a bytes.Buffer), once, before the package is written.
func (o *outWriter) Grow(n int) {
	if g, ok := o.w.(interface{ Grow(int) }); ok {
		g.Grow(n)
	}
}

// build renders every part and zips them into out.
func (w *docxWriter) build(ctx context.Context, out io.Writer, doc *model.Document, opts model.WriteOptions) error {
	loc := opts.Locale
	if loc == nil {
		return model.Errorf(stageName, docPos(doc), model.ErrLanguage, "no output locale (WriteOptions.Locale is nil)")
	}
	look := newLook(doc, loc)
	st := &docState{
		ctx:    ctx,
		doc:    doc,
		loc:    loc,
		look:   look,
		num:    newNumPlan(loc),
		warn:   opts.Warnings,
		ref:    w.ref,
		emblem: w.emblem,
		depth:  model.DefaultMaxDepth,
	}
	st.barcode, st.barcodeWidth = barcodePNG(doc.Meta.JobNumber)
	if doc.Present.FooterJob == "" {
		st.barcode = nil
	}
	if w.ref != nil {
		st.num.look = w.ref.numLook
	}
	// word/document.xml is compressed as it is printed; the package is assembled around it
	// once the relationships and footnotes it collects are known.
	body := w.zip.streamPart()
	defer body.release()
	if err := st.document(body); err != nil {
		return err
	}
	if err := body.finish(); err != nil {
		return model.Errorf(stageName, docPos(doc), nil, "zip: %v", err)
	}
	var rels *streamingPart
	if len(st.links) > 0 {
		rels = w.zip.streamPart()
		defer rels.release()
		err := st.documentRels(rels)
		if err == nil {
			err = rels.finish()
		}
		if err != nil {
			return model.Errorf(stageName, docPos(doc), nil, "zip: %v", err)
		}
	}
	parts := st.parts(body, rels, opts)
	// Every part is printed: the document is not read again, and a long one's model is most
	// of the memory in use while the package is zipped.
	st.doc = nil
	if opts.DocumentRead != nil {
		opts.DocumentRead()
	}
	return zipParts(out, w.zip, parts, zipTime(opts.Created))
}

// docPos is the position errors about the whole document carry.
func docPos(doc *model.Document) model.Pos {
	if doc == nil {
		return model.Pos{}
	}
	return model.Pos{File: doc.Source}
}

// docState is everything one Write call accumulates: numbering instances, footnotes and
// hyperlink relationships, all in first-use order so output is deterministic.
type docState struct {
	ctx   context.Context
	doc   *model.Document
	loc   *locales.Locale
	look  docLook
	num   *numPlan
	warn  *model.Warnings
	ref   *referenceDoc
	depth int
	// emblem is the masthead's picture; barcode the first page's, barcodeWidth its width
	// on the page (mm). Nil when there is none.
	emblem       *emblem
	barcode      []byte
	barcodeWidth float64

	footnotes [][]model.Inline // footnote i+1's content
	links     []string         // hyperlink targets; relationship ids follow the fixed parts
}

// docLook is the typography of one language version: fonts for the four rFonts slots, sizes
// and language tags. It is derived from the locale, never from package state.
type docLook struct {
	rtl                 bool
	latin, eastAsia, cs string
	// eastAsiaHead is the face of Chinese headings and titles (Hei), eastAsia the body's.
	eastAsiaHead string
	// extraLead raises the leading of right-to-left paragraphs, points: the locale sets
	// Arabic larger (13 on 18 points instead of 10 on 12).
	extraLead              float64
	lang, langEA, langBidi string
	size, sizeCS           int // half-points
	tag                    string
	fontsUsed              []string
}

// langRegion maps a language to the tag Word's proofing tools and hyphenation use. English
// is en-US: the PDF hyphenates with the American patterns, the ones LibreOffice and Word
// apply to en-US text, so the three break the same words.
var langRegion = map[string]string{
	"en": "en-US", "fr": "fr-FR", "es": "es-ES", "ru": "ru-RU", "zh": "zh-CN", "ar": "ar-SA",
}

// newLook picks fonts and language tags. ascii/hAnsi carry Latin (and Cyrillic) text, so
// they take the locale's first serif font for Latin and Cyrillic languages and Times New
// Roman otherwise; eastAsia is SimSun (the UN's Chinese face), cs the locale's Arabic face
// for Arabic. Untranslated English text inside the Chinese or Arabic version therefore still
// prints in Times New Roman.
func newLook(doc *model.Document, loc *locales.Locale) docLook {
	fonts := doc.Present.Fonts
	if len(fonts) == 0 {
		fonts = loc.Fonts["serif"]
	}
	first := "Times New Roman"
	if len(fonts) > 0 && fonts[0] != "" {
		first = fonts[0]
	}
	l := docLook{
		rtl: loc.RTL() || doc.Present.Dir == model.RTL, latin: "Times New Roman", eastAsia: "SimSun",
		cs: "Times New Roman", size: 20, sizeCS: 20, tag: loc.Tag,
		lang: "en-US", langEA: "zh-CN", langBidi: "ar-SA",
	}
	switch loc.Script {
	case "Latn", "Cyrl":
		l.latin, l.cs = first, first
		if r := langRegion[loc.Tag]; r != "" {
			l.lang = r
		}
	case "Hans", "Hant":
		l.eastAsia = first
		if h := loc.Fonts["heading"]; len(h) > 0 && h[0] != "" {
			l.eastAsiaHead = h[0]
		}
	case "Arab":
		l.cs = first
	}
	if l.eastAsiaHead == "" {
		l.eastAsiaHead = l.eastAsia
	}
	if t := loc.Typography; t.BodySize > 0 {
		// Arabic script at 10 pt reads as small as 8 pt Latin: the locale sets it larger.
		l.sizeCS = geo.HalfPoints(t.BodySize)
		if t.Leading > 0 {
			l.extraLead = t.Leading - geo.Leading
		}
	}
	seen := map[string]bool{}
	for _, f := range []string{l.latin, l.eastAsia, l.eastAsiaHead, l.cs} {
		if !seen[f] {
			seen[f] = true
			l.fontsUsed = append(l.fontsUsed, f)
		}
	}
	return l
}

// zipTime is the timestamp of every zip entry: the document's creation time, clamped to the
// range MS-DOS dates can hold, so the archive is byte-identical for the same input.
func zipTime(t time.Time) time.Time {
	lo := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(2107, 12, 31, 0, 0, 0, 0, time.UTC)
	if t.IsZero() || t.Before(lo) {
		return lo
	}
	if t.After(hi) {
		return hi
	}
	return t.UTC().Truncate(2 * time.Second)
}

// generator is the creator and application name stamped into docProps.
func generator(opts model.WriteOptions) string {
	if g := strings.TrimSpace(opts.Generator); g != "" {
		return g
	}
	return "scribe"
}

// checkCtx reports cancellation as an error of this stage.
func (st *docState) checkCtx() error {
	if err := st.ctx.Err(); err != nil {
		return model.Errorf(stageName, docPos(st.doc), nil, "%v", err)
	}
	return nil
}

// warnf records a warning about a block.
func (st *docState) warnf(pos model.Pos, format string, args ...any) {
	st.warn.Warn(stageName, pos, format, args...)
}

// itoa is strconv.Itoa under a short name for attribute values.
func itoa(n int) string { return strconv.Itoa(n) }

// hasRTL reports whether s contains a strong right-to-left character (Arabic or Hebrew), which
// decides w:rtl on runs and w:bidi on paragraphs whose direction follows their content.
func hasRTL(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x0590 && r <= 0x08FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
			return true
		}
	}
	return false
}
