package jobcode

import "testing"

// TestJobCode: the job number's digits in Code 39: start, seven digits and stop, each of
// five bars (two of them wide) and four spaces.
func TestJobCode(t *testing.T) {
	if got := Text("05-35610"); got != "0535610" {
		t.Errorf("Text = %q", got)
	}
	mods := Modules("05-35610")
	bars := Bars(mods)
	if len(bars) != 45 {
		t.Fatalf("%d bars, want 45", len(bars))
	}
	if img := Image(mods, 2, 10); img.Bounds().Dx() != 2*len(mods) || img.Bounds().Dy() != 10 {
		t.Errorf("image %v", img.Bounds())
	}
	if Modules("—") != nil {
		t.Error("a job number without digits has a barcode")
	}
}
