package locales

import "testing"

func TestParseMastheadLine(t *testing.T) {
	s := MustEmbedded()
	cases := map[string]MastheadField{
		"Distr.: General":    {"distribution", "general"},
		"Distr.: Restricted": {"distribution", "restricted"},
		"Distr. générale":    {"distribution", "general"},
		"Distr. limitée":     {"distribution", "limited"},
		"Original: English":  {"original", "en"},
		"Original : anglais": {"original", "en"},
		"Original: Arabic":   {"original", "ar"},
	}
	for line, want := range cases {
		got, ok := s.ParseMastheadLine(line)
		if !ok || got != want {
			t.Errorf("%q = %+v, %v; want %+v", line, got, ok, want)
		}
	}
	for _, line := range []string{"2 May 2005", "Some other line", ""} {
		if got, ok := s.ParseMastheadLine(line); ok {
			t.Errorf("%q parsed as %+v", line, got)
		}
	}
	// Every locale's own lines are recognised.
	for _, loc := range s.All() {
		mh := loc.Masthead
		if got, ok := s.ParseMastheadLine(mh.Distribution); !ok || got.Key != "distribution" || got.Value != "general" {
			t.Errorf("%s: %q = %+v", loc.Tag, mh.Distribution, got)
		}
		if mh.LanguageLine != "" {
			if got, ok := s.ParseMastheadLine(mh.LanguageLine); !ok || got.Key != "language" {
				t.Errorf("%s: %q = %+v", loc.Tag, mh.LanguageLine, got)
			}
		}
	}
}
