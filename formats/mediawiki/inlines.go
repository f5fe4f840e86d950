package mediawiki

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scribe-un/scribe/formats/internal/textrun"
	"github.com/scribe-un/scribe/pipeline/model"
)

// inlines parses the inline markup of one line (or of a heading, cell or item) into runs.
// Bold and italic do not carry over to the next line: MediaWiki closes them at the line end.
func (p *parser) inlines(s string, line int) []model.Inline {
	in := &inlineParser{p: p, line: line}
	in.run(s)
	in.flush()
	return textrun.Trim(in.runs)
}

// inlineParser turns one line of markup into runs. Runs are flat: a link wins over bold,
// bold over italic.
type inlineParser struct {
	p    *parser
	line int
	runs []model.Inline
	buf  strings.Builder
	// bold and italic are the apostrophe states; boldTags and italicTags count open
	// <b>/<strong> and <i>/<em> tags.
	bold, italic         bool
	boldTags, italicTags int
	// nesting counts run calls for link labels inside link labels.
	nesting int
	// inRef is true while the content of a <ref> footnote is parsed: references do not nest.
	inRef bool
	// unclosed records closing tags searched for in vain: none comes later either, so a
	// line of many unclosed tags is read in linear time.
	unclosed map[string]bool
}

// closer returns the offset of the closing tag in s, or -1.
func (in *inlineParser) closer(s, tag string) int {
	if in.unclosed[tag] {
		return -1
	}
	i := indexFold(s, tag)
	if i < 0 {
		if in.unclosed == nil {
			in.unclosed = map[string]bool{}
		}
		in.unclosed[tag] = true
	}
	return i
}

func (in *inlineParser) kind() model.InlineKind {
	switch {
	case in.bold || in.boldTags > 0:
		return model.KindStrong
	case in.italic || in.italicTags > 0:
		return model.KindEmphasis
	}
	return model.KindText
}

// flush emits the buffered text as a run of the current kind, entities decoded.
func (in *inlineParser) flush() {
	if in.buf.Len() == 0 {
		return
	}
	text := textrun.Clean(html.UnescapeString(in.buf.String()))
	in.buf.Reset()
	in.add(model.Inline{Kind: in.kind(), Text: text, Line: in.line})
}

func (in *inlineParser) add(r model.Inline) {
	if r.Kind == model.KindLink {
		r = model.LinkRun(r.Text, r.URL, r.Line)
	}
	in.runs = textrun.Append(in.runs, r, false)
}

// maxLinkNesting bounds links inside link labels and captions; deeper brackets are text.
const maxLinkNesting = 4

// run parses s.
func (in *inlineParser) run(s string) {
	if in.nesting > maxLinkNesting {
		in.buf.WriteString(s)
		return
	}
	in.nesting++
	defer func() { in.nesting-- }()
	ends := matchBrackets(s)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\'' && strings.HasPrefix(s[i:], "''"):
			i += in.apostrophes(s[i:])
		case c == '[' && strings.HasPrefix(s[i:], "[["):
			i += in.internalLink(s[i:], ends[i]-i)
		case c == '[':
			i += in.externalLink(s[i:])
		case c == '<':
			i += in.tag(s[i:])
		case (c == 'h' || c == 'f' || c == 'm') && urlStart(s[i:]) && wordBoundary(s, i):
			i += in.bareURL(s[i:])
		default:
			in.buf.WriteByte(c)
			i++
		}
	}
}

// apostrophes handles a run of two or more apostrophes: ” toggles italic, ”' bold,
// ””' both; a run of four is an apostrophe then bold, longer runs keep the extra
// apostrophes as text. It returns the run's length.
func (in *inlineParser) apostrophes(s string) int {
	n := 0
	for n < len(s) && s[n] == '\'' {
		n++
	}
	in.flush()
	switch {
	case n == 2:
		in.italic = !in.italic
	case n == 3:
		in.bold = !in.bold
	case n == 4:
		in.buf.WriteByte('\'')
		in.flush()
		in.bold = !in.bold
	default:
		in.buf.WriteString(strings.Repeat("'", n-5))
		in.flush()
		in.bold, in.italic = !in.bold, !in.italic
	}
	return n
}

// internalLink reads [[target|label]]trail; end is the offset just past its "]]", or
// negative when it is not closed. The label (or the target) is text: a report has no
// wiki to link to. Category links are dropped; a file or image keeps its caption.
// Unclosed brackets are text, and so are brackets around a target no page can have (one
// with a character MediaWiki forbids in titles, "[[a[b|c]]"): MediaWiki shows them as
// typed, so dropping that target would lose words.
func (in *inlineParser) internalLink(s string, end int) int {
	if end <= 0 {
		in.buf.WriteString("[[")
		return 2
	}
	inner := s[2 : end-2]
	n := end
	target, label, hasLabel := strings.Cut(inner, "|")
	if strings.ContainsAny(target, "[]{}<>") {
		in.buf.WriteString("[[")
		return 2
	}
	ns, _, hasNS := strings.Cut(strings.TrimPrefix(strings.TrimSpace(target), ":"), ":")
	switch {
	case hasNS && !strings.HasPrefix(strings.TrimSpace(target), ":") && categoryNS[strings.ToLower(strings.TrimSpace(ns))]:
		in.p.dropped.Add("category link")
		return n
	case hasNS && fileNS[strings.ToLower(strings.TrimSpace(ns))]:
		in.p.dropped.Add("image")
		if caption := fileCaption(inner); caption != "" {
			in.run(caption)
		}
		return n
	}
	text := label
	if !hasLabel {
		text = strings.TrimPrefix(strings.TrimSpace(target), ":")
		if i := strings.IndexByte(text, '#'); i > 0 {
			text = text[:i]
		}
	} else if strings.TrimSpace(label) == "" {
		// The "pipe trick" [[Page (x)|]] shows the page name without the parenthesis.
		text = strings.TrimSpace(target)
		if i := strings.Index(text, " ("); i > 0 {
			text = text[:i]
		}
	}
	in.run(text)
	// A link trail: letters glued to the closing brackets belong to the link's word.
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !unicode.IsLetter(r) {
			break
		}
		in.buf.WriteString(s[n : n+size])
		n += size
	}
	return n
}

// categoryNS and fileNS are the namespace names, in the six UN languages and the usual
// English ones, of category links (dropped) and file links (kept as their caption).
var (
	categoryNS = map[string]bool{"category": true, "catégorie": true, "categoría": true, "категория": true, "分类": true, "تصنيف": true}
	fileNS     = map[string]bool{"file": true, "image": true, "media": true, "fichier": true, "archivo": true, "imagen": true, "файл": true, "文件": true, "ملف": true}
)

// fileCaption returns the caption of [[File:x.png|thumb|200px|Caption]]: the last part
// that is not a display option.
func fileCaption(inner string) string {
	parts := strings.Split(inner, "|")
	if len(parts) < 2 {
		return ""
	}
	last := strings.TrimSpace(parts[len(parts)-1])
	l := strings.ToLower(last)
	switch {
	case fileOptions[l], strings.HasSuffix(l, "px") && strings.Trim(strings.TrimSuffix(l, "px"), "0123456789x") == "",
		strings.Contains(l, "=") && !strings.Contains(l, " "):
		return ""
	}
	return last
}

var fileOptions = map[string]bool{
	"thumb": true, "thumbnail": true, "frame": true, "framed": true, "frameless": true, "border": true,
	"left": true, "right": true, "center": true, "none": true, "upright": true,
	"baseline": true, "middle": true, "sub": true, "super": true, "top": true, "text-top": true, "bottom": true, "text-bottom": true,
}

// matchBrackets pairs the "[[" and "]]" of s, nested pairs first (captions hold links),
// and returns for the offset of each closed "[[" the offset just past its "]]".
func matchBrackets(s string) map[int]int {
	if !strings.Contains(s, "[[") {
		return nil
	}
	ends := map[int]int{}
	var stack []int
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == '[' && s[i+1] == '[':
			stack = append(stack, i)
			i++
		case s[i] == ']' && s[i+1] == ']' && len(stack) > 0:
			ends[stack[len(stack)-1]] = i + 2
			stack = stack[:len(stack)-1]
			i++
		}
	}
	return ends
}

// externalLink reads [url text] or [url]. A bracket not followed by a URL is text.
func (in *inlineParser) externalLink(s string) int {
	if !urlStart(s[1:]) && !strings.HasPrefix(s[1:], "//") {
		in.buf.WriteByte('[')
		return 1
	}
	end := in.closer(s, "]")
	if end < 0 {
		in.buf.WriteByte('[')
		return 1
	}
	inner := s[1:end]
	url, text, _ := strings.Cut(inner, " ")
	if strings.HasPrefix(url, "//") {
		url = "https:" + url
	}
	if _, ok := model.LinkTarget(textrun.Clean(url)); !ok {
		// MediaWiki prints a bracket whose URL is not one as written; so does scribe,
		// so the address is not lost with the link.
		in.buf.WriteByte('[')
		return 1
	}
	text = strings.TrimSpace(text)
	if text == "" {
		text = url
	}
	in.flush()
	// Bold or italic inside the label are dropped: a link run is one run.
	label := strings.NewReplacer("'''", "", "''", "").Replace(text)
	in.add(model.Inline{Kind: model.KindLink, Text: textrun.Clean(html.UnescapeString(label)), URL: textrun.Clean(url), Line: in.line})
	return end + 1
}

// urlStart reports a URL scheme scribe links at s.
func urlStart(s string) bool {
	for _, p := range []string{"http://", "https://", "mailto:"} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return len(s) > len(p)
		}
	}
	return false
}

// wordBoundary reports that s[i] starts a word (a URL glued to letters is not one).
func wordBoundary(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// bareURL reads a URL written as text, up to white space or markup; final punctuation
// belongs to the sentence.
func (in *inlineParser) bareURL(s string) int {
	end := strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("<>[]\"{}|", r)
	})
	if end < 0 {
		end = len(s)
	}
	url := strings.TrimRight(s[:end], ".,;:!?)'")
	if strings.HasSuffix(s[:end], ")") && strings.Contains(url, "(") {
		url += ")"
	}
	in.flush()
	u := textrun.Clean(html.UnescapeString(url))
	in.add(model.Inline{Kind: model.KindLink, Text: u, URL: u, Line: in.line})
	return len(url)
}

// tag handles an HTML-like tag at s: formatting tags are dropped and their content kept;
// <ref> becomes a footnote; <nowiki> content is text as written; <br> a space; unknown tags
// and a lone "<" are text. It returns the bytes consumed.
func (in *inlineParser) tag(s string) int {
	name, closing, selfClosing, n := parseTag(s)
	if n == 0 {
		in.buf.WriteByte('<')
		return 1
	}
	switch name {
	case "nowiki":
		if closing || selfClosing {
			return n
		}
		end := in.closer(s[n:], "</nowiki>")
		if end < 0 {
			return n
		}
		in.buf.WriteString(s[n : n+end])
		return n + end + len("</nowiki>")
	case "ref":
		if closing || selfClosing || in.inRef {
			return n
		}
		end := in.closer(s[n:], "</ref>")
		if end < 0 {
			return n
		}
		in.flush()
		sub := &inlineParser{p: in.p, line: in.line, inRef: true}
		sub.run(s[n : n+end])
		sub.flush()
		if note := textrun.Trim(sub.runs); len(note) > 0 {
			in.add(model.Inline{Kind: model.KindFootnote, Note: note, Line: in.line})
		}
		return n + end + len("</ref>")
	case "references":
		return n
	case "br":
		in.buf.WriteByte(' ')
		return n
	case "b", "strong":
		in.flush()
		in.boldTags = counter(in.boldTags, closing)
		return n
	case "i", "em":
		in.flush()
		in.italicTags = counter(in.italicTags, closing)
		return n
	}
	if !formattingTags[name] {
		in.buf.WriteString(s[:n])
		return n
	}
	return n
}

func counter(c int, closing bool) int {
	if closing {
		return max(c-1, 0)
	}
	return c + 1
}

// formattingTags are the HTML tags MediaWiki allows in pages whose text is kept and whose
// markup is dropped: a report sets its own typography.
var formattingTags = map[string]bool{
	"u": true, "s": true, "strike": true, "del": true, "ins": true, "small": true, "big": true,
	"sup": true, "sub": true, "span": true, "font": true, "code": true, "tt": true, "kbd": true,
	"var": true, "samp": true, "center": true, "div": true, "p": true, "abbr": true, "cite": true,
	"q": true, "mark": true, "blockquote": true, "poem": true, "bdi": true, "dfn": true,
	"syntaxhighlight": true, "source": true, "pre": true, "hr": true, "wbr": true,
	"gallery": true, "includeonly": true, "noinclude": true, "onlyinclude": true,
}

// parseTag parses an HTML-like tag at the start of s ("<b>", "</ref>", "<ref name=x/>",
// "<br />"): its lower-cased name, whether it closes or closes itself, and its length;
// n is 0 when s does not start with a tag.
func parseTag(s string) (name string, closing, selfClosing bool, n int) {
	if len(s) < 3 || s[0] != '<' {
		return "", false, false, 0
	}
	i := 1
	if s[i] == '/' {
		closing = true
		i++
	}
	start := i
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9' && i > start) {
		i++
	}
	if i == start {
		return "", false, false, 0
	}
	name = strings.ToLower(s[start:i])
	end := strings.IndexAny(s[i:], "<>\n")
	if end < 0 || s[i+end] != '>' {
		return "", false, false, 0
	}
	attrs := s[i : i+end]
	if attrs != "" && attrs[0] != ' ' && attrs[0] != '\t' && attrs[0] != '/' {
		return "", false, false, 0
	}
	selfClosing = strings.HasSuffix(attrs, "/")
	return name, closing, selfClosing, i + end + 1
}
