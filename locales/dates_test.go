package locales

import (
	"strconv"
	"strings"
	"testing"
)

func TestFindDate(t *testing.T) {
	s := MustEmbedded()
	cases := []struct{ line, iso, lang string }{
		{"2 May 2005 – 14:00-17:30", "2005-05-02", "en"},
		{"Tuesday, 15 November 2016", "2016-11-15", "en"},
		{"May 2, 2005, 3 p.m. to 5 p.m.", "2005-05-02", "en"},
		{"le 1er mai 2005 à 14h00", "2005-05-01", "fr"},
		{"16 décembre 2014", "2014-12-16", "fr"},
		{"2 de mayo de 2005", "2005-05-02", "es"},
		{"2 мая 2005 г.", "2005-05-02", "ru"},
		{"2005年5月2日", "2005-05-02", "zh"},
		{"2 أيار/مايو 2005", "2005-05-02", "ar"},
		{"2014-12-16", "2014-12-16", ""},
		{"02/05/2005", "2005-05-02", ""},
		{"10/27/2024", "2024-10-27", ""},            // only month first is a date
		{"Monday, 10/07/2024", "2024-10-07", ""},    // 7 October 2024 was a Monday
		{"Wednesday, 10/07/2024", "2024-07-10", ""}, // 10 July 2024 was a Wednesday
		{"Tues 03/09/2024", "2024-09-03", ""},       // day first is a Tuesday
		{"Sat 05/02/2026", "2026-05-02", ""},        // an abbreviation: 2 May 2026 was a Saturday
		{"Friday 05/02/2026", "2026-02-05", ""},     // neither reading is a Friday: day first
		{"周一 10/07/2024", "2024-10-07", ""},         // a Chinese abbreviation
		{"jeudi 06.04.2023", "2023-04-06", ""},      // day first and a Thursday
	}
	for _, c := range cases {
		d, ok := s.FindDate(c.line)
		if !ok || d.ISO() != c.iso || d.Lang != c.lang {
			t.Errorf("%q: got %s %q ok=%v, want %s %q", c.line, d.ISO(), d.Lang, ok, c.iso, c.lang)
		}
	}
	for _, line := range []string{"Room C2", "189 member states", "Resolution 59/220 and 57/270"} {
		if d, ok := s.FindDate(line); ok {
			t.Errorf("%q: found date %s", line, d.ISO())
		}
	}
}

func TestFindTimeRange(t *testing.T) {
	cases := []struct{ line, start, end string }{
		{"2 May 2005 – 14:00-17:30", "14:00", "17:30"},
		{"_9:30-12:00, Grand Ballroom I_", "09:30", "12:00"},
		{"9h30 - 12h", "09:30", "12:00"},
		{"3 p.m. to 5 p.m.", "15:00", "17:00"},
		{"2 p.m.–5.30 p.m.", "14:00", "17:30"},
		{"14 heures–17 h 30", "14:00", "17:30"},
		{"14 ч. 00 м.–17 ч. 30 м.", "14:00", "17:30"},
		{"下午2时至下午5时30分", "14:00", "17:30"},
		{"上午9时30分", "09:30", ""},
		{"晚上8时", "20:00", ""},
		{"à 14h00", "14:00", ""},
		{"18:30 - 20:00", "18:30", "20:00"},           // 20 is an hour, not "2" and "0:00"
		{"2022-5-26 19：00 - 20：00", "19:00", "20:00"}, // full-width colons
		{"21h - 23h", "21:00", "23:00"},
	}
	for _, c := range cases {
		tr, ok := FindTimeRange(c.line)
		if !ok || tr.Start != c.start || tr.End != c.end {
			t.Errorf("%q: got %+v ok=%v", c.line, tr, ok)
		}
	}
	for _, line := range []string{"189 member states", "paragraph 10", "2005", "v1.2 of the draft", "第3点意见", "会议持续3小时"} {
		if tr, ok := FindTimeRange(line); ok {
			t.Errorf("%q: found time %+v", line, tr)
		}
	}
}

func TestEveryLocaleDefinesEveryKey(t *testing.T) {
	for _, loc := range MustEmbedded().All() {
		if err := loc.Validate(); err != nil {
			t.Error(err)
		}
	}
}

func TestFindDateShortYear(t *testing.T) {
	s := MustEmbedded()
	cases := []struct{ line, iso string }{
		{"17.11.14 : Le processing", "2014-11-17"},    // only day first is a date
		{"Réunion du 3/5/22", "2022-05-03"},           // ambiguous: day first, as UN documents
		{"Meeting 10/27/99", "1999-10-27"},            // only month first is a date; 99 is 1999
		{"Monday, 10/7/24", "2024-10-07"},             // a weekday picks month first
		{"17-11-14", "2014-11-17"},                    // dashes
		{"le 2 mai 2005 (v. 17.11.14)", "2005-05-02"}, // a full date wins
		{"Release 1.10.12", ""},                       // preceded by a word: no date
		{"version v2.0.14", ""},                       // a version number
		{"build 1.2.3.14", ""},                        // a longer dotted number
		{"17.11.14.2", ""},                            // followed by more numbers
		{"17.11-14", ""},                              // two separators
		{"31.02.14", ""},                              // no such day
		{"Le 30/11/69 à Paris", "1969-11-30"},         // 69 is the first 19xx year
		{"Rapport 5/6/68, réunion", "2068-06-05"},     // 68 is the last 20xx year
	}
	for _, c := range cases {
		m, ok := s.FindDateShortYear(c.line)
		got := ""
		if ok {
			got = m.ISO()
		}
		if got != c.iso {
			t.Errorf("%q: got %q, want %q", c.line, got, c.iso)
		}
		if _, plain := s.FindDate(c.line); plain && !strings.Contains(c.line, "2005") {
			t.Errorf("%q: FindDate reads a two-digit year", c.line)
		}
	}
}

func TestCounters(t *testing.T) {
	cases := []struct{ got, want string }{
		{Roman(14), "XIV"}, {strconv.Itoa(ParseRoman("XIV")), "14"}, {strconv.Itoa(ParseRoman("xc")), "90"},
		{strconv.Itoa(ParseRoman("iiii")), "4"}, {strconv.Itoa(ParseRoman("IVa")), "0"}, {Letters(27, 'a'), "aa"}, {ChineseCounting(11), "十一"}, {ChineseCounting(20), "二十"}, {ChineseCounting(105), "一百〇五"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q want %q", c.got, c.want)
		}
	}
}

func TestParseTitleBlock(t *testing.T) {
	s := MustEmbedded()
	cases := []struct{ text, venue, date, time string }{
		{"Meeting held at ITU Headquarters, ITU Tower, Room C2 on 2 May 2005, 14:00–17:30", "ITU Headquarters, ITU Tower, Room C2", "2 May 2005", "14:00–17:30"},
		{"Réunion tenue à Genève le 2 mai 2005", "Genève", "2 mai 2005", ""},
		{"会议于2005年5月2日14:00–17:30在日内瓦举行", "日内瓦", "2005年5月2日", "14:00–17:30"},
		{"Meeting held on 2 May 2005", "", "2 May 2005", ""},
	}
	for _, c := range cases {
		p, ok := s.ParseTitleBlock(c.text)
		if !ok || p.Venue != c.venue || p.Date != c.date || p.Time != c.time {
			t.Errorf("%q: got %+v ok=%v", c.text, p, ok)
		}
	}
	if _, ok := s.ParseTitleBlock("Canada said that the meeting was held on time."); ok {
		t.Error("an ordinary sentence read as a title block")
	}
}

// TestTitleBlockReadBack: the sentence scribe writes under the title, in each language, reads
// back to the same venue, date and times, whether its spaces are the no-break ones scribe
// writes, ordinary ones (typed over in Word) or narrow no-break ones.
func TestTitleBlockReadBack(t *testing.T) {
	s := MustEmbedded()
	spaces := strings.NewReplacer("\u00a0", " ")
	narrow := strings.NewReplacer(" ", "\u202f", "\u00a0", "\u202f")
	for _, loc := range s.All() {
		date := loc.FormatDate(2005, 5, 2)
		for _, c := range []struct{ start, end string }{{"14:00", "17:30"}, {"09:30", ""}} {
			when := loc.FormatTimeRange(c.start, c.end)
			line := strings.NewReplacer("{venue}", "Geneva", "{date}", date, "{time}", when).Replace(loc.TitleBlock.Full)
			for _, text := range []string{line, spaces.Replace(line), narrow.Replace(line)} {
				p, ok := s.ParseTitleBlock(text)
				if !ok || p.Venue != "Geneva" {
					t.Errorf("%s: %q: got %+v ok=%v", loc.Tag, text, p, ok)
					continue
				}
				if d, ok := s.FindDate(p.Date); !ok || d.ISO() != "2005-05-02" {
					t.Errorf("%s: date %q read as %+v", loc.Tag, p.Date, d)
				}
				if tr, ok := FindTimeRange(p.Time); !ok || tr.Start != c.start || tr.End != c.end {
					t.Errorf("%s: time %q read as %+v", loc.Tag, p.Time, tr)
				}
			}
		}
	}
}
