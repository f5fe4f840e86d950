// Package docx reads and writes Word documents (Office Open XML WordprocessingML) with
// archive/zip and encoding/xml, no third-party library.
//
// The reader (internal/read) and the writer (internal/write) share nothing but the package
// container, internal/opc, which opens zip parts under size limits for the reader and for
// the writer's reference document. This package is their public face for the registry.
package docx

import (
	"github.com/scribe-un/scribe/formats/docx/internal/read"
	"github.com/scribe-un/scribe/formats/docx/internal/write"
	"github.com/scribe-un/scribe/pipeline/model"
)

// WriterOptions configure the DOCX writer. The zero value writes the built-in UN look.
type WriterOptions = write.Options

// NewReader returns the DOCX reader. It holds no state and is safe for concurrent use.
func NewReader() model.Reader { return read.New() }

// NewWriter returns the DOCX writer. A reference document in opts is parsed and checked
// once, here: a file that is not a .docx or lacks word/styles.xml is an error naming it.
// The writer is immutable afterwards and safe for concurrent use.
func NewWriter(opts WriterOptions) (model.Writer, error) { return write.New(opts) }
