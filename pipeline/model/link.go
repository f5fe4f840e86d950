package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// LinkTarget is the one place where scribe decides which link targets a document may
// carry. Every reader asks it before making a KindLink run, the clean transform asks it
// again for models built any other way (JSON read back, library callers), and every writer
// asks it before printing a hyperlink, a PDF /URI action or a DOCX relationship.
//
// raw is first cleaned the way a browser would read it: control characters, byte order
// marks, zero-width and bidi format characters are removed wherever they are (so
// "\x01javascript:" and "\uFEFFjavascript:" are seen as the javascript: they are), spaces
// at the ends are trimmed and inner spaces percent-encoded. The target is kept when its
// scheme is http or https with something after "//", or mailto with an address; ok is
// false for any other scheme (javascript:, data:, file:, vbscript:, ftp:…), for relative
// links and fragments, whose text then stays as plain text.
func LinkTarget(raw string) (target string, ok bool) {
	if !utf8.ValidString(raw) {
		return "", false
	}
	u := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, raw)
	u = strings.TrimSpace(u)
	if strings.IndexFunc(u, unicode.IsSpace) >= 0 {
		u = strings.Join(strings.FieldsFunc(u, unicode.IsSpace), "%20")
	}
	colon := strings.IndexByte(u, ':')
	if colon <= 0 {
		return "", false
	}
	rest := u[colon+1:]
	switch strings.ToLower(u[:colon]) {
	case "http", "https":
		if !strings.HasPrefix(rest, "//") || len(strings.TrimLeft(rest, "/")) == 0 {
			return "", false
		}
	case "mailto":
		if !strings.Contains(rest, "@") {
			return "", false
		}
	default:
		return "", false
	}
	return u, true
}

// LinkRun returns the run a reader makes for a link with the given text and target: a
// KindLink run when LinkTarget keeps the target, otherwise a plain text run of the text
// (or of the target when the text is empty), so nothing the notes say is lost.
func LinkRun(text, raw string, line int) Inline {
	if u, ok := LinkTarget(raw); ok {
		return Inline{Kind: KindLink, Text: text, URL: u, Line: line}
	}
	if text == "" {
		text = raw
	}
	return Inline{Kind: KindText, Text: text, Line: line}
}
