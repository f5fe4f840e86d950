package opc

import (
	"bytes"
	"io"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// MaxXMLDepth caps element nesting in any part. WordprocessingML nests a few dozen levels
// even with tables in tables; a hostile part could nest millions.
const MaxXMLDepth = 256

// Decoder is a streaming XML decoder over one part that refuses DTDs and entity
// declarations (billion-laughs files) and caps element depth. Its tokens are those
// encoding/xml.Decoder.Token gives, names translated to namespace URIs, as Token structs;
// the tokenizer is scribe's own (see scanner).
type Decoder struct {
	s     *scanner
	pkg   *Package
	part  string
	depth int
	// tokens counts the tokens read, to look at the context every checkEvery of them.
	tokens int
}

// checkEvery is how often, in tokens, the decoder looks whether the conversion was
// cancelled: often enough to stop within milliseconds, rarely enough to cost nothing.
const checkEvery = 1 << 12

// Decoder returns a decoder of r, the inflated bytes of part.
func (p *Package) Decoder(r io.Reader, part string) *Decoder {
	return &Decoder{s: newScanner(r), pkg: p, part: part}
}

// Next returns the next token; io.EOF at the end of a well-formed part. Its Attr and Data
// are only valid until the following call.
func (x *Decoder) Next() (Token, error) {
	if x.tokens++; x.tokens%checkEvery == 0 {
		if err := x.pkg.ctx.Err(); err != nil {
			return Token{}, err
		}
	}
	t, err := x.s.Token()
	if err != nil {
		if err == io.EOF {
			if x.depth > 0 {
				return Token{}, model.Errorf(stage, x.Pos(), model.ErrMalformed, "XML ends inside an element")
			}
			return Token{}, io.EOF
		}
		return Token{}, x.pkg.PartError(x.part, err)
	}
	switch t.Kind {
	case StartElement:
		x.depth++
		if x.depth > MaxXMLDepth {
			return Token{}, model.Errorf(stage, x.Pos(), model.ErrTooDeep, "XML elements nest deeper than %d levels", MaxXMLDepth)
		}
	case EndElement:
		x.depth--
	case Directive:
		u := bytes.ToUpper(t.Data)
		if bytes.Contains(u, []byte("DOCTYPE")) || bytes.Contains(u, []byte("ENTITY")) {
			return Token{}, model.Errorf(stage, x.Pos(), model.ErrMalformed, "DTD or entity declarations are not allowed in a DOCX part")
		}
	}
	return t, nil
}

// Skip consumes the rest of the element whose start was just read.
func (x *Decoder) Skip() error {
	depth := 1
	for depth > 0 {
		t, err := x.Next()
		if err != nil {
			if err == io.EOF {
				return model.Errorf(stage, x.Pos(), model.ErrMalformed, "XML ends inside an element")
			}
			return err
		}
		switch t.Kind {
		case StartElement:
			depth++
		case EndElement:
			depth--
		}
	}
	return nil
}

// Pos names the package and the part, for errors.
func (x *Decoder) Pos() model.Pos { return model.Pos{File: x.pkg.name, Part: x.part} }

// Rel is one relationship of a part.
type Rel struct {
	Type, Target string
	External     bool
}

// Rels reads a relationships part by id; a missing part gives no relationships.
func (p *Package) Rels(part string) (map[string]Rel, error) {
	rc, err := p.Open(part)
	if err != nil || rc == nil {
		return nil, err
	}
	defer rc.Close()
	x := p.Decoder(rc, part)
	rels := map[string]Rel{}
	for {
		t, err := x.Next()
		if err == io.EOF {
			return rels, nil
		}
		if err != nil {
			return nil, err
		}
		if t.Kind == StartElement && t.Name.Local == "Relationship" {
			var id string
			var r Rel
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "Id":
					id = a.Value
				case "Type":
					r.Type = a.Value
				case "Target":
					r.Target = a.Value
				case "TargetMode":
					r.External = strings.EqualFold(a.Value, "External")
				}
			}
			rels[id] = r
		}
	}
}

// RelOfType returns the target of the internal relationship whose type ends with suffix,
// the one with the smallest id when there are several.
func RelOfType(rels map[string]Rel, suffix string) (string, bool) {
	best := ""
	for id, r := range rels {
		if strings.HasSuffix(r.Type, suffix) && !r.External && (best == "" || id < best) {
			best = id
		}
	}
	if best == "" {
		return "", false
	}
	return rels[best].Target, true
}
