package hyphen

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
)

func mustLoad(t testing.TB, tag string) *Dict {
	t.Helper()
	d, err := Load(tag)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestKnownHyphenations checks words against the hyphenations LibreOffice's Hyphen
// library gives with the same patterns (English, French) and TeX's (Spanish,
// Russian): the expected strings come from those programs, not from this package.
func TestKnownHyphenations(t *testing.T) {
	cases := map[string][]string{
		"en": {
			"hy-phen-ation", "in-for-ma-tion", "dec-la-ra-tion", "dis-tri-bu-tion",
			"telecom-mu-ni-ca-tion", "im-ple-men-ta-tion", "rep-re-sen-ta-tives",
			"con-sul-ta-tion", "de-vel-op-ment", "par-tic-i-pants", "rec-om-men-da-tions",
			"or-ga-ni-za-tion", "in-ter-na-tional", "ta-ble",
		},
		"fr": {
			"in-for-ma-tion", "dé-ve-lop-pe-ment", "dé-cla-ra-tion", "té-lé-com-mu-ni-ca-tions",
			"par-ti-ci-pants", "re-pré-sen-tants", "re-com-man-da-tions", "gou-ver-ne-ment",
			"l’éco-no-mie", "d’in-for-ma-tion", "au-jour-d'hui",
		},
		"es": {
			"in-for-ma-ción", "de-sa-rro-llo", "de-cla-ra-ción", "te-le-co-mu-ni-ca-cio-nes",
			"par-ti-ci-pan-tes", "re-pre-sen-tan-tes", "re-co-men-da-cio-nes", "or-ga-ni-za-ción",
		},
		"ru": {
			"ин-фор-ма-ция", "раз-ви-тие", "де-кла-ра-ция", "элек-тро-свя-зи", "участ-ни-ки",
			"пред-ста-ви-те-ли", "ре-ко-мен-да-ции", "пра-ви-тель-ство", "ор-га-ни-за-ция",
			"Пред-се-да-тель", "необ-хо-ди-мо", "подъ-езд",
		},
	}
	for lang, words := range cases {
		d := mustLoad(t, lang)
		for _, want := range words {
			word, _ := splitHyphenated(want)
			if got := d.Hyphenate(word, "-"); got != want {
				t.Errorf("%s: Hyphenate(%q) = %q, want %q", lang, word, got, want)
			}
		}
	}
}

func TestPointsAreRuneOffsets(t *testing.T) {
	d := mustLoad(t, "es")
	// "ó" is two bytes: the last point must count runes, not bytes.
	if got, want := d.Points("información"), []int{2, 5, 7}; !slices.Equal(got, want) {
		t.Errorf("Points(información) = %v, want %v", got, want)
	}
}

func TestExceptions(t *testing.T) {
	ru := mustLoad(t, "ru")
	for word, want := range map[string]string{
		"бездн":      "бездн",       // listed whole: never broken
		"бизнесмен":  "биз-нес-мен", // the patterns give "биз-не-сме-на" for "бизнесмена"
		"вблизи":     "вбли-зи",
		"Бизнесмен":  "Биз-нес-мен", // case-insensitive, casing kept
		"БИЗНЕСМЕН":  "БИЗ-НЕС-МЕН",
		"бизнесмена": "биз-не-сме-на",
	} {
		if got := ru.Hyphenate(word, "-"); got != want {
			t.Errorf("ru: Hyphenate(%q) = %q, want %q", word, got, want)
		}
	}
	// Knuth's exceptions ("pre-sent" is a verb and "present" a noun, so neither
	// breaks) are patterns of weight 8 and 9 in LibreOffice's English file.
	en := mustLoad(t, "en")
	for word, want := range map[string]string{
		"present": "present", "project": "project", "associate": "as-so-ciate", "table": "ta-ble",
	} {
		if got := en.Hyphenate(word, "-"); got != want {
			t.Errorf("en: Hyphenate(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestMinimums(t *testing.T) {
	want := map[string][2]int{"en": {2, 3}, "fr": {2, 2}, "es": {2, 2}, "ru": {2, 2}}
	for lang, lr := range want {
		d := mustLoad(t, lang)
		if l, r := d.Mins(); l != lr[0] || r != lr[1] {
			t.Errorf("%s: Mins() = %d, %d, want %d, %d", lang, l, r, lr[0], lr[1])
		}
	}
	en := mustLoad(t, "en")
	// "sup-port": the patterns break after 3 letters; with 3 at the end, "enti-ty"
	// cannot break before its last two.
	for word, want := range map[string]string{"support": "sup-port", "entity": "en-tity", "even": "even", "ago": "ago"} {
		if got := en.Hyphenate(word, "-"); got != want {
			t.Errorf("en: Hyphenate(%q) = %q, want %q", word, got, want)
		}
	}
	es := mustLoad(t, "es")
	if got := es.Hyphenate("casa", "-"); got != "ca-sa" {
		t.Errorf("es: Hyphenate(casa) = %q, want ca-sa", got)
	}
	// Rules raise the minimums, never lower them.
	for _, c := range []struct {
		r    Rules
		want []int
	}{
		{Rules{}, []int{2, 5, 7}},
		{Rules{LeftMin: 1, RightMin: 1}, []int{2, 5, 7}},
		{Rules{LeftMin: 3}, []int{5, 7}},
		{Rules{RightMin: 5}, []int{2, 5}},
	} {
		var got []int
		for _, b := range es.Breaks("información", c.r) {
			got = append(got, b.Rune)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("es: Breaks(información, %+v) at %v, want %v", c.r, got, c.want)
		}
	}
}

func TestLoad(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "en-us", "en-US": "en-us", "en_GB": "en-us", "EN": "en-us",
		"fr": "fr", "fr-CA": "fr", "es": "es", "es-419": "es", "ru": "ru", "ru-RU": "ru",
	} {
		d, err := Load(tag)
		if err != nil {
			t.Errorf("Load(%q): %v", tag, err)
			continue
		}
		if d.Lang() != want {
			t.Errorf("Load(%q).Lang() = %q, want %q", tag, d.Lang(), want)
		}
		if !Supported(tag) {
			t.Errorf("Supported(%q) = false", tag)
		}
	}
	for _, tag := range []string{"zh", "ar", "", "english", "de-DE"} {
		if _, err := Load(tag); !errors.Is(err, ErrUnsupported) {
			t.Errorf("Load(%q) error = %v, want ErrUnsupported", tag, err)
		}
		if Supported(tag) {
			t.Errorf("Supported(%q) = true", tag)
		}
	}
	if got := Languages(); !slices.Equal(got, []string{"en-us", "es", "fr", "ru"}) {
		t.Errorf("Languages() = %v", got)
	}
}

// TestLoadConcurrent loads and uses every language from many goroutines at once, as
// concurrent conversions do; run with -race it checks that Load builds each Dict once
// and that Dicts are read-only.
func TestLoadConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	dicts := make([][]*Dict, 8)
	for g := range dicts {
		wg.Go(func() {
			for _, tag := range Languages() {
				d, err := Load(tag)
				if err != nil {
					t.Error(err)
					return
				}
				d.Breaks("information", Rules{})
				dicts[g] = append(dicts[g], d)
			}
		})
	}
	wg.Wait()
	for g := range dicts {
		if !slices.Equal(dicts[g], dicts[0]) {
			t.Fatalf("goroutine %d got other Dicts than goroutine 0", g)
		}
	}
}

func TestNotices(t *testing.T) {
	n := Notices()
	for _, want := range []string{"hyph_en_US.dic", "hyph-fr.tex", "hyph-es.tex", "hyph-ru.tex", "MIT", "LPPL", "BSD"} {
		if !strings.Contains(n, want) {
			t.Errorf("Notices() does not mention %q", want)
		}
	}
}

// TestLongWord checks words longer than the stack buffers.
func TestLongWord(t *testing.T) {
	d := mustLoad(t, "en")
	long := ""
	for range 20 {
		long += "information"
	}
	pts := d.Points(long)
	if len(pts) < 40 {
		t.Fatalf("Points of a 220-letter word: %d points, want at least 40", len(pts))
	}
	for _, p := range pts {
		if p < 2 || p > len(long)-3 {
			t.Fatalf("point %d outside the minimums", p)
		}
	}
}

func TestBadPatterns(t *testing.T) {
	for _, src := range []string{
		"", `\patterns{ a1b`, `\patterns{ 1 }`, `\patterns{ a12b }`, `junk \patterns{ ab }`,
		`\patterns{ a\relax }`, "\\patterns{ a\xffb }",
	} {
		if _, err := build(&language{tag: "x", file: "x.tex", left: 2, right: 2}, src); err == nil {
			t.Errorf("build(%q): no error", src)
		}
	}
	for _, src := range []string{
		"", "KOI8-R\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\n", "UTF-8\nNEXTLEVEL\n", "UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\nff1f/f=f,2,2\n",
		"UTF-8\nLEFTHYPHENMIN two\n", "UTF-8\na1b\n",
	} {
		if _, err := build(&language{tag: "x", file: "x.dic"}, src); err == nil {
			t.Errorf("build(%q): no error", src)
		}
	}
}

func TestLetterFastPaths(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		if got, want := isLetter(r), unicode.IsLetter(r); got != want {
			t.Errorf("isLetter(%U) = %v, want %v", r, got, want)
		}
		if !unicode.IsLetter(r) {
			continue
		}
		if got, want := isUpper(r), unicode.IsUpper(r) || unicode.IsTitle(r); got != want {
			t.Errorf("isUpper(%U) = %v, want %v", r, got, want)
		}
		if got, want := toLower(r), unicode.ToLower(r); got != want {
			t.Errorf("toLower(%U) = %U, want %U", r, got, want)
		}
	}
}
