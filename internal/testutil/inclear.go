package testutil

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"
)

var flateStream = regexp.MustCompile(`(?s)/Length (\d+)[^>]*/Filter /FlateDecode[^>]*>>\nstream\n`)

// PDFInClear is pdf with the content of every compressed stream (object streams included)
// appended in clear, for tests that look for a dictionary or a string in a compressed file.
func PDFInClear(t testing.TB, pdf []byte) []byte {
	t.Helper()
	out := bytes.Clone(pdf)
	for _, m := range flateStream.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		if m[1]+n > len(pdf) {
			t.Fatalf("a stream's /Length %d runs past the end of the file", n)
		}
		z, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		out = append(append(out, '\n'), data...)
	}
	return out
}

// ZipParts unzips a package (a DOCX) into part name → content, and the names in archive order.
func ZipParts(t testing.TB, data []byte) (map[string][]byte, []string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
		names = append(names, f.Name)
	}
	return parts, names
}

// ZipInClear is the content of every part of a zip package (a DOCX), one after the other,
// for tests that look for a string anywhere in it.
func ZipInClear(t testing.TB, data []byte) []byte {
	t.Helper()
	parts, names := ZipParts(t, data)
	var out []byte
	for _, n := range names {
		out = append(append(out, '\n'), parts[n]...)
	}
	return out
}
