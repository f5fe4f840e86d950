package main

import (
	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/pipeline/model"
	"github.com/scribe-un/scribe/pipeline/normalize"
)

// minutesFlags place what minutes record beside the statements: the attendance section and
// the annex of decisions and action items.
func minutesFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "attendance", Usage: "where the attendance section goes: start, annex or omit", Value: "start"},
		&cli.StringSliceFlag{Name: "annex", Usage: "annexes to add, comma-separated: actions (a table of the decisions and action items)"},
	}
}

// outputOptions reads the minutes flags; an unknown value is a usage error.
func outputOptions(cmd *cli.Command) (normalize.OutputOptions, error) {
	var o normalize.OutputOptions
	place, ok := normalize.ParsePlacement(cmd.String("attendance"))
	if !ok {
		return o, usagef("--attendance %q: give start, annex or omit", cmd.String("attendance"))
	}
	o.Attendance = place
	for _, a := range splitList(cmd.StringSlice("annex")) {
		if a != "actions" {
			return o, usagef("--annex %q: the only annex is actions", a)
		}
		o.ActionsAnnex = true
	}
	return o, nil
}

// outputTransforms are the per-language transforms with the minutes flags applied.
func outputTransforms(cmd *cli.Command) ([]model.Transform, error) {
	o, err := outputOptions(cmd)
	if err != nil {
		return nil, err
	}
	return normalize.Output(o), nil
}
