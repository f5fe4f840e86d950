package textenc

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"unsafe"

	"golang.org/x/text/encoding/unicode"

	"github.com/scribe-un/scribe/pipeline/model"
)

func utf16Bytes(t *testing.T, s string, order unicode.Endianness) []byte {
	t.Helper()
	b, err := unicode.UTF16(order, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Issue 15, defect 9: UTF-16 without a byte order mark was called binary data, and a UTF-8
// file with one stray Windows-1252 byte was read wholly as Windows-1252 (its "é" turned
// into "Ã©").
func TestDecodeMixedAndUnmarked(t *testing.T) {
	notes := "Genève, 2 mai 2005\n\nLe Canada a déclaré que la réunion continuerait.\n"
	tests := []struct {
		name     string
		data     []byte
		text     string
		encoding string
		lines    []int
		err      error
	}{
		{"UTF-16LE without BOM", utf16Bytes(t, notes, unicode.LittleEndian), notes, "utf-16le", nil, nil},
		{"UTF-16BE without BOM", utf16Bytes(t, notes, unicode.BigEndian), notes, "utf-16be", nil, nil},
		{"UTF-8 with a stray byte", []byte("Genève\n\nPrix: 5 \x80 le café\n"), "Genève\n\nPrix: 5 € le café\n", "utf-8", []int{3}, nil},
		{"Windows-1252 throughout", []byte("Gen\xe8ve\nr\xe9union\n"), "Genève\nréunion\n", "windows-1252", nil, nil},
		{"stray undefined byte", []byte("Genève\nbad \x81 byte\n"), "", "", nil, model.ErrEncoding},
		{"binary stays binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"), "", "", nil, model.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Decode("notes", "n.txt", tt.data)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.text || res.Encoding != tt.encoding || !reflect.DeepEqual(res.Lines, tt.lines) {
				t.Errorf("got %q (%s, lines %v), want %q (%s, lines %v)", res.Text, res.Encoding, res.Lines, tt.text, tt.encoding, tt.lines)
			}
		})
	}
}

func TestMixedLinesWarning(t *testing.T) {
	var w model.Warnings
	if _, err := Text("notes", []byte("é\nx \x80\ny\nz \xe9\n"), model.ReadOptions{Name: "n.txt", Warnings: &w}); err != nil {
		t.Fatal(err)
	}
	if w.Len() != 1 || w.List()[0].String() != "notes: n.txt:2: lines 2 and 4 are not UTF-8 like the rest of the file; read as Windows-1252" {
		t.Errorf("warnings %v", w.List())
	}
}

// Borrowed reads as Text does; a UTF-8 input is not copied, and the checks that refuse
// binary data name the same line.
func TestBorrowed(t *testing.T) {
	inputs := [][]byte{
		[]byte("Genève\n\nLe Canada a déclaré.\n"),
		[]byte("\xef\xbb\xbfWith a BOM\n"),
		[]byte("Gen\xe8ve\nr\xe9union\n"),
		[]byte("one\ntwo\nthree \x00 four\n"),
		[]byte("a\x01b\x02c\x03d\x04e\x05f\x06g\x07h\x08i\x0e"),
		[]byte(" \u00a0\n"),
		{},
	}
	for _, data := range inputs {
		opts := model.ReadOptions{Name: "n.txt", Warnings: &model.Warnings{}}
		want, wantErr := Text("notes", data, opts)
		got, err := Borrowed("notes", data, opts)
		if got != want || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Errorf("Borrowed(%q) = %q, %v; Text gives %q, %v", data, got, err, want, wantErr)
		}
	}
	data := []byte("Genève\n")
	if got, _ := Borrowed("notes", data, model.ReadOptions{Name: "n.txt"}); unsafe.StringData(got) != &data[0] {
		t.Error("Borrowed copied a UTF-8 input")
	}
}
