package translate

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

func loc(t testing.TB, tag string) *locales.Locale {
	t.Helper()
	l, err := locales.MustEmbedded().Lookup(tag)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestSegment(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"en", "Mr. Smith spoke. He referred to No. 5 of the list. Was it agreed? Yes!",
			[]string{"Mr. Smith spoke.", "He referred to No. 5 of the list.", "Was it agreed?", "Yes!"}},
		{"en", "Chairman Yuri G. Grin opened the meeting. See e.g. the report, etc. and more.",
			[]string{"Chairman Yuri G. Grin opened the meeting.", "See e.g. the report, etc. and more."}},
		{"en", "The rate rose by 3.5 per cent. “It is done.” Next.", []string{"The rate rose by 3.5 per cent.", "“It is done.”", "Next."}},
		{"fr", "M. Dupont a pris la parole. Il a cité l'art. 5 du règlement. Qui ? Personne.",
			[]string{"M. Dupont a pris la parole.", "Il a cité l'art. 5 du règlement.", "Qui ?", "Personne."}},
		{"es", "El Sr. Pérez habló. La Sra. Gómez respondió.", []string{"El Sr. Pérez habló.", "La Sra. Gómez respondió."}},
		{"ru", "Г-н Иванов выступил. См. т.е. доклад. Вопрос? Нет.", []string{"Г-н Иванов выступил.", "См. т.е. доклад.", "Вопрос?", "Нет."}},
		{"zh", "叙利亚感谢主席。美国表示支持！是否有新会议？有。", []string{"叙利亚感谢主席。", "美国表示支持！", "是否有新会议？", "有。"}},
		{"ar", "شكرت سوريا الرئيس. هل سيعقد اجتماع جديد؟ نعم.", []string{"شكرت سوريا الرئيس.", "هل سيعقد اجتماع جديد؟", "نعم."}},
	}
	for _, tc := range tests {
		got := Segment(tc.text, loc(t, tc.lang))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Segment(%q) =\n%q\nwant\n%q", tc.lang, tc.text, got, tc.want)
		}
	}
}

func TestProtect(t *testing.T) {
	tests := []struct {
		text string
		want []string // kind:data of codes
	}{
		{"See PC-2/DT/2 (rev.2) and A/RES/59/220.", []string{"symbol:PC-2/DT/2 (rev.2)", "symbol:A/RES/59/220"}},
		{"Document WSIS-II/PC-2/DT/2(Rev.2), para. 10.", []string{"symbol:WSIS-II/PC-2/DT/2(Rev.2)", "number:10"}},
		{"Met on 2005-05-02 from 14:00 to 17:30 (02/05/2005).", []string{"date:2005-05-02", "time:14:00", "time:17:30", "date:02/05/2005"}},
		{"Write to wsis@itu.int or see https://www.itu.int/wsis/.", []string{"email:wsis@itu.int", "link:https://www.itu.int/wsis/"}},
		{"G77 and the 2nd meeting; TCP/IP; and/or 1,500 delegates, 12%.", []string{"number:1,500", "number:12%"}},
		{"2005年5月2日举行", []string{"number:2005", "number:5", "number:2"}},
	}
	for _, tc := range tests {
		b := &unitBuilder{id: "x"}
		b.protect(tc.text)
		var got []string
		for _, c := range b.codes {
			got = append(got, string(c.Kind)+":"+c.Data)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("protect(%q) = %q, want %q", tc.text, got, tc.want)
		}
		if p := b.content.Plain(b.codes); p != tc.text {
			t.Errorf("Plain changed the text: %q", p)
		}
	}
}

func TestUnits(t *testing.T) {
	units, err := Units(pipelinetest.Sample("en"), loc(t, "en"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, u := range units {
		ids = append(ids, u.ID)
	}
	want := "meta.title meta.venue meta.body p1 h1 p2 p3 p3.a p3.b p3.b.i p3.b.ii h2 p4 p4.fn1 p4.q1 p4.q2 p5 n1"
	if strings.Join(ids, " ") != want {
		t.Errorf("ids = %s\nwant  %s", strings.Join(ids, " "), want)
	}
	// Numbering labels and language do not change the fingerprint.
	ar, err := Units(pipelinetest.Sample("ar"), loc(t, "en"))
	if err != nil {
		t.Fatal(err)
	}
	if Fingerprint(ar) != Fingerprint(units) {
		t.Error("fingerprint depends on the output language")
	}
	// A block without id is an error.
	doc := pipelinetest.Sample("en")
	doc.Blocks[0].(*model.Paragraph).ID = ""
	if _, err := Units(doc, nil); !errors.Is(err, model.ErrTranslation) {
		t.Errorf("missing id: err = %v", err)
	}
	doc = pipelinetest.Sample("en")
	doc.Blocks[2].(*model.Paragraph).ID = "p1"
	if _, err := Units(doc, nil); !errors.Is(err, model.ErrTranslation) {
		t.Errorf("duplicate id: err = %v", err)
	}
}

func TestUntranslated(t *testing.T) {
	doc := pipelinetest.Sample("fr")
	if n := Untranslated(doc, "fr"); n != 15 {
		t.Errorf("fr: %d, want 15 body units", n)
	}
	if n := Untranslated(doc, "en"); n != 0 {
		t.Errorf("en: %d, want 0", n)
	}
	tr := &Transform{}
	if err := tr.Apply(context.Background(), doc, &model.Env{Locales: locales.MustEmbedded(), Locale: loc(t, "fr")}); err != nil {
		t.Fatal(err)
	}
	if doc.Present.Untranslated != 15 {
		t.Errorf("Transform without file: Untranslated = %d", doc.Present.Untranslated)
	}
}

func TestMachineTranslate(t *testing.T) {
	b, err := Extract(context.Background(), pipelinetest.Sample("en"), ExtractOptions{TargetLang: "fr", MTCommand: "testdata/mt-prefix.sh"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, u := range b.Units {
		for _, s := range u.Segments {
			if s.Ignorable {
				continue
			}
			if s.Target != nil {
				t.Errorf("%s: machine translation became a target", u.ID)
			}
			if len(s.Matches) != 1 || s.Matches[0].Type != "mt" {
				t.Errorf("%s#%s: matches %+v", u.ID, s.ID, s.Matches)
				continue
			}
			m := s.Matches[0]
			if !strings.HasPrefix(m.Target.Plain(m.Codes), "[MT] ") {
				t.Errorf("%s: mt target %q", u.ID, m.Target.Plain(m.Codes))
			}
			// The placeholders were found again in the engine's output.
			if CheckCodes(s.Source, m.Target, u.Codes) != "" {
				t.Errorf("%s: mt target lost placeholders: %s", u.ID, CheckCodes(s.Source, m.Target, u.Codes))
			}
			n++
		}
	}
	if n < 15 {
		t.Errorf("only %d segments machine-translated", n)
	}
	// A failing engine is an error.
	_, err = Extract(context.Background(), pipelinetest.Sample("en"), ExtractOptions{TargetLang: "fr", MTCommand: "exit 3"})
	if err == nil {
		t.Error("failing engine: no error")
	}
}

func TestSimilarity(t *testing.T) {
	a := tokenize("Syria thanked the chair for convening this meeting.")
	b := tokenize("Syria thanked the chair for convening this session.")
	if s := Similarity(a, b); s < 85 || s >= 100 {
		t.Errorf("similarity = %v", s)
	}
	if s := Similarity(a, a); s != 100 {
		t.Errorf("self similarity = %v", s)
	}
}
