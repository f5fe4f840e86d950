package pdf

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// TestEmbeddedDigests: the digests kept for the embedded faces are those of their data, and
// every embedded face has one.
func TestEmbeddedDigests(t *testing.T) {
	for _, fam := range embeddedFamilies() {
		for s, f := range fam.faces {
			if f == nil {
				continue
			}
			sum := sha256.Sum256(f.raw)
			if want := hex.EncodeToString(sum[:]); f.sum != want {
				t.Errorf("embeddedDigests: %s %s is %q, want %q", fam.name, style(s), f.sum, want)
			}
		}
	}
}
