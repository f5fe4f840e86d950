package interop

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/scribe-un/scribe/internal/testutil"
)

// TestPageMatch converts the reference notes with a full masthead (body, symbol,
// distribution, session, agenda item, subtitle, job number) in the six languages, renders
// scribe's DOCX with LibreOffice and compares the result with scribe's own PDF page by page:
// the same number of pages, and every page starting with the same words, and a wrapped
// subparagraph's label, text and second line at the same places. Both take the house
// geometry, so they must break pages alike. LibreOffice renders a DOCX as Word would
// only with the faces the DOCX names: Times New Roman is Liberation Serif here
// (fonts-liberation2), and fontconfig is told to take the faces scribe's PDF uses for the
// Arabic and Chinese names (Simplified Arabic, SimSun, SimHei), as a Windows machine would
// have them. Hyphenation needs the hyphen-en-us, -fr, -es and -ru dictionaries.
func TestPageMatch(t *testing.T) {
	soffice := testutil.RequireTool(t, "soffice")
	pdftotext := testutil.RequireTool(t, "pdftotext")
	testutil.RequireTool(t, "fc-match")
	dir := filepath.Join(suite.work, "pagematch")
	// An emblem and a body's name of three lines: the band's cells wrap alike only if their
	// widths are the same in both formats (a wider organ cell in the DOCX once put page 2
	// one paragraph later than in the PDF).
	emblem := filepath.Join(suite.work, "pagematch-emblem.png")
	if err := writeEmblem(emblem); err != nil {
		t.Fatal(err)
	}
	args := []string{"convert", samplePath, "--lang", strings.Join(langs, ","), "--to", "docx,pdf", "-q", "-o", dir,
		"--title", "Informal consultation on WSIS implementation and follow-up", "--subtitle", "Note by the secretariat",
		"--body", "Council Working Group on the World Summit on the Information Society", "--emblem", emblem,
		"--symbol", "WSIS/ITU/2005/1", "--distribution", "General",
		"--original", "en", "--job", "05-35610", "--session", "Second session", "--agenda-item", "3", "--please-recycle"}
	if _, err := suite.scribe(args...); err != nil {
		t.Fatal(err)
	}
	conf, err := fontAliases(filepath.Join(dir, "fonts.conf"))
	if err != nil {
		t.Fatal(err)
	}
	stem := strings.TrimSuffix(filepath.Base(samplePath), ".txt")
	var docs []string
	for _, l := range langs {
		docs = append(docs, filepath.Join(dir, stem+"."+l+".docx"))
	}
	lo := filepath.Join(dir, "lo")
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "lo-profile")),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", lo}, docs...)...)
	cmd.Env = append(os.Environ(), "FONTCONFIG_FILE="+conf)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			ours := pageStarts(t, pdftotext, filepath.Join(dir, stem+"."+l+".pdf"))
			theirs := pageStarts(t, pdftotext, filepath.Join(lo, stem+"."+l+".pdf"))
			if len(ours) != len(theirs) {
				t.Errorf("%d pages in scribe's PDF, %d in LibreOffice's rendering of the DOCX", len(ours), len(theirs))
			}
			for i := 0; i < min(len(ours), len(theirs)); i++ {
				if ours[i] != theirs[i] {
					t.Errorf("page %d starts with %q in scribe's PDF, %q in LibreOffice's", i+1, ours[i], theirs[i])
				}
			}
			t.Logf("%d pages: %q", len(ours), ours)
			// A wrapped subparagraph as UN documents set it, in both renderings.
			oursSub := subparaEdges(t, filepath.Join(dir, stem+"."+l+".pdf"))
			theirsSub := subparaEdges(t, filepath.Join(lo, stem+"."+l+".pdf"))
			for i, want := range subparaWant {
				if math.Abs(oursSub[i]-want) > 1 {
					t.Errorf("scribe's PDF: subparagraph (a)'s %s at %.1f pt from the page's left edge, want %.1f", subparaEdge[i], oursSub[i], want)
				}
				if math.Abs(theirsSub[i]-oursSub[i]) > 1 {
					t.Errorf("subparagraph (a)'s %s at %.1f pt in scribe's PDF, %.1f pt in LibreOffice's", subparaEdge[i], oursSub[i], theirsSub[i])
				}
			}
			// The running head and the page number at the outer edge: left on even pages,
			// right on odd ones, mirrored in Arabic; in both renderings.
			for name, path := range map[string]string{"scribe's PDF": filepath.Join(dir, stem+"."+l+".pdf"), "LibreOffice's": filepath.Join(lo, stem+"."+l+".pdf")} {
				for i, side := range furnitureSides(t, path) {
					want := "left"
					if (i%2 == 1) != (l == "ar") { // i is the page number less 2
						want = "right"
					}
					if side != want+" "+want {
						t.Errorf("%s, page %d: running head and page number at %s, want both at the %s", name, i+2, side, want)
					}
				}
			}
		})
	}
}

// pageStarts returns the first words of each page's body: the first three words below the
// running head (page 2 on) or the masthead's first line (page 1).
func pageStarts(t *testing.T, pdftotext, path string) []string {
	t.Helper()
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count", path)
	}
	n, _ := strconv.Atoi(string(m[1]))
	var starts []string
	for p := 1; p <= n; p++ {
		text := run(t, nil, pdftotext, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), "-enc", "UTF-8", path, "-")
		var words []string
		for i, line := range textLines(normText(text)) {
			if p > 1 && i == 0 {
				continue // the running head
			}
			words = append(words, strings.Fields(line)...)
			if len(words) >= 3 {
				break
			}
		}
		starts = append(starts, strings.Join(words[:min(3, len(words))], " "))
	}
	return starts
}

// The edges of a wrapped subparagraph, in points from the page's left edge, as UN documents
// (the DGACM template's SingleTxt) set them: the label one step (12.7 mm) in from the text
// block's edge (20 mm margin + 12.7 mm), the text from the next stop of the 6.35 mm tab
// grid, and every later line back at the block's edge, like the lines of a numbered
// paragraph; there is no hanging indent.
var (
	subparaEdge = [3]string{"label", "text", "second line"}
	subparaWant = [3]float64{mmPt(20 + 12.7 + 12.7), mmPt(20 + 12.7 + 12.7 + 6.35), mmPt(20 + 12.7)}
)

func mmPt(mm float64) float64 { return mm * 72 / 25.4 }

// subparaEdges finds the reference notes' first subparagraph ("(a) The Stocktaking
// Implementation Report …", lettered by the normalizer from a bullet) and returns where its
// label, its text and its second line start, in points from the page's left edge.
func subparaEdges(t *testing.T, path string) [3]float64 {
	t.Helper()
	words, _ := pdfWords(t, path)
	for i := 1; i+1 < len(words); i++ {
		w := words[i]
		if w.text != "The" || words[i+1].text != "Stocktaking" || w.page != words[i+1].page {
			continue
		}
		edges := [3]float64{w.xMin, w.xMin, math.Inf(1)}
		for _, v := range words {
			if v.page != w.page || v.running {
				continue
			}
			switch d := v.yMin - w.yMin; {
			case math.Abs(d) < 8 && v.xMin < w.xMin: // the label (Arabic letters sit higher)
				edges[0] = min(edges[0], v.xMin)
			case d > 8 && d < 20: // the next line
				edges[2] = min(edges[2], v.xMin)
			}
		}
		return edges
	}
	t.Fatalf("%s: no subparagraph \"The Stocktaking …\"", path)
	return [3]float64{}
}

// furnitureSides returns, for each page from the second, the sides of the page where its
// running head (the symbol, the top margin's words) and its page number (the bottom
// margin's) stand: "left right" when the head is at the left and the number at the right.
func furnitureSides(t *testing.T, path string) []string {
	t.Helper()
	words, width := pdfWords(t, path)
	type sides struct{ head, num string }
	byPage := map[int]*sides{}
	last := 0
	for _, w := range words {
		if w.page < 2 || !w.running {
			continue
		}
		s := byPage[w.page]
		if s == nil {
			s = &sides{}
			byPage[w.page] = s
		}
		side := "left"
		if w.xMin > width/2 {
			side = "right"
		}
		if w.yMin < 100 {
			s.head = side
		} else {
			s.num = side
		}
		last = max(last, w.page)
	}
	var out []string
	for p := 2; p <= last; p++ {
		if s := byPage[p]; s != nil {
			out = append(out, s.head+" "+s.num)
		} else {
			out = append(out, "none none")
		}
	}
	return out
}

// fontAliases writes a fontconfig file that includes the system's and maps the faces the
// DOCX names for Arabic and Chinese to the ones scribe's PDF uses on this machine (as
// `scribe fonts` reports them), and returns its path.
func fontAliases(path string) (string, error) {
	out, err := suite.scribe("fonts")
	if err != nil {
		return "", err
	}
	chosen := map[string]string{} // "ar", "zh", "zh headings" → family
	re := regexp.MustCompile(`(?m)^(ar|zh)\s+\S+\s+(.+?)( \(headings\))? \((?:system|--font|--font-dir|embedded)`)
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		key := m[1]
		if m[3] != "" {
			key += " headings"
		}
		chosen[key] = m[2]
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
		`<include ignore_missing="yes">/etc/fonts/fonts.conf</include>`)
	alias := func(name, family string) {
		if family != "" {
			fmt.Fprintf(&b, `<match target="pattern"><test name="family"><string>%s</string></test>`+
				`<edit name="family" mode="assign" binding="strong"><string>%s</string></edit></match>`, name, family)
		}
	}
	alias("Simplified Arabic", chosen["ar"])
	alias("SimSun", chosen["zh"])
	alias("SimHei", chosen["zh headings"])
	b.WriteString(`</fontconfig>`)
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}

// TestSameBytesWithoutSystemFonts converts the reference notes to PDF with the machine's fonts
// and with --no-system-fonts: English, French, Spanish and Russian print in the embedded
// Liberation Serif either way, so the files are byte-identical.
func TestSameBytesWithoutSystemFonts(t *testing.T) {
	dir := filepath.Join(suite.work, "nosystem")
	stem := strings.TrimSuffix(filepath.Base(samplePath), ".txt")
	for _, l := range []string{"en", "fr", "es", "ru"} {
		for _, v := range []string{"with", "without"} {
			args := []string{"convert", samplePath, "--lang", l, "--to", "pdf", "-q", "-o", filepath.Join(dir, v)}
			if v == "without" {
				args = append(args, "--no-system-fonts")
			}
			if _, err := suite.scribe(args...); err != nil {
				t.Fatal(err)
			}
		}
		a, err := os.ReadFile(filepath.Join(dir, "with", stem+"."+l+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "without", stem+"."+l+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if string(a) != string(b) {
			t.Errorf("%s: the PDF differs without the system's fonts (%d and %d bytes)", l, len(a), len(b))
		}
	}
}
