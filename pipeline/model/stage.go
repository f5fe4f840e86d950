package model

import (
	"context"
	"io"
	"time"

	"github.com/scribe-un/scribe/locales"
)

// Limits bound the resources one input may use. The zero value of a field means "use the
// default"; see DefaultLimits.
type Limits struct {
	// MaxInputBytes caps the size of an input file as read from disk.
	MaxInputBytes int64
	// MaxPartBytes caps one inflated part of an archive (a DOCX's word/document.xml).
	MaxPartBytes int64
	// MaxInflatedBytes caps all inflated parts of one archive together.
	MaxInflatedBytes int64
	// MaxDepth caps nesting: list levels, XML element depth.
	MaxDepth int
	// MaxBlocks caps the blocks (headings, paragraphs, items…) of one document. Writers
	// hold a whole document in memory, a typeset PDF about 170 bytes per byte of text, so a
	// hostile file of a million lines must be refused, not typeset over 26,000 pages.
	MaxBlocks int
	// MaxMemory caps the memory the conversion of one input is expected to need, estimated
	// from the input's size before reading and from its text and the output formats before
	// writing (see MemoryCost). Zero leaves the choice to the runner (a share of the
	// machine's memory).
	MaxMemory int64
}

// Default limits: generous for real notes, small enough that a hostile file cannot exhaust
// memory on a 2-core, shared build machine.
const (
	DefaultMaxInputBytes    = 64 << 20
	DefaultMaxPartBytes     = 64 << 20
	DefaultMaxInflatedBytes = 256 << 20
	DefaultMaxDepth         = 32
	// DefaultMaxBlocks is far above any real report (a long session's summary records run to
	// a few thousand paragraphs).
	DefaultMaxBlocks = 200_000
)

// WithDefaults returns l with every zero field set to its default.
func (l Limits) WithDefaults() Limits {
	if l.MaxInputBytes <= 0 {
		l.MaxInputBytes = DefaultMaxInputBytes
	}
	if l.MaxPartBytes <= 0 {
		l.MaxPartBytes = DefaultMaxPartBytes
	}
	if l.MaxInflatedBytes <= 0 {
		l.MaxInflatedBytes = DefaultMaxInflatedBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxBlocks <= 0 {
		l.MaxBlocks = DefaultMaxBlocks
	}
	return l
}

// CheckInput refuses an input of n bytes above MaxInputBytes (its default when unset) with
// an ErrTooLarge error naming the file: every reader's first check.
func (l Limits) CheckInput(stage, name string, n int) error {
	max := l.WithDefaults().MaxInputBytes
	if int64(n) > max {
		return Errorf(stage, Pos{File: name}, ErrTooLarge, "%d bytes, more than the limit of %d", n, max)
	}
	return nil
}

// ReadOptions are given to every reader. Readers that infer structure from text need
// Locales; other zero fields mean default limits, warnings discarded, language detected.
type ReadOptions struct {
	// Name is the input's path as the user gave it, used in positions and messages.
	Name string
	// Limits bound what the reader may allocate; zero fields take defaults.
	Limits Limits
	// Warnings receives diagnostics; nil discards them.
	Warnings *Warnings
	// SourceLang is the language of the notes when the user states it (--source-lang);
	// empty means: from front matter, else detected from the script.
	SourceLang string
	// Locales is the locale data readers consult (month names, masthead labels, reporting
	// verbs): the built-in set, or the set overlaid with the user's corrections. It is the
	// only route by which locale data reaches a reader; readers that need it and find nil
	// fail with ErrLanguage.
	Locales *locales.Set
}

// NewDocument is the empty document a reader starts from: named after the input, in the
// language --source-lang states (when it does; readers that find the language in the
// input set it themselves, and the stated language still wins).
func (o ReadOptions) NewDocument() *Document {
	return &Document{Source: o.Name, Meta: Metadata{OriginalLang: o.SourceLang}}
}

// LocaleSet returns o.Locales, or an ErrLanguage error of stage naming the input when the
// caller gave none.
func (o ReadOptions) LocaleSet(stage string) (*locales.Set, error) {
	if o.Locales == nil {
		return nil, Errorf(stage, Pos{File: o.Name}, ErrLanguage, "no locale data (ReadOptions.Locales is nil)")
	}
	return o.Locales, nil
}

// Reader turns the bytes of one input into a document. Readers set structure (headings,
// paragraphs, lists, quotations) and whatever metadata the source states explicitly; they do
// not number anything.
type Reader interface {
	// Format is the registry name ("notes", "markdown", "docx", "html").
	Format() string
	Read(ctx context.Context, data []byte, opts ReadOptions) (*Document, error)
}

// Env is what normalizers may consult: the locale data, the output locale and the place to
// report warnings.
type Env struct {
	// Locales is the whole locale data (built-in or overlaid); source-language normalizers
	// (metadata, speakers) look up the notes' language in it. It is the only route by which
	// locale data reaches a normalizer.
	Locales *locales.Set
	// Locale of the output language; nil before a language is chosen.
	Locale *locales.Locale
	// Warnings receives diagnostics; nil discards them.
	Warnings *Warnings
}

// Transform is one normalizer: an in-place rewrite of the document. Every transform must be
// idempotent: applying it twice gives the same document as applying it once.
type Transform interface {
	Name() string
	Apply(ctx context.Context, doc *Document, env *Env) error
}

// WriteOptions are given to every writer. Format-specific settings (fonts, reference DOCX)
// belong to the writer's own constructor options, not here.
type WriteOptions struct {
	// Locale is the output language's data (labels, directions, numbering formats).
	Locale *locales.Locale
	// Created is the timestamp stamped into the output (document properties, PDF dates,
	// zip entries). Callers fix it from metadata or SOURCE_DATE_EPOCH for repeatable output.
	Created time.Time
	// Generator names the producing program and version ("scribe 0.1.0").
	Generator string
	// Warnings receives diagnostics; nil discards them.
	Warnings *Warnings
	// Stats, when non-nil, receives facts about the written file for the run report;
	// each writer fills what applies to it (a PDF its pages and fonts).
	Stats *OutputStats
	// DocumentRead, when set, is called once the writer has read everything it needs from
	// the document, before it assembles the file. The runner sets it only for the last
	// output of an input, when nothing else holds the document: the model of a long input
	// can then be collected and its memory reused for the file instead of growing the heap.
	// A writer may ignore it.
	DocumentRead func()
}

// OutputStats are facts about one written file, for --report and --skip-unchanged.
type OutputStats struct {
	// Pages is the page count of a paginated format (PDF); 0 for the others.
	Pages int
	// Fonts are the faces embedded in the file, in order of first use.
	Fonts []FontUse
}

// FontUse names one font face a file embeds, precisely enough to tell whether two
// machines typeset with the same font.
type FontUse struct {
	Family string `json:"family"`
	Style  string `json:"style"`
	// Source is the font file the face was read from, or "embedded" for a face built
	// into scribe.
	Source string `json:"source"`
	// SHA256 is the hash of the face's font data (the face alone, for a collection).
	SHA256 string `json:"sha256"`
}

// MemoryCost is implemented by a writer whose peak memory can be above the document's own:
// the PDF writer lays out a paragraph at once (up to a length). The runner uses it to
// refuse, before writing, an input that would exceed Limits.MaxMemory.
type MemoryCost interface {
	// PeakMemory estimates the writer's peak memory in bytes for doc, beyond what the
	// document itself holds, from measurements rounded up.
	PeakMemory(doc *Document) int64
}

// Writer prints a localized, numbered document in one format.
type Writer interface {
	// Format is the registry name ("docx", "pdf", "json", "md").
	Format() string
	// Ext is the file name extension including the dot (".docx").
	Ext() string
	Write(ctx context.Context, w io.Writer, doc *Document, opts WriteOptions) error
}
