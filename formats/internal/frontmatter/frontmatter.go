// Package frontmatter splits a YAML front-matter block ("---" … "---" at the very top of a
// text file) from the body and maps its well-known keys onto pipeline.Metadata. Notes and
// Markdown readers share it so an officer can correct any guessed metadata the same way in
// both.
package frontmatter

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
	"go.yaml.in/yaml/v3"
)

// Block is a parsed front-matter block.
type Block struct {
	// Fields are the top-level keys with scalar values rendered as strings.
	Fields map[string]string
	// Localized are the keys given one value per language ("body: {en: …, fr: …}"),
	// keyed by the lower-case key, then the language.
	Localized map[string]map[string]string
	// Lines is the number of lines the block occupies, fences included, so readers can keep
	// body line numbers true to the file.
	Lines int
}

// Split looks for front matter at the start of text (after any BOM has been removed). It
// returns the block (nil when there is none) and the rest of the text. Invalid YAML is an
// error naming the line in the file; a field given twice is a warning to w (the last value
// is kept, as YAML readers do), so --strict refuses it.
func Split(stage, name, text string, w *model.Warnings) (*Block, string, error) {
	if !strings.HasPrefix(text, "---") {
		return nil, text, nil
	}
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimSpace(strings.TrimRight(first, "\r")) != "---" {
		return nil, text, nil
	}
	lines := strings.SplitAfter(rest, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "---" || t == "..." {
			raw := strings.Join(lines[:i], "")
			body := strings.Join(lines[i+1:], "")
			b, err := parse(stage, name, raw, w)
			if err != nil {
				return nil, "", err
			}
			b.Lines = i + 2
			return b, body, nil
		}
	}
	// An opening fence without a closing one is a horizontal rule or a typo, not metadata.
	return nil, text, nil
}

func parse(stage, name, raw string, w *model.Warnings) (*Block, error) {
	var node yaml.Node
	if err := yaml.Unmarshal([]byte(raw), &node); err != nil {
		line := 0
		msg := err.Error()
		// yaml.v3 says "yaml: line N: …"; shift N by the opening fence.
		var n int
		if _, scanErr := fmt.Sscanf(msg, "yaml: line %d:", &n); scanErr == nil {
			line = n + 1
			if _, after, ok := strings.Cut(msg, ": "); ok {
				if _, after2, ok := strings.Cut(after, ": "); ok {
					msg = after2
				}
			}
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		return nil, model.Errorf(stage, model.Pos{File: name, Line: line}, model.ErrMalformed, "front matter is not valid YAML: %s", msg)
	}
	b := &Block{Fields: map[string]string{}}
	if node.Kind == 0 || len(node.Content) == 0 {
		return b, nil
	}
	doc := node.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, model.Errorf(stage, model.Pos{File: name, Line: doc.Line + 1}, model.ErrMalformed, "front matter must be a mapping of keys to values")
	}
	type given struct {
		line int    // of the file: lines of raw start after the opening fence
		key  string // as stored in Fields or Localized
	}
	seen := map[string]given{} // by the field a key sets (or the key, when unknown)
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		field := fieldOf(k.Value)
		if first, ok := seen[field]; ok {
			w.Warn(stage, model.Pos{File: name, Line: k.Line + 1}, "front matter: %q given again (first on line %d); the value on this line is kept", k.Value, first.line)
			// Only the last value may reach the metadata, whatever its key's spelling.
			delete(b.Fields, first.key)
			delete(b.Localized, first.key)
		}
		seen[field] = given{line: k.Line + 1, key: strings.ToLower(k.Value)}
		switch v.Kind {
		case yaml.ScalarNode:
			b.Fields[strings.ToLower(k.Value)] = v.Value
		case yaml.SequenceNode:
			var parts []string
			for _, item := range v.Content {
				parts = append(parts, item.Value)
			}
			b.Fields[strings.ToLower(k.Value)] = strings.Join(parts, ", ")
		case yaml.MappingNode:
			m, err := LocalizedValue(v)
			if err != nil {
				return nil, model.Errorf(stage, model.Pos{File: name, Line: v.Line + 1}, model.ErrMalformed, "front matter: %s: %v", k.Value, err)
			}
			if b.Localized == nil {
				b.Localized = map[string]map[string]string{}
			}
			b.Localized[strings.ToLower(k.Value)] = m
		}
	}
	return b, nil
}

// fieldOf names what key sets: its metadata field ("organ" and "body" both set the body),
// or the key itself, lower-cased, when it is not a known one.
func fieldOf(key string) string {
	k := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(key)), "_", "-")
	if f, ok := keyAliases[k]; ok {
		return f
	}
	return k
}

// Known reports whether key (any case, "_" or "-") names a metadata field, so readers of
// other field syntaxes (reStructuredText's :date:) can tell metadata from body fields.
func Known(key string) bool {
	_, ok := keyAliases[strings.ReplaceAll(strings.ToLower(strings.TrimSpace(key)), "_", "-")]
	return ok
}

// LocalizedValue reads a value given per language ({en: "General Assembly", fr: "Assemblée
// générale"}): a mapping of language tags to plain text (see model.LocalizedTags).
func LocalizedValue(v *yaml.Node) (map[string]string, error) {
	m := map[string]string{}
	if err := v.Decode(&m); err != nil {
		return nil, fmt.Errorf("expected a mapping of languages to text")
	}
	return model.LocalizedTags(m)
}

// localizable are the metadata fields that may be given per language.
var localizable = map[string]bool{"title": true, "subtitle": true, "body": true, "session": true, "agendaItem": true}

// keyAliases maps accepted front-matter keys to metadata fields.
var keyAliases = map[string]string{
	"title": "title", "body": "body", "organ": "body", "symbol": "symbol",
	"distribution": "distribution", "distr": "distribution", "date": "date",
	"time": "time", "venue": "venue", "place": "venue", "location": "venue",
	"lang": "lang", "language": "lang", "original": "originalLang", "source-lang": "originalLang",
	"original-language": "originalLang", "session": "session", "agenda-item": "agendaItem",
	"agenda": "agendaItem", "job": "jobNumber", "job-number": "jobNumber", "subtitle": "subtitle",
	"please-recycle": "recycle", "recycle": "recycle",
}

// Apply copies the block's fields onto meta. Known keys set metadata fields (date and time
// are kept as written here; the metadata normalizer parses them); unknown keys go to
// meta.Extra so nothing is lost. pos is the position of the opening fence.
func (b *Block) Apply(meta *model.Metadata, pos model.Pos) {
	keys := make([]string, 0, len(b.Fields))
	for k := range b.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := strings.TrimSpace(b.Fields[k])
		if meta.Lines == nil {
			meta.Lines = map[string]model.Pos{}
		}
		field, known := keyAliases[strings.ReplaceAll(k, "_", "-")]
		if !known {
			if meta.Extra == nil {
				meta.Extra = map[string]string{}
			}
			meta.Extra[k] = v
			continue
		}
		meta.Lines[field] = pos
		switch field {
		case "time":
			if start, end, ok := strings.Cut(v, "-"); ok {
				meta.TimeStart, meta.TimeEnd = strings.TrimSpace(start), strings.TrimSpace(end)
			} else if start, end, ok := strings.Cut(v, "–"); ok {
				meta.TimeStart, meta.TimeEnd = strings.TrimSpace(start), strings.TrimSpace(end)
			} else {
				meta.TimeStart = v
			}
		case "lang":
			meta.OriginalLang = v
		case "recycle":
			meta.Recycle = v == "true" || v == "yes" || v == "on"
		default:
			meta.SetField(field, v)
		}
	}
	lkeys := make([]string, 0, len(b.Localized))
	for k := range b.Localized {
		lkeys = append(lkeys, k)
	}
	sort.Strings(lkeys)
	for _, k := range lkeys {
		field, known := keyAliases[strings.ReplaceAll(k, "_", "-")]
		if !known || !localizable[field] {
			if meta.Extra == nil {
				meta.Extra = map[string]string{}
			}
			meta.Extra[k] = model.PickLocalized(b.Localized[k])
			continue
		}
		if meta.Lines == nil {
			meta.Lines = map[string]model.Pos{}
		}
		meta.Lines[field] = pos
		meta.SetLocalized(field, b.Localized[k])
	}
}
