package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v3"
)

func newInitCommand(stdio IO) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     "write a commented scribe.yaml project file",
		ArgsUsage: "[FILE]",
		Description: `Writes a project file listing every flag that can be given a default (organ, symbol
pattern, distribution, languages, formats, fonts, reference DOCX, output folder…), each
commented out with its help, so the file changes nothing until you uncomment a line.
Keys are the flags' long names. scribe reads ./scribe.yaml automatically, or the file given
with --config; flags on the command line win. An unknown key is an error naming the file,
the line and the nearest valid key.`,
		Flags: []cli.Flag{&cli.BoolFlag{Name: "force", Usage: "overwrite an existing file"}},
		Action: func(_ context.Context, cmd *cli.Command) error {
			path := defaultConfigName
			if cmd.Args().Len() > 0 {
				path = cmd.Args().First()
			}
			if err := writeConfigTemplate(cmd.Root(), path, cmd.Bool("force")); err != nil {
				return err
			}
			fmt.Fprintf(stdio.Err, "wrote %s\n", path)
			return nil
		},
	}
}
