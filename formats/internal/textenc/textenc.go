// Package textenc turns the bytes of a text input into valid UTF-8: it strips a BOM, decodes
// UTF-16 (with BOM) and Windows-1252 files saved by older editors, and refuses binary data.
// Every text reader (notes, Markdown, HTML) calls Decode first, so the PDF and XML writers
// never see invalid UTF-8.
package textenc

import (
	"bytes"
	"context"
	"unicode/utf8"

	"github.com/scribe-un/scribe/pipeline/model"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Result is decoded text and what was done to get it.
type Result struct {
	Text string
	// Encoding names the source encoding: "utf-8", "utf-16le", "utf-16be", "windows-1252".
	Encoding string
	// Converted is true when the input was not UTF-8 and was transcoded (readers warn).
	Converted bool
}

// Text decodes the input of a reader (Decode) and, when it was not UTF-8, warns that it
// was converted.
func Text(stage string, data []byte, opts model.ReadOptions) (string, error) {
	res, err := Decode(stage, opts.Name, data)
	if err != nil {
		return "", err
	}
	if res.Converted {
		opts.Warnings.Warn(stage, model.Pos{File: opts.Name}, "file is %s, not UTF-8; converted", res.Encoding)
	}
	return res.Text, nil
}

// Input is the first step of a text reader: it stops when ctx is done, refuses input
// above the size limit, and decodes the rest (Text).
func Input(ctx context.Context, stage string, data []byte, opts model.ReadOptions) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if err := opts.Limits.CheckInput(stage, opts.Name, len(data)); err != nil {
		return "", err
	}
	return Text(stage, data, opts)
}

// Decode returns the input as UTF-8 text. stage names the calling reader for errors.
// Empty or whitespace-only input is ErrEmpty; input with NUL bytes or many control bytes
// (an image renamed .txt) is ErrBinary; text that is neither UTF-8 nor Windows-1252 is
// ErrEncoding. Errors name the file and, where there is one, the line.
func Decode(stage, name string, data []byte) (Result, error) {
	pos := model.Pos{File: name}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		label := "utf-16le"
		if data[0] == 0xFE {
			enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
			label = "utf-16be"
		}
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil || !utf8.Valid(out) {
			return Result{}, model.Errorf(stage, pos, model.ErrEncoding, "invalid %s", label)
		}
		if err := checkText(stage, name, out); err != nil {
			return Result{}, err
		}
		return Result{Text: string(out), Encoding: label, Converted: true}, nil
	}
	if err := checkText(stage, name, data); err != nil {
		return Result{}, err
	}
	if utf8.Valid(data) {
		return Result{Text: string(data), Encoding: "utf-8"}, nil
	}
	// Not UTF-8. Windows-1252 is what Word and Notepad on Western systems saved for
	// decades; its five undefined bytes (0x81 0x8D 0x8F 0x90 0x9D) mean it is something else.
	line := 1
	for i, b := range data {
		if b == '\n' {
			line++
		}
		switch b {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			_ = i
			return Result{}, model.Errorf(stage, model.Pos{File: name, Line: line}, model.ErrEncoding,
				"byte 0x%02X is not UTF-8 and not Windows-1252", b)
		}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return Result{}, model.Errorf(stage, pos, model.ErrEncoding, "%v", err)
	}
	return Result{Text: string(out), Encoding: "windows-1252", Converted: true}, nil
}

// checkText refuses empty input and binary data. A text file may hold tabs, form feeds and
// line breaks but no NUL and few other C0 controls.
func checkText(stage, name string, data []byte) error {
	pos := model.Pos{File: name}
	if len(bytes.TrimSpace(bytes.ReplaceAll(data, []byte("\u00a0"), nil))) == 0 {
		if len(data) == 0 {
			return model.Errorf(stage, pos, model.ErrEmpty, "file is empty")
		}
		return model.Errorf(stage, pos, model.ErrEmpty, "file holds only white space")
	}
	controls, line := 0, 1
	for _, b := range data {
		switch {
		case b == '\n':
			line++
		case b == 0:
			return model.Errorf(stage, model.Pos{File: name, Line: line}, model.ErrBinary, "NUL byte (is this an image or a document saved in another format?)")
		case b < 0x20 && b != '\t' && b != '\r' && b != '\f' && b != '\v', b == 0x7F:
			controls++
		}
	}
	if controls > 8 && controls*100 > len(data) {
		return model.Errorf(stage, pos, model.ErrBinary, "%d control bytes", controls)
	}
	return nil
}
