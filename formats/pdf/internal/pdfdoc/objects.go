package pdfdoc

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strconv"
)

// objWriter writes numbered objects into the file and keeps what the cross-reference
// section needs.
//
// When the document is compressed, objects other than streams go into object streams (PDF
// 1.5), a hundred at a time, and the cross-reference section is a compressed stream: the
// structure tree, one dictionary per paragraph, heading and list item, and the
// cross-reference entries were most of a long report's bytes, and they compress tenfold.
// Uncompressed documents keep plain objects and a cross-reference table, for reading.
type objWriter struct {
	buf       *bytes.Buffer // the file from base on
	base      int
	next      int         // the next object number
	entries   []xrefEntry // by object number
	compress  bool
	deflaters *Deflaters
	scratch   bytes.Buffer
	// pack collects objects for the next object stream.
	pack struct {
		ids   []int
		offs  []int
		bodys bytes.Buffer
	}
}

// xrefEntry is where an object is: at offset in the file (stream 0), or the index-th object
// of object stream stream.
type xrefEntry struct {
	offset, stream, index int
}

// packLimit is how many objects an object stream holds.
const packLimit = 100

func (w *objWriter) header() {
	// The second line's high bytes tell transfer tools the file is binary.
	w.buf.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
}

// pos is the offset in the file of what is written next.
func (w *objWriter) pos() int { return w.buf.Len() - w.base }

// file is the file written so far.
func (w *objWriter) file() []byte { return w.buf.Bytes()[w.base:] }

// alloc returns the first of n new object numbers.
func (w *objWriter) alloc(n int) int {
	id := w.next
	w.next += n
	return id
}

// entry returns the entry of object id, growing the table as needed.
func (w *objWriter) entry(id int) *xrefEntry {
	for len(w.entries) <= id {
		w.entries = append(w.entries, xrefEntry{})
	}
	return &w.entries[id]
}

// at records that object id starts here.
func (w *objWriter) at(id int) {
	*w.entry(id) = xrefEntry{offset: w.pos()}
}

// object writes a dictionary, array or other non-stream object.
func (w *objWriter) object(id int, body []byte) {
	if w.compress {
		w.pack.ids = append(w.pack.ids, id)
		w.pack.offs = append(w.pack.offs, w.pack.bodys.Len())
		w.pack.bodys.Write(body)
		w.pack.bodys.WriteByte('\n')
		if len(w.pack.ids) == packLimit {
			w.flushPack()
		}
		return
	}
	w.at(id)
	fmt.Fprintf(w.buf, "%d 0 obj\n", id)
	w.buf.Write(body)
	w.buf.WriteString("\nendobj\n")
}

// flushPack writes the collected objects as an object stream.
func (w *objWriter) flushPack() {
	if len(w.pack.ids) == 0 {
		return
	}
	id := w.alloc(1)
	var data bytes.Buffer
	for i, o := range w.pack.ids {
		if i > 0 {
			data.WriteByte(' ')
		}
		data.WriteString(strconv.Itoa(o))
		data.WriteByte(' ')
		data.WriteString(strconv.Itoa(w.pack.offs[i]))
		*w.entry(o) = xrefEntry{stream: id, index: i}
	}
	data.WriteByte('\n')
	first := data.Len()
	data.Write(w.pack.bodys.Bytes())
	// Compression of a buffer in memory cannot fail.
	_ = w.stream(id, fmt.Sprintf(" /Type /ObjStm /N %d /First %d", len(w.pack.ids), first), data.Bytes())
	w.pack.ids, w.pack.offs = w.pack.ids[:0], w.pack.offs[:0]
	w.pack.bodys.Reset()
}

// stream writes a stream object; extra holds more dictionary entries (" /Length1 123").
func (w *objWriter) stream(id int, extra string, data []byte) error {
	filter := ""
	if w.compress {
		w.scratch.Reset()
		z := w.deflaters.get(&w.scratch)
		_, err := z.Write(data)
		if err == nil {
			err = z.Close()
		}
		w.deflaters.put(z)
		if err != nil {
			return err
		}
		data, filter = w.scratch.Bytes(), " /Filter /FlateDecode"
	}
	w.rawStream(id, filter+extra, data)
	return nil
}

// rawStream writes a stream object uncompressed, whatever the document's setting.
func (w *objWriter) rawStream(id int, extra string, data []byte) {
	w.at(id)
	fmt.Fprintf(w.buf, "%d 0 obj\n<< /Length %d%s >>\nstream\n", id, len(data), extra)
	w.buf.Write(data)
	w.buf.WriteString("\nendstream\nendobj\n")
}

// finish writes the cross-reference section and the trailer and returns the file. The
// file identifier is a hash of everything before the cross-references.
func (w *objWriter) finish(root, info int) ([]byte, error) {
	w.flushPack()
	if !w.compress {
		return w.xrefTable(root, info), nil
	}
	xrefID := w.alloc(1)
	size := w.next
	sum := sha256.Sum256(w.file())
	fileID := fmt.Sprintf("%X", sum[:16])
	w.at(xrefID)
	xref := w.entries[xrefID].offset
	// Entries: type (1 byte), offset or object stream (4 bytes), generation or index (2).
	data := make([]byte, 0, 7*size)
	for i := range size {
		var e xrefEntry
		if i < len(w.entries) {
			e = w.entries[i]
		}
		switch {
		case i == 0:
			data = append(data, 0, 0, 0, 0, 0, 0xFF, 0xFF)
		case e.stream != 0:
			data = append(data, 2, byte(e.stream>>24), byte(e.stream>>16), byte(e.stream>>8), byte(e.stream), byte(e.index>>8), byte(e.index))
		default:
			data = append(data, 1, byte(e.offset>>24), byte(e.offset>>16), byte(e.offset>>8), byte(e.offset), 0, 0)
		}
	}
	if err := w.stream(xrefID, fmt.Sprintf(" /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]",
		size, root, info, fileID, fileID), data); err != nil {
		return nil, err
	}
	fmt.Fprintf(w.buf, "startxref\n%d\n%%%%EOF\n", xref)
	return w.file(), nil
}

// xrefTable writes a cross-reference table and a trailer dictionary.
func (w *objWriter) xrefTable(root, info int) []byte {
	size := w.next
	sum := sha256.Sum256(w.file())
	id := fmt.Sprintf("%X", sum[:16])
	xref := w.pos()
	fmt.Fprintf(w.buf, "xref\n0 %d\n0000000000 65535 f \n", size)
	for i := 1; i < size; i++ {
		off := 0
		if i < len(w.entries) {
			off = w.entries[i].offset
		}
		fmt.Fprintf(w.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(w.buf, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n",
		size, root, info, id, id, xref)
	return w.file()
}
