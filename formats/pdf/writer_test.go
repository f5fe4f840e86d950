package pdf

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// testFonts is the embedded-only font set: goldens must not depend on the machine's fonts.
var testFonts = sync.OnceValues(func() (*FontSet, error) { return LoadFonts(FontOptions{NoSystem: true}) })

// systemFonts is what production uses: system fonts, then the embedded ones.
var systemFonts = sync.OnceValues(func() (*FontSet, error) { return LoadFonts(FontOptions{}) })

var testCreated = time.Date(2005, 5, 2, 12, 0, 0, 0, time.UTC)

func fontsOrFail(t testing.TB, get func() (*FontSet, error)) *FontSet {
	t.Helper()
	fs, err := get()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func writeOpts(t testing.TB, doc *model.Document) model.WriteOptions {
	t.Helper()
	loc, err := locales.MustEmbedded().Lookup(doc.Present.Lang)
	if err != nil {
		t.Fatal(err)
	}
	return model.WriteOptions{Locale: loc, Created: testCreated, Generator: "scribe test"}
}

func writeDoc(t testing.TB, doc *model.Document, fonts *FontSet, compress bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(Options{Fonts: fonts, Compress: compress})
	if err := w.Write(context.Background(), &buf, doc, writeOpts(t, doc)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// longDoc is the sample followed by enough numbered paragraphs, headings, footnotes and an
// over-long URL to fill several pages.
func longDoc(lang string) *model.Document {
	doc := pipelinetest.Sample(lang)
	loc, _ := locales.MustEmbedded().Lookup(lang)
	para := 5
	chapter := 2
	words := strings.Fields("the delegation of the working group recalled that the stocktaking of implementation " +
		"should remain open to all stakeholders and that the secretariat would report on progress " +
		"at the next session of the Council together with a proposal on modalities")
	line := 30
	for i := 0; i < 48; i++ {
		line++
		if i%9 == 0 {
			chapter++
			doc.Blocks = append(doc.Blocks, &model.Heading{Pos: model.Pos{File: "sample.txt", Line: line}, Level: 1,
				Inlines: model.Texts(fmt.Sprintf("Further consideration of item %d of the agenda", chapter), line),
				Number:  model.Number{Ordinal: chapter, Label: loc.Numbering.Chapter.Label(chapter)}})
			line++
		}
		para++
		n := 12 + (i*37)%70
		var b strings.Builder
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[(i+k)%len(words)])
		}
		b.WriteString(".")
		ins := model.Texts(b.String(), line)
		if i%11 == 4 {
			ins = append(ins, model.Inline{Kind: model.KindFootnote, Line: line,
				Note: model.Texts(fmt.Sprintf("See the report of the %d session, which gives the figures in full and the list of participants.", i), line)})
		}
		if i == 20 {
			ins = append(ins, model.Inline{Kind: model.KindText, Text: " Details: ", Line: line},
				model.Inline{Kind: model.KindLink, Text: "https://www.itu.int/net/wsis/implementation/stocktaking/reports/2005/very-long-path-without-any-break-opportunity-at-all/index.html", URL: "https://www.itu.int/", Line: line})
		}
		doc.Blocks = append(doc.Blocks, &model.Paragraph{Pos: model.Pos{File: "sample.txt", Line: line}, Inlines: ins,
			Numbered: true, Number: model.Number{Ordinal: para, Label: loc.Numbering.Paragraph.Label(para)}})
		if i == 30 {
			cell := func(s string) []model.Inline { return model.Texts(s, line) }
			doc.Blocks = append(doc.Blocks, &model.Table{Pos: model.Pos{File: "sample.txt", Line: line}, Rows: [][][]model.Inline{
				{cell("Stakeholder"), cell("Commitments"), cell("Status")},
				{cell("States"), cell("National e-strategies and the stocktaking database of WSIS-related projects"), cell("Open")},
				{cell("Civil society"), cell("Rolling document up to the Tunis Summit"), cell("Closed")},
			}})
		}
	}
	return doc
}

// layoutOf typesets doc without rendering, for tests of the layout itself.
func layoutOf(t *testing.T, doc *model.Document, fonts *FontSet) ([]*page, *layouter) {
	t.Helper()
	var trace strings.Builder
	if _, err := typeset(context.Background(), doc, writeOpts(t, doc), setup{fonts: fonts, trace: &trace}); err != nil {
		t.Fatal(err)
	}
	// typeset does not return its layouter; redo the layout on a fresh one for inspection.
	pdfDoc := newTestLayouter(doc, fonts)
	pages, _, err := pdfDoc.layout()
	if err != nil {
		t.Fatal(err)
	}
	return pages, pdfDoc
}

// mastheadDoc is the sample with everything a first page can carry: session, agenda item,
// subtitle, "Please recycle" (and, in TestGolden, an emblem).
func mastheadDoc(lang string) *model.Document {
	doc := pipelinetest.Sample(lang)
	loc := pipelinetest.Locale(lang)
	doc.Meta.Session, doc.Meta.Subtitle, doc.Meta.AgendaItem, doc.Meta.Recycle = "Second session", "Note by the secretariat", "3", true
	doc.Present.AgendaItem = strings.ReplaceAll(loc.Masthead.AgendaItem, "{item}", "3")
	doc.Present.Recycle = loc.Label(locales.PleaseRecycle)
	return doc
}

// testEmblem is a small round emblem with a transparent background.
func testEmblem(t testing.TB) *Emblem {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 40, 40))
	for y := 0; y < 40; y++ {
		for x := 0; x < 40; x++ {
			if (x-20)*(x-20)+(y-20)*(y-20) < 361 {
				img.Set(x, y, color.NRGBA{0, 0x9E, 0xDB, 0xFF})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	e, err := LoadEmblem(buf.Bytes(), "emblem.png")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestGolden compares the drawn text (page, position, face, size, visual-order text, and the
// outline) of each sample with testdata/<name>.golden. Compression is off and the fonts are
// the embedded ones, so the result is the same on every machine. Run with -update to accept
// a change after looking at the rendered pages.
func TestGolden(t *testing.T) {
	fonts := fontsOrFail(t, testFonts)
	cases := []struct {
		name string
		doc  *model.Document
	}{
		{"sample-en", pipelinetest.Sample("en")},
		{"sample-fr", pipelinetest.Sample("fr")},
		{"sample-ru", pipelinetest.Sample("ru")},
		{"sample-es", pipelinetest.Sample("es")},
		{"sample-ar", pipelinetest.Sample("ar")},
		{"long-en", longDoc("en")},
		{"translated-ar", translated("ar", arText)},
		{"masthead-fr", mastheadDoc("fr")},
		{"masthead-ar", mastheadDoc("ar")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var trace strings.Builder
			su := setup{fonts: fonts, trace: &trace}
			if strings.HasPrefix(c.name, "masthead") {
				su.emblem = testEmblem(t)
			}
			pdf, err := typeset(context.Background(), c.doc, writeOpts(t, c.doc), su)
			if err != nil {
				t.Fatal(err)
			}
			trace.WriteString(structure(pdf))
			golden := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(trace.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := trace.String(); got != string(want) {
				t.Errorf("drawn text differs from %s (go test -update after checking the pages):\n%s", golden, testutil.Diff(string(want), got))
			}
		})
	}
}

// structure summarizes the object structure of an uncompressed PDF: pages, fonts, outline
// entries and the document information, one fact per line.
func structure(pdf []byte) string {
	var b strings.Builder
	count := func(re string) int { return len(regexp.MustCompile(re).FindAll(pdf, -1)) }
	fmt.Fprintf(&b, "pdf pages %d\n", count(`/Type /Page\b[^s]`))
	fmt.Fprintf(&b, "pdf outline entries %d\n", count(`/Parent \d+ 0 R\s*/(Prev|Next|First|Dest)`))
	for _, m := range regexp.MustCompile(`/Subtype /Type0 /BaseFont /(\S+)`).FindAllSubmatch(pdf, -1) {
		fmt.Fprintf(&b, "pdf font %s\n", m[1])
	}
	for _, key := range []string{"Lang", "CreationDate", "ModDate"} {
		if m := regexp.MustCompile(`/` + key + ` \(([^)]*)\)`).FindSubmatch(pdf); m != nil {
			fmt.Fprintf(&b, "pdf %s %s\n", key, m[1])
		}
	}
	return b.String()
}

// TestDeterministic: the same input gives a byte-identical PDF, compressed or not, and
// concurrent conversions sharing one FontSet do not disturb each other.
func TestDeterministic(t *testing.T) {
	fonts := fontsOrFail(t, systemFonts)
	for _, compress := range []bool{false, true} {
		for _, lang := range []string{"en", "ar", "zh"} {
			doc := pipelinetest.Sample(lang)
			first := writeDoc(t, doc, fonts, compress)
			var wg sync.WaitGroup
			outs := make([][]byte, 4)
			for i := range outs {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					var buf bytes.Buffer
					w := NewWriter(Options{Fonts: fonts, Compress: compress})
					if err := w.Write(context.Background(), &buf, pipelinetest.Sample(lang), writeOpts(t, doc)); err != nil {
						t.Error(err)
					}
					outs[i] = buf.Bytes()
				}(i)
			}
			wg.Wait()
			for i, o := range outs {
				if !bytes.Equal(first, o) {
					t.Errorf("%s compress=%v: run %d differs from the first", lang, compress, i)
				}
			}
		}
	}
}

// traceWarnings typesets doc and returns the drawn text and the warnings.
func traceWarnings(t *testing.T, doc *model.Document, fonts *FontSet) (string, []model.Diagnostic) {
	t.Helper()
	var trace strings.Builder
	opts := writeOpts(t, doc)
	opts.Warnings = &model.Warnings{}
	if _, err := typeset(context.Background(), doc, opts, setup{fonts: fonts, trace: &trace}); err != nil {
		t.Fatal(err)
	}
	return trace.String(), opts.Warnings.List()
}

// TestNoGlyph: a character no font has is printed as its Unicode name in brackets, with a
// warning naming it and its line (--strict makes that an error).
func TestNoGlyph(t *testing.T) {
	fonts := fontsOrFail(t, testFonts)
	doc := pipelinetest.Sample("en")
	p := doc.Blocks[2].(*model.Paragraph)
	p.Inlines = append(p.Inlines, model.Inline{Kind: model.KindText, Text: " the sign 𓀀 is missing", Line: 8})
	trace, ws := traceWarnings(t, doc, fonts)
	if !strings.Contains(trace, "the sign [EGYPTIAN HIEROGLYPH A001] is") {
		t.Errorf("the stand-in is not drawn:\n%s", trace)
	}
	if len(ws) != 1 {
		t.Fatalf("warnings = %v, want one", ws)
	}
	for _, want := range []string{"U+13000", "EGYPTIAN HIEROGLYPH A001", "sample.txt:8"} {
		if !strings.Contains(ws[0].String(), want) {
			t.Errorf("warning %q does not mention %q", ws[0], want)
		}
	}
	// A code point with no name (unassigned here) stands in for itself, said once.
	p.Inlines = append(p.Inlines, model.Inline{Kind: model.KindText, Text: " and \u0378", Line: 9})
	trace, ws = traceWarnings(t, doc, fonts)
	if !strings.Contains(trace, "and [U+0378]") || len(ws) != 2 ||
		!strings.Contains(ws[1].String(), "sample.txt:9: no font has U+0378 (no Unicode name); printed as [U+0378]") {
		t.Errorf("unnamed code point: warnings %v\n%s", ws, trace)
	}
}

// TestSymbolFallback: an emoji pasted from a chat prints from a monochrome symbol face when
// the system has one (Symbola), in a document otherwise set in the embedded face.
func TestSymbolFallback(t *testing.T) {
	fonts := fontsOrFail(t, systemFonts)
	if fonts.find("Symbola", true) == nil {
		if testutil.InCI() {
			t.Fatal("Symbola (fonts-symbola) is not installed under CI=true")
		}
		t.Skip("no Symbola")
	}
	doc := pipelinetest.Sample("en")
	p := doc.Blocks[2].(*model.Paragraph)
	p.Inlines = append(p.Inlines, model.Inline{Kind: model.KindText, Text: " agreed 👍 at once", Line: 8})
	trace, ws := traceWarnings(t, doc, fonts)
	if !strings.Contains(trace, "‹Symbola 10›👍") {
		t.Errorf("the emoji is not drawn from Symbola:\n%s", trace)
	}
	if len(ws) != 0 {
		t.Errorf("warnings = %v, want none", ws)
	}
}

// TestChineseWithoutCJKFont: with only the embedded fonts, Chinese text is an error that says
// which package or option fixes it.
func TestChineseWithoutCJKFont(t *testing.T) {
	fonts := fontsOrFail(t, testFonts)
	doc := pipelinetest.Sample("zh")
	var buf bytes.Buffer
	err := NewWriter(Options{Fonts: fonts}).Write(context.Background(), &buf, doc, writeOpts(t, doc))
	if !errors.Is(err, model.ErrNoGlyph) {
		t.Fatalf("err = %v, want ErrNoGlyph", err)
	}
	for _, want := range []string{"fonts-wqy-microhei", "--font"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

// TestBadInput: invalid UTF-8 and control characters never reach the page: the first is
// an error, the second are dropped.
func TestBadInput(t *testing.T) {
	fonts := fontsOrFail(t, testFonts)
	cases := []struct {
		name    string
		text    string
		wantErr error
	}{
		{"invalid utf-8", "bad \xff\xfe bytes", model.ErrEncoding},
		{"controls", "bell \a, NUL \x00, LRM \u200e, RLO \u202e, soft\u00adhyphen, tab\tand\nnewline", nil},
		{"empty", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := pipelinetest.Sample("en")
			doc.Blocks[0].(*model.Paragraph).Inlines = model.Texts(c.text, 4)
			var buf bytes.Buffer
			err := NewWriter(Options{Fonts: fonts}).Write(context.Background(), &buf, doc, writeOpts(t, doc))
			if c.wantErr == nil && err != nil {
				t.Fatal(err)
			}
			if c.wantErr != nil && !errors.Is(err, c.wantErr) {
				t.Fatalf("err = %v, want %v", err, c.wantErr)
			}
		})
	}
	t.Run("invalid utf-8 in metadata", func(t *testing.T) {
		doc := pipelinetest.Sample("en")
		doc.Meta.Title = "bad \xff title"
		doc.Meta.Body = "\xc3"
		var buf bytes.Buffer
		err := NewWriter(Options{Fonts: fonts}).Write(context.Background(), &buf, doc, writeOpts(t, doc))
		if err != nil && !errors.Is(err, model.ErrEncoding) {
			t.Fatal(err)
		}
	})
}

// TestLayoutRules checks the typesetting rules on a multi-page document: no overfull line,
// no heading last on a page, no single line of a paragraph alone at a page's top or bottom,
// footnotes on the page of their indicator.
func TestLayoutRules(t *testing.T) {
	fonts := fontsOrFail(t, testFonts)
	for _, lang := range []string{"en", "ar"} {
		doc := longDoc(lang)
		l := newTestLayouter(doc, fonts)
		pages, _, err := l.layout()
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) < 3 {
			t.Fatalf("%s: %d pages, want a multi-page test", lang, len(pages))
		}
		blockOf := map[*line]*vblock{}
		for _, b := range l.blocks {
			for _, ln := range b.lines {
				blockOf[ln] = b
			}
		}
		for pi, pg := range pages {
			for _, pl := range pg.lines {
				if nat := tokensWidth(pl.ln.toks); nat > pl.ln.width+0.01 {
					t.Errorf("%s page %d: overfull line (%.2f > %.2f mm)", lang, pi+1, nat, pl.ln.width)
				}
				if pl.top+pl.ln.h > bodyBottom-notesHeight(pg.notes)+0.01 {
					t.Errorf("%s page %d: line runs into the footnotes or the margin", lang, pi+1)
				}
			}
			if pi == len(pages)-1 || len(pg.lines) == 0 {
				continue
			}
			last := pg.lines[len(pg.lines)-1].ln
			if b := blockOf[last]; b.keepNext && b.lines[len(b.lines)-1] == last {
				t.Errorf("%s page %d ends with a heading or a paragraph that should go with what follows", lang, pi+1)
			}
			b := blockOf[last]
			if len(b.lines) > 1 && b.lines[0] == last {
				t.Errorf("%s page %d: orphan (first line of a paragraph alone at the bottom)", lang, pi+1)
			}
			next := pages[pi+1].lines[0].ln
			if nb := blockOf[next]; len(nb.lines) > 1 && nb.lines[len(nb.lines)-1] == next && nb == b {
				t.Errorf("%s page %d: widow (last line of a paragraph alone at the top)", lang, pi+2)
			}
			for _, pl := range pg.lines {
				for _, fn := range pl.ln.notes {
					found := false
					for _, n := range pg.notes {
						found = found || n == fn
					}
					if !found {
						t.Errorf("%s page %d: footnote %d not on the page of its indicator", lang, pi+1, fn.num)
					}
				}
			}
		}
	}
}

func newTestLayouter(doc *model.Document, fonts *FontSet) *layouter {
	loc := pipelinetest.Locale(doc.Present.Lang)
	return newLayouter(context.Background(), newDocFonts(fonts, typeChoiceOf(loc, doc.Present)), doc, typographyOf(loc), nil)
}

// TestLanguages: the embedded set alone covers the Latin, Cyrillic and Arabic languages;
// Chinese needs a system font.
func TestLanguages(t *testing.T) {
	got := fontsOrFail(t, testFonts).Languages()
	for _, lang := range []string{"en", "fr", "es", "ru", "ar"} {
		if !got[lang] {
			t.Errorf("embedded fonts cannot typeset %s", lang)
		}
	}
	if got["zh"] {
		t.Errorf("embedded fonts claim Chinese")
	}
}

// TestFontFileErrors: a --font file that cannot be used is an error naming it.
func TestFontFileErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "notafont.ttf")
	if err := os.WriteFile(bad, []byte("hello, I am text"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{bad, filepath.Join(dir, "missing.ttf")} {
		_, err := LoadFonts(FontOptions{Files: []string{path}, NoSystem: true})
		if !errors.Is(err, model.ErrFont) || !strings.Contains(err.Error(), path) {
			t.Errorf("LoadFonts(%s) = %v, want ErrFont naming the file", path, err)
		}
	}
}

// TestInterop runs the PDF past real consumers: qpdf accepts it, pdffonts shows every font
// embedded and subset, pdftotext finds the headings and the paragraph numbers in order.
func TestInterop(t *testing.T) {
	qpdf := testutil.RequireTool(t, "qpdf")
	pdffonts := testutil.RequireTool(t, "pdffonts")
	pdftotext := testutil.RequireTool(t, "pdftotext")
	fonts := fontsOrFail(t, systemFonts)
	dir := t.TempDir()
	langs := []string{"en", "fr", "es", "ru", "ar"}
	if fonts.Languages()["zh"] {
		langs = append(langs, "zh")
	} else if testutil.InCI() {
		t.Errorf("no Chinese font installed (fonts-wqy-microhei or fonts-droid-fallback)")
	}
	for _, lang := range langs {
		for name, doc := range map[string]*model.Document{"sample": pipelinetest.Sample(lang), "long": longDoc(lang)} {
			path := filepath.Join(dir, name+"-"+lang+".pdf")
			if err := os.WriteFile(path, writeDoc(t, doc, fonts, true), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
				t.Errorf("%s: qpdf --check: %v\n%s", path, err, out)
			}
			out, err := exec.Command(pdffonts, path).CombinedOutput()
			if err != nil {
				t.Fatalf("pdffonts: %v\n%s", err, out)
			}
			rows := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
			if len(rows) == 0 {
				t.Errorf("%s: no fonts", path)
			}
			for _, row := range rows {
				f := strings.Fields(row)
				if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
					t.Errorf("%s: font not embedded as a subset: %s", path, row)
				}
			}
			text, err := exec.Command(pdftotext, "-layout", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			checkReadingOrder(t, path, string(text), doc)
		}
	}
}

// checkReadingOrder finds every paragraph number and (for left-to-right documents) every
// heading in the extracted text, in document order.
func checkReadingOrder(t *testing.T, path, text string, doc *model.Document) {
	t.Helper()
	at := 0
	model.Walk(doc.Blocks, func(b model.Block) bool {
		var want string
		switch n := b.(type) {
		case *model.Paragraph:
			if n.Numbered {
				want = `(?m)^\s*` + regexp.QuoteMeta(strings.TrimSpace(strings.TrimSuffix(n.Number.Label, "-"))) + `\s`
				if doc.Present.Dir == "rtl" && startsRTLInlines(n.Inlines) {
					// Right-to-left: the number is the last thing on its line.
					want = `(?m)\s-\s?` + regexp.QuoteMeta(fmt.Sprint(n.Number.Ordinal)) + `\s*$`
				}
			}
		case *model.Heading:
			if doc.Present.Dir != "rtl" {
				// The first words: a long heading wraps.
				words := strings.Fields(model.PlainText(n.Inlines))
				if len(words) > 4 {
					words = words[:4]
				}
				for i, w := range words {
					words[i] = regexp.QuoteMeta(w)
				}
				want = strings.Join(words, `\s+`)
			}
		}
		if want == "" {
			return true
		}
		loc := regexp.MustCompile(want).FindStringIndex(text[at:])
		if loc == nil {
			t.Errorf("%s: %q not found after offset %d", path, want, at)
			return false
		}
		at += loc[1] - 1
		return true
	})
}

// TestDump writes the samples with the system fonts to $PDF_DUMP, to look at them.
func TestDump(t *testing.T) {
	dir := os.Getenv("PDF_DUMP")
	if dir == "" {
		t.Skip("set PDF_DUMP=dir to write the sample PDFs")
	}
	fonts := fontsOrFail(t, systemFonts)
	for _, lang := range []string{"en", "fr", "es", "ru", "ar", "zh"} {
		for name, doc := range map[string]*model.Document{"": pipelinetest.Sample(lang), "long-": longDoc(lang)} {
			if err := os.WriteFile(filepath.Join(dir, name+lang+".pdf"), writeDoc(t, doc, fonts, true), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestTitleOf: the metadata title is the document's own (title, symbol, meeting line, first
// heading), else the input's file name, never a path or "-".
func TestTitleOf(t *testing.T) {
	heading := &model.Heading{Level: 1, Inlines: model.Texts("Opening of the meeting", 1)}
	for _, c := range []struct {
		doc  model.Document
		want string
	}{
		{model.Document{Meta: model.Metadata{Title: "Report", Symbol: "A/1"}, Source: "/home/x/notes.txt"}, "Report"},
		{model.Document{Meta: model.Metadata{Symbol: "A/HRC/59/1"}, Source: "/home/x/notes.txt"}, "A/HRC/59/1"},
		{model.Document{Present: model.Presentation{TitleBlock: "Meeting held at Geneva"}, Blocks: []model.Block{heading}}, "Meeting held at Geneva"},
		{model.Document{Blocks: []model.Block{heading}, Source: "/home/x/notes.txt"}, "Opening of the meeting"},
		{model.Document{Source: "/home/x/minutes 2025.txt"}, "minutes 2025"},
		{model.Document{Source: "-"}, ""},
	} {
		if got := titleOf(&c.doc); got != c.want {
			t.Errorf("%+v: %q, want %q", c.doc.Source, got, c.want)
		}
	}
}
