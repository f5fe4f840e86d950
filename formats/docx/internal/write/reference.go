package write

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/scribe-un/scribe/formats/docx/internal/opc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// referenceDoc is what the writer takes from a reference document (pandoc's --reference-doc):
// styles (the writer adds the ones the reference lacks), the look of scribe's own numbering
// lists, settings, page size and margins, and the default and first-page headers and footers
// with the media they show. It is parsed once in New and only read afterwards.
type referenceDoc struct {
	name     string
	styles   []byte
	styleIDs map[string]bool
	settings []byte
	pgSz     []string // attribute name/value pairs for w:pgSz
	pgMar    []string
	slots    map[string]refPart // by hdrFtrSlot.key
	media    []zipPart          // files header and footer relationships point to
	defaults [][2]string        // extension → content type, for media
	numLook  map[string]map[int]lvlLook
}

// refPart is a header or footer copied from the reference, with its relationships.
type refPart struct {
	data, rels []byte
}

// lvlLook is the raw w:pPr and w:rPr of one level of a reference list.
type lvlLook struct {
	pPr, rPr []byte
}

// refLimits bound what a hostile template can make us inflate; a real one is small.
var refLimits = model.Limits{MaxPartBytes: 16 << 20, MaxInflatedBytes: 64 << 20}

// settingsDrop are settings that point at parts the writer does not copy (attached template,
// mail merge data, revision ids, endnote and footnote separators) or that would show empty
// headers (even/odd pages).
var settingsDrop = map[string]bool{
	"attachedTemplate": true, "mailMerge": true, "rsids": true, "docVars": true,
	"footnotePr": true, "endnotePr": true, "evenAndOddHeaders": true, "documentProtection": true,
	"writeProtection": true, "attachedSchema": true, "schemaLibrary": true,
}

// refLoader reads the parts of a reference document into a referenceDoc.
type refLoader struct {
	pkg *opc.Package
	ref *referenceDoc
}

// loadReference parses and checks a reference document: styles are required, settings,
// numbering look, page setup and headers and footers are taken when present.
func loadReference(name string, data []byte) (*referenceDoc, error) {
	pkg, err := opc.Open(context.Background(), data, name, refLimits)
	if err != nil {
		return nil, refError(err)
	}
	l := &refLoader{pkg: pkg, ref: &referenceDoc{name: name, slots: map[string]refPart{}}}
	for _, step := range []func() error{l.styles, l.settings, l.numbering, l.section} {
		if err := step(); err != nil {
			return nil, refError(err)
		}
	}
	return l.ref, nil
}

// refError says that an error is about the reference document, not the input.
func refError(err error) error {
	var pe *model.Error
	if errors.As(err, &pe) {
		return &model.Error{Stage: pe.Stage, Pos: pe.Pos, Err: fmt.Errorf("reference document: %w", pe.Err)}
	}
	return err
}

// fail is a malformed-reference error naming the part.
func (l *refLoader) fail(part, format string, args ...any) error {
	return model.Errorf(stageName, model.Pos{File: l.pkg.Name(), Part: part}, model.ErrMalformed, format, args...)
}

func (l *refLoader) styles() error {
	const part = "word/styles.xml"
	styles, err := l.pkg.ReadPart(part)
	switch {
	case err != nil:
		return err
	case styles == nil:
		return l.fail(part, "missing word/styles.xml")
	}
	if l.ref.styleIDs, err = referenceStyleIDs(styles); err != nil {
		return l.fail(part, "%v", err)
	}
	if !bytes.Contains(styles, []byte(`xmlns:w="`+nsMain+`"`)) || bytes.LastIndex(styles, []byte("</w:styles>")) < 0 {
		return l.fail(part, "styles must use the conventional w: prefix")
	}
	l.ref.styles = styles
	return nil
}

func (l *refLoader) settings() error {
	const part = "word/settings.xml"
	settings, err := l.pkg.ReadPart(part)
	if err != nil || settings == nil {
		return err
	}
	if l.ref.settings, err = dropChildren(settings, settingsDrop); err != nil {
		return l.fail(part, "%v", err)
	}
	return nil
}

func (l *refLoader) numbering() error {
	const part = "word/numbering.xml"
	num, err := l.pkg.ReadPart(part)
	if err != nil || num == nil {
		return err
	}
	if l.ref.numLook, err = numberingLook(num); err != nil {
		return l.fail(part, "%v", err)
	}
	return nil
}

// section takes the page setup of the body's last section and the headers and footers it
// points to.
func (l *refLoader) section() error {
	const part = "word/document.xml"
	docXML, err := l.pkg.ReadPart(part)
	if err != nil || docXML == nil {
		return err
	}
	sect, err := lastSectPr(docXML)
	if err != nil {
		return l.fail(part, "%v", err)
	}
	l.ref.pgSz, l.ref.pgMar = sect.pgSz, sect.pgMar
	if len(sect.refs) == 0 {
		return nil
	}
	relsPart := opc.RelsName(part)
	if !l.pkg.Has(relsPart) {
		return l.fail(relsPart, "missing relationships part")
	}
	targets, err := l.pkg.Rels(relsPart)
	if err != nil {
		return err
	}
	ct, err := l.pkg.ReadPart("[Content_Types].xml")
	if err != nil {
		return err
	}
	m := &refMedia{types: parseContentTypes(ct), seen: map[string]bool{}, seenExt: map[string]bool{}}
	for _, key := range []string{"header-default", "header-first", "footer-default", "footer-first"} {
		id, ok := sect.refs[key]
		if !ok {
			continue
		}
		t, ok := targets[id]
		if !ok || t.External {
			continue
		}
		if err := l.headerFooter(key, opc.Resolve(part, t.Target), m); err != nil {
			return err
		}
	}
	sort.Slice(l.ref.media, func(i, j int) bool { return l.ref.media[i].name < l.ref.media[j].name })
	return nil
}

// refMedia is what section has copied of the media headers and footers show.
type refMedia struct {
	types         contentTypes
	seen, seenExt map[string]bool
}

// headerFooter copies one header or footer part, its relationships and the media they name.
func (l *refLoader) headerFooter(key, part string, m *refMedia) error {
	body, err := l.pkg.ReadPart(part)
	if err != nil {
		return err
	}
	if body == nil {
		return l.fail(part, "header or footer part is missing")
	}
	rp := refPart{data: body}
	relsPart := opc.RelsName(part)
	if rp.rels, err = l.pkg.ReadPart(relsPart); err != nil {
		return err
	}
	if rp.rels != nil {
		sub, err := l.pkg.Rels(relsPart)
		if err != nil {
			return err
		}
		for _, id := range sortedKeys(sub) {
			if st := sub[id]; !st.External {
				if err := l.media(path.Clean(path.Join(path.Dir(part), st.Target)), m); err != nil {
					return err
				}
			}
		}
	}
	l.ref.slots[key] = rp
	return nil
}

// media copies one media part once, with its content type.
func (l *refLoader) media(mp string, m *refMedia) error {
	if m.seen[mp] || strings.HasPrefix(mp, "../") {
		return nil
	}
	m.seen[mp] = true
	b, err := l.pkg.ReadPart(mp)
	if err != nil || b == nil {
		return err
	}
	mediaPart := zipPart{name: mp, data: b, contentType: m.types.overrides["/"+mp], shared: true}
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(mp), "."))
	if mediaPart.contentType == "" && !m.seenExt[ext] && m.types.defaults[ext] != "" && ext != "xml" && ext != "rels" {
		m.seenExt[ext] = true
		l.ref.defaults = append(l.ref.defaults, [2]string{ext, m.types.defaults[ext]})
	}
	l.ref.media = append(l.ref.media, mediaPart)
	return nil
}

// mergedStyles is the reference's styles.xml with the writer's styles it lacks inserted
// before the closing tag, so every style the body uses is defined.
func (ref *referenceDoc) mergedStyles(st *docState) []byte {
	x := &xmlWriter{}
	for _, s := range styleDefs(st.look, st.num) {
		if !ref.styleIDs[s.id] {
			s.write(x)
		}
	}
	i := bytes.LastIndex(ref.styles, []byte("</w:styles>"))
	out := make([]byte, 0, len(ref.styles)+x.b.Len())
	out = append(out, ref.styles[:i]...)
	out = append(out, x.bytes()...)
	return append(out, ref.styles[i:]...)
}

// referenceStyleIDs collects the w:styleId of every style.
func referenceStyleIDs(data []byte) (map[string]bool, error) {
	ids := map[string]bool{}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return ids, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Space == nsMain && se.Name.Local == "style" {
			for _, a := range se.Attr {
				if a.Name.Local == "styleId" {
					ids[a.Value] = true
				}
			}
		}
	}
}

// dropChildren removes the root's direct children whose local names are in drop, working on
// byte offsets so that everything else (namespace prefixes, extension elements) stays exactly
// as the reference wrote it.
func dropChildren(data []byte, drop map[string]bool) ([]byte, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var out []byte
	last := int64(0)
	depth := 0
	for {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && drop[t.Name.Local] {
				if err := d.Skip(); err != nil {
					return nil, err
				}
				depth--
				out = append(out, data[last:before]...)
				last = d.InputOffset()
			}
		case xml.EndElement:
			depth--
		}
	}
	return append(out, data[last:]...), nil
}

// numberingLook reads the level properties of the lists scribe writes ("UN Paragraphs",
// "UN Headings") from a reference made from scribe's output and restyled in Word.
func numberingLook(data []byte) (map[string]map[int]lvlLook, error) {
	look := map[string]map[int]lvlLook{}
	d := xml.NewDecoder(bytes.NewReader(data))
	var name string
	var levels map[int]lvlLook
	ilvl := -1
	var cur lvlLook
	for {
		before := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			return look, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "abstractNum":
				name, levels = "", map[int]lvlLook{}
			case "name":
				if ilvl < 0 {
					name = attrValue(t, "val")
				}
			case "lvl":
				ilvl, cur = atoi(attrValue(t, "ilvl")), lvlLook{}
			case "pPr", "rPr":
				if ilvl < 0 {
					continue
				}
				if err := d.Skip(); err != nil {
					return nil, err
				}
				raw := append([]byte(nil), data[before:d.InputOffset()]...)
				if !bytes.HasPrefix(raw, []byte("<w:")) {
					continue
				}
				if t.Name.Local == "pPr" {
					cur.pPr = raw
				} else {
					cur.rPr = raw
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "lvl":
				if ilvl >= 0 && (cur.pPr != nil || cur.rPr != nil) {
					levels[ilvl] = cur
				}
				ilvl = -1
			case "abstractNum":
				if name == absParaName || name == absHeadName {
					look[name] = levels
				}
			}
		}
	}
}

// refSection is what the writer takes from the reference's last section.
type refSection struct {
	pgSz, pgMar []string
	refs        map[string]string // "header-default" → relationship id
}

// lastSectPr reads the body's final w:sectPr.
func lastSectPr(data []byte) (refSection, error) {
	var s refSection
	d := xml.NewDecoder(bytes.NewReader(data))
	var stack []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return s, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			if len(stack) == 3 && stack[1] == "body" && t.Name.Local == "sectPr" {
				s = refSection{refs: map[string]string{}}
			}
			if len(stack) != 4 || stack[1] != "body" || stack[2] != "sectPr" {
				continue
			}
			switch t.Name.Local {
			case "pgSz":
				s.pgSz = attrPairs(t, "w", "h", "orient", "code")
			case "pgMar":
				s.pgMar = attrPairs(t, "top", "right", "bottom", "left", "header", "footer", "gutter")
			case "headerReference", "footerReference":
				kind := strings.TrimSuffix(t.Name.Local, "Reference")
				typ := attrValue(t, "type")
				if typ == "" {
					typ = "default"
				}
				for _, a := range t.Attr {
					if a.Name.Local == "id" && a.Name.Space == nsRel {
						s.refs[kind+"-"+typ] = a.Value
					}
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// attrPairs returns w:name/value pairs for the listed attributes present on se, in that
// order (the writer re-emits them with its own prefix).
func attrPairs(se xml.StartElement, names ...string) []string {
	var kv []string
	for _, n := range names {
		if v := attrValue(se, n); v != "" {
			kv = append(kv, "w:"+n, v)
		}
	}
	return kv
}

func attrValue(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
		if n > 1000 {
			return -1
		}
	}
	if s == "" {
		return -1
	}
	return n
}

// contentTypes is a parsed [Content_Types].xml.
type contentTypes struct {
	defaults  map[string]string // lower-case extension → type
	overrides map[string]string // "/word/media/x.png" → type
}

func parseContentTypes(data []byte) contentTypes {
	ct := contentTypes{defaults: map[string]string{}, overrides: map[string]string{}}
	var types struct {
		Default []struct {
			Ext string `xml:"Extension,attr"`
			CT  string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Override []struct {
			Part string `xml:"PartName,attr"`
			CT   string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if xml.Unmarshal(data, &types) != nil {
		return ct
	}
	for _, d := range types.Default {
		ct.defaults[strings.ToLower(d.Ext)] = d.CT
	}
	for _, o := range types.Override {
		ct.overrides[o.Part] = o.CT
	}
	return ct
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
