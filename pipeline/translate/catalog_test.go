package translate

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

func sampleFingerprint(t *testing.T) string {
	t.Helper()
	doc := pipelinetest.Sample("en")
	units, err := Units(doc, lookupLocale(locales.MustEmbedded(), doc.Meta.OriginalLang))
	if err != nil {
		t.Fatal(err)
	}
	return Fingerprint(units)
}

// TestCatalogMatches: each input gets the file made for it, by fingerprint first, then by
// name, then (one input) the lone file of its language.
func TestCatalogMatches(t *testing.T) {
	fp := sampleFingerprint(t)
	other := "sha256:" + strings.Repeat("0", 64)
	file := func(name, lang, fp, original string) CatalogFile {
		return CatalogFile{Translations: &Translations{Name: name, TargetLang: lang, Fingerprint: fp, Original: original}}
	}
	cases := []struct {
		name   string
		files  []CatalogFile
		inputs int
		want   string // the file applied to sample.txt, "" for none
	}{
		{"fingerprint beats name", []CatalogFile{file("xliff/sample.fr.xlf", "fr", other, ""), file("xliff/renamed.fr.xlf", "fr", fp, "")}, 2, "xliff/renamed.fr.xlf"},
		{"by file name", []CatalogFile{file("xliff/sample.fr.xlf", "fr", "", "")}, 2, "xliff/sample.fr.xlf"},
		{"by original, language from it", []CatalogFile{file("back.xlf", "", "", "sample.fr.po")}, 2, "back.xlf"},
		{"other notes in a batch", []CatalogFile{file("minutes.fr.xlf", "fr", "", "")}, 2, ""},
		{"lone file, one input", []CatalogFile{file("from-cat-tool.xlf", "fr", "", "")}, 1, "from-cat-tool.xlf"},
		{"other language", []CatalogFile{file("sample.es.xlf", "es", fp, "")}, 1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cat, err := NewCatalog(c.files, CatalogOptions{Langs: []string{"fr", "es"}, Inputs: c.inputs, Locales: locales.MustEmbedded()})
			if err != nil {
				t.Fatal(err)
			}
			doc := pipelinetest.Sample("en")
			// Files without units: matching is what is tested; Apply accepts an empty file
			// (every unit stays in the source language).
			if _, err := cat.Translator()(context.Background(), doc, "fr", &model.Warnings{}); err != nil && c.want != "xliff/sample.fr.xlf" {
				t.Fatal(err)
			}
			got := ""
			for _, u := range cat.Uses() {
				if len(u.Inputs) > 0 {
					if u.Inputs[0] != doc.Source {
						t.Errorf("use records %v", u.Inputs)
					}
					got = u.File
				}
			}
			if got != c.want {
				t.Errorf("applied %q, want %q", got, c.want)
			}
		})
	}
}

func TestCatalogRefusesBeforeConverting(t *testing.T) {
	fp := sampleFingerprint(t)
	cases := []struct {
		name  string
		files []CatalogFile
		want  string
	}{
		{"named file for a language not asked for", []CatalogFile{{Translations: &Translations{Name: "n.es.xlf", TargetLang: "es"}, Explicit: true}}, `translates into "es", which is not an output language (fr)`},
		{"same notes twice", []CatalogFile{{Translations: &Translations{Name: "a.xlf", TargetLang: "fr", Fingerprint: fp}}, {Translations: &Translations{Name: "b.xlf", TargetLang: "fr-CA", Fingerprint: fp}}}, "this file and a.xlf are both fr translations of the same notes"},
		{"same name twice", []CatalogFile{{Translations: &Translations{Name: "x/n.fr.xlf", TargetLang: "fr"}}, {Translations: &Translations{Name: "y/n.fr.xlf", TargetLang: "fr"}}}, `both fr translations of the notes named "n"`},
	}
	for _, c := range cases {
		_, err := NewCatalog(c.files, CatalogOptions{Langs: []string{"fr"}, Locales: locales.MustEmbedded()})
		if !errors.Is(err, model.ErrTranslation) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
	// No language anywhere, several output languages: an error; a folder's file for a
	// language not asked for is left out.
	if _, err := NewCatalog([]CatalogFile{{Translations: &Translations{Name: "t.xlf"}}}, CatalogOptions{Langs: []string{"fr", "es"}}); err == nil || !strings.Contains(err.Error(), "names no target language") {
		t.Errorf("no language: %v", err)
	}
	cat, err := NewCatalog([]CatalogFile{{Translations: &Translations{Name: "d/n.ru.xlf", TargetLang: "ru"}}}, CatalogOptions{Langs: []string{"fr"}})
	if err != nil || len(cat.Uses()) != 0 {
		t.Errorf("folder file of another language: %v %v", err, cat.Uses())
	}
}

func TestInputStem(t *testing.T) {
	for in, want := range map[string]string{"xliff/notes.fr.xlf": "notes", "notes.txt": "notes", "report.en.md": "report", "a.b.c": "a.b", "notes.zh-Hans.xlf": "notes", "-": "-"} {
		if got := inputStem(in); got != want {
			t.Errorf("inputStem(%q) = %q, want %q", in, got, want)
		}
	}
}

// The fingerprint is the notes' text: metadata given on the command line (--body, --title)
// after extraction does not make the file belong to other notes.
func TestFingerprintLeavesMetadataOut(t *testing.T) {
	set := locales.MustEmbedded()
	doc := pipelinetest.Sample("en")
	plain, err := Units(doc, lookupLocale(set, "en"))
	if err != nil {
		t.Fatal(err)
	}
	doc.Meta.Body, doc.Meta.Title = "Another body given with --body", "Another title given with --title"
	withMeta, err := Units(doc, lookupLocale(set, "en"))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(units2texts(plain)) == fmt.Sprint(units2texts(withMeta)) {
		t.Fatal("the metadata units did not change")
	}
	if Fingerprint(plain) != Fingerprint(withMeta) {
		t.Error("metadata changed the fingerprint")
	}
	doc.Blocks = doc.Blocks[1:]
	fewer, _ := Units(doc, lookupLocale(set, "en"))
	if Fingerprint(fewer) == Fingerprint(withMeta) {
		t.Error("a change of the notes' text kept the fingerprint")
	}
}

func units2texts(us []*Unit) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.ID+"="+u.Source.Plain(u.Codes))
	}
	return out
}
