package interop

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// langCase is what the conventions (../shared/docs/un-conventions.md) make a reader see in
// the report of testdata/i18n/<lang>.txt.
type langCase struct {
	lang     string
	masthead []string  // lines of the masthead block, in that language's form
	date     string    // the meeting date as the line under the masthead prints it
	headings [2]string // chapter label and title, as one line
	sub      [2]string // subparagraph markers in the model (and so in scribe's PDF)
	subLO    [2]string // the same as LibreOffice prints Word's numbering
	rtl      bool
}

var langCases = []langCase{
	{lang: "en", masthead: []string{"Distr.: General", "2 May 2005", "Original: English"},
		date:     "on 2 May 2005",
		headings: [2]string{"I. Organization of work", "II. Implementation and follow-up"},
		sub:      [2]string{"(a)", "(b)"}},
	{lang: "fr", masthead: []string{"Distr. générale", "2 mai 2005", "Français", "Original : français"},
		date:     "le 2 mai 2005",
		headings: [2]string{"I. Organisation des travaux", "II. Mise en œuvre et suivi"},
		sub:      [2]string{"a)", "b)"}},
	{lang: "es", masthead: []string{"Distr. general", "2 de mayo de 2005", "Español", "Original: español"},
		date:     "el 2 de mayo de 2005",
		headings: [2]string{"I. Organización de los trabajos", "II. Participación de los países menos adelantados"},
		sub:      [2]string{"a)", "b)"}},
	// Russian, Chinese and Arabic versions keep the masthead in English.
	{lang: "ru", masthead: []string{"Distr.: General", "2 May 2005", "Russian", "Original: Russian"},
		date:     "2 мая 2005 года",
		headings: [2]string{"I. Организация работы", "II. Осуществление и последующая деятельность"},
		sub:      [2]string{"a)", "b)"}},
	{lang: "zh", masthead: []string{"Distr.: General", "2 May 2005", "Chinese", "Original: Chinese"},
		date:     "2005年5月2日",
		headings: [2]string{"一. 工作安排", "二. 执行和后续行动"},
		sub:      [2]string{"(a)", "(b)"}},
	// Word's arabicAbjad numbering is printed by LibreOffice with a bare alef, (ا); the model
	// (and scribe's PDF) has the UN form (أ).
	{lang: "ar", masthead: []string{"Distr.: General", "2 May 2005", "Arabic", "Original: Arabic"},
		date:     "أيار/مايو 2005",
		headings: [2]string{"أولا - تنظيم الأعمال", "ثانيا - التنفيذ والمتابعة"},
		sub:      [2]string{"(أ)", "(ب)"}, subLO: [2]string{"(ا)", "(ب)"},
		rtl: true},
}

// symbol is the document symbol every i18n sample cites; it must come out whole, on one line.
const symbol = "WSIS-II/PC-2/DT/2(Rev.2)"

var (
	docxParaLTR = regexp.MustCompile(`^(\d+)\. `)
	docxParaRTL = regexp.MustCompile(`^(\d+) - `)
)

// docxNumbers returns the paragraph numbers opening lines of LibreOffice's text export.
func docxNumbers(lines []string, rtl bool) []string {
	re := docxParaLTR
	if rtl {
		re = docxParaRTL
	}
	var nums []string
	for _, l := range lines {
		if m := re.FindStringSubmatch(l); m != nil {
			nums = append(nums, m[1])
		}
	}
	return nums
}

// hasMarker reports whether a line of a text export opens with a subparagraph marker.
func hasMarker(lines []string, marker string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, marker+" ") {
			return true
		}
	}
	return false
}

// checkDOCXText checks LibreOffice's text export of a DOCX against c.
func checkDOCXText(t *testing.T, c langCase, text string) {
	t.Helper()
	lines := textLines(text)
	for _, m := range c.masthead {
		if !hasLine(lines, m, false) {
			t.Errorf("DOCX via LibreOffice: masthead line %q missing", m)
		}
	}
	if !strings.Contains(strings.Join(lines, "\n"), c.date) {
		t.Errorf("DOCX via LibreOffice: meeting date %q missing", c.date)
	}
	for _, h := range c.headings {
		if !hasLine(lines, h, false) {
			t.Errorf("DOCX via LibreOffice: heading line %q missing", h)
		}
	}
	for _, s := range cmp.Or(c.subLO, c.sub) {
		if !hasMarker(lines, s) {
			t.Errorf("DOCX via LibreOffice: subparagraph marker %q missing", s)
		}
	}
	if !strings.Contains(strings.Join(lines, "\n"), symbol) {
		t.Errorf("DOCX via LibreOffice: document symbol %s missing or broken", symbol)
	}
	if got := docxNumbers(lines, c.rtl); !slices.Equal(got, upTo(5)) {
		t.Errorf("DOCX via LibreOffice: paragraph numbers %v, want 1–5 (quotation paragraphs unnumbered)", got)
	}
}

// checkPDF checks scribe's PDF against c, from pdftotext's text (lines in logical order)
// and its word boxes (display order and positions).
func checkPDF(t *testing.T, c langCase, path string) {
	t.Helper()
	text := pdfText(t, path)
	lines := textLines(text)
	words, width := pdfWords(t, path)
	for _, m := range c.masthead {
		if !hasLine(lines, m, false) {
			t.Errorf("PDF: masthead line %q missing", m)
		}
	}
	if c.rtl {
		// pdftotext reorders mixed Arabic and digits its own way, and may glue "2" to the
		// month: match the words.
		for _, w := range tokens(c.date) {
			if !strings.Contains(text, w) {
				t.Errorf("PDF: meeting date %q missing (no %q)", c.date, w)
			}
		}
	} else if !strings.Contains(strings.Join(lines, "\n"), c.date) && !strings.Contains(cjkTight(strings.Join(lines, "\n")), c.date) {
		t.Errorf("PDF: meeting date %q missing", c.date)
	}
	for _, h := range c.headings {
		if !hasLine(lines, h, c.rtl) {
			t.Errorf("PDF: heading line %q missing", h)
		}
	}
	for _, s := range c.sub {
		if !hasWord(words, s, true) {
			t.Errorf("PDF: subparagraph marker %q not printed", s)
		}
	}
	if !hasWord(words, symbol, false) {
		t.Errorf("PDF: document symbol %s missing or broken", symbol)
	}
	if got := marginNumbers(words, width, c.rtl); !slices.Equal(got, upTo(5)) {
		t.Errorf("PDF: paragraph numbers in the start margin %v, want 1–5", got)
	}
}

// TestLanguages converts the notes of testdata/i18n in each of the six languages and
// reads the DOCX back through LibreOffice and the PDF through pdftotext: masthead,
// meeting date, chapter labels, paragraph numbers 1–5 (the two quotation paragraphs are
// not numbered), subparagraph markers, the document symbol whole, and the writing
// direction.
func TestLanguages(t *testing.T) {
	out := suite.convert(t)
	for _, c := range langCases {
		t.Run(c.lang, func(t *testing.T) {
			stem := out.i18n[c.lang]
			checkPDF(t, c, stem+".pdf")
			if bidi := strings.Count(docxPart(t, stem+".docx", "word/document.xml"), "<w:bidi/>"); (bidi > 0) != c.rtl {
				t.Errorf("DOCX: %d paragraphs with <w:bidi/>, want them only right to left", bidi)
			}
			checkDOCXText(t, c, suite.loText(t, stem))
		})
	}
}

// TestReferenceNotesInFrenchAndArabic renders the English reference notes in French and
// Arabic (untranslated text, translated labels) and checks that structure and numbering
// survive: 23 paragraphs, 4 chapters, subparagraphs (a)/(b) as a)/b) and (أ)/(ب), the
// masthead in the target language's form, and the Arabic version right to left except the
// paragraphs still in English, which are set left to right with their numbers on the left.
func TestReferenceNotesInFrenchAndArabic(t *testing.T) {
	out := suite.convert(t)
	romans := regexp.MustCompile(`^(I|II|III|IV|V|VI)\. `)
	arabicChapters := []string{"أولا", "ثانيا", "ثالثا", "رابعا"}
	for _, c := range []struct {
		lang     string
		masthead []string
		sub      [2]string
		subLO    [2]string
		rtl      bool
	}{
		{lang: "fr", masthead: []string{"Distr. générale", "2 mai 2005", "Français", "Original : anglais"}, sub: [2]string{"a)", "b)"}},
		{lang: "ar", masthead: []string{"Distr.: General", "2 May 2005", "Arabic", "Original: English"},
			sub: [2]string{"(أ)", "(ب)"}, subLO: [2]string{"(ا)", "(ب)"}, rtl: true},
	} {
		t.Run(c.lang, func(t *testing.T) {
			stem := out.sample[c.lang]
			docText := suite.loText(t, stem)
			pdf := pdfText(t, stem+".pdf")
			for name, text := range map[string]string{"DOCX via LibreOffice": docText, "PDF via pdftotext": pdf} {
				lines := textLines(text)
				for _, m := range c.masthead {
					if !hasLine(lines, m, false) {
						t.Errorf("%s: masthead line %q missing", name, m)
					}
				}
				if hasMarker(lines, "(a)") {
					t.Errorf("%s: English marker (a) left in the %s version", name, c.lang)
				}
				if c.rtl {
					var toks []string
					for _, tok := range tokens(text) {
						// An Arabic label before English text comes out as "أولا-".
						toks = append(toks, strings.Trim(tok, "-"))
					}
					for _, ch := range arabicChapters {
						if !slices.Contains(toks, ch) {
							t.Errorf("%s: chapter label %q missing", name, ch)
						}
					}
					if slices.Contains(tokens(text), "خامسا") {
						t.Errorf("%s: a fifth chapter label", name)
					}
					continue
				}
				var chapters []string
				for _, l := range lines {
					if m := romans.FindStringSubmatch(l); m != nil {
						chapters = append(chapters, m[1])
					}
				}
				if want := []string{"I", "II", "III", "IV"}; !slices.Equal(chapters, want) {
					t.Errorf("%s: chapters %v, want %v", name, chapters, want)
				}
			}
			for _, s := range cmp.Or(c.subLO, c.sub) {
				if !hasMarker(textLines(docText), s) {
					t.Errorf("DOCX via LibreOffice: subparagraph marker %q missing", s)
				}
			}
			if got := docxNumbers(textLines(docText), c.rtl); !slices.Equal(got, upTo(23)) {
				t.Errorf("DOCX via LibreOffice: paragraph numbers %v, want 1–23", got)
			}
			words, width := pdfWords(t, stem+".pdf")
			for _, s := range c.sub {
				if !hasWord(words, s, true) {
					t.Errorf("PDF: subparagraph marker %q not printed", s)
				}
			}
			// The paragraphs are English in both versions: left to right, numbered on the left.
			if got := marginNumbers(words, width, false); !slices.Equal(got, upTo(23)) {
				t.Errorf("PDF: paragraph numbers at the left margin %v, want 1–23", got)
			}
			if bidi := strings.Count(docxPart(t, stem+".docx", "word/document.xml"), "<w:bidi/>"); (bidi > 0) != c.rtl {
				t.Errorf("DOCX: %d paragraphs with <w:bidi/>, want them only right to left", bidi)
			}
		})
	}
}

// cjkTight removes the spaces text extraction finds between Chinese characters and digits
// or Latin letters, where the PDF (like Word and LibreOffice) sets a little space.
func cjkTight(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && (isHan(rs[i-1]) != isHan(rs[i+1])) && rs[i-1] != ' ' && rs[i+1] != ' ' &&
			(isHan(rs[i-1]) || isHan(rs[i+1])) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isHan(r rune) bool { return r >= 0x3400 && r <= 0x9FFF }
