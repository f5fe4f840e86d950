package pdf

import (
	"slices"
	"strings"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// FontChoice says which face prints one role of a language version's text.
type FontChoice struct {
	// Role is "body" or "heading".
	Role string
	// Family is the face chosen; empty when no face has the language's characters.
	Family string
	// Source is where the face comes from: "embedded", "--font", "--font-dir" or "system";
	// File is its path (empty for embedded faces).
	Source, File string
	// Fallback is true when the face is none of the families the locale prefers (a
	// Chinese body in a Hei face because no Song face is installed).
	Fallback bool
	// Missing lists characters of the language that no face has.
	Missing []rune
}

// Choose says which faces this set prints a language version in, as a conversion would
// choose them, for `scribe fonts`. It may search the system's font folders.
func (fs *FontSet) Choose(loc *locales.Locale) []FontChoice {
	tc := typeChoiceOf(loc, model.Presentation{Lang: loc.Tag})
	df := newDocFonts(fs, tc)
	probe := languageProbes[loc.Tag]
	roles := []string{"body"}
	if len(tc.headingFonts) > 0 {
		roles = append(roles, "heading")
	}
	var out []FontChoice
	for _, role := range roles {
		heading := role == "heading"
		ch := FontChoice{Role: role}
		var chosen *face
		for _, r := range probe {
			f := df.pick(r, styleRegular, heading)
			if f == nil {
				ch.Missing = append(ch.Missing, r)
				continue
			}
			if chosen == nil && !neutral(r) {
				chosen = f
			}
		}
		if chosen != nil {
			ch.Family, ch.File = chosen.family, chosen.path
			fam := fs.find(chosen.family, true)
			switch {
			case fam != nil && fam.user:
				ch.Source = "--font"
			case chosen.raw != nil:
				ch.Source = "embedded"
			case len(fs.askedDirs) > 0 && fs.askedFamilies().byName[strings.ToLower(chosen.family)] != nil:
				ch.Source = "--font-dir"
			default:
				ch.Source = "system"
			}
			preferred := tc.bodyFonts
			if heading {
				preferred = tc.headingFonts
			}
			ch.Fallback = (fam == nil || !fam.user) && !slices.ContainsFunc(preferred, func(n string) bool { return strings.ToLower(n) == strings.ToLower(chosen.family) })
		}
		out = append(out, ch)
	}
	return out
}

// Languages reports which of the six UN languages this set can typeset at all, with the
// faces a conversion would try for each script. It may search the system's font folders.
func (fs *FontSet) Languages() map[string]bool {
	out := make(map[string]bool, len(languageProbes))
	for lang, probe := range languageProbes {
		tc := typeChoiceOf(nil, model.Presentation{Lang: lang})
		tc.bodyFonts = scriptFamilies[tc.docClass]
		df := newDocFonts(fs, tc)
		ok := true
		for _, r := range probe {
			if df.pick(r, styleRegular, false) == nil {
				ok = false
				break
			}
		}
		out[lang] = ok
	}
	return out
}
