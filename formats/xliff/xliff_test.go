package xliff

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
	"github.com/scribe-un/scribe/pipeline/translate"
)

var update = flag.Bool("update", false, "rewrite golden files")

func extract(t testing.TB, lang string) *translate.Bundle {
	t.Helper()
	b, err := translate.Extract(context.Background(), pipelinetest.Sample("en"), translate.ExtractOptions{TargetLang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func write(t testing.TB, b *translate.Bundle, version string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, b, WriteOptions{Version: version, Generator: "scribe test"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fill gives every segment a target made by fn from its source text spans, keeping
// placeholders and paired codes where they are.
func fill(b *translate.Bundle, state string, fn func(string) string) {
	for _, u := range b.Units {
		for _, s := range u.Segments {
			if s.Ignorable {
				continue
			}
			var t translate.Content
			for _, sp := range s.Source {
				if sp.Kind == translate.SpanText {
					sp.Text = fn(sp.Text)
				}
				t = append(t, sp)
			}
			s.Target, s.State = t, state
		}
	}
}

func TestGolden(t *testing.T) {
	for _, v := range []string{Version20, Version12} {
		t.Run(v, func(t *testing.T) {
			got := write(t, extract(t, "fr"), v)
			path := filepath.Join("testdata", "sample-en-fr."+v+".xlf")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run go test -update and review the diff)", path)
			}
			// Extracting the same notes again gives byte-identical output.
			if again := write(t, extract(t, "fr"), v); !bytes.Equal(got, again) {
				t.Error("two extractions of the same notes differ")
			}
		})
	}
}

func TestSchemaValid(t *testing.T) {
	xmllint := testutil.RequireTool(t, "xmllint")
	dir := t.TempDir()
	b := extract(t, "ar")
	// Exercise the modules too: a candidate, a glossary entry and a pre-filled target.
	u := b.Units[3]
	u.Terms = []translate.Term{{Source: "Syria", Target: "سوريا", Origin: "CLDR"}}
	s := u.Segments[0]
	s.Matches = []translate.Match{{Type: "tm", Similarity: 80, Origin: "m.tmx", Source: s.Source, Target: s.Source, Codes: u.Codes},
		{Type: "mt", Origin: "mt: sed", Source: s.Source, Target: s.Source}}
	s.Target, s.State, s.SubState = s.Source, "initial", "scribe:tm-exact"
	for _, v := range []string{Version20, Version12} {
		path := filepath.Join(dir, "out."+v+".xlf")
		if err := os.WriteFile(path, write(t, b, v), 0o644); err != nil {
			t.Fatal(err)
		}
		schema := "testdata/schemas/xliff-core-2.0.xsd"
		if v == Version12 {
			schema = "testdata/schemas/xliff-core-1.2-transitional.xsd"
		}
		cmd := exec.Command(xmllint, "--nonet", "--noout", "--schema", schema, path)
		cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+mustAbs(t, "testdata/schemas/catalog.xml"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s does not validate: %v\n%s", v, err, out)
		}
	}
}

func mustAbs(t testing.TB, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestRoundTrip extracts the sample, translates every segment by a transform that changes
// the text but keeps placeholders, reads the file back and applies it.
func TestRoundTrip(t *testing.T) {
	for _, v := range []string{Version20, Version12} {
		t.Run(v, func(t *testing.T) {
			b := extract(t, "fr")
			fill(b, "translated", func(s string) string {
				if strings.TrimSpace(s) == "" {
					return s
				}
				return "«" + strings.ToUpper(s) + "»"
			})
			data := write(t, b, v)
			if v == Version12 {
				// 1.2 pre-fills as needs-review: approve as a translator would.
				data = bytes.ReplaceAll(data, []byte(`state="needs-review-translation"`), []byte(`state="translated"`))
			}
			tr, err := ReadTranslations(data, ReadOptions{Name: "rt.xlf"})
			if err != nil {
				t.Fatal(err)
			}
			orig := pipelinetest.Sample("fr")
			doc := orig.Clone()
			var w model.Warnings
			if err := translate.Apply(context.Background(), doc, tr, translate.ApplyOptions{OutputLang: "fr", Warnings: &w, Strict: true}); err != nil {
				t.Fatal(err)
			}
			if doc.Present.Untranslated != 0 {
				t.Errorf("Untranslated = %d, want 0", doc.Present.Untranslated)
			}
			checkTranslated(t, orig.Blocks, doc.Blocks)
			if !strings.HasPrefix(doc.Meta.Title, "«") {
				t.Errorf("title not translated: %q", doc.Meta.Title)
			}
			// Idempotent: applying again changes nothing.
			again := doc.Clone()
			if err := translate.Apply(context.Background(), again, tr, translate.ApplyOptions{OutputLang: "fr"}); err != nil {
				t.Fatalf("second apply: %v", err)
			}
			checkSame(t, doc.Blocks, again.Blocks)
		})
	}
}

type flat struct {
	id, label, text string
	runs            []model.Inline
}

func flatten(bs []model.Block) []flat {
	var out []flat
	model.Walk(bs, func(b model.Block) bool {
		switch n := b.(type) {
		case *model.Heading:
			out = append(out, flat{n.ID, n.Number.Label, model.PlainText(n.Inlines), n.Inlines})
		case *model.Paragraph:
			out = append(out, flat{n.ID, n.Number.Label, model.PlainText(n.Inlines), n.Inlines})
		case *model.ListItem:
			out = append(out, flat{n.ID, n.Number.Label, model.PlainText(n.Inlines), n.Inlines})
		case *model.Note:
			out = append(out, flat{n.ID, "", model.PlainText(n.Inlines), n.Inlines})
		}
		return true
	})
	return out
}

func checkTranslated(t *testing.T, before, after []model.Block) {
	t.Helper()
	a, b := flatten(before), flatten(after)
	if len(a) != len(b) {
		t.Fatalf("block count %d → %d", len(a), len(b))
	}
	for i := range a {
		if a[i].id != b[i].id || a[i].label != b[i].label {
			t.Errorf("block %d: id/number %s %q → %s %q", i, a[i].id, a[i].label, b[i].id, b[i].label)
		}
		if !strings.Contains(b[i].text, "«") {
			t.Errorf("block %s not translated: %q", b[i].id, b[i].text)
		}
		var symA, symB []string
		var fnB int
		for _, r := range a[i].runs {
			if r.Kind == model.KindSymbol {
				symA = append(symA, r.Text)
			}
		}
		for _, r := range b[i].runs {
			switch r.Kind {
			case model.KindSymbol:
				symB = append(symB, r.Text)
			case model.KindFootnote:
				fnB++
				if !strings.Contains(model.PlainText(r.Note), "«") {
					t.Errorf("footnote of %s not translated: %q", b[i].id, model.PlainText(r.Note))
				}
			}
		}
		if strings.Join(symA, "|") != strings.Join(symB, "|") {
			t.Errorf("block %s: symbols %q → %q", a[i].id, symA, symB)
		}
	}
}

func checkSame(t *testing.T, a, b []model.Block) {
	t.Helper()
	fa, fb := flatten(a), flatten(b)
	for i := range fa {
		if fa[i].text != fb[i].text {
			t.Errorf("second apply changed %s: %q → %q", fa[i].id, fa[i].text, fb[i].text)
		}
	}
}

// TestHandWrittenFrench applies a hand-written partial French translation.
func TestHandWrittenFrench(t *testing.T) {
	data, err := os.ReadFile("testdata/sample-fr-partial.xlf")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := ReadTranslations(data, ReadOptions{Name: "sample-fr-partial.xlf"})
	if err != nil {
		t.Fatal(err)
	}
	doc := pipelinetest.Sample("fr")
	var w model.Warnings
	if err := translate.Apply(context.Background(), doc, tr, translate.ApplyOptions{OutputLang: "fr", Warnings: &w}); err != nil {
		t.Fatal(err)
	}
	got := map[string]flat{}
	for _, f := range flatten(doc.Blocks) {
		got[f.id] = f
	}
	want := map[string]string{
		"h1": "Organisation des travaux du Groupe de travail de l'UIT sur le SMSI",
		"p2": "La Syrie a remercié le Président d'avoir convoqué cette réunion et a demandé si une nouvelle réunion du GFC aurait lieu.",
		"p5": "Les États-Unis ont ajouté que chaque institution des Nations Unies devrait approuver les grandes orientations du SMSI. Il conviendrait de faire référence à la résolution A/RES/59/220.",
		"n1": "(annexé)",
	}
	for id, text := range want {
		if got[id].text != text {
			t.Errorf("%s = %q, want %q", id, got[id].text, text)
		}
	}
	// Emphasis and the symbol come back as runs of their kinds.
	var kinds []string
	for _, r := range got["p5"].runs {
		kinds = append(kinds, string(r.Kind)+":"+r.Text)
	}
	if !strings.Contains(strings.Join(kinds, "|"), "emphasis:approuver|") || !strings.Contains(strings.Join(kinds, "|"), "symbol:A/RES/59/220") {
		t.Errorf("p5 runs = %q", kinds)
	}
	if doc.Meta.Venue != "Siège de l'UIT, Tour de l'UIT, salle C2" {
		t.Errorf("venue = %q", doc.Meta.Venue)
	}
	if !strings.Contains(doc.Present.TitleBlock, "Siège de l'UIT") {
		t.Errorf("title block not updated: %q", doc.Present.TitleBlock)
	}
	// p4 is a draft: not accepted by default, so it stays English and is listed.
	if !strings.HasPrefix(got["p4"].text, "The ILO") {
		t.Errorf("draft p4 applied: %q", got["p4"].text)
	}
	if doc.Present.Untranslated == 0 || w.Len() == 0 || !strings.Contains(w.List()[0].Message, "p4") {
		t.Errorf("untranslated = %d, warnings %v", doc.Present.Untranslated, w.List())
	}
	// With drafts accepted, p4 is French too.
	tr, err = ReadTranslations(data, ReadOptions{Name: "sample-fr-partial.xlf", AcceptDrafts: true})
	if err != nil {
		t.Fatal(err)
	}
	doc = pipelinetest.Sample("fr")
	if err := translate.Apply(context.Background(), doc, tr, translate.ApplyOptions{OutputLang: "fr"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range flatten(doc.Blocks) {
		if f.id == "p4" && !strings.HasPrefix(f.text, "L'OIT") {
			t.Errorf("p4 with drafts = %q", f.text)
		}
	}
	// Strict: units left in English are an error.
	err = translate.Apply(context.Background(), pipelinetest.Sample("fr"), tr, translate.ApplyOptions{OutputLang: "fr", Strict: true})
	if !errors.Is(err, model.ErrTranslation) {
		t.Errorf("strict: err = %v", err)
	}
}

func TestReadErrors(t *testing.T) {
	good := string(write(t, extract(t, "fr"), Version20))
	const p4src = `paragraph <ph id="2" dataRef="d2" canCopy="no" canDelete="no" disp="10" equiv="10" type="other" subType="scribe:number"/>:<ph id="3" dataRef="d3" canCopy="no" canDelete="no" disp="[^1]" equiv="[^1]" type="other" subType="scribe:footnote"/></source>`
	deep := `<xliff xmlns="` + NS20 + `" version="2.0" srcLang="en">` + strings.Repeat("<a>", 40) + strings.Repeat("</a>", 40) + `</xliff>`
	tests := []struct {
		name, data string
		opts       ReadOptions
		sentinel   error
		msg        string
	}{
		{"doctype", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><xliff/>`, ReadOptions{}, model.ErrMalformed, "DOCTYPE"},
		{"depth", deep, ReadOptions{}, model.ErrTooDeep, ""},
		{"size", good, ReadOptions{Limits: model.Limits{MaxInputBytes: 100}}, model.ErrTooLarge, ""},
		{"not xliff", `<html/>`, ReadOptions{}, model.ErrMalformed, "not an XLIFF"},
		{"empty", ``, ReadOptions{}, model.ErrEmpty, ""},
		{"syntax", `<xliff xmlns="` + NS20 + `" version="2.0"><file>`, ReadOptions{}, model.ErrMalformed, ""},
		{"duplicate id", strings.Replace(good, `<unit id="p2"`, `<unit id="p1"`, 1), ReadOptions{}, model.ErrTranslation, `duplicate unit id "p1"`},
		{"missing placeholder", strings.Replace(good, p4src, p4src+`<target>L'OIT <ph id="2"/>:<ph id="3"/></target>`, 1),
			ReadOptions{AcceptDrafts: true}, model.ErrTranslation, "unit p4: target: placeholder 1"},
		{"duplicated placeholder", strings.Replace(good, p4src, p4src+`<target>L'OIT <ph id="1"/> <ph id="2"/>:<ph id="3"/><ph id="3"/></target>`, 1),
			ReadOptions{AcceptDrafts: true}, model.ErrTranslation, "placeholder 3"},
		{"foreign placeholder", strings.Replace(good, p4src, p4src+`<target>L'OIT <ph id="1"/> <ph id="2"/>:<ph id="3"/><ph id="9"/></target>`, 1),
			ReadOptions{AcceptDrafts: true}, model.ErrTranslation, "placeholder 9 is not in the source"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadTranslations([]byte(tc.data), tc.opts)
			if !errors.Is(err, tc.sentinel) {
				t.Fatalf("err = %v, want %v", err, tc.sentinel)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("err = %v, want it to mention %q", err, tc.msg)
			}
		})
	}
}

// TestOtherNotes checks that a file made for other notes is refused.
func TestOtherNotes(t *testing.T) {
	b := extract(t, "fr")
	fill(b, "final", strings.ToUpper)
	tr, err := ReadTranslations(write(t, b, Version20), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	doc := pipelinetest.Sample("fr")
	doc.Blocks[0].(*model.Paragraph).Inlines = model.Texts("Other notes entirely.", 1)
	err = translate.Apply(context.Background(), doc, tr, translate.ApplyOptions{OutputLang: "fr"})
	if !errors.Is(err, model.ErrTranslation) || !strings.Contains(err.Error(), "other notes") {
		t.Errorf("err = %v", err)
	}
	// Wrong language.
	err = translate.Apply(context.Background(), pipelinetest.Sample("es"), tr, translate.ApplyOptions{OutputLang: "es"})
	if !errors.Is(err, model.ErrTranslation) {
		t.Errorf("language mismatch: err = %v", err)
	}
	// Unknown ids in a file without fingerprint.
	data := bytes.Replace(write(t, b, Version12), []byte(b.Fingerprint), []byte("notes.txt"), -1)
	data = bytes.Replace(data, []byte(`<trans-unit id="p5"`), []byte(`<trans-unit id="p99"`), 1)
	tr, err = ReadTranslations(data, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	err = translate.Apply(context.Background(), pipelinetest.Sample("fr"), tr, translate.ApplyOptions{OutputLang: "fr"})
	if !errors.Is(err, model.ErrTranslation) || !strings.Contains(err.Error(), "p99") {
		t.Errorf("unknown id: err = %v", err)
	}
}

// TestTranslateToolkit runs the 1.2 file through Translate Toolkit: pocount and xliff2po
// must read every unit, and po2xliff's output must come back through ReadTranslations.
func TestTranslateToolkit(t *testing.T) {
	pocount := testutil.RequireTool(t, "pocount")
	xliff2po := testutil.RequireTool(t, "xliff2po")
	po2xliff := testutil.RequireTool(t, "po2xliff")
	dir := t.TempDir()
	b := extract(t, "fr")
	xlf := filepath.Join(dir, "sample.xlf")
	if err := os.WriteFile(xlf, write(t, b, Version12), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pocount, "--csv", xlf).CombinedOutput()
	if err != nil {
		t.Fatalf("pocount: %v\n%s", err, out)
	}
	// CSV: Filename, Translated Messages, …, Untranslated Messages, …, Total Message.
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	last := strings.Split(lines[len(lines)-1], ",")
	if len(last) < 8 || strings.TrimSpace(last[8]) != strconv.Itoa(len(b.Units)) {
		t.Errorf("pocount total: %q, want %d units", lines[len(lines)-1], len(b.Units))
	}
	po := filepath.Join(dir, "sample.po")
	if out, err := exec.Command(xliff2po, xlf, po).CombinedOutput(); err != nil {
		t.Fatalf("xliff2po: %v\n%s", err, out)
	}
	poData, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(poData), "\nmsgid ") - 1; n != len(b.Units) {
		t.Errorf("xliff2po wrote %d messages, want %d", n, len(b.Units))
	}
	// A translator fills the PO: every msgstr gets the msgid upper-cased (placeholders'
	// text kept, as a translator keeps symbols and numbers).
	filled := fillPO(string(poData))
	if err := os.WriteFile(po, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
	back := filepath.Join(dir, "back.xlf")
	if out, err := exec.Command(po2xliff, po, back).CombinedOutput(); err != nil {
		t.Fatalf("po2xliff: %v\n%s", err, out)
	}
	data, err := os.ReadFile(back)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := ReadTranslations(data, ReadOptions{Name: "back.xlf"})
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Units) != len(b.Units) {
		t.Fatalf("read %d units from po2xliff output, want %d", len(tr.Units), len(b.Units))
	}
	doc := pipelinetest.Sample("fr")
	var w model.Warnings
	if err := translate.Apply(context.Background(), doc, tr, translate.ApplyOptions{OutputLang: "fr", Warnings: &w, Strict: true}); err != nil {
		t.Fatal(err)
	}
	for _, f := range flatten(doc.Blocks) {
		if f.text != strings.ReplaceAll(strings.ToUpper(f.text), "(REV.2)", "(rev.2)") {
			t.Errorf("%s not translated through PO: %q", f.id, f.text)
		}
	}
	if doc.Present.Untranslated != 0 {
		t.Errorf("Untranslated = %d", doc.Present.Untranslated)
	}
}

// fillPO sets msgstr = upper-cased msgid for every message but the header; symbols keep
// their case because the upper-casing skips them (they are upper case already or digits).
func fillPO(po string) string {
	var out []string
	var msgid []string
	in := false
	for _, l := range strings.Split(po, "\n") {
		switch {
		case strings.HasPrefix(l, "msgid "):
			msgid = []string{strings.TrimPrefix(l, "msgid ")}
			in = true
			out = append(out, l)
		case in && strings.HasPrefix(l, `"`):
			msgid = append(msgid, l)
			out = append(out, l)
		case strings.HasPrefix(l, "msgstr "):
			in = false
			if len(msgid) == 1 && msgid[0] == `""` {
				out = append(out, l) // header
				continue
			}
			out = append(out, "msgstr "+upperPO(msgid[0]))
			for _, m := range msgid[1:] {
				out = append(out, upperPO(m))
			}
		default:
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// upperPO upper-cases a PO string literal except escapes and "[^n]" footnote markers
// ("rev.2" in a symbol becomes "REV.2" — so symbols are restored from their placeholders'
// originals only when they survive; the sample's symbols are upper case but for "rev").
func upperPO(s string) string {
	s = strings.ToUpper(s)
	s = strings.ReplaceAll(s, `\N`, `\n`)
	s = strings.ReplaceAll(s, `\T`, `\t`)
	s = strings.ReplaceAll(s, "(REV.2)", "(rev.2)")
	return s
}

func FuzzReadTranslations(f *testing.F) {
	// Seeds: the hand-written file (small inputs keep the fuzzer's minimization fast; the
	// large goldens made it crawl) and a 1.2 unit with a paired code.
	for _, p := range []string{"testdata/sample-fr-partial.xlf"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x" source-language="en" datatype="plaintext"><body><trans-unit id="a"><source>a<g id="1">b</g></source><target state="translated">A<g id="1">B</g></target></trans-unit></body></file></xliff>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := ReadTranslations(data, ReadOptions{Name: "fuzz.xlf", AcceptDrafts: true})
		if err != nil {
			var pe *model.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *pipeline.Error: %v", err)
			}
			return
		}
		// Whatever was read must apply or fail cleanly on the sample.
		_ = translate.Apply(context.Background(), pipelinetest.Sample("fr"), tr, translate.ApplyOptions{})
	})
}
