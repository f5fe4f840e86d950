package normalize

import (
	"testing"

	"github.com/scribe-un/scribe/internal/testutil"
	"github.com/scribe-un/scribe/locales"
	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/pipelinetest"
)

// TestIdempotent applies every transform twice, alone and as part of the full chain, and
// compares the JSON of the model after the first and second application.
func TestIdempotent(t *testing.T) {
	all := append(Source(), Output(OutputOptions{})...)
	docs := map[string]func() *model.Document{"raw": rawDoc}
	for _, tag := range locales.Supported {
		docs["sample-"+tag] = func() *model.Document { return pipelinetest.Sample(tag) }
	}
	for name, mk := range docs {
		for _, lang := range []string{"en", "fr", "ar", "zh"} {
			env := &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, lang), Warnings: &model.Warnings{}}
			// Each transform alone, on the document as the previous ones left it.
			doc := mk()
			for _, tr := range all {
				apply(t, tr, doc, env)
				once := mustJSON(t, doc)
				apply(t, tr, doc, env)
				if twice := mustJSON(t, doc); twice != once {
					t.Errorf("%s/%s: %s is not idempotent:\n%s", name, lang, tr.Name(), testutil.Diff(once, twice))
				}
			}
			// Each transform alone on the untouched document.
			for _, tr := range all {
				doc := mk()
				apply(t, tr, doc, env)
				once := mustJSON(t, doc)
				apply(t, tr, doc, env)
				if twice := mustJSON(t, doc); twice != once {
					t.Errorf("%s/%s: %s alone is not idempotent:\n%s", name, lang, tr.Name(), testutil.Diff(once, twice))
				}
			}
			// The whole chain twice.
			doc = mk()
			for _, tr := range all {
				apply(t, tr, doc, env)
			}
			once := mustJSON(t, doc)
			for _, tr := range all {
				apply(t, tr, doc, env)
			}
			if twice := mustJSON(t, doc); twice != once {
				t.Errorf("%s/%s: the chain is not idempotent:\n%s", name, lang, testutil.Diff(once, twice))
			}
		}
	}
}

// TestSampleStable checks that the normalizers agree with the hand-numbered sample: running
// numbering and localize on it changes neither numbers nor ids.
func TestSampleStable(t *testing.T) {
	for _, tag := range locales.Supported {
		want := pipelinetest.Sample(tag)
		doc := pipelinetest.Sample(tag)
		env := &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, tag)}
		for _, tr := range []model.Transform{IDs{}, Numbering{}} {
			apply(t, tr, doc, env)
		}
		if g, w := mustJSON(t, doc.Blocks), mustJSON(t, want.Blocks); g != w {
			t.Errorf("%s: ids/numbering differ from the sample:\n%s", tag, testutil.Diff(w, g))
		}
	}
}

// TestConcurrentOutputs localizes clones of one document into the six languages at once,
// as the runner does; run with -race.
func TestConcurrentOutputs(t *testing.T) {
	src := rawDoc()
	for _, tr := range Source() {
		apply(t, tr, src, &model.Env{Locales: locales.MustEmbedded()})
	}
	done := make(chan string)
	for _, tag := range locales.Supported {
		go func() {
			doc := src.Clone()
			env := &model.Env{Locales: locales.MustEmbedded(), Locale: locale(t, tag), Warnings: &model.Warnings{}}
			for _, tr := range Output(OutputOptions{}) {
				if err := tr.Apply(t.Context(), doc, env); err != nil {
					t.Error(err)
				}
			}
			done <- doc.Present.Lang
		}()
	}
	for range locales.Supported {
		<-done
	}
}
