// Package read is the DOCX reader: WordprocessingML parsed with a streaming tokenizer into the
// document model.
package read

import (
	"context"

	"github.com/scribe-un/scribe/formats/docx/internal/opc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names the DOCX reader in errors and warnings.
const stage = "docx"

// mainPart is where the main document part lives when the package relationships do not
// say otherwise.
const mainPart = "word/document.xml"

type docxReader struct{}

// New returns the DOCX reader: WordprocessingML read with archive/zip and a streaming
// XML tokenizer of scribe's own (opc.Decoder, standard library only). Paragraph styles
// give headings (by style name, outline level and the basedOn chain, so localized style ids
// such as "Titre1" work), numbering.xml gives bullet and numbered lists, quote styles give
// quotations, footnotes and endnotes become footnote runs, tables stay tables, tracked
// insertions are kept and deletions dropped, fields are reduced to their results. A document typed as plain
// paragraphs (no heading style, list, quote style or table) goes through the notes
// inference, so it gets the structure the same text would get as a .txt file. The reader
// holds no state and is safe for concurrent use.
func New() model.Reader { return docxReader{} }

// Format returns "docx".
func (docxReader) Format() string { return "docx" }

// Read parses a .docx package. Errors wrap pipeline.ErrMalformed (not a zip, truncated,
// missing main part, bad XML, DTD declarations), ErrTooLarge (a part or the whole inflated
// package over the limits, as in a zip bomb) or ErrTooDeep, and name the file and the part.
func (docxReader) Read(ctx context.Context, data []byte, opts model.ReadOptions) (doc *model.Document, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := opts.Limits.CheckInput(stage, opts.Name, len(data)); err != nil {
		return nil, err
	}
	set, err := opts.LocaleSet(stage)
	if err != nil {
		return nil, err
	}
	limits := opts.Limits.WithDefaults()
	pkg, err := opc.Open(ctx, data, opts.Name, limits)
	if err != nil {
		return nil, err
	}
	r := &docState{ctx: ctx, pkg: pkg, opts: opts, name: opts.Name, locales: set}
	return r.read()
}
