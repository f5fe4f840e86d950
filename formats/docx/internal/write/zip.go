package write

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"hash"
	"hash/crc32"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/scribe-un/scribe/formats/internal/freelist"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Why the writer brings its own deflate compressor to archive/zip:
//
// A seed-sized report is 14 small parts. archive/zip resets a pooled flate compressor for
// each, and a reset clears the match hash tables (about 640 KB); compressing the parts and
// clearing those tables was a third of the CPU time of a whole notes → DOCX conversion. Most
// parts (styles, numbering, settings, font table, the empty header, the page-number footer,
// the package relationships, app.xml) are the same bytes for every document of one language,
// so the writer keeps their compressed form and copies it into the next package.
//
// The compressed bytes are exactly what archive/zip itself would write: the same flate level
// (zipLevel, archive/zip's), one Write of the whole part and a Close on a fresh or reset
// compressor, and archive/zip still computes the CRC, the sizes and every header itself.

// zipLevel is the flate level archive/zip uses for zip.Deflate; keeping it keeps the bytes.
const zipLevel = 5

// Bounds of the compressed-part cache: a part larger than zipCacheMaxPart, or one that would
// take the cache over zipCacheMaxBytes (keys and values), is compressed every time instead.
const (
	zipCacheMaxPart  = 64 << 10
	zipCacheMaxBytes = 4 << 20
)

// deflateCache lends flate compressors and remembers the compressed form of recurring parts.
// One belongs to each writer value (never to the package) and is safe for concurrent use; it
// holds only parts marked shared, whose bytes come from the locale, the options and the
// reference document, never from a document's text.
type deflateCache struct {
	idle freelist.List[*flate.Writer] // at zipLevel

	mu    sync.RWMutex
	cache map[string][]byte // part bytes → their deflated bytes
	size  int               // bytes held by cache, keys and values
}

// newDeflateCache returns an empty deflater.
func newDeflateCache() *deflateCache {
	return &deflateCache{cache: map[string][]byte{}}
}

// flateWriter returns a compressor writing to out, from the pool when one is free.
func (d *deflateCache) flateWriter(out io.Writer) *flate.Writer {
	if fw, ok := d.idle.Get(); ok {
		fw.Reset(out)
		return fw
	}
	fw, _ := flate.NewWriter(out, zipLevel) // the level is valid: no error
	return fw
}

// deflate writes data compressed to out, as one Write and a Close of a compressor.
func (d *deflateCache) deflate(out io.Writer, data []byte) error {
	fw := d.flateWriter(out)
	_, err := fw.Write(data)
	if cerr := fw.Close(); err == nil {
		err = cerr
	}
	d.idle.Put(fw)
	return err
}

// lookup returns the remembered compressed form of data.
func (d *deflateCache) lookup(data []byte) ([]byte, bool) {
	d.mu.RLock()
	z, ok := d.cache[string(data)] // no allocation: the conversion is only a map key
	d.mu.RUnlock()
	return z, ok
}

// remember stores the compressed form of data, unless the cache is full.
func (d *deflateCache) remember(data, z []byte) {
	n := len(data) + len(z)
	if len(data) > zipCacheMaxPart {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.cache[string(data)]; ok || d.size+n > zipCacheMaxBytes {
		return
	}
	d.cache[string(data)] = z
	d.size += n
}

// partDeflater is the io.WriteCloser archive/zip writes one part through. A shared part is
// collected and, at Close, copied from the cache or compressed and remembered; any other part
// is compressed as it comes.
type partDeflater struct {
	d      *deflateCache
	out    io.Writer
	shared bool
	fw     *flate.Writer // streaming compressor of an unshared part
	buf    []byte        // the shared part's bytes so far
}

// Write compresses or collects p.
func (w *partDeflater) Write(p []byte) (int, error) {
	if w.shared {
		w.buf = append(w.buf, p...)
		return len(p), nil
	}
	if w.fw == nil {
		w.fw = w.d.flateWriter(w.out)
	}
	return w.fw.Write(p)
}

// Close finishes the part's deflate stream.
func (w *partDeflater) Close() error {
	if !w.shared {
		if w.fw == nil {
			w.fw = w.d.flateWriter(w.out)
		}
		err := w.fw.Close()
		w.d.idle.Put(w.fw)
		w.fw = nil
		return err
	}
	if z, ok := w.d.lookup(w.buf); ok {
		_, err := w.out.Write(z)
		return err
	}
	var z bytes.Buffer
	if err := w.d.deflate(&z, w.buf); err != nil {
		return err
	}
	w.d.remember(w.buf, z.Bytes())
	_, err := w.out.Write(z.Bytes())
	return err
}

// streamingPart is a part compressed as it is written, for word/document.xml: a long document
// is held as its compressed bytes only. It keeps what the zip headers need: the CRC-32 and
// the size of the uncompressed bytes.
//
// The part is cut into blocks of zBlockSize bytes, each compressed on its own (as pigz does):
// every block but the last ends with a sync flush, which aligns it to a byte and leaves the
// stream open, and the last is closed, so the blocks' compressed bytes, joined in order, are
// one deflate stream. A block's bytes depend only on its own text, never on when or where it
// was compressed, so the package is the same whatever the number of cores; a part of one
// block (every ordinary report) is exactly what archive/zip would write. Blocks are
// compressed on up to GOMAXPROCS goroutines while the writer prints the next ones, which
// takes deflate, a quarter of a long document's CPU, off its critical path.
type streamingPart struct {
	d    *deflateCache
	buf  []byte     // the block being filled
	done []*zBlock  // the blocks handed over, in order
	free [][]byte   // block buffers compressed and free again, under mu
	mu   sync.Mutex // guards free
	sem  chan struct{}
	wg   sync.WaitGroup
	crc  hash.Hash32
	size int64
}

// zBlockSize is the uncompressed size of a streamingPart's blocks. Each restarts deflate's
// 32 KB window: at 1 MB the part grows by about 0.3 % (a 27 MB document.xml), at 256 KB by
// 1.3 %.
const zBlockSize = 1 << 20

// zBlock is one compressed block of a streamingPart.
type zBlock struct {
	z   chunkBuffer
	err error
}

// chunkBuffer holds bytes in fixed-size chunks: a long document's compressed body grows
// without the copies and the up to doubled capacity of a bytes.Buffer, whose old and new
// arrays were both live at each growth (the largest moment of a long DOCX's memory).
type chunkBuffer struct {
	chunks [][]byte
	n      int
}

// chunkSize is the size of a chunkBuffer's chunks.
const chunkSize = 64 << 10

// Write appends p.
func (c *chunkBuffer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if k := len(c.chunks); k == 0 || len(c.chunks[k-1]) == chunkSize {
			c.chunks = append(c.chunks, make([]byte, 0, chunkSize))
		}
		last := &c.chunks[len(c.chunks)-1]
		m := min(len(p), chunkSize-len(*last))
		*last = append(*last, p[:m]...)
		p = p[m:]
	}
	c.n += n
	return n, nil
}

// Len is the number of bytes held.
func (c *chunkBuffer) Len() int { return c.n }

// WriteTo writes the bytes held to w.
func (c *chunkBuffer) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, b := range c.chunks {
		m, err := w.Write(b)
		n += int64(m)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// streamPart starts a compressed part.
func (d *deflateCache) streamPart() *streamingPart {
	return &streamingPart{d: d, crc: crc32.NewIEEE(), sem: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// Write compresses b.
func (p *streamingPart) Write(b []byte) (int, error) {
	p.crc.Write(b)
	p.size += int64(len(b))
	n := len(b)
	for len(b) > 0 {
		if p.buf == nil {
			p.buf = p.block()
		}
		m := min(len(b), zBlockSize-len(p.buf))
		p.buf = append(p.buf, b[:m]...)
		b = b[m:]
		if len(p.buf) == zBlockSize {
			p.spill(false)
		}
	}
	return n, nil
}

// block returns an empty block buffer, a free one when there is one.
func (p *streamingPart) block() []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		b := p.free[n-1]
		p.free = p.free[:n-1]
		return b[:0]
	}
	return make([]byte, 0, zBlockSize)
}

// spill hands the block being filled to a compressor; the last one (final) closes the stream.
// A part of one block is compressed on the calling goroutine.
func (p *streamingPart) spill(final bool) {
	data := p.buf
	p.buf = nil
	blk := &zBlock{}
	p.done = append(p.done, blk)
	if final && len(p.done) == 1 {
		blk.err = p.d.deflate(&blk.z, data)
		return
	}
	p.sem <- struct{}{}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		fw := p.d.flateWriter(&blk.z)
		_, err := fw.Write(data)
		if final {
			err = cmp.Or(err, fw.Close())
		} else {
			err = cmp.Or(err, fw.Flush())
		}
		blk.err = err
		p.d.idle.Put(fw)
		if data != nil {
			p.mu.Lock()
			p.free = append(p.free, data)
			p.mu.Unlock()
		}
		<-p.sem
	}()
}

// finish ends the compressed stream and waits for every block.
func (p *streamingPart) finish() error {
	p.spill(true)
	p.wg.Wait()
	p.free = nil
	for _, b := range p.done {
		if b.err != nil {
			return b.err
		}
	}
	return nil
}

// release waits for the blocks being compressed; finish calls it, and a failed write should.
func (p *streamingPart) release() {
	p.wg.Wait()
	p.free = nil
	p.buf = nil
}

// zLen is the size of the compressed part (after finish).
func (p *streamingPart) zLen() int {
	n := 0
	for _, b := range p.done {
		n += b.z.Len()
	}
	return n
}

// writeTo writes the compressed part to w (after finish).
func (p *streamingPart) writeTo(w io.Writer) error {
	for _, b := range p.done {
		if _, err := b.z.WriteTo(w); err != nil {
			return err
		}
	}
	return nil
}

// rawHeader is the header archive/zip's CreateHeader would write for a part named name,
// with the CRC and sizes of p, for CreateRaw: the local header, the data descriptor and the
// central directory entry come out as if the part had been compressed by the zip writer.
func rawHeader(name string, mod time.Time, p *streamingPart) (*zip.FileHeader, error) {
	fh := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod}
	// CreateHeader fills in the flags, versions, MS-DOS time and the extended-timestamp
	// field; a scratch writer does that work so it is never copied here. Its compressor
	// discards: archive/zip's own would set up a deflater (about 1 MB) for nothing.
	scratch := zip.NewWriter(io.Discard)
	scratch.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return discardCloser{}, nil })
	if _, err := scratch.CreateHeader(fh); err != nil {
		return nil, err
	}
	fh.CRC32 = p.crc.Sum32()
	fh.CompressedSize64 = uint64(p.zLen())
	fh.UncompressedSize64 = uint64(p.size)
	return fh, nil
}

// discardCloser is the compressor of rawHeader's scratch writer.
type discardCloser struct{}

func (discardCloser) Write(p []byte) (int, error) { return len(p), nil }
func (discardCloser) Close() error                { return nil }

// zipParts writes the parts to out, in order, with one fixed timestamp, so equal input gives
// equal bytes. An out that can Grow (a bytes.Buffer) is grown once to about the package's
// size first.
func zipParts(out io.Writer, d *deflateCache, ps []zipPart, mod time.Time) error {
	size := 22 // end of central directory
	for _, p := range ps {
		// Parts compress to well under half their size; headers take ~2 × (46 + name).
		size += len(p.data)/2 + 2*(46+len(p.name))
		if p.deflated != nil {
			size += p.deflated.zLen()
		}
	}
	if g, ok := out.(interface{ Grow(int) }); ok {
		g.Grow(size)
	}
	zw := zip.NewWriter(out)
	var cur *zipPart // the part being written, read by the compressor archive/zip asks for
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return &partDeflater{d: d, out: out, shared: cur.shared}, nil
	})
	for i := range ps {
		p := &ps[i]
		cur = p
		if p.deflated != nil {
			fh, err := rawHeader(p.name, mod, p.deflated)
			if err == nil {
				var f io.Writer
				if f, err = zw.CreateRaw(fh); err == nil {
					err = p.deflated.writeTo(f)
				}
			}
			if err != nil {
				return model.Errorf(stageName, model.Pos{Part: p.name}, nil, "zip: %v", err)
			}
			continue
		}
		fh := &zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: mod}
		f, err := zw.CreateHeader(fh)
		if err != nil {
			return model.Errorf(stageName, model.Pos{Part: p.name}, nil, "zip: %v", err)
		}
		if _, err := f.Write(p.data); err != nil {
			return model.Errorf(stageName, model.Pos{Part: p.name}, nil, "zip: %v", err)
		}
	}
	if err := zw.Close(); err != nil {
		return model.Errorf(stageName, model.Pos{}, nil, "zip: %v", err)
	}
	return nil
}
