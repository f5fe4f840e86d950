package notes

import (
	"os"
	"testing"
)

func TestDebugOutline(t *testing.T) {
	p := os.Getenv("NOTES_DEBUG")
	if p == "" {
		t.Skip()
	}
	doc, w := readFile(t, p)
	t.Logf("lang=%s\n%s\nwarnings: %v", doc.Meta.OriginalLang, outline(doc), w)
}
