// Package opc opens Open Packaging Conventions packages, the zip container of a .docx, with a
// read budget: parts are found by name, inflated under a per-part and a whole-package limit
// (so a zip bomb fails after reading at most the limit, whatever its headers declare), and
// XML parts are decoded with DTDs refused and element depth capped. The DOCX reader and the
// writer's reference document both read packages through it.
package opc

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names DOCX packages in errors.
const stage = "docx"

// Package is an opened zip with the read budget of one conversion. It is not safe for
// concurrent use: reading a part spends the shared budget.
type Package struct {
	ctx    context.Context
	zr     *zip.Reader
	name   string
	limits model.Limits
	// left is what may still be inflated across all parts.
	left int64
}

// Open opens data as a package named name (the file, for errors). limits.MaxPartBytes caps
// one inflated part and limits.MaxInflatedBytes all of them together. Empty data is
// model.ErrEmpty; data that is not a zip archive is model.ErrMalformed. Decoding stops with
// ctx's error once ctx is done.
func Open(ctx context.Context, data []byte, name string, limits model.Limits) (*Package, error) {
	if len(data) == 0 {
		return nil, model.Errorf(stage, model.Pos{File: name}, model.ErrEmpty, "file is empty")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		what := "not a DOCX file (not a zip archive)"
		if bytes.HasPrefix(data, []byte("PK")) {
			what = "damaged or truncated DOCX file"
		}
		return nil, model.Errorf(stage, model.Pos{File: name}, model.ErrMalformed, "%s: %v", what, err)
	}
	return &Package{ctx: ctx, zr: zr, name: name, limits: limits, left: limits.MaxInflatedBytes}, nil
}

// Parts lists the package's part names in name order.
func (p *Package) Parts() []string {
	out := make([]string, 0, len(p.zr.File))
	for _, f := range p.zr.File {
		out = append(out, strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))
	}
	sort.Strings(out)
	return out
}

// Name is the package's file name, as given to Open.
func (p *Package) Name() string { return p.name }

// find returns the zip entry of a part, matching case-insensitively as a fallback since
// some producers vary the case of part names.
func (p *Package) find(part string) *zip.File {
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

// Has reports whether the package holds the part.
func (p *Package) Has(part string) bool { return p.find(part) != nil }

// limitError is returned by limitReader; it carries the detail until PartError names the part.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }

// limitReader stops a part's inflation as soon as it passes the part limit or the
// package's remaining budget.
type limitReader struct {
	r        io.Reader
	pkg      *Package
	partLeft int64
}

func (l *limitReader) Read(b []byte) (int, error) {
	budget := min(l.partLeft, l.pkg.left)
	if int64(len(b)) > budget+1 {
		b = b[:budget+1]
	}
	n, err := l.r.Read(b)
	l.partLeft -= int64(n)
	l.pkg.left -= int64(n)
	switch {
	case l.partLeft < 0:
		return n, &limitError{fmt.Sprintf("part inflates to more than %d bytes (limit MaxPartBytes)", l.pkg.limits.MaxPartBytes)}
	case l.pkg.left < 0:
		return n, &limitError{fmt.Sprintf("package inflates to more than %d bytes in all (limit MaxInflatedBytes)", l.pkg.limits.MaxInflatedBytes)}
	}
	return n, err
}

// Open returns a reader of a part's inflated bytes under the limits; nil, nil when the part
// does not exist. Errors met while reading it go through PartError.
func (p *Package) Open(part string) (io.ReadCloser, error) {
	f := p.find(part)
	if f == nil {
		return nil, nil
	}
	pos := model.Pos{File: p.name, Part: part}
	if f.UncompressedSize64 > uint64(p.limits.MaxPartBytes) {
		return nil, model.Errorf(stage, pos, model.ErrTooLarge,
			"part declares %d bytes, more than the limit of %d", f.UncompressedSize64, p.limits.MaxPartBytes)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, model.Errorf(stage, pos, model.ErrMalformed, "cannot open part: %v", err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&limitReader{r: rc, pkg: p, partLeft: p.limits.MaxPartBytes}, rc}, nil
}

// ReadPart returns a whole part's bytes under the limits; nil, nil when it does not exist.
func (p *Package) ReadPart(part string) ([]byte, error) {
	rc, err := p.Open(part)
	if err != nil || rc == nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, p.PartError(part, err)
	}
	return b, nil
}

// PartError turns an error met while reading a part into a model error naming it: over a
// limit is model.ErrTooLarge, cancellation is returned as it is, anything else is
// model.ErrMalformed.
func (p *Package) PartError(part string, err error) error {
	pos := model.Pos{File: p.name, Part: part}
	var pe *model.Error
	var le *limitError
	switch {
	case errors.As(err, &pe):
		return err
	case errors.As(err, &le):
		return model.Errorf(stage, pos, model.ErrTooLarge, "%s", le.msg)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	}
	return model.Errorf(stage, pos, model.ErrMalformed, "%v", err)
}

// Resolve joins a relationship target to the folder of the part that names it.
func Resolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(path.Dir(from), target)), "/")
}

// RelsName is the relationships part of a part: word/document.xml → word/_rels/document.xml.rels.
func RelsName(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}
