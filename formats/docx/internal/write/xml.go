package write

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlWriter is the writer's small XML builder. encoding/xml's Encoder cannot be used for
// WordprocessingML: it rewrites namespace prefixes (Word insists on none of that, but every
// consumer expects the conventional "w:" prefix) and gives no control over child order. The
// builder writes exactly what it is told, escaping every attribute value and text node, so
// each part is assembled by one small function per element and no string is ever spliced
// together from unescaped input.
type xmlWriter struct {
	b bytes.Buffer
}

// xmlHeader is the declaration every part starts with.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Namespaces used by the parts the writer produces.
const (
	nsMain   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsRel    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsCT     = "http://schemas.openxmlformats.org/package/2006/content-types"
)

func newXMLWriter() *xmlWriter {
	x := &xmlWriter{}
	x.b.WriteString(xmlHeader)
	return x
}

// attrs writes name="value" pairs; attrs must have an even length (name, value, …).
func (x *xmlWriter) attrs(kv []string) {
	for i := 0; i+1 < len(kv); i += 2 {
		x.b.WriteByte(' ')
		x.b.WriteString(kv[i])
		x.b.WriteString(`="`)
		escape(&x.b, kv[i+1])
		x.b.WriteByte('"')
	}
}

// open writes a start tag.
func (x *xmlWriter) open(name string, kv ...string) {
	x.b.WriteByte('<')
	x.b.WriteString(name)
	x.attrs(kv)
	x.b.WriteByte('>')
}

// close writes an end tag.
func (x *xmlWriter) close(name string) {
	x.b.WriteString("</")
	x.b.WriteString(name)
	x.b.WriteByte('>')
}

// empty writes a self-closing element.
func (x *xmlWriter) empty(name string, kv ...string) {
	x.b.WriteByte('<')
	x.b.WriteString(name)
	x.attrs(kv)
	x.b.WriteString("/>")
}

// val writes the very common <name w:val="v"/>.
func (x *xmlWriter) val(name, v string) { x.empty(name, "w:val", v) }

// ival writes <name w:val="n"/> for an integer.
func (x *xmlWriter) ival(name string, n int) { x.empty(name, "w:val", strconv.Itoa(n)) }

// textElem writes <name>escaped text</name> with the given attributes.
func (x *xmlWriter) textElem(name, text string, kv ...string) {
	x.open(name, kv...)
	escape(&x.b, text)
	x.close(name)
}

// raw appends markup that is already well-formed XML (parts copied from a reference
// document). Never call it with user text.
func (x *xmlWriter) raw(s []byte) { x.b.Write(s) }

func (x *xmlWriter) bytes() []byte { return x.b.Bytes() }

// flushTo passes what the builder holds on to w and empties it.
func (x *xmlWriter) flushTo(w io.Writer) error {
	_, err := w.Write(x.b.Bytes())
	x.b.Reset()
	return err
}

// escape escapes s for use in text and attribute values. xml.EscapeText also replaces
// characters XML 1.0 forbids (control characters) with U+FFFD, so a stray form feed in the
// notes cannot make Word refuse the file. Most text needs nothing of that: the part before
// the first character that does is copied as it is, which is what EscapeText would write.
func escape(b *bytes.Buffer, s string) {
	i := plainPrefix(s)
	b.WriteString(s[:i])
	if i < len(s) {
		_ = xml.EscapeText(b, []byte(s[i:])) // writes to a bytes.Buffer cannot fail
	}
}

// plainPrefix returns the length of the longest prefix of s that xml.EscapeText writes
// unchanged: no markup character, no tab or line break (escaped as character references),
// no character outside the XML 1.0 range and no invalid UTF-8.
func plainPrefix(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\'' || c == '&' || c == '<' || c == '>' {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			return i
		}
		i += n
	}
	return len(s)
}
