package translate

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"unicode"
)

// TU is one entry of a translation memory: a source segment and its translation, with the
// codes their placeholders refer to.
type TU struct {
	SourceLang, TargetLang string
	Source, Target         Content
	Codes                  []Code
	// Prev and Next are ContextKey values of the segments before and after Source in its
	// document; empty when unknown. They make in-context exact matches possible.
	Prev, Next string
	// Unit is the id of the unit the segment came from, for information.
	Unit string
}

// ContextKey is the short, stable key of a segment used for in-context matching.
func ContextKey(c Content, codes []Code) string {
	sum := sha256.Sum256([]byte(c.Key(codes)))
	return hex.EncodeToString(sum[:8])
}

// Memory is an in-memory translation memory for one language pair, indexed for exact and
// fuzzy look-up. It is read-only once built and safe for concurrent use.
type Memory struct {
	// Name is the memory's origin, written into candidates ("memory.tmx").
	Name   string
	tus    []TU
	exact  map[string][]int
	tokens [][]string
}

// NewMemory indexes the entries of tus that translate srcLang into tgtLang (base languages
// compared, so "en-US" entries serve "en").
func NewMemory(name string, tus []TU, srcLang, tgtLang string) *Memory {
	m := &Memory{Name: name, exact: map[string][]int{}}
	for _, tu := range tus {
		if baseLang(tu.SourceLang) != baseLang(srcLang) || baseLang(tu.TargetLang) != baseLang(tgtLang) {
			continue
		}
		if tu.Source.IsBlank() || tu.Target.IsBlank() {
			continue
		}
		i := len(m.tus)
		m.tus = append(m.tus, tu)
		k := tu.Source.Key(tu.Codes)
		m.exact[k] = append(m.exact[k], i)
		m.tokens = append(m.tokens, tokenize(k))
	}
	return m
}

// Len is the number of entries indexed.
func (m *Memory) Len() int { return len(m.tus) }

// Hit is the result of a memory look-up.
type Hit struct {
	TU TU
	// Similarity is 0–100, 100 for an exact match.
	Similarity float64
	// InContext is true for an exact match whose neighbouring segments match too.
	InContext bool
}

// Lookup returns the entries matching source: exact matches first (in-context ones before
// others), then fuzzy matches of at least threshold percent, best first, at most max of
// them in all.
func (m *Memory) Lookup(source Content, codes []Code, prev, next string, threshold float64, max int) []Hit {
	if m == nil || len(m.tus) == 0 {
		return nil
	}
	key := source.Key(codes)
	var hits []Hit
	seen := map[int]bool{}
	for _, i := range m.exact[key] {
		tu := m.tus[i]
		ic := (tu.Prev != "" || tu.Next != "") && tu.Prev == prev && tu.Next == next
		hits = append(hits, Hit{TU: tu, Similarity: 100, InContext: ic})
		seen[i] = true
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].InContext && !hits[b].InContext })
	toks := tokenize(key)
	var fuzzy []Hit
	for i, t := range m.tokens {
		if seen[i] {
			continue
		}
		// The length difference bounds the similarity from above: skip hopeless entries.
		longer, shorter := len(t), len(toks)
		if shorter > longer {
			longer, shorter = shorter, longer
		}
		if longer == 0 || 100*float64(shorter)/float64(longer) < threshold {
			continue
		}
		sim := Similarity(toks, t)
		if sim >= threshold && sim < 100 {
			fuzzy = append(fuzzy, Hit{TU: m.tus[i], Similarity: sim})
		}
	}
	sort.SliceStable(fuzzy, func(a, b int) bool { return fuzzy[a].Similarity > fuzzy[b].Similarity })
	hits = append(hits, fuzzy...)
	if max > 0 && len(hits) > max {
		hits = hits[:max]
	}
	return hits
}

// Similarity is 100 × (1 − word-level Levenshtein distance ÷ length of the longer token
// list), rounded to one decimal.
func Similarity(a, b []string) float64 {
	n := len(a)
	if len(b) > n {
		n = len(b)
	}
	if n == 0 {
		return 100
	}
	d := levenshtein(a, b)
	s := 100 * (1 - float64(d)/float64(n))
	return float64(int(s*10+0.5)) / 10
}

func levenshtein(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// tokenize cuts a content key into words, punctuation marks, single CJK characters and
// whole code markers.
func tokenize(key string) []string {
	var out []string
	var word []rune
	flush := func() {
		if len(word) > 0 {
			out = append(out, string(word))
			word = word[:0]
		}
	}
	rs := []rune(key)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= 0xE000 && r <= 0xE004:
			flush()
			// A marker runs to its closing private-use rune (E001 or E003) or is alone.
			j := i + 1
			if r == 0xE000 || r == 0xE002 {
				for j < len(rs) && rs[j] != r+1 {
					j++
				}
				j++
			}
			if j > len(rs) {
				j = len(rs)
			}
			out = append(out, string(rs[i:j]))
			i = j - 1
		case unicode.IsSpace(r):
			flush()
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			word = append(word, r)
		default:
			flush()
			out = append(out, string(r))
		}
	}
	flush()
	return out
}

// leverage fills segments from the memory: exact matches become pre-filled targets in
// state "initial" (never approved text: a translator confirms them), with subState
// "scribe:tm-exact" or "scribe:tm-in-context"; every match, exact or fuzzy, is also offered
// as a candidate.
func leverage(b *Bundle, opts ExtractOptions) {
	threshold := opts.FuzzyThreshold
	if threshold <= 0 {
		threshold = 75
	}
	max := opts.MaxCandidates
	if max <= 0 {
		max = 3
	}
	type ref struct {
		u *Unit
		s *Seg
	}
	var segs []ref
	for _, u := range b.Units {
		for _, s := range u.Segments {
			if !s.Ignorable {
				segs = append(segs, ref{u, s})
			}
		}
	}
	keys := make([]string, len(segs))
	for i, r := range segs {
		keys[i] = ContextKey(r.s.Source, r.u.Codes)
	}
	for i, r := range segs {
		prev, next := "", ""
		if i > 0 {
			prev = keys[i-1]
		}
		if i+1 < len(segs) {
			next = keys[i+1]
		}
		for _, h := range opts.Memory.Lookup(r.s.Source, r.u.Codes, prev, next, threshold, max) {
			typ := "tm"
			if h.InContext {
				typ = "icm"
			}
			if h.Similarity == 100 && r.s.Target == nil {
				if t, ok := remap(h.TU, r.s.Source, r.u.Codes); ok {
					r.s.Target = t
					r.s.State = "initial"
					r.s.SubState = "scribe:tm-exact"
					if h.InContext {
						r.s.SubState = "scribe:tm-in-context"
					}
				}
			}
			r.s.Matches = append(r.s.Matches, candidate(typ, h.Similarity, opts.Memory.Name, h.TU))
		}
	}
}

// remap rewrites an exact match's target into the segment's code ids: codes are paired by
// kind and data in order of appearance, which an exact match guarantees.
func remap(tu TU, src Content, codes []Code) (Content, bool) {
	ids := map[string]string{}
	var segCodes []Code
	for _, s := range src {
		if s.Kind == SpanPlaceholder || s.Kind == SpanOpen {
			c, _ := findCode(codes, s.Code)
			segCodes = append(segCodes, c)
		}
	}
	used := make([]bool, len(segCodes))
	for _, s := range tu.Source {
		if s.Kind != SpanPlaceholder && s.Kind != SpanOpen {
			continue
		}
		tc, _ := findCode(tu.Codes, s.Code)
		found := false
		for i, sc := range segCodes {
			if !used[i] && sc.Kind == tc.Kind && sc.Data == tc.Data {
				used[i] = true
				ids[s.Code] = sc.ID
				found = true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	var out Content
	for _, s := range tu.Target {
		if s.Kind == SpanText {
			out = out.appendText(s.Text)
			continue
		}
		id, ok := ids[s.Code]
		if !ok {
			return nil, false
		}
		out = append(out, Span{Kind: s.Kind, Code: id})
	}
	if CheckCodes(src, out, codes) != "" {
		return nil, false
	}
	return out, true
}

// candidate copies a memory entry into a Match with its own code ids ("m1"…).
func candidate(typ string, sim float64, origin string, tu TU) Match {
	ids := map[string]string{}
	var codes []Code
	rename := func(c Content) Content {
		out := make(Content, 0, len(c))
		for _, s := range c {
			if s.Kind != SpanText {
				id, ok := ids[s.Code]
				if !ok {
					id = "m" + strconv.Itoa(len(ids)+1)
					ids[s.Code] = id
					cd, _ := findCode(tu.Codes, s.Code)
					cd.ID = id
					codes = append(codes, cd)
				}
				s.Code = id
			}
			out = append(out, s)
		}
		return out
	}
	src := rename(tu.Source)
	tgt := rename(tu.Target)
	return Match{Type: typ, Similarity: sim, Origin: origin, Source: src, Target: tgt, Codes: codes}
}

// Approved returns the memory entries a translation file contributes: its approved
// segments (translated, reviewed, signed-off or final — never drafts), with their document
// context, so that a memory grows with every report. Segments of units whose source and
// target segment counts differ are exported as one whole-unit entry.
func Approved(tr *Translations) []TU {
	type seg struct {
		unit string
		p    SegmentPair
		c    []Code
	}
	var all []seg
	for _, u := range tr.Units {
		if len(u.Segments) > 0 {
			for _, p := range u.Segments {
				all = append(all, seg{u.ID, p, u.Codes})
			}
			continue
		}
		all = append(all, seg{u.ID, SegmentPair{Source: u.Source, Target: u.Target, State: u.State, Approved: u.Approved}, u.Codes})
	}
	keys := make([]string, len(all))
	for i, s := range all {
		keys[i] = ContextKey(s.p.Source, s.c)
	}
	var out []TU
	dedup := map[string]bool{}
	for i, s := range all {
		if !s.p.Approved || s.p.Source.IsBlank() || s.p.Target.IsBlank() {
			continue
		}
		tu := TU{SourceLang: tr.SourceLang, TargetLang: tr.TargetLang, Source: s.p.Source,
			Target: s.p.Target, Codes: usedCodes(s.c, s.p.Source, s.p.Target), Unit: s.unit}
		if i > 0 {
			tu.Prev = keys[i-1]
		}
		if i+1 < len(all) {
			tu.Next = keys[i+1]
		}
		k := tu.Source.Key(tu.Codes) + "\x00" + tu.Target.Key(tu.Codes) + "\x00" + tu.Prev + tu.Next
		if dedup[k] {
			continue
		}
		dedup[k] = true
		out = append(out, tu)
	}
	return out
}

// usedCodes keeps the codes a pair of contents refers to.
func usedCodes(codes []Code, cs ...Content) []Code {
	used := map[string]bool{}
	for _, c := range cs {
		for _, s := range c {
			if s.Kind != SpanText {
				used[s.Code] = true
			}
		}
	}
	var out []Code
	for _, c := range codes {
		if used[c.ID] {
			out = append(out, c)
		}
	}
	return out
}
