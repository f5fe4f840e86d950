// Package docx reads and writes Word documents (Office Open XML WordprocessingML) with
// archive/zip and the standard library's XML support, no third-party library (the reader
// tokenizes parts itself, in internal/opc, for speed; the writer uses encoding/xml).
//
// The reader (internal/read) and the writer (internal/write) share nothing but the package
// container, internal/opc, which opens zip parts under size limits for the reader and for
// the writer's reference document. This package is their public face for the registry.
package docx

import (
	"context"
	"encoding/binary"
	"path"
	"strings"

	"github.com/scribe-un/scribe/formats/docx/internal/opc"
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

// ReferenceEmblem returns the organisation's emblem found in a reference document, for the
// masthead of the PDF, which has no template to copy it from: the PNG picture named
// "emblem" (as scribe names it), else the first (by part name) that could be an emblem, not
// a barcode or a banner: no wider or taller than three times its other side. ok is false
// when the document has none.
func ReferenceEmblem(data []byte) (png []byte, name string, ok bool) {
	pkg, err := opc.Open(context.Background(), data, "reference.docx", model.Limits{}.WithDefaults())
	if err != nil {
		return nil, "", false
	}
	for _, named := range []bool{true, false} {
		for _, part := range pkg.Parts() {
			lower := strings.ToLower(part)
			if !strings.HasPrefix(part, "word/media/") || !strings.HasSuffix(lower, ".png") ||
				named != strings.Contains(path.Base(lower), "emblem") {
				continue
			}
			b, err := pkg.ReadPart(part)
			if err != nil || len(b) < 24 || string(b[1:4]) != "PNG" {
				continue
			}
			w, h := binary.BigEndian.Uint32(b[16:]), binary.BigEndian.Uint32(b[20:])
			if w == 0 || h == 0 || w > 3*h || h > 3*w {
				continue
			}
			return b, part, true
		}
	}
	return nil, "", false
}
