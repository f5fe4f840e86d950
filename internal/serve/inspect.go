package serve

import (
	"context"
	"net/http"

	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Inspection is the answer of POST /api/inspect: what `scribe inspect` shows, as data, with
// every source line classified, for the review page and for programs.
type Inspection struct {
	// Schema is "scribe-inspect/1".
	Schema string `json:"schema"`
	// Name is the notes' file name as the server uses it; Format the reader that read them.
	Name   string `json:"name"`
	Format string `json:"format"`
	// Lang is the language the numbers and labels are given in.
	Lang string `json:"lang"`
	// Editable is true when Lines are the source text itself and a correction can be
	// written into it as a cue (Cues names the syntax: "notes" or "markdown").
	Editable bool   `json:"editable"`
	Cues     string `json:"cues,omitempty"`
	// Meta is the metadata recovered (with the request's overrides applied).
	Meta   model.Metadata `json:"meta"`
	Lines  []Line         `json:"lines"`
	Counts Counts         `json:"counts"`
	// Document is the numbered, localized model (the JSON writer's "document").
	Document *model.Document    `json:"document"`
	Warnings []model.Diagnostic `json:"warnings"`
	// Preview is the report as an HTML page (the html writer's output), when asked for
	// with preview=html.
	Preview string `json:"preview,omitempty"`
}

// Counts sums up the structure.
type Counts struct {
	Headings      int `json:"headings"`
	Paragraphs    int `json:"paragraphs"`
	Subparagraphs int `json:"subparagraphs"`
	Quotations    int `json:"quotations"`
	Notes         int `json:"notes"`
	Tables        int `json:"tables"`
}

// inspect answers POST /api/inspect?lang=…&preview=html.
func (s *Server) inspect(w http.ResponseWriter, r *http.Request) {
	s.work(w, r, func(req *request) (func(context.Context) error, error) {
		lang := req.params.Get("lang")
		langs, err := s.langList(lang)
		if err != nil {
			return nil, err
		}
		if len(langs) > 1 {
			return nil, badRequest("bad-request", "scribe serve: inspect takes one language, got %q", lang)
		}
		preview := req.params.Get("preview")
		if preview != "" && preview != "html" && preview != "none" {
			return nil, badRequest("bad-request", "scribe serve: preview must be html or none, got %q", preview)
		}
		opts, err := s.runnerOptions(req, []string{"html"})
		if err != nil {
			return nil, err
		}
		// Inspecting never fails on warnings: they are part of the answer.
		opts.Strict = false
		runner, err := pipeline.NewRunner(opts)
		if err != nil {
			return nil, badRequest("bad-request", "scribe serve: %v", err)
		}
		return func(ctx context.Context) error {
			ins, err := s.inspection(ctx, runner, req, langs)
			if err != nil {
				return err
			}
			if preview == "html" {
				// The preview is a conversion like any other, through the runner.
				var page []byte
				job := pipeline.Job{Path: req.notes.name, Data: req.notes.data,
					Sink: func(f pipeline.File) error { page = f.Data; return nil }}
				o := runner.Options()
				o.Langs = []string{ins.Lang}
				pr, err := pipeline.NewRunner(o)
				if err != nil {
					return err
				}
				if res := pr.Convert(ctx, job); res.Err != nil {
					return s.resultError(res)
				}
				ins.Preview = string(page)
			}
			writeJSON(w, http.StatusOK, ins)
			return nil
		}, nil
	})
}

func (s *Server) inspection(ctx context.Context, runner *pipeline.Runner, req *request, langs []string) (*Inspection, error) {
	warn := &model.Warnings{}
	doc, format, err := runner.Parse(ctx, pipeline.Job{Path: req.notes.name, Data: req.notes.data}, warn)
	if err != nil {
		return nil, err
	}
	lang := "en"
	if len(langs) == 1 {
		lang = langs[0]
	} else if loc, err := s.locales().Lookup(doc.Meta.OriginalLang); doc.Meta.OriginalLang != "" && err == nil {
		lang = loc.Tag
	}
	v, _, err := runner.Localize(ctx, doc, lang, warn)
	if err != nil {
		return nil, err
	}
	ins := &Inspection{Schema: "scribe-inspect/1", Name: req.notes.name, Format: format, Lang: lang,
		Meta: doc.Meta, Document: v, Counts: countBlocks(v.Blocks)}
	text, isText := decodeLines(req.notes.data)
	switch {
	case isText && format != "docx":
		ins.Lines = sourceLines(text, v)
		switch format {
		case "notes", "markdown":
			ins.Editable, ins.Cues = true, format
		}
	default:
		ins.Lines = blockLines(v)
	}
	ins.Warnings = warn.List()
	if ins.Warnings == nil {
		ins.Warnings = []model.Diagnostic{}
	}
	return ins, nil
}

func countBlocks(blocks []model.Block) Counts {
	var c Counts
	model.Walk(blocks, func(b model.Block) bool {
		switch n := b.(type) {
		case *model.Heading:
			c.Headings++
		case *model.Paragraph:
			if n.Numbered {
				c.Paragraphs++
			}
		case *model.ListItem:
			c.Subparagraphs++
		case *model.Quote:
			c.Quotations++
		case *model.Note:
			c.Notes++
		case *model.Table:
			c.Tables++
		}
		return true
	})
	return c
}
