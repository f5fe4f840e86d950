package model

import "testing"

func TestCountWords(t *testing.T) {
	for s, want := range map[string]int{
		"Canada recalled that the meeting's aim was clear.": 8,
		"PC-2/DT/2 (rev.2)":   5,
		"会议于2005年5月2日举行":      11,
		"اجتمع الفريق العامل": 3,
		"  ":                  0,
	} {
		doc := []Block{&Paragraph{Inlines: Texts(s, 1)}}
		if got := CountWords(doc); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
		}
	}
	fn := []Block{&Paragraph{Inlines: []Inline{{Kind: KindText, Text: "One two"}, {Kind: KindFootnote, Text: "1", Note: Texts("three four", 1)}}}}
	if got := CountWords(fn); got != 4 {
		t.Errorf("with a footnote: %d, want 4 (the marker is not a word)", got)
	}
}
