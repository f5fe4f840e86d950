package model

import "testing"

func TestLinkTarget(t *testing.T) {
	for _, c := range []struct {
		raw, want string
		ok        bool
	}{
		{"https://www.itu.int/wsis/", "https://www.itu.int/wsis/", true},
		{"HTTP://example.org/a b", "HTTP://example.org/a%20b", true},
		{"  http://example.org/\n", "http://example.org/", true},
		{"mailto:secretariat@itu.int", "mailto:secretariat@itu.int", true},
		{"http://exa\u200bmple.org", "http://example.org", true},
		{"javascript:alert(1)", "", false},
		{"JaVaScRiPt:alert(1)", "", false},
		{"\x01javascript:alert(1)", "", false},
		{"\ufeffjavascript:alert(1)", "", false},
		{"java\tscript:alert(1)", "", false},
		{" vbscript:msgbox(1)", "", false},
		{"data:text/html;base64,PHNjcmlwdD4=", "", false},
		{"file:///etc/passwd", "", false},
		{"ftp://ftp.example.org/", "", false},
		{"page.html", "", false},
		{"/wsis/page.html", "", false},
		{"#chapter-2", "", false},
		{"//evil.example/x", "", false},
		{"http:", "", false},
		{"http:///", "", false},
		{"http:evil", "", false},
		{"mailto:", "", false},
		{"https\uff1a//example.org", "", false},
		{"\xff://x", "", false},
		{"", "", false},
	} {
		got, ok := LinkTarget(c.raw)
		if got != c.want || ok != c.ok {
			t.Errorf("LinkTarget(%q) = %q, %v; want %q, %v", c.raw, got, ok, c.want, c.ok)
		}
		if ok {
			if again, ok2 := LinkTarget(got); again != got || !ok2 {
				t.Errorf("LinkTarget not idempotent on %q: %q, %v", got, again, ok2)
			}
		}
	}
}

func TestLinkRun(t *testing.T) {
	if got := LinkRun("the agenda", "https://itu.int/a", 3); got.Kind != KindLink || got.Text != "the agenda" || got.URL != "https://itu.int/a" || got.Line != 3 {
		t.Errorf("safe link: %+v", got)
	}
	if got := LinkRun("click", "javascript:alert(1)", 3); got.Kind != KindText || got.Text != "click" || got.URL != "" {
		t.Errorf("unsafe link: %+v", got)
	}
	if got := LinkRun("", "page.html", 3); got.Kind != KindText || got.Text != "page.html" {
		t.Errorf("relative link without text: %+v", got)
	}
}
