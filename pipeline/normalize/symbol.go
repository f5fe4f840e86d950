package normalize

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// SymbolPattern fills the document symbol from a project-wide pattern, per input:
// {stem} becomes the input's file name without its extension and {yyyy} the meeting's year
// (empty when the date is unknown). A symbol the notes give themselves is kept unless it is
// itself a pattern. It runs as a source transform, before localization.
type SymbolPattern struct {
	// Pattern is the symbol with placeholders, as in "PC-2/{stem}/{yyyy}".
	Pattern string
}

// IsSymbolPattern reports whether s has placeholders for SymbolPattern to fill.
func IsSymbolPattern(s string) bool { return strings.Contains(s, "{") }

// Name is the transform's name in errors.
func (SymbolPattern) Name() string { return "symbol" }

// Apply sets doc.Meta.Symbol from the pattern.
func (t SymbolPattern) Apply(_ context.Context, doc *model.Document, _ *model.Env) error {
	if doc.Meta.Symbol != "" && !IsSymbolPattern(doc.Meta.Symbol) {
		return nil
	}
	stem := strings.TrimSuffix(filepath.Base(doc.Source), filepath.Ext(doc.Source))
	year := ""
	if len(doc.Meta.Date) >= 4 {
		year = doc.Meta.Date[:4]
	}
	doc.Meta.Symbol = strings.NewReplacer("{stem}", stem, "{yyyy}", year).Replace(t.Pattern)
	return nil
}
