package hyphen

import (
	"bytes"
	"flag"
	"os"
	"path"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the compiled pattern files (patterns/*.trie)")

// TestCompiled: the compiled files Load reads say exactly what the pattern files beside
// them give. After replacing a pattern file, run go generate ./formats/pdf/hyphen.
func TestCompiled(t *testing.T) {
	for _, l := range languages {
		src, err := patternFiles.ReadFile(l.file)
		if err != nil {
			t.Fatal(err)
		}
		want, err := compile(l, string(src))
		if err != nil {
			t.Fatalf("%s: %v", l.file, err)
		}
		name := strings.TrimSuffix(l.file, path.Ext(l.file)) + ".trie"
		if *update {
			if err := os.WriteFile(name, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal([]byte(l.compiled), want) {
			t.Errorf("%s is not what %s compiles to: run go generate ./formats/pdf/hyphen", name, l.file)
		}
	}
}

// TestDecodeRejects: a compiled file that is not one, or is cut short, gives an error.
func TestDecodeRejects(t *testing.T) {
	good := languages[1].compiled
	for _, src := range []string{"", "notice", "notice\x00HYT0" + strings.Repeat("\x00", 40), good[:len(good)-1], good + "x"} {
		if _, err := decode("x", src); err == nil {
			t.Errorf("decode(%.20q…): no error", src)
		}
	}
}
