package pdf

import (
	"bytes"
	"image/png"

	geo "github.com/scribe-un/scribe/formats/internal/geometry"
	"github.com/scribe-un/scribe/formats/internal/jobcode"
	"github.com/scribe-un/scribe/formats/pdf/internal/pdfdoc"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Emblem is an organisation's emblem, printed in the masthead's band between "United
// Nations" and the organ. None is built in: the UN emblem's use is restricted, so the
// organisation supplies its own (--emblem, or the reference document's).
type Emblem struct {
	img    *pdfdoc.Image
	pw, ph int
}

// LoadEmblem decodes a PNG emblem; name is its path, for messages.
func LoadEmblem(data []byte, name string) (*Emblem, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, model.Errorf("pdf", model.Pos{File: name}, model.ErrMalformed, "emblem %s: not a PNG image: %v", name, err)
	}
	pi, err := pdfdoc.NewImage(img)
	if err != nil {
		return nil, model.Errorf("pdf", model.Pos{File: name}, model.ErrMalformed, "emblem %s: %v", name, err)
	}
	b := img.Bounds()
	return &Emblem{img: pi, pw: b.Dx(), ph: b.Dy()}, nil
}

// picture is a raster image placed on a page, mm from the column's start edge.
type picture struct {
	img       *pdfdoc.Image
	pw, ph    int // pixels
	at, w, h  float64
	emblemTag bool // the emblem: a figure in the structure tree, with alternative text
}

// bar is one bar of a barcode, mm from the barcode's start.
type bar struct{ x, w float64 }

// barcodeBars draws the job number as a Code 39 barcode (package jobcode), at most
// BarcodeWide wide.
func barcodeBars(job string) []bar {
	mods := jobcode.Modules(job)
	if len(mods) == 0 {
		return nil
	}
	module := min(geo.BarcodeModule, geo.BarcodeWide/float64(len(mods)))
	var out []bar
	for _, b := range jobcode.Bars(mods) {
		out = append(out, bar{x: float64(b.At) * module, w: float64(b.Width) * module})
	}
	return out
}
