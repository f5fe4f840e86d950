package write

import (
	"strings"

	"github.com/scribe-un/scribe/pipeline/model"
)

// runs prints inline runs. inNote is true inside footnotes, headers and footers: there,
// hyperlinks print as text (those parts have no relationships of their own) and a footnote
// inside a footnote is flattened into the text.
func (st *docState) runs(x *xmlWriter, ins []model.Inline, inNote bool) {
	for _, in := range ins {
		switch in.Kind {
		case model.KindFootnote:
			if inNote {
				st.runs(x, in.Note, true)
				continue
			}
			st.footnotes = append(st.footnotes, in.Note)
			x.open("w:r")
			r := runProps{style: styleFnRef}
			r.write(x)
			x.empty("w:footnoteReference", "w:id", itoa(len(st.footnotes)))
			x.close("w:r")
			if in.Text != "" {
				st.textRun(x, runProps{rtl: hasRTL(in.Text)}, in.Text)
			}
		case model.KindLink:
			text := in.Text
			if text == "" {
				text = in.URL
			}
			// model.LinkTarget percent-encodes spaces too: Word refuses to open a package
			// whose external target has a raw space.
			target, ok := model.LinkTarget(in.URL)
			if inNote || !ok {
				st.textRun(x, runProps{rtl: hasRTL(text)}, text)
				continue
			}
			st.links = append(st.links, target)
			x.open("w:hyperlink", "r:id", "rId"+itoa(relFirstLink+len(st.links)-1))
			st.textRun(x, runProps{style: styleHyperlink, rtl: hasRTL(text)}, text)
			x.close("w:hyperlink")
		case model.KindEmphasis:
			st.textRun(x, runProps{i: true, rtl: hasRTL(in.Text)}, in.Text)
		case model.KindStrong:
			st.textRun(x, runProps{b: true, rtl: hasRTL(in.Text)}, in.Text)
		case model.KindSymbol:
			st.symbolRun(x, in.Text)
		default: // text, quoted, and kinds added later print as plain text
			st.textRun(x, runProps{rtl: hasRTL(in.Text)}, in.Text)
		}
	}
}

// textRun prints one w:r. Line breaks become w:br and tabs w:tab, so text from the notes keeps
// its shape without putting control characters into w:t. w:rtl is set only on runs with
// right-to-left letters: an English symbol inside an Arabic paragraph stays left to right.
func (st *docState) textRun(x *xmlWriter, r runProps, text string) {
	if text == "" {
		return
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	x.open("w:r")
	r.write(x)
	start := 0
	flush := func(end int) {
		if end > start {
			x.textElem("w:t", text[start:end], "xml:space", "preserve")
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			flush(i)
			x.empty("w:br")
			start = i + 1
		case '\t':
			flush(i)
			x.empty("w:tab")
			start = i + 1
		}
	}
	flush(len(text))
	x.close("w:r")
}

// symbolRun prints a UN document symbol, which must never break across lines: spaces become
// no-break spaces and hyphens Word's non-breaking hyphen. (LibreOffice may still break one
// after a slash, where Word does not; word joiners would stop it, but a symbol must stay
// searchable as typed.)
func (st *docState) symbolRun(x *xmlWriter, text string) {
	if text == "" {
		return
	}
	text = strings.ReplaceAll(text, " ", "\u00a0")
	x.open("w:r")
	r := runProps{style: styleDocSymbol}
	r.write(x)
	for i, part := range strings.Split(text, "-") {
		if i > 0 {
			x.empty("w:noBreakHyphen")
		}
		if part != "" {
			x.textElem("w:t", part, "xml:space", "preserve")
		}
	}
	x.close("w:r")
}
