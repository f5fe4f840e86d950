package pdf

import (
	"errors"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/pipeline/model"
)

// TestBarcode: the job number's barcode encodes its digits in Code 39, as narrow and wide
// bars that fit the foot of the page.
func TestBarcode(t *testing.T) {
	bars := barcodeBars("05-35610")
	// Code 39: nine characters (start, seven digits, stop) of five bars each.
	if len(bars) != 45 {
		t.Fatalf("%d bars, want 45", len(bars))
	}
	last := bars[len(bars)-1]
	if w := last.x + last.w; w <= 10 || w > 30 {
		t.Errorf("barcode %.1f mm wide", w)
	}
	widths := map[float64]bool{}
	for i, b := range bars {
		widths[b.w] = true
		if i > 0 && b.x < bars[i-1].x+bars[i-1].w {
			t.Fatalf("bar %d overlaps the one before", i)
		}
	}
	if len(widths) != 2 {
		t.Errorf("bar widths %v, want narrow and wide", widths)
	}
	if barcodeBars("—") != nil {
		t.Error("a job number without digits has a barcode")
	}
}

// TestEmblemErrors: an emblem that is not a PNG is an error naming the file.
func TestEmblemErrors(t *testing.T) {
	_, err := LoadEmblem([]byte("GIF89a not really"), "logo.gif")
	if !errors.Is(err, model.ErrMalformed) || !strings.Contains(err.Error(), "logo.gif") {
		t.Errorf("err = %v", err)
	}
}
