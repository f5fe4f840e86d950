package write

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// TestGolden compares each package structurally with testdata/golden/<case>/: the part
// list (parts.txt), then every XML part canonicalised (one element per line, sorted
// attributes), so a diff shows which element changed. Run with -update to rewrite.
func TestGolden(t *testing.T) {
	type tc struct {
		name string
		lang string
		doc  func() *model.Document
	}
	var cases []tc
	for _, lang := range locales.Supported {
		cases = append(cases, tc{"sample-" + lang, lang, func() *model.Document { return pipelinetest.Sample(lang) }})
	}
	cases = append(cases,
		tc{"rich-en", "en", func() *model.Document { return richDoc("en") }},
		tc{"rich-ar", "ar", func() *model.Document { return richDoc("ar") }},
	)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, _ := writeDoc(t, Options{}, c.doc(), c.lang)
			parts, names := unzipParts(t, data)
			dir := filepath.Join("testdata", "golden", c.name)
			got := map[string]string{"parts.txt": strings.Join(names, "\n") + "\n"}
			for _, n := range names {
				if strings.HasSuffix(n, ".png") {
					// Pictures are summed up: their bytes are not XML.
					got[n+".txt"] = fmt.Sprintf("%d bytes, sha256 %x\n", len(parts[n]), sha256.Sum256(parts[n]))
					continue
				}
				canon, err := canonXML(parts[n])
				if err != nil {
					t.Fatalf("%s: %v", n, err)
				}
				got[n+".txt"] = canon
			}
			if updateGolden() {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				for _, n := range sortedKeys(got) {
					p := filepath.Join(dir, filepath.FromSlash(n))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, []byte(got[n]), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			for _, n := range sortedKeys(got) {
				want, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(n)))
				if err != nil {
					t.Errorf("%v (run go test -update)", err)
					continue
				}
				if string(want) != got[n] {
					t.Errorf("%s differs from %s:\n%s", n, dir, testutil.Diff(string(want), got[n]))
				}
			}
		})
	}
}
