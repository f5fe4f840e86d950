// Package pdf writes a localized, numbered document as a PDF in the layout of UN documents,
// with the page geometry the DOCX writer shares (formats/internal/geometry): A4; a
// first-page masthead (United Nations, the emblem and the organ in a band with the symbol,
// ruled; the distribution column; the session and agenda item; the title and subtitle),
// the job number with its Code 39 barcode and "Please recycle" at the first page's foot; a
// running head with the symbol over a rule and page numbers at the outer edge from page 2;
// numbered paragraphs with the number at the text block's edge and the text from the next
// tab stop, lettered subparagraphs indented one step per level, headings with their numbers
// hanging, indented quotations, footnotes at the bottom of the page that carries their
// indicator. Text is justified and hyphenated (package hyphen); pages break as word
// processors break them (widows, orphans, headings kept with what follows), so the PDF and
// the DOCX of a report have the same pages. Arabic mirrors everything; a paragraph left in
// English in an Arabic report is set left to right.
//
// The layout is its own: lines are broken in logical order by measuring shaped text with the
// fonts' own advance widths, justified except for the last line of a paragraph, and
// reordered for display line by line (Unicode bidi levels, mirrored brackets), so Arabic
// (right to left) and Chinese (breaks between characters, kinsoku) share one line breaker.
// Lines are filled first-fit and pages made, drawn and written as the lines come, so memory
// does not grow with the document: a paragraph of megabytes (a whole file on one line) is
// set in parts, with the lines and pages it would have set whole. Each face is cut down to the glyphs the document draws and written, with the pages, by the
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
	"bytes"
	"context"
	"errors"
	"io"
	"path"
	"path/filepath"
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
	// Emblem is printed in the masthead's band (LoadEmblem); nil prints none.
	Emblem *Emblem
}

// setup is what one typesetting run uses besides the document.
type setup struct {
	into      *bytes.Buffer // where the file is written; nil: a buffer of its own
	fonts     *FontSet
	compress  bool
	deflaters *pdfdoc.Deflaters // shared by the writer's documents; nil: one per document
	trace     *strings.Builder  // tests: receives a line per drawn piece of text
	emblem    *Emblem
	tune      func(*layouter) // tests: adjusts the layouter before it starts
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

// Memory, beyond the runner's base cost per byte of text (pipeline.baseCost). A paragraph
// laid out whole holds all its tokens and lines: paragraphCost per byte (a 6 MB
// one-paragraph file peaked at 846 MB when every paragraph was). From streamAbove bytes a
// paragraph is set in parts (layouter.stream), so no paragraph costs more than that much
// text's worth; besides, the file being written and the structure tree's record of every line
// grow with the text, textCost per byte (BenchmarkLongParagraph: a few bytes per byte; the
// 63 MB one-paragraph file peaks at 770 MB in all, as its JSON does).
const (
	paragraphCost = 140
	textCost      = 4
)

// PeakMemory is model.MemoryCost: the layout of the longest paragraph, up to the length from
// which paragraphs are streamed, and the file.
func (*writer) PeakMemory(doc *model.Document) int64 {
	var longest int
	model.Walk(doc.Blocks, func(b model.Block) bool {
		longest = max(longest, model.BlockTextBytes(b))
		return true
	})
	return int64(min(longest, streamAbove))*paragraphCost + int64(model.TextBytes(doc.Blocks))*textCost
}

func (w *writer) fonts() (*FontSet, error) {
	if w.opts.Fonts != nil {
		return w.opts.Fonts, nil
	}
	w.once.Do(func() { w.fallback, w.fbErr = LoadFonts(FontOptions{NoSystem: true}) })
	return w.fallback, w.fbErr
}

// Write typesets doc and writes the PDF to out. Nothing is written when it fails.
func (w *writer) Write(ctx context.Context, out io.Writer, doc *model.Document, opts model.WriteOptions) (err error) {
	fs, err := w.fonts()
	if err != nil {
		return err
	}
	su := setup{fonts: fs, compress: w.opts.Compress, deflaters: &w.deflaters, emblem: w.opts.Emblem}
	if buf, ok := out.(*bytes.Buffer); ok {
		// Written in place, pages as they are drawn; taken back if the document fails.
		su.into = buf
		start := buf.Len()
		if _, err := typeset(ctx, doc, opts, su); err != nil {
			buf.Truncate(start)
			return err
		}
		return nil
	}
	b, err := typeset(ctx, doc, opts, su)
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
	pdf := pdfdoc.New(pdfdoc.Options{PageWidth: pageW, PageHeight: pageH, Compress: su.compress, Deflaters: su.deflaters, Into: su.into}, info)

	df := newDocFonts(su.fonts, typeChoiceOf(opts.Locale, doc.Present))
	if opts.Warnings != nil {
		df.warn = func(pos model.Pos, format string, args ...any) { opts.Warnings.Warn("pdf", pos, format, args...) }
	}
	l := newLayouter(ctx, df, doc, typographyOf(opts.Locale), su.emblem)
	if opts.Locale != nil {
		l.hyph = hyphenDict(opts.Locale.Tag, opts.Locale.Script)
	}
	if su.tune != nil {
		su.tune(l)
	}
	furn, err := l.furniture()
	if err != nil {
		return nil, err
	}
	// Each page is drawn and written as soon as the paginator has filled it: the layout
	// and the drawing of a page are dropped before the next one is laid out.
	r := &renderer{df: df, rtl: l.rtl, layouter: l, trace: su.trace, fonts: map[*face]pdfdoc.FontRef{}}
	pages := 0
	err = l.paginate(func(pg *page) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		pages++
		if err := r.drawPage(pages, pg, furn); err != nil {
			return err
		}
		return r.replay(pdf)
	}, nil)
	if err != nil {
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
		opts.Stats.Pages = pages
		opts.Stats.Fonts = opts.Stats.Fonts[:0]
		for _, f := range df.faces {
			opts.Stats.Fonts = append(opts.Stats.Fonts, f.use())
		}
	}
	return b, nil
}

// layout typesets the whole document and breaks it into pages, keeping them all and every
// block in l.blocks (for tests, which look at them together).
func (l *layouter) layout() ([]*page, *furniture, error) {
	furn, err := l.furniture()
	if err != nil {
		return nil, nil, err
	}
	var pages []*page
	var all []*vblock
	err = l.paginate(func(pg *page) error { pages = append(pages, pg); return nil }, &all)
	l.blocks = all
	return pages, furn, err
}

// paginate typesets the document block by block and hands each page to emit as soon as it
// is complete. Blocks are let go once paginated, unless keep is set to collect them.
func (l *layouter) paginate(emit func(*page) error, keep *[]*vblock) error {
	p := &paginator{emit: emit}
	if err := p.newPage(); err != nil {
		return err
	}
	drain := func() error {
		for i, b := range l.blocks {
			if keep != nil {
				*keep = append(*keep, b)
			}
			l.blocks[i] = nil
			if err := p.add(b); err != nil {
				return err
			}
		}
		l.blocks = l.blocks[:0]
		return nil
	}
	l.pager, l.drain = p, drain
	defer func() { l.pager, l.drain = nil, nil }()
	if err := l.front(); err != nil {
		return err
	}
	if err := drain(); err != nil {
		return err
	}
	for _, b := range l.doc.Blocks {
		if err := l.ctx.Err(); err != nil {
			return err
		}
		if err := l.block(b, 0); err != nil {
			return err
		}
		if err := drain(); err != nil {
			return err
		}
	}
	return p.finish()
}

// typographyOf reads the body size and leading of the version's own script from its locale.
func typographyOf(loc *locales.Locale) typography {
	if loc == nil || loc.Typography.BodySize == 0 {
		return typography{}
	}
	t := typography{size: loc.Typography.BodySize, lead: loc.Typography.Leading}
	if t.lead == 0 {
		t.lead = t.size * 1.2
	}
	return t
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

// titleOf is the document's title in its metadata and a viewer's title bar: the report's
// title, else its symbol, else the line that says what met when, else its first heading,
// else the input's file name; never a path.
func titleOf(doc *model.Document) string {
	switch {
	case doc.Meta.Title != "":
		return doc.Meta.Title
	case doc.Meta.Symbol != "":
		return doc.Meta.Symbol
	case doc.Present.TitleBlock != "":
		return doc.Present.TitleBlock
	}
	for _, b := range doc.Blocks {
		if h, ok := b.(*model.Heading); ok {
			if t := strings.TrimSpace(model.PlainText(h.Inlines)); t != "" {
				return t
			}
		}
	}
	// The file's name, without its folders (which may say more than the document should)
	// and extension; nothing for standard input.
	name := path.Base(filepath.ToSlash(doc.Source))
	if doc.Source == "" || doc.Source == "-" || name == "." || name == "/" {
		return ""
	}
	return strings.TrimSuffix(name, path.Ext(name))
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
