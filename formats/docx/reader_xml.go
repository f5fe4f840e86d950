package docx

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// WordprocessingML namespaces: transitional (what Word and LibreOffice write) and strict.
// Elements are matched by namespace so DrawingML's a:p and a:t inside charts are not
// taken for paragraphs and text.
const (
	rdNSW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	rdNSWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	rdNSRel     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	rdNSRelStr  = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	rdNSMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// rdDecoder is a streaming XML decoder over one part that refuses DTDs and entity
// declarations (billion-laughs files) and caps element depth.
type rdDecoder struct {
	d     *xml.Decoder
	pkg   *rdPackage
	part  string
	depth int
}

func (p *rdPackage) decoder(r io.Reader, part string) *rdDecoder {
	d := xml.NewDecoder(r)
	d.Strict = true
	return &rdDecoder{d: d, pkg: p, part: part}
}

// next returns the next token. CharData is only valid until the following call.
func (x *rdDecoder) next() (xml.Token, error) {
	t, err := x.d.Token()
	if err != nil {
		if err == io.EOF {
			if x.depth > 0 {
				return nil, model.Errorf(rdStage, x.pos(), model.ErrMalformed, "XML ends inside an element")
			}
			return nil, io.EOF
		}
		return nil, x.pkg.partError(x.part, err)
	}
	switch t := t.(type) {
	case xml.StartElement:
		x.depth++
		if x.depth > rdMaxXMLDepth {
			return nil, model.Errorf(rdStage, x.pos(), model.ErrTooDeep, "XML elements nest deeper than %d levels", rdMaxXMLDepth)
		}
	case xml.EndElement:
		x.depth--
	case xml.Directive:
		u := bytes.ToUpper(t)
		if bytes.Contains(u, []byte("DOCTYPE")) || bytes.Contains(u, []byte("ENTITY")) {
			return nil, model.Errorf(rdStage, x.pos(), model.ErrMalformed, "DTD or entity declarations are not allowed in a DOCX part")
		}
	}
	return t, nil
}

// skip consumes the rest of the element whose start was just read.
func (x *rdDecoder) skip() error {
	depth := 1
	for depth > 0 {
		t, err := x.next()
		if err != nil {
			if err == io.EOF {
				return model.Errorf(rdStage, x.pos(), model.ErrMalformed, "XML ends inside an element")
			}
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

func (x *rdDecoder) pos() model.Pos { return model.Pos{File: x.pkg.name, Part: x.part} }

// rdIsW reports a WordprocessingML element with the given local name.
func rdIsW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == rdNSW || n.Space == rdNSWStrict)
}

// rdW reports whether the name is in a WordprocessingML namespace.
func rdW(n xml.Name) bool { return n.Space == rdNSW || n.Space == rdNSWStrict }

// rdAttr returns a WordprocessingML attribute ("w:val"), matched by local name; Word
// always qualifies them, other producers sometimes do not.
func rdAttr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == rdNSW || a.Name.Space == rdNSWStrict) {
			return a.Value, true
		}
	}
	return "", false
}

// rdRelAttr returns a relationship attribute ("r:id").
func rdRelAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == rdNSRel || a.Name.Space == rdNSRelStr) {
			return a.Value
		}
	}
	return ""
}

// rdOn reads an OOXML on/off property (<w:b/>, <w:b w:val="0"/>): absent value means on.
func rdOn(e xml.StartElement) bool {
	v, ok := rdAttr(e, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// rdRel is one relationship of a part.
type rdRel struct {
	typ, target string
	external    bool
}

// readRels reads a relationships part; a missing part gives no relationships.
func (p *rdPackage) readRels(part string) (map[string]rdRel, error) {
	rc, err := p.open(part)
	if err != nil || rc == nil {
		return nil, err
	}
	defer rc.Close()
	x := p.decoder(rc, part)
	rels := map[string]rdRel{}
	for {
		t, err := x.next()
		if err == io.EOF {
			return rels, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := t.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			var id string
			var r rdRel
			for _, a := range se.Attr {
				switch a.Name.Local {
				case "Id":
					id = a.Value
				case "Type":
					r.typ = a.Value
				case "Target":
					r.target = a.Value
				case "TargetMode":
					r.external = strings.EqualFold(a.Value, "External")
				}
			}
			rels[id] = r
		}
	}
}

// rdRelOfType returns the target of the first relationship whose type ends with suffix.
func rdRelOfType(rels map[string]rdRel, suffix string) (string, bool) {
	best := ""
	for id, r := range rels {
		if strings.HasSuffix(r.typ, suffix) && !r.external && (best == "" || id < best) {
			best = id
		}
	}
	if best == "" {
		return "", false
	}
	return rels[best].target, true
}
