package normalize

import (
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

func strongPara(s string, kids ...model.Block) *model.Paragraph {
	p := &model.Paragraph{Inlines: []model.Inline{{Kind: model.KindStrong, Text: s, Line: 1}}, Numbered: true, Children: kids}
	return p
}

func TestOutlineNumbers(t *testing.T) {
	cases := []structureCase{
		{"typed numbers leave headings with siblings",
			[]model.Block{h(1, "1. Welcome"), para(s1), h(1, "2. Approval of agenda"), para(s2)},
			"H1 Welcome\nP " + s1 + "\nH1 Approval of agenda\nP " + s2 + "\n"},
		{"French headings, number with a parenthesis",
			[]model.Block{h(1, "1) Le remplacement du trésorier"), para(s1), h(1, "2) Prochain bureau"), para(s2)},
			"H1 Le remplacement du trésorier\nP " + s1 + "\nH1 Prochain bureau\nP " + s2 + "\n"},
		{"numbers that are no outline marker stay",
			[]model.Block{h(1, "2024 budget"), para(s1), h(1, "5G rollout"), para(s2), h(1, "2025 budget"), para(s2)},
			"H1 2024 budget\nP " + s1 + "\nH1 5G rollout\nP " + s2 + "\nH1 2025 budget\nP " + s2 + "\n"},
		{"a lone typed number stays (no sibling)",
			[]model.Block{h(1, "3. Hearings"), para(s1), h(1, "Other business"), para(s2)},
			"H1 3. Hearings\nP " + s1 + "\nH1 Other business\nP " + s2 + "\n"},
		{"bold agenda items with discussion become headings, their bullets follow",
			[]model.Block{strongPara("1.\tWelcome and introductions", list(item("RGr welcomed the attendees"))), strongPara("2. Approval of agenda"), para(s1), strongPara("3. Declaration of delegates"), para(s2)},
			"H1 Welcome and introductions\nP RGr welcomed the attendees\nH1 Approval of agenda\nP " + s1 + "\nH1 Declaration of delegates\nP " + s2 + "\n"},
		{"sub-agenda letters under a chapter are sections, numbers return to chapters",
			[]model.Block{para("3. Hearings - None"), para("4. Proclamations and Commemorations"), para("a. Human Rights Day Proclamation"), para(s1), para("b. Shelter resolution"), para(s2), para("5. Annual Charter Requirements"), para(s1)},
			"H1 Hearings - None\nH1 Proclamations and Commemorations\nH2 Human Rights Day Proclamation\nP " + s1 + "\nH2 Shelter resolution\nP " + s2 + "\nH1 Annual Charter Requirements\nP " + s1 + "\n"},
		{"letters under existing chapters are sections, a lone first letter opening a chapter too",
			[]model.Block{h(1, "Minutes from previous meetings"), para("A. The meeting of January 15, 2014"), para(s1), h(1, "Executive Officer Reports"), para("A. Chairman [Brett]"), para(s1), para("B. President [Ross]"), para(s2)},
			"H1 Minutes from previous meetings\nH2 The meeting of January 15, 2014\nP " + s1 + "\nH1 Executive Officer Reports\nH2 Chairman [Brett]\nP " + s1 + "\nH2 President [Ross]\nP " + s2 + "\n"},
		{"a lone letter with no A., B. sections elsewhere stays",
			[]model.Block{h(1, "Minutes from previous meetings"), para("A. The meeting of January 15, 2014"), para(s1), h(1, "Reports"), para(s2)},
			"H1 Minutes from previous meetings\nP A. The meeting of January 15, 2014\nP " + s1 + "\nH1 Reports\nP " + s2 + "\n"},
		{"roman numerals and nested numbers",
			[]model.Block{h(1, "I. Opening"), para(s1), h(1, "II. Budget"), h(2, "2.1 Income"), para(s1), h(2, "2.2 Expenses"), para(s2)},
			"H1 Opening\nP " + s1 + "\nH1 Budget\nH2 Income\nP " + s1 + "\nH2 Expenses\nP " + s2 + "\n"},
		{"Chinese numerals",
			[]model.Block{h(1, "一、会议概况"), para(s1), h(1, "二、下次会议安排"), para(s2)},
			"H1 会议概况\nP " + s1 + "\nH1 下次会议安排\nP " + s2 + "\n"},
		{"an agenda typed as numbered lines with nothing under them stays",
			[]model.Block{para("1. Welcome"), para("2. Budget"), para("3. Close"), para(s1)},
			"P 1. Welcome\nP 2. Budget\nP 3. Close\nP " + s1 + "\n"},
		{"a typed list under a statement, text after it: stays",
			[]model.Block{para("Art suggested a list of artifacts and editors per artifact"), para("1. CSAF XML"), para("2. Document describing its use"), para(s1), para(s2)},
			"P Art suggested a list of artifacts and editors per artifact\nP 1. CSAF XML\nP 2. Document describing its use\nP " + s1 + "\nP " + s2 + "\n"},
		{"a marker in one run, the title in a link",
			[]model.Block{
				&model.Paragraph{Numbered: true, Inlines: []model.Inline{{Kind: model.KindStrong, Text: "4. "}, {Kind: model.KindLink, Text: "Approval of minutes", URL: "http://x.org/m"}}},
				para(s1), strongPara("5. Budget"), para(s2)},
			"H1 Approval of minutes\nP " + s1 + "\nH1 Budget\nP " + s2 + "\n"},
		{"numbered statements stay paragraphs",
			[]model.Block{para("1. The Chair opened the meeting."), para(s1), para("2. The Secretary read the minutes."), para(s2)},
			"P 1. The Chair opened the meeting.\nP " + s1 + "\nP 2. The Secretary read the minutes.\nP " + s2 + "\n"},
		{"a marker typed twice is left alone",
			[]model.Block{h(1, "1. 1. Budget"), para(s1), h(1, "2. 2. Audit"), para(s2)},
			"H1 1. 1. Budget\nP " + s1 + "\nH1 2. 2. Audit\nP " + s2 + "\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkStructure(t, c.in, c.want) })
	}
}

func TestParseOutline(t *testing.T) {
	cases := []struct {
		in    string
		typed string // "" for no marker
		kind  string
		n     int
	}{
		{"12. Adjourn", "12.", "1", 12},
		{"3) Budget", "3)", "1", 3},
		{"2.1 Income", "2.1", "12.", 1},
		{"2.1. Income", "2.1.", "12.", 1},
		{"B. President", "B.", "A", 2},
		{"b) second", "b)", "a", 2},
		{"IV. Reports", "IV.", "I", 4},
		{"C. Treasurer", "C.", "A", 3}, // also roman 100
		{"三、总结", "三、", "一", 3},
		{"（十二）其他", "（十二）", "（一）", 12},
		{"2024 budget", "", "", 0},
		{"5G rollout", "", "", 0},
		{"12 Angry Men", "", "", 0},
		{"3.5 million", "3.5", "13.", 5},
		{"Mr. Smith", "", "", 0},
		{"IIII. no", "", "", 0},
		{"1. 2024", "", "", 0},
	}
	for _, c := range cases {
		m, ok := parseOutline(c.in)
		if !ok {
			if c.typed != "" {
				t.Errorf("%q: no marker, want %q", c.in, c.typed)
			}
			continue
		}
		if c.typed == "" {
			t.Errorf("%q: marker %q, want none", c.in, m.typed)
			continue
		}
		if m.typed != c.typed || m.readings[0].kind != c.kind || m.readings[0].n != c.n {
			t.Errorf("%q: %q %+v, want %q %s %d", c.in, m.typed, m.readings, c.typed, c.kind, c.n)
		}
	}
}
