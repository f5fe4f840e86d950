package locales

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/scribe-un/scribe/internal/yamlkeys"
	"golang.org/x/text/language"
)

//go:embed data/*.yaml
var embedded embed.FS

// Supported lists the six UN official languages in the UN's order of listing.
var Supported = []string{"ar", "zh", "en", "fr", "ru", "es"}

// Set is a loaded, read-only collection of locales. It is safe for concurrent use.
type Set struct {
	byTag map[string]*Locale
	// matcher maps a regional or script variant to a supported language; built on first
	// use, since the plain tags ("en", "fr") that nearly every run asks for never need it.
	matcher func() language.Matcher
	// monthIdx is the month names of every language, built once by load: date finding
	// runs on many lines of every input, and rebuilding the index there dominated it.
	monthIdx monthIndex
	// titleBlocks are the title-block patterns of every language as anchored expressions,
	// most specific first, for reading a report scribe wrote back in; compiled on first use.
	titleBlocks func() []*regexp.Regexp
}

var embeddedSet = sync.OnceValues(func() (*Set, error) { return load(nil, "") })

// Embedded returns the locales built into scribe. The set is built once per process and
// shared read-only. It comes from embedded_gen.go, the YAML files as Go values: parsing the
// YAML took a quarter of the CPU time of converting one short document per process.
func Embedded() (*Set, error) { return embeddedSet() }

// MustEmbedded is Embedded for tests and examples; the embedded data is checked by tests,
// so a failure here is a build defect.
func MustEmbedded() *Set {
	s, err := Embedded()
	if err != nil {
		panic(err)
	}
	return s
}

// LoadDir returns the embedded locales overlaid with the files "<tag>.yaml" found in dir:
// each file's keys replace the embedded ones, keys it omits keep their embedded value.
// A file for a language scribe does not support is an error.
// Unknown keys in an overlay are errors naming the file, the line and the nearest valid key:
// a misspelt key would otherwise leave the built-in value in force without a word.
func LoadDir(dir string) (*Set, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("locales %s: %w", dir, unwrapPathError(err))
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("locales %s: not a folder (give the folder holding <lang>.yaml files)", dir)
	}
	return load(os.DirFS(dir), dir)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// load reads the embedded locales and overlays the files of overlay (nil for none); dir is
// the overlay's folder as the user named it, for messages.
func load(overlay fs.FS, dir string) (*Set, error) {
	s := &Set{}
	if yamlSum() == embeddedYAMLSum {
		s.byTag = embeddedLocales()
	} else {
		// data/*.yaml changed since embedded_gen.go was written (TestEmbeddedGo says so):
		// right, only slower.
		var err error
		if s.byTag, err = loadYAML(); err != nil {
			return nil, err
		}
	}
	if overlay != nil {
		entries, err := fs.ReadDir(overlay, ".")
		if err != nil {
			return nil, fmt.Errorf("locales: %w", err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || (filepath.Ext(name) != ".yaml" && filepath.Ext(name) != ".yml") {
				continue
			}
			tag := strings.TrimSuffix(strings.TrimSuffix(name, ".yaml"), ".yml")
			loc, ok := s.byTag[tag]
			if !ok {
				return nil, fmt.Errorf("locales: %s: %w %q (supported: %s)", filepath.Join(dir, name), ErrUnsupported, tag, strings.Join(Supported, ", "))
			}
			raw, err := fs.ReadFile(overlay, name)
			if err != nil {
				return nil, fmt.Errorf("locales: %w", err)
			}
			if err := decodeOverlay(raw, filepath.Join(dir, name), loc); err != nil {
				return nil, err
			}
			loc.Tag = tag
		}
	}
	for _, tag := range Supported {
		if err := s.byTag[tag].Validate(); err != nil {
			return nil, err
		}
		s.byTag[tag].derived = &sync.Map{}
	}
	s.matcher = sync.OnceValue(func() language.Matcher {
		tags := make([]language.Tag, len(Supported))
		for i, tag := range Supported {
			tags[i] = language.MustParse(tag)
		}
		return language.NewMatcher(tags)
	})
	s.titleBlocks = sync.OnceValue(func() []*regexp.Regexp { return compileTitleBlocks(s.All()) })
	s.monthIdx = s.buildMonths()
	return s, nil
}

// yamlSum is the SHA-256 of the embedded YAML files, in the order of Supported.
func yamlSum() string {
	h := sha256.New()
	for _, tag := range Supported {
		raw, _ := embedded.ReadFile("data/" + tag + ".yaml")
		h.Write(raw)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// loadYAML decodes the embedded YAML files: the source of embedded_gen.go, which a test
// keeps equal to them.
func loadYAML() (map[string]*Locale, error) {
	out := map[string]*Locale{}
	for _, tag := range Supported {
		raw, err := embedded.ReadFile("data/" + tag + ".yaml")
		if err != nil {
			return nil, fmt.Errorf("locales: embedded %s.yaml: %w", tag, err)
		}
		loc := &Locale{}
		if err := decodeOverlay(raw, "embedded "+tag+".yaml", loc); err != nil {
			return nil, err
		}
		out[tag] = loc
	}
	return out, nil
}

// decodeOverlay decodes one locale file onto loc after checking its keys (the embedded
// files too, so a typo in scribe's own data fails its tests).
func decodeOverlay(raw []byte, name string, loc *Locale) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("locales: %s: %w", name, err)
	}
	if err := yamlkeys.Check(&doc, reflect.TypeOf(loc), yamlkeys.Options{File: name, ClosedMaps: overlayClosedMaps()}); err != nil {
		return fmt.Errorf("locales: %w", err)
	}
	if err := doc.Decode(loc); err != nil {
		return fmt.Errorf("locales: %s: %w", name, err)
	}
	return nil
}

// overlayClosedMaps are the locale's maps whose keys form a closed set.
func overlayClosedMaps() map[string][]string {
	labels := make([]string, len(Keys))
	for i, k := range Keys {
		labels[i] = string(k)
	}
	return map[string][]string{"labels": labels, "languageNames": Supported}
}

// Lookup returns the locale for a BCP 47 tag, matching regional and script variants to
// their base language (fr-CA → fr, zh-Hans → zh, ar-EG → ar). An unknown or malformed tag
// is an error that lists the supported languages.
func (s *Set) Lookup(tag string) (*Locale, error) {
	tag = strings.TrimSpace(tag)
	if loc, ok := s.byTag[strings.ToLower(tag)]; ok {
		return loc, nil
	}
	t, err := language.Parse(tag)
	if err != nil {
		return nil, fmt.Errorf("%w %q (supported: %s)", ErrUnsupported, tag, strings.Join(Supported, ", "))
	}
	_, idx, conf := s.matcher().Match(t)
	if conf == language.No {
		return nil, fmt.Errorf("%w %q (supported: %s)", ErrUnsupported, tag, strings.Join(Supported, ", "))
	}
	return s.byTag[Supported[idx]], nil
}

// All returns the locales in the order of Supported.
func (s *Set) All() []*Locale {
	out := make([]*Locale, 0, len(Supported))
	for _, t := range Supported {
		out = append(out, s.byTag[t])
	}
	return out
}

// Validate reports the first missing piece of data: every label key, twelve month names,
// a numbering scheme with at least two subparagraph levels, masthead and title-block
// patterns.
func (l *Locale) Validate() error {
	var missing []string
	for _, k := range Keys {
		if l.Labels[k] == "" {
			missing = append(missing, "labels."+string(k))
		}
	}
	for _, t := range Supported {
		if l.LanguageNames[t] == "" {
			missing = append(missing, "languageNames."+t)
		}
		if l.Masthead.OriginalNames[t] == "" {
			missing = append(missing, "masthead.originalNames."+t)
		}
	}
	if len(l.Dates.Months) != 12 {
		missing = append(missing, "dates.months (12 names)")
	}
	check := func(name, v string) {
		if v == "" {
			missing = append(missing, name)
		}
	}
	check("tag", l.Tag)
	check("name", l.Name)
	check("englishName", l.EnglishName)
	check("script", l.Script)
	check("jobLetter", l.JobLetter)
	check("dates.pattern", l.Dates.Pattern)
	check("dates.timeRange", l.Dates.TimeRange)
	check("masthead.distribution", l.Masthead.Distribution)
	check("masthead.original", l.Masthead.Original)
	check("masthead.unitedNations", l.Masthead.UnitedNations)
	check("masthead.agendaItem", l.Masthead.AgendaItem)
	check("titleBlock.full", l.TitleBlock.Full)
	check("titleBlock.noTime", l.TitleBlock.NoTime)
	check("titleBlock.noVenue", l.TitleBlock.NoVenue)
	check("titleBlock.dateOnly", l.TitleBlock.DateOnly)
	check("typography.fullStop", l.Typography.FullStop)
	check("typography.comma", l.Typography.Comma)
	if len(l.Typography.Quotes) != 2 {
		missing = append(missing, "typography.quotes (open, close)")
	}
	for name, lv := range map[string]Level{"chapter": l.Numbering.Chapter, "section": l.Numbering.Section, "subsection": l.Numbering.Subsection, "paragraph": l.Numbering.Paragraph} {
		if lv.Format == "" || lv.Text == "" {
			missing = append(missing, "numbering."+name)
		}
	}
	if len(l.Numbering.Sub) < 2 {
		missing = append(missing, "numbering.sub (at least two levels)")
	}
	if l.Direction != "ltr" && l.Direction != "rtl" {
		missing = append(missing, "direction (ltr or rtl)")
	}
	if len(l.Speech.SentenceEnds) == 0 {
		missing = append(missing, "speech.sentenceEnds")
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("locales: %s: missing %s", l.Tag, strings.Join(missing, ", "))
	}
	return nil
}
