// Package tmx reads and writes translation memories in TMX 1.4b, the exchange format every
// CAT tool reads. Entries are translate.TU values: scribe's protected codes become <ph>
// (with the text they stand for) and emphasis becomes <bpt>/<ept> pairs; the document
// context that allows in-context matches is kept in <prop type="x-scribe-prev"> and
// "x-scribe-next", the unit id in "x-scribe-unit".
package tmx

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/formats/internal/xmltree"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/translate"
)

// Stage is the name errors and warnings of this package carry.
const Stage = "tmx"

// Ext is the file name extension of TMX files.
const Ext = ".tmx"

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// WriteOptions configure Write.
type WriteOptions struct {
	// Generator is the creation tool and version ("scribe 0.1.0"); "scribe" when empty.
	Generator string
	// SourceLang is the header's srclang; the first entry's source language when empty.
	SourceLang string
}

// Write prints tus as a TMX 1.4b document. The output depends only on its input.
func Write(w io.Writer, tus []translate.TU, opts WriteOptions) error {
	bw := bufio.NewWriter(w)
	tool, version := "scribe", "unknown"
	if g := strings.TrimSpace(opts.Generator); g != "" {
		f := strings.Fields(g)
		tool = f[0]
		if len(f) > 1 {
			version = strings.Join(f[1:], " ")
		}
	}
	src := opts.SourceLang
	if src == "" && len(tus) > 0 {
		src = tus[0].SourceLang
	}
	if src == "" {
		src = "en"
	}
	for i, tu := range tus {
		if strings.TrimSpace(tu.SourceLang) == "" || strings.TrimSpace(tu.TargetLang) == "" {
			// TMX requires xml:lang on every <tuv>; an empty one makes the memory unusable.
			return fmt.Errorf("tmx: translation unit %d (%s) has no source or target language", i+1, tu.Unit)
		}
	}
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<tmx version="1.4">` + "\n")
	bw.WriteString(`  <header creationtool="` + xmltree.EscapeAttr(tool) + `" creationtoolversion="` + xmltree.EscapeAttr(version) +
		`" segtype="sentence" o-tmf="scribe" adminlang="en" srclang="` + xmltree.EscapeAttr(src) + `" datatype="plaintext"/>` + "\n")
	bw.WriteString("  <body>\n")
	for _, tu := range tus {
		bw.WriteString("    <tu>\n")
		for _, p := range [][2]string{{"x-scribe-unit", tu.Unit}, {"x-scribe-prev", tu.Prev}, {"x-scribe-next", tu.Next}} {
			if p[1] != "" {
				bw.WriteString(`      <prop type="` + p[0] + `">` + xmltree.EscapeAttr(p[1]) + "</prop>\n")
			}
		}
		bw.WriteString(`      <tuv xml:lang="` + xmltree.EscapeAttr(tu.SourceLang) + `"><seg>` + seg(tu.Source, tu.Codes) + "</seg></tuv>\n")
		bw.WriteString(`      <tuv xml:lang="` + xmltree.EscapeAttr(tu.TargetLang) + `"><seg>` + seg(tu.Target, tu.Codes) + "</seg></tuv>\n")
		bw.WriteString("    </tu>\n")
	}
	bw.WriteString("  </body>\n</tmx>\n")
	if err := bw.Flush(); err != nil {
		return model.Errorf(Stage, model.Pos{}, nil, "%v", err)
	}
	return nil
}

func phType(k translate.CodeKind) string {
	switch k {
	case translate.CodeDate:
		return "date"
	case translate.CodeTime:
		return "time"
	case translate.CodeFootnote:
		return "fnote"
	case translate.CodeEmphasis:
		return "italic"
	case translate.CodeStrong:
		return "bold"
	case translate.CodeLink:
		return "link"
	case "":
		return ""
	}
	return "x-" + string(k)
}

func kindOf(typ string) translate.CodeKind {
	switch typ {
	case "date":
		return translate.CodeDate
	case "time":
		return translate.CodeTime
	case "fnote":
		return translate.CodeFootnote
	case "italic":
		return translate.CodeEmphasis
	case "bold":
		return translate.CodeStrong
	case "link":
		return translate.CodeLink
	}
	if k, ok := strings.CutPrefix(typ, "x-"); ok && translate.KnownCodeKind(translate.CodeKind(k)) {
		return translate.CodeKind(k)
	}
	return ""
}

func seg(c translate.Content, codes []translate.Code) string {
	var b strings.Builder
	i := 0
	var open []int
	for _, s := range c {
		cd, _ := translate.CodeByID(codes, s.Code)
		typ := ""
		if t := phType(cd.Kind); t != "" {
			typ = ` type="` + t + `"`
		}
		switch s.Kind {
		case translate.SpanText:
			b.WriteString(xmltree.EscapeAttr(s.Text))
		case translate.SpanPlaceholder:
			b.WriteString(`<ph x="` + xmltree.EscapeAttr(s.Code) + `"` + typ + `>` + xmltree.EscapeAttr(cd.Data) + `</ph>`)
		case translate.SpanOpen:
			i++
			open = append(open, i)
			b.WriteString(`<bpt i="` + strconv.Itoa(i) + `" x="` + xmltree.EscapeAttr(s.Code) + `"` + typ + `/>`)
		case translate.SpanClose:
			n := 0
			if len(open) > 0 {
				n, open = open[len(open)-1], open[:len(open)-1]
			}
			b.WriteString(`<ept i="` + strconv.Itoa(n) + `"/>`)
		}
	}
	return b.String()
}

// ReadOptions configure Read.
type ReadOptions struct {
	// Name is the file's path as given, used in positions.
	Name string
	// Limits bound size and depth; zero fields take defaults.
	Limits model.Limits
	// Warnings receives diagnostics; nil discards them.
	Warnings *model.Warnings
}

// Read parses a TMX 1.x file into entries, one per pair of the unit's source variant with
// each other variant (the source is the tu's srclang, else the header's, else the first
// variant for "*all*"). Build a memory with translate.NewMemory.
func Read(data []byte, opts ReadOptions) (tus []translate.TU, err error) {
	root, err := xmltree.Parse(data, Stage, model.ReadOptions{Name: opts.Name, Limits: opts.Limits})
	if err != nil {
		return nil, err
	}
	pos := func(n *xmltree.Node) model.Pos { return model.Pos{File: opts.Name, Line: n.Line} }
	if root.Name.Local != "tmx" {
		return nil, model.Errorf(Stage, pos(root), model.ErrMalformed, "not a TMX file (root element <%s>)", root.Name.Local)
	}
	ns := root.Name.Space
	headerSrc := ""
	if h := root.First(ns, "header"); h != nil {
		headerSrc = h.Get("srclang")
	}
	body := root.First(ns, "body")
	if body == nil {
		return nil, model.Errorf(Stage, pos(root), model.ErrMalformed, "no <body>")
	}
	skipped := 0
	for _, tuN := range body.Elems(ns, "tu") {
		var props = map[string]string{}
		for _, p := range tuN.Elems(ns, "prop") {
			props[p.Get("type")] = strings.TrimSpace(p.TextContent())
		}
		type variant struct {
			lang    string
			content translate.Content
		}
		var vs []variant
		var codes []translate.Code
		for _, v := range tuN.Elems(ns, "tuv") {
			lang := v.Get("xml:lang")
			if lang == "" {
				lang = v.Get("lang") // TMX 1.1
			}
			s := v.First(ns, "seg")
			if s == nil || lang == "" {
				continue
			}
			vs = append(vs, variant{lang, readSeg(ns, s, &codes)})
		}
		src := cmp.Or(tuN.Get("srclang"), headerSrc)
		si := -1
		for i, v := range vs {
			if strings.EqualFold(v.lang, src) {
				si = i
				break
			}
		}
		if si < 0 && src == "*all*" && len(vs) > 0 {
			si = 0
		}
		if si < 0 || len(vs) < 2 {
			skipped++
			continue
		}
		for i, v := range vs {
			if i == si {
				continue
			}
			tus = append(tus, translate.TU{SourceLang: vs[si].lang, TargetLang: v.lang,
				Source: vs[si].content, Target: v.content, Codes: codes,
				Prev: props["x-scribe-prev"], Next: props["x-scribe-next"], Unit: props["x-scribe-unit"]})
		}
	}
	if skipped > 0 {
		opts.Warnings.Warn(Stage, model.Pos{File: opts.Name}, "%d translation units skipped: no variant in the source language or no translation", skipped)
	}
	return tus, nil
}

// readSeg converts a <seg>: <ph>, <it> and <ut> are placeholders (x or a generated id),
// <bpt>/<ept> and <hi> paired codes; <sub> text is not part of the segment.
func readSeg(ns string, n *xmltree.Node, codes *[]translate.Code) translate.Content {
	var out translate.Content
	pairs := map[string]string{} // bpt i → code id
	gen := 0
	define := func(id string, k translate.CodeKind, data string) {
		if _, ok := translate.CodeByID(*codes, id); !ok {
			*codes = append(*codes, translate.Code{ID: id, Kind: k, Data: data})
		}
	}
	idOf := func(c *xmltree.Node) string {
		if x := c.Get("x"); x != "" {
			return x
		}
		gen++
		return "t" + strconv.Itoa(gen)
	}
	var walk func(n *xmltree.Node)
	walk = func(n *xmltree.Node) {
		for _, c := range n.Children {
			if c.IsText() {
				out = append(out, translate.Span{Kind: translate.SpanText, Text: c.Text})
				continue
			}
			if c.Name.Space != ns {
				continue
			}
			switch c.Name.Local {
			case "ph", "it", "ut":
				id := idOf(c)
				define(id, kindOf(c.Get("type")), dataOf(ns, c))
				out = append(out, translate.Span{Kind: translate.SpanPlaceholder, Code: id})
			case "bpt":
				id := idOf(c)
				pairs[c.Get("i")] = id
				define(id, kindOf(c.Get("type")), "")
				out = append(out, translate.Span{Kind: translate.SpanOpen, Code: id})
			case "ept":
				if id, ok := pairs[c.Get("i")]; ok {
					out = append(out, translate.Span{Kind: translate.SpanClose, Code: id})
				}
			case "hi":
				id := idOf(c)
				define(id, kindOf(c.Get("type")), "")
				out = append(out, translate.Span{Kind: translate.SpanOpen, Code: id})
				walk(c)
				out = append(out, translate.Span{Kind: translate.SpanClose, Code: id})
			}
		}
	}
	walk(n)
	return out.Normalize().Balance()
}

// dataOf is a placeholder's native text without <sub> flows.
func dataOf(ns string, n *xmltree.Node) string {
	var b strings.Builder
	for _, c := range n.Children {
		if c.IsText() {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}
