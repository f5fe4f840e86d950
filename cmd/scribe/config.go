package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"go.yaml.in/yaml/v3"
)

// Config is the project file, scribe.yaml: defaults a secretariat sets once. Command-line
// flags override every field.
type Config struct {
	// Organ is the body that meets, printed on the masthead.
	Organ string `yaml:"organ"`
	// Symbol is the document symbol or a pattern with {stem} (input file name without
	// extension) and {yyyy} (year of the meeting).
	Symbol       string `yaml:"symbol"`
	Distribution string `yaml:"distribution"`
	// SourceLang is the language of the notes when detection should not decide.
	SourceLang string   `yaml:"source-lang"`
	Languages  []string `yaml:"languages"`
	Formats    []string `yaml:"formats"`
	// Fonts are TrueType files and FontDirs folders of fonts for PDF output.
	Fonts    []string `yaml:"fonts"`
	FontDirs []string `yaml:"font-dirs"`
	// ReferenceDocx is the house Word template.
	ReferenceDocx string `yaml:"reference-docx"`
	Output        string `yaml:"output"`
	Locales       string `yaml:"locales"`
	Strict        bool   `yaml:"strict"`
	Jobs          int    `yaml:"jobs"`
}

// defaultConfigName is looked up in the working folder when --config is not given.
const defaultConfigName = "scribe.yaml"

// loadConfig reads the project file. An explicit path must exist; the default one is
// optional. Unknown keys are errors, so a typo does not silently do nothing.
func loadConfig(path string) (*Config, error) {
	explicit := path != ""
	if !explicit {
		path = defaultConfigName
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return &Config{}, nil
		}
		return nil, usagef("config %s: %v", path, unwrapPath(err))
	}
	cfg := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, usagef("config %s: %v", path, err)
	}
	return cfg, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// configTemplate is what `scribe init` writes: every key, commented.
const configTemplate = `# scribe project file. Flags given on the command line override these values.
# Docs: README.md, "Project file".

# The organ or body that meets, printed at the top of the masthead.
organ: ""

# Document symbol, or a pattern: {stem} is the input file name without extension,
# {yyyy} the year of the meeting. Example: "ITU/WSIS/{yyyy}/{stem}"
symbol: ""

# Distribution: General, Limited, Restricted (or your own line).
distribution: General

# Language of the notes (ar, zh, en, fr, ru, es); empty means detect it.
source-lang: ""

# Output languages and formats written by 'scribe convert'.
languages: [en]
formats: [docx, pdf]

# Extra TrueType fonts and font folders for PDF output (CJK and Arabic faces).
fonts: []
font-dirs: []

# House Word template: styles, page setup, header and footer are taken from it.
reference-docx: ""

# Output folder.
output: out

# Folder of corrected locale files (<lang>.yaml) overlaid on the built-in ones.
locales: ""

# Treat warnings (untranslated blocks, guessed dates) as errors.
strict: false

# Parallel workers; 0 means one per CPU.
jobs: 0
`

func writeConfigTemplate(path string, force bool) error {
	if !force {
		if _, err := os.Stat(path); err == nil {
			return usagef("%s already exists (use --force to overwrite)", path)
		}
	}
	if err := os.WriteFile(path, []byte(configTemplate), 0o644); err != nil {
		return fmt.Errorf("init: %w", unwrapPath(err))
	}
	return nil
}
