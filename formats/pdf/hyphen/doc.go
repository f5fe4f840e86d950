// Package hyphen finds where words may be hyphenated at a line end, in English,
// French, Spanish and Russian, with Frank Liang's algorithm (the one TeX uses) and
// pattern files embedded in the binary: TeX's hyph-utf8 patterns for French, Spanish
// and Russian, and for English the patterns LibreOffice uses (patterns/README.md
// gives sources, licences and the reasons). It needs nothing from the machine it runs
// on, and gives the same breaks everywhere.
//
// # Use in a layout
//
// Load a Dict once per language and share it; it is read-only, so concurrent
// conversions may use it at once. The first Load of a language reads its compiled
// patterns in place (microseconds); later calls return the same Dict.
//
//	d, err := hyphen.Load(lang) // "en", "fr-FR", "es", "ru"; ErrUnsupported otherwise
//	if errors.Is(err, hyphen.ErrUnsupported) {
//		// no hyphenation for this language: break at spaces only
//	}
//
// When a word does not fit at the end of a line, ask for its breaks and take the last
// one whose first part, plus a hyphen when Break.Hyphen is set, still fits:
//
//	for _, b := range d.Breaks(token, hyphen.Rules{}) {
//		head := token[:b.Byte] // then token[b.Byte:] starts the next line
//		if b.Hyphen {
//			head += "-" // drop any soft hyphen (U+00AD) from head first
//		}
//		…
//	}
//
// A token is the text between two spaces as it is printed, punctuation included:
// Breaks keeps brackets, quotes and stops with their word, and leaves whole what must
// not be broken: numbers, document symbols (A/HRC/59/1), URLs, e-mail addresses,
// words in capitals (acronyms) and, with Rules.SkipCapitalized, capitalised words. A
// compound such as "Secretary-General" breaks only after its own hyphen (Hyphen is
// false there), a word with soft hyphens only at them, and a French elision stays
// with its word ("l’éco-no-mie"). Offsets are given in bytes and in runes of the
// token as passed; matching ignores case.
//
// Breaks cannot see the paragraph: the caller must not hyphenate the last word of a
// paragraph, nor text in another language than the Dict's, and should not end two
// lines running with a hyphen more often than its house style allows. A token split
// across styles (a word half in italics) should be passed whole, its pieces rejoined.
//
// For the same breaks as LibreOffice rendering scribe's DOCX (with Debian's
// hyphen-en-us, hyphen-fr, hyphen-es, hyphen-ru dictionaries), keep Rules at their
// defaults, set the DOCX language to en-US for English (LibreOffice has no en-GB
// hyphenation dictionary unless hyphen-en-gb is installed), and set
// w:doNotHyphenateCaps, since Breaks never hyphenates words in capitals. English and
// French then agree on every word; Spanish and Russian on most (patterns/README.md).
//
// Points is the algorithm alone, on one word, for tests and tools; Hyphenate shows
// its result ("hy-phen-ation").
package hyphen
