package sniff

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFormat(t *testing.T) {
	docx := zipOf(t, "[Content_Types].xml", "_rels/.rels", "word/document.xml")
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"docx", docx, "docx"},
		{"truncated docx", docx[:len(docx)-30], "docx"},
		{"odt (zip, not Word)", zipOf(t, "mimetype", "content.xml"), "office"},
		{"other zip", zipOf(t, "a.txt"), "archive"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "pdf"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "image"},
		{"truetype", []byte("\x00\x01\x00\x00\x00\x0f\x00\x80\x00\x03\x00\x70GDEF"), "font"},
		{"xliff 2", []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\">"), "xliff"},
		{"xliff 1.2 with comment", []byte("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- made by po2xliff -->\n<xliff version=\"1.2\">"), "xliff"},
		{"tmx", []byte("<?xml version=\"1.0\"?><tmx version=\"1.4\">"), "tmx"},
		{"notes starting with true", []byte("true to its word, Canada said it would.\n"), "notes"},
		{"empty", nil, ""},
		{"html document", []byte("<!DOCTYPE html>\n<html><body><p>x</p></body></html>"), "html"},
		{"html fragment", []byte("<div>ITU Headquarters</div><div><br></div><div>2 May 2005</div>"), "html"},
		{"word html", []byte("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">\r\n<head>"), "html"},
		{"front matter", []byte("---\ndate: 2014-12-16\ntags: a, b\n---\n\nText\n"), "markdown"},
		{"atx heading", []byte("Minutes\n\n## Item 1\n\nText.\n"), "markdown"},
		{"list and link", []byte("Agenda:\n\n* [Meeting chat](xmpp:quic@jabber.ietf.org)\n* Minutes\n"), "markdown"},
		{"plain notes with dash bullets", []byte("ITU Headquarters\n\nCanada said:\n- one\n- two\n"), "notes"},
		{"plain notes", []byte("2 May 2005 – 14:00-17:30\nAfter some welcoming remarks, the Chair opened the meeting.\n"), "notes"},
		{"rule, not front matter", []byte("---\nThe meeting opened at 10:00.\n---\n"), "notes"},
		{"utf-16 notes", []byte("\xff\xfeA\x00B\x00\n\x00"), "notes"},
		{"utf-16 markdown", append([]byte("\xff\xfe"), []byte("#\x00 \x00T\x00\n\x00")...), "markdown"},
		{"windows-1252 notes", []byte("Caf\xe9 du matin\nR\xe9union.\n"), "notes"},
		{"scribe json", []byte("{\n  \"schema\": \"scribe-document/1\",\n  \"document\": {}}\n"), "json"},
		{"other json", []byte("{\"name\": \"minutes\"}\n"), "notes"},
		{"markdown mentioning html", []byte("# Title\n\nUse <br> in tables.\n"), "markdown"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Format(c.data); got != c.want {
				t.Errorf("Format = %q, want %q", got, c.want)
			}
		})
	}
}

// A Word document renamed .txt is detected as DOCX, so the runner can warn and read it as
// one; the fixture is the sample notes saved by LibreOffice.
func TestRenamedDocx(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "docx", "testdata", "reader", "wsis-itu-consultation-2005-05-02.docx"))
	if err != nil {
		t.Skip("docx fixture not present:", err)
	}
	if ext := FromExtension("minutes.txt"); ext != "notes" {
		t.Fatalf("FromExtension(.txt) = %q", ext)
	}
	if got := Format(data); got != "docx" {
		t.Errorf("Format = %q, want docx", got)
	}
}

func TestCorpus(t *testing.T) {
	for name, want := range map[string]string{
		"ietf97-quic-minutes.md":                "markdown",
		"fr-consortium-cahier-ag-2014-12-16.md": "markdown",
		"wsis-itu-consultation-2005-05-02.txt":  "notes",
		"hackerspace-board-minutes.txt":         "notes",
		"ietf77-httpbis-minutes-crlf.txt":       "notes",
	} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		if got := Format(data); got != want {
			t.Errorf("%s: Format = %q, want %q", name, got, want)
		}
	}
}

func TestForeignKindsAreDescribed(t *testing.T) {
	for _, kind := range foreignExtensions {
		if f, ok := ForeignKind(kind); !ok || f.What == "" || f.Hint == "" {
			t.Errorf("kind %q has no description", kind)
		}
	}
	if _, ok := ForeignKind("notes"); ok {
		t.Error("notes are foreign")
	}
}

func TestFromExtension(t *testing.T) {
	for path, want := range map[string]string{
		"a.txt": "notes", "a.TXT": "notes", "a.md": "markdown", "a.markdown": "markdown",
		"a.html": "html", "a.htm": "html", "a.docx": "docx", "a.json": "json", "a.wiki": "mediawiki", "a.mediawiki": "mediawiki",
		"a.rst": "rst", "a.irc": "irc", "a.log": "", "dir.v2/a": "", "a.pdf": "pdf", "-": "",
		"notes.fr.xlf": "xliff", "a.XLIFF": "xliff", "DejaVuSans.ttf": "font", "a.tmx": "tmx", "a.doc": "office",
	} {
		if got := FromExtension(path); got != want {
			t.Errorf("FromExtension(%q) = %q, want %q", path, got, want)
		}
	}
}
