// Package notes reads raw meeting notes typed as plain text: no markup, or only a few light
// cues ("# " headings, "> " quotations, a YAML front-matter block for metadata). It decodes
// the bytes (UTF-8, UTF-16 with a byte order mark, or Windows-1252), splits off the front
// matter, and hands the text to the structure-inference engine (formats/internal/infer),
// which every reader of unstructured text shares and which documents the rules.
package notes

import (
	"context"

	"github.com/scribe-un/scribe/formats/internal/frontmatter"
	"github.com/scribe-un/scribe/formats/internal/infer"
	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names this reader in errors and warnings.
const stage = "notes"

type reader struct{}

// New returns the reader of raw notes; its Format is "notes".
func New() model.Reader { return reader{} }

// Format returns "notes".
func (reader) Format() string { return "notes" }

// Read decodes data (UTF-8, UTF-16 with BOM or Windows-1252), splits off a YAML front-matter
// block into doc.Meta, and infers the structure of the body. Positions are lines of the file,
// front matter included. opts.Locales is required.
func (reader) Read(ctx context.Context, data []byte, opts model.ReadOptions) (*model.Document, error) {
	if err := opts.Limits.CheckInput(stage, opts.Name, len(data)); err != nil {
		return nil, err
	}
	// The engine copies the lines it keeps (and the front matter is parsed from a copy), so
	// the text may be data itself.
	text, err := textenc.Borrowed(stage, data, opts)
	if err != nil {
		return nil, err
	}
	fm, body, err := frontmatter.Split(stage, opts.Name, text, opts.Warnings)
	if err != nil {
		return nil, err
	}
	first := 1
	if fm != nil {
		first = fm.Lines + 1
	}
	return infer.Text(ctx, body, first, opts, fm)
}
