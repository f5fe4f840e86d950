package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The extension chooses the reader, except where the content is clearly another text
// format the extension says nothing against: a wiki page or a chat log saved as .md, a chat
// log saved as .txt. Plain notes that use a wiki-like cue stay notes.
func TestContentBeatsAPlainTextExtension(t *testing.T) {
	dir := t.TempDir()
	cases := []struct{ name, content, want string }{
		{"page.md", "==Réunion ==\n\n=== Lieu ===\nParis\n\n*Jean\n*Pierre\n", "read as mediawiki"},
		{"log.txt", "[12:01] <ana> hello\n[12:02] <bo> hi\n[12:03] <ana> agenda?\n", "read as irc"},
		{"log.md", "[12:01] <ana> hello\n[12:02] <bo> hi\n[12:03] <ana> agenda?\n", "read as irc"},
		{"notes.txt", "== Budget ==\n\nCanada said the budget was fine.\n\n== Staff ==\n\nFrance agreed.\n", "read as notes"},
		{"outline.md", "* Budget @ana\n  Reviewed\n** Actions\n\tAna will write.\n* Venue\n  Booked.\n", "read as org"},
		{"readme.md", "# Minutes\n\n* one\n* two\n", "read as markdown"},
		{"meeting.log", "[2021-10-19T20:00:00Z]\t<ana>\tTopic: Budget\n[2021-10-19T20:01:00Z]\t<ana>\tok\n[2021-10-19T20:02:00Z]\t<bo>\tfine\n", "read as irc"},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runCLI(t, nil, "inspect", path)
		if code != 0 || !strings.Contains(stdout+stderr, c.want) {
			t.Errorf("%s: exit %d, want %q in:\n%s%s", c.name, code, c.want, stdout, stderr)
		}
	}
}
