// Package json reads and writes scribe's document model as JSON, for scripts and for
// round-trip tests. The form is stable: an envelope {"schema": "scribe-document/1",
// "document": {…}} whose document follows pipeline's tagged JSON (every block carries a
// "type"). Field names only ever get added within a schema version.
package json

import (
	"bytes"
	"context"
	stdjson "encoding/json"
	"errors"
	"io"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Schema identifies the version of the JSON form.
const Schema = "scribe-document/1"

type envelope struct {
	Schema   string          `json:"schema"`
	Document *model.Document `json:"document"`
}

type writer struct{}

// NewWriter returns the JSON writer (Format "json", extension ".json").
func NewWriter() model.Writer { return writer{} }

func (writer) Format() string { return "json" }
func (writer) Ext() string    { return ".json" }

// Write prints the document, indented, with a final newline. The encoder writes to w once,
// when the whole document is encoded, so nothing is written on an error; w is not given
// a copy of that output through a buffer of its own (the size of a large input again).
func (writer) Write(_ context.Context, w io.Writer, doc *model.Document, _ model.WriteOptions) error {
	enc := stdjson.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(envelope{Schema: Schema, Document: doc})
}

type reader struct{}

// NewReader returns the JSON reader (Format "json"): it accepts what the writer prints.
func NewReader() model.Reader { return reader{} }

func (reader) Format() string { return "json" }

// Read decodes a document written by the JSON writer.
func (reader) Read(_ context.Context, data []byte, opts model.ReadOptions) (*model.Document, error) {
	pos := model.Pos{File: opts.Name}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, model.Errorf("json", pos, model.ErrEmpty, "file is empty")
	}
	if depth := maxDepth(data); depth > 4*opts.Limits.WithDefaults().MaxDepth+16 {
		return nil, model.Errorf("json", pos, model.ErrTooDeep, "nesting depth %d", depth)
	}
	var env envelope
	dec := stdjson.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&env); err != nil {
		var se *stdjson.SyntaxError
		if errors.As(err, &se) {
			pos.Line = 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		}
		return nil, model.Errorf("json", pos, model.ErrMalformed, "%v", err)
	}
	if env.Schema != Schema || env.Document == nil {
		return nil, model.Errorf("json", pos, model.ErrMalformed, "not a scribe document (schema %q, want %q)", env.Schema, Schema)
	}
	if env.Document.Source == "" {
		env.Document.Source = opts.Name
	}
	return env.Document, nil
}

// maxDepth measures bracket nesting without decoding, so a hostile file cannot make the
// decoder recurse deeply.
func maxDepth(data []byte) int {
	depth, max := 0, 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
			if depth > max {
				max = depth
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return max
}
