package pdf

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

const (
	zhText = "叙利亚感谢主席召开本次会议，并详细阐述了工作组在向信息社会世界首脑会议进程提出执行建议方面可能具有的潜力，" +
		"在此背景下询问是否会再召开一次全球融资委员会会议。他强调了让国际电联理事会参与即将举行的会议的重要性（见文件A/RES/59/220），" +
		"并指出“执行和后续行动必须被视为两个独立的进程”。"
	arText = "شكرت سوريا الرئيس على عقد هذا الاجتماع، وتحدثت بالتفصيل عن الإمكانات التي يمكن أن يتمتع بها الفريق العامل " +
		"في تقديم مقترحات التنفيذ إلى عملية القمة العالمية لمجتمع المعلومات، وسألت في هذا السياق عما إذا كان سيعقد اجتماع " +
		"جديد في عام 2005 (انظر الوثيقة A/RES/59/220)."
)

// translated replaces the text of every numbered paragraph and heading of the sample with
// text in the document's own script.
func translated(lang, text string) *model.Document {
	doc := pipelinetest.Sample(lang)
	model.Walk(doc.Blocks, func(b model.Block) bool {
		switch n := b.(type) {
		case *model.Paragraph:
			if n.Numbered {
				n.Inlines = model.Texts(text+" "+text, n.Pos.Line)
			}
		case *model.Heading:
			r := []rune(text)
			n.Inlines = model.Texts(string(r[:20]), n.Pos.Line)
		}
		return true
	})
	return doc
}

// TestScripts typesets Chinese and Arabic body text with the system fonts: Chinese lines
// break between characters but never before closing or after opening punctuation; Arabic
// is shaped into presentation forms; no line is overfull.
func TestScripts(t *testing.T) {
	fonts := fontsOrFail(t, systemFonts)
	if !fonts.Languages()["zh"] {
		t.Skip("no Chinese font installed")
	}
	for _, c := range []struct{ lang, text string }{{"zh", zhText}, {"ar", arText}} {
		doc := translated(c.lang, c.text)
		l := newTestLayouter(doc, fonts)
		pages, _, err := l.layout()
		if err != nil {
			t.Fatal(err)
		}
		lines := 0
		for _, pg := range pages {
			for _, pl := range pg.lines {
				ln := pl.ln
				if nat := tokensWidth(ln.toks); nat > ln.width+0.01 {
					t.Errorf("%s: overfull line %.2f > %.2f", c.lang, nat, ln.width)
				}
				if len(ln.toks) == 0 {
					continue
				}
				lines++
				first, _ := utf8.DecodeRuneInString(ln.toks[0].pieces[0].text)
				lp := ln.toks[len(ln.toks)-1].pieces
				last, _ := utf8.DecodeLastRuneInString(lp[len(lp)-1].text)
				if strings.ContainsRune("。，、；：？！）」』”", first) {
					t.Errorf("%s: line starts with %q", c.lang, first)
				}
				if strings.ContainsRune("（「『“", last) {
					t.Errorf("%s: line ends with %q", c.lang, last)
				}
			}
		}
		if lines < 10 {
			t.Errorf("%s: only %d lines", c.lang, lines)
		}
		pdf := writeDoc(t, doc, fonts, true)
		if dir := os.Getenv("PDF_DUMP"); dir != "" {
			if err := os.WriteFile(filepath.Join(dir, "script-"+c.lang+".pdf"), pdf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestSyntheticBold: bold CJK text in a family without a bold face is drawn emboldened from
// the regular face (stroked as well as filled), without a warning: word processors do the
// same, and no embeddable bold CJK face is commonly installed.
func TestSyntheticBold(t *testing.T) {
	fonts := fontsOrFail(t, systemFonts)
	if !fonts.Languages()["zh"] {
		if testutil.InCI() {
			t.Fatal("no Chinese font installed (fonts-wqy-microhei) under CI=true")
		}
		t.Skip("no Chinese font installed")
	}
	doc := translated("zh", zhText)
	opts := writeOpts(t, doc)
	opts.Warnings = &model.Warnings{}
	var trace strings.Builder
	pdf, err := typeset(context.Background(), doc, opts, setup{fonts: fonts, trace: &trace})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(trace.String(), "synthetic bold›") {
		t.Errorf("no synthetic bold run in the trace:\n%s", trace.String())
	}
	if !bytes.Contains(pdf, []byte("\n2 Tr\n")) || !bytes.Contains(pdf, []byte("\n0 Tr\n")) {
		t.Error("no fill-and-stroke text in the page content")
	}
	if w := opts.Warnings.List(); len(w) != 0 {
		t.Errorf("warnings: %v", w)
	}
}

// TestCancel: a cancelled context stops the conversion with its error.
func TestCancel(t *testing.T) {
	fonts := fontsOrFail(t, testFonts)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := longDoc("en")
	var buf strings.Builder
	if err := NewWriter(Options{Fonts: fonts}).Write(ctx, &buf, doc, writeOpts(t, doc)); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
