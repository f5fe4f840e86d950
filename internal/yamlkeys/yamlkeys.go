// Package yamlkeys checks the keys of a YAML document against the keys a program accepts,
// so that a typo in a project file or a locale overlay is an error naming the file, the line
// and the nearest valid key, instead of a setting silently ignored.
package yamlkeys

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/scribe-un/scribe/internal/suggest"
)

// UnknownKeyError is a key the program does not know.
type UnknownKeyError struct {
	// File is the document's name as given; Line is 1-based.
	File string
	Line int
	// Path is the dotted path of the mapping holding the key ("speech"), empty at the top.
	Path string
	Key  string
	// Suggestion is the nearest valid key, empty when none is close.
	Suggestion string
	// Valid lists the keys accepted at Path, for the message when nothing is close.
	Valid []string
}

func (e *UnknownKeyError) Error() string {
	key := e.Key
	if e.Path != "" {
		key = e.Path + "." + e.Key
	}
	msg := fmt.Sprintf("%s:%d: unknown key %q", e.File, e.Line, key)
	switch {
	case e.Suggestion != "":
		msg += fmt.Sprintf(" (did you mean %q?)", e.Suggestion)
	case len(e.Valid) > 0 && len(e.Valid) <= 16:
		msg += " (valid: " + strings.Join(e.Valid, ", ") + ")"
	}
	return msg
}

// Options adjust Check.
type Options struct {
	// File names the document in errors.
	File string
	// ClosedMaps lists, by dotted path ("labels"), the keys accepted by maps with a closed
	// set of keys; other maps accept any key.
	ClosedMaps map[string][]string
}

// Check walks node (a document or a mapping) against the yaml tags of t (a struct type, or
// a pointer to one) and returns the first unknown key, as an *UnknownKeyError.
func Check(node *yaml.Node, t reflect.Type, opts Options) error {
	if node == nil {
		return nil
	}
	if node.Kind == yaml.DocumentNode {
		if len(node.Content) == 0 {
			return nil
		}
		node = node.Content[0]
	}
	return check(node, t, "", opts)
}

func check(node *yaml.Node, t reflect.Type, path string, opts Options) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if node.Kind != yaml.MappingNode {
			return nil // a type error, which the decoder reports
		}
		fields := structFields(t)
		names := make([]string, 0, len(fields))
		for n := range fields {
			names = append(names, n)
		}
		sort.Strings(names)
		for i := 0; i+1 < len(node.Content); i += 2 {
			k, v := node.Content[i], node.Content[i+1]
			ft, ok := fields[k.Value]
			if !ok {
				return &UnknownKeyError{File: opts.File, Line: k.Line, Path: path, Key: k.Value, Suggestion: suggest.Nearest(k.Value, names), Valid: names}
			}
			if err := check(v, ft, join(path, k.Value), opts); err != nil {
				return err
			}
		}
	case reflect.Map:
		if node.Kind != yaml.MappingNode {
			return nil
		}
		valid, closed := opts.ClosedMaps[path]
		for i := 0; i+1 < len(node.Content); i += 2 {
			k, v := node.Content[i], node.Content[i+1]
			if closed && !contains(valid, k.Value) {
				return &UnknownKeyError{File: opts.File, Line: k.Line, Path: path, Key: k.Value, Suggestion: suggest.Nearest(k.Value, valid), Valid: valid}
			}
			if err := check(v, t.Elem(), join(path, k.Value), opts); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if node.Kind != yaml.SequenceNode {
			return nil
		}
		for _, v := range node.Content {
			if err := check(v, t.Elem(), path, opts); err != nil {
				return err
			}
		}
	}
	return nil
}

// structFields maps the yaml keys of t to their types, following inlined fields.
func structFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		name, rest, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if strings.Contains(rest, "inline") {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for k, v := range structFields(ft) {
					out[k] = v
				}
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
