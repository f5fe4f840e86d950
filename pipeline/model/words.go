package model

import "unicode"

// CountWords counts the words of blocks as a document officer counts them for a report:
// runs of letters and digits separated by anything else, footnotes included, and each
// Han, Hiragana or Katakana character as one word (Chinese is counted by characters).
// Numbers and labels the normalizers add are not counted.
func CountWords(blocks []Block) int {
	n := 0
	count := func(ins []Inline) { n += countInlinesWords(ins) }
	Walk(blocks, func(b Block) bool {
		switch x := b.(type) {
		case *Heading:
			count(x.Inlines)
		case *Paragraph:
			count(x.Inlines)
		case *ListItem:
			count(x.Inlines)
		case *Note:
			count(x.Inlines)
		case *Table:
			for _, row := range x.Rows {
				for _, cell := range row {
					count(cell)
				}
			}
		}
		return true
	})
	return n
}

// countInlinesWords counts runs and footnotes; a footnote's marker is not a word.
func countInlinesWords(ins []Inline) int {
	n := 0
	for _, in := range ins {
		if in.Kind == KindFootnote {
			n += countInlinesWords(in.Note)
			continue
		}
		n += countWords(in.Text)
	}
	return n
}

func countWords(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		switch {
		// Han, Hiragana and Katakana all lie above U+2E80: most text skips the table look-ups.
		case r >= 0x2e80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || (inWord && (r == '\'' || r == '’' || r == '-')):
			if !inWord {
				n++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	return n
}
