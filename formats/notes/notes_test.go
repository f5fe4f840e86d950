package notes

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
)

// read converts text and returns its outline and warnings.
func read(t *testing.T, text string, opts model.ReadOptions) (string, *model.Document, []model.Diagnostic) {
	t.Helper()
	var w model.Warnings
	opts.Warnings = &w
	if opts.Name == "" {
		opts.Name = "t.txt"
	}
	doc, err := New().Read(context.Background(), []byte(text), opts)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return outline(doc), doc, w.List()
}

type ruleCase struct {
	name, in, want string
}

func runRules(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, _, _ := read(t, tc.in, model.ReadOptions{Locales: locales.MustEmbedded()})
			want := strings.TrimLeft(tc.want, "\n")
			if got != want {
				t.Errorf("input:\n%s\ngot:\n%s\nwant:\n%s", tc.in, got, want)
			}
		})
	}
}

const body = "The Chair opened the meeting and welcomed the participants to the consultation on follow-up."

func TestHeadings(t *testing.T) {
	runRules(t, []ruleCase{
		{"short line before body is a heading", "Opening of the meeting\n" + body + "\n", `
H1 1: Opening of the meeting
P 2: The Chair opened the meeting and welcomed the participants t…
`},
		{"final stop makes a paragraph", "Opening of the meeting.\n" + body + "\n", `
P 1: Opening of the meeting.
P 2: The Chair opened the meeting and welcomed the participants t…
`},
		{"no body text after it", "Opening of the meeting\nShort line here\n", `
P 1: Opening of the meeting
P 2: Short line here
`},
		{"speaker lead is not a heading", "Ryan: Meeting called to order\n" + body + "\n", `
P 1: Ryan: Meeting called to order
P 2: The Chair opened the meeting and welcomed the participants t…
`},
		{"reporting verb makes a statement", "Canada agreed\n" + body + "\n", `
P 1: Canada agreed
P 2: The Chair opened the meeting and welcomed the participants t…
`},
		{"ends with a function word", "Proposals of the\n" + body + "\n", `
P 1: Proposals of the
P 2: The Chair opened the meeting and welcomed the participants t…
`},
		{"runs on from a line without stop", "Notes from the first part\nOther matters\n" + body + "\n", `
P 1: Notes from the first part
P 2: Other matters
P 3: The Chair opened the meeting and welcomed the participants t…
`},
		{"two sentences are not a heading", "Budget approved. Next item\n" + body + "\n", `
P 1: Budget approved. Next item
P 2: The Chair opened the meeting and welcomed the participants t…
`},
		{"explicit cues", body + "\n# Chapter\n## Section\n" + body + "\n", `
P 1: The Chair opened the meeting and welcomed the participants t…
H1 2: Chapter
H2 3: Section
P 4: The Chair opened the meeting and welcomed the participants t…
`},
		{"cue corrects a missed heading beside inferred ones", body + "\nOther matters\n" + body + "\n# Closing\nShort\n", `
P 1: The Chair opened the meeting and welcomed the participants t…
H1 2: Other matters
P 3: The Chair opened the meeting and welcomed the participants t…
H1 4: Closing
P 5: Short
`},
		{"hand-marked notes: no inference, title, levels shifted", "# Minutes\n\n## Budget\n\nOther matters\n" + body + "\n## Closing\n" + body + "\n", `
front title 1: Minutes
H1 3: Budget
P 5: Other matters
P 6: The Chair opened the meeting and welcomed the participants t…
H1 7: Closing
P 8: The Chair opened the meeting and welcomed the participants t…
`},
		{"wiki cues", "== Agenda ==\n" + body + "\n==Other matters\n" + body + "\n", `
H1 1: Agenda
P 2: The Chair opened the meeting and welcomed the participants t…
H1 3: Other matters
P 4: The Chair opened the meeting and welcomed the participants t…
`},
		{"setext cues", body + "\nAgenda\n======\n" + body + "\nOther matters\n-------------\n" + body + "\n", `
P 1: The Chair opened the meeting and welcomed the participants t…
H1 2: Agenda
P 4: The Chair opened the meeting and welcomed the participants t…
H2 5: Other matters
P 7: The Chair opened the meeting and welcomed the participants t…
`},
		{"a rule under a long paragraph is a separator", body + "\n-----\n" + body + "\n", `
P 1: The Chair opened the meeting and welcomed the participants t…
P 3: The Chair opened the meeting and welcomed the participants t…
`},
		{"hashtag is text", "#hashtag is not a heading.\n", `
P 1: #hashtag is not a heading.
`},
		{"chinese heading", "工作安排\n叙利亚感谢主席召集本次会议，并询问是否将召开新的主席之友小组会议。\n", `
H1 1: 工作安排
P 2: 叙利亚感谢主席召集本次会议，并询问是否将召开新的主席之友小组会议。
`},
		{"chinese line with full stop", "工作安排。\n叙利亚感谢主席召集本次会议，并询问是否将召开新的主席之友小组会议。\n", `
P 1: 工作安排。
P 2: 叙利亚感谢主席召集本次会议，并询问是否将召开新的主席之友小组会议。
`},
		{"arabic heading", "تنظيم الأعمال\nشكرت سوريا الرئيس على عقد هذا الاجتماع وأكدت أن الفريق العامل يمكنه تقديم مقترحات بشأن التنفيذ.\n", `
H1 1: تنظيم الأعمال
P 2: شكرت سوريا الرئيس على عقد هذا الاجتماع وأكدت أن الفريق العام…
`},
		{"arabic comma ends a clause", "تنظيم الأعمال،\nشكرت سوريا الرئيس على عقد هذا الاجتماع وأكدت أن الفريق العامل يمكنه تقديم مقترحات بشأن التنفيذ.\n", `
P 1: تنظيم الأعمال،
P 2: شكرت سوريا الرئيس على عقد هذا الاجتماع وأكدت أن الفريق العام…
`},
	})
}

func TestBullets(t *testing.T) {
	runRules(t, []ruleCase{
		{"bullets join the paragraph before", body + "\n\n· first point\n· second point\n\nNext paragraph.\n", `
P 1: The Chair opened the meeting and welcomed the participants t…
  L1 3
    I 3 ·: first point
    I 4 ·: second point
P 6: Next paragraph.
`},
		{"indentation nests", "Points:\n- one\n    - one a\n    - one b\n- two\n", `
P 1: Points:
  L1 2
    I 2 -: one
      L2 3
        I 3 -: one a
        I 4 -: one b
    I 5 -: two
`},
		{"a different marker nests, the first one returns", "Points:\n(a) one\n(i) sub\n(ii) sub\n(b) two\n", `
P 1: Points:
  L1 2
    I 2 (a): one
      L2 3
        I 3 (i): sub
        I 4 (ii): sub
    I 5 (b): two
`},
		{"letter i continues a letter list", "Points:\na) a\nb) b\nc) c\nd) d\ne) e\nf) f\ng) g\nh) h\ni) i\n", `
P 1: Points:
  L1 2
    I 2 a): a
    I 3 b): b
    I 4 c): c
    I 5 d): d
    I 6 e): e
    I 7 f): f
    I 8 g): g
    I 9 h): h
    I 10 i): i
`},
		{"bullets after a heading become paragraphs", "# Topics\n- one\n- two\n", `
front title 1: Topics
P 2: one
P 3: two
`},
		{"typed paragraph numbers are dropped", "1. The Chair opened the meeting.\n2. Canada spoke.\n", `
P 1: The Chair opened the meeting.
P 2: Canada spoke.
`},
		{"numbers after a colon are a list", "The Committee decided:\n1. to approve the report;\n2. to meet again.\n", `
P 1: The Committee decided:
  L1 2
    I 2 1.: to approve the report;
    I 3 2.: to meet again.
`},
		{"o needs a neighbour", "Points:\no first\no second\n\no is a letter here.\n", `
P 1: Points:
  L1 2
    I 2 o: first
    I 3 o: second
P 5: o is a letter here.
`},
		{"continuation line joins the item", "Points:\n- a long item that goes\n  on to a second line\n- two\n", `
P 1: Points:
  L1 2
    I 2 -: a long item that goes on to a second line
    I 4 -: two
`},
		{"dash without space is text", "-1.5 per cent was the growth.\n", `
P 1: -1.5 per cent was the growth.
`},
		{"unmarked list under a short lead", "Board Members\nRyan McDermott - Champion\nMoheeb Zara - Operations Manager\nLarry Campbell - Champion\n\n" + body + "\n", `
P 1: Board Members
  L1 2
    I 2 : Ryan McDermott - Champion
    I 3 : Moheeb Zara - Operations Manager
    I 4 : Larry Campbell - Champion
P 6: The Chair opened the meeting and welcomed the participants t…
`},
		{"chinese enumeration", "加拿大指出：\n（一）执行工作主要在国家一级进行；\n（二）国际组织将发挥支持作用。\n", `
P 1: 加拿大指出：
  L1 2
    I 2 （一）: 执行工作主要在国家一级进行；
    I 3 （二）: 国际组织将发挥支持作用。
`},
	})
}

func TestMasthead(t *testing.T) {
	runRules(t, []ruleCase{
		{"venue and date", " ITU Headquarters, ITU Tower, Room C2\n\n2 May 2005 – 14:00-17:30\n" + body + "\n", `
front venue 1: ITU Headquarters, ITU Tower, Room C2
front date 3: 2 May 2005 – 14:00-17:30
P 4: The Chair opened the meeting and welcomed the participants t…
`},
		{"title, symbol, place and date", "Informal consultation on follow-up\nA/HRC/59/1\nGeneva, 2 May 2005\n\n" + body + "\n", `
front title 1: Informal consultation on follow-up
front symbol 2: A/HRC/59/1
front date 3: Geneva, 2 May 2005
P 5: The Chair opened the meeting and welcomed the participants t…
`},
		{"labelled lines", "Lieu : Palais des Nations\nDate : 2 mai 2005\n\n" + body + "\n", `
front venue 1: Lieu : Palais des Nations
front date 2: Date : 2 mai 2005
P 4: The Chair opened the meeting and welcomed the participants t…
`},
		{"russian and chinese and arabic dates", "2 мая 2005 г.\n" + body + "\n", `
front date 1: 2 мая 2005 г.
P 2: The Chair opened the meeting and welcomed the participants t…
`},
		{"chinese date", "2005年5月2日下午\n" + body + "\n", `
front date 1: 2005年5月2日下午
P 2: The Chair opened the meeting and welcomed the participants t…
`},
		{"arabic date", "2 أيار/مايو 2005\n" + body + "\n", `
front date 1: 2 أيار/مايو 2005
P 2: The Chair opened the meeting and welcomed the participants t…
`},
		{"a date inside body text is not masthead", body + "\n2 May 2005\n", `
P 1: The Chair opened the meeting and welcomed the participants t…
P 2: 2 May 2005
`},
		{"title lines without a date", "HTTPBIS WG\nIETF 77\n\nIssues: http://example.org/x\n", `
front title 1: HTTPBIS WG
front other 2: IETF 77
P 4: Issues: http://example.org/x
`},
		{"a heading at the top is not a title", "Opening of the meeting\n\n" + body + "\n", `
H1 1: Opening of the meeting
P 3: The Chair opened the meeting and welcomed the participants t…
`},
	})
}

func TestQuotes(t *testing.T) {
	runRules(t, []ruleCase{
		{"curly quotation over two paragraphs", "The ILO supported paragraph 10: “In order to assure the sustainability.\n\nThe operational work should build upon it”.\nUSA added to this.\n", `
P 1: The ILO supported paragraph 10:
  Q 1
    p 1: “In order to assure the sustainability.
    p 3: The operational work should build upon it”.
P 4: USA added to this.
`},
		{"guillemets with inner quotes", "L'OIT a dit : « Premier « intérieur » paragraphe.\nSecond paragraphe ».\nFin.\n", `
P 1: L'OIT a dit :
  Q 1
    p 1: « Premier « intérieur » paragraphe.
    p 2: Second paragraphe ».
P 3: Fin.
`},
		{"quotation opening the line joins the paragraph before", "He read the text:\n“First paragraph.\nSecond paragraph.”\n", `
P 1: He read the text:
  Q 2
    p 2: “First paragraph.
    p 3: Second paragraph.”
`},
		{"closed in the line is inline", "He said “yes” and left.\nNext.\n", `
P 1: He said “yes” and left.
P 2: Next.
`},
		{"explicit quotation lines", body + "\n> Quoted one.\n> Quoted two.\nAfter.\n", `
P 1: The Chair opened the meeting and welcomed the participants t…
  Q 2
    p 2: Quoted one.
    p 3: Quoted two.
P 4: After.
`},
		{"notes in parentheses", body + "\n(Spoke in French)\n[inaudible]\n", `
P 1: The Chair opened the meeting and welcomed the participants t…
N 2: (Spoke in French)
N 3: [inaudible]
`},
		{"parenthesis not wrapping the whole line", "(a) is not a note (b)\n", `
P 1: is not a note (b)
`},
	})
}

func TestUnclosedQuoteWarns(t *testing.T) {
	got, _, w := read(t, "He said “never closed.\nNext.\n", model.ReadOptions{Locales: locales.MustEmbedded()})
	if want := "P 1: He said “never closed.\nP 2: Next.\n"; got != want {
		t.Errorf("got:\n%s", got)
	}
	if len(w) != 1 || !strings.Contains(w[0].Message, "not closed") || w[0].Pos.Line != 1 {
		t.Errorf("warnings = %v", w)
	}
}

func TestWhitespaceDoesNotMatter(t *testing.T) {
	plain := "ITU Headquarters, Room C2\n2 May 2005\nOrganisation of work\n" + body + "\nCanada said:\n· one point\n· another point\n"
	_, ref, _ := read(t, plain, model.ReadOptions{Locales: locales.MustEmbedded()})
	want := outline(ref)
	variants := map[string]string{
		"crlf":           strings.ReplaceAll(plain, "\n", "\r\n"),
		"cr":             strings.ReplaceAll(plain, "\n", "\r"),
		"bom":            "\ufeff" + plain,
		"nbsp":           strings.ReplaceAll(strings.ReplaceAll(plain, "Organisation of work", "Organisation\u00a0of work\u00a0"), "· ", "·\u00a0"),
		"tabs":           strings.ReplaceAll(strings.ReplaceAll(plain, "·", "\t·"), " opened", "\topened"),
		"trailing space": strings.ReplaceAll(plain, "\n", "  \n"),
		"junk lines":     plain + "\n \n\u00a0\n----\n\t\n",
		"blank lines":    strings.ReplaceAll(plain, "\n", "\n\n"),
	}
	for name, in := range variants {
		t.Run(name, func(t *testing.T) {
			got, _, _ := read(t, in, model.ReadOptions{Locales: locales.MustEmbedded()})
			if name == "nbsp" {
				got = strings.ReplaceAll(got, "\u00a0", " ")
			}
			if name == "blank lines" {
				got = renumber(got)
				want := renumber(want)
				if got != want {
					t.Errorf("got:\n%s\nwant:\n%s", got, want)
				}
				return
			}
			if got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// renumber blanks out line numbers, for variants that add lines.
func renumber(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		f := strings.Fields(l)
		for i, w := range f {
			if strings.Trim(w, "0123456789:") == "" {
				f[i] = "#"
				break
			}
		}
		b.WriteString(strings.Join(f, " ") + "\n")
	}
	return b.String()
}

func TestFrontMatter(t *testing.T) {
	in := "---\ntitle: Consultation\ndate: 2005-05-02\nlang: fr\nproject: x\n---\n\nOrganisation des travaux\nLe Président a ouvert la séance et a souhaité la bienvenue aux participants de la réunion.\n"
	got, doc, _ := read(t, in, model.ReadOptions{Locales: locales.MustEmbedded(), SourceLang: "es"})
	want := "H1 8: Organisation des travaux\nP 9: Le Président a ouvert la séance et a souhaité la bienvenue a…\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	m := doc.Meta
	if m.Title != "Consultation" || m.Date != "2005-05-02" || m.OriginalLang != "fr" || m.Extra["project"] != "x" {
		t.Errorf("meta = %+v", m)
	}
	if doc.Source != "t.txt" || doc.Blocks[0].Position().File != "t.txt" {
		t.Errorf("positions do not name the file: %+v", doc.Blocks[0].Position())
	}
}

func TestOriginalLang(t *testing.T) {
	fr := "Le Président a ouvert la séance et a souhaité la bienvenue aux participants de la réunion."
	tests := []struct{ name, in, source, want string }{
		{"front matter wins", "---\nlanguage: es\n---\n" + fr, "ru", "es"},
		{"then the user", fr, "ru", "ru"},
		{"user tag normalized", fr, "fr-CA", "fr"},
		{"then detection", fr, "", "fr"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, doc, _ := read(t, tc.in, model.ReadOptions{Locales: locales.MustEmbedded(), SourceLang: tc.source})
			if doc.Meta.OriginalLang != tc.want {
				t.Errorf("OriginalLang = %q, want %q", doc.Meta.OriginalLang, tc.want)
			}
		})
	}
}

func TestWrappedParagraphsAreJoined(t *testing.T) {
	in := `The Chair opened the meeting and welcomed the participants. He
recalled that the working group had been mandated to make proposals
to the conference on the contributions of the union to the summit.

Canada recalled that implementation of the commitments would take
place at the national level, and that international organisations
would have a supporting and collaborating role in this respect.

Syria thanked the chair for convening this meeting and asked whether
there would be a new meeting of the group of friends of the chair.
`
	got, _, _ := read(t, in, model.ReadOptions{Locales: locales.MustEmbedded()})
	want := "P 1: The Chair opened the meeting and welcomed the participants. …\nP 5: Canada recalled that implementation of the commitments would…\nP 9: Syria thanked the chair for convening this meeting and asked…\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestErrors(t *testing.T) {
	deep := "Points:\n"
	for i := 0; i < 40; i++ {
		deep += strings.Repeat(" ", i) + "- level\n"
	}
	tests := []struct {
		name   string
		in     []byte
		limits model.Limits
		want   error
		line   int
	}{
		{"empty", nil, model.Limits{}, model.ErrEmpty, 0},
		{"white space", []byte(" \n\t\u00a0\n"), model.Limits{}, model.ErrEmpty, 0},
		{"binary", []byte("PNG\x00\x01\x02"), model.Limits{}, model.ErrBinary, 1},
		{"bad encoding", []byte("abc\n\x81\x8d"), model.Limits{}, model.ErrEncoding, 2},
		{"too deep", []byte(deep), model.Limits{}, model.ErrTooDeep, 34},
		{"too deep, small limit", []byte("P:\n- a\n - b\n  - c\n"), model.Limits{MaxDepth: 2}, model.ErrTooDeep, 4},
		{"too large", []byte("abc"), model.Limits{MaxInputBytes: 2}, model.ErrTooLarge, 0},
		{"bad front matter", []byte("---\ntitle: [\n---\nText.\n"), model.Limits{}, model.ErrMalformed, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New().Read(context.Background(), tc.in, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "x.txt", Limits: tc.limits})
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			var perr *model.Error
			if !errors.As(err, &perr) || perr.Pos.File != "x.txt" || (tc.line > 0 && perr.Pos.Line != tc.line) {
				t.Errorf("error position: %v", err)
			}
		})
	}
}

func TestUTF16Warns(t *testing.T) {
	in := []byte{0xFF, 0xFE}
	for _, r := range "Text.\n" {
		in = append(in, byte(r), 0)
	}
	var w model.Warnings
	doc, err := New().Read(context.Background(), in, model.ReadOptions{Locales: locales.MustEmbedded(), Name: "u.txt", Warnings: &w})
	if err != nil || len(doc.Blocks) != 1 || w.Len() != 1 {
		t.Fatalf("err=%v blocks=%d warnings=%v", err, len(doc.Blocks), w.List())
	}
}

func TestWhyIsSet(t *testing.T) {
	for _, path := range goldenInputs(t) {
		doc, _ := readFile(t, path)
		model.Walk(doc.Blocks, func(b model.Block) bool {
			var why string
			switch n := b.(type) {
			case *model.Heading:
				why = n.Why
			case *model.Paragraph:
				why = n.Why
			case *model.List:
				why = n.Why
			case *model.Quote:
				why = n.Why
			default:
				return true
			}
			if why == "" {
				t.Errorf("%s: %T at %v has no Why", path, b, b.Position())
			}
			return true
		})
		for _, f := range doc.Front {
			if f.Why == "" || f.Kind == "" {
				t.Errorf("%s: front line %v has no kind or Why", path, f.Pos)
			}
		}
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := New().Read(ctx, []byte(strings.Repeat("Line.\n", 10000)), model.ReadOptions{Locales: locales.MustEmbedded()})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

// TestReferenceNotes checks the expectations on the project's reference input.
func TestReferenceNotes(t *testing.T) {
	doc, _ := readFile(t, "../../testdata/wsis-itu-consultation-2005-05-02.txt")
	var headings []string
	paras := 0
	for _, b := range doc.Blocks {
		switch n := b.(type) {
		case *model.Heading:
			headings = append(headings, model.PlainText(n.Inlines))
		case *model.Paragraph:
			if !n.Numbered {
				t.Errorf("unnumbered paragraph at %v", n.Pos)
			}
			paras++
		default:
			t.Errorf("unexpected top-level %T at %v", b, b.Position())
		}
	}
	want := []string{
		"Organisation of the work of the ITU WG on WSIS informal consultation and ITU contribution to WSIS process",
		"Swiss proposal for additional Summit documents",
		"Modalities and Leadership for the implementation and follow-up process to WSIS",
		"Participation of LDCs in WSIS Phase II",
	}
	if strings.Join(headings, "|") != strings.Join(want, "|") {
		t.Errorf("headings = %q", headings)
	}
	if paras != 23 {
		t.Errorf("%d numbered paragraphs, want 23", paras)
	}
	if len(doc.Front) != 2 || doc.Front[0].Kind != "venue" || doc.Front[1].Kind != "date" ||
		doc.Front[1].Text != "2 May 2005 – 14:00-17:30" {
		t.Errorf("front = %+v", doc.Front)
	}
	var furrer, ilo *model.Paragraph
	for _, b := range doc.Blocks {
		if p, ok := b.(*model.Paragraph); ok {
			text := model.PlainText(p.Inlines)
			switch {
			case strings.HasPrefix(text, "Marc Furrer"):
				furrer = p
			case strings.HasPrefix(text, "The ILO"):
				ilo = p
			}
		}
	}
	if furrer == nil || len(furrer.Children) != 1 {
		t.Fatalf("Marc Furrer paragraph: %+v", furrer)
	}
	if l, ok := furrer.Children[0].(*model.List); !ok || len(l.Items) != 2 || l.Depth != 1 || l.Items[0].Marker != "·" {
		t.Errorf("Furrer list = %+v", furrer.Children[0])
	}
	if ilo == nil || len(ilo.Children) != 1 {
		t.Fatalf("ILO paragraph: %+v", ilo)
	}
	q, ok := ilo.Children[0].(*model.Quote)
	if !ok || len(q.Paragraphs) != 2 {
		t.Fatalf("ILO quote = %+v", ilo.Children[0])
	}
	if got := model.PlainText(ilo.Inlines); got != "The ILO supported the USA proposal in document PC-2/DT/2 (rev.2) paragraph 10:" {
		t.Errorf("ILO lead = %q", got)
	}
	first, last := model.PlainText(q.Paragraphs[0].Inlines), model.PlainText(q.Paragraphs[1].Inlines)
	if !strings.HasPrefix(first, "“In order") || !strings.HasSuffix(last, "efforts”.") || q.Paragraphs[0].Numbered {
		t.Errorf("quote paragraphs = %q … %q", first, last)
	}
}

func TestShortLeadInBeforeBulletsIsBody(t *testing.T) {
	src := "Budget\nCanada stated the following:\n- the budget must be approved;\n- the audit must be published.\nFrance agreed with Canada on both points and asked for a report next year.\n"
	doc, err := New().Read(context.Background(), []byte(src), model.ReadOptions{Locales: locales.MustEmbedded(), Name: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	h, ok := doc.Blocks[0].(*model.Heading)
	if !ok || model.PlainText(h.Inlines) != "Budget" {
		t.Fatalf("first block is %T, want the heading Budget", doc.Blocks[0])
	}
	p, ok := doc.Blocks[1].(*model.Paragraph)
	if !ok || len(p.Children) != 1 {
		t.Fatalf("second block: %#v, want the lead-in with its list", doc.Blocks[1])
	}
}
