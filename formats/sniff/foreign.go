package sniff

import (
	"bytes"
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
)

// Foreign describes a kind of file that is not notes but turns up beside notes (a
// translator's XLIFF, a font, a finished PDF): converting it would make a "report" of its
// bytes, so it is refused with a line saying what it is and where it belongs.
type Foreign struct {
	// What names the kind, with its article ("an XLIFF translation file").
	What string
	// Hint says what to do with such a file instead ("give it to --translations").
	Hint string
}

// foreignKinds are the format names FromExtension and Format give foreign files.
var foreignKinds = map[string]Foreign{
	"xliff":    {"an XLIFF translation file", "translations come back in with convert --translations"},
	"tmx":      {"a TMX translation memory", "memories are read by extract --tm"},
	"tbx":      {"a TBX termbase", "termbases are read by extract --glossary"},
	"po":       {"a PO translation file", "turn it into XLIFF (po2xliff) and give that to convert --translations"},
	"font":     {"a font file", "fonts are given with --font or --font-dir"},
	"pdf":      {"a PDF document", "scribe writes PDF but reads notes: give the notes it was made from"},
	"image":    {"an image", "scribe reads notes as text, Markdown, Word or HTML"},
	"archive":  {"an archive that is not a Word document", "unpack it and convert the notes inside"},
	"office":   {"an office document scribe does not read", "save it as .docx (Word) or plain text"},
	"manifest": {"scribe's own output manifest", "it is written by --skip-unchanged, not converted"},
}

// ForeignKind reports whether format (as returned by FromExtension or Format) names a kind
// of file that is not notes, and describes it.
func ForeignKind(format string) (Foreign, bool) {
	f, ok := foreignKinds[format]
	return f, ok
}

// ForeignKinds lists the format names of foreign files, for registering refusals.
func ForeignKinds() []string {
	out := make([]string, 0, len(foreignKinds))
	for k := range foreignKinds {
		out = append(out, k)
	}
	return out
}

// foreignExtensions maps extensions of foreign files to their kind.
var foreignExtensions = map[string]string{
	".xlf": "xliff", ".xliff": "xliff", ".sdlxliff": "xliff", ".mqxliff": "xliff",
	".tmx": "tmx", ".tbx": "tbx", ".po": "po", ".pot": "po",
	".ttf": "font", ".otf": "font", ".ttc": "font", ".woff": "font", ".woff2": "font",
	".pdf": "pdf",
	".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image", ".tif": "image", ".tiff": "image", ".webp": "image", ".svg": "image",
	".zip": "archive", ".gz": "archive", ".tgz": "archive", ".7z": "archive", ".tar": "archive",
	".doc": "office", ".odt": "office", ".rtf": "office", ".pages": "office", ".xlsx": "office", ".pptx": "office",
}

// xmlRoot finds the first element of an XML document after its prolog.
var xmlRoot = lazyre.New(`^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z][\w.:-]*)`)

// foreignContent recognises foreign files by their first bytes: font and image signatures,
// PDF, and the XML roots of translation formats.
func foreignContent(data []byte) string {
	for _, sig := range []struct {
		magic, kind string
	}{
		{"\x00\x01\x00\x00", "font"}, {"OTTO", "font"}, {"true", "font"}, {"ttcf", "font"}, {"wOFF", "font"}, {"wOF2", "font"},
		{"%PDF-", "pdf"},
		{"\x89PNG\r\n\x1a\n", "image"}, {"\xff\xd8\xff", "image"}, {"GIF87a", "image"}, {"GIF89a", "image"},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "office"}, {"{\\rtf", "office"},
		{"\x1f\x8b", "archive"},
	} {
		if bytes.HasPrefix(data, []byte(sig.magic)) {
			if sig.kind == "font" && !strings.HasPrefix(sig.magic, "w") && !sfntHeader(data) {
				continue // a text file that happens to start "true"
			}
			return sig.kind
		}
	}
	head := bytes.TrimPrefix(data[:min(len(data), 4096)], []byte{0xEF, 0xBB, 0xBF})
	head = bytes.TrimLeft(head, " \t\r\n")
	if m := xmlRoot.FindSubmatch(head); m != nil {
		root := strings.ToLower(string(m[1]))
		if i := strings.IndexByte(root, ':'); i >= 0 {
			root = root[i+1:]
		}
		switch root {
		case "xliff":
			return "xliff"
		case "tmx":
			return "tmx"
		case "martif", "tbx":
			return "tbx"
		}
	}
	return ""
}

// sfntHeader checks the table count of a TrueType/OpenType header: a big-endian number of
// tables below 256, which text never spells.
func sfntHeader(data []byte) bool {
	return len(data) >= 12 && data[4] == 0 && data[5] > 0
}
