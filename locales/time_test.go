package locales

import "testing"

// TestFormatTime: times as each language's UN documents write them, with no-break spaces
// where a line must not break.
func TestFormatTime(t *testing.T) {
	set := MustEmbedded()
	for _, c := range []struct{ lang, start, end, want string }{
		{"en", "14:00", "17:30", "2\u00a0p.m.–5.30\u00a0p.m."},
		{"en", "10:00", "", "10\u00a0a.m."},
		{"en", "00:15", "", "12.15\u00a0a.m."},
		{"fr", "14:00", "17:30", "14\u00a0heures–17\u00a0h\u00a030"},
		{"es", "14:00", "17:30", "14.00–17.30\u00a0horas"},
		{"es", "15:30", "", "15.30\u00a0horas"},
		{"ru", "15:30", "", "15\u00a0ч.\u00a030\u00a0м."},
		{"zh", "15:30", "", "下午3时30分"},
		{"zh", "09:00", "", "上午9时"},
		{"ar", "15:30", "", "الساعة\u00a015:30"},
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
