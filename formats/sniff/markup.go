package sniff

import (
	"strings"

	"github.com/scribe-un/scribe/internal/lazyre"
)

// The sniffers of text formats whose files often carry another format's extension: a chat
// log saved as .txt, a wiki page or reStructuredText exported as .md. Each looks for signs
// only that format has, because reading notes as markup joins their lines and reading
// markup as notes prints it as typed.

var (
	// ircStamped is a log line: an ISO timestamp, or a clock time followed by "<nick>",
	// "nick:" or a client notice. A clock time before plain words ("09:00 Opening") is an
	// agenda line, not a log.
	ircStamped = lazyre.New(`^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}\S*\]?\s+\S|^\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+(?:<[^<>\s]+>|[^\s:<>]{1,40}:\s|\*\*\*|-!-|\* \S)`)
	// ircBracket is "<nick> text".
	ircBracket = lazyre.New(`^<[@+%~&]?[^<>\s]{1,64}>\s`)
	// w3cTopic is a "Topic:" line of W3C scribe minutes.
	w3cTopic = lazyre.New(`(?m)^Topic: \S`)
	// wikiHeading is a MediaWiki heading closed by as many signs as open it, or nearly.
	wikiHeading = lazyre.New(`(?m)^={2,6}[^=\n][^\n]*?={2,6}[ \t]*\r?$`)
	// wikiSign is markup only MediaWiki uses: bold, internal links, tables, templates,
	// references, bullets glued to their text.
	wikiSign = lazyre.New(`'''[^'\n]+'''|\[\[[^\]\n]+\]\]|(?m:^\{\|)|\{\{[^}\n]+\}\}|<ref[ >]|(?m:^\*+[^\s*])`)
	// rstExplicit is an explicit-markup line of reStructuredText: a directive, a target, a
	// footnote, a substitution or a metadata comment.
	rstExplicit = lazyre.New(`(?m)^\.\. (?:[A-Za-z][\w-]*::|_[^:\n]+:|\[[^\]\n]+\]|\|[^|\n]+\||(?:title|date|slug|tags):)`)
	// rstReference is a hyperlink reference: "`text <url>`_" or "`phrase`_".
	rstReference = lazyre.New("`[^`\\n]+`__?(?:\\W|$)")
	// orgKeyword is an org-mode keyword line ("#+TITLE: …", "#+BEGIN_SRC").
	orgKeyword = lazyre.New(`(?mi)^#\+(?:title|date|author|options|startup|begin_\w+|setupfile|filetags):?`)
	// orgSubHeadline is a headline of level two or deeper at the left margin: "** Actions".
	orgSubHeadline = lazyre.New(`(?m)^\*{2,} \S`)
	// orgHeadline is a top headline: "* Item".
	orgHeadline = lazyre.New(`(?m)^\* \S`)
)

// mayBeStamped is false for a line that ircStamped cannot match: one that does not open,
// after an optional "[", with four digits and "-" (a date) or one or two digits and ":" (a
// clock time). Notes' lines that open with a digit ("1. ", "2 May 2005") fail here, so a
// document of notes never compiles the expression.
func mayBeStamped(t string) bool {
	t = strings.TrimPrefix(t, "[")
	digit := func(i int) bool { return i < len(t) && '0' <= t[i] && t[i] <= '9' }
	at := func(i int, c byte) bool { return i < len(t) && t[i] == c }
	return digit(0) && digit(1) && digit(2) && digit(3) && at(4, '-') ||
		digit(0) && (at(1, ':') || digit(1) && at(2, ':'))
}

// looksIRC is true for a chat log (most lines stamped or "<nick>" lines) and for W3C
// scribe minutes sent as text ("Topic:" lines with the scribe tools' other marks).
func looksIRC(text string) bool {
	lines, marked := 0, 0
	for l := range strings.Lines(text) {
		t := strings.TrimRight(l, "\r\n")
		if strings.TrimSpace(t) == "" {
			continue
		}
		lines++
		// Both patterns open in a way a few bytes tell: most lines are ruled out without
		// running the expressions along a long paragraph, or compiling them at all.
		if mayBeStamped(t) && ircStamped.MatchString(t) || t[0] == '<' && ircBracket.MatchString(t) {
			marked++
		}
		if lines == 60 {
			break
		}
	}
	if marked >= 3 && marked*2 >= lines {
		return true
	}
	if !strings.Contains(text, "Topic: ") || !w3cTopic.MatchString(text) {
		return false
	}
	marks := 0
	for _, sign := range []string{"\nPresent:\n  ", "\nScribe:\n  ", "\n  ... ", "\n<"} {
		if strings.Contains(text, sign) {
			marks++
		}
	}
	return marks >= 2
}

// looksMediaWiki is true for closed "== Heading ==" lines with other MediaWiki markup, or
// for several such headings and more of them than Markdown "#" headings.
func looksMediaWiki(text string) bool {
	if !strings.Contains(text, "==") {
		return false
	}
	headings := len(wikiHeading.FindAllStringIndex(text, 8))
	if headings == 0 {
		return false
	}
	if headings >= 2 && headings > len(atxHeading.FindAllStringIndex(text, 8)) {
		return true
	}
	return wikiSign.MatchString(text)
}

// looksRST is true for reStructuredText's explicit markup (".. directive::", ".. _target:",
// ".. title:") or for hyperlink references together with a title underline.
func looksRST(text string) bool {
	if strings.Contains(text, ".. ") && rstExplicit.MatchString(text) {
		return true
	}
	return strings.Contains(text, "`_") && rstReference.MatchString(text) && setextUnderline.MatchString(text)
}

// looksOrg is true for org-mode: keyword lines ("#+TITLE:"), or an outline of "* " headlines
// with deeper "** " headlines at the left margin, which Markdown has no use for.
func looksOrg(text string) bool {
	if strings.Contains(text, "#+") && orgKeyword.MatchString(text) {
		return true
	}
	return strings.Contains(text, "** ") && orgSubHeadline.MatchString(text) && orgHeadline.MatchString(text)
}

// ContentWins reports whether the format read from a file's content is stronger evidence
// than the one its extension names. Extensions of plain text say little: a MediaWiki page,
// a reStructuredText file, an org outline or a chat log saved as .md is read as what it is,
// and a chat log or scribe's own JSON saved as .txt too. Notes saved as .txt keep the notes
// reader for markup that plain notes also use (== Heading ==, * bullets), so a .txt never
// becomes MediaWiki or org-mode by its content.
func ContentWins(byExt, byContent string) bool {
	switch byExt {
	case "markdown":
		switch byContent {
		case "mediawiki", "rst", "org", "irc", "json":
			return true
		}
	case "notes":
		return byContent == "irc" || byContent == "json"
	}
	return false
}
