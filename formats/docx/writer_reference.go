package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// wReference is what the writer takes from a reference document (pandoc's --reference-doc):
// styles (the writer adds the ones the reference lacks), the look of scribe's own numbering
// lists, settings, page size and margins, and the default and first-page headers and footers
// with the media they show. It is parsed once in NewWriter and only read afterwards.
type wReference struct {
	name     string
	styles   []byte
	styleIDs map[string]bool
	settings []byte
	pgSz     []string // attribute name/value pairs for w:pgSz
	pgMar    []string
	slots    map[string]wRefPart // by wSlot.key
	media    []wPart             // files header and footer relationships point to
	defaults [][2]string         // extension → content type, for media
	numLook  map[string]map[int]wLvlLook
}

// wRefPart is a header or footer copied from the reference, with its relationships.
type wRefPart struct {
	data, rels []byte
}

// wLvlLook is the raw w:pPr and w:rPr of one level of a reference list.
type wLvlLook struct {
	pPr, rPr []byte
}

// Reference limits: a template is small; these bound what a hostile file can make us inflate.
const (
	wRefMaxPart  = 16 << 20
	wRefMaxTotal = 64 << 20
)

// wSettingsDrop are settings that point at parts the writer does not copy (attached template,
// mail merge data, revision ids, endnote and footnote separators) or that would show empty
// headers (even/odd pages).
var wSettingsDrop = map[string]bool{
	"attachedTemplate": true, "mailMerge": true, "rsids": true, "docVars": true,
	"footnotePr": true, "endnotePr": true, "evenAndOddHeaders": true, "documentProtection": true,
	"writeProtection": true, "attachedSchema": true, "schemaLibrary": true,
}

// wLoadReference parses and checks a reference document.
func wLoadReference(name string, data []byte) (_ *wReference, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = model.Errorf(wStage, model.Pos{File: name}, model.ErrMalformed, "reference document: %v", r)
		}
	}()
	fail := func(part, format string, args ...any) error {
		return model.Errorf(wStage, model.Pos{File: name, Part: part}, model.ErrMalformed, "reference document: "+format, args...)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fail("", "not a .docx (zip) file: %v", err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	var total int64
	read := func(part string) ([]byte, error) {
		f := files[part]
		if f == nil {
			return nil, nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fail(part, "%v", err)
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, wRefMaxPart+1))
		if err != nil {
			return nil, fail(part, "%v", err)
		}
		total += int64(len(b))
		if len(b) > wRefMaxPart || total > wRefMaxTotal {
			return nil, model.Errorf(wStage, model.Pos{File: name, Part: part}, model.ErrTooLarge, "reference document part is too large")
		}
		return b, nil
	}
	ref := &wReference{name: name, slots: map[string]wRefPart{}}
	if ref.styles, err = read("word/styles.xml"); err != nil {
		return nil, err
	}
	if ref.styles == nil {
		return nil, fail("word/styles.xml", "missing word/styles.xml")
	}
	if ref.styleIDs, err = wStyleIDs(ref.styles); err != nil {
		return nil, fail("word/styles.xml", "%v", err)
	}
	if !bytes.Contains(ref.styles, []byte(`xmlns:w="`+wNSMain+`"`)) || bytes.LastIndex(ref.styles, []byte("</w:styles>")) < 0 {
		return nil, fail("word/styles.xml", "styles must use the conventional w: prefix")
	}
	if settings, err := read("word/settings.xml"); err != nil {
		return nil, err
	} else if settings != nil {
		if ref.settings, err = wDropChildren(settings, wSettingsDrop); err != nil {
			return nil, fail("word/settings.xml", "%v", err)
		}
	}
	if num, err := read("word/numbering.xml"); err != nil {
		return nil, err
	} else if num != nil {
		if ref.numLook, err = wNumberingLook(num); err != nil {
			return nil, fail("word/numbering.xml", "%v", err)
		}
	}
	docXML, err := read("word/document.xml")
	if err != nil {
		return nil, err
	}
	if docXML == nil {
		return ref, nil
	}
	sect, err := wLastSectPr(docXML)
	if err != nil {
		return nil, fail("word/document.xml", "%v", err)
	}
	ref.pgSz, ref.pgMar = sect.pgSz, sect.pgMar
	if len(sect.refs) == 0 {
		return ref, nil
	}
	rels, err := read("word/_rels/document.xml.rels")
	if err != nil {
		return nil, err
	}
	targets, err := wRelTargets(rels)
	if err != nil {
		return nil, fail("word/_rels/document.xml.rels", "%v", err)
	}
	ct, err := read("[Content_Types].xml")
	if err != nil {
		return nil, err
	}
	types := wParseContentTypes(ct)
	seenMedia := map[string]bool{}
	seenExt := map[string]bool{}
	for _, key := range []string{"header-default", "header-first", "footer-default", "footer-first"} {
		id, ok := sect.refs[key]
		if !ok {
			continue
		}
		t, ok := targets[id]
		if !ok || t.external {
			continue
		}
		part := path.Join("word", t.target)
		if strings.HasPrefix(t.target, "/") {
			part = strings.TrimPrefix(t.target, "/")
		}
		body, err := read(part)
		if err != nil {
			return nil, err
		}
		if body == nil {
			return nil, fail(part, "header or footer part is missing")
		}
		rp := wRefPart{data: body}
		if rp.rels, err = read(wRelsName(part)); err != nil {
			return nil, err
		}
		if rp.rels != nil {
			sub, err := wRelTargets(rp.rels)
			if err != nil {
				return nil, fail(wRelsName(part), "%v", err)
			}
			for _, id := range wSortedKeys(sub) {
				st := sub[id]
				if st.external {
					continue
				}
				mp := path.Clean(path.Join(path.Dir(part), st.target))
				if seenMedia[mp] || strings.HasPrefix(mp, "../") {
					continue
				}
				seenMedia[mp] = true
				b, err := read(mp)
				if err != nil {
					return nil, err
				}
				if b == nil {
					continue
				}
				mediaPart := wPart{name: mp, data: b, contentType: types.overrides["/"+mp], shared: true}
				ext := strings.ToLower(strings.TrimPrefix(path.Ext(mp), "."))
				if mediaPart.contentType == "" && !seenExt[ext] && types.defaults[ext] != "" && ext != "xml" && ext != "rels" {
					seenExt[ext] = true
					ref.defaults = append(ref.defaults, [2]string{ext, types.defaults[ext]})
				}
				ref.media = append(ref.media, mediaPart)
			}
		}
		ref.slots[key] = rp
	}
	sort.Slice(ref.media, func(i, j int) bool { return ref.media[i].name < ref.media[j].name })
	return ref, nil
}

// mergedStyles is the reference's styles.xml with the writer's styles it lacks inserted
// before the closing tag, so every style the body uses is defined.
func (ref *wReference) mergedStyles(st *wState) []byte {
	x := &wXML{}
	for _, s := range wStyleDefs(st.look, st.num) {
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

// wStyleIDs collects the w:styleId of every style.
func wStyleIDs(data []byte) (map[string]bool, error) {
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
		if se, ok := tok.(xml.StartElement); ok && se.Name.Space == wNSMain && se.Name.Local == "style" {
			for _, a := range se.Attr {
				if a.Name.Local == "styleId" {
					ids[a.Value] = true
				}
			}
		}
	}
}

// wDropChildren removes the root's direct children whose local names are in drop, working on
// byte offsets so that everything else (namespace prefixes, extension elements) stays exactly
// as the reference wrote it.
func wDropChildren(data []byte, drop map[string]bool) ([]byte, error) {
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

// wNumberingLook reads the level properties of the lists scribe writes ("UN Paragraphs",
// "UN Headings") from a reference made from scribe's output and restyled in Word.
func wNumberingLook(data []byte) (map[string]map[int]wLvlLook, error) {
	look := map[string]map[int]wLvlLook{}
	d := xml.NewDecoder(bytes.NewReader(data))
	var name string
	var levels map[int]wLvlLook
	ilvl := -1
	var cur wLvlLook
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
				name, levels = "", map[int]wLvlLook{}
			case "name":
				if ilvl < 0 {
					name = wAttr(t, "val")
				}
			case "lvl":
				ilvl, cur = wAtoi(wAttr(t, "ilvl")), wLvlLook{}
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
				if name == wAbsParaName || name == wAbsHeadName {
					look[name] = levels
				}
			}
		}
	}
}

// wSect is what the writer takes from the reference's last section.
type wSect struct {
	pgSz, pgMar []string
	refs        map[string]string // "header-default" → relationship id
}

// wLastSectPr reads the body's final w:sectPr.
func wLastSectPr(data []byte) (wSect, error) {
	var s wSect
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
				s = wSect{refs: map[string]string{}}
			}
			if len(stack) != 4 || stack[1] != "body" || stack[2] != "sectPr" {
				continue
			}
			switch t.Name.Local {
			case "pgSz":
				s.pgSz = wAttrPairs(t, "w", "h", "orient", "code")
			case "pgMar":
				s.pgMar = wAttrPairs(t, "top", "right", "bottom", "left", "header", "footer", "gutter")
			case "headerReference", "footerReference":
				kind := strings.TrimSuffix(t.Name.Local, "Reference")
				typ := wAttr(t, "type")
				if typ == "" {
					typ = "default"
				}
				for _, a := range t.Attr {
					if a.Name.Local == "id" && a.Name.Space == wNSRel {
						s.refs[kind+"-"+typ] = a.Value
					}
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// wAttrPairs returns w:name/value pairs for the listed attributes present on se, in that
// order (the writer re-emits them with its own prefix).
func wAttrPairs(se xml.StartElement, names ...string) []string {
	var kv []string
	for _, n := range names {
		if v := wAttr(se, n); v != "" {
			kv = append(kv, "w:"+n, v)
		}
	}
	return kv
}

func wAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func wAtoi(s string) int {
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

// wRelTarget is one relationship's target.
type wRelTarget struct {
	target   string
	external bool
}

// wRelTargets parses a relationships part.
func wRelTargets(data []byte) (map[string]wRelTarget, error) {
	var rels struct {
		Rel []struct {
			ID         string `xml:"Id,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if data == nil {
		return nil, errors.New("missing relationships part")
	}
	if err := xml.Unmarshal(data, &rels); err != nil {
		return nil, err
	}
	out := map[string]wRelTarget{}
	for _, r := range rels.Rel {
		out[r.ID] = wRelTarget{target: r.Target, external: strings.EqualFold(r.TargetMode, "External")}
	}
	return out, nil
}

// wContentTypes is a parsed [Content_Types].xml.
type wContentTypes struct {
	defaults  map[string]string // lower-case extension → type
	overrides map[string]string // "/word/media/x.png" → type
}

func wParseContentTypes(data []byte) wContentTypes {
	ct := wContentTypes{defaults: map[string]string{}, overrides: map[string]string{}}
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

func wSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
