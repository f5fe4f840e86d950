package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of most text: a letter or digit is in a word; an apostrophe or a
			// hyphen leaves inWord as it is (inside a word it joins, outside it is no
			// word); anything else ends the word.
			i++
			switch asciiWord[c] {
			case wordChar:
				if !inWord {
					n++
					inWord = true
				}
			case wordOther:
				inWord = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		// Han, Hiragana and Katakana all lie above U+2E80: most text skips the table look-ups.
		case r >= 0x2e80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || (inWord && r == '’'):
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

// The classes of ASCII characters for countWords.
const (
	wordOther  = iota // ends a word
	wordChar          // a letter or digit
	wordJoiner        // ' and -: inside a word, part of it
)

// asciiWord is the class of each ASCII character (never written to).
var asciiWord = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			t[c] = wordChar
		case c == '\'' || c == '-':
			t[c] = wordJoiner
		}
	}
	return t
}()

// Bracketed reports text wholly inside one pair of parentheses or square brackets, ASCII or
// full-width, with some text inside: "(Not minuted.)", "[Ask for slides]", "（休会）".
// "(a) and (b) were adopted" and "[1] https://…" open and close different pairs. The notes reader and the structure
// normalizer both judge editorial notes by it.
func Bracketed(text string) bool {
	t := strings.TrimSpace(text)
	open, size := utf8.DecodeRuneInString(t)
	var closer rune
	switch open {
	case '(':
		closer = ')'
	case '[':
		closer = ']'
	case '（':
		closer = '）'
	default:
		return false
	}
	last, lsize := utf8.DecodeLastRuneInString(t)
	if last != closer || len(t) <= size+lsize || strings.TrimSpace(t[size:len(t)-lsize]) == "" {
		return false
	}
	// The opening bracket must be the one the last closes: depth never falls to zero
	// before the end.
	depth := 0
	for i, r := range t {
		switch r {
		case open:
			depth++
		case closer:
			depth--
			if depth == 0 && i+utf8.RuneLen(r) < len(t) {
				return false
			}
		}
	}
	return depth == 0
}
