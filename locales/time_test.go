package locales

import "testing"

// TestFormatTime: times as each language's UN documents write them.
func TestFormatTime(t *testing.T) {
	set := MustEmbedded()
	for _, c := range []struct{ lang, start, end, want string }{
		{"en", "14:00", "17:30", "2 p.m.–5.30 p.m."},
		{"en", "10:00", "", "10 a.m."},
		{"en", "00:15", "", "12.15 a.m."},
		{"fr", "14:00", "17:30", "14 heures–17 h 30"},
		{"es", "14:00", "17:30", "14.00–17.30 horas"},
		{"es", "15:30", "", "15.30 horas"},
		{"ru", "15:30", "", "15 ч. 30 м."},
		{"zh", "15:30", "", "下午3时30分"},
		{"zh", "09:00", "", "上午9时"},
		{"ar", "15:30", "", "الساعة 15:30"},
		{"en", "noon", "", "noon"},
	} {
		loc, err := set.Lookup(c.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := loc.FormatTimeRange(c.start, c.end); got != c.want {
			t.Errorf("%s %s–%s = %q, want %q", c.lang, c.start, c.end, got, c.want)
		}
	}
}
