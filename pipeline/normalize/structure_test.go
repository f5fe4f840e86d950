package normalize

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// labels lists "id=label" for every numbered block in document order.
func labels(doc *model.Document) string {
	var out []string
	model.Walk(doc.Blocks, func(b model.Block) bool {
		switch n := b.(type) {
		case *model.Heading:
			out = append(out, n.ID+"="+n.Number.Label)
		case *model.Paragraph:
			out = append(out, n.ID+"="+n.Number.Label)
		case *model.ListItem:
			out = append(out, n.ID+"="+n.Number.Label)
		case *model.Note:
			out = append(out, n.ID)
		case *model.Table:
			out = append(out, n.ID)
		}
		return true
	})
	return strings.Join(out, " ")
}

func numbered(t *testing.T, doc *model.Document, lang string) string {
	t.Helper()
	env := &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, lang)}
	for _, tr := range []model.Transform{Clean{}, IDs{}, Numbering{}} {
		apply(t, tr, doc, env)
	}
	return labels(doc)
}

func TestIDsAndNumbering(t *testing.T) {
	want := map[string]string{
		"en": "p1=1. h1=I. p2=2. p2.a=(a) p2.b=(b) p2.b.i=(i) p2.b.ii=(ii) p2.q1= p2.q2= h2= p3=3. u1= n1 t1 h3=II. h4=A. p4=4. h5=B. p5=5.",
		"fr": "p1=1. h1=I. p2=2. p2.a=a) p2.b=b) p2.b.i=i) p2.b.ii=ii) p2.q1= p2.q2= h2= p3=3. u1= n1 t1 h3=II. h4=A. p4=4. h5=B. p5=5.",
		"es": "p1=1. h1=I. p2=2. p2.a=a) p2.b=b) p2.b.i=i) p2.b.ii=ii) p2.q1= p2.q2= h2= p3=3. u1= n1 t1 h3=II. h4=A. p4=4. h5=B. p5=5.",
		"ru": "p1=1. h1=I. p2=2. p2.a=a) p2.b=b) p2.b.i=i) p2.b.ii=ii) p2.q1= p2.q2= h2= p3=3. u1= n1 t1 h3=II. h4=A. p4=4. h5=B. p5=5.",
		"zh": "p1=1. h1=一. p2=2. p2.a=(a) p2.b=(b) p2.b.i=(i) p2.b.ii=(ii) p2.q1= p2.q2= h2= p3=3. u1= n1 t1 h3=二. h4=A. p4=4. h5=B. p5=5.",
		"ar": "p1=1 - h1=أولا - p2=2 - p2.a=(أ) p2.b=(ب) p2.b.i=(1) p2.b.ii=(2) p2.q1= p2.q2= h2= p3=3 - u1= n1 t1 h3=ثانيا - h4=ألف - p4=4 - h5=باء - p5=5 -",
	}
	for _, tag := range locales.Supported {
		if got := numbered(t, rawDoc(), tag); got != want[tag] {
			t.Errorf("%s:\n got %s\nwant %s", tag, got, want[tag])
		}
	}
	// Ids do not depend on the output language.
	a, b := rawDoc(), rawDoc()
	numbered(t, a, "en")
	numbered(t, b, "ar")
	var ida, idb []string
	for _, d := range []struct {
		doc *model.Document
		ids *[]string
	}{{a, &ida}, {b, &idb}} {
		model.Walk(d.doc.Blocks, func(bl model.Block) bool {
			if p, ok := bl.(*model.Paragraph); ok {
				*d.ids = append(*d.ids, p.ID)
			}
			return true
		})
	}
	if strings.Join(ida, ",") != strings.Join(idb, ",") {
		t.Errorf("ids differ between languages: %v / %v", ida, idb)
	}
}

func heading(level int, text string) *model.Heading {
	return &model.Heading{Level: level, Inlines: txt(text)}
}

func TestHeadingNumbering(t *testing.T) {
	cases := []struct {
		name   string
		blocks []model.Block
		lang   string
		want   string
	}{
		{"all chapters", []model.Block{heading(1, "a"), para("x"), heading(1, "b"), heading(1, "c")}, "en", "h1=I. p1=1. h2=II. h3=III."},
		{"lone section", []model.Block{heading(1, "a"), heading(2, "s"), para("x"), heading(1, "b"), heading(2, "s1"), heading(2, "s2")}, "en", "h1=I. h2= p1=1. h3=II. h4=A. h5=B."},
		{"sections restart", []model.Block{heading(1, "a"), heading(2, "s1"), heading(2, "s2"), heading(1, "b"), heading(2, "t1"), heading(2, "t2"), heading(2, "t3")}, "en", "h1=I. h2=A. h3=B. h4=II. h5=A. h6=B. h7=C."},
		{"subsections", []model.Block{heading(1, "a"), heading(2, "s1"), heading(3, "x"), heading(3, "y"), heading(2, "s2"), heading(3, "z")}, "en", "h1=I. h2=A. h3=1. h4=2. h5=B. h6="},
		{"sections without chapter", []model.Block{heading(2, "s1"), heading(2, "s2")}, "fr", "h1=A. h2=B."},
		{"arabic", []model.Block{heading(1, "a"), heading(2, "s1"), heading(2, "s2"), heading(2, "s3"), heading(1, "b")}, "ar", "h1=أولا - h2=ألف - h3=باء - h4=جيم - h5=ثانيا -"},
		{"chinese", []model.Block{heading(1, "a"), heading(1, "b"), heading(2, "s1"), heading(2, "s2")}, "zh", "h1=一. h2=二. h3=A. h4=B."},
	}
	for _, c := range cases {
		doc := &model.Document{Blocks: c.blocks}
		if got := numbered(t, doc, c.lang); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
	// Heading Number.Level: chapters 0, sections 1.
	doc := &model.Document{Blocks: []model.Block{heading(1, "a"), heading(2, "s1"), heading(2, "s2")}}
	numbered(t, doc, "en")
	if lv := doc.Blocks[1].(*model.Heading).Number.Level; lv != 1 {
		t.Errorf("section level %d, want 1", lv)
	}
}

func TestListNumbering(t *testing.T) {
	items := func(n int) []*model.ListItem {
		var out []*model.ListItem
		for i := 0; i < n; i++ {
			out = append(out, &model.ListItem{Inlines: txt("item")})
		}
		return out
	}
	// Two lists under one paragraph: labels restart, ids continue so they stay unique.
	p := para("intro:")
	p.Children = []model.Block{&model.List{Depth: 1, Items: items(2)}, &model.List{Depth: 1, Items: items(28)}}
	doc := &model.Document{Blocks: []model.Block{p}}
	got := numbered(t, doc, "en")
	if !strings.HasPrefix(got, "p1=1. p1.a=(a) p1.b=(b) p1.c=(a) p1.d=(b)") || !strings.HasSuffix(got, "p1.z=(x) p1.aa=(y) p1.bb=(z) p1.cc=(aa) p1.dd=(bb)") {
		t.Errorf("got %s", got)
	}
	// A list at the top level belongs to the paragraph before it; with none, it takes a u id.
	doc = &model.Document{Blocks: []model.Block{&model.List{Depth: 1, Items: items(1)}, para("x"), &model.List{Depth: 1, Items: items(1)}}}
	if got := numbered(t, doc, "fr"); got != "u1.a=a) p1=1. p1.a=a)" {
		t.Errorf("top-level lists: %s", got)
	}
	// Depth past the locale's levels reuses the last one; Number.Level is the depth.
	deep := &model.List{Depth: 1, Items: items(1)}
	cur := deep
	for d := 2; d <= 6; d++ {
		next := &model.List{Depth: d, Items: items(1)}
		cur.Items[0].Children = []model.Block{next}
		cur = next
	}
	doc = &model.Document{Blocks: []model.Block{para("x"), deep}}
	if got := numbered(t, doc, "en"); got != "p1=1. p1.a=(a) p1.a.i=(i) p1.a.i.a=a. p1.a.i.a.i=i. p1.a.i.a.i.a=i. p1.a.i.a.i.a.i=i." {
		t.Errorf("deep lists: %s", got)
	}
	if lv := cur.Items[0].Number.Level; lv != 6 {
		t.Errorf("level %d, want 6", lv)
	}
}

func TestLocalize(t *testing.T) {
	meta := model.Metadata{Body: "ITU Council Working Group on WSIS", Symbol: "ITU/WSIS/2005/INF.1", Date: "2005-05-02",
		TimeStart: "14:00", TimeEnd: "17:30", Venue: "Geneva", OriginalLang: "en", JobNumber: "05-35610"}
	type want struct {
		masthead, title, footer, page string
	}
	cases := map[string]want{
		"en": {"un=United Nations|organ=ITU Council Working Group on WSIS|symbol=ITU/WSIS/2005/INF.1|distribution=Distr.: General|date=2\u00a0May 2005|original=Original: English",
			"Meeting held at Geneva on 2\u00a0May 2005, 2\u00a0p.m.–5.30\u00a0p.m.", "05-35610 (E)", "Page"},
		"fr": {"un=Nations Unies|organ=ITU Council Working Group on WSIS|symbol=ITU/WSIS/2005/INF.1|distribution=Distr. générale|date=2\u00a0mai 2005|language=Français|original=Original\u00a0: anglais",
			"Réunion tenue à Geneva le 2\u00a0mai 2005, 14\u00a0heures–17\u00a0h\u00a030", "05-35610 (F)", "Page"},
		"es": {"un=Naciones Unidas|organ=ITU Council Working Group on WSIS|symbol=ITU/WSIS/2005/INF.1|distribution=Distr. general|date=2\u00a0de\u00a0mayo de 2005|language=Español|original=Original: inglés",
			"Reunión celebrada en Geneva el 2\u00a0de\u00a0mayo de 2005, 14.00–17.30\u00a0horas", "05-35610 (S)", "Página"},
		"ru": {"un=Организация Объединенных Наций|organ=ITU Council Working Group on WSIS|symbol=ITU/WSIS/2005/INF.1|distribution=Distr.: General|date=2\u00a0May 2005|language=Russian|original=Original: English",
			"Заседание состоялось 2\u00a0мая 2005 года, 14\u00a0ч.\u00a000\u00a0м.–17\u00a0ч.\u00a030\u00a0м. Место проведения: Geneva", "05-35610 (R)", "Стр."},
		"zh": {"un=联合国|organ=ITU Council Working Group on WSIS|symbol=ITU/WSIS/2005/INF.1|distribution=Distr.: General|date=2\u00a0May 2005|language=Chinese|original=Original: English",
			"会议于2005年5月2日下午2时至下午5时30分在Geneva举行", "05-35610 (C)", "页"},
		"ar": {"un=الأمم المتحدة|organ=ITU Council Working Group on WSIS|symbol=ITU/WSIS/2005/INF.1|distribution=Distr.: General|date=2\u00a0May 2005|language=Arabic|original=Original: English",
			"عُقد الاجتماع في Geneva في 2\u00a0أيار/مايو 2005، الساعة\u00a014:00–17:30", "05-35610 (A)", "الصفحة"},
	}
	for tag, w := range cases {
		doc := &model.Document{Meta: meta}
		doc.Meta.Localized = map[string]map[string]string{"body": {"fr": "Groupe de travail du Conseil de l'UIT sur le SMSI"}} // typed apostrophe, printed ’
		if tag == "fr" {
			w.masthead = strings.Replace(w.masthead, "organ=ITU Council Working Group on WSIS", "organ=Groupe de travail du Conseil de l’UIT sur le SMSI", 1)
		}
		apply(t, Localize{}, doc, &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, tag)})
		p := doc.Present
		var lines []string
		for _, l := range p.Masthead {
			lines = append(lines, string(l.Key)+"="+l.Text)
		}
		if got := strings.Join(lines, "|"); got != w.masthead {
			t.Errorf("%s masthead:\n got %s\nwant %s", tag, got, w.masthead)
		}
		if p.TitleBlock != w.title || p.FooterJob != w.footer || p.PageLabel != w.page || p.HeaderText != meta.Symbol {
			t.Errorf("%s: title %q footer %q page %q header %q", tag, p.TitleBlock, p.FooterJob, p.PageLabel, p.HeaderText)
		}
		if doc.Meta.Lang != tag || p.Lang != tag || (p.Dir == "rtl") != (tag == "ar") || len(p.Fonts) == 0 {
			t.Errorf("%s: lang %q/%q dir %q fonts %v", tag, doc.Meta.Lang, p.Lang, p.Dir, p.Fonts)
		}
	}

	// The agenda item: a number in the locale's words, anything else as written.
	for _, c := range []struct{ tag, item, want string }{
		{"en", "3", "Agenda item 3"}, {"fr", "4 (b)", "Point 4 (b) de l’ordre du jour"}, {"ru", "69", "Пункт 69 повестки дня"},
		{"en", "Item 3 of the provisional agenda", "Item 3 of the provisional agenda"},
	} {
		doc := &model.Document{Meta: model.Metadata{AgendaItem: c.item, Recycle: true}}
		apply(t, Localize{}, doc, &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, c.tag)})
		if doc.Present.AgendaItem != c.want || doc.Present.Recycle == "" {
			t.Errorf("%s %q: agenda item %q recycle %q, want %q", c.tag, c.item, doc.Present.AgendaItem, doc.Present.Recycle, c.want)
		}
	}

	// Unknown fields drop their lines and pick the matching title-block pattern.
	partial := []struct {
		meta     model.Metadata
		masthead string
		title    string
		header   string
	}{
		{model.Metadata{Date: "2005-05-02", Distribution: "Limited"}, "distribution=Distr. limitée|date=2\u00a0mai 2005|language=Français", "Réunion tenue le 2\u00a0mai 2005", ""},
		{model.Metadata{Date: "2005-05-01", TimeStart: "09:00", Distribution: "restricted", Title: "Notes"}, "distribution=Distr. restreinte|date=1er\u00a0mai 2005|language=Français", "Réunion tenue le 1er\u00a0mai 2005, 9\u00a0heures", "Notes"},
		{model.Metadata{Venue: "Genève", Distribution: "Interne", OriginalLang: "ar"}, "distribution=Interne|language=Français|original=Original\u00a0: arabe", "", ""},
		{model.Metadata{Venue: "Genève", Date: "2005-05-02"}, "distribution=Distr. générale|date=2\u00a0mai 2005|language=Français", "Réunion tenue à Genève le 2\u00a0mai 2005", ""},
	}
	for _, c := range partial {
		doc := &model.Document{Meta: c.meta}
		apply(t, Localize{}, doc, &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, "fr")})
		var lines []string
		for _, l := range doc.Present.Masthead {
			lines = append(lines, string(l.Key)+"="+l.Text)
		}
		if got := strings.Join(lines, "|"); got != c.masthead || doc.Present.TitleBlock != c.title || doc.Present.HeaderText != c.header || doc.Present.FooterJob != "" {
			t.Errorf("%+v:\n got %s / %q / %q\nwant %s / %q / %q", c.meta, got, doc.Present.TitleBlock, doc.Present.HeaderText, c.masthead, c.title, c.header)
		}
	}
}

// TestTypesetFields: the title, subtitle, organ and session get the version's typography
// when they are in its language, only its apostrophe when they are not; symbols stay.
func TestTypesetFields(t *testing.T) {
	for _, c := range []struct {
		tag, orig, title, want string
	}{
		{"fr", "fr", `Réunion du bureau : budget "2024" (A/RES/59-220) de l'association`,
			"Réunion du bureau\u00a0: budget «\u00a02024\u00a0» (A/RES/59-220) de l’association"},
		{"fr", "en", `Meeting: the ITU's "budget"`, `Meeting: the ITU’s "budget"`},
		{"en", "en", `Meeting on 2 May: "budget" 2005-2006`, "Meeting on 2\u00a0May: “budget” 2005–2006"},
	} {
		doc := &model.Document{Meta: model.Metadata{Title: c.title, Session: c.title, OriginalLang: c.orig}}
		apply(t, Localize{}, doc, &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, c.tag)})
		if doc.Meta.Title != c.want || doc.Meta.Session != c.want {
			t.Errorf("%s version of %s notes: %q\n got %q / %q\nwant %q", c.tag, c.orig, c.title, doc.Meta.Title, doc.Meta.Session, c.want)
		}
	}
}

// TestGolden runs the whole chain on the raw document for each language and compares the
// model with testdata/raw.<lang>.json (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, tag := range locales.Supported {
		doc := rawDoc()
		w := &model.Warnings{}
		env := &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, tag), Warnings: w}
		for _, tr := range append(Source(), Output(OutputOptions{})...) {
			apply(t, tr, doc, env)
		}
		got := mustJSON(t, doc) + "\n"
		path := filepath.Join("testdata", "raw."+tag+".json")
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s:\n%s", tag, path, testutil.Diff(string(want), got))
		}
	}
}
