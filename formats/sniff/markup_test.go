package sniff

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMarkupFormats(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"irc with clock stamps", "[12:01] <ana> hello\n[12:02] <bo> hi\n[12:03] <ana> agenda?\n", "irc"},
		{"irc with ISO stamps and tabs", "[2021-10-19T18:58:56.342Z]\t<Manu_Sporny>\tpresent+\n[2021-10-19T19:59:05.238Z]\t<Manu_Sporny>\tpresent+\n[2021-10-19T20:00:34.197Z]\t<Markus>\tpresent+\n", "irc"},
		{"irc without stamps", "<ana> hello\n<bo> hi\n<ana> ok then\n", "irc"},
		{"agenda with times is notes", "09:00 Opening\n09:30 Keynote by the Chair\n10:00 Coffee\n11:00 Panel\n", "notes"},
		{"speaker notes are notes", "ana: we should publish.\nbo: agreed.\ncarl: fine.\n", "notes"},
		{"W3C text minutes", "Minutes\n\nPresent:\n  Ana, Bo\nScribe:\n  Ana\n\nTopic: Budget\n\nAna:  text\n  ... more\n", "irc"},
		{"a Topic line alone is notes", "Topic: Budget\n\nThe budget was adopted.\n", "notes"},
		{"mediawiki headings", "==Réunion ==\n\n=== Lieu ===\nParis\n\n*Jean\n", "mediawiki"},
		{"mediawiki heading and bold", "== Budget ==\n'''Canada''' said yes.\n", "mediawiki"},
		{"one == line alone is notes", "== Budget ==\nCanada said yes.\n", "notes"},
		{"rst directive", ".. title: Reunión 23\n\nTexto.\n", "rst"},
		{"rst target", "See Except_.\n\n.. _Except: http://except.com.ar\n", "rst"},
		{"rst reference under a title", "Budget\n======\n\nSee `the site <https://x.org>`_.\n", "rst"},
		{"org outline", "* Item @ana\n  Reviewed\n** Actions\n\tAna will write.\n* Next\n", "org"},
		{"org keywords", "#+TITLE: Board\n\nText.\n", "org"},
		{"star bullets alone are notes", "* one\n* two\n* three\n", "notes"},
		{"markdown setext stays markdown", "Budget\n======\n\n* [a](https://x.org)\n", "markdown"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Format([]byte(c.in)); got != c.want {
				t.Errorf("Format = %q, want %q", got, c.want)
			}
		})
	}
}

func TestContentWins(t *testing.T) {
	for _, c := range []struct {
		ext, content string
		want         bool
	}{
		{"markdown", "mediawiki", true}, {"markdown", "rst", true}, {"markdown", "org", true},
		{"markdown", "irc", true}, {"notes", "irc", true}, {"notes", "json", true},
		{"notes", "mediawiki", false}, {"notes", "org", false}, {"notes", "markdown", false},
		{"html", "irc", false}, {"rst", "markdown", false}, {"markdown", "notes", false},
	} {
		if got := ContentWins(c.ext, c.content); got != c.want {
			t.Errorf("ContentWins(%q, %q) = %v, want %v", c.ext, c.content, got, c.want)
		}
	}
}

// TestMayBeStamped checks that the cheap test before ircStamped never rules out a line the
// expression matches: over the corpus's lines and lines written to come close.
func TestMayBeStamped(t *testing.T) {
	lines := []string{
		"[2024-03-05 10:00:01] <alice> hello", "2024-03-05T10:00:01Z <bob> hi", "[09:15] <carol> yes",
		"9:15 <carol> yes", "09:15:22 dave: ok", "[9:15:22] *** Joins: erin", "12:00 -!- netsplit",
		"10:30 * frank waves", "09:00 Opening of the meeting", "1. The Chair opened", "2 May 2005 – 14:00",
		"[1] a reference", "2024-3-5 10:00 x", "[12:3] x", "123:45 x", "[", "1", "12", "12:", "2024-",
	}
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*"))
	real, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "real", "*"))
	for _, path := range append(paths, real...) {
		if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for l := range strings.Lines(string(b)) {
			lines = append(lines, strings.TrimRight(l, "\r\n"))
		}
	}
	for _, l := range lines {
		if !mayBeStamped(l) && ircStamped.MatchString(l) {
			t.Errorf("mayBeStamped(%q) = false, but ircStamped matches it", l)
		}
	}
}
