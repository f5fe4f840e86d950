package glossary

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
	"github.com/scribe-un/scribe/pipeline/translate"
)

func load(t testing.TB, name string) *Glossary {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	g, err := Read(data, ReadOptions{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		file    string
		entries int
		src     string
		tgt     string
		want    string
	}{
		{"bodies.csv", 5, "en", "fr", "OIT"},
		{"bodies.tbx", 2, "en", "ru", "МОТ"},
		{"martif.tbx", 1, "en", "es", "Grupo de Trabajo"},
	} {
		g := load(t, tc.file)
		if len(g.Entries) != tc.entries {
			t.Errorf("%s: %d entries, want %d", tc.file, len(g.Entries), tc.entries)
		}
		found := false
		for _, e := range g.Entries {
			if e.Terms[tc.tgt] == tc.want {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %s term %q", tc.file, tc.tgt, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	g := load(t, "bodies.csv")
	text := "The ILO supported the USA proposal; Syria and Switzerland agreed. WSIS-II, SILO."
	got := g.Find(text, "en", "fr")
	want := []translate.Term{
		{Source: "ILO", Target: "OIT", Origin: "bodies.csv"},
		{Source: "USA", Target: "États-Unis", Origin: "bodies.csv"},
		{Source: "Syria", Target: "Syrie", Origin: OriginCLDR},
		{Source: "Switzerland", Target: "Suisse", Origin: OriginCLDR},
		{Source: "WSIS", Target: "SMSI", Origin: "bodies.csv"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Find =\n%v\nwant\n%v", got, want)
	}
	// Chinese target, and a nil glossary still knows countries.
	var none *Glossary
	if got := none.Find("Syria thanked the chair.", "en", "zh"); len(got) != 1 || got[0].Target != "叙利亚" {
		t.Errorf("nil glossary zh: %v", got)
	}
	if got := none.Find("叙利亚感谢主席。", "zh", "ar"); len(got) != 1 || got[0].Target != "سوريا" {
		t.Errorf("zh→ar: %v", got)
	}
}

func TestTranslateSpeakers(t *testing.T) {
	g := load(t, "bodies.csv")
	got := TranslateSpeakers(g, []string{"Syria", "The ILO", "USA", "CH", "Marc Furrer", "Chairman Yuri G. Grin"}, "en", "fr")
	want := []string{"Syrie", "OIT", "États-Unis", "Suisse", "Marc Furrer", "Chairman Yuri G. Grin"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := TranslateSpeakers(nil, []string{"Syria", "USA"}, "en", "ru"); !reflect.DeepEqual(got, []string{"Сирия", "Соединенные Штаты"}) {
		t.Errorf("nil glossary ru: %q", got)
	}
}

// TestExtract checks that glossary entries reach the units of the sample.
func TestExtract(t *testing.T) {
	g := load(t, "bodies.csv")
	b, err := translate.Extract(context.Background(), pipelinetest.Sample("en"), translate.ExtractOptions{TargetLang: "es", Glossary: g})
	if err != nil {
		t.Fatal(err)
	}
	terms := map[string][]string{}
	for _, u := range b.Units {
		for _, tm := range u.Terms {
			terms[u.ID] = append(terms[u.ID], tm.Source+"="+tm.Target)
		}
	}
	if !reflect.DeepEqual(terms["p2"], []string{"Syria=Siria"}) {
		t.Errorf("p2 terms %q", terms["p2"])
	}
	if !reflect.DeepEqual(terms["p4"], []string{"ILO=OIT", "USA=Estados Unidos"}) {
		t.Errorf("p4 terms %q", terms["p4"])
	}
	if !reflect.DeepEqual(terms["meta.body"], []string{"ITU Council Working Group on WSIS=Grupo de Trabajo del Consejo de la UIT sobre la CMSI"}) {
		t.Errorf("meta.body terms %q", terms["meta.body"])
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		sentinel   error
	}{
		{"one language", "en\nSyria\n", model.ErrMalformed},
		{"empty", "", model.ErrEmpty},
		{"quote", "en,fr\n\"Syr\"ia,Syrie\n", model.ErrMalformed},
		{"latin1", "en,fr\nCote,C\xf4te\n", model.ErrEncoding},
		{"doctype", `<!DOCTYPE martif><martif/>`, model.ErrMalformed},
		{"html", `<html/>`, model.ErrMalformed},
	} {
		if _, err := Read([]byte(tc.data), ReadOptions{}); !errors.Is(err, tc.sentinel) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.sentinel)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, n := range []string{"bodies.csv", "bodies.tbx", "martif.tbx"} {
		if data, err := os.ReadFile(filepath.Join("testdata", n)); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Read(data, ReadOptions{})
		if err != nil {
			return
		}
		g.Find("The ILO and Syria", "en", "fr")
		g.TranslateName("USA", "en", "fr")
	})
}
