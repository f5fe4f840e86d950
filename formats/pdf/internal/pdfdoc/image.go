package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/draw"
)

// Image is a raster image ready to embed: 8-bit RGB samples and, when the image has
// transparency, an 8-bit soft mask, each already deflated, so a batch that prints the same
// emblem on every first page compresses it once.
type Image struct {
	Width, Height int
	RGB           []byte // zlib-deflated, Width×Height×3 bytes inflated
	Alpha         []byte // zlib-deflated, Width×Height bytes inflated; nil when opaque
}

// NewImage converts img for embedding.
func NewImage(img image.Image) (*Image, error) {
	b := img.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 || b.Dx() > 8192 || b.Dy() > 8192 {
		return nil, fmt.Errorf("image of %d×%d pixels: between 1 and 8192 each way, please", b.Dx(), b.Dy())
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Src)
	rgb := make([]byte, 0, b.Dx()*b.Dy()*3)
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	opaque := true
	for i := 0; i < len(rgba.Pix); i += 4 {
		rgb = append(rgb, rgba.Pix[i], rgba.Pix[i+1], rgba.Pix[i+2])
		alpha = append(alpha, rgba.Pix[i+3])
		opaque = opaque && rgba.Pix[i+3] == 0xFF
	}
	out := &Image{Width: b.Dx(), Height: b.Dy(), RGB: deflate(rgb)}
	if !opaque {
		out.Alpha = deflate(alpha)
	}
	return out, nil
}

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	z, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	_, _ = z.Write(b)
	_ = z.Close()
	return buf.Bytes()
}

// placedImage is an image drawn on a page.
type placedImage struct {
	img  *Image
	name int // /Im<name> in the page's resources: the document's image index
}

// DrawImage draws img with its top-left corner at (x, y), w wide and h high (millimetres).
func (d *Doc) DrawImage(img *Image, x, y, w, h float64) {
	if img == nil {
		return
	}
	idx := -1
	for i, have := range d.images {
		if have == img {
			idx = i
		}
	}
	if idx < 0 {
		d.images = append(d.images, img)
		d.imageIDs = append(d.imageIDs, d.alloc(2)) // image, soft mask
		idx = len(d.images) - 1
	}
	p := d.cur()
	p.endText()
	p.images[idx] = true
	fmt.Fprintf(&p.content, "q %s 0 0 %s %s %s cm /Im%d Do Q\n", num(w*ptPerMM), num(h*ptPerMM), num(d.x(x)), num(d.y(y+h)), idx)
}

// Rect fills the rectangle with top-left corner (x, y), w wide and h high, in black (the
// bars of a barcode).
func (d *Doc) Rect(x, y, w, h float64) {
	p := d.cur()
	p.endText()
	fmt.Fprintf(&p.content, "%s %s %s %s re f\n", num(d.x(x)), num(d.y(y+h)), num(w*ptPerMM), num(h*ptPerMM))
}
