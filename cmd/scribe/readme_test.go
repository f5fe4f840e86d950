package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary stand in for the scribe command: with SCRIBE_TEST_MAIN set
// it runs main, so TestReadmeCommands can put a "scribe" on PATH without compiling one.
func TestMain(m *testing.M) {
	if os.Getenv("SCRIBE_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// readmeCommand is one command of README.md: a ```sh block (run as one script) or an
// inline `scribe …` span.
type readmeCommand struct {
	line   int
	script string
	inline bool
}

var (
	// inlineScribe is an inline code span running a scribe command.
	inlineScribe = regexp.MustCompile("`(scribe (?:convert|inspect|extract|tm|fonts|init|version|man|completion|serve)(?: [^`]*)?)`")
	// placeholder marks a synopsis rather than a command: INPUT, FILE, LANG…, [flags], a|b.
	placeholder = regexp.MustCompile(`\b[A-Z]{3,}\b|…|\[|\|`)
)

// readmeCommands extracts the commands of README.md in document order.
func readmeCommands(t *testing.T) []readmeCommand {
	t.Helper()
	data, err := os.ReadFile(repoFile("README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []readmeCommand
	lines := strings.Split(string(data), "\n")
	seen := map[string]bool{}
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "```sh" {
			start := i + 1
			var body []string
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
				body = append(body, lines[i])
			}
			out = append(out, readmeCommand{line: start, script: strings.Join(body, "\n")})
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "```") { // another fenced block: skip it
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
			}
			continue
		}
		for _, m := range inlineScribe.FindAllStringSubmatch(lines[i], -1) {
			cmd := m[1]
			fields := strings.Fields(cmd)
			bare := len(fields) == 2 && !map[string]bool{"fonts": true, "init": true, "version": true, "man": true}[fields[1]]
			if placeholder.MatchString(cmd) || bare || fields[1] == "serve" || seen[cmd] {
				continue // a synopsis, a mention of a command, or already run
			}
			seen[cmd] = true
			out = append(out, readmeCommand{line: i + 1, script: cmd, inline: true})
		}
	}
	return out
}

// exemptLine says why a line of a README block is not run here, or "".
func exemptLine(line string) string {
	// An environment setting before the command (CGO_ENABLED=0 go install …) does not change
	// what it is.
	l := strings.TrimSpace(line)
	for f := strings.Fields(l); len(f) > 1 && strings.Contains(f[0], "=") && !strings.HasPrefix(f[0], "-"); f = f[1:] {
		l = strings.TrimSpace(strings.TrimPrefix(l, f[0]))
	}
	switch {
	case strings.HasPrefix(l, "go test"), strings.HasPrefix(l, "CI=true go test"):
		return "runs the test suite itself"
	case strings.HasPrefix(l, "go install github.com/"):
		return "fetches the module from the network"
	case strings.HasPrefix(l, "go install ./"):
		return "builds scribe, which this test stands in for (go build ./... runs in CI)"
	case strings.HasPrefix(l, "bench/"):
		return "a benchmark"
	}
	return ""
}

// TestReadmeCommands runs every command of README.md as written, on the sample, in a fresh
// folder holding what the README assumes: testdata/ with the sample, notes.txt and
// notes.docx (the sample), minutes/ (the corpus notes), report.en.md (scribe's Markdown of
// the sample), a git repository. "go run ./cmd/scribe" is the scribe on PATH (this test
// binary); after each "scribe extract" the test plays the translator and fills every
// segment, as step 2 of the README's Translation section says a translator does. Only the
// lines exemptLine names are left out.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every README command")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found")
	}
	perl, _ := exec.LookPath("perl")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	work, home, bin := t.TempDir(), t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(bin, "scribe"), []byte("#!/bin/sh\nSCRIBE_TEST_MAIN=1 exec "+shellQuote(self)+" \"$@\"\n"), 0o755)
	setupReadmeWorkspace(t, work)

	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "HOME="+home, "NO_COLOR=1",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	git := exec.Command("sh", "-c", "git init -q && git add -A && git commit -qm notes")
	git.Dir, git.Env = work, env
	if out, err := git.CombinedOutput(); err != nil {
		t.Fatalf("git: %v %s", err, out)
	}
	// The translator of step 2: every untranslated segment gets a French-looking target.
	prelude := `__translate() { find . -name '*.xlf' -newer .readme-mark | while read -r f; do ` + shellQuote(perl) + ` -0pi -e 's{<segment id="(s\d+)"><source>(.*?)</source></segment>}{<segment id="$1" state="translated"><source>$2</source><target>[tr] $2</target></segment>}gs' "$f"; done; }
`
	ran, served := 0, false
	for _, c := range readmeCommands(t) {
		script := strings.ReplaceAll(c.script, "go run ./cmd/scribe", "scribe")
		var lines []string
		for _, l := range strings.Split(script, "\n") {
			if why := exemptLine(l); why != "" {
				t.Logf("README.md:%d: not run (%s): %s", c.line, why, strings.TrimSpace(l))
				l = ":"
			}
			lines = append(lines, l)
			if strings.HasPrefix(strings.TrimSpace(l), "scribe extract") {
				if perl == "" {
					t.Skip("perl not found: cannot play the translator")
				}
				lines = append(lines, "__translate")
			}
		}
		script = strings.Join(lines, "\n")
		if onlyComments(script) {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(script), "scribe serve") || strings.Contains(script, "//127.0.0.1:8080/") {
			n := runServeBlock(t, c, script, work, env)
			ran, served = ran+n, served || (n > 0 && strings.Contains(script, "curl"))
			continue
		}
		os.WriteFile(filepath.Join(work, ".readme-mark"), nil, 0o644)
		time.Sleep(10 * time.Millisecond) // extract's files must be newer than the mark
		cmd := exec.Command(bash, "-o", "pipefail", "-c", prelude+script)
		cmd.Dir, cmd.Env = work, env
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stderr, &stderr
		if err := cmd.Run(); err != nil {
			t.Errorf("README.md:%d: %v\n%s\n--- output:\n%s", c.line, err, c.script, tail(stderr.String(), 2000))
			continue
		}
		ran++
		t.Logf("README.md:%d: ok: %s", c.line, firstLine(c.script))
	}
	if ran < 12 {
		t.Errorf("only %d README commands ran: the extraction missed some", ran)
	}
	// What the commands promise is there (curl does not fail on an HTTP error by itself).
	if served {
		for f, magic := range map[string]string{"report.pdf": "%PDF-", "report.zip": "PK"} {
			data, _ := os.ReadFile(filepath.Join(work, f))
			if !bytes.HasPrefix(data, []byte(magic)) {
				t.Errorf("the HTTP API example wrote a bad %s: %.200s", f, data)
			}
		}
	}
	for _, f := range []string{
		"out/wsis-itu-consultation-2005-05-02.en.pdf", "out/notes.zh.pdf", "out/notes.fr.pdf",
		"dist/report.json", "dist/wsis-itu-consultation-2005-05-02.ar.pdf", "memory.tmx", "report.en.docx",
		"xliff/minutes/hackerspace-board-minutes.es.xlf",
		filepath.Join(home, ".local/share/man/man1/scribe.1"),
	} {
		if !filepath.IsAbs(f) {
			f = filepath.Join(work, f)
		}
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Errorf("README command output missing: %s (%v)", f, err)
		}
	}
}

// setupReadmeWorkspace writes the files the README's commands take as given.
func setupReadmeWorkspace(t *testing.T, work string) {
	t.Helper()
	sampleData, err := os.ReadFile(repoFile("testdata", sample+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(work, "testdata"), 0o755)
	os.WriteFile(filepath.Join(work, "testdata", sample+".txt"), sampleData, 0o644)
	os.WriteFile(filepath.Join(work, "notes.txt"), sampleData, 0o644)
	corpusNotes(t, work)
	tmp := t.TempDir()
	for _, to := range []string{"docx", "md"} {
		if code, _, stderr := runCLI(t, nil, "convert", samplePath(t), "--to", to, "-o", tmp, "-q"); code != 0 {
			t.Fatal(stderr)
		}
	}
	copyFile(t, filepath.Join(tmp, sample+".en.docx"), filepath.Join(work, "notes.docx"))
	copyFile(t, filepath.Join(tmp, sample+".en.md"), filepath.Join(work, "report.en.md"))
	// The French translation of notes.docx the HTTP API example uploads.
	if code, _, stderr := runCLI(t, nil, "extract", filepath.Join(work, "notes.docx"), "--target", "fr", "-o", work, "-q"); code != 0 {
		t.Fatal(stderr)
	}
	pseudoTranslate(t, filepath.Join(work, "notes.fr.xlf"), "fr")
}

// runServeBlock runs a README block that starts "scribe serve" or talks to it (curl): the
// server in the background, then the block's other lines against it. It needs the port the
// README names to be free; on a busy machine the block is skipped with a note.
func runServeBlock(t *testing.T, c readmeCommand, script, work string, env []string) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:8080")
	if err != nil {
		t.Logf("README.md:%d: not run: port 8080 is in use", c.line)
		return 0
	}
	ln.Close()
	serve, rest := "scribe serve", script
	if first, after, _ := strings.Cut(script, "\n"); strings.HasPrefix(strings.TrimSpace(first), "scribe serve") {
		serve, rest = strings.SplitN(first, "#", 2)[0], after
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv := exec.CommandContext(ctx, "sh", "-c", "exec "+serve)
	srv.Dir, srv.Env = work, env
	if err := srv.Start(); err != nil {
		cancel()
		t.Errorf("README.md:%d: %v", c.line, err)
		return 0
	}
	defer func() {
		cancel()
		srv.Wait()
	}()
	ready := false
	for i := 0; i < 100 && !ready; i++ {
		if resp, err := http.Get("http://127.0.0.1:8080/"); err == nil {
			resp.Body.Close()
			ready = true
		} else {
			time.Sleep(50 * time.Millisecond)
		}
	}
	if !ready {
		t.Errorf("README.md:%d: scribe serve did not answer", c.line)
		return 0
	}
	if strings.TrimSpace(rest) != "" {
		cmd := exec.Command("bash", "-o", "pipefail", "-c", "set -e\n"+rest)
		cmd.Dir, cmd.Env = work, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("README.md:%d: %v\n%s", c.line, err, out)
			return 0
		}
	}
	t.Logf("README.md:%d: ok (with scribe serve running): %s", c.line, firstLine(script))
	return 1
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// onlyComments reports a script with nothing to run once exempt lines are taken out.
func onlyComments(script string) bool {
	for _, l := range strings.Split(script, "\n") {
		l = strings.TrimSpace(strings.SplitN(l, "#", 2)[0])
		if l != "" && l != ":" {
			return false
		}
	}
	return true
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func firstLine(s string) string { l, _, _ := strings.Cut(strings.TrimSpace(s), "\n"); return l }

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// TestReadmeCommandExtraction pins what the extraction takes for a command and what for a
// synopsis, so a README edit cannot silently take commands out of TestReadmeCommands.
func TestReadmeCommandExtraction(t *testing.T) {
	var inline []string
	for _, c := range readmeCommands(t) {
		if c.inline {
			inline = append(inline, c.script)
		}
	}
	got := fmt.Sprint(inline)
	for _, want := range []string{"scribe extract notes.txt --target fr -o xliff/", "scribe tm export xliff/*.xlf -o memory.tmx", "scribe version"} {
		if !strings.Contains(got, want) {
			t.Errorf("inline command %q not extracted (got %s)", want, got)
		}
	}
	for _, synopsis := range []string{"scribe convert INPUT", "scribe v1.2.0", "scribe devel", "--cpu-profile FILE"} {
		if strings.Contains(got, synopsis) {
			t.Errorf("synopsis %q taken for a command", synopsis)
		}
	}
}
