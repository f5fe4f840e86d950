package hyphen

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// mark shows the breaks of a token: "=" where a hyphen is added, "|" after a hyphen
// the token already has.
func mark(t *testing.T, token string, bs []Break) string {
	t.Helper()
	var b strings.Builder
	last := 0
	for _, br := range bs {
		if got := utf8.RuneCountInString(token[:br.Byte]); got != br.Rune {
			t.Fatalf("%q: break at byte %d is rune %d, reported %d", token, br.Byte, got, br.Rune)
		}
		b.WriteString(token[last:br.Byte])
		if br.Hyphen {
			b.WriteByte('=')
		} else {
			b.WriteByte('|')
		}
		last = br.Byte
	}
	b.WriteString(token[last:])
	return b.String()
}

func TestBreaks(t *testing.T) {
	cases := []struct {
		lang  string
		rules Rules
		in    string
		want  string
	}{
		// Plain words, with the punctuation around them kept whole.
		{"en", Rules{}, "information", "in=for=ma=tion"},
		{"en", Rules{}, "(information),", "(in=for=ma=tion),"},
		{"en", Rules{}, "“declaration”.", "“dec=la=ra=tion”."},
		{"en", Rules{}, "Information", "In=for=ma=tion"},
		{"en", Rules{}, "implementation…", "im=ple=men=ta=tion…"},
		{"fr", Rules{}, "«information»", "«in=for=ma=tion»"},
		{"es", Rules{}, "¿información?", "¿in=for=ma=ción?"},
		{"ru", Rules{}, "«информация»,", "«ин=фор=ма=ция»,"},
		// Proper names on request.
		{"en", Rules{SkipCapitalized: true}, "Information", "Information"},
		{"en", Rules{SkipCapitalized: true}, "information", "in=for=ma=tion"},
		{"ru", Rules{SkipCapitalized: true}, "Председатель", "Председатель"},
		// Capitals, mixed case.
		{"en", Rules{}, "UNCTAD", "UNCTAD"},
		{"en", Rules{}, "INFORMATION", "INFORMATION"},
		{"en", Rules{}, "McDonald", "McDonald"},
		{"en", Rules{}, "iPhone", "iPhone"},
		{"ru", Rules{}, "ОРГАНИЗАЦИЯ", "ОРГАНИЗАЦИЯ"},
		{"fr", Rules{}, "L’ONU", "L’ONU"},
		{"fr", Rules{}, "d’Humanistica,", "d’Hu=ma=nis=ti=ca,"},
		{"fr", Rules{SkipCapitalized: true}, "d’Humanistica,", "d’Humanistica,"},
		{"en", Rules{}, "O’Donovan", "O’Dono=van"},
		{"en", Rules{}, "d’HUMANISTICA", "d’HUMANISTICA"},
		// Numbers, symbols, addresses.
		{"en", Rules{}, "A/HRC/59/1", "A/HRC/59/1"},
		{"en", Rules{}, "WSIS-II/PC-2/DT/2(Rev.2)", "WSIS-II/PC-2/DT/2(Rev.2)"},
		{"en", Rules{}, "2005-05-02", "2005-05-02"},
		{"en", Rules{}, "information2", "information2"},
		{"en", Rules{}, "COVID-19", "COVID-19"},
		{"en", Rules{}, "https://www.itu.int/wsis", "https://www.itu.int/wsis"},
		{"en", Rules{}, "<http://consultation>", "<http://consultation>"},
		{"en", Rules{}, "secretariat@itu.int", "secretariat@itu.int"},
		{"en", Rules{}, "@consultation", "@consultation"},
		{"en", Rules{}, "#consultation", "#consultation"},
		{"en", Rules{}, "www.consultation", "www.consultation"},
		{"en", Rules{}, "e.g.", "e.g."},
		{"en", Rules{}, "consultation_notes", "consultation_notes"},
		{"en", Rules{}, "information&communication", "information&communication"},
		{"en", Rules{}, "informa\u0301tion", "informa\u0301tion"}, // a combining accent
		// Compounds break after their own hyphen and nowhere else.
		{"en", Rules{}, "Secretary-General", "Secretary-|General"},
		{"en", Rules{}, "Secretary-General's", "Secretary-|General's"},
		{"en", Rules{}, "multi-stakeholder", "multi-|stakeholder"},
		{"en", Rules{}, "follow-up,", "follow-|up,"},
		{"en", Rules{}, "information—communication", "information—|communication"},
		{"en", Rules{}, "e-mail", "e-|mail"},
		{"en", Rules{}, "non\u2011governmental", "non\u2011governmental"},
		// A hyphen at an end is punctuation ("information- and communication"), not a
		// compound: the word is hyphenated and the hyphen stays with it.
		{"en", Rules{}, "-information", "-in=for=ma=tion"},
		{"en", Rules{}, "information-", "in=for=ma=tion-"},
		{"fr", Rules{}, "peut-être", "peut-|être"},
		{"ru", Rules{}, "Штаб-квартира", "Штаб-|квартира"},
		{"ru", Rules{}, "кто-то", "кто-|то"},
		// Soft hyphens the author typed are the only breaks.
		{"en", Rules{}, "infor\u00admation", "infor\u00ad=mation"},
		// Apostrophes stay with their word and never start or end a line.
		{"fr", Rules{}, "l’économie", "l’éco=no=mie"},
		{"fr", Rules{}, "l'économie", "l'éco=no=mie"},
		{"fr", Rules{}, "l‘association", "l‘as=so=cia=tion"},
		{"fr", Rules{}, "d’information,", "d’in=for=ma=tion,"},
		{"fr", Rules{}, "aujourd’hui", "au=jour=d’hui"},
		{"fr", Rules{}, "qu’aujourd’hui", "qu’au=jour=d’hui"},
		{"en", Rules{}, "organization’s", "or=ga=ni=za=tion’s"},
		{"en", Rules{}, "organizations’", "or=ga=ni=za=tions’"},
		// Short words and the length rule.
		{"en", Rules{}, "the", "the"},
		{"es", Rules{}, "casa", "ca=sa"},
		{"es", Rules{MinLength: 5}, "casa", "casa"},
		{"es", Rules{MinLength: 5}, "cumbre", "cum=bre"},
		// Nothing to break.
		{"en", Rules{}, "", ""},
		{"en", Rules{}, "—", "—"},
		{"en", Rules{}, "(42)", "(42)"},
		{"en", Rules{}, "…", "…"},
		// Words of another script get no breaks from these patterns.
		{"ru", Rules{}, "information", "information"},
		{"en", Rules{}, "информация", "информация"},
	}
	for _, c := range cases {
		d := mustLoad(t, c.lang)
		if got := mark(t, c.in, d.Breaks(c.in, c.rules)); got != c.want {
			t.Errorf("%s: Breaks(%q, %+v) = %q, want %q", c.lang, c.in, c.rules, got, c.want)
		}
	}
}

// TestBreaksMatchPoints checks that Breaks on a plain lower-case word reports what
// Points does.
func TestBreaksMatchPoints(t *testing.T) {
	for _, tag := range Languages() {
		d := mustLoad(t, tag)
		for _, w := range benchWords[tag] {
			pts := d.Points(w)
			bs := d.Breaks(w, Rules{})
			if len(pts) != len(bs) {
				t.Errorf("%s %q: Points %v, Breaks %v", tag, w, pts, bs)
				continue
			}
			for i := range pts {
				if bs[i].Rune != pts[i] || !bs[i].Hyphen {
					t.Errorf("%s %q: Points %v, Breaks %v", tag, w, pts, bs)
				}
			}
		}
	}
}

// TestAppendBreaksReusesBuffer checks that the appending forms allocate nothing
// when the buffer has room, so a layout can hyphenate every line end for free.
func TestAppendBreaksReusesBuffer(t *testing.T) {
	d := mustLoad(t, "fr")
	buf := make([]Break, 0, 16)
	pts := make([]int, 0, 16)
	allocs := testing.AllocsPerRun(100, func() {
		buf = d.AppendBreaks(buf[:0], "(télécommunications),", Rules{})
		pts = d.AppendPoints(pts[:0], "télécommunications")
	})
	if allocs != 0 {
		t.Errorf("AppendBreaks and AppendPoints allocate %.0f times a call, want 0", allocs)
	}
}
