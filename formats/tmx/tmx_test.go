package tmx

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

	"github.com/scribe-un/scribe/formats/xliff"
	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
	"github.com/scribe-un/scribe/pipeline/translate"
)

var update = flag.Bool("update", false, "rewrite golden files")

// approvedFile extracts the sample for French, translates every segment (upper case, codes
// kept) and returns it as read back from XLIFF 2.0, as `scribe tm export` would see it.
func approvedFile(t testing.TB) *translate.Translations {
	t.Helper()
	b, err := translate.Extract(context.Background(), pipelinetest.Sample("en"), translate.ExtractOptions{TargetLang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range b.Units {
		for _, s := range u.Segments {
			if s.Ignorable {
				continue
			}
			var tg translate.Content
			for _, sp := range s.Source {
				if sp.Kind == translate.SpanText {
					sp.Text = "FR " + strings.ToUpper(sp.Text)
				}
				tg = append(tg, sp)
			}
			s.Target, s.State = tg, "final"
			if i == 0 {
				s.State = "initial" // a draft: never exported
			}
		}
	}
	var buf bytes.Buffer
	if err := xliff.Write(&buf, b, xliff.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	tr, err := xliff.ReadTranslations(buf.Bytes(), xliff.ReadOptions{Name: "approved.xlf"})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestExportGolden(t *testing.T) {
	tus := translate.Approved(approvedFile(t))
	var buf bytes.Buffer
	if err := Write(&buf, tus, WriteOptions{Generator: "scribe test"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "sample-en-fr.tmx")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Error("TMX differs from golden (run go test -update and review)")
	}
	for _, tu := range tus {
		if tu.Unit == "meta.title" {
			t.Error("a draft unit was exported")
		}
	}
}

// TestMemoryLeverage reads the exported TMX back and extracts the sample again: every
// segment but the draft's is pre-filled (in context), and a changed paragraph gets a fuzzy
// candidate but no target.
func TestMemoryLeverage(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, translate.Approved(approvedFile(t)), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	tus, err := Read(buf.Bytes(), ReadOptions{Name: "m.tmx"})
	if err != nil {
		t.Fatal(err)
	}
	mem := translate.NewMemory("m.tmx", tus, "en", "fr")
	if mem.Len() == 0 {
		t.Fatal("empty memory")
	}
	doc := pipelinetest.Sample("en")
	p2 := doc.Blocks[2].(*model.Paragraph)
	p2.Inlines = model.Texts("Syria thanked the chair for convening this meeting and asked whether there would be a new GFC session.", 7)
	b, err := translate.Extract(context.Background(), doc, translate.ExtractOptions{TargetLang: "fr", Memory: mem})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range b.Units {
		for _, s := range u.Segments {
			if s.Ignorable {
				continue
			}
			switch u.ID {
			case "meta.title":
				if s.Target != nil {
					t.Errorf("draft leaked from memory into %s", u.ID)
				}
			case "p2":
				if s.Target != nil {
					t.Errorf("fuzzy match became a target in p2")
				}
				if len(s.Matches) != 1 || s.Matches[0].Similarity < 75 || s.Matches[0].Similarity >= 100 {
					t.Errorf("p2 matches = %+v", s.Matches)
				}
			default:
				if s.Target == nil || s.State != "initial" {
					t.Errorf("%s#%s not pre-filled", u.ID, s.ID)
					continue
				}
				if !strings.Contains(s.Target.Text(), "FR ") {
					t.Errorf("%s#%s target %q", u.ID, s.ID, s.Target.Text())
				}
				// Neighbours of the changed p2 and of the draft title lose their context.
				near := u.ID == "h1" || u.ID == "p3" || u.ID == "meta.venue"
				if !near && s.SubState != "scribe:tm-in-context" {
					t.Errorf("%s#%s subState %q, want in-context", u.ID, s.ID, s.SubState)
				}
			}
		}
	}
	// The pre-filled file is valid XLIFF and its targets are not accepted without review.
	var x bytes.Buffer
	if err := xliff.Write(&x, b, xliff.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	tr, err := xliff.ReadTranslations(x.Bytes(), xliff.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range tr.Units {
		if u.Accepted {
			t.Errorf("pre-filled unit %s accepted without review", u.ID)
		}
	}
}

func TestPocount(t *testing.T) {
	pocount := testutil.RequireTool(t, "pocount")
	tus := translate.Approved(approvedFile(t))
	path := filepath.Join(t.TempDir(), "m.tmx")
	var buf bytes.Buffer
	if err := Write(&buf, tus, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pocount, "--csv", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pocount: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	f := strings.Split(lines[len(lines)-1], ",")
	if len(f) < 9 || strings.TrimSpace(f[8]) != itoa(len(tus)) || strings.TrimSpace(f[1]) != itoa(len(tus)) {
		t.Errorf("pocount: %q, want %d translated units", lines[len(lines)-1], len(tus))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		sentinel   error
	}{
		{"doctype", `<!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4"/>`, model.ErrMalformed},
		{"not tmx", `<xliff/>`, model.ErrMalformed},
		{"no body", `<tmx version="1.4"><header srclang="en"/></tmx>`, model.ErrMalformed},
		{"deep", `<tmx>` + strings.Repeat("<a>", 50) + strings.Repeat("</a>", 50) + `</tmx>`, model.ErrTooDeep},
	} {
		if _, err := Read([]byte(tc.data), ReadOptions{}); !errors.Is(err, tc.sentinel) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.sentinel)
		}
	}
}

func FuzzRead(f *testing.F) {
	// Small seeds: large ones make the fuzzer's minimization crawl. The first entries of
	// the golden file keep its shape.
	if data, err := os.ReadFile("testdata/sample-en-fr.tmx"); err == nil {
		s := string(data)
		if i := strings.Index(s, "</tu>"); i > 0 {
			f.Add([]byte(s[:i+5] + "</body></tmx>"))
		}
	}
	f.Add([]byte(`<tmx version="1.4"><header srclang="*all*"/><body><tu><tuv xml:lang="en"><seg>a <bpt i="1"/>b<ept i="1"/> <ph>1</ph></seg></tuv><tuv xml:lang="fr"><seg>A <ept i="1"/></seg></tuv></tu></body></tmx>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tus, err := Read(data, ReadOptions{})
		if err != nil {
			var pe *model.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *pipeline.Error: %v", err)
			}
			return
		}
		// Entries must write back as well-formed TMX and read again.
		var buf bytes.Buffer
		if err := Write(&buf, tus, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(buf.Bytes(), ReadOptions{}); err != nil {
			t.Fatalf("rewritten TMX does not read: %v\n%s", err, buf.Bytes())
		}
		mem := translate.NewMemory("f", tus, "en", "fr")
		for _, tu := range tus {
			mem.Lookup(tu.Source, tu.Codes, "", "", 50, 3)
		}
	})
}
