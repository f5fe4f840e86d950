package translate

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// ApplyOptions configure Apply. The zero value falls back to the source with a warning for
// every unit without an accepted translation.
type ApplyOptions struct {
	// OutputLang is the language of the output (BCP 47 base). A translation file for another
	// language is an ErrTranslation error; empty skips the check. Without a file, units
	// count as untranslated when OutputLang differs from doc.Meta.OriginalLang.
	OutputLang string
	// Locale is the output locale; when its masthead is translated (fr, es) the organ line
	// of an already localized document is replaced by the translated body name.
	Locale *locales.Locale
	// SourceLocale gives the notes' segmentation rules; nil looks up OriginalLang in
	// Locales. It only matters for ids of segments, not for what is applied.
	SourceLocale *locales.Locale
	// Locales is the locale data SourceLocale is looked up in when nil.
	Locales *locales.Set
	// Strict turns units left in the source language into an ErrTranslation error.
	Strict bool
	// Warnings receives diagnostics; nil discards them.
	Warnings *model.Warnings
}

// Apply replaces the text of every block of doc that tr translates, rebuilding runs from
// the translated segments and placeholders: symbols come back as KindSymbol runs, links as
// links, footnotes with their translated notes, emphasis as emphasis. Structure, ids and
// numbers are kept. Units without an accepted translation keep the source text, are listed
// in a warning (an error with Strict), and are counted in doc.Present.Untranslated
// (metadata labels are listed but not counted: they are not body blocks).
//
// A file made for other notes (fingerprint, unit ids or unit sources that do not match) is
// an ErrTranslation error. With tr nil, Apply only sets doc.Present.Untranslated (see
// Untranslated). Applying the same file twice leaves the document as the first time.
func Apply(ctx context.Context, doc *model.Document, tr *Translations, opts ApplyOptions) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if tr == nil {
		doc.Present.Untranslated = Untranslated(doc, opts.OutputLang)
		return nil
	}
	file := model.Pos{File: tr.Name}
	if opts.OutputLang != "" && tr.TargetLang != "" && baseLang(tr.TargetLang) != baseLang(opts.OutputLang) {
		return model.Errorf(Stage, file, model.ErrTranslation, "the file translates into %q but the output language is %q", tr.TargetLang, opts.OutputLang)
	}
	loc := opts.SourceLocale
	if loc == nil {
		loc = lookupLocale(opts.Locales, doc.Meta.OriginalLang)
	}
	units, err := Units(doc, loc)
	if err != nil {
		return err
	}
	byID := make(map[string]*Unit, len(units))
	for _, u := range units {
		byID[u.ID] = u
	}
	fileUnits, unknown, err := fileUnitsByID(tr, byID)
	if err != nil {
		return err
	}
	if mismatch := mismatchOf(tr, units, byID, unknown); mismatch != "" {
		if alreadyApplied(units, byID, tr) {
			doc.Present.Untranslated = countFallbacks(units, fileUnits)
			return nil
		}
		return model.Errorf(Stage, file, model.ErrTranslation, "translation file does not belong to this document: %s", mismatch)
	}
	if tr.Fingerprint == "" {
		opts.Warnings.Warn(Stage, file, "the translation file carries no scribe fingerprint (rewritten by another tool?); unit sources were checked one by one")
	}
	targets, err := acceptedTargets(units, fileUnits, file, opts.Warnings)
	if err != nil {
		return err
	}
	untranslated, err := reportFallbacks(units, targets, file, opts)
	if err != nil {
		return err
	}

	r := &rebuilder{units: byID, targets: targets}
	r.blocks(doc.Blocks)
	r.meta(doc, opts.Locale)
	doc.Present.Untranslated = untranslated
	return nil
}

// fileUnitsByID indexes the file's units by id, refusing a duplicate id, and lists the ids
// these notes do not have (metadata units aside).
func fileUnitsByID(tr *Translations, byID map[string]*Unit) (map[string]*TransUnit, []string, error) {
	fileUnits := make(map[string]*TransUnit, len(tr.Units))
	var unknown []string
	for _, tu := range tr.Units {
		if _, dup := fileUnits[tu.ID]; dup {
			return nil, nil, model.Errorf(Stage, tu.Pos, model.ErrTranslation, "duplicate unit id %q", tu.ID)
		}
		fileUnits[tu.ID] = tu
		// Metadata units come and go with --title, --body, --symbol: a file extracted with
		// other metadata still belongs to these notes; its extra metadata is not used.
		if byID[tu.ID] == nil && !strings.HasPrefix(tu.ID, "meta.") {
			unknown = append(unknown, tu.ID)
		}
	}
	return fileUnits, unknown, nil
}

// mismatchOf says why the file was not made for these notes (another fingerprint, unknown
// unit ids, or, without a fingerprint, a unit whose source differs), or "" when it was.
func mismatchOf(tr *Translations, units []*Unit, byID map[string]*Unit, unknown []string) string {
	fp := Fingerprint(units)
	switch {
	case tr.Fingerprint != "" && tr.Fingerprint != fp:
		return "it was made for other notes (fingerprint " + short(tr.Fingerprint) + ", these notes " + short(fp) + ")"
	case len(unknown) > 0:
		return "unit ids not in these notes: " + strings.Join(unknown, ", ")
	case tr.Fingerprint == "":
		// A file without our fingerprint (rewritten by another tool): check sources.
		for _, tu := range tr.Units {
			u := byID[tu.ID]
			if u == nil || u.Kind == UnitMeta {
				continue
			}
			if normSpace(tu.Source.Plain(tu.Codes)) != normSpace(u.Source.Plain(u.Codes)) {
				return "the source of unit " + tu.ID + " differs from these notes"
			}
		}
	}
	return ""
}

// acceptedTargets resolves every accepted target into the document's code space, cleaned
// as the notes' text was, and warns once about units whose emphasis was lost.
func acceptedTargets(units []*Unit, fileUnits map[string]*TransUnit, file model.Pos, warn *model.Warnings) (map[string]Content, error) {
	targets := map[string]Content{}
	var lostFormatting []string
	for _, u := range units {
		tu := fileUnits[u.ID]
		if tu == nil || !tu.Accepted || tu.Target == nil {
			continue
		}
		if u.Kind == UnitMeta && normSpace(tu.Source.Plain(tu.Codes)) != normSpace(u.Source.Plain(u.Codes)) {
			continue // metadata given differently since extraction: left untranslated, listed below
		}
		t, lost, err := resolveTarget(u, tu)
		if err != nil {
			return nil, model.Errorf(Stage, tu.Pos, model.ErrTranslation, "unit %s: %v", u.ID, err)
		}
		if lost {
			lostFormatting = append(lostFormatting, u.ID)
		}
		// A translator's text is cleaned as the notes' text was: a stray U+202E or another
		// invisible control must not reach the outputs.
		targets[u.ID] = t.cleanChars()
	}
	if len(lostFormatting) > 0 {
		warn.Warn(Stage, file, "emphasis was lost in translation (the file has no paired codes) in units %s", strings.Join(lostFormatting, ", "))
	}
	return targets, nil
}

// reportFallbacks lists the units with words but no accepted translation, which stay in the
// source language: an error under Strict, else a warning. It returns how many are body units.
func reportFallbacks(units []*Unit, targets map[string]Content, file model.Pos, opts ApplyOptions) (untranslated int, err error) {
	var fallback []string
	for _, u := range units {
		if _, ok := targets[u.ID]; ok || !u.Source.HasWords() {
			continue
		}
		fallback = append(fallback, u.ID)
		if u.Kind != UnitMeta {
			untranslated++
		}
	}
	if len(fallback) > 0 {
		if opts.Strict {
			return 0, model.Errorf(Stage, file, model.ErrTranslation, "%d units have no accepted translation: %s", len(fallback), strings.Join(fallback, ", "))
		}
		opts.Warnings.Warn(Stage, file, "%d units have no accepted translation and stay in the source language: %s", len(fallback), strings.Join(fallback, ", "))
	}
	return untranslated, nil
}

// Untranslated counts the body units of doc whose text is in the source language when no
// translation is applied: all of them when outLang differs from doc.Meta.OriginalLang,
// none otherwise. Units without words (only symbols and numbers) are not counted.
func Untranslated(doc *model.Document, outLang string) int {
	if outLang == "" || doc.Meta.OriginalLang == "" || baseLang(outLang) == baseLang(doc.Meta.OriginalLang) {
		return 0
	}
	units, err := Units(doc, nil)
	if err != nil {
		// Without ids the document cannot be cut into units; count blocks directly.
		n := 0
		model.Walk(doc.Blocks, func(b model.Block) bool {
			switch b.(type) {
			case *model.List, *model.Quote:
			default:
				n++
			}
			return true
		})
		return n
	}
	n := 0
	for _, u := range units {
		if u.Kind != UnitMeta && u.Source.HasWords() {
			n++
		}
	}
	return n
}

// Transform adapts Apply to the pipeline's normalizer interface: it applies Translations
// (nil for none) for the language of env.Locale.
type Transform struct {
	Translations *Translations
	Options      ApplyOptions
}

// Name implements pipeline.Transform.
func (t *Transform) Name() string { return "translate" }

// Apply implements pipeline.Transform. Options.OutputLang and Locale default to env's
// locale; env.Warnings is used when Options.Warnings is nil.
func (t *Transform) Apply(ctx context.Context, doc *model.Document, env *model.Env) error {
	o := t.Options
	if env != nil {
		if o.Locale == nil {
			o.Locale = env.Locale
		}
		if o.Locales == nil {
			o.Locales = env.Locales
		}
		if o.OutputLang == "" && env.Locale != nil {
			o.OutputLang = env.Locale.Tag
		}
		if o.Warnings == nil {
			o.Warnings = env.Warnings
		}
	}
	if o.OutputLang == "" {
		o.OutputLang = doc.Meta.Lang
	}
	return Apply(ctx, doc, t.Translations, o)
}

func baseLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

func short(fp string) string {
	if len(fp) > 19 {
		return fp[:19] + "…"
	}
	return fp
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// alreadyApplied reports whether doc already carries tr's translations: every unit of the
// file reads as its accepted target (or source when not accepted).
func alreadyApplied(units []*Unit, byID map[string]*Unit, tr *Translations) bool {
	if len(tr.Units) == 0 {
		return false
	}
	for _, tu := range tr.Units {
		u := byID[tu.ID]
		if u == nil {
			return false
		}
		want := tu.Source
		if tu.Accepted && tu.Target != nil {
			want = tu.Target
		}
		if normSpace(want.Plain(tu.Codes)) != normSpace(u.Source.Plain(u.Codes)) {
			return false
		}
	}
	return true
}

func countFallbacks(units []*Unit, file map[string]*TransUnit) int {
	n := 0
	for _, u := range units {
		tu := file[u.ID]
		if u.Kind != UnitMeta && u.Source.HasWords() && (tu == nil || !tu.Accepted || tu.Target == nil) {
			n++
		}
	}
	return n
}

// resolveTarget checks tu's target against the document unit and returns it in the unit's
// code space. lost reports paired codes dropped by a plain-text round trip.
func resolveTarget(u *Unit, tu *TransUnit) (Content, bool, error) {
	docHasPH := false
	docHasPaired := false
	for _, c := range u.Codes {
		if c.Kind.Paired() {
			docHasPaired = true
		} else {
			docHasPH = true
		}
	}
	fileHasCodes := false
	for _, s := range tu.Source {
		if s.Kind != SpanText {
			fileHasCodes = true
			break
		}
	}
	if !fileHasCodes && (docHasPH || docHasPaired) {
		// The file's source is plain text: a tool flattened our placeholders.
		t, err := RecoverCodes(tu.Target.Plain(tu.Codes), u.Source, u.Codes)
		return t, docHasPaired, err
	}
	for _, fc := range tu.Codes {
		dc, ok := findCode(u.Codes, fc.ID)
		if !ok {
			return nil, false, fmt.Errorf("placeholder %s of the file is not in the document", fc.ID)
		}
		if fc.Data != "" && !dc.Kind.Paired() && fc.Data != dc.Data {
			return nil, false, fmt.Errorf("placeholder %s stands for %q in the file but %q in the document", fc.ID, fc.Data, dc.Data)
		}
	}
	if msg := CheckCodes(u.Source, tu.Target, u.Codes); msg != "" {
		return nil, false, errors.New(msg)
	}
	return tu.Target.Normalize(), false, nil
}

// rebuilder writes translated runs back into the blocks.
type rebuilder struct {
	units   map[string]*Unit
	targets map[string]Content
}

func (r *rebuilder) blocks(bs []model.Block) {
	model.Walk(bs, func(b model.Block) bool {
		switch n := b.(type) {
		case *model.Heading:
			n.Inlines = r.inlines(n.ID, n.Inlines)
		case *model.Paragraph:
			n.Inlines = r.inlines(n.ID, n.Inlines)
		case *model.ListItem:
			n.Inlines = r.inlines(n.ID, n.Inlines)
		case *model.Note:
			n.Inlines = r.inlines(n.ID, n.Inlines)
		case *model.Preformatted:
			n.Text = model.PlainText(r.inlines(n.ID, model.Texts(n.Text, n.Pos.Line)))
		case *model.Attendance, *model.Annex:
			return false // built after translation, from the translated body
		case *model.Table:
			if n.ID == "" {
				break
			}
			for i, row := range n.Rows {
				for j, cell := range row {
					row[j] = r.inlines(cellID(n.ID, i, j), cell)
				}
				n.Rows[i] = row
			}
		}
		return true
	})
}

// inlines returns the runs of unit id: rebuilt from its translation, or the original runs
// with translated footnotes patched in.
func (r *rebuilder) inlines(id string, orig []model.Inline) []model.Inline {
	notes := footnoteRuns(id, orig)
	line := 0
	if len(orig) > 0 {
		line = orig[0].Line
	}
	t, ok := r.targets[id]
	u := r.units[id]
	if !ok || u == nil {
		// Keep the source, but translate its footnotes if they have a translation.
		out := model.CloneInlines(orig)
		n := 0
		for i := range out {
			if out[i].Kind == model.KindFootnote {
				n++
				fid := id + ".fn" + strconv.Itoa(n)
				out[i].Note = r.inlines(fid, out[i].Note)
			}
		}
		return out
	}
	return rebuildRuns(t, u.Codes, line, func(c Code) []model.Inline {
		return r.inlines(c.Footnote, notes[c.Footnote])
	})
}

// footnoteRuns maps the footnote unit ids of a block's runs to their note runs.
func footnoteRuns(id string, ins []model.Inline) map[string][]model.Inline {
	m := map[string][]model.Inline{}
	n := 0
	for _, in := range ins {
		if in.Kind == model.KindFootnote {
			n++
			m[id+".fn"+strconv.Itoa(n)] = in.Note
		}
	}
	return m
}

// rebuildRuns turns content back into model runs.
func rebuildRuns(c Content, codes []Code, line int, note func(Code) []model.Inline) []model.Inline {
	var out []model.Inline
	var stack []model.InlineKind
	cur := func() model.InlineKind {
		if len(stack) == 0 {
			return model.KindText
		}
		return stack[len(stack)-1]
	}
	addText := func(k model.InlineKind, s string) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Kind == k {
			out[n-1].Text += s
			return
		}
		out = append(out, model.Inline{Kind: k, Text: s, Line: line})
	}
	for _, s := range c {
		switch s.Kind {
		case SpanText:
			addText(cur(), s.Text)
		case SpanOpen:
			cd, _ := findCode(codes, s.Code)
			k := model.KindEmphasis
			switch cd.Kind {
			case CodeStrong:
				k = model.KindStrong
			case CodeQuoted:
				k = model.KindQuoted
			}
			stack = append(stack, k)
		case SpanClose:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case SpanPlaceholder:
			cd, ok := findCode(codes, s.Code)
			if !ok {
				continue
			}
			switch cd.Kind {
			case CodeSymbol:
				out = append(out, model.Inline{Kind: model.KindSymbol, Text: cd.Data, Line: line})
			case CodeLink:
				out = append(out, model.LinkRun(cd.Data, cd.URL, line))
			case CodeFootnote:
				out = append(out, model.Inline{Kind: model.KindFootnote, Line: line, Note: note(cd)})
			default:
				addText(cur(), cd.Data)
			}
		}
	}
	return out
}

// meta applies translated metadata labels, and keeps an already localized presentation in
// step with them.
func (r *rebuilder) meta(doc *model.Document, out *locales.Locale) {
	set := func(id string, field *string) (old string, changed bool) {
		t, ok := r.targets[id]
		u := r.units[id]
		if !ok || u == nil {
			return "", false
		}
		old = *field
		*field = strings.TrimSpace(t.Plain(u.Codes))
		return old, old != *field
	}
	set("meta.title", &doc.Meta.Title)
	if old, ok := set("meta.venue", &doc.Meta.Venue); ok && doc.Present.TitleBlock != "" {
		doc.Present.TitleBlock = strings.ReplaceAll(doc.Present.TitleBlock, old, doc.Meta.Venue)
	}
	if old, ok := set("meta.body", &doc.Meta.Body); ok && (out == nil || out.Masthead.Translated) {
		for i, m := range doc.Present.Masthead {
			if m.Key == model.MastOrgan && m.Text == old {
				doc.Present.Masthead[i].Text = doc.Meta.Body
			}
		}
	}
}
