package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/pipeline"
	"github.com/scribe-un/scribe/pipeline/model"
)

func newInspectCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:      "inspect",
		Usage:     "show the structure scribe recovers from notes, and why",
		ArgsUsage: "INPUT",
		Description: `Prints the document as an indented tree: the metadata recovered from the masthead,
then every heading, paragraph, subparagraph list and quotation with its source line, its UN
number, the speaker, and the reason for the decision ("heading: short line, no final stop…").
When a guess is wrong, correct the notes with an explicit cue ("# " heading, "## " subheading,
"> " quotation, front matter) and inspect again.`,
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Usage: "number and label as in this output language", DefaultText: "the notes' language"},
		}, readFlags()...), limitFlags()...),
		Action: func(ctx context.Context, cmd *cli.Command) error {
			if cmd.Args().Len() != 1 {
				return usagef("inspect: give exactly one input")
			}
			s, err := newSession(cmd, stdio)
			if err != nil {
				return err
			}
			runner, err := s.modelRunner(cmd)
			if err != nil {
				return err
			}
			path := cmd.Args().First()
			var data []byte
			if path == "-" {
				if data, err = pipeline.ReadInput("-", stdio.In, s.limits.MaxInputBytes); err != nil {
					return err
				}
			}
			warn := &model.Warnings{}
			doc, format, err := runner.Parse(ctx, pipeline.Job{Path: path, Data: data}, warn)
			if err != nil {
				return err
			}
			lang := cmd.String("lang")
			if lang == "" {
				lang = doc.Meta.OriginalLang
				if _, err := s.locales.Lookup(lang); err != nil {
					lang = "en"
				}
			}
			v, _, err := runner.Localize(ctx, doc, lang, warn)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdio.Out, "read as %s\n", format)
			if err := model.Inspect(stdio.Out, v); err != nil {
				return err
			}
			for _, w := range warn.List() {
				fmt.Fprintf(stdio.Err, "warning: %s\n", oneLine(w.String()))
			}
			if runner.Options().Strict && warn.Len() > 0 {
				return fmt.Errorf("%w: %d warning(s)", model.ErrStrict, warn.Len())
			}
			return nil
		},
	}
}
