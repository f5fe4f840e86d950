package yamlkeys

import (
	"errors"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

type label string

type inner struct {
	Verbs []string `yaml:"verbs"`
}

type doc struct {
	Name   string           `yaml:"name"`
	Speech inner            `yaml:"speech"`
	Labels map[label]string `yaml:"labels"`
	Fonts  map[string]int   `yaml:"fonts"`
	List   []inner          `yaml:"list"`
}

func TestCheck(t *testing.T) {
	opts := Options{File: "fr.yaml", ClosedMaps: map[string][]string{"labels": {"annex", "page"}}}
	cases := []struct {
		src            string
		line           int
		key, suggested string
	}{
		{"name: x\nspeech:\n  verbs: [said]\n", 0, "", ""},
		{"name: x\nnmae: y\n", 2, "nmae", "name"},
		{"speech:\n  verb: [said]\n", 2, "verb", "verbs"},
		{"labels:\n  page: P\n  anex: A\n", 3, "anex", "annex"},
		{"fonts:\n  anything: 3\n", 0, "", ""},
		{"list:\n  - verbs: []\n  - vrebs: []\n", 3, "vrebs", "verbs"},
		{"zzzzzzzz: 1\n", 1, "zzzzzzzz", ""},
	}
	for _, c := range cases {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(c.src), &n); err != nil {
			t.Fatal(err)
		}
		err := Check(&n, reflect.TypeOf(doc{}), opts)
		if c.line == 0 {
			if err != nil {
				t.Errorf("%q: %v", c.src, err)
			}
			continue
		}
		var uk *UnknownKeyError
		if !errors.As(err, &uk) {
			t.Errorf("%q: got %v, want an unknown key", c.src, err)
			continue
		}
		if uk.Line != c.line || uk.Key != c.key || uk.Suggestion != c.suggested || uk.File != "fr.yaml" {
			t.Errorf("%q: got %+v (%v)", c.src, uk, err)
		}
	}
}
