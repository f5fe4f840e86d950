package model

import (
	"encoding/json"
	"fmt"
	"slices"
)

// The JSON form of the model is documented and stable (see README, "JSON model"): every
// block is an object whose "type" field names its kind ("heading", "paragraph", "list",
// "item", "quote", "note", "table", "preformatted", "attendance", "annex"), followed by the
// block's fields. Document and the blocks
// implement json.Marshaler and json.Unmarshaler so that scripts, golden tests and the json
// reader all see the same form.

func tagged(kind string, v any) ([]byte, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(body) < 2 || body[0] != '{' {
		return nil, fmt.Errorf("model: cannot tag %s", kind)
	}
	// The tag replaces the opening brace in place: a paragraph of megabytes is not copied
	// once more (the allocation's rounding usually leaves room for the few bytes).
	prefix := `{"type":"` + kind + `"`
	if len(body) > 2 {
		prefix += ","
	}
	n := len(body)
	body = slices.Grow(body, len(prefix)-1)[:n+len(prefix)-1]
	copy(body[len(prefix):], body[1:n])
	copy(body, prefix)
	return body, nil
}

// MarshalJSON writes the heading with "type": "heading".
func (b *Heading) MarshalJSON() ([]byte, error) {
	type plain Heading
	return tagged("heading", (*plain)(b))
}

// MarshalJSON writes the paragraph with "type": "paragraph".
func (b *Paragraph) MarshalJSON() ([]byte, error) {
	type plain Paragraph
	return tagged("paragraph", (*plain)(b))
}

// MarshalJSON writes the list with "type": "list".
func (b *List) MarshalJSON() ([]byte, error) {
	type plain List
	return tagged("list", (*plain)(b))
}

// MarshalJSON writes the item with "type": "item".
func (b *ListItem) MarshalJSON() ([]byte, error) {
	type plain ListItem
	return tagged("item", (*plain)(b))
}

// MarshalJSON writes the quotation with "type": "quote".
func (b *Quote) MarshalJSON() ([]byte, error) {
	type plain Quote
	return tagged("quote", (*plain)(b))
}

// MarshalJSON writes the note with "type": "note".
func (b *Note) MarshalJSON() ([]byte, error) {
	type plain Note
	return tagged("note", (*plain)(b))
}

// MarshalJSON writes the table with "type": "table".
func (b *Table) MarshalJSON() ([]byte, error) {
	type plain Table
	return tagged("table", (*plain)(b))
}

// MarshalJSON writes the preformatted block with "type": "preformatted".
func (b *Preformatted) MarshalJSON() ([]byte, error) {
	type plain Preformatted
	return tagged("preformatted", (*plain)(b))
}

// MarshalJSON writes the attendance section with "type": "attendance".
func (b *Attendance) MarshalJSON() ([]byte, error) {
	type plain Attendance
	return tagged("attendance", (*plain)(b))
}

// MarshalJSON writes the annex with "type": "annex".
func (b *Annex) MarshalJSON() ([]byte, error) {
	type plain Annex
	return tagged("annex", (*plain)(b))
}

// UnmarshalJSON reads an annex, decoding its tagged blocks.
func (b *Annex) UnmarshalJSON(data []byte) error {
	type plain Annex
	var aux struct {
		*plain
		Blocks blockList `json:"blocks"`
	}
	aux.plain = (*plain)(b)
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	b.Blocks = aux.Blocks
	return nil
}

// blockList decodes a JSON array of tagged blocks.
type blockList []Block

func (bl *blockList) UnmarshalJSON(data []byte) error {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return err
	}
	out := make([]Block, 0, len(raws))
	for _, raw := range raws {
		b, err := decodeBlock(raw)
		if err != nil {
			return err
		}
		out = append(out, b)
	}
	*bl = out
	return nil
}

func decodeBlock(raw json.RawMessage) (Block, error) {
	var head struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, err
	}
	switch head.Type {
	case "heading":
		b := &Heading{}
		type plain Heading
		return b, json.Unmarshal(raw, (*plain)(b))
	case "paragraph":
		b := &Paragraph{}
		return b, b.UnmarshalJSON(raw)
	case "list":
		b := &List{}
		type plain List
		return b, json.Unmarshal(raw, (*plain)(b))
	case "item":
		b := &ListItem{}
		return b, b.UnmarshalJSON(raw)
	case "quote":
		b := &Quote{}
		type plain Quote
		return b, json.Unmarshal(raw, (*plain)(b))
	case "note":
		b := &Note{}
		type plain Note
		return b, json.Unmarshal(raw, (*plain)(b))
	case "table":
		b := &Table{}
		type plain Table
		return b, json.Unmarshal(raw, (*plain)(b))
	case "preformatted":
		b := &Preformatted{}
		type plain Preformatted
		return b, json.Unmarshal(raw, (*plain)(b))
	case "attendance":
		b := &Attendance{}
		type plain Attendance
		return b, json.Unmarshal(raw, (*plain)(b))
	case "annex":
		b := &Annex{}
		return b, b.UnmarshalJSON(raw)
	}
	return nil, fmt.Errorf("unknown block type %q", head.Type)
}

// UnmarshalJSON reads a paragraph, decoding its tagged children.
func (b *Paragraph) UnmarshalJSON(data []byte) error {
	type plain Paragraph
	var aux struct {
		*plain
		Children blockList `json:"children"`
	}
	aux.plain = (*plain)(b)
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	b.Children = aux.Children
	return nil
}

// UnmarshalJSON reads a list item, decoding its tagged children.
func (b *ListItem) UnmarshalJSON(data []byte) error {
	type plain ListItem
	var aux struct {
		*plain
		Children blockList `json:"children"`
	}
	aux.plain = (*plain)(b)
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	b.Children = aux.Children
	return nil
}

// UnmarshalJSON reads a document, decoding its tagged blocks.
func (d *Document) UnmarshalJSON(data []byte) error {
	type plain Document
	var aux struct {
		*plain
		Blocks blockList `json:"blocks"`
	}
	aux.plain = (*plain)(d)
	if err := json.Unmarshal(data, &aux); err != nil {
		return err
	}
	d.Blocks = aux.Blocks
	return nil
}
