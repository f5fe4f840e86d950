package read

import (
	"encoding/xml"
	"strings"
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
