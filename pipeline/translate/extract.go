package translate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Stage is the name this package reports errors and warnings under.
const Stage = "translate"

// UnitKind is the role of a unit in the document.
type UnitKind string

// The unit kinds, one per kind of translatable block.
const (
	UnitMeta      UnitKind = "metadata"
	UnitHeading   UnitKind = "heading"
	UnitParagraph UnitKind = "paragraph"
	UnitItem      UnitKind = "item"
	UnitQuote     UnitKind = "quotation"
	UnitNote      UnitKind = "note"
	UnitCell      UnitKind = "cell"
	UnitFootnote  UnitKind = "footnote"
	UnitPre       UnitKind = "preformatted"
)

// Bundle is everything a translation file for one target language holds: the units of the
// document in reading order and the fingerprint that ties the file to these notes.
type Bundle struct {
	// Source is the document's source path, for information only.
	Source     string
	SourceLang string
	TargetLang string
	// Fingerprint is "sha256:<hex>" over unit ids, kinds and source content. It does not
	// depend on the target language, numbering labels or presentation.
	Fingerprint string
	Units       []*Unit
}

// Unit is one translatable block, cell, footnote or metadata label.
type Unit struct {
	ID   string
	Kind UnitKind
	Pos  model.Pos
	// Codes are the unit's protected inline codes; spans refer to them by id.
	Codes []Code
	// Source is the whole unit's content; Segments cut it into sentences.
	Source   Content
	Segments []*Seg
	// Notes give translators context: paragraph number, heading, speaker, role.
	Notes []Note
	// Terms are glossary entries whose source term occurs in the unit.
	Terms []Term
}

// Seg is one segment of a unit: a sentence, or (Ignorable) the white space between two.
type Seg struct {
	// ID is "s1", "s2"… within the unit; empty for ignorable white space.
	ID        string
	Ignorable bool
	Source    Content
	// Target is a pre-filled translation (from an exact memory match), nil otherwise.
	Target Content
	// State is the XLIFF 2.0 state of Target ("initial" for pre-filled text).
	State string
	// SubState qualifies State: "scribe:tm-exact" or "scribe:tm-in-context".
	SubState string
	// Matches are translation candidates: memory matches and machine translation.
	Matches []Match
}

// Note is a comment for translators.
type Note struct {
	// Category is "number", "heading", "speaker", "role" or "terminology".
	Category string
	Text     string
}

// Term is a glossary entry offered to the translator of a unit.
type Term struct {
	Source string
	Target string
	// Origin names where the entry comes from: the glossary file, or "CLDR" for country
	// names (locales.RegionName, generated from golang.org/x/text/language/display).
	Origin string
}

// Match is a translation candidate for one segment, never its final text.
type Match struct {
	// Type is "tm" (memory), "icm" (in-context exact match) or "mt" (machine translation),
	// the XLIFF 2.0 Translation Candidates values.
	Type string
	// Similarity is 0–100; 100 for exact matches.
	Similarity float64
	// Origin names the memory file or the machine-translation command.
	Origin string
	Source Content
	Target Content
	// Codes define the placeholders of Source and Target; ids are the segment's own where
	// the code was matched, others are "m1", "m2"….
	Codes []Code
}

// ExtractOptions configure Extract. The zero value extracts without memory, glossary or
// machine translation, segmenting with the rules of doc.Meta.OriginalLang.
type ExtractOptions struct {
	// SourceLocale gives the segmentation rules of the notes' language; nil looks up
	// doc.Meta.OriginalLang in Locales (English rules if unknown).
	SourceLocale *locales.Locale
	// Locales is the locale data SourceLocale is looked up in when nil. With both nil,
	// sentences are cut at ". ? !" with no abbreviations.
	Locales *locales.Set
	// TargetLang is the language the file is for (BCP 47 base, "fr").
	TargetLang string
	// Memory pre-fills exact matches and offers fuzzy ones; nil for none.
	Memory *Memory
	// FuzzyThreshold is the lowest similarity (0–100) offered as a candidate; 0 means 75.
	FuzzyThreshold float64
	// MaxCandidates caps memory candidates per segment; 0 means 3.
	MaxCandidates int
	// Glossary offers terminology; country names from CLDR are added when Countries is set.
	Glossary Termbase
	// MTCommand, when set, is run with "sh -c" and fed segments as JSON lines; see
	// MachineTranslate. Its output becomes candidates of type "mt".
	MTCommand string
	// Warnings receives diagnostics; nil discards them.
	Warnings *model.Warnings
}

// Termbase finds glossary entries in a text; formats/glossary implements it.
type Termbase interface {
	// Find returns the entries whose srcLang term occurs in text, with their tgtLang term.
	Find(text, srcLang, tgtLang string) []Term
}

// Units cuts doc into translation units without any look-up: the basis of Extract, Apply
// and Fingerprint. Blocks must carry ids (the ids normalizer sets them); a missing or
// duplicated id is an ErrTranslation error.
func Units(doc *model.Document, loc *locales.Locale) ([]*Unit, error) {
	x := &extractor{seg: newSegmenter(loc), seen: map[string]model.Pos{}}
	m := doc.Meta
	pos := func(field string) model.Pos {
		if p, ok := m.Lines[field]; ok {
			return p
		}
		return model.Pos{File: doc.Source}
	}
	for _, f := range []struct{ id, field, text string }{
		{"meta.title", "title", m.Title},
		{"meta.venue", "venue", m.Venue},
		{"meta.body", "body", m.Body},
	} {
		if strings.TrimSpace(f.text) == "" {
			continue
		}
		if err := x.add(f.id, UnitMeta, pos(f.field), model.Texts(f.text, 0), []Note{{"role", "Metadata: " + f.field}}); err != nil {
			return nil, err
		}
	}
	if err := x.blocks(doc.Blocks, ctxInfo{}); err != nil {
		return nil, err
	}
	return x.units, nil
}

// Fingerprint returns "sha256:<hex>" over the ids, kinds and source content of the body
// units (headings, paragraphs, items, notes, cells): what the notes say. Metadata units are
// left out, since --title, --body and --symbol change them between extraction and
// conversion without making the file belong to other notes.
func Fingerprint(units []*Unit) string {
	h := sha256.New()
	for _, u := range units {
		if u.Kind == UnitMeta {
			continue
		}
		fmt.Fprintf(h, "%s\x1f%s\x1f%s\x1e", u.ID, u.Kind, u.Source.Key(u.Codes))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// Extract builds the translation bundle of doc for one target language: units, segments,
// notes, and where configured memory matches, glossary terms and machine translation.
// Extracting the same document twice gives identical bundles.
func Extract(ctx context.Context, doc *model.Document, opts ExtractOptions) (*Bundle, error) {
	loc := opts.SourceLocale
	if loc == nil {
		loc = lookupLocale(opts.Locales, doc.Meta.OriginalLang)
	}
	units, err := Units(doc, loc)
	if err != nil {
		return nil, err
	}
	srcLang := doc.Meta.OriginalLang
	if srcLang == "" && loc != nil {
		srcLang = loc.Tag
	}
	if srcLang == "" {
		srcLang = "en"
	}
	b := &Bundle{Source: doc.Source, SourceLang: srcLang, TargetLang: opts.TargetLang,
		Fingerprint: Fingerprint(units), Units: units}
	if opts.TargetLang == "" {
		return nil, model.Errorf(Stage, model.Pos{File: doc.Source}, model.ErrLanguage, "no target language for the translation file")
	}
	if opts.Memory != nil {
		leverage(b, opts)
	}
	if opts.Glossary != nil {
		for _, u := range b.Units {
			u.Terms = opts.Glossary.Find(u.Source.Plain(u.Codes), srcLang, opts.TargetLang)
		}
	}
	if opts.MTCommand != "" {
		if err := MachineTranslate(ctx, b, opts.MTCommand, opts.Warnings); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// lookupLocale finds the notes' language tag in set, English when it is not one of the six;
// nil when set is.
func lookupLocale(set *locales.Set, tag string) *locales.Locale {
	if set == nil {
		return nil
	}
	if tag == "" {
		tag = "en"
	}
	loc, err := set.Lookup(tag)
	if err != nil {
		loc, _ = set.Lookup("en")
	}
	return loc
}

type ctxInfo struct {
	heading string
	speaker string
}

type extractor struct {
	seg   *segmenter
	units []*Unit
	seen  map[string]model.Pos
}

func (x *extractor) add(id string, kind UnitKind, pos model.Pos, ins []model.Inline, notes []Note) error {
	if id == "" {
		return model.Errorf(Stage, pos, model.ErrTranslation, "%s has no id: run the ids normalizer before extracting translation units", kind)
	}
	if prev, dup := x.seen[id]; dup {
		return model.Errorf(Stage, pos, model.ErrTranslation, "duplicate block id %q (also at %s)", id, prev)
	}
	x.seen[id] = pos
	b := &unitBuilder{id: id}
	b.runs(ins)
	b.content = b.content.Normalize()
	if len(b.content) > 0 && !b.content.IsBlank() {
		u := &Unit{ID: id, Kind: kind, Pos: pos, Codes: b.codes, Source: b.content, Notes: notes}
		u.Segments = x.segments(u)
		x.units = append(x.units, u)
	}
	for _, fn := range b.footnotes {
		fnNotes := []Note{{"role", "Footnote of " + id}}
		if err := x.add(fn.id, UnitFootnote, pos, fn.note, fnNotes); err != nil {
			return err
		}
	}
	return nil
}

func (x *extractor) segments(u *Unit) []*Seg {
	var out []*Seg
	n := 0
	for _, p := range x.seg.segmentContent(u.Source, u.Codes) {
		if p.space {
			out = append(out, &Seg{Ignorable: true, Source: p.content})
			continue
		}
		n++
		out = append(out, &Seg{ID: "s" + strconv.Itoa(n), Source: p.content})
	}
	return out
}

func numberNote(n model.Number, what string) []Note {
	switch {
	case n.Label != "":
		return []Note{{"number", what + " " + n.Label}}
	case n.Ordinal > 0:
		return []Note{{"number", what + " " + strconv.Itoa(n.Ordinal)}}
	}
	return nil
}

func contextNotes(c ctxInfo) []Note {
	var out []Note
	if c.heading != "" {
		out = append(out, Note{"heading", "Under heading: " + c.heading})
	}
	if c.speaker != "" {
		out = append(out, Note{"speaker", "Speaker: " + c.speaker})
	}
	return out
}

func (x *extractor) blocks(bs []model.Block, c ctxInfo) error {
	for _, b := range bs {
		if err := x.block(b, &c); err != nil {
			return err
		}
	}
	return nil
}

// block adds the units of one block; c is updated by headings so later siblings see them.
func (x *extractor) block(b model.Block, c *ctxInfo) error {
	switch n := b.(type) {
	case *model.Heading:
		notes := append([]Note{{"role", fmt.Sprintf("Heading (level %d)", n.Level)}}, numberNote(n.Number, "Heading")...)
		if err := x.add(n.ID, UnitHeading, n.Pos, n.Inlines, notes); err != nil {
			return err
		}
		c.heading = strings.TrimSpace(strings.TrimSpace(n.Number.Label) + " " + model.PlainText(n.Inlines))
	case *model.Paragraph:
		cc := *c
		if n.Speaker != "" {
			cc.speaker = n.Speaker
		}
		role := "Paragraph"
		if !n.Numbered {
			role = "Unnumbered paragraph"
		}
		switch n.Kind {
		case model.KindDecision:
			role = "Decision"
		case model.KindAction:
			role = "Action item"
			if n.Owner != "" {
				role += " (owner: " + n.Owner + ")"
			}
		}
		notes := append([]Note{{"role", role}}, numberNote(n.Number, "Paragraph")...)
		notes = append(notes, contextNotes(cc)...)
		if err := x.add(n.ID, UnitParagraph, n.Pos, n.Inlines, notes); err != nil {
			return err
		}
		return x.blocks(n.Children, cc)
	case *model.List:
		for _, it := range n.Items {
			if err := x.block(it, c); err != nil {
				return err
			}
		}
	case *model.ListItem:
		notes := append([]Note{{"role", "Subparagraph"}}, numberNote(n.Number, "Subparagraph")...)
		notes = append(notes, contextNotes(*c)...)
		if err := x.add(n.ID, UnitItem, n.Pos, n.Inlines, notes); err != nil {
			return err
		}
		return x.blocks(n.Children, *c)
	case *model.Quote:
		for _, p := range n.Paragraphs {
			notes := append([]Note{{"role", "Quotation paragraph"}}, contextNotes(*c)...)
			if err := x.add(p.ID, UnitQuote, p.Pos, p.Inlines, notes); err != nil {
				return err
			}
			if err := x.blocks(p.Children, *c); err != nil {
				return err
			}
		}
	case *model.Note:
		if err := x.add(n.ID, UnitNote, n.Pos, n.Inlines, []Note{{"role", "Editorial note"}}); err != nil {
			return err
		}
	case *model.Preformatted:
		notes := append([]Note{{"role", "Preformatted text: keep every line break"}}, contextNotes(*c)...)
		if err := x.add(n.ID, UnitPre, n.Pos, model.Texts(n.Text, n.Pos.Line), notes); err != nil {
			return err
		}
	case *model.Attendance, *model.Annex:
		// Built per output language from the metadata and the translated body: names are
		// not translated, labels come from the locale.
	case *model.Table:
		for i, row := range n.Rows {
			for j, cell := range row {
				if len(cell) == 0 {
					continue
				}
				id := ""
				if n.ID != "" {
					id = cellID(n.ID, i, j)
				}
				notes := append([]Note{{"role", fmt.Sprintf("Table cell, row %d, column %d", i+1, j+1)}}, contextNotes(*c)...)
				if err := x.add(id, UnitCell, n.Pos, cell, notes); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func cellID(table string, row, col int) string {
	return table + ".r" + strconv.Itoa(row+1) + ".c" + strconv.Itoa(col+1)
}
