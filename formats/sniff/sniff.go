// Package sniff guesses the format of an input from its content, for when the file name has
// no extension, comes from standard input, or lies (a Word document renamed minutes.txt).
// It looks at the first few kilobytes only, and at the zip central directory for DOCX, so
// it is cheap enough to run on every input before choosing a reader.
package sniff

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/scribe-un/scribe/internal/lazyre"
)

// headSize is how much of a text input the sniffer reads. Markdown and HTML show their
// nature in the first lines; reading more would only make sniffing slower.
const headSize = 8 << 10

// Format guesses the input format from content: "docx" (a zip holding word/document.xml),
// "json" (scribe's own JSON document), "html", "irc" (a chat log or W3C text minutes),
// "rst", "mediawiki", "org" (see markup.go), "markdown" (front matter, # headings, or
// Markdown lists together with other Markdown signs), "notes" (any other text), a foreign
// kind (see ForeignKind: an XLIFF file, a font, a PDF, an image, another archive) or ""
// (binary, empty or unknown).
func Format(data []byte) string {
	if len(data) == 0 {
		return ""
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		if isDocx(data) {
			return "docx"
		}
		if isOpenDocument(data) {
			return "office"
		}
		return "archive"
	}
	if kind := foreignContent(data); kind != "" {
		return kind
	}
	text, ok := headText(data)
	if !ok {
		return ""
	}
	switch {
	case looksScribeJSON(text):
		return "json"
	case looksHTML(text):
		return "html"
	case looksIRC(text):
		return "irc"
	case looksRST(text):
		return "rst"
	case looksMediaWiki(text):
		return "mediawiki"
	case looksOrg(text):
		return "org"
	case looksMarkdown(text):
		return "markdown"
	}
	return "notes"
}

// FromExtension maps a file name's extension to a format: ".txt" "notes", ".md" and
// ".markdown" "markdown", ".html" and ".htm" "html", ".docx" "docx", ".json" "json", a
// foreign kind for files that are not notes (".xlf" "xliff", ".ttf" "font"; see
// ForeignKind); "" when unknown.
func FromExtension(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return "notes"
	case ".md", ".markdown":
		return "markdown"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".docx":
		return "docx"
	case ".json":
		return "json"
	case ".mediawiki", ".wiki":
		return "mediawiki"
	case ".rst", ".rest":
		return "rst"
	case ".irc":
		return "irc"
	case ".org":
		return "org"
	}
	return foreignExtensions[strings.ToLower(filepath.Ext(path))]
}

// scribeJSONSchema opens the envelope the JSON writer prints: {"schema": "scribe-document/N".
var scribeJSONSchema = lazyre.New(`^\{\s*"schema"\s*:\s*"scribe-document/`)

// looksScribeJSON is true for scribe's own JSON document, which always starts with its
// schema field, so a report written with --to json converts again without --from.
func looksScribeJSON(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n")
	return strings.HasPrefix(t, "{") && scribeJSONSchema.MatchString(t)
}

// isDocx reads the zip central directory (at the end of the file, so a large document costs
// no more than a small one) and looks for the main document part. When the directory is
// unreadable (a truncated download), the local header names near the start still tell a
// Word file: they are stored uncompressed.
func isDocx(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err == nil {
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				return true
			}
		}
		return false
	}
	head := data[:min(len(data), 64<<10)]
	return bytes.Contains(head, []byte("word/document.xml")) ||
		(bytes.Contains(head, []byte("[Content_Types].xml")) && bytes.Contains(head, []byte("word/")))
}

// isOpenDocument recognises an OpenDocument package (.odt, .ods) by its mimetype entry.
func isOpenDocument(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name == "mimetype" {
			return true
		}
	}
	return false
}

// headText returns the first headSize bytes as text, or false when they look binary.
// UTF-16 with a byte order mark is decoded; a UTF-8 sequence cut by the head limit is
// tolerated; NUL bytes and other control bytes mean binary.
func headText(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16Head(data)
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "", false
	}
	head := data[:min(len(data), headSize)]
	controls := 0
	for _, b := range head {
		switch {
		case b == 0:
			return "", false
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v', b == 0x7F:
			controls++
		}
	}
	if controls > 8 && controls*100 > len(head) {
		return "", false
	}
	// Windows-1252 text is still text: invalid UTF-8 bytes do not make it binary, and the
	// structural signs looked for below are all ASCII.
	return string(head), len(bytes.TrimSpace(head)) > 0
}

func utf16Head(data []byte) (string, bool) {
	big := data[0] == 0xFE
	data = data[2:]
	n := min(len(data), 2*headSize) &^ 1
	u := make([]uint16, 0, n/2)
	for i := 0; i+1 < n; i += 2 {
		if big {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	s := string(utf16.Decode(u))
	if strings.ContainsRune(s, 0) {
		return "", false
	}
	return s, strings.TrimSpace(s) != ""
}

// htmlStart matches the opening of an HTML document or fragment: a doctype, the html,
// head or body element, or a comment (Word's "Save as Web Page" and many e-mail clients
// start with one).
var htmlStart = lazyre.New(`(?i)^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<!--)`)

// htmlBlockTag matches the block-level tags pasted HTML fragments are made of.
var htmlBlockTag = lazyre.New(`(?i)<(?:p|div|br|h[1-6]|ul|ol|li|table|tr|td|blockquote|span)[\s/>]`)

// looksHTML is true for text that starts like an HTML document, or that starts with a tag
// and holds several block-level tags (a fragment copied from a web page or an e-mail).
// Markdown files may contain inline HTML, but they do not start with a tag and then
// consist of tags.
func looksHTML(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\f")
	if htmlStart.MatchString(t) {
		if strings.HasPrefix(t, "<!--") {
			return htmlBlockTag.MatchString(t)
		}
		return true
	}
	return strings.HasPrefix(t, "<") && len(htmlBlockTag.FindAllStringIndex(t, 3)) >= 2
}

var (
	// atxHeading is a Markdown "# Heading" line (one to six hashes, a space, text).
	atxHeading = lazyre.New(`(?m)^ {0,3}#{1,6}[ \t]+\S`)
	// setextUnderline is a line of = or - under a text line.
	setextUnderline = lazyre.New(`(?m)^\S[^\n]*\n {0,3}(?:=+|-{3,})[ \t]*\r?$`)
	// mdList is a Markdown bullet or ordered list line.
	mdList = lazyre.New(`(?m)^ {0,3}(?:[*+-]|\d{1,9}[.)])[ \t]+\S`)
	// mdInline matches inline Markdown: links, strong emphasis, code spans, fences.
	mdInline = lazyre.New("\\[[^\\]\n]+\\]\\([^)\n]+\\)|\\*\\*[^*\n]+\\*\\*|__[^_\n]+__|`[^`\n]+`|(?m:^```)")
	// frontMatterKey is a "key: value" line inside front matter.
	frontMatterKey = lazyre.New(`(?m)^[A-Za-z_][\w-]*:`)
)

// looksMarkdown decides between Markdown and plain notes. Plain notes use bullets too
// ("- item", "· item"), so a list alone is not enough: Markdown needs front matter, an ATX
// heading, a setext heading, or lists together with inline Markdown (links, **strong**,
// `code`, fences). Two or more inline signs alone also count.
//
// Each pattern is tried only when the text holds a character it cannot match without: the
// patterns start at every line or byte, so running them over the 8 KB head of every plain
// .txt input of a batch cost close to a millisecond per input.
func looksMarkdown(text string) bool {
	if hasFrontMatter(text) || (strings.Contains(text, "#") && atxHeading.MatchString(text)) {
		return true
	}
	inline := 0
	if strings.ContainsAny(text, "[*_`") {
		inline = len(mdInline.FindAllStringIndex(text, 2))
	}
	setext := (strings.Contains(text, "=") || strings.Contains(text, "---")) && setextUnderline.MatchString(text)
	if setext && (inline > 0 || mdList.MatchString(text)) {
		return true
	}
	return inline >= 2 || (inline >= 1 && mdList.MatchString(text))
}

// hasFrontMatter reports a YAML block fenced by "---" lines at the top with at least one
// key. A "---" rule followed by prose is not front matter.
func hasFrontMatter(text string) bool {
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimRight(first, " \t\r") != "---" {
		return false
	}
	for line := range strings.Lines(rest) {
		t := strings.TrimRight(line, " \t\r\n")
		if t == "---" || t == "..." {
			return true
		}
		if t != "" && !frontMatterKey.MatchString(t) && !strings.HasPrefix(t, " ") && !strings.HasPrefix(t, "\t") && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "- ") {
			return false
		}
	}
	return false
}
