package main

import (
	"errors"

	"github.com/urfave/cli/v3"

	"github.com/scribe-un/scribe/pipeline"
)

// Temporary until the translation package lands in this session.
func loadTranslations(files []string, drafts bool, limits pipeline.Limits) (pipeline.Translator, error) {
	return nil, errors.New("translations: not wired yet")
}
func newExtractCommand(stdio IO) *cli.Command { return &cli.Command{Name: "extract", Hidden: true} }
func newTMCommand(stdio IO) *cli.Command      { return &cli.Command{Name: "tm", Hidden: true} }
