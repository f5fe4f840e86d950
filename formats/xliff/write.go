// Package xliff writes scribe's translation units as XLIFF 2.0 (OASIS Standard, the default)
// or XLIFF 1.2, and reads translated files of either version back as translate.Translations.
//
// What goes where, in 2.0: one <file> whose original attribute is the document fingerprint
// ("sha256:…", repeated in a file note); one <unit> per block with the block id; sentence
// <segment>s and <ignorable> white space; protected codes as <ph> with
// canCopy="no" canDelete="no" pointing into <originalData>; emphasis as <pc>; notes for the
// paragraph number, heading, speaker and role; memory and machine-translation candidates in
// the Translation Candidates module (<mtc:matches>), glossary entries in the Glossary module
// (<gls:glossary>). Exact memory matches pre-fill a segment's target with state="initial"
// and subState="scribe:tm-exact" (or "scribe:tm-in-context"): pre-filled text is a proposal
// until a translator marks it translated.
//
// In 1.2: <trans-unit> with <source>, <seg-source> (<mrk mtype="seg">), protected codes as
// <ph> carrying their text (so tools that flatten codes, such as Translate Toolkit's
// xliff2po, keep it), emphasis as <g>, candidates as <alt-trans>, notes (role, number,
// speaker, glossary entries as "Term: …") as <note from="developer">, the origin Translate
// Toolkit keeps as PO extracted comments ("#.") through xliff2po and po2xliff. A target is
// pre-filled only when every segment has an exact match, with
// state="needs-review-translation" and state-qualifier="exact-match".
//
// The module schemas are not shipped with scribe; module elements sit at the core schema's
// extension points (processed laxly), so files validate against xliff-core-2.0.xsd.
package xliff

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scribe-un/scribe/formats/internal/xmltree"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/translate"
)

// Stage is the name errors and warnings of this package carry.
const Stage = "xliff"

// The XLIFF versions and namespaces scribe writes and reads.
const (
	Version20 = "2.0"
	Version12 = "1.2"

	NS20  = "urn:oasis:names:tc:xliff:document:2.0"
	NS12  = "urn:oasis:names:tc:xliff:document:1.2"
	NS11  = "urn:oasis:names:tc:xliff:document:1.1"
	NSMTC = "urn:oasis:names:tc:xliff:matches:2.0"
	NSGLS = "urn:oasis:names:tc:xliff:glossary:2.0"
)

// Ext is the file name extension of XLIFF files.
const Ext = ".xlf"

// WriteOptions configure Write. The zero value writes XLIFF 2.0.
type WriteOptions struct {
	// Version is "2.0" (default) or "1.2".
	Version string
	// Generator names the producing program ("scribe 0.1.0"), written as a note or tool.
	Generator string
}

// Write prints the bundle as one XLIFF file. The output depends only on the bundle: the
// same notes give byte-identical files.
func Write(w io.Writer, b *translate.Bundle, opts WriteOptions) error {
	bw := bufio.NewWriter(w)
	x := &xw{w: bw}
	switch opts.Version {
	case "", Version20:
		x.write20(b, opts)
	case Version12:
		x.write12(b, opts)
	default:
		return model.Errorf(Stage, model.Pos{}, nil, "unknown XLIFF version %q (use 2.0 or 1.2)", opts.Version)
	}
	if err := bw.Flush(); err != nil {
		return model.Errorf(Stage, model.Pos{}, nil, "%v", err)
	}
	return nil
}

// xw is a small XML printer: element structure is fixed by the code, so it needs no
// general encoder, and it escapes exactly what XML requires.
type xw struct {
	w *bufio.Writer
}

func (x *xw) raw(s string) { x.w.WriteString(s) }

func (x *xw) line(indent int, s string) {
	x.w.WriteString(strings.Repeat("  ", indent))
	x.w.WriteString(s)
	x.w.WriteByte('\n')
}

// attrs renders name/value pairs, skipping empty values.
func attrs(kv ...string) string {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		b.WriteByte(' ')
		b.WriteString(kv[i])
		b.WriteString(`="`)
		b.WriteString(xmltree.EscapeAttr(kv[i+1]))
		b.WriteByte('"')
	}
	return b.String()
}

// text20 escapes source or target text for 2.0, where invalid characters have <cp>.
func text20(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r != utf8.RuneError && !xmltree.ValidChar(r) {
			fmt.Fprintf(&b, `<cp hex="%04X"/>`, r)
			continue
		}
		b.WriteString(xmltree.EscapeText(string(r)))
	}
	return b.String()
}

// ---- XLIFF 2.0 ----

func (x *xw) write20(b *translate.Bundle, opts WriteOptions) {
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.line(0, "<xliff"+attrs("xmlns", NS20, "xmlns:mtc", NSMTC, "xmlns:gls", NSGLS,
		"version", Version20, "srcLang", b.SourceLang, "trgLang", b.TargetLang, "xml:space", "preserve")+">")
	x.line(1, `<file`+attrs("id", "f1", "original", b.Fingerprint)+">")
	x.line(2, "<notes>")
	x.line(3, `<note category="fingerprint">`+xmltree.EscapeText(b.Fingerprint)+`</note>`)
	if b.Source != "" {
		x.line(3, `<note category="source">`+xmltree.EscapeText(b.Source)+`</note>`)
	}
	if opts.Generator != "" {
		x.line(3, `<note category="generator">`+xmltree.EscapeText(opts.Generator)+`</note>`)
	}
	x.line(2, "</notes>")
	for _, u := range b.Units {
		x.unit20(u)
	}
	x.line(1, "</file>")
	x.line(0, "</xliff>")
}

func (x *xw) unit20(u *translate.Unit) {
	x.line(2, "<unit"+attrs("id", u.ID, "type", "scribe:"+string(u.Kind))+">")
	var matches []struct {
		seg string
		m   translate.Match
	}
	for _, s := range u.Segments {
		for _, m := range s.Matches {
			matches = append(matches, struct {
				seg string
				m   translate.Match
			}{s.ID, m})
		}
	}
	if len(matches) > 0 {
		x.line(3, "<mtc:matches>")
		for i, mm := range matches {
			m := mm.m
			sim := ""
			if m.Type != "mt" {
				sim = formatSim(m.Similarity)
			}
			x.line(4, "<mtc:match"+attrs("id", "m"+strconv.Itoa(i+1), "ref", "#"+mm.seg, "type", m.Type,
				"similarity", sim, "origin", m.Origin, "subType", subTypeOfMatch(m.Type))+">")
			x.originalData(5, m.Codes, "m")
			x.line(5, "<source>"+inline20(m.Source, m.Codes, "m", false)+"</source>")
			x.line(5, "<target>"+inline20(m.Target, m.Codes, "m", false)+"</target>")
			x.line(4, "</mtc:match>")
		}
		x.line(3, "</mtc:matches>")
	}
	if len(u.Terms) > 0 {
		x.line(3, "<gls:glossary>")
		for _, t := range u.Terms {
			x.line(4, "<gls:glossEntry>")
			x.line(5, "<gls:term"+attrs("source", t.Origin)+">"+xmltree.EscapeText(t.Source)+"</gls:term>")
			x.line(5, "<gls:translation"+attrs("source", t.Origin)+">"+xmltree.EscapeText(t.Target)+"</gls:translation>")
			x.line(4, "</gls:glossEntry>")
		}
		x.line(3, "</gls:glossary>")
	}
	if len(u.Notes) > 0 {
		x.line(3, "<notes>")
		for _, n := range u.Notes {
			x.line(4, "<note"+attrs("category", n.Category)+">"+xmltree.EscapeText(n.Text)+"</note>")
		}
		x.line(3, "</notes>")
	}
	x.originalData(3, u.Codes, "")
	for _, s := range u.Segments {
		if s.Ignorable {
			x.line(3, "<ignorable><source>"+inline20(s.Source, u.Codes, "", true)+"</source></ignorable>")
			continue
		}
		a := attrs("id", s.ID)
		var tgt string
		if s.Target != nil {
			a += attrs("state", s.State, "subState", s.SubState)
			tgt = "<target>" + inline20(s.Target, u.Codes, "", true) + "</target>"
		}
		x.line(3, "<segment"+a+"><source>"+inline20(s.Source, u.Codes, "", true)+"</source>"+tgt+"</segment>")
	}
	x.line(2, "</unit>")
}

// subTypeOfMatch marks machine translation explicitly, beyond type="mt", for tools that
// only look at subType.
func subTypeOfMatch(typ string) string {
	if typ == "mt" {
		return "scribe:mt"
	}
	return ""
}

func formatSim(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// originalData writes the data of placeholder codes ("d1" for code "1"; prefix keeps match
// data ids apart).
func (x *xw) originalData(indent int, codes []translate.Code, prefix string) {
	var rows []string
	for _, c := range codes {
		if c.Kind.Paired() {
			continue
		}
		rows = append(rows, `<data id="`+xmltree.EscapeAttr(dataID(prefix, c.ID))+`">`+text20(c.Data)+`</data>`)
	}
	if len(rows) == 0 {
		return
	}
	x.line(indent, "<originalData>")
	for _, r := range rows {
		x.line(indent+1, r)
	}
	x.line(indent, "</originalData>")
}

func dataID(prefix, id string) string {
	if prefix != "" {
		return prefix + "d" + strings.TrimPrefix(id, prefix)
	}
	return "d" + id
}

// phType maps a code kind to the XLIFF 2.0 type and subType attributes.
func phType(k translate.CodeKind) (string, string) {
	switch k {
	case translate.CodeLink:
		return "link", "scribe:link"
	case translate.CodeEmphasis:
		return "fmt", "xlf:i"
	case translate.CodeStrong:
		return "fmt", "xlf:b"
	case translate.CodeQuoted:
		return "quote", "scribe:quoted"
	case "":
		return "other", ""
	}
	return "other", "scribe:" + string(k)
}

// inline20 renders content with 2.0 inline codes. protect adds canCopy/canDelete="no" to
// placeholders of units (not of candidates, which are only suggestions).
func inline20(c translate.Content, codes []translate.Code, prefix string, protect bool) string {
	c = c.Balance()
	var b strings.Builder
	for _, s := range c {
		switch s.Kind {
		case translate.SpanText:
			b.WriteString(text20(s.Text))
		case translate.SpanPlaceholder:
			cd, _ := translate.CodeByID(codes, s.Code)
			typ, sub := phType(cd.Kind)
			a := attrs("id", s.Code, "dataRef", dataID(prefix, s.Code))
			if protect {
				a += attrs("canCopy", "no", "canDelete", "no")
			}
			a += attrs("disp", cd.Data, "equiv", cd.Data, "type", typ, "subType", sub)
			b.WriteString("<ph" + a + "/>")
		case translate.SpanOpen:
			cd, _ := translate.CodeByID(codes, s.Code)
			typ, sub := phType(cd.Kind)
			b.WriteString("<pc" + attrs("id", s.Code, "type", typ, "subType", sub) + ">")
		case translate.SpanClose:
			b.WriteString("</pc>")
		}
	}
	return b.String()
}

// ---- XLIFF 1.2 ----

func (x *xw) write12(b *translate.Bundle, opts WriteOptions) {
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.line(0, "<xliff"+attrs("version", Version12, "xmlns", NS12)+">")
	x.line(1, "<file"+attrs("original", b.Fingerprint, "source-language", b.SourceLang,
		"target-language", b.TargetLang, "datatype", "plaintext", "tool-id", "scribe")+">")
	x.line(2, "<header>")
	gen := opts.Generator
	if gen == "" {
		gen = "scribe"
	}
	x.line(3, "<tool"+attrs("tool-id", "scribe", "tool-name", gen)+"/>")
	x.line(3, `<note from="developer">fingerprint: `+xmltree.EscapeText(b.Fingerprint)+`</note>`)
	if b.Source != "" {
		x.line(3, `<note from="developer">source: `+xmltree.EscapeText(b.Source)+`</note>`)
	}
	x.line(2, "</header>")
	x.line(2, "<body>")
	for _, u := range b.Units {
		x.unit12(u)
	}
	x.line(2, "</body>")
	x.line(1, "</file>")
	x.line(0, "</xliff>")
}

func (x *xw) unit12(u *translate.Unit) {
	x.line(3, "<trans-unit"+attrs("id", u.ID, "resname", u.ID, "restype", "x-scribe-"+string(u.Kind), "xml:space", "preserve")+">")
	x.line(4, "<source>"+inline12(u.Source, u.Codes)+"</source>")
	var seg, tgt strings.Builder
	allFilled, nseg := true, 0
	inContext := true
	for _, s := range u.Segments {
		if s.Ignorable {
			seg.WriteString(inline12(s.Source, u.Codes))
			tgt.WriteString(inline12(s.Source, u.Codes))
			continue
		}
		nseg++
		seg.WriteString(`<mrk mtype="seg" mid="` + s.ID + `">` + inline12(s.Source, u.Codes) + `</mrk>`)
		if s.Target == nil {
			allFilled = false
			continue
		}
		if s.SubState != "scribe:tm-in-context" {
			inContext = false
		}
		tgt.WriteString(`<mrk mtype="seg" mid="` + s.ID + `">` + inline12(s.Target, u.Codes) + `</mrk>`)
	}
	x.line(4, "<seg-source>"+seg.String()+"</seg-source>")
	if allFilled && nseg > 0 {
		x.line(4, `<target state="needs-review-translation" state-qualifier="exact-match">`+tgt.String()+"</target>")
	}
	for _, s := range u.Segments {
		for _, m := range s.Matches {
			quality := formatSim(m.Similarity)
			origin := m.Origin
			if m.Type == "mt" {
				quality, origin = "", "mt"
			}
			x.line(4, "<alt-trans"+attrs("mid", s.ID, "match-quality", quality, "origin", origin)+">")
			x.line(5, "<source>"+inline12(m.Source, m.Codes)+"</source>")
			x.line(5, "<target>"+inline12(m.Target, m.Codes)+"</target>")
			if m.Type == "icm" {
				x.line(5, `<note from="developer">in-context exact match</note>`)
			}
			x.line(4, "</alt-trans>")
		}
	}
	if allFilled && nseg > 0 {
		what := "exact"
		if inContext {
			what = "in-context exact"
		}
		x.line(4, `<note from="developer" annotates="target">pre-filled from translation memory (`+what+` match): review before approving</note>`)
	}
	for _, n := range u.Notes {
		x.line(4, `<note from="developer" annotates="source">`+xmltree.EscapeText(n.Text)+`</note>`)
	}
	for _, t := range u.Terms {
		x.line(4, `<note from="developer" annotates="source">`+xmltree.EscapeText("Term: "+t.Source+" → "+t.Target+" ("+t.Origin+")")+`</note>`)
	}
	x.line(3, "</trans-unit>")
}

// ctype12 maps a code kind to a 1.2 ctype ("x-" values are the standard's extension form).
func ctype12(k translate.CodeKind) string {
	switch k {
	case translate.CodeEmphasis:
		return "italic"
	case translate.CodeStrong:
		return "bold"
	case translate.CodeQuoted:
		return "x-quoted"
	case "":
		return ""
	}
	return "x-" + string(k)
}

func inline12(c translate.Content, codes []translate.Code) string {
	c = c.Balance()
	var b strings.Builder
	for _, s := range c {
		switch s.Kind {
		case translate.SpanText:
			b.WriteString(xmltree.EscapeText(s.Text))
		case translate.SpanPlaceholder:
			cd, _ := translate.CodeByID(codes, s.Code)
			b.WriteString("<ph" + attrs("id", s.Code, "ctype", ctype12(cd.Kind)) + ">" + xmltree.EscapeText(cd.Data) + "</ph>")
		case translate.SpanOpen:
			cd, _ := translate.CodeByID(codes, s.Code)
			b.WriteString("<g" + attrs("id", s.Code, "ctype", ctype12(cd.Kind)) + ">")
		case translate.SpanClose:
			b.WriteString("</g>")
		}
	}
	return b.String()
}
