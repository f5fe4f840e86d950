package xmltree

import (
	"strings"
	"unicode/utf8"
)

// ValidChar reports whether r may appear in an XML 1.0 document.
func ValidChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// EscapeText escapes character data. A carriage return is written as a reference so it
// survives parsing; characters XML cannot carry become U+FFFD.
func EscapeText(s string) string { return escape(s, false) }

// EscapeAttr escapes an attribute value (quoted with "). White space other than the space
// is written as references, which attribute-value normalization would otherwise turn into
// spaces; characters XML cannot carry become U+FFFD.
func EscapeAttr(s string) string { return escape(s, true) }

func escape(s string, attr bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case attr && r == '"':
			b.WriteString("&quot;")
		case attr && r == '\n':
			b.WriteString("&#xA;")
		case attr && r == '\t':
			b.WriteString("&#x9;")
		case r == utf8.RuneError || !ValidChar(r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
