// Package pdf writes a localized, numbered document as a PDF in the layout of UN documents:
// A4, a first-page masthead (organ, large symbol, distribution, date, language lines), the
// title block, a running header with the symbol from page 2, page numbers at the outer edge,
// numbered paragraphs with the number hanging, lettered subparagraphs indented one step per
// level, indented quotations, and footnotes at the bottom of the page that carries their
// indicator.
//
// The layout is its own: lines are broken in logical order by measuring shaped text with the
// fonts' own advance widths, justified except for the last line of a paragraph, and
// reordered for display line by line (Unicode bidi levels, mirrored brackets), so Arabic
// (right to left) and Chinese (breaks between characters, kinsoku) share one line breaker.
// Each face is cut down to the glyphs the document draws and written, with the pages, by the
// package's own PDF serializer (internal/pdfdoc): fonts are parsed once per process, not
// once per document, and a document costs what its text costs. The PDF is tagged: headings,
// paragraphs, lists, quotations and notes form its structure tree in reading order, and the
// running head, page numbers and rules are artifacts.
//
// Fonts: Latin and Cyrillic text prints in the embedded Liberation Serif (Times New Roman's
// metric twin, so the PDF breaks lines where Word breaks the DOCX's), the same bytes on every
// machine; system fonts are searched only for the scripts it lacks (Arabic, Chinese, in the
// faces the locale prefers) or when asked (--font, --font-dir). Fonts are checked before
// use: collections (.ttc) are split into their faces, CFF-flavoured OpenType is refused with
// a message naming the file (only TrueType outlines are embedded), text is made valid UTF-8,
// and any panic is recovered into an error. A character that no font has is drawn from a
// symbol face (Symbola) when there is one, else printed as its Unicode name in brackets
// with a warning naming its line; an Arabic or Chinese letter with no font is an error
// wrapping model.ErrNoGlyph that says what to install, never a silent box.
package pdf

import (
	"context"
	"errors"

	"io"
	"strings"
	"sync"
	"time"

	"github.com/scribe-un/scribe/formats/pdf/internal/pdfdoc"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Options configure the PDF writer.
type Options struct {
	// Fonts is the process's font set, shared by every document. Nil means a set with only
	// the embedded faces (built once per writer).
	Fonts *FontSet
	// Compress deflates page content and fonts: true in production; the golden tests turn
	// it off so the files can be read.
	Compress bool
}

// setup is what one typesetting run uses besides the document.
type setup struct {
	fonts     *FontSet
	compress  bool
	deflaters *pdfdoc.Deflaters // shared by the writer's documents; nil: one per document
	trace     *strings.Builder  // tests: receives a line per drawn piece of text
}

// NewWriter returns the PDF writer.
func NewWriter(opts Options) model.Writer {
	return &writer{opts: opts}
}

type writer struct {
	opts Options

	once     sync.Once
	fallback *FontSet
	fbErr    error
	// deflaters lends compressors to the documents this writer converts, concurrently or
	// one after another.
	deflaters pdfdoc.Deflaters
}

// Format is the registry name.
func (*writer) Format() string { return "pdf" }

// Ext is the file extension.
func (*writer) Ext() string { return ".pdf" }

func (w *writer) fonts() (*FontSet, error) {
	if w.opts.Fonts != nil {
		return w.opts.Fonts, nil
	}
	w.once.Do(func() { w.fallback, w.fbErr = LoadFonts(FontOptions{NoSystem: true}) })
	return w.fallback, w.fbErr
}

// Write typesets doc and writes the PDF to out. Nothing is written when it fails.
func (w *writer) Write(ctx context.Context, out io.Writer, doc *model.Document, opts model.WriteOptions) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = model.Errorf("pdf", model.Pos{File: doc.Source}, nil, "internal error while typesetting: %v", r)
		}
	}()
	fs, err := w.fonts()
	if err != nil {
		return err
	}
	b, err := typeset(ctx, doc, opts, setup{fonts: fs, compress: w.opts.Compress, deflaters: &w.deflaters})
	if err != nil {
		return err
	}
	_, err = out.Write(b)
	return err
}

// typeset lays out and renders doc.
func typeset(ctx context.Context, doc *model.Document, opts model.WriteOptions, su setup) ([]byte, error) {
	created := opts.Created
	if created.IsZero() {
		created = fixedDate(doc.Meta.Date)
	}
	info := pdfdoc.Info{Title: safe(titleOf(doc)), Subject: safe(doc.Present.TitleBlock), Author: safe(doc.Meta.Body),
		Lang: safe(langOf(doc)), Created: created}
	if opts.Generator != "" {
		info.Creator = safe(opts.Generator)
		info.Producer = info.Creator
	}
	pdf := pdfdoc.New(pdfdoc.Options{PageWidth: pageW, PageHeight: pageH, Compress: su.compress, Deflaters: su.deflaters}, info)

	df := newDocFonts(su.fonts, typeChoiceOf(opts.Locale, doc.Present))
	if opts.Warnings != nil {
		df.warn = func(pos model.Pos, format string, args ...any) { opts.Warnings.Warn("pdf", pos, format, args...) }
	}
	l := newLayouter(ctx, df, doc)
	pages, furn, err := l.layout()
	if err != nil {
		return nil, err
	}
	r := &renderer{df: df, rtl: l.rtl, layouter: l, trace: su.trace, ops: make([]op, 0, opsEstimate(pages))}
	for i, pg := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := r.drawPage(i+1, pg, furn); err != nil {
			return nil, err
		}
	}
	if err := r.replay(pdf); err != nil {
		return nil, err
	}
	b, err := pdf.Bytes()
	if err != nil {
		var me *model.Error
		if errors.As(err, &me) {
			return nil, err
		}
		return nil, model.Errorf("pdf", model.Pos{File: doc.Source}, nil, "%v", err)
	}
	if opts.Stats != nil {
		opts.Stats.Pages = len(pages)
		opts.Stats.Fonts = opts.Stats.Fonts[:0]
		for _, f := range df.faces {
			opts.Stats.Fonts = append(opts.Stats.Fonts, f.use())
		}
	}
	return b, nil
}

// layout typesets the whole document and breaks it into pages.
func (l *layouter) layout() ([]*page, *furniture, error) {
	if err := l.front(); err != nil {
		return nil, nil, err
	}
	if err := l.build(l.doc.Blocks, 0); err != nil {
		return nil, nil, err
	}
	furn, err := l.furniture()
	if err != nil {
		return nil, nil, err
	}
	return paginate(l.blocks, mastheadTop), furn, nil
}

// typeChoiceOf reads the faces of the version's own script from its locale (from the
// presentation's font list when the caller gives no locale).
func typeChoiceOf(loc *locales.Locale, present model.Presentation) typeChoice {
	tc := typeChoice{bodyFonts: present.Fonts}
	script := ""
	switch present.Lang {
	case "ar":
		script = "Arab"
	case "zh":
		script = "Hans"
	}
	if loc != nil {
		script = loc.Script
		tc.bodyFonts, tc.headingFonts = loc.Fonts["serif"], loc.Fonts["heading"]
	}
	switch script {
	case "Arab":
		tc.docClass = classArabic
	case "Hans", "Hant":
		tc.docClass = classCJK
	}
	return tc
}

// safe makes a string valid UTF-8 without control characters.
func safe(s string) string { return clean(strings.ToValidUTF8(s, "\uFFFD")) }

func titleOf(doc *model.Document) string {
	switch {
	case doc.Meta.Title != "":
		return doc.Meta.Title
	case doc.Meta.Symbol != "":
		return doc.Meta.Symbol
	}
	return doc.Source
}

func langOf(doc *model.Document) string {
	if doc.Present.Lang != "" {
		return doc.Present.Lang
	}
	return doc.Meta.Lang
}

// fixedDate gives repeatable output when the caller sets no timestamp: the meeting date, or
// the Unix epoch.
func fixedDate(iso string) time.Time {
	if t, err := time.Parse("2006-01-02", iso); err == nil {
		return t
	}
	return time.Unix(0, 0).UTC()
}

// mastheadTop is where the first page starts.
const mastheadTop = 12.0

// front typesets the masthead and the title block of page 1.
func (l *layouter) front() error {
	p := l.doc.Present
	pos := model.Pos{File: l.doc.Source}
	var organ, symbol string
	var column []string
	for _, m := range p.Masthead {
		switch m.Key {
		case model.MastUN:
			// Drawn by the band of the masthead (next change).
		case model.MastOrgan:
			organ = m.Text
		case model.MastSymbol:
			symbol = m.Text
		default:
			if m.Text != "" {
				column = append(column, m.Text)
			}
		}
	}
	if len(p.Masthead) == 0 {
		organ, symbol = l.doc.Meta.Body, l.doc.Meta.Symbol
	}
	if organ == "" && symbol == "" && len(column) == 0 {
		return l.titleBlock()
	}
	// Top row: the organ at the start edge, bold; the symbol large at the end edge.
	const organSize, symSize = 14.0, 17.0
	symToks, err := l.tokens(textsOf(symbol), runStyle{size: symSize, nobreak: true}, pos)
	if err != nil {
		return err
	}
	symW := tokensWidth(symToks)
	if symW > colW {
		symW = colW
	}
	orgToks, err := l.tokens(textsOf(organ), runStyle{st: styleBold, size: organSize}, pos)
	if err != nil {
		return err
	}
	orgW := colW - symW - 8
	if orgW < colW/3 {
		orgW = colW / 3
	}
	rows, err := l.breakLines(orgToks, orgW, orgW)
	if err != nil {
		return err
	}
	lead := organSize * 1.15 * ptToMM
	asc := symSize * 0.95 * ptToMM
	var top []*line
	organTag, symbolTag := l.tag("P"), l.tag("P")
	if len(symToks) > 0 {
		sym := &line{toks: symToks, start: colW - symW, width: symW, end: true, asc: asc, rtl: baseRTL(symToks, l.rtl), tag: symbolTag}
		if len(rows) > 0 {
			sym.before = []*blockTag{organTag} // read the organ, then the symbol
		}
		top = append(top, sym)
	}
	for i, r := range rows {
		ln := &line{toks: r, start: 0, width: orgW, h: lead, asc: asc, rtl: baseRTL(r, l.rtl), tag: organTag}
		if i > 0 {
			ln.asc = organSize * 0.95 * ptToMM
		}
		top = append(top, ln)
	}
	if len(rows) == 0 {
		top = append(top, &line{h: symSize * 1.15 * ptToMM})
	} else if h := symSize * 1.15 * ptToMM; top[len(top)-1].h < h && len(rows) == 1 {
		top[len(top)-1].h = h
	}
	top = append(top, &line{start: 0, width: colW, rule: 0.8, h: 3})
	// The distribution column at two thirds of the width.
	colS := colW * 0.64
	for _, c := range column {
		toks, err := l.tokens(textsOf(c), runStyle{size: sizeBody}, pos)
		if err != nil {
			return err
		}
		rows, err := l.breakLines(toks, colW-colS, colW-colS)
		if err != nil {
			return err
		}
		entry := l.tag("P")
		for _, r := range rows {
			top = append(top, &line{toks: r, start: colS, width: colW - colS, h: 12 * ptToMM, asc: sizeBody * 0.95 * ptToMM, rtl: baseRTL(toks, l.rtl), tag: entry})
		}
	}
	top = append(top, &line{start: 0, width: colW, rule: 0.8, h: 4})
	l.blocks = append(l.blocks, &vblock{lines: top, after: 6 * ptSpace, keepTogether: true})
	return l.titleBlock()
}

// titleBlock typesets the title (bold) and the sentence of place and date under it.
func (l *layouter) titleBlock() error {
	pos := model.Pos{File: l.doc.Source}
	if t := l.doc.Meta.Title; t != "" {
		toks, err := l.tokens(textsOf(t), runStyle{st: styleBold, size: 14}, pos)
		if err != nil {
			return err
		}
		lines, err := l.para(toks, nil, 0, labelCol, 0, 14, 1.15, false)
		if err != nil {
			return err
		}
		tagLines(lines, l.tag("P"))
		l.blocks = append(l.blocks, &vblock{lines: lines, before: 6 * ptSpace, after: 6 * ptSpace, keepNext: true, keepTogether: true})
	}
	if t := l.doc.Present.TitleBlock; t != "" {
		toks, err := l.tokens(textsOf(t), runStyle{size: sizeBody}, pos)
		if err != nil {
			return err
		}
		lines, err := l.para(toks, nil, 0, labelCol, 0, sizeBody, l.lead, false)
		if err != nil {
			return err
		}
		tagLines(lines, l.tag("P"))
		l.blocks = append(l.blocks, &vblock{lines: lines, after: 12 * ptSpace, keepTogether: true})
	}
	return nil
}

// furniture typesets the running header and the job number.
func (l *layouter) furniture() (*furniture, error) {
	pos := model.Pos{File: l.doc.Source}
	f := &furniture{pos: pos}
	header := l.doc.Present.HeaderText
	if header == "" && len(l.doc.Present.Masthead) == 0 {
		header = l.doc.Meta.Symbol
	}
	var err error
	if header != "" {
		if f.header, err = l.tokens(textsOf(header), runStyle{st: styleBold, size: 9, nobreak: true}, pos); err != nil {
			return nil, err
		}
	}
	if job := l.doc.Present.FooterJob; job != "" {
		if f.job, err = l.tokens(textsOf(job), runStyle{size: 8, nobreak: true}, pos); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// opsEstimate is about how many drawing operations pages take (a word and the space after
// it, the label, a few per page), so the renderer allocates their list once.
func opsEstimate(pages []*page) int {
	n := 0
	for _, pg := range pages {
		n += 16
		for _, pl := range pg.lines {
			n += 2*len(pl.ln.toks) + 2
		}
		for _, fn := range pg.notes {
			for _, ln := range fn.lines {
				n += 2*len(ln.toks) + 2
			}
		}
	}
	return n
}
