package write

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

func TestWriterFormat(t *testing.T) {
	w, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if w.Format() != "docx" || w.Ext() != ".docx" {
		t.Errorf("Format/Ext = %q/%q", w.Format(), w.Ext())
	}
}

// wantParts is the fixed part list of the sample (it has a footnote).
var wantParts = []string{
	"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
	"word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/fontTable.xml",
	"word/header1.xml", "word/header2.xml", "word/header3.xml", "word/footer1.xml", "word/footer2.xml", "word/footer3.xml",
	"word/footnotes.xml",
	"docProps/core.xml", "docProps/app.xml", "word/_rels/footer2.xml.rels", "word/media/barcode.png",
}

// paraInfo is a paragraph of document.xml as the tests look at it.
type paraInfo struct {
	style, numID, ilvl string
	hasNum, bidi       bool
	text               string
}

// parasOf lists the paragraphs of a part with their style, numbering and text.
func parasOf(t testing.TB, data []byte) []paraInfo {
	t.Helper()
	var out []paraInfo
	var cur *paraInfo
	var inT bool
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				out = append(out, paraInfo{})
				cur = &out[len(out)-1]
			case "pStyle":
				cur.style = attrValue(e, "val")
			case "numPr":
				cur.hasNum = true
			case "numId":
				cur.numID = attrValue(e, "val")
			case "ilvl":
				cur.ilvl = attrValue(e, "val")
			case "sectPr":
				cur = nil // its w:bidi is the section's
			case "bidi":
				if cur != nil {
					cur.bidi = true
				}
			case "t":
				inT = true
			case "tab":
				if cur != nil {
					cur.text += "\t"
				}
			}
		case xml.EndElement:
			if e.Name.Local == "t" {
				inT = false
			}
		case xml.CharData:
			if inT && cur != nil {
				cur.text += string(e)
			}
		}
	}
}

// TestWriteSampleAllLanguages checks each language version's structure: the part list, real
// numbering (labels never typed into the text), heading styles, language and fonts.
func TestWriteSampleAllLanguages(t *testing.T) {
	for _, lang := range locales.Supported {
		t.Run(lang, func(t *testing.T) {
			loc := localeFor(t, lang)
			doc := pipelinetest.Sample(lang)
			data, warns := writeDoc(t, Options{}, doc, lang)
			parts, names := unzipParts(t, data)
			if !slices.Equal(names, wantParts) {
				t.Errorf("parts:\n got %q\nwant %q", names, wantParts)
			}
			paras := parasOf(t, parts["word/document.xml"])
			var numbered, items int
			for _, p := range paras {
				if p.style == styleUNPara && p.hasNum && p.numID != "0" {
					numbered++
				}
				if p.style == styleSubpara || p.style == styleSubpara2 {
					items++
					if !p.hasNum || p.numID == "0" {
						t.Errorf("subparagraph %q is not numbered by Word", p.text)
					}
				}
			}
			if numbered != 5 || items != 4 {
				t.Errorf("numbered paragraphs = %d (want 5), subparagraphs = %d (want 4)", numbered, items)
			}
			// No label may be typed into the text of a Word-numbered paragraph.
			labels := []string{}
			for i := 1; i <= 5; i++ {
				labels = append(labels, loc.Numbering.Paragraph.Label(i))
			}
			for i := 1; i <= 2; i++ {
				labels = append(labels, loc.Numbering.Sub[0].Label(i), loc.Numbering.Sub[1].Label(i))
			}
			for _, p := range paras {
				if !p.hasNum || p.numID == "0" {
					continue
				}
				for _, l := range labels {
					if strings.HasPrefix(strings.TrimSpace(p.text), strings.TrimSpace(l)) {
						t.Errorf("paragraph %q starts with the typed label %q", p.text, l)
					}
				}
			}
			var headings []paraInfo
			for _, p := range paras {
				if strings.HasPrefix(p.style, "Heading") {
					headings = append(headings, p)
				}
			}
			if len(headings) != 2 {
				t.Fatalf("headings = %+v", headings)
			}
			if lang == "ar" {
				// Spelled-out chapter words: the documented literal-label exception.
				if !strings.HasPrefix(headings[0].text, "أولا -\t") {
					t.Errorf("Arabic chapter heading text = %q", headings[0].text)
				}
			} else if strings.Contains(headings[0].text, loc.Numbering.Chapter.Label(1)) || !headings[0].hasNum {
				t.Errorf("chapter heading %+v: want Word numbering, no typed label", headings[0])
			}
			if len(warns) != 0 {
				t.Errorf("warnings: %v", warns)
			}
			styles := string(parts["word/styles.xml"])
			for _, want := range []string{
				`w:styleId="UNParagraph"`, `<w:name w:val="heading 1"/>`, `<w:name w:val="Quote"/>`,
				`<w:name w:val="Masthead Symbol"/>`, `<w:name w:val="footnote text"/>`,
				`w:eastAsia="zh-CN" w:bidi="ar-SA"`,
			} {
				if !strings.Contains(styles, want) {
					t.Errorf("styles.xml lacks %s", want)
				}
			}
			num := string(parts["word/numbering.xml"])
			if n := strings.Count(num, "<w:abstractNum "); (lang == "ar" && n != 1) || (lang != "ar" && n != 2) {
				t.Errorf("%d abstractNum", n)
			}
			wantFmt := `<w:numFmt w:val="` + loc.Numbering.Sub[0].OOXML + `"/>`
			if !strings.Contains(num, wantFmt) || !strings.Contains(num, `<w:lvlText w:val="`+strings.ReplaceAll(loc.Numbering.Sub[0].Text, "%1", "%2")+`"/>`) {
				t.Errorf("numbering.xml lacks the subparagraph level %s", wantFmt)
			}
			core := string(parts["docProps/core.xml"])
			for _, want := range []string{"<dc:creator>scribe test</dc:creator>", "<dc:language>" + lang + "</dc:language>",
				"2005-05-02T17:30:00Z", "<dc:title>Informal consultation on WSIS follow-up</dc:title>"} {
				if !strings.Contains(core, want) {
					t.Errorf("core.xml lacks %s", want)
				}
			}
		})
	}
}

// TestArabicDirection checks right-to-left properties: bidi paragraphs and section, rtl only
// on runs with Arabic letters, a right-to-left table, and Arabic fonts and sizes.
func TestArabicDirection(t *testing.T) {
	data, _ := writeDoc(t, Options{}, richDoc("ar"), "ar")
	parts, _ := unzipParts(t, data)
	doc := string(parts["word/document.xml"])
	for _, p := range parasOf(t, parts["word/document.xml"]) {
		// A paragraph is right to left when its text is (a literal label before a tab does
		// not count): English text in the Arabic version is set left to right.
		text := p.text
		if _, after, ok := strings.Cut(text, "\t"); ok {
			text = after
		}
		want := (&docState{look: docLook{rtl: true}}).rtlOf(model.Texts(text, 0))
		if (p.style == styleUNPara || p.style == styleSubpara || strings.HasPrefix(p.style, "Heading")) && p.bidi != want {
			t.Errorf("paragraph %q: w:bidi %v, want %v", p.text, p.bidi, want)
		}
		if strings.HasPrefix(p.style, "Masthead") && p.style != styleMastUN && p.bidi {
			t.Errorf("English masthead line %q is right to left", p.text)
		}
	}
	if !regexp.MustCompile(`<w:bidi/><w:docGrid`).MatchString(doc) {
		t.Error("sectPr lacks w:bidi")
	}
	if !strings.Contains(doc, "<w:bidiVisual/><w:tblW") {
		t.Error("body table lacks w:bidiVisual")
	}
	// Every run whose text has Arabic letters is rtl; the English sample text is not.
	runs := regexp.MustCompile(`<w:r>(<w:rPr>.*?</w:rPr>)?<w:t xml:space="preserve">([^<]*)</w:t>`).FindAllStringSubmatch(doc, -1)
	for _, r := range runs {
		if got, want := strings.Contains(r[1], "<w:rtl/>"), hasRTL(r[2]); got != want {
			t.Errorf("run %q: rtl = %v, want %v", r[2], got, want)
		}
	}
	styles := string(parts["word/styles.xml"])
	if !strings.Contains(styles, `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Simplified Arabic"/>`) {
		t.Error("Arabic fonts not in docDefaults")
	}
	if !strings.Contains(styles, `<w:b/><w:bCs/>`) || !strings.Contains(styles, `<w:szCs w:val="26"/>`) {
		t.Error("complex-script weights and sizes missing")
	}
}

// TestChineseFonts checks the East Asian slot and language tags of the Chinese version.
func TestChineseFonts(t *testing.T) {
	data, _ := writeDoc(t, Options{}, pipelinetest.Sample("zh"), "zh")
	parts, _ := unzipParts(t, data)
	styles := string(parts["word/styles.xml"])
	if !strings.Contains(styles, `w:eastAsia="SimSun"`) || !strings.Contains(styles, `w:eastAsia="SimHei"`) ||
		!strings.Contains(styles, `<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>`) {
		t.Errorf("zh docDefaults wrong")
	}
	fr, _ := writeDoc(t, Options{}, pipelinetest.Sample("fr"), "fr")
	parts, _ = unzipParts(t, fr)
	if !strings.Contains(string(parts["word/styles.xml"]), `<w:lang w:val="fr-FR"`) {
		t.Error("fr language tag missing")
	}
}

// TestNumberingRestarts checks that a second list starts again at (a) through its own w:num
// with a startOverride, that the paragraph list stays one w:num, that a lone unlabelled
// section shows no number, and that the link and the table are written.
func TestNumberingRestarts(t *testing.T) {
	data, warns := writeDoc(t, Options{}, richDoc("en"), "en")
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	parts, names := unzipParts(t, data)
	paras := parasOf(t, parts["word/document.xml"])
	byText := map[string]paraInfo{}
	for _, p := range paras {
		byText[p.text] = p
	}
	first, restart := byText["staff costs;"], byText["first restart item;"]
	if first.numID != "1" || first.ilvl != "1" {
		t.Errorf("list under paragraph 6 = %+v, want num 1 ilvl 1 (restarts after the paragraph)", first)
	}
	if restart.numID == "1" || restart.numID == "0" || restart.ilvl != "1" {
		t.Fatalf("list under an unnumbered paragraph = %+v, want a restarting w:num", restart)
	}
	if byText["second restart item."].numID != restart.numID {
		t.Error("second item left its list's w:num")
	}
	num := string(parts["word/numbering.xml"])
	want := `<w:num w:numId="` + restart.numID + `"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>`
	if !strings.Contains(num, want) {
		t.Errorf("numbering.xml lacks %s", want)
	}
	for _, p := range paras {
		if p.style == styleUNPara && p.numID != "1" {
			t.Errorf("numbered paragraph %q uses w:num %s, not the single paragraph list", p.text, p.numID)
		}
	}
	lone := byText["Lone section without a letter"]
	if lone.style != styleHeading2 || lone.numID != "0" {
		t.Errorf("lone section = %+v, want Heading2 with numId 0", lone)
	}
	if b := byText["Budget"]; b.numID != "2" || b.ilvl != "1" {
		t.Errorf("section heading = %+v", b)
	}
	doc := string(parts["word/document.xml"])
	rels := string(parts["word/_rels/document.xml.rels"])
	if !strings.Contains(doc, `<w:hyperlink r:id="rId13">`) || !strings.Contains(rels, `Target="https://www.itu.int/wsis/?a=1&amp;b=2" TargetMode="External"`) {
		t.Error("hyperlink or its relationship missing")
	}
	if c := strings.Count(doc, "<w:tc>"); c != 5+6 {
		t.Errorf("%d table cells, want 11 (masthead 3 in the band and 2 under it, padded 2×3 table 6)", c)
	}
	if !strings.Contains(doc, "<w:br/>") || !strings.Contains(doc, "<w:noBreakHyphen/>") {
		t.Error("line break or non-breaking hyphen missing")
	}
	if !slices.Contains(names, "word/footnotes.xml") {
		t.Error("footnotes part missing")
	}
}

// TestLiteralFallback: a label Word numbering cannot print (the model says "7." where the
// counter gives 6) restarts the list at 7; a label that is not the locale's pattern is
// written as text, with a warning.
func TestLiteralFallback(t *testing.T) {
	doc := pipelinetest.Sample("en")
	doc.Blocks = append(doc.Blocks,
		&model.Paragraph{Numbered: true, Number: model.Number{Ordinal: 7, Label: "7."}, Inlines: model.Texts("Seven", 1)},
		&model.Paragraph{Numbered: true, Number: model.Number{Ordinal: 8, Label: "8 bis"}, Inlines: model.Texts("Eight bis", 2)},
	)
	data, warns := writeDoc(t, Options{}, doc, "en")
	parts, _ := unzipParts(t, data)
	paras := parasOf(t, parts["word/document.xml"])
	byText := map[string]paraInfo{}
	for _, p := range paras {
		byText[p.text] = p
	}
	if p := byText["Seven"]; p.numID == "1" || p.numID == "0" {
		t.Errorf("paragraph 7 after 5 = %+v, want a w:num restarting at 7", p)
	}
	if !strings.Contains(string(parts["word/numbering.xml"]), `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/>`) {
		t.Error("no startOverride 7")
	}
	if p := byText["8 bis\tEight bis"]; p.numID != "0" {
		t.Errorf("unprintable label: %+v", p)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Message, "8 bis") {
		t.Errorf("warnings = %v", warns)
	}
}

// TestDeterministic writes the same documents twice, and concurrently, and compares bytes.
func TestDeterministic(t *testing.T) {
	for _, lang := range locales.Supported {
		a, _ := writeDoc(t, Options{}, richDoc(lang), lang)
		b, _ := writeDoc(t, Options{}, richDoc(lang), lang)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two writes differ", lang)
		}
	}
	want, _ := writeDoc(t, Options{}, richDoc("fr"), "fr")
	w, _ := New(Options{})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			err := w.Write(context.Background(), &buf, richDoc("fr"),
				model.WriteOptions{Locale: localeFor(t, "fr"), Created: testCreated, Generator: "scribe test"})
			if err == nil && !bytes.Equal(buf.Bytes(), want) {
				err = errors.New("concurrent write differs")
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Zip entries carry the creation time, not the wall clock.
	zr, _ := zip.NewReader(bytes.NewReader(want), int64(len(want)))
	for _, f := range zr.File {
		if !f.Modified.Equal(testCreated) {
			t.Errorf("%s: modified %v", f.Name, f.Modified)
		}
	}
}

// TestWriteErrors covers bad input: a nil document, a cancelled context, nesting deeper than
// the limit, invalid XML characters.
func TestWriteErrors(t *testing.T) {
	w, _ := New(Options{})
	opts := model.WriteOptions{Locale: localeFor(t, "en")}
	if err := w.Write(context.Background(), io.Discard, nil, opts); !errors.Is(err, model.ErrMalformed) {
		t.Errorf("nil doc: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := w.Write(ctx, io.Discard, pipelinetest.Sample("en"), opts); err == nil {
		t.Error("cancelled context: no error")
	}
	deep := &model.Paragraph{Inlines: model.Texts("x", 1)}
	cur := deep
	for range model.DefaultMaxDepth + 5 {
		next := &model.Paragraph{Inlines: model.Texts("y", 1)}
		cur.Children = []model.Block{next}
		cur = next
	}
	err := w.Write(context.Background(), io.Discard, &model.Document{Source: "deep.txt", Blocks: []model.Block{deep}}, opts)
	if !errors.Is(err, model.ErrTooDeep) {
		t.Errorf("deep nesting: %v", err)
	}
	var buf bytes.Buffer
	bad := &model.Document{Blocks: []model.Block{&model.Paragraph{Inlines: model.Texts("form\ffeed <&> \x00 nul", 1)}}}
	if err := w.Write(context.Background(), &buf, bad, opts); err != nil {
		t.Fatal(err)
	}
	parts, _ := unzipParts(t, buf.Bytes())
	if err := xml.Unmarshal(parts["word/document.xml"], new(struct{})); err != nil {
		t.Errorf("document.xml is not well-formed: %v", err)
	}
	// No locale: locale data reaches the writer only through its options.
	if err := w.Write(context.Background(), io.Discard, pipelinetest.Sample("ru"), model.WriteOptions{}); !errors.Is(err, model.ErrLanguage) {
		t.Errorf("without a locale: err = %v, want ErrLanguage", err)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteOutputError(t *testing.T) {
	w, _ := New(Options{})
	err := w.Write(context.Background(), failWriter{}, pipelinetest.Sample("en"), model.WriteOptions{Locale: pipelinetest.Locale("en")})
	var pe *model.Error
	if !errors.As(err, &pe) || pe.Stage != "docx" || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v", err)
	}
}

// TestDocumentRead: the writer says once, after printing every part, that it is done with
// the document, and the package is the same as without the call.
func TestDocumentRead(t *testing.T) {
	w, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := pipelinetest.Sample("en")
	want, _ := writeDoc(t, Options{}, pipelinetest.Sample("en"), "en")
	var buf bytes.Buffer
	calls := 0
	opts := model.WriteOptions{Locale: localeFor(t, "en"), Created: testCreated, Generator: "scribe test",
		DocumentRead: func() { calls++ }}
	if err := w.Write(context.Background(), &buf, doc, opts); err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("DocumentRead called %d times, want 1", calls)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Error("the package differs when DocumentRead is set")
	}
}
