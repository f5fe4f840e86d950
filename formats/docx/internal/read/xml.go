package read

import (
	"encoding/xml"
	"strings"

	"github.com/scribe-un/scribe/formats/docx/internal/opc"
)

// WordprocessingML namespaces: transitional (what Word and LibreOffice write) and strict.
// Elements are matched by namespace so DrawingML's a:p and a:t inside charts are not
// taken for paragraphs and text.
const (
	nsW         = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict   = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsRel       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRelStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	nsMC        = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// isW reports a WordprocessingML element with the given local name.
func isW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == nsW || n.Space == nsWStrict)
}

// inW reports whether the name is in a WordprocessingML namespace.
func inW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// attr returns a WordprocessingML attribute ("w:val"), matched by local name; Word
// always qualifies them, other producers sometimes do not.
func attr(e opc.Token, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == nsW || a.Name.Space == nsWStrict) {
			return a.Value, true
		}
	}
	return "", false
}

// relAttr returns a relationship attribute ("r:id").
func relAttr(e opc.Token, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == nsRel || a.Name.Space == nsRelStrict) {
			return a.Value
		}
	}
	return ""
}

// isOn reads an OOXML on/off property (<w:b/>, <w:b w:val="0"/>): absent value means on.
func isOn(e opc.Token) bool {
	v, ok := attr(e, "val")
	if !ok {
		return true
	}
	switch strings.ToLower(v) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}
