package locales

import (
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The Chair opened the meeting and said that the work of the group was important.", "en"},
		{"french", "Le Président a ouvert la séance et a dit que le travail du groupe est important pour les membres.", "fr"},
		{"french elision", "L'Assemblée générale d'une organisation qu'il dirige avec les États.", "fr"},
		{"spanish", "El Presidente abrió la sesión y dijo que el trabajo del grupo es importante para los miembros.", "es"},
		{"russian", "Председатель открыл заседание и сказал, что работа группы важна.", "ru"},
		{"chinese with acronyms", "主席宣布会议开幕，并说WSIS和ITU工作组的工作非常重要。", "zh"},
		{"arabic", "افتتح الرئيس الجلسة وقال إن عمل الفريق مهم للغاية.", "ar"},
		{"too short", "Hello", ""},
		{"empty", "", ""},
		{"latin without function words", "Budget Travaux Projets Tours Lyon Orléans Poitiers", ""},
		{"numbers only", "2005-05-02 14:00 17:30 12345 67890", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DetectLanguage(tc.text); got != tc.want {
				t.Errorf("DetectLanguage(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestDetectLargeInputIsBounded(t *testing.T) {
	text := strings.Repeat("the chair said that ", 1<<20) // 20 MiB
	if got := DetectLanguage(text); got != "en" {
		t.Fatalf("Detect = %q, want en", got)
	}
	// A multi-byte rune straddling the sample boundary must not break decoding.
	text = strings.Repeat("é", detectSampleBytes) + " le la les"
	_ = DetectLanguage(text)
}

func FuzzDetectLanguage(f *testing.F) {
	f.Add("The Chair said that")
	f.Add("主席说。")
	f.Fuzz(func(t *testing.T, s string) {
		switch DetectLanguage(s) {
		case "", "ar", "zh", "ru", "fr", "es", "en":
		default:
			t.Fatalf("unexpected language")
		}
	})
}

// TestDetectStopTable checks the packed stop-word table against the word list: every stop
// word is found with its language, and words that are not stop words are not.
func TestDetectStopTable(t *testing.T) {
	for w, lang := range detectStopwords {
		got := detectStopLang([]byte(w))
		if got == 0 || detectLangs[got-1] != lang {
			t.Errorf("detectStopLang(%q) = %d, want %s", w, got, lang)
		}
	}
	for _, w := range []string{"", "a", "th", "thee", "théé", "también!", "tambiénes", "committee", "être", "ete"} {
		_, stop := detectStopwords[w]
		if got := detectStopLang([]byte(w)); (got != 0) != stop {
			t.Errorf("detectStopLang(%q) = %d, stop word: %v", w, got, stop)
		}
	}
}
