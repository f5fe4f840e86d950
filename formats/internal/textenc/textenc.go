// Package textenc turns the bytes of a text input into valid UTF-8: it strips a BOM, decodes
// UTF-16 (with a BOM, or recognised without one) and Windows-1252 files saved by older
// editors, keeps a UTF-8 file UTF-8 when a few lines are not (decoding only those), and
// refuses binary data.
// Every text reader (notes, Markdown, HTML) calls Decode first, so the PDF and XML writers
// never see invalid UTF-8.
package textenc

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/scribe-un/scribe/pipeline/model"
	"golang.org/x/text/encoding"
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
	// Lines, for a UTF-8 file with a few lines in another encoding, are those lines
	// (1-based), each decoded as Windows-1252 (readers warn, naming them).
	Lines []int
}

// Text decodes the input of a reader (Decode) and, when it was not UTF-8, warns that it
// was converted.
func Text(stage string, data []byte, opts model.ReadOptions) (string, error) {
	return text(stage, data, opts, false)
}

// Borrowed is Text for a reader that keeps no part of the text: when data is UTF-8 the text
// is data itself, not a copy, so a 12 MB input is not held twice while it is read. The
// caller copies whatever it keeps of the text, and data must not change while the text is
// in use.
func Borrowed(stage string, data []byte, opts model.ReadOptions) (string, error) {
	return text(stage, data, opts, true)
}

func text(stage string, data []byte, opts model.ReadOptions, borrow bool) (string, error) {
	res, err := decode(stage, opts.Name, data, borrow)
	if err != nil {
		return "", err
	}
	switch {
	case len(res.Lines) > 0:
		opts.Warnings.Warn(stage, model.Pos{File: opts.Name, Line: res.Lines[0]}, "%s not UTF-8 like the rest of the file; read as Windows-1252", linesPhrase(res.Lines))
	case res.Converted:
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
	return decode(stage, name, data, false)
}

// decode is Decode; with borrow, the text of a UTF-8 input is data itself (Borrowed).
func decode(stage, name string, data []byte, borrow bool) (Result, error) {
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
	if enc, label, ok := sniffUTF16(data); ok {
		out, err := enc.NewDecoder().Bytes(data)
		if err == nil && utf8.Valid(out) && checkText(stage, name, out) == nil {
			return Result{Text: string(out), Encoding: label, Converted: true}, nil
		}
	}
	if err := checkText(stage, name, data); err != nil {
		return Result{}, err
	}
	if utf8.Valid(data) {
		if borrow && len(data) > 0 {
			return Result{Text: unsafe.String(unsafe.SliceData(data), len(data)), Encoding: "utf-8"}, nil
		}
		return Result{Text: string(data), Encoding: "utf-8"}, nil
	}
	if hasUTF8Sequence(data) {
		// UTF-8 with a few stray bytes (a line pasted from a Windows-1252 file): only the
		// lines that are not UTF-8 are decoded, the rest keeps its characters.
		return decodeLines(stage, name, data)
	}
	// Not UTF-8 at all. Windows-1252 is what Word and Notepad on Western systems saved for
	// decades.
	out, err := windows1252(stage, name, 1, data)
	if err != nil {
		return Result{}, err
	}
	return Result{Text: string(out), Encoding: "windows-1252", Converted: true}, nil
}

// windows1252 decodes data, whose first line is line first, as Windows-1252; its five
// undefined bytes (0x81 0x8D 0x8F 0x90 0x9D) mean it is something else.
func windows1252(stage, name string, first int, data []byte) ([]byte, error) {
	line := first
	for _, b := range data {
		switch b {
		case '\n':
			line++
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return nil, model.Errorf(stage, model.Pos{File: name, Line: line}, model.ErrEncoding,
				"byte 0x%02X is not UTF-8 and not Windows-1252", b)
		}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, model.Errorf(stage, model.Pos{File: name, Line: first}, model.ErrEncoding, "%v", err)
	}
	return out, nil
}

// decodeLines keeps the UTF-8 of data and reads each byte that is not UTF-8 as the
// Windows-1252 character it is (0x80 €, 0xE9 é), noting its line.
func decodeLines(stage, name string, data []byte) (Result, error) {
	var out strings.Builder
	out.Grow(len(data) + len(data)/8)
	res := Result{Encoding: "utf-8"}
	line, marked := 1, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c == '\n' {
			line++
		}
		if c < utf8.RuneSelf {
			out.WriteByte(c)
			i++
			continue
		}
		if r, n := utf8.DecodeRune(data[i:]); r != utf8.RuneError || n > 1 {
			out.Write(data[i : i+n])
			i += n
			continue
		}
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return Result{}, model.Errorf(stage, model.Pos{File: name, Line: line}, model.ErrEncoding,
				"byte 0x%02X is not UTF-8 and not Windows-1252", c)
		}
		out.WriteRune(charmap.Windows1252.DecodeByte(c))
		if marked != line {
			res.Lines, marked = append(res.Lines, line), line
		}
		i++
	}
	res.Text = out.String()
	return res, nil
}

// hasUTF8Sequence reports whether data holds at least one valid multi-byte UTF-8
// character: then it was written as UTF-8, and bytes that are not are strays.
func hasUTF8Sequence(data []byte) bool {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || n > 1 {
			return true
		}
		i++
	}
	return false
}

// sniffUTF16 recognises UTF-16 without a byte order mark (Windows tools write it): text of
// mostly Latin, Cyrillic or Arabic letters has a zero in the high byte of most code units,
// so zeros fill one byte position of each pair and almost never the other.
func sniffUTF16(data []byte) (encoding.Encoding, string, bool) {
	head := data[:min(len(data), 4096)&^1]
	if len(head) < 8 {
		return nil, "", false
	}
	var even, odd int
	for i := 0; i < len(head); i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := len(head) / 2
	switch {
	case odd*10 >= pairs*4 && even*20 < pairs:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", true
	case even*10 >= pairs*4 && odd*20 < pairs:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", true
	}
	return nil, "", false
}

// linesPhrase names a few lines: "line 3", "lines 3, 7 and 9", "lines 3, 7, 9 and 4 more".
func linesPhrase(lines []int) string {
	if len(lines) == 1 {
		return fmt.Sprintf("line %d is", lines[0])
	}
	shown := lines[:min(len(lines), 3)]
	parts := make([]string, len(shown))
	for i, l := range shown {
		parts[i] = strconv.Itoa(l)
	}
	if more := len(lines) - len(shown); more > 0 {
		return fmt.Sprintf("lines %s and %d more are", strings.Join(parts, ", "), more)
	}
	return fmt.Sprintf("lines %s and %s are", strings.Join(parts[:len(parts)-1], ", "), parts[len(parts)-1])
}

// checkText refuses empty input and binary data. A text file may hold tabs, form feeds and
// line breaks but no NUL and few other C0 controls.
func checkText(stage, name string, data []byte) error {
	pos := model.Pos{File: name}
	// A printable ASCII character, which neither the replacement nor the trimming removes,
	// says at once the file is not blank; only a file without one is copied to find out.
	if !hasGraphicASCII(data) && len(bytes.TrimSpace(bytes.ReplaceAll(data, []byte("\u00a0"), nil))) == 0 {
		if len(data) == 0 {
			return model.Errorf(stage, pos, model.ErrEmpty, "file is empty")
		}
		return model.Errorf(stage, pos, model.ErrEmpty, "file holds only white space")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line := 1 + bytes.Count(data[:i], []byte{'\n'})
		return model.Errorf(stage, model.Pos{File: name, Line: line}, model.ErrBinary, "NUL byte (is this an image or a document saved in another format?)")
	}
	// Counted without a branch per byte: this loop reads every byte of every input.
	controls := 0
	for _, b := range data {
		controls += int(controlByte[b])
	}
	if controls > 8 && controls*100 > len(data) {
		return model.Errorf(stage, pos, model.ErrBinary, "%d control bytes", controls)
	}
	return nil
}

// controlByte is 1 for the control bytes a text file holds few of: C0 controls other than
// NUL (refused on its own), tab, line feed, carriage return, form feed and vertical tab,
// and DEL.
var controlByte = func() (t [256]uint8) {
	for b := 1; b < 0x20; b++ {
		switch b {
		case '\t', '\n', '\r', '\f', '\v':
		default:
			t[b] = 1
		}
	}
	t[0x7F] = 1
	return t
}()

// hasGraphicASCII reports a printable ASCII character other than the space in data.
func hasGraphicASCII(data []byte) bool {
	for _, b := range data {
		if b > ' ' && b < 0x7f {
			return true
		}
	}
	return false
}
