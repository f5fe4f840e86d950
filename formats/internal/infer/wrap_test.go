package infer

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// recordStart is the definition startsRecord is written out from.
var recordStart = regexp.MustCompile(`^(?:(?:\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+[\p{L}\p{N}'’.()-]+){0,3}|\p{Ll}[\w.-]*)\s?[:：]\s|\p{Lu}{3,}(?:[:,]|\s+\d)|\|)`)

var recordSeeds = []string{
	"", "|", "| a | b |", "Councilors absent: Smith", "MOTION: to adjourn", "VOTED 9-0-0", "RESOLVED, that",
	"VOTED\t\t9", "VOT 9", "VO 9", "ABC:", "ABC,", "ABCd:", "ABC ", "ABC x", "lmasinter: hi", "lmasinter:hi",
	"lmas inter: hi", "lmasinter : hi", "lmasinter  : hi", "lmasinter:", "élan: x", "nick_1.a-b: x", "nické: x",
	"Canada: x", "Canada :x", "Canada : x", "Canada  : x", "Canada：x", "Canada： x", "Canada\t:\tx",
	"The Chair (Brazil): x", "One two three four: x", "One two three four five: x", "One (two): x",
	"One(two): x", "O'Brien’s view: x", "Ms. Smith-Jones: x", "Item 2.3: x", "Item ²: x", "Ünal: x",
	"Россия: сказала", "ДА 5", "ДАН, x", "日本: x", "A: x", "A:", "A: ", "A:\n", "A  B: x", "A B  : x",
	"A \tB: x", "A B C D E: x", "Paris, France: x", "A\xffB: x", "\xff: x", "A.-: x", "A)): x", "A B): x",
}

// TestStartsRecord: startsRecord says what recordStart says, on hand-picked lines and on
// every line of the test notes.
func TestStartsRecord(t *testing.T) {
	lines := append([]string(nil), recordSeeds...)
	files, _ := filepath.Glob("../../../testdata/real/*")
	files = append(files, "../../../testdata/wsis-itu-consultation-2005-05-02.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	for _, l := range lines {
		for _, s := range []string{l, strings.TrimSpace(l)} {
			if got, want := startsRecord(s), recordStart.MatchString(s); got != want {
				t.Errorf("startsRecord(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

func FuzzStartsRecord(f *testing.F) {
	for _, s := range recordSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := startsRecord(s), recordStart.MatchString(s); got != want {
			t.Errorf("startsRecord(%q) = %v, want %v", s, got, want)
		}
	})
}
