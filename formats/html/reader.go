// Package html reads meeting notes pasted from the web or saved from an e-mail client or a
// word processor as HTML into scribe's document model.
//
// Parsing uses golang.org/x/net/html, the HTML5 tree builder, so any tag soup gives a tree.
// The mapping follows the Markdown reader's: h1–h6 become headings (a single h1 at the top
// is the title), p and text-bearing div elements become numbered paragraphs, ul/ol become
// subparagraph lists of the paragraph before them, blockquote becomes a quotation, b/strong
// and i/em (and the equivalent inline styles of pasted word-processor HTML) become strong
// and emphasis runs, a becomes a link, and data tables are kept as tables. script, style,
// head and form controls are ignored.
//
// HTML without any of that structure (the <div>/<br> soup of an e-mail) is read line by
// line by the notes inference, like a .txt file.
//
// The package also writes reports as HTML (NewWriter, `--to html`): semantic, accessible,
// right to left where the language is, with the house stylesheet for screen and print.
package html

import (
	"bytes"
	"context"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/scribe-un/scribe/formats/internal/textenc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// stage names this reader in errors and warnings.
const stage = "html"

// maxElementDepth caps element nesting. Real pages and e-mails nest a few dozen levels;
// a hostile file could nest millions.
const maxElementDepth = 256

type reader struct{}

// NewReader returns the HTML reader. It holds no state and is safe for concurrent use.
func NewReader() model.Reader { return reader{} }

// Format returns "html".
func (reader) Format() string { return "html" }

// Read parses data as HTML. Errors wrap pipeline.ErrEmpty, ErrBinary, ErrEncoding,
// ErrTooLarge or ErrTooDeep and name the file.
func (reader) Read(ctx context.Context, data []byte, opts model.ReadOptions) (doc *model.Document, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := opts.Limits.CheckInput(stage, opts.Name, len(data)); err != nil {
		return nil, err
	}
	text, err := decode(data, opts)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(blankDoctypeSubset(text)))
	if err != nil {
		return nil, model.Errorf(stage, model.Pos{File: opts.Name}, model.ErrMalformed, "%v", err)
	}
	c := &converter{ctx: ctx, src: text, name: opts.Name, opts: opts, line: 1}
	doc = opts.NewDocument()
	if err := c.document(root, doc); err != nil {
		return nil, err
	}
	if len(doc.Blocks) == 0 && len(doc.Front) == 0 {
		return nil, model.Errorf(stage, model.Pos{File: opts.Name}, model.ErrEmpty, "no text in the HTML body")
	}
	return doc, nil
}

// blankDoctypeSubset blanks the internal subset of a DOCTYPE (<!DOCTYPE html [ … ]>), which
// HTML does not have: the HTML parser ends the DOCTYPE at the first ">" inside it and would
// print the rest ("]>") as text. Entities declared there are not expanded (HTML knows only
// its own). Newlines are kept, so line numbers still match the file.
func blankDoctypeSubset(text string) string {
	// A DOCTYPE comes first (after a BOM, blanks or comments): only the head is searched.
	start := indexFold(text[:min(len(text), 4096)], "<!doctype")
	if start < 0 {
		return text
	}
	open := -1
	for i := start; i < len(text) && text[i] != '>'; i++ {
		if text[i] == '[' {
			open = i
			break
		}
	}
	if open < 0 {
		return text
	}
	var quote byte
	for i := open + 1; i < len(text); i++ {
		switch c := text[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == ']':
			b := []byte(text)
			for j := open; j <= i; j++ {
				if b[j] != '\n' {
					b[j] = ' '
				}
			}
			return string(b)
		}
	}
	return text
}

// indexFold is strings.Index ignoring ASCII case, for a lower-case sub.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// decode turns the bytes into UTF-8. UTF-8 and files with a byte order mark go through
// the shared text decoder; other bytes are decoded with the charset the page declares in a
// <meta> element when it names one (Shift_JIS, KOI8-R, GB2312…), else as Windows-1252.
func decode(data []byte, opts model.ReadOptions) (string, error) {
	bom := bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
	if !bom && !utf8.Valid(data) {
		if _, name, _ := charset.DetermineEncoding(data[:min(len(data), 1024)], "text/html"); name != "" && name != "windows-1252" && name != "utf-8" {
			if r, err := charset.NewReaderLabel(name, bytes.NewReader(data)); err == nil {
				if out, err := io.ReadAll(r); err == nil && utf8.Valid(out) {
					dec, err := textenc.Decode(stage, opts.Name, out)
					if err != nil {
						return "", err
					}
					opts.Warnings.Warn(stage, model.Pos{File: opts.Name}, "file is %s as its <meta> element declares; converted", name)
					return dec.Text, nil
				}
			}
		}
	}
	return textenc.Text(stage, data, opts)
}
