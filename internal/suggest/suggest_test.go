package suggest

import "testing"

func TestNearest(t *testing.T) {
	valid := []string{"lang", "to", "body", "reference-doc", "font-dir"}
	for key, want := range map[string]string{"langs": "lang", "refrence-doc": "reference-doc", "font_dir": "font-dir", "fontdirs": "font-dir", "ot": "to", "organisation": ""} {
		if got := Nearest(key, valid); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", key, got, want)
		}
	}
}
