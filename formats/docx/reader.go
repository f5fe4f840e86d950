package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// rdStage names the DOCX reader in errors and warnings.
const rdStage = "docx"

// rdMaxXMLDepth caps element nesting in any part. WordprocessingML nests a few dozen levels
// even with tables in tables; a hostile part could nest millions.
const rdMaxXMLDepth = 256

// rdMainPart is where the main document part lives when the package relationships do not
// say otherwise.
const rdMainPart = "word/document.xml"

type rdReader struct{}

// NewReader returns the DOCX reader: WordprocessingML read with archive/zip and a streaming
// encoding/xml decoder, no third-party library. Paragraph styles give headings (by style
// name, outline level and the basedOn chain, so localized style ids such as "Titre1" work),
// numbering.xml gives bullet and numbered lists, quote styles give quotations, footnotes
// and endnotes become footnote runs, tables stay tables, tracked insertions are kept and
// deletions dropped, fields are reduced to their results. A document typed as plain
// paragraphs (no heading style, list, quote style or table) goes through the notes
// inference, so it gets the structure the same text would get as a .txt file. The reader
// holds no state and is safe for concurrent use.
func NewReader() model.Reader { return rdReader{} }

// Format returns "docx".
func (rdReader) Format() string { return "docx" }

// Read parses a .docx package. Errors wrap pipeline.ErrMalformed (not a zip, truncated,
// missing main part, bad XML, DTD declarations), ErrTooLarge (a part or the whole inflated
// package over the limits, as in a zip bomb) or ErrTooDeep, and name the file and the part.
func (rdReader) Read(ctx context.Context, data []byte, opts model.ReadOptions) (doc *model.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, model.Errorf(rdStage, model.Pos{File: opts.Name}, model.ErrMalformed, "internal error reading the document: %v", p)
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := opts.Limits.CheckInput(rdStage, opts.Name, len(data)); err != nil {
		return nil, err
	}
	set, err := opts.LocaleSet(rdStage)
	if err != nil {
		return nil, err
	}
	limits := opts.Limits.WithDefaults()
	pkg, err := rdOpen(data, opts.Name, limits)
	if err != nil {
		return nil, err
	}
	r := &rdState{ctx: ctx, pkg: pkg, opts: opts, name: opts.Name, locales: set}
	return r.read()
}

// rdPackage is an opened zip with the read budget of one conversion.
type rdPackage struct {
	zr     *zip.Reader
	name   string
	limits model.Limits
	// left is what may still be inflated across all parts.
	left int64
}

func rdOpen(data []byte, name string, limits model.Limits) (*rdPackage, error) {
	if len(data) == 0 {
		return nil, model.Errorf(rdStage, model.Pos{File: name}, model.ErrEmpty, "file is empty")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		what := "not a DOCX file (not a zip archive)"
		if bytes.HasPrefix(data, []byte("PK")) {
			what = "damaged or truncated DOCX file"
		}
		return nil, model.Errorf(rdStage, model.Pos{File: name}, model.ErrMalformed, "%s: %v", what, err)
	}
	return &rdPackage{zr: zr, name: name, limits: limits, left: limits.MaxInflatedBytes}, nil
}

// find returns the zip entry of a part, matching case-insensitively as a fallback since
// some producers vary the case of part names.
func (p *rdPackage) find(part string) *zip.File {
	var loose *zip.File
	for _, f := range p.zr.File {
		n := strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/")
		if n == part {
			return f
		}
		if loose == nil && strings.EqualFold(n, part) {
			loose = f
		}
	}
	return loose
}

// rdErrLimit is returned by rdLimitReader; it carries the sentinel and the detail.
type rdErrLimit struct{ msg string }

func (e *rdErrLimit) Error() string { return e.msg }

// rdLimitReader stops a part's inflation as soon as it passes the part limit or the
// package's remaining budget, so a zip bomb fails after reading at most the limit.
type rdLimitReader struct {
	r        io.Reader
	pkg      *rdPackage
	partLeft int64
}

func (l *rdLimitReader) Read(b []byte) (int, error) {
	budget := min(l.partLeft, l.pkg.left)
	if int64(len(b)) > budget+1 {
		b = b[:budget+1]
	}
	n, err := l.r.Read(b)
	l.partLeft -= int64(n)
	l.pkg.left -= int64(n)
	switch {
	case l.partLeft < 0:
		return n, &rdErrLimit{fmt.Sprintf("part inflates to more than %d bytes (limit MaxPartBytes)", l.pkg.limits.MaxPartBytes)}
	case l.pkg.left < 0:
		return n, &rdErrLimit{fmt.Sprintf("package inflates to more than %d bytes in all (limit MaxInflatedBytes)", l.pkg.limits.MaxInflatedBytes)}
	}
	return n, err
}

// open returns a reader of a part's inflated bytes under the limits; nil, nil when the part
// does not exist.
func (p *rdPackage) open(part string) (io.ReadCloser, error) {
	f := p.find(part)
	if f == nil {
		return nil, nil
	}
	pos := model.Pos{File: p.name, Part: part}
	if f.UncompressedSize64 > uint64(p.limits.MaxPartBytes) {
		return nil, model.Errorf(rdStage, pos, model.ErrTooLarge,
			"part declares %d bytes, more than the limit of %d", f.UncompressedSize64, p.limits.MaxPartBytes)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, model.Errorf(rdStage, pos, model.ErrMalformed, "cannot open part: %v", err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&rdLimitReader{r: rc, pkg: p, partLeft: p.limits.MaxPartBytes}, rc}, nil
}

// partError turns an error met while reading a part into a pipeline error naming it.
func (p *rdPackage) partError(part string, err error) error {
	pos := model.Pos{File: p.name, Part: part}
	var pe *model.Error
	var le *rdErrLimit
	switch {
	case errors.As(err, &pe):
		return err
	case errors.As(err, &le):
		return model.Errorf(rdStage, pos, model.ErrTooLarge, "%s", le.msg)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	}
	return model.Errorf(rdStage, pos, model.ErrMalformed, "%v", err)
}

// resolve joins a relationship target to the folder of the part that names it.
func rdResolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(path.Dir(from), target)), "/")
}
