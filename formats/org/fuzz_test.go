package org

import (
	"regexp"
	"strings"
	"testing"

	"github.com/scribe-un/scribe/formats/internal/readertest"
	"github.com/scribe-un/scribe/internal/fuzzdoc"
)

// FuzzRead feeds arbitrary outlines to the reader: it never panics; it fails only with its
// documented errors; every block has a position; and nothing is lost: every word outside
// what the reader drops (comments, drawers, comment and export blocks, settings keywords,
// tags, priorities, checkboxes, link targets shown by their description) is in the model.
func FuzzRead(f *testing.F) {
	fuzzdoc.AddFiles(f, "testdata/*", "../../testdata/corpus/*.org")
	f.Add([]byte("* A :t:\n** B\n- x :: y\n  1. z\n#+BEGIN_QUOTE\nq\n#+END_QUOTE\n| a | b |\n[[http://x][y]] *b* /i/ [fn:1]\n\n[fn:1] n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readertest.CheckRead(t, NewReader(), "f.org", data, droppable)
	})
}

var orgDrops = []*regexp.Regexp{
	regexp.MustCompile(`(?m)^\s*#(?:\s.*)?$`),                                           // comments
	regexp.MustCompile(`(?ims)^\s*#\+begin_(comment|export)\b.*?(?:^\s*#\+end_\w+|\z)`), // dropped blocks
	regexp.MustCompile(`(?im)^\s*#\+\w+:.*$`),                                           // keywords: metadata kept, settings dropped
	regexp.MustCompile(`(?im)^\s*#\+(?:begin|end)_\w+.*$`),                              // block delimiters and their options
	regexp.MustCompile(`(?m)^\s*:[\w-]+:.*$`),                                           // drawer lines
	regexp.MustCompile(`(?m):[\w@#%]+(?::[\w@#%]+)*:\s*$`),                              // tags
	regexp.MustCompile(`\[fn:[^\]:\s]*:?`),                                              // footnote labels
	regexp.MustCompile(`\[\[[^\]]*\]\[`),                                                // link targets with a description
	regexp.MustCompile(`\[#[A-Za-z0-9]\]`),                                              // priorities
	regexp.MustCompile(`\[[ Xx-]\]|\[@\w+\]`),                                           // checkboxes and counters
	regexp.MustCompile(`(?m)^\s*(?:[-+*]|\d+[.)]|[A-Za-z][.)])\s`),                      // list markers
}

// droppable removes from an outline what the reader may drop, generously.
func droppable(text string) string {
	for _, re := range orgDrops {
		text = re.ReplaceAllString(text, " ")
	}
	return strings.ReplaceAll(text, "file:", " ")
}
