package pdf

import (
	"bytes"
	"image/png"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/code39"

	geo "github.com/scribe-un/scribe/formats/internal/geometry"
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

// barcodeBars draws the job number as a Code 39 barcode, as UN documents print it beside
// the job number: its digits (and letters) without the hyphen, between Code 39's start and
// stop characters. Nil when the number has nothing Code 39 can encode.
func barcodeBars(job string) []bar {
	data := BarcodeText(job)
	if data == "" {
		return nil
	}
	bc, err := code39.Encode(data, false, false)
	if err != nil {
		return nil
	}
	return barsOf(bc)
}

// BarcodeText is what the barcode of a job number encodes: its digits and capital
// letters ("05-35610" → "0535610").
func BarcodeText(job string) string {
	var b []byte
	for _, c := range []byte(job) {
		switch {
		case c >= '0' && c <= '9', c >= 'A' && c <= 'Z':
			b = append(b, c)
		case c >= 'a' && c <= 'z':
			b = append(b, c-'a'+'A')
		}
	}
	return string(b)
}

// barsOf reads the black runs of a one-dimensional barcode and scales them to the
// barcode's width on the page.
func barsOf(bc barcode.Barcode) []bar {
	n := bc.Bounds().Dx()
	if n == 0 {
		return nil
	}
	module := min(0.25, geo.BarcodeWide/float64(n))
	var out []bar
	for x := 0; x < n; {
		if r, _, _, _ := bc.At(x, 0).RGBA(); r != 0 {
			x++
			continue
		}
		start := x
		for x < n {
			if r, _, _, _ := bc.At(x, 0).RGBA(); r != 0 {
				break
			}
			x++
		}
		out = append(out, bar{x: float64(start) * module, w: float64(x-start) * module})
	}
	return out
}
