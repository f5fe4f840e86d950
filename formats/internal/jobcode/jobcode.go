// Package jobcode draws the barcode UN documents print at the foot of their first page: the
// job number ("05-35610") in Code 39, as narrow and wide bars, so that every writer prints
// the same bars (the PDF as filled rectangles, the DOCX as a picture).
package jobcode

import (
	"image"
	"image/color"

	"github.com/boombuler/barcode/code39"
)

// Text is what the barcode of a job number encodes: its digits and capital letters, without
// the hyphen ("05-35610" → "0535610"), as UN documents print it.
func Text(job string) string {
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

// Modules returns the barcode of job as modules, true for black, between Code 39's start
// and stop characters; nil when the job number has nothing Code 39 can encode.
func Modules(job string) []bool {
	data := Text(job)
	if data == "" {
		return nil
	}
	bc, err := code39.Encode(data, false, false)
	if err != nil {
		return nil
	}
	n := bc.Bounds().Dx()
	out := make([]bool, n)
	for x := 0; x < n; x++ {
		r, _, _, _ := bc.At(bc.Bounds().Min.X+x, bc.Bounds().Min.Y).RGBA()
		out[x] = r == 0
	}
	return out
}

// Bar is one black bar, in modules from the barcode's start.
type Bar struct{ At, Width int }

// Bars groups the black modules into bars.
func Bars(modules []bool) []Bar {
	var out []Bar
	for x := 0; x < len(modules); {
		if !modules[x] {
			x++
			continue
		}
		start := x
		for x < len(modules) && modules[x] {
			x++
		}
		out = append(out, Bar{At: start, Width: x - start})
	}
	return out
}

// Image draws the modules as a black-and-white picture, scale pixels per module and height
// pixels high, for formats that place pictures.
func Image(modules []bool, scale, height int) image.Image {
	img := image.NewGray(image.Rect(0, 0, len(modules)*scale, height))
	for x := range img.Pix {
		img.Pix[x] = 0xFF
	}
	for i, black := range modules {
		if !black {
			continue
		}
		for y := 0; y < height; y++ {
			for k := 0; k < scale; k++ {
				img.SetGray(i*scale+k, y, color.Gray{})
			}
		}
	}
	return img
}
