package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v3"
	"go.yaml.in/yaml/v3"

	"github.com/scribe-un/scribe/internal/suggest"
	"github.com/scribe-un/scribe/internal/yamlkeys"
)

// defaultConfigName is looked up in the working folder when --config is not given.
const defaultConfigName = "scribe.yaml"

// projectFile is scribe.yaml: the flag values a secretariat sets once. Its keys are the
// long flag names (`body`, `lang`, `to`, `reference-doc`, `font-dir`…), so what a key does is
// what its flag's --help says, and flags given on the command line win.
type projectFile struct {
	path    string
	entries []projectEntry
}

// projectEntry is one key of the file with its values (one for a scalar, any number for a
// list) and its line, for messages.
type projectEntry struct {
	key    string
	line   int
	values []string
	list   bool
}

// notConfigurable are flags that make no sense as a project default.
var notConfigurable = map[string]bool{
	"config": true, "help": true, "version": true, "cpu-profile": true, "force": true,
	"generate-shell-completion": true,
}

// renamedKeys maps keys of earlier project files to the flag they now are, so an old file
// gets a precise correction rather than a distant guess.
var renamedKeys = map[string]string{
	"organ": "body", "languages": "lang", "formats": "to", "reference-docx": "reference-doc",
	"fonts": "font", "font-dirs": "font-dir",
}

// projectKeys lists every key a project file may hold: the long names of the configurable
// flags of every command under root.
func projectKeys(root *cli.Command) []string {
	seen := map[string]bool{}
	var walk func(c *cli.Command)
	walk = func(c *cli.Command) {
		for _, f := range c.Flags {
			name := f.Names()[0]
			if !notConfigurable[name] {
				seen[name] = true
			}
		}
		for _, sub := range c.Commands {
			walk(sub)
		}
	}
	walk(root)
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// loadProjectFile reads the project file named by --config, else ./scribe.yaml when it
// exists. Unknown keys are errors naming the file, the line and the nearest valid key.
func loadProjectFile(cmd *cli.Command) (*projectFile, error) {
	path := cmd.String("config")
	explicit := path != ""
	if !explicit {
		path = defaultConfigName
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return &projectFile{}, nil
		}
		return nil, usagef("config %s: %v", path, unwrapPath(err))
	}
	return parseProjectFile(path, data, projectKeys(cmd.Root()))
}

func parseProjectFile(path string, data []byte, valid []string) (*projectFile, error) {
	p := &projectFile{path: path}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, usagef("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return p, nil // empty, or only comments
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, usagef("%s:%d: expected keys and values (body: …, lang: [en, fr])", path, root.Line)
	}
	isValid := map[string]bool{}
	for _, k := range valid {
		isValid[k] = true
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if !isValid[k.Value] {
			e := &yamlkeys.UnknownKeyError{File: path, Line: k.Line, Key: k.Value, Suggestion: renamedKeys[k.Value]}
			if e.Suggestion == "" {
				e.Suggestion = suggest.Nearest(k.Value, valid)
			}
			msg := e.Error()
			if e.Suggestion == "" {
				msg += " (keys are flag names; 'scribe init' writes them all)"
			}
			return nil, usageError{errors.New(msg)}
		}
		e := projectEntry{key: k.Value, line: k.Line}
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Tag == "!!null" {
				continue // "key:" with no value leaves the default
			}
			e.values = []string{v.Value}
		case yaml.SequenceNode:
			e.list = true
			for _, item := range v.Content {
				if item.Kind != yaml.ScalarNode {
					return nil, usagef("%s:%d: %s: list items must be plain values", path, item.Line, k.Value)
				}
				e.values = append(e.values, item.Value)
			}
		case yaml.MappingNode:
			// A value per language (body: {en: …, fr: …}): passed on as the flag's
			// per-language form, which the flag's reader checks.
			v.Style = yaml.FlowStyle
			b, err := yaml.Marshal(v)
			if err != nil {
				return nil, usagef("%s:%d: %s: %v", path, v.Line, k.Value, err)
			}
			e.values = []string{strings.TrimSpace(string(b))}
		default:
			return nil, usagef("%s:%d: %s: expected a value, a list of values or a value per language", path, v.Line, k.Value)
		}
		p.entries = append(p.entries, e)
	}
	return p, nil
}

// apply sets, for every key of the file that names a flag of cmd (or of its parents), the
// flag's value, unless the command line set it. Relative paths in path-valued keys are
// relative to the project file's folder.
func (p *projectFile) apply(cmd *cli.Command) error {
	dir := filepath.Dir(p.path)
	for _, e := range p.entries {
		f := findFlag(cmd, e.key)
		if f == nil || cmd.IsSet(e.key) {
			continue
		}
		multi := isMultiValue(f)
		if e.list && !multi && len(e.values) != 1 {
			// A list for a flag this command takes once (inspect's --lang, say): the
			// key is meant for the commands that take a list.
			continue
		}
		for _, v := range e.values {
			if takesPath(f) && v != "" && v != "-" && !filepath.IsAbs(v) {
				v = filepath.Join(dir, v)
			}
			if err := cmd.Set(e.key, v); err != nil {
				return usagef("%s:%d: %s: %v", p.path, e.line, e.key, err)
			}
		}
	}
	return nil
}

// findFlag returns the flag named name of cmd or of one of its parents.
func findFlag(cmd *cli.Command, name string) cli.Flag {
	for _, c := range cmd.Lineage() {
		for _, f := range c.Flags {
			for _, n := range f.Names() {
				if n == name {
					return f
				}
			}
		}
	}
	return nil
}

func isMultiValue(f cli.Flag) bool {
	mf, ok := f.(cli.DocGenerationMultiValueFlag)
	return ok && mf.IsMultiValueFlag()
}

// takesPath reports whether the flag names a file or folder.
func takesPath(f cli.Flag) bool {
	switch f := f.(type) {
	case *cli.StringFlag:
		return f.TakesFile || f.Name == "output"
	case *cli.StringSliceFlag:
		return f.TakesFile
	}
	return false
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// configTemplate is what `scribe init` writes: every key, with its flag's help, commented
// out, so an unchanged command does exactly what it did without the file.
func configTemplate(root *cli.Command) string {
	var b strings.Builder
	b.WriteString(`# scribe project file: defaults for the commands run in this folder.
# Every key is a flag's long name and means what 'scribe COMMAND --help' says; flags given on
# the command line win. Relative paths are relative to this file. Uncomment what you need.
`)
	seen := map[string]bool{}
	for _, c := range root.Commands {
		var lines []string
		for _, f := range c.Flags {
			name := f.Names()[0]
			if notConfigurable[name] || seen[name] {
				continue
			}
			vf, ok := f.(cli.VisibleFlag)
			if ok && !vf.IsVisible() {
				continue
			}
			seen[name] = true
			usage := ""
			if df, ok := f.(cli.DocGenerationFlag); ok {
				usage = df.GetUsage()
			}
			lines = append(lines, "# "+usage, "# "+name+": "+exampleValue(f))
		}
		if len(lines) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## scribe %s\n", c.Name)
		for i := 0; i < len(lines); i += 2 {
			b.WriteString(lines[i] + "\n" + lines[i+1] + "\n")
		}
	}
	return b.String()
}

// templateExamples are the example values init writes for flags whose zero value says
// nothing; other flags show their default.
var templateExamples = map[string]string{
	"body": `"ITU Council Working Group on WSIS"`, "symbol": `"ITU/WSIS/{yyyy}/{stem}"`,
	"distribution": "General", "lang": "[ar, zh, en, fr, ru, es]", "to": "[docx, pdf]",
	"target": "[fr, es]", "font": "[fonts/Amiri-Regular.ttf]", "font-dir": "[fonts/]",
	"reference-doc": "house-template.docx", "locales": "locales/", "translations": "[xliff/]",
	"source-lang": "en", "original": "fr", "title": `"Summary record"`, "job": "05-35610",
	"from": "notes", "jobs": "2", "report": "out/report.json", "tm": "[memory.tmx]", "glossary": "terms.csv",
}

func exampleValue(f cli.Flag) string {
	name := f.Names()[0]
	if ex, ok := templateExamples[name]; ok {
		return ex
	}
	switch f := f.(type) {
	case *cli.BoolFlag:
		return "true"
	case cli.DocGenerationFlag:
		if v := f.GetValue(); v != "" {
			return v
		}
	}
	return `""`
}

func writeConfigTemplate(root *cli.Command, path string, force bool) error {
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return usagef("%s already exists (use --force to overwrite)", path)
		}
	}
	if err := writeFileAtomic(path, []byte(configTemplate(root))); err != nil {
		return fmt.Errorf("init: %w", unwrapPath(err))
	}
	return nil
}
