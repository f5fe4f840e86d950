package xliff

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/formats/internal/xmltree"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/translate"
)

// ReadOptions configure ReadTranslations. The zero value reads with default limits, accepts
// only approved targets and discards warnings.
type ReadOptions struct {
	// Name is the file's path as the user gave it, used in positions.
	Name string
	// Limits bound size and element depth; zero fields take pipeline defaults.
	Limits model.Limits
	// Warnings receives diagnostics; nil discards them.
	Warnings *model.Warnings
	// AcceptDrafts also accepts targets in draft states: 2.0 "initial"; 1.2 "new",
	// "needs-translation", "needs-review-translation" and the other needs-* states.
	// Without it only 2.0 translated/reviewed/final and 1.2 translated/signed-off/final
	// (or approved="yes") are accepted.
	AcceptDrafts bool
}

// ReadTranslations parses an XLIFF 2.0 or 1.2 file (1.1, as Translate Toolkit's po2xliff
// writes it, reads as 1.2), recognised by its root element. Duplicate unit ids, targets
// that lose or repeat a placeholder, DOCTYPE declarations, and files over the size or depth
// limits are errors; matching the units to a document is translate.Apply's job.
func ReadTranslations(data []byte, opts ReadOptions) (tr *translate.Translations, err error) {
	root, err := xmltree.Parse(data, Stage, model.ReadOptions{Name: opts.Name, Limits: opts.Limits})
	if err != nil {
		return nil, err
	}
	r := &reader{opts: opts, seen: map[string]unitSeen{}}
	if root.Name.Local != "xliff" {
		return nil, r.errorf(root, model.ErrMalformed, "not an XLIFF file (root element <%s>)", root.Name.Local)
	}
	switch {
	case root.Name.Space == NS20 || strings.HasPrefix(root.Get("version"), "2."):
		if root.Name.Space != NS20 {
			return nil, r.errorf(root, model.ErrMalformed, "XLIFF %s root must be in namespace %s", root.Get("version"), NS20)
		}
		return r.read20(root)
	case root.Name.Space == NS12 || root.Name.Space == NS11 || root.Get("version") == "1.2" || root.Get("version") == "1.1":
		return r.read12(root)
	}
	return nil, r.errorf(root, model.ErrMalformed, "unsupported XLIFF version %q (namespace %q)", root.Get("version"), root.Name.Space)
}

type reader struct {
	opts ReadOptions
	tr   *translate.Translations
	seen map[string]unitSeen
	// file is the index of the <file> being read.
	file int
}

// unitSeen is where a unit id was first read.
type unitSeen struct{ line, file, index int }

func (r *reader) pos(n *xmltree.Node) model.Pos {
	return model.Pos{File: r.opts.Name, Line: n.Line}
}

func (r *reader) errorf(n *xmltree.Node, sentinel error, format string, args ...any) error {
	return model.Errorf(Stage, r.pos(n), sentinel, format, args...)
}

// setFingerprint records a file's fingerprint; several <file>s must agree.
func (r *reader) setFingerprint(n *xmltree.Node, fp string) error {
	if !strings.HasPrefix(fp, "sha256:") {
		return nil
	}
	if r.tr.Fingerprint != "" && r.tr.Fingerprint != fp {
		return r.errorf(n, model.ErrTranslation, "the file's <file> elements carry different fingerprints: it mixes translations of different notes")
	}
	r.tr.Fingerprint = fp
	return nil
}

func (r *reader) addUnit(n *xmltree.Node, u *translate.TransUnit) error {
	if u.ID == "" {
		return r.errorf(n, model.ErrMalformed, "unit without id")
	}
	if first, dup := r.seen[u.ID]; dup {
		if first.file == r.file {
			return r.errorf(n, model.ErrTranslation, "duplicate unit id %q (first at line %d)", u.ID, first.line)
		}
		// The same unit in a later <file>: 'po2xliff -t' keeps the template's untranslated
		// file and appends the translated one. The unit with a target wins.
		if u.Target == nil {
			return nil
		}
		if u.Accepted && u.Target != nil {
			if msg := translate.CheckCodes(u.Source, u.Target, u.Codes); msg != "" {
				return r.errorf(n, model.ErrTranslation, "unit %s: target: %s", u.ID, msg)
			}
		}
		r.tr.Units[first.index] = u
		return nil
	}
	r.seen[u.ID] = unitSeen{line: n.Line, file: r.file, index: len(r.tr.Units)}
	if u.Accepted && u.Target != nil {
		if msg := translate.CheckCodes(u.Source, u.Target, u.Codes); msg != "" {
			return r.errorf(n, model.ErrTranslation, "unit %s: target: %s", u.ID, msg)
		}
	}
	r.tr.Units = append(r.tr.Units, u)
	return nil
}

// ---- 2.0 ----

var approved20 = map[string]bool{"translated": true, "reviewed": true, "final": true}

// stateRank orders 2.0 states so a unit reports its least advanced segment.
var stateRank = map[string]int{"initial": 0, "translated": 1, "reviewed": 2, "final": 3}

func (r *reader) read20(root *xmltree.Node) (*translate.Translations, error) {
	r.tr = &translate.Translations{Name: r.opts.Name, Version: Version20,
		SourceLang: root.Get("srcLang"), TargetLang: root.Get("trgLang")}
	files := root.Elems(NS20, "file")
	if len(files) == 0 {
		return nil, r.errorf(root, model.ErrMalformed, "no <file> element")
	}
	for i, f := range files {
		r.file = i
		fp := f.Get("original")
		if r.tr.Original == "" && fp != "" && !strings.HasPrefix(fp, "sha256:") {
			r.tr.Original = fp
		}
		if notes := f.First(NS20, "notes"); notes != nil {
			for _, n := range notes.Elems(NS20, "note") {
				if n.Get("category") == "fingerprint" {
					fp = strings.TrimSpace(n.TextContent())
				}
			}
		}
		if err := r.setFingerprint(f, fp); err != nil {
			return nil, err
		}
		if err := r.group20(f); err != nil {
			return nil, err
		}
	}
	return r.tr, nil
}

func (r *reader) group20(g *xmltree.Node) error {
	for _, c := range g.Children {
		if c.IsText() || c.Name.Space != NS20 {
			continue
		}
		switch c.Name.Local {
		case "group":
			if err := r.group20(c); err != nil {
				return err
			}
		case "unit":
			u, err := r.unit20(c)
			if err != nil {
				return err
			}
			if err := r.addUnit(c, u); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *reader) unit20(n *xmltree.Node) (*translate.TransUnit, error) {
	u := &translate.TransUnit{ID: n.Get("id"), Pos: r.pos(n)}
	data := map[string]string{}
	if od := n.First(NS20, "originalData"); od != nil {
		for _, d := range od.Elems(NS20, "data") {
			data[d.Get("id")] = cpText(d)
		}
	}
	slots, err := r.slots20(n, u, data)
	if err != nil {
		return nil, err
	}
	complete, anyTarget := true, false
	approvedAll := true
	least := 3
	for _, s := range slots {
		u.Source = append(u.Source, s.source...)
		if s.ignorable {
			continue
		}
		blank := s.source.IsBlank()
		p := translate.SegmentPair{Source: s.source, State: s.state}
		if s.hasTarget && !s.target.IsBlank() {
			p.Target = s.target
			p.Approved = approved20[s.state]
			anyTarget = true
		}
		if !blank {
			if p.Target == nil {
				complete = false
			}
			if !p.Approved {
				approvedAll = false
			}
			if rank, ok := stateRank[s.state]; ok && rank < least {
				least = rank
			}
		}
		u.Segments = append(u.Segments, p)
	}
	placed, err := r.placeTargets(slots, u.ID)
	if err != nil {
		return nil, err
	}
	u.Source = u.Source.Normalize()
	for name, st := range stateRank {
		if st == least {
			u.State = name
		}
	}
	if anyTarget && complete {
		var t translate.Content
		for _, p := range placed {
			t = append(t, p...)
		}
		u.Target = t.Normalize()
		u.Approved = approvedAll
		u.Accepted = approvedAll || r.opts.AcceptDrafts
	}
	return u, nil
}

// slot20 is a <segment> or an <ignorable> of a unit, read.
type slot20 struct {
	source, target translate.Content
	hasTarget      bool
	ignorable      bool
	state          string
	order          int // the target's order="k", 0 when not given
	node           *xmltree.Node
}

// slots20 reads the segments and ignorables of unit n, in file order; a unit without any
// is malformed.
func (r *reader) slots20(n *xmltree.Node, u *translate.TransUnit, data map[string]string) ([]slot20, error) {
	var slots []slot20
	for _, c := range n.Children {
		if c.IsText() || c.Name.Space != NS20 || (c.Name.Local != "segment" && c.Name.Local != "ignorable") {
			continue
		}
		s := slot20{ignorable: c.Name.Local == "ignorable", node: c}
		src := c.First(NS20, "source")
		if src == nil {
			return nil, r.errorf(c, model.ErrMalformed, "unit %s: <%s> without <source>", u.ID, c.Name.Local)
		}
		var err error
		if s.source, err = r.content20(src, u, data, true); err != nil {
			return nil, err
		}
		if t := c.First(NS20, "target"); t != nil {
			s.hasTarget = true
			if s.target, err = r.content20(t, u, data, false); err != nil {
				return nil, err
			}
			if o := t.Get("order"); o != "" {
				k, err := strconv.Atoi(o)
				if err != nil || k < 1 {
					return nil, r.errorf(t, model.ErrMalformed, "unit %s: bad order %q", u.ID, o)
				}
				s.order = k
			}
		}
		s.state = c.Get("state")
		if s.state == "" {
			s.state = "initial"
		}
		slots = append(slots, s)
	}
	if len(slots) == 0 {
		return nil, r.errorf(n, model.ErrMalformed, "unit %s has no segment", u.ID)
	}
	return slots, nil
}

// placeTargets puts each slot's target (its source when it has none: white space, or an
// untranslated segment) at its place: targets may be reordered with order="k".
func (r *reader) placeTargets(slots []slot20, unit string) ([]translate.Content, error) {
	placed := make([]translate.Content, len(slots))
	filled := make([]bool, len(slots))
	for i, s := range slots {
		at := i
		if s.order > 0 {
			at = s.order - 1
		}
		if at >= len(slots) || filled[at] {
			return nil, r.errorf(s.node, model.ErrMalformed, "unit %s: target order %d is out of range or used twice", unit, s.order)
		}
		filled[at] = true
		placed[at] = s.source
		if s.hasTarget {
			placed[at] = s.target
		}
	}
	return placed, nil
}

// content20 converts a <source> or <target>. Codes are defined by the source.
func (r *reader) content20(n *xmltree.Node, u *translate.TransUnit, data map[string]string, define bool) (translate.Content, error) {
	var out translate.Content
	var walk func(n *xmltree.Node) error
	walk = func(n *xmltree.Node) error {
		for _, c := range n.Children {
			if c.IsText() {
				out = append(out, translate.Span{Kind: translate.SpanText, Text: c.Text})
				continue
			}
			if c.Name.Space != NS20 {
				continue
			}
			switch c.Name.Local {
			case "cp":
				v, err := strconv.ParseUint(c.Get("hex"), 16, 32)
				if err != nil {
					return r.errorf(c, model.ErrMalformed, "unit %s: bad <cp hex=%q>", u.ID, c.Get("hex"))
				}
				out = append(out, translate.Span{Kind: translate.SpanText, Text: string(rune(v))})
			case "ph":
				id := c.Get("id")
				if define {
					d := data[c.Get("dataRef")]
					if d == "" {
						d = cmp.Or(c.Get("equiv"), c.Get("disp"))
					}
					defineCode(u, translate.Code{ID: id, Kind: kind20(c.Get("type"), c.Get("subType")), Data: d})
				}
				out = append(out, translate.Span{Kind: translate.SpanPlaceholder, Code: id})
			case "pc":
				id := c.Get("id")
				if define {
					defineCode(u, translate.Code{ID: id, Kind: kind20(c.Get("type"), c.Get("subType"))})
				}
				out = append(out, translate.Span{Kind: translate.SpanOpen, Code: id})
				if err := walk(c); err != nil {
					return err
				}
				out = append(out, translate.Span{Kind: translate.SpanClose, Code: id})
			case "sc":
				id := c.Get("id")
				if define {
					defineCode(u, translate.Code{ID: id, Kind: kind20(c.Get("type"), c.Get("subType"))})
				}
				out = append(out, translate.Span{Kind: translate.SpanOpen, Code: id})
			case "ec":
				id := cmp.Or(c.Get("startRef"), c.Get("id"))
				out = append(out, translate.Span{Kind: translate.SpanClose, Code: id})
			case "mrk":
				// Annotations (terms, comments) are transparent for translation.
				if err := walk(c); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(n); err != nil {
		return nil, err
	}
	return out.Normalize(), nil
}

func defineCode(u *translate.TransUnit, c translate.Code) {
	if _, ok := translate.CodeByID(u.Codes, c.ID); ok {
		return
	}
	u.Codes = append(u.Codes, c)
}

func kind20(typ, sub string) translate.CodeKind {
	if k, ok := strings.CutPrefix(sub, "scribe:"); ok && translate.KnownCodeKind(translate.CodeKind(k)) {
		return translate.CodeKind(k)
	}
	switch sub {
	case "xlf:i":
		return translate.CodeEmphasis
	case "xlf:b":
		return translate.CodeStrong
	}
	switch typ {
	case "link":
		return translate.CodeLink
	case "quote":
		return translate.CodeQuoted
	}
	return ""
}

// cpText reads character data with <cp> elements (in <data>).
func cpText(n *xmltree.Node) string {
	var b strings.Builder
	for _, c := range n.Children {
		if c.IsText() {
			b.WriteString(c.Text)
		} else if c.Name.Local == "cp" {
			if v, err := strconv.ParseUint(c.Get("hex"), 16, 32); err == nil {
				b.WriteRune(rune(v))
			}
		}
	}
	return b.String()
}

// ---- 1.2 ----

var approved12 = map[string]bool{"translated": true, "signed-off": true, "final": true}

func (r *reader) read12(root *xmltree.Node) (*translate.Translations, error) {
	ns := root.Name.Space
	unify12(root, ns)
	r.tr = &translate.Translations{Name: r.opts.Name, Version: Version12}
	files := root.Elems(ns, "file")
	if len(files) == 0 {
		return nil, r.errorf(root, model.ErrMalformed, "no <file> element")
	}
	for i, f := range files {
		if r.tr.SourceLang == "" {
			r.tr.SourceLang = f.Get("source-language")
		}
		if r.tr.TargetLang == "" {
			r.tr.TargetLang = f.Get("target-language")
		}
		original := f.Get("original")
		if err := r.setFingerprint(f, original); err != nil {
			return nil, err
		}
		if r.tr.Original == "" && original != "" && !strings.HasPrefix(original, "sha256:") {
			r.tr.Original = original
		}
		body := f.First(ns, "body")
		if body == nil {
			continue
		}
		r.file = i
		if err := r.group12(ns, body); err != nil {
			return nil, err
		}
	}
	return r.tr, nil
}

// unify12 puts the XLIFF 1.x elements of the tree in namespace ns. Translate Toolkit's
// 'po2xliff -t TEMPLATE' appends a second <file> whose units are in the 1.1 namespace and
// whose targets are in the template's: one file mixing 1.1 and 1.2 elements.
func unify12(n *xmltree.Node, ns string) {
	for _, c := range n.Children {
		if c.IsText() {
			continue
		}
		if c.Name.Space == NS11 || c.Name.Space == NS12 || c.Name.Space == "" {
			c.Name.Space = ns
		}
		unify12(c, ns)
	}
}

func (r *reader) group12(ns string, g *xmltree.Node) error {
	for _, c := range g.Children {
		if c.IsText() || c.Name.Space != ns {
			continue
		}
		switch c.Name.Local {
		case "group":
			if err := r.group12(ns, c); err != nil {
				return err
			}
		case "trans-unit":
			if c.Get("restype") == "x-gettext-domain-header" {
				continue // the PO header Translate Toolkit carries along
			}
			u, err := r.unit12(ns, c)
			if err != nil {
				return err
			}
			if err := r.addUnit(c, u); err != nil {
				return err
			}
		}
	}
	return nil
}

// unitID12 is the unit's id, or the one Translate Toolkit keeps in its po-reference
// context after renumbering units (po2xliff).
func unitID12(ns string, n *xmltree.Node) string {
	for _, g := range n.Elems(ns, "context-group") {
		if g.Get("name") != "po-reference" {
			continue
		}
		for _, c := range g.Elems(ns, "context") {
			if c.Get("context-type") == "sourcefile" {
				if id := strings.TrimSpace(c.TextContent()); id != "" {
					return id
				}
			}
		}
	}
	return n.Get("id")
}

func (r *reader) unit12(ns string, n *xmltree.Node) (*translate.TransUnit, error) {
	u := &translate.TransUnit{ID: unitID12(ns, n), Pos: r.pos(n)}
	src := n.First(ns, "source")
	if src == nil {
		return nil, r.errorf(n, model.ErrMalformed, "trans-unit %s without <source>", u.ID)
	}
	var err error
	if u.Source, err = r.content12(ns, src, u, true); err != nil {
		return nil, err
	}
	t := n.First(ns, "target")
	if t == nil {
		return u, nil
	}
	target, err := r.content12(ns, t, u, false)
	if err != nil {
		return nil, err
	}
	state := t.Get("state")
	u.State = state
	if target.IsBlank() {
		return u, nil
	}
	u.Target = target
	if state != "" {
		u.Approved = approved12[state]
	} else {
		// No state: approved="yes", or a plain bilingual file without workflow marks.
		u.Approved = n.Get("approved") != "no"
	}
	u.Accepted = u.Approved || r.opts.AcceptDrafts
	// Segment pairs by mid, when both sides are segmented the same way.
	if ss := n.First(ns, "seg-source"); ss != nil {
		srcSegs := segs12(ns, ss)
		tgtSegs := segs12(ns, t)
		if len(srcSegs) > 0 && len(srcSegs) == len(tgtSegs) {
			for i, s := range srcSegs {
				if tgtSegs[i].mid != s.mid {
					u.Segments = nil
					break
				}
				sc, err := r.content12(ns, s.n, u, true)
				if err != nil {
					return nil, err
				}
				tc, err := r.content12(ns, tgtSegs[i].n, u, false)
				if err != nil {
					return nil, err
				}
				u.Segments = append(u.Segments, translate.SegmentPair{Source: sc, Target: tc, State: state, Approved: u.Approved})
			}
		}
	}
	return u, nil
}

type seg12 struct {
	mid string
	n   *xmltree.Node
}

func segs12(ns string, n *xmltree.Node) []seg12 {
	var out []seg12
	for _, m := range n.Elems(ns, "mrk") {
		if m.Get("mtype") == "seg" {
			out = append(out, seg12{m.Get("mid"), m})
		}
	}
	return out
}

func (r *reader) content12(ns string, n *xmltree.Node, u *translate.TransUnit, define bool) (translate.Content, error) {
	var out translate.Content
	var walk func(n *xmltree.Node) error
	walk = func(n *xmltree.Node) error {
		for _, c := range n.Children {
			if c.IsText() {
				out = append(out, translate.Span{Kind: translate.SpanText, Text: c.Text})
				continue
			}
			if c.Name.Space != ns {
				continue
			}
			id := c.Get("id")
			switch c.Name.Local {
			case "ph", "x", "it":
				if define {
					d := c.TextContent()
					if c.Name.Local == "x" {
						d = c.Get("equiv-text")
					}
					defineCode(u, translate.Code{ID: id, Kind: kind12(c.Get("ctype")), Data: d})
				}
				out = append(out, translate.Span{Kind: translate.SpanPlaceholder, Code: id})
			case "g":
				if define {
					defineCode(u, translate.Code{ID: id, Kind: kind12(c.Get("ctype"))})
				}
				out = append(out, translate.Span{Kind: translate.SpanOpen, Code: id})
				if err := walk(c); err != nil {
					return err
				}
				out = append(out, translate.Span{Kind: translate.SpanClose, Code: id})
			case "bx", "bpt":
				if define {
					defineCode(u, translate.Code{ID: pairID(c), Kind: kind12(c.Get("ctype"))})
				}
				out = append(out, translate.Span{Kind: translate.SpanOpen, Code: pairID(c)})
			case "ex", "ept":
				out = append(out, translate.Span{Kind: translate.SpanClose, Code: pairID(c)})
			case "mrk":
				if err := walk(c); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(n); err != nil {
		return nil, err
	}
	return out.Normalize(), nil
}

// pairID links a 1.2 begin/end pair: rid when present, else id.
func pairID(n *xmltree.Node) string { return cmp.Or(n.Get("rid"), n.Get("id")) }

func kind12(ctype string) translate.CodeKind {
	switch ctype {
	case "italic":
		return translate.CodeEmphasis
	case "bold":
		return translate.CodeStrong
	case "link", "x-link":
		return translate.CodeLink
	}
	if k, ok := strings.CutPrefix(ctype, "x-"); ok && translate.KnownCodeKind(translate.CodeKind(k)) {
		return translate.CodeKind(k)
	}
	return ""
}
