// Package xmltree parses translation files (XLIFF, TMX, TBX) into a small element tree
// with the limits scribe applies to every input: size, nesting depth, UTF-8 only, and no
// DOCTYPE or entity declarations. The readers of formats/xliff, formats/tmx and
// formats/glossary share it so that all of them refuse hostile files the same way.
package xmltree

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Node is an element of a parsed file, or a run of character data (name empty). The tree
// keeps only what the readers need.
type Node struct {
	// Name is the element's name; empty Local for character data.
	Name xml.Name
	Attr []xml.Attr
	// Children are elements and character data in document order.
	Children []*Node
	// Text is the character data of a text node.
	Text string
	// Line is the line the element starts on.
	Line int
}

// IsText reports whether n is character data.
func (n *Node) IsText() bool { return n.Name.Local == "" }

// Get returns the attribute local (in no namespace, or the xml namespace for "xml:…").
func (n *Node) Get(local string) string {
	space := ""
	if i := strings.IndexByte(local, ':'); i >= 0 {
		if local[:i] == "xml" {
			space = "http://www.w3.org/XML/1998/namespace"
		}
		local = local[i+1:]
	}
	for _, a := range n.Attr {
		if a.Name.Local == local && (a.Name.Space == space || (space == "" && a.Name.Space == "")) {
			return a.Value
		}
	}
	return ""
}

// Has reports whether the attribute local (no namespace) is present.
func (n *Node) Has(local string) bool {
	for _, a := range n.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return true
		}
	}
	return false
}

// Elems returns the element children in namespace ns named local ("" matches any name).
func (n *Node) Elems(ns, local string) []*Node {
	var out []*Node
	for _, c := range n.Children {
		if !c.IsText() && c.Name.Space == ns && (local == "" || c.Name.Local == local) {
			out = append(out, c)
		}
	}
	return out
}

// First returns the first element child in namespace ns named local, or nil.
func (n *Node) First(ns, local string) *Node {
	for _, c := range n.Children {
		if !c.IsText() && c.Name.Space == ns && c.Name.Local == local {
			return c
		}
	}
	return nil
}

// TextContent concatenates all character data below n.
func (n *Node) TextContent() string {
	if n.IsText() {
		return n.Text
	}
	var b strings.Builder
	for _, c := range n.Children {
		b.WriteString(c.TextContent())
	}
	return b.String()
}

// Parse reads data into a tree, enforcing the size and depth limits and refusing DTDs:
// a DOCTYPE can declare entities that expand without bound ("billion laughs"), and
// translation files never need one.
func Parse(data []byte, stage string, opts model.ReadOptions) (root *Node, err error) {
	lim := opts.Limits.WithDefaults()
	file := model.Pos{File: opts.Name}
	if err := opts.Limits.CheckInput(stage, opts.Name, len(data)); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, model.Errorf(stage, file, model.ErrEmpty, "")
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	// Only UTF-8 (and its ASCII subset) is accepted: XLIFF and TMX files are UTF-8 in
	// practice, and a charset reader would be one more attack surface.
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return r, nil
		}
		return nil, errors.New("unsupported encoding " + label + " (save the file as UTF-8)")
	}
	var stack []*Node
	at := func() model.Pos {
		line, _ := dec.InputPos()
		return model.Pos{File: opts.Name, Line: line}
	}
	for {
		tok, terr := dec.Token()
		if terr == io.EOF {
			break
		}
		if terr != nil {
			var se *xml.SyntaxError
			if errors.As(terr, &se) {
				return nil, model.Errorf(stage, model.Pos{File: opts.Name, Line: se.Line}, model.ErrMalformed, "%s", se.Msg)
			}
			return nil, model.Errorf(stage, at(), model.ErrMalformed, "%v", terr)
		}
		switch t := tok.(type) {
		case xml.Directive:
			d := strings.TrimSpace(string(t))
			if len(d) >= 7 && strings.EqualFold(d[:7], "DOCTYPE") {
				return nil, model.Errorf(stage, at(), model.ErrMalformed, "DOCTYPE declarations are not allowed in translation files (they can declare entities that expand without limit); remove the <!DOCTYPE …> line")
			}
			return nil, model.Errorf(stage, at(), model.ErrMalformed, "markup declarations (<!%s…>) are not allowed", firstWord(d))
		case xml.StartElement:
			if len(stack) >= lim.MaxDepth {
				return nil, model.Errorf(stage, at(), model.ErrTooDeep, "elements nest deeper than %d", lim.MaxDepth)
			}
			n := &Node{Name: t.Name, Attr: append([]xml.Attr(nil), t.Attr...), Line: at().Line}
			if len(stack) == 0 {
				if root != nil {
					return nil, model.Errorf(stage, at(), model.ErrMalformed, "more than one root element")
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			p := stack[len(stack)-1]
			if k := len(p.Children); k > 0 && p.Children[k-1].IsText() {
				p.Children[k-1].Text += string(t)
			} else {
				p.Children = append(p.Children, &Node{Text: string(t)})
			}
		}
	}
	if root == nil {
		return nil, model.Errorf(stage, file, model.ErrMalformed, "no root element")
	}
	return root, nil
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t\r\n"); i >= 0 {
		return s[:i]
	}
	return s
}
