package markdown

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// htmlElements are the element names of HTML. Markdown passes raw HTML through, so a tag
// of one of these is markup for a browser, and scribe drops it and keeps its text; any
// other "<word>" ("<emu-alg>", "<nick>", "<Name>") is text the notes mean literally, and is
// kept as written: content is never silently deleted.
var htmlElements = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`a abbr address area article aside audio b base bdi bdo
		blockquote body br button canvas caption center cite code col colgroup data datalist dd
		del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1
		h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link
		main map mark menu meta meter nav noscript object ol optgroup option output p param
		picture pre progress q rp rt ruby s samp script section select small source span strike
		strong style sub summary sup table tbody td template textarea tfoot th thead time title
		tr track tt u ul var video wbr big details nobr`) {
		htmlElements[n] = true
	}
}

// rawTag classifies a piece of inline raw HTML: a comment, processing instruction or
// declaration (markup), a tag of a known element (markup, "br" reported so the caller can
// break the line), or anything else, which is text.
func rawTag(raw string) (name string, markup bool) {
	t := strings.TrimSpace(raw)
	switch {
	case strings.HasPrefix(t, "<!--"), strings.HasPrefix(t, "<?"), strings.HasPrefix(t, "<!"):
		return "", true
	}
	z := html.NewTokenizer(strings.NewReader(t))
	switch z.Next() {
	case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
		n, _ := z.TagName()
		name = strings.ToLower(string(n))
		return name, htmlElements[name]
	}
	return "", false
}

// htmlText returns the text of an HTML block: character data, without script and style
// content, and tags of unknown elements kept as written (see htmlElements).
func htmlText(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b))
	var out strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out.String()
		case html.TextToken:
			if skip == 0 {
				out.Write(z.Text())
				out.WriteByte(' ')
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			n, _ := z.TagName()
			name := strings.ToLower(string(n))
			switch {
			case name == "script" || name == "style":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case !htmlElements[name] && skip == 0:
				out.Write(z.Raw())
				out.WriteByte(' ')
			}
		}
	}
}
