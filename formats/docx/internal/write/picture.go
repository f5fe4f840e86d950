package write

import (
	"bytes"
	"fmt"
	"image/png"

	geo "github.com/scribe-un/scribe/formats/internal/geometry"
	"github.com/scribe-un/scribe/formats/internal/jobcode"
	"github.com/scribe-un/scribe/pipeline/model"
)

// Pictures: the emblem in the masthead and the job number's barcode at the first page's
// foot, each a PNG part placed inline.

// emblem is an organisation's emblem for the masthead, checked once by New.
type emblem struct {
	png    []byte
	pw, ph int // pixels
}

// loadEmblem checks that data is a PNG image; name is its path, for messages.
func loadEmblem(data []byte, name string) (*emblem, error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, model.Errorf(stageName, model.Pos{File: name}, model.ErrMalformed, "emblem %s: not a PNG image", name)
	}
	return &emblem{png: data, pw: cfg.Width, ph: cfg.Height}, nil
}

// barcodePNG draws the job number's barcode as a PNG and returns its width on the page (mm),
// the module width the PDF uses; nil when the job number has no barcode.
func barcodePNG(job string) ([]byte, float64) {
	mods := jobcode.Modules(job)
	if len(mods) == 0 {
		return nil, 0
	}
	var b bytes.Buffer
	if err := png.Encode(&b, jobcode.Image(mods, 2, 48)); err != nil {
		return nil, 0
	}
	return b.Bytes(), float64(len(mods)) * min(geo.BarcodeModule, geo.BarcodeWide/float64(len(mods)))
}

// picture is an inline picture: its relationship, a drawing id unique in the document, and
// its size on the page in millimetres.
type picture struct {
	rel, name, descr string
	id               int
	w, h             float64
}

// emu converts millimetres to English Metric Units, DrawingML's length.
func emu(mm float64) string { return fmt.Sprint(int(mm*36000 + 0.5)) }

// inlinePicture prints a w:drawing holding p inline with the text.
func inlinePicture(x *xmlWriter, p picture) {
	const (
		nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
		nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
		nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	)
	x.open("w:drawing")
	x.open("wp:inline", "xmlns:wp", nsWP, "distT", "0", "distB", "0", "distL", "0", "distR", "0")
	x.empty("wp:extent", "cx", emu(p.w), "cy", emu(p.h))
	x.empty("wp:docPr", "id", itoa(p.id), "name", p.name, "descr", p.descr)
	x.open("a:graphic", "xmlns:a", nsA)
	x.open("a:graphicData", "uri", nsPic)
	x.open("pic:pic", "xmlns:pic", nsPic)
	x.open("pic:nvPicPr")
	x.empty("pic:cNvPr", "id", "0", "name", p.name)
	x.empty("pic:cNvPicPr")
	x.close("pic:nvPicPr")
	x.open("pic:blipFill")
	x.empty("a:blip", "r:embed", p.rel)
	x.open("a:stretch")
	x.empty("a:fillRect")
	x.close("a:stretch")
	x.close("pic:blipFill")
	x.open("pic:spPr")
	x.open("a:xfrm")
	x.empty("a:off", "x", "0", "y", "0")
	x.empty("a:ext", "cx", emu(p.w), "cy", emu(p.h))
	x.close("a:xfrm")
	x.open("a:prstGeom", "prst", "rect")
	x.empty("a:avLst")
	x.close("a:prstGeom")
	x.close("pic:spPr")
	x.close("pic:pic")
	x.close("a:graphicData")
	x.close("a:graphic")
	x.close("wp:inline")
	x.close("w:drawing")
}

// imageRelsXML prints the relationships part of a part showing one picture.
func imageRelsXML(id, target string) []byte {
	x := newXMLWriter()
	x.open("Relationships", "xmlns", nsPkgRel)
	x.empty("Relationship", "Id", id, "Type", rtBase+"image", "Target", target)
	x.close("Relationships")
	return x.bytes()
}

// emblemPara prints the masthead's emblem cell: the picture at the geometry's height, no
// wider than its cell.
func (st *docState) emblemPara(x *xmlWriter) {
	e := st.emblem
	h := geo.EmblemSize
	w := min(h*float64(e.pw)/float64(e.ph), geo.EmblemWidth-geo.CellGap)
	h = w * float64(e.ph) / float64(e.pw)
	pp := paraProps{style: styleMastUN, spacing: &spacingProps{line: 240}}
	x.open("w:p")
	pp.write(x)
	x.open("w:r")
	inlinePicture(x, picture{rel: relEmblem, id: 2, name: "emblem.png", descr: "Emblem", w: w, h: h})
	x.close("w:r")
	x.close("w:p")
}
