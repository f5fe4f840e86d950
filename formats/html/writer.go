package html

import (
	"bufio"
	"context"
	_ "embed"
	"fmt"
	"io"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// reportCSS is the UN house style for screen and print. Every rule is scoped under
// .un-report, so the stylesheet can also style a report embedded in another page (the
// review page of `scribe serve` links it as /assets/report.css).
//
//go:embed report.css
var reportCSS string

// Stylesheet returns the house stylesheet the writer embeds in every document.
func Stylesheet() string { return reportCSS }

// NewWriter returns the HTML writer (Format "html", extension ".html"): the report as one
// self-contained, semantic HTML5 document in UN house style. The masthead is a header, the
// title the one h1, chapters and sections h2 and h3 with their printed numbers, paragraphs
// carry their numbers in a hanging label, subparagraphs are ordered lists whose labels are the
// model's ("(a)", "a)", "(أ)"), quotations blockquotes, footnotes endnotes linked both ways.
// The language and direction are set on the root (right to left for Arabic; the CSS uses
// logical properties, so the layout mirrors), and a print stylesheet sets A4 pages. The
// writer prints the numbers and labels the normalizers stored; it decides none itself.
//
// Links keep only the http, https and mailto schemes; any other target is printed as text.
func NewWriter() model.Writer { return writer{} }

type writer struct{}

func (writer) Format() string { return "html" }
func (writer) Ext() string    { return ".html" }

// Write prints doc as an HTML document.
func (writer) Write(ctx context.Context, w io.Writer, doc *model.Document, opts model.WriteOptions) error {
	hw := &htmlWriter{w: bufio.NewWriter(w), ctx: ctx}
	hw.document(doc, opts)
	if hw.err != nil {
		return hw.err
	}
	return hw.w.Flush()
}

// htmlWriter prints one document. err keeps the first failure; later prints do nothing.
type htmlWriter struct {
	w   *bufio.Writer
	ctx context.Context
	err error
	// notes collects footnote contents in order of their markers.
	notes [][]model.Inline
}

func (h *htmlWriter) raw(s string) {
	if h.err == nil {
		_, h.err = h.w.WriteString(s)
	}
}

// text prints s escaped for element content and attribute values alike.
func (h *htmlWriter) text(s string) { h.raw(escape(s)) }

// attr prints ` name="value"`, escaped; nothing when value is empty.
func (h *htmlWriter) attr(name, value string) {
	if value != "" {
		h.raw(" " + name + `="` + escape(value) + `"`)
	}
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

func escape(s string) string { return escaper.Replace(s) }

func (h *htmlWriter) document(doc *model.Document, opts model.WriteOptions) {
	lang, dir := docLang(doc, opts)
	h.raw("<!DOCTYPE html>\n<html")
	h.attr("lang", lang)
	h.attr("dir", dir)
	h.raw(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	if opts.Generator != "" {
		h.raw("<meta name=\"generator\"")
		h.attr("content", opts.Generator)
		h.raw(">\n")
	}
	if !opts.Created.IsZero() {
		h.raw("<meta name=\"dcterms.created\"")
		h.attr("content", opts.Created.UTC().Format("2006-01-02T15:04:05Z"))
		h.raw(">\n")
	}
	h.raw("<title>")
	h.text(docTitle(doc))
	h.raw("</title>\n<style>\n")
	h.raw(reportCSS)
	h.raw(pageCSS(doc))
	h.raw("</style>\n</head>\n<body>\n")
	h.article(doc)
	h.raw("</body>\n</html>\n")
}

// article prints the report itself, the part an embedding page shows.
func (h *htmlWriter) article(doc *model.Document) {
	h.raw("<article class=\"un-report\"")
	lang, dir := docLang(doc, model.WriteOptions{})
	h.attr("lang", lang)
	h.attr("dir", dir)
	h.raw(">\n")
	h.masthead(doc)
	h.titles(doc)
	for _, b := range doc.Blocks {
		if h.err == nil {
			h.err = h.ctx.Err()
		}
		h.block(b)
	}
	h.footnotes()
	if job := doc.Present.FooterJob; job != "" {
		h.raw("<footer class=\"un-footer\"><p class=\"un-job\">")
		h.text(job)
		h.raw("</p></footer>\n")
	}
	h.raw("</article>\n")
}

// docLang is the version's language and direction, from the presentation the localize
// normalizer computed, else the writer's locale.
func docLang(doc *model.Document, opts model.WriteOptions) (lang, dir string) {
	lang, dir = doc.Present.Lang, string(doc.Present.Dir)
	if lang == "" {
		lang = doc.Meta.Lang
	}
	if opts.Locale != nil {
		if lang == "" {
			lang = opts.Locale.Tag
		}
		if dir == "" {
			dir = opts.Locale.Direction
		}
	}
	return lang, dir
}

// docTitle is the document's title for the browser tab: the title, else the running header
// (the symbol), else the organ, else the input's name.
func docTitle(doc *model.Document) string {
	for _, s := range []string{doc.Meta.Title, doc.Present.HeaderText, doc.Meta.Symbol, doc.Meta.Body} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return doc.Source
}

// pageCSS is the part of the print stylesheet that depends on the document: the running
// header (the symbol) at the top of every page after the first, and the page number.
// Browsers that do not support page-margin boxes ignore it.
func pageCSS(doc *model.Document) string {
	var b strings.Builder
	b.WriteString("@page { @bottom-right { content: counter(page); } }\n")
	if t := strings.TrimSpace(doc.Present.HeaderText); t != "" {
		b.WriteString("@page :first { @top-right { content: none; } }\n")
		b.WriteString("@page { @top-right { content: " + cssString(t) + "; font-weight: bold; } }\n")
	}
	return b.String()
}

// cssString quotes s as a CSS string that cannot end the string or the style element.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r == '<' || r == '>' || r == '&' || r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
