package notes_test

import (
	"regexp"
	"testing"

	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/formats/notes"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
)

// FuzzWordsKept checks that nothing is lost: every word of plain-text notes outside what
// the reader drops (list and heading markers, front-matter keys, page numbers of PDF
// extractions) is in the model, and the reader keeps its other promises (documented
// errors only, a position on every block).
func FuzzWordsKept(f *testing.F) {
	fuzzdoc.AddFiles(f, "testdata/*.txt", "../../testdata/corpus/*.txt", "../../testdata/i18n/*.txt", "../../testdata/bad/*.txt")
	f.Add([]byte("Points:\n- a\n  - b\n    - c\n(i) d\n> q\n“open\n\nclose”\n# H\n== W ==\nT\n---\n"))
	f.Add([]byte("Venue: Geneva\nDate: 2 May 2005\n\nAGENDA ITEM 1\n\nCanada recalled that the meeting\nwas called to order.\n\n2 | Page\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckRead(t, notes.New(), "f.txt", data, droppableNotes)
	})
}

var (
	// notesFrontKey is a front-matter key ("title:") between "---" lines.
	notesFrontKey = regexp.MustCompile(`(?m)^[A-Za-z_][\w-]*:`)
	// notesPageNumber is page furniture: "Page 3 of 9", "2 | Pa ge", a line of digits.
	notesPageNumber = regexp.MustCompile(`(?mi)^.*\b(?:p\s?a\s?g\s?e|pg)\b.*$|^[\s\d|/-]+$`)
)

// droppableNotes removes from notes what the reader may drop, generously. The rules are
// judged on the text as the inference engine cleans it ("\r" ends a line, "\u200b" is
// nothing).
func droppableNotes(text string) string {
	text = readertest.FrontMatterKeys(readertest.WithoutFurniture(readertest.EngineText(text)))
	text = readertest.NotesMarker.ReplaceAllString(text, " ")
	text = notesFrontKey.ReplaceAllString(text, " ")
	return notesPageNumber.ReplaceAllString(text, " ")
}
