package opc

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// scanner is the XML tokenizer of package parts. For every input it gives what
// encoding/xml's Decoder.Token gives in strict mode without a CharsetReader or entity map —
// the same tokens, names translated to namespace URIs the same way, the same errors with
// the same line numbers — which a differential fuzz test checks. It exists because
// encoding/xml spends most of a DOCX conversion copying names, attributes and text byte by
// byte: here names and short attribute values are interned, text without references or
// carriage returns is handed out in place, and namespace translations are cached until a
// declaration changes them. A paragraph of 320,000 runs is 1.6 million tokens.
//
// It reads the part in chunks and parses each token from a window that holds all of it;
// a token that does not fit is parsed again once more bytes are in (the window doubles
// when it is full), so the cost stays linear whatever the size of a token.
type scanner struct {
	r    io.Reader
	buf  []byte // the window: buf[pos:] is unread
	pos  int
	eof  bool  // r has no more bytes
	rerr error // r's error other than io.EOF, returned when more bytes are needed
	// grow is the window's first size and the least it grows by: chunk when 0 (tests
	// set small ones, to cut tokens everywhere).
	grow int
	// lines counts the newlines dropped from the front of the window, for error lines.
	lines int
	err   error // sticky: every call after an error returns it

	open []openElem
	ns   map[string]string // prefix → namespace URI in scope ("" for the default)
	undo []nsUndo
	// gen changes whenever a declaration comes into or goes out of scope; a name's cached
	// translation is good while its gen matches.
	gen        int
	pendingEnd bool // the last start tag was self-closing: its end comes next

	names map[string]*qname
	// recent caches names by a cheap hash of their bytes, in front of names.
	recent [64]*qname
	values map[string]string
	text   []byte // decoded text when it differs from the input
	// attrs are the attributes of the start tag being read, names as written, and attrQ
	// their names' cache entries.
	attrs []xml.Attr
	attrQ []*qname
	// attrOut are the attributes handed out, names translated.
	attrOut []xml.Attr
}

// qname is an element or attribute name as written, with its cached translation.
type qname struct {
	raw          string // as written
	space, local string // prefix and local part as written
	gen          int
	uri          string // space translated while gen was current
}

type openElem struct {
	name *qname
	undo int // len(undo) before the element's own declarations
}

type nsUndo struct {
	prefix, old string
	had         bool
}

const (
	xmlURL = "http://www.w3.org/XML/1998/namespace"
	// chunk is the window's first size and the least it grows by.
	chunk = 64 << 10
	// maxInterned bounds the interning tables: a hostile part can have millions of distinct
	// names or values, which are then simply allocated.
	maxInterned = 1 << 13
	// maxInternedValue is the longest attribute value interned: ids, styles, switches.
	maxInternedValue = 32
)

// Kind tells what a Token is.
type Kind uint8

// The kinds of token, one for each of encoding/xml's token types.
const (
	StartElement Kind = iota + 1
	EndElement
	CharData
	Comment
	ProcInst
	Directive
)

// Token is one token of a part. It is a struct, not encoding/xml's Token interface, so
// that reading one allocates nothing: a part can have millions. Attr and Data are valid
// only until the next token is read.
type Token struct {
	Kind Kind
	// Name of an element, namespace translated; Name.Local is the target of a ProcInst.
	Name xml.Name
	Attr []xml.Attr // of a StartElement, names translated
	// Data is the text of CharData, Comment and Directive, the instruction of a ProcInst.
	Data []byte
}

// errMore says the window ends before the token does: read more and parse it again.
var errMore = errors.New("more input needed")

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, ns: map[string]string{}, gen: 1, names: map[string]*qname{}, values: map[string]string{}}
}

// Token returns the next token, io.EOF after the last one.
func (s *scanner) Token() (Token, error) {
	if s.err != nil {
		return Token{}, s.err
	}
	if s.pendingEnd {
		s.pendingEnd = false
		return Token{Kind: EndElement, Name: s.closeTop()}, nil
	}
	for {
		t, err := s.token()
		if err == errMore {
			if err = s.fill(); err == nil {
				continue
			}
		}
		if err != nil {
			s.err = err
			return Token{}, err
		}
		return t, nil
	}
}

// fill moves the unread bytes to the front of the window and reads until it is full,
// doubling it first when the unread bytes fill it already.
func (s *scanner) fill() error {
	if s.rerr != nil {
		return s.rerr
	}
	if s.pos > 0 {
		s.lines += bytes.Count(s.buf[:s.pos], []byte{'\n'})
		n := copy(s.buf, s.buf[s.pos:])
		s.buf = s.buf[:n]
		s.pos = 0
	}
	if len(s.buf) == cap(s.buf) {
		grow := s.grow
		if grow <= 0 {
			grow = chunk
		}
		nb := make([]byte, len(s.buf), 2*cap(s.buf)+grow)
		copy(nb, s.buf)
		s.buf = nb
	}
	for empty, start := 0, len(s.buf); len(s.buf) < cap(s.buf); {
		n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		s.buf = s.buf[:len(s.buf)+n]
		switch {
		case err == io.EOF:
			s.eof = true
			return nil
		case err != nil:
			// The bytes read so far are parsed first.
			s.rerr = err
			if len(s.buf) > start {
				return nil
			}
			return err
		case n == 0:
			if empty++; empty > 100 {
				return io.ErrNoProgress
			}
		}
	}
	return nil
}

// short is the outcome of a token running past the window: more bytes, or at the end of
// the input encoding/xml's "unexpected EOF".
func (s *scanner) short() error {
	if s.eof {
		return s.syntaxError(len(s.buf), "unexpected EOF")
	}
	return errMore
}

// syntaxError reports msg on the line of window offset off, the line encoding/xml's byte
// reader is on when it finds the same error.
func (s *scanner) syntaxError(off int, msg string) error {
	return &xml.SyntaxError{Msg: msg, Line: 1 + s.lines + bytes.Count(s.buf[:off], []byte{'\n'})}
}

// token parses the token at the front of the window.
func (s *scanner) token() (Token, error) {
	d := s.buf[s.pos:]
	if len(d) == 0 {
		if !s.eof {
			return Token{}, errMore
		}
		if len(s.open) > 0 {
			return Token{}, s.syntaxError(len(s.buf), "unexpected EOF")
		}
		return Token{}, io.EOF
	}
	if d[0] != '<' {
		return s.charData(d)
	}
	if len(d) < 2 {
		return Token{}, s.short()
	}
	switch d[1] {
	case '/':
		return s.endTag(d)
	case '?':
		return s.procInst(d)
	case '!':
		return s.bang(d)
	}
	return s.startTag(d)
}

func (s *scanner) charData(d []byte) (Token, error) {
	i := bytes.IndexByte(d, '<')
	if i < 0 {
		if !s.eof {
			return Token{}, errMore
		}
		i = len(d)
	}
	out, err := s.decode(d[:i], s.pos, modeText, i == len(d))
	if err == nil {
		err = s.validate(out, s.pos+i)
	}
	if err != nil {
		return Token{}, err
	}
	s.pos += i
	return Token{Kind: CharData, Data: out}, nil
}

// Text modes of decode.
const (
	modeText  = iota // character data: references, and "]]>" refused
	modeAttr         // a quoted attribute value: references
	modeCDATA        // a CDATA section: no references
)

// decode turns seg, which starts at window offset base, into text: references replaced,
// "\r\n" and "\r" made "\n". The offset places errors on encoding/xml's lines: a
// newline earlier in an attribute value counts too. atEOF says the input ends with seg; otherwise the
// byte after seg ends the text ('<' or the closing quote) and is no part of any reference.
func (s *scanner) decode(seg []byte, base, mode int, atEOF bool) ([]byte, error) {
	plain := bytes.IndexByte(seg, '\r') < 0 && (mode == modeCDATA || bytes.IndexByte(seg, '&') < 0)
	if plain {
		if mode == modeText && bytes.IndexByte(seg, ']') >= 0 {
			if k := bytes.Index(seg, []byte("]]>")); k >= 0 {
				return nil, s.syntaxError(base+k+3, "unescaped ]]> not in CDATA section")
			}
		}
		return seg, nil
	}
	out := s.text[:0]
	var b0, b1 byte
	for j := 0; j < len(seg); j++ {
		b := seg[j]
		if mode == modeText && b0 == ']' && b1 == ']' && b == '>' {
			return nil, s.syntaxError(base+j+1, "unescaped ]]> not in CDATA section")
		}
		if b == '&' && mode != modeCDATA {
			var next int
			var err error
			out, next, err = s.reference(out, seg, base, j, atEOF)
			if err != nil {
				return nil, err
			}
			j = next - 1
			b0, b1 = 0, 0
			continue
		}
		switch {
		case b == '\r':
			out = append(out, '\n')
		case b1 == '\r' && b == '\n':
		default:
			out = append(out, b)
		}
		b0, b1 = b1, b
	}
	s.text = out
	return out, nil
}

// entities are the predefined entities, the only ones a part may use.
var entities = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "apos": '\'', "quot": '"'}

// reference appends the text of the reference starting at seg[j] ('&') to out and returns
// the index after it; seg starts at window offset base.
func (s *scanner) reference(out, seg []byte, base, j int, atEOF bool) ([]byte, int, error) {
	// at gives the byte at k; past seg, either the end of input or the terminator, which
	// matches nothing a reference is made of.
	var eofErr error
	at := func(k int) (byte, bool) {
		if k < len(seg) {
			return seg[k], true
		}
		if atEOF {
			eofErr = s.syntaxError(len(s.buf), "unexpected EOF")
			return 0, false
		}
		return '<', true
	}
	invalid := func(k int, semicolon bool) error {
		ent := string(seg[j:k])
		off := base + k
		if semicolon {
			ent += ";"
			off++
		} else {
			ent += " (no semicolon)"
		}
		return s.syntaxError(off, "invalid character entity "+ent)
	}
	k := j + 1
	b, ok := at(k)
	if !ok {
		return nil, 0, eofErr
	}
	if b == '#' {
		k++
		if b, ok = at(k); !ok {
			return nil, 0, eofErr
		}
		base := 10
		if b == 'x' {
			base = 16
			k++
			if b, ok = at(k); !ok {
				return nil, 0, eofErr
			}
		}
		start := k
		for '0' <= b && b <= '9' || base == 16 && ('a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			k++
			if b, ok = at(k); !ok {
				return nil, 0, eofErr
			}
		}
		if b != ';' {
			return nil, 0, invalid(k, false)
		}
		n, err := strconv.ParseUint(string(seg[start:k]), base, 64)
		if err != nil || n > unicode.MaxRune {
			return nil, 0, invalid(k, true)
		}
		return utf8.AppendRune(out, rune(n)), k + 1, nil
	}
	for {
		if b < utf8.RuneSelf && !isNameByte(b) {
			break
		}
		k++
		if b, ok = at(k); !ok {
			return nil, 0, eofErr
		}
	}
	if b != ';' {
		return nil, 0, invalid(k, false)
	}
	r, known := entities[string(seg[j+1:k])]
	if !known {
		return nil, 0, invalid(k, true)
	}
	return utf8.AppendRune(out, r), k + 1, nil
}

// validate refuses text that is not UTF-8 or holds a character XML forbids; end is the
// window offset where encoding/xml checks it, after reading the whole text.
func (s *scanner) validate(text []byte, end int) error {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return s.syntaxError(end, fmt.Sprintf("illegal character code %U", rune(c)))
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if r == utf8.RuneError && n == 1 {
			return s.syntaxError(end, "invalid UTF-8")
		}
		if !(r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return s.syntaxError(end, fmt.Sprintf("illegal character code %U", r))
		}
		i += n
	}
	return nil
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

// nameEnd returns the end of the name starting at d[i]: ASCII name bytes and every
// non-ASCII byte, as encoding/xml reads one. i itself when d[i] cannot start one.
func (s *scanner) nameEnd(d []byte, i int) (int, error) {
	k := i
	for ; k < len(d); k++ {
		if c := d[k]; c < utf8.RuneSelf && !isNameByte(c) {
			return k, nil
		}
	}
	return 0, s.short()
}

// validName reports what encoding/xml's isName says of b.
func validName(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		c := b[0]
		return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':'
	}
	// Non-ASCII names are rare in a package; encoding/xml's tables of name characters
	// (XML 1.0 Appendix B) are not exported, so ask it, with the name as the target of a
	// processing instruction, which it checks as a name and nothing else.
	d := xml.NewDecoder(bytes.NewReader(append(append([]byte("<?"), b...), "?>"...)))
	_, err := d.RawToken()
	return err == nil
}

// name reads the name at d[i:end] (found by nameEnd) as an element or attribute name.
// what names it in encoding/xml's error when it is not one (more than one colon).
func (s *scanner) name(d []byte, i, end int, what string) (*qname, error) {
	raw := d[i:end]
	h := (len(raw)*7 + int(raw[0])*3 + int(raw[len(raw)-1])) & (len(s.recent) - 1)
	if q := s.recent[h]; q != nil && q.raw == string(raw) {
		return q, nil
	}
	if q, ok := s.names[string(raw)]; ok {
		s.recent[h] = q
		return q, nil
	}
	if !validName(raw) {
		return nil, s.syntaxError(s.pos+end, "invalid XML name: "+string(raw))
	}
	str := string(raw)
	q := &qname{raw: str, local: str}
	if c := strings.Count(str, ":"); c > 1 {
		return nil, s.syntaxError(s.pos+end, what)
	} else if space, local, ok := strings.Cut(str, ":"); ok && space != "" && local != "" {
		q.space, q.local = space, local
	}
	if len(s.names) < maxInterned {
		s.names[str] = q
		s.recent[h] = q
	}
	return q, nil
}

func skipSpace(d []byte, i int) int {
	for i < len(d) && (d[i] == ' ' || d[i] == '\n' || d[i] == '\t' || d[i] == '\r') {
		i++
	}
	return i
}

func (s *scanner) startTag(d []byte) (Token, error) {
	const noName = "expected element name after <"
	end, err := s.nameEnd(d, 1)
	if err != nil {
		return Token{}, err
	}
	if end == 1 {
		return Token{}, s.syntaxError(s.pos+1, noName)
	}
	q, err := s.name(d, 1, end, noName)
	if err != nil {
		return Token{}, err
	}
	attrs := s.attrs[:0]
	s.attrQ = s.attrQ[:0]
	empty := false
	i := end
	for {
		if i = skipSpace(d, i); i >= len(d) {
			return Token{}, s.short()
		}
		b := d[i]
		i++
		if b == '/' {
			if i >= len(d) {
				return Token{}, s.short()
			}
			if d[i] != '>' {
				return Token{}, s.syntaxError(s.pos+i+1, "expected /> in element")
			}
			i++
			empty = true
			break
		}
		if b == '>' {
			break
		}
		i--
		const noAttr = "expected attribute name in element"
		end, err := s.nameEnd(d, i)
		if err != nil {
			return Token{}, err
		}
		if end == i {
			return Token{}, s.syntaxError(s.pos+i, noAttr)
		}
		an, err := s.name(d, i, end, noAttr)
		if err != nil {
			return Token{}, err
		}
		if i = skipSpace(d, end); i >= len(d) {
			return Token{}, s.short()
		}
		if i++; d[i-1] != '=' {
			return Token{}, s.syntaxError(s.pos+i, "attribute name without = in element")
		}
		if i = skipSpace(d, i); i >= len(d) {
			return Token{}, s.short()
		}
		quote := d[i]
		if i++; quote != '"' && quote != '\'' {
			return Token{}, s.syntaxError(s.pos+i, "unquoted or missing attribute value in element")
		}
		v, next, err := s.attrValue(d, i, quote)
		if err != nil {
			return Token{}, err
		}
		attrs = append(attrs, xml.Attr{Name: xml.Name{Space: an.space, Local: an.local}, Value: v})
		s.attrQ = append(s.attrQ, an)
		i = next
	}
	s.attrs = attrs
	s.pos += i
	return Token{Kind: StartElement, Name: s.openElement(q, empty), Attr: s.attrOut}, nil
}

// attrValue reads the quoted value starting at d[i] and returns the index after the
// closing quote.
func (s *scanner) attrValue(d []byte, i int, quote byte) (string, int, error) {
	rest := d[i:]
	k := bytes.IndexByte(rest, quote)
	seg := rest
	if k >= 0 {
		seg = rest[:k]
	}
	if lt := bytes.IndexByte(seg, '<'); lt >= 0 {
		if _, err := s.decode(seg[:lt], s.pos+i, modeAttr, false); err != nil {
			return "", 0, err
		}
		return "", 0, s.syntaxError(s.pos+i+lt+1, "unescaped < inside quoted string")
	}
	if k < 0 {
		if !s.eof {
			return "", 0, errMore
		}
		// encoding/xml takes the value to the end of input, checks it, then finds no '>'.
		out, err := s.decode(seg, s.pos+i, modeAttr, true)
		if err == nil {
			err = s.validate(out, len(s.buf))
		}
		if err == nil {
			err = s.syntaxError(len(s.buf), "unexpected EOF")
		}
		return "", 0, err
	}
	out, err := s.decode(seg, s.pos+i, modeAttr, false)
	if err == nil {
		err = s.validate(out, s.pos+i+k+1)
	}
	if err != nil {
		return "", 0, err
	}
	return s.value(out), i + k + 1, nil
}

// value returns text as a string, interned when short.
func (s *scanner) value(text []byte) string {
	if len(text) > maxInternedValue {
		return string(text)
	}
	if v, ok := s.values[string(text)]; ok {
		return v
	}
	v := string(text)
	if len(s.values) < maxInterned {
		s.values[v] = v
	}
	return v
}

// openElement brings the element's declarations into scope, then translates its name and
// attribute names, as encoding/xml's Token does.
func (s *scanner) openElement(q *qname, empty bool) xml.Name {
	mark := len(s.undo)
	for _, a := range s.attrs {
		prefix, ok := "", false
		switch {
		case a.Name.Space == "xmlns":
			prefix, ok = a.Name.Local, true
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			ok = true
		}
		if ok {
			old, had := s.ns[prefix]
			s.undo = append(s.undo, nsUndo{prefix: prefix, old: old, had: had})
			s.ns[prefix] = a.Value
			s.gen++
		}
	}
	s.open = append(s.open, openElem{name: q, undo: mark})
	if empty {
		s.pendingEnd = true
	}
	s.attrOut = append(s.attrOut[:0], s.attrs...)
	for i := range s.attrOut {
		s.attrOut[i].Name.Space = s.translate(s.attrOut[i].Name, false, s.attrQ[i])
	}
	return xml.Name{Space: s.translate(xml.Name{Space: q.space, Local: q.local}, true, q), Local: q.local}
}

// translate gives the namespace of a name as written, by encoding/xml's rules: the default
// namespace applies to elements only, "xml" is the XML namespace, "xmlns" stays, an
// undeclared prefix stays as written. q, when given, caches the answer.
func (s *scanner) translate(n xml.Name, isElement bool, q *qname) string {
	switch {
	case n.Space == "xmlns":
		return n.Space
	case n.Space == "" && !isElement:
		return ""
	case n.Space == "xml":
		return xmlURL
	case n.Space == "" && n.Local == "xmlns":
		return ""
	}
	if q != nil && q.gen == s.gen {
		return q.uri
	}
	v, ok := s.ns[n.Space]
	if !ok {
		v = n.Space
	}
	if q != nil {
		q.gen, q.uri = s.gen, v
	}
	return v
}

// closeTop ends the innermost open element, whose end tag matched it, and takes its
// declarations out of scope.
func (s *scanner) closeTop() xml.Name {
	top := s.open[len(s.open)-1]
	s.open = s.open[:len(s.open)-1]
	q := top.name
	name := xml.Name{Space: s.translate(xml.Name{Space: q.space, Local: q.local}, true, q), Local: q.local}
	if len(s.undo) > top.undo {
		for i := len(s.undo) - 1; i >= top.undo; i-- {
			u := s.undo[i]
			if u.had {
				s.ns[u.prefix] = u.old
			} else {
				delete(s.ns, u.prefix)
			}
		}
		s.undo = s.undo[:top.undo]
		s.gen++
	}
	return name
}

func (s *scanner) endTag(d []byte) (Token, error) {
	const noName = "expected element name after </"
	end, err := s.nameEnd(d, 2)
	if err != nil {
		return Token{}, err
	}
	if end == 2 {
		return Token{}, s.syntaxError(s.pos+2, noName)
	}
	var q *qname
	if n := len(s.open); n > 0 && s.open[n-1].name.raw == string(d[2:end]) {
		q = s.open[n-1].name // the usual case: the end tag of the open element
	} else if q, err = s.name(d, 2, end, noName); err != nil {
		return Token{}, err
	}
	i := skipSpace(d, end)
	if i >= len(d) {
		return Token{}, s.short()
	}
	if i++; d[i-1] != '>' {
		return Token{}, s.syntaxError(s.pos+i, "invalid characters between </"+q.local+" and >")
	}
	s.pos += i
	if len(s.open) == 0 {
		return Token{}, s.syntaxError(s.pos, "unexpected end element </"+q.local+">")
	}
	top := s.open[len(s.open)-1].name
	if top.local != q.local {
		return Token{}, s.syntaxError(s.pos, "element <"+top.local+"> closed by </"+q.local+">")
	}
	if top.space != q.space {
		space := q.space
		if space == "" {
			space = `""`
		}
		return Token{}, s.syntaxError(s.pos, "element <"+top.local+"> in space "+top.space+" closed by </"+q.local+"> in space "+space)
	}
	return Token{Kind: EndElement, Name: s.closeTop()}, nil
}

func (s *scanner) procInst(d []byte) (Token, error) {
	end, err := s.nameEnd(d, 2)
	if err != nil {
		return Token{}, err
	}
	if end == 2 {
		return Token{}, s.syntaxError(s.pos+2, "expected target name after <?")
	}
	if !validName(d[2:end]) {
		return Token{}, s.syntaxError(s.pos+end, "invalid XML name: "+string(d[2:end]))
	}
	i := skipSpace(d, end)
	k := bytes.Index(d[i:], []byte("?>"))
	if k < 0 {
		return Token{}, s.short()
	}
	target := s.value(d[2:end])
	data := d[i : i+k]
	if target == "xml" {
		content := string(data)
		if ver := procInstParam("version", content); ver != "" && ver != "1.0" {
			return Token{}, fmt.Errorf("xml: unsupported version %q; only version 1.0 is supported", ver)
		}
		if enc := procInstParam("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") {
			return Token{}, fmt.Errorf("xml: encoding %q declared but Decoder.CharsetReader is nil", enc)
		}
	}
	s.pos += i + k + 2
	return Token{Kind: ProcInst, Name: xml.Name{Local: target}, Data: data}, nil
}

// procInstParam finds param="value" or param='value' in the content of an XML
// declaration the way encoding/xml does: at the first occurrence of `param=` followed by
// a quote.
func procInstParam(param, s string) string {
	param += "="
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], param)
		if k < 0 || i+k+len(param) >= len(s) {
			return ""
		}
		q := s[i+k+len(param)]
		i += k + len(param) + 1
		if q == '\'' || q == '"' {
			j := strings.IndexByte(s[i:], q)
			if j < 0 {
				return ""
			}
			return s[i : i+j]
		}
	}
	return ""
}

// bang parses what starts with "<!": a comment, a CDATA section or a directive.
func (s *scanner) bang(d []byte) (Token, error) {
	if len(d) < 3 {
		return Token{}, s.short()
	}
	switch d[2] {
	case '-':
		if len(d) < 4 {
			return Token{}, s.short()
		}
		if d[3] != '-' {
			return Token{}, s.syntaxError(s.pos+4, "invalid sequence <!- not part of <!--")
		}
		k := bytes.Index(d[4:], []byte("--"))
		if k < 0 || 4+k+2 >= len(d) {
			return Token{}, s.short()
		}
		if d[4+k+2] != '>' {
			return Token{}, s.syntaxError(s.pos+4+k+3, `invalid sequence "--" not allowed in comments`)
		}
		s.pos += 4 + k + 3
		return Token{Kind: Comment, Data: d[4 : 4+k]}, nil
	case '[':
		const open = "CDATA["
		for j := 0; j < len(open); j++ {
			if 3+j >= len(d) {
				return Token{}, s.short()
			}
			if d[3+j] != open[j] {
				return Token{}, s.syntaxError(s.pos+3+j+1, "invalid <![ sequence")
			}
		}
		k := bytes.Index(d[9:], []byte("]]>"))
		if k < 0 {
			if s.eof {
				return Token{}, s.syntaxError(len(s.buf), "unexpected EOF in CDATA section")
			}
			return Token{}, errMore
		}
		out, err := s.decode(d[9:9+k], s.pos+9, modeCDATA, false)
		if err == nil {
			err = s.validate(out, s.pos+9+k+3)
		}
		if err != nil {
			return Token{}, err
		}
		s.pos += 9 + k + 3
		return Token{Kind: CharData, Data: out}, nil
	}
	return s.directive(d)
}

// directive parses <!…> that is neither a comment nor CDATA, as encoding/xml does: quoted
// '<' and '>' do not nest, a comment inside becomes one space.
func (s *scanner) directive(d []byte) (Token, error) {
	out := append(s.text[:0], d[2])
	var inquote byte
	depth := 0
	i := 3
	for {
		if i >= len(d) {
			return Token{}, s.short()
		}
		b := d[i]
		i++
		if inquote == 0 && b == '>' && depth == 0 {
			break
		}
	handle:
		out = append(out, b)
		switch {
		case b == inquote:
			inquote = 0
		case inquote != 0:
		case b == '\'' || b == '"':
			inquote = b
		case b == '>':
			depth--
		case b == '<':
			const com = "!--"
			matched := true
			for j := 0; j < len(com); j++ {
				if i >= len(d) {
					return Token{}, s.short()
				}
				b = d[i]
				i++
				if b != com[j] {
					out = append(out, com[:j]...)
					depth++
					matched = false
					break
				}
			}
			if !matched {
				goto handle
			}
			out = out[:len(out)-1] // the '<'
			k := bytes.Index(d[i:], []byte("-->"))
			if k < 0 {
				return Token{}, s.short()
			}
			i += k + 3
			out = append(out, ' ')
		}
	}
	s.text = out
	s.pos += i
	return Token{Kind: Directive, Data: out}, nil
}
