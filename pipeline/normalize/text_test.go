package normalize

import (
	"context"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// runs renders runs as "kind:text" joined by " | " for compact expectations.
func runs(ins []model.Inline) string {
	var parts []string
	for _, in := range ins {
		s := string(in.Kind) + ":" + in.Text
		if in.URL != "" {
			s += "<" + in.URL + ">"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " | ")
}

func TestClean(t *testing.T) {
	cases := []struct {
		name string
		in   []model.Inline
		want string
	}{
		{"nfc", txt("Cafe\u0301"), "text:Café"},
		{"spaces", txt("  a  b\t\tc \n d  "), "text:a b c d"},
		{"bidi", txt("a\u200eb\u200fc\u061cd\u202ae\u202cf\u2066g\u2069h\ufeff"), "text:abcdefgh"},
		{"controls", txt("a\x00b\x07c\u0085d\u009fe"), "text:abc de"},
		{"nbsp kept alone", txt("Mr\u00a0Utsumi"), "text:Mr\u00a0Utsumi"},
		{"nbsp in run before punct", txt("mot \u00a0: fin"), "text:mot\u00a0: fin"},
		{"nbsp in run between words", txt("end. \u00a0Next"), "text:end. Next"},
		{"nbsp between digits", txt("10 \u00a0000"), "text:10\u00a0000"},
		{"merge", []model.Inline{{Kind: "text", Text: "a "}, {Kind: "text", Text: " b"}, {Kind: "emphasis", Text: "c"}, {Kind: "emphasis", Text: "d"}}, "text:a b | emphasis:cd"},
		{"symbols not merged", []model.Inline{{Kind: "symbol", Text: "A/1/2"}, {Kind: "symbol", Text: "S/2/3"}}, "symbol:A/1/2 | symbol:S/2/3"},
		{"empty runs dropped", []model.Inline{{Kind: "text", Text: "a"}, {Kind: "emphasis", Text: " "}, {Kind: "text", Text: "b "}}, "text:a | emphasis:  | text:b"},
		{"trim ends across runs", []model.Inline{{Kind: "text", Text: "  "}, {Kind: "strong", Text: " x "}, {Kind: "text", Text: " "}}, "strong:x"},
	}
	for _, c := range cases {
		got := runs(cleanInlines(c.in))
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCleanDropsEmptyBlocks(t *testing.T) {
	doc := rawDoc()
	apply(t, Clean{}, doc, nil)
	var n int
	model.Walk(doc.Blocks, func(b model.Block) bool {
		n++
		if p, ok := b.(*model.Paragraph); ok && len(p.Inlines) == 0 && len(p.Children) == 0 {
			t.Errorf("empty paragraph at %v kept", p.Pos)
		}
		if it, ok := b.(*model.ListItem); ok && len(it.Inlines) == 0 {
			t.Errorf("empty item at %v kept", it.Pos)
		}
		return true
	})
	if tb := doc.Blocks[len(doc.Blocks)-6].(*model.Table); len(tb.Rows) != 1 {
		t.Errorf("table keeps %d rows, want 1 (the empty row dropped)", len(tb.Rows))
	}
	if doc.Meta.Body != "ITU Council Working Group" || doc.Front[0].Text != "ITU Headquarters, ITU Tower, Room C2" {
		t.Errorf("metadata not cleaned: %q / %q", doc.Meta.Body, doc.Front[0].Text)
	}
}

func TestInlines(t *testing.T) {
	cases := []struct{ in, want string }{
		{"document PC-2/DT/2 (rev.2) paragraph", "text:document  | symbol:PC-2/DT/2 (rev.2) | text: paragraph"},
		{"see WSIS-II/PC-2/DT/2(Rev.2).", "text:see  | symbol:WSIS-II/PC-2/DT/2(Rev.2) | text:."},
		{"resolution A/RES/59/220, and", "text:resolution  | symbol:A/RES/59/220 | text:, and"},
		{"A/59/2005/Add.2", "symbol:A/59/2005/Add.2"},
		{"in E/CN.4/2005/L.10/Add.1;", "text:in  | symbol:E/CN.4/2005/L.10/Add.1 | text:;"},
		{"S/2005/1 and A/C.3/60/L.5/Rev.1", "symbol:S/2005/1 | text: and  | symbol:A/C.3/60/L.5/Rev.1"},
		{"(ITU/WSIS/2005/INF.1)", "text:( | symbol:ITU/WSIS/2005/INF.1 | text:)"},
		{"E/2005/Corr.1", "symbol:E/2005/Corr.1"},
		// Not symbols.
		{"and/or NGOs/Civil Society", "text:and/or NGOs/Civil Society"},
		{"sent to CS/NGO members", "text:sent to CS/NGO members"},
		{"a formal / informal meeting", "text:a formal / informal meeting"},
		{"on 02/05/2005 at 10", "text:on 02/05/2005 at 10"},
		{"UN Resolution 59/220 and 57/270", "text:UN Resolution 59/220 and 57/270"},
		{"TCP/IP/UDP stack", "text:TCP/IP/UDP stack"},
		{"Changes (07->09)", "text:Changes (07->09)"},
		// Links and addresses.
		{"see http://www.itu.int/wsis/index.html.", "text:see  | link:http://www.itu.int/wsis/index.html<http://www.itu.int/wsis/index.html> | text:."},
		{"(see http://trac.tools.ietf.org/wg/httpbis/trac/ticket/29), next", "text:(see  | link:http://trac.tools.ietf.org/wg/httpbis/trac/ticket/29<http://trac.tools.ietf.org/wg/httpbis/trac/ticket/29> | text:), next"},
		{"at www.itu.int/wsis", "text:at  | link:www.itu.int/wsis<http://www.itu.int/wsis>"},
		{"https://en.wikipedia.org/wiki/Foo_(bar) ok", "link:https://en.wikipedia.org/wiki/Foo_(bar)<https://en.wikipedia.org/wiki/Foo_(bar)> | text: ok"},
		{"write to wsis-info@itu.int.", "text:write to  | link:wsis-info@itu.int<mailto:wsis-info@itu.int> | text:."},
		{"http://www.itu.int/wsis/docs/A/RES/59/220", "link:http://www.itu.int/wsis/docs/A/RES/59/220<http://www.itu.int/wsis/docs/A/RES/59/220>"},
	}
	for _, c := range cases {
		if got := runs(splitInlines(txt(c.in))); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	// Other kinds are left alone; footnote contents are split too.
	in := []model.Inline{{Kind: model.KindQuoted, Text: "A/RES/59/220"}, {Kind: model.KindFootnote, Note: txt("See A/RES/59/220.")}}
	out := splitInlines(in)
	if out[0].Kind != model.KindQuoted || runs(out[1].Note) != "text:See  | symbol:A/RES/59/220 | text:." {
		t.Errorf("got %q / %q", runs(out[:1]), runs(out[1].Note))
	}
}

func TestTypography(t *testing.T) {
	cases := []struct{ lang, in, want string }{
		{"en", "from 14:00-17:30 and 9.30 - 12.00", "from 14:00–17:30 and 9.30–12.00"},
		{"en", "pages 10-12, years 1990-2000 and 2005-06", "pages\u00a010–12, years 1990–2000 and 2005–06"},
		// No-break spaces: reference and number or numeral, title and name, day and month.
		{"en", "paragraph 10 of annex II and Annex B, (resolution 59/220), item 3 (b)", "paragraph\u00a010 of annex\u00a0II and Annex\u00a0B, (resolution\u00a059/220), item\u00a03 (b)"},
		{"en", "Mr. Geiger and Ms Ito said on 2 May 2005 (3 June) that the decision was final", "Mr.\u00a0Geiger and Ms\u00a0Ito said on 2\u00a0May 2005 (3\u00a0June) that the decision was final"},
		{"en", "the item is 2 mayors and 12 may. No. It was No. 5, sent to MR and Mr Li", "the item is 2 mayors and 12 may. No. It was No.\u00a05, sent to MR and Mr\u00a0Li"},
		{"es", "el 2 de mayo de 2005, párrafo 4 y el Sr. Pérez", "el 2\u00a0de\u00a0mayo de 2005, párrafo\u00a04 y el Sr.\u00a0Pérez"},
		{"fr", "le 2 mai, au paragraphe 5", "le 2\u00a0mai, au paragraphe\u00a05"},
		{"fr", "le 1er mai et le 1er juin", "le 1er\u00a0mai et le 1er\u00a0juin"},
		{"ru", "2 мая, пункт 3", "2\u00a0мая, пункт\u00a03"},
		{"en", "on 2005-05-02, job 05-35610, G-77, PC-2, phone 022-7305111", "on 2005-05-02, job 05-35610, G-77, PC-2, phone 022-7305111"},
		{"en", "a -- b and c---d, --help, -----", "a – b and c—d, --help, -----"},
		{"en", `he said "yes" and ("no")`, "he said “yes” and (“no”)"},
		{"fr", `Il a dit "oui" : fin`, "Il a dit «\u00a0oui\u00a0»\u00a0: fin"},
		{"fr", "Pourquoi ? Voilà ! Note: à 14:00; fin", "Pourquoi\u202f? Voilà\u202f! Note\u00a0: à 14:00\u202f; fin"},
		{"fr", "« texte »", "«\u00a0texte\u00a0»"},
		{"fr", "qu'il faut l'accord d'Ottawa, 'cité' et l'", "qu’il faut l’accord d’Ottawa, 'cité' et l'"},
		{"en", "it's the States' view", "it's the States' view"},
		{"fr", "Quoi ?!", "Quoi\u202f?!"},
		{"ru", `он сказал "да"`, "он сказал «да»"},
		{"zh", `他说"是"`, "他说“是”"},
		{"ar", `قال "نعم"`, "قال ”نعم“"},
	}
	for _, c := range cases {
		got := typeset(txt(c.in), locale(t, c.lang))[0].Text
		if got != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.lang, c.in, got, c.want)
		}
	}
	// Symbol, link and quoted runs are never touched; the quote state crosses runs.
	ins := []model.Inline{
		{Kind: model.KindText, Text: `see "`},
		{Kind: model.KindSymbol, Text: "A/59/2005-2006/1"},
		{Kind: model.KindText, Text: `" 10-12`},
		{Kind: model.KindQuoted, Text: `"as written" 10-12`},
		{Kind: model.KindLink, Text: "http://x.org/a--b", URL: "http://x.org/a--b"},
	}
	got := runs(typeset(ins, locale(t, "en")))
	want := "text:see “ | symbol:A/59/2005-2006/1 | text:” 10–12 | quoted:\"as written\" 10-12 | link:http://x.org/a--b<http://x.org/a--b>"
	if got != want {
		t.Errorf("protected runs:\n got %q\nwant %q", got, want)
	}
}

func TestTypographyUsesSourceLanguage(t *testing.T) {
	doc := &model.Document{Meta: model.Metadata{OriginalLang: "fr"}, Blocks: []model.Block{para(`Il a dit "oui"`)}}
	apply(t, Typography{}, doc, &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, "en")})
	if got := model.PlainText(doc.Blocks[0].(*model.Paragraph).Inlines); got != "Il a dit «\u00a0oui\u00a0»" {
		t.Errorf("got %q: the output locale, not the source language, was used", got)
	}
}

func TestMetadata(t *testing.T) {
	pos := func(l int) model.Pos { return model.Pos{File: "n.txt", Line: l} }
	cases := []struct {
		name  string
		meta  model.Metadata
		front []model.FrontLine
		want  model.Metadata
		warn  string
	}{
		{
			name:  "front lines",
			front: []model.FrontLine{{Pos: pos(1), Kind: "venue", Text: "ITU Headquarters, ITU Tower, Room C2"}, {Pos: pos(3), Kind: "date", Text: "2 May 2005 – 14:00-17:30"}, {Pos: pos(4), Kind: "title", Text: "Informal consultation"}},
			want:  model.Metadata{Title: "Informal consultation", Date: "2005-05-02", TimeStart: "14:00", TimeEnd: "17:30", Venue: "ITU Headquarters, ITU Tower, Room C2", OriginalLang: "en"},
		},
		{
			name:  "venue and date on one line",
			front: []model.FrontLine{{Pos: pos(1), Kind: "date", Text: "Genève, 16 décembre 2014, 9h30 - 12h"}},
			want:  model.Metadata{Date: "2014-12-16", TimeStart: "09:30", TimeEnd: "12:00", Venue: "Genève", OriginalLang: "en"},
		},
		{
			name:  "front matter wins",
			meta:  model.Metadata{Date: "2 May 2005", Venue: "Geneva", OriginalLang: "French", Distribution: "limited"},
			front: []model.FrontLine{{Pos: pos(3), Kind: "date", Text: "3 May 2005"}},
			want:  model.Metadata{Date: "2005-05-02", Venue: "Geneva", OriginalLang: "fr", Distribution: "Limited"},
		},
		{name: "six languages", meta: model.Metadata{Date: "2005年5月2日", OriginalLang: "zh"}, want: model.Metadata{Date: "2005-05-02", OriginalLang: "zh"}},
		{name: "arabic date", meta: model.Metadata{Date: "2 أيار/مايو 2005", OriginalLang: "ar"}, want: model.Metadata{Date: "2005-05-02", OriginalLang: "ar"}},
		{name: "russian date", meta: model.Metadata{Date: "2 мая 2005 г.", OriginalLang: "ru", TimeStart: "2pm", TimeEnd: "5 p.m."}, want: model.Metadata{Date: "2005-05-02", OriginalLang: "ru", TimeStart: "14:00", TimeEnd: "17:00"}},
		{
			name: "bad date",
			meta: model.Metadata{Date: "next Tuesday", OriginalLang: "en", Lines: map[string]model.Pos{"date": pos(2)}},
			want: model.Metadata{OriginalLang: "en", Extra: map[string]string{"date": "next Tuesday"}},
			warn: "metadata: n.txt:2: cannot read the date \"next Tuesday\"",
		},
		{
			name:  "bad date line",
			front: []model.FrontLine{{Pos: pos(5), Kind: "date", Text: "Tuesday afternoon"}},
			want:  model.Metadata{OriginalLang: "en"},
			warn:  "metadata: n.txt:5: cannot read a date or time in \"Tuesday afternoon\"",
		},
		{name: "invalid ISO", meta: model.Metadata{Date: "2005-02-30", OriginalLang: "en"}, want: model.Metadata{OriginalLang: "en", Extra: map[string]string{"date": "2005-02-30"}}, warn: "cannot read the date"},
	}
	for _, c := range cases {
		doc := &model.Document{Source: "n.txt", Meta: c.meta, Front: c.front}
		w := &model.Warnings{}
		apply(t, Metadata{}, doc, &model.Env{Locales: locales.MustEmbedded(), Warnings: w})
		got := doc.Meta
		got.Lines = nil
		want := c.want
		want.Lines = nil
		if mustJSON(t, got) != mustJSON(t, want) {
			t.Errorf("%s:\n got %s\nwant %s", c.name, mustJSON(t, got), mustJSON(t, want))
		}
		var msgs []string
		for _, d := range w.List() {
			msgs = append(msgs, d.String())
		}
		all := strings.Join(msgs, "\n")
		if (c.warn == "") != (all == "") || !strings.Contains(all, c.warn) {
			t.Errorf("%s: warnings %q, want one containing %q", c.name, all, c.warn)
		}
	}
	// Lines records where fields came from.
	doc := &model.Document{Source: "n.txt", Front: cases[0].front}
	apply(t, Metadata{}, doc, nil)
	if doc.Meta.Lines["date"] != pos(3) || doc.Meta.Lines["venue"] != pos(1) || doc.Meta.Lines["title"] != pos(4) {
		t.Errorf("lines: %v", doc.Meta.Lines)
	}
}

func TestGuessLanguage(t *testing.T) {
	for want, text := range map[string]string{
		"en": "The meeting was opened by the Chair and the agenda was adopted.",
		"fr": "La séance est ouverte par le Président et les participants adoptent l'ordre du jour.",
		"es": "La sesión fue abierta por el Presidente y los participantes aprobaron el programa.",
		"ru": "Заседание открыл Председатель.",
		"zh": "主席宣布会议开幕。",
		"ar": "افتتح الرئيس الجلسة.",
	} {
		doc := &model.Document{Blocks: []model.Block{para(text)}}
		apply(t, Metadata{}, doc, nil)
		if doc.Meta.OriginalLang != want {
			t.Errorf("%q: guessed %q, want %q", text, doc.Meta.OriginalLang, want)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tr := range append(Source(), Output(OutputOptions{})...) {
		if err := tr.Apply(context.Background(), nil, &model.Env{Locales: locales.MustEmbedded()}); err == nil {
			t.Errorf("%s: no error for a nil document", tr.Name())
		}
	}
	for _, tr := range Output(OutputOptions{}) {
		err := tr.Apply(context.Background(), rawDoc(), &model.Env{Locales: locales.MustEmbedded()})
		if err == nil || !strings.Contains(err.Error(), tr.Name()+": raw.txt") {
			t.Errorf("%s without a locale: %v", tr.Name(), err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := (Clean{}).Apply(ctx, rawDoc(), &model.Env{Locales: locales.MustEmbedded()}); err == nil {
		t.Error("cancelled context not reported")
	}
	// Nil blocks are a reader's bug: clean, the first source transform, removes them so the
	// chain runs. (A transform run alone on them may panic; the runner's job boundary turns
	// that into the input's internal error.)
	doc := &model.Document{Source: "nil.txt", Blocks: []model.Block{&model.List{Items: []*model.ListItem{nil, {Inlines: txt("x")}}}, (*model.Paragraph)(nil), nil}}
	for _, tr := range append(Source(), Output(OutputOptions{})...) {
		if err := tr.Apply(context.Background(), doc, &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, "en")}); err != nil {
			t.Errorf("%s after clean: %v", tr.Name(), err)
		}
	}
}
