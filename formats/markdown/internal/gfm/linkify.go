package gfm

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkifyParser makes bare addresses links (GFM's "autolinks extension"): a web address
// with its scheme ("https://www.itu.int/wsis", "http://…", "ftp://…"), one that starts
// with "www." (linked as http), and an e-mail address ("secretariat@un.org"). An address
// starts a line or follows a space, "*", "_", "~" or "(", and ends before the first
// character no address holds; punctuation that ends a sentence (".", ",", ":", "?", "!"),
// emphasis markers, an unbalanced ")" and a trailing entity reference ("&amp;") are left
// out of it. Inside a link's text nothing is linked.
//
// The rules are goldmark's (its linkify extension matches the same addresses with regular
// expressions); here they are scanned by hand, so nothing is compiled.
type linkifyParser struct{}

// Trigger implements parser.InlineParser. For goldmark a space stands for any white space
// and for the start of a line.
func (linkifyParser) Trigger() []byte { return []byte{' ', '*', '_', '~', '('} }

// Parse implements parser.InlineParser.
func (linkifyParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if pc.IsInLinkLabel() {
		return nil
	}
	line, seg := block.PeekLine()
	lead := 0 // the character before the address, kept as text
	switch line[0] {
	case ' ', '*', '_', '~', '(':
		lead = 1
	}
	rest := line[lead:]

	typ := ast.AutoLinkURL
	var protocol []byte
	end := -1
	if n := schemeLength(rest); n > 0 {
		end = hostAndPath(rest, n, true)
	}
	if end < 0 && bytes.HasPrefix(rest, []byte("www.")) {
		if end = hostAndPath(rest, len("www."), false); end >= 0 {
			protocol = []byte("http")
		}
	}
	if end < 0 {
		if end = emailEnd(rest); end < 0 {
			return nil
		}
		typ = ast.AutoLinkEmail
	}
	end = trimTrailing(rest, end)

	if lead > 0 {
		ast.MergeOrAppendTextSegment(parent, seg.WithStop(seg.Start+lead))
	}
	block.Advance(lead + end)
	start := seg.Start + lead
	link := ast.NewAutoLink(typ, ast.NewTextSegment(text.NewSegment(start, start+end)))
	link.Protocol = protocol
	return link
}

// schemeLength is the length of "http://", "https://" or "ftp://" if b starts with one,
// else 0.
func schemeLength(b []byte) int {
	for _, s := range []string{"http://", "https://", "ftp://"} {
		if len(b) >= len(s) && string(b[:len(s)]) == s {
			return len(s)
		}
	}
	return 0
}

// maxHost bounds the characters of an address's host before its last dot: goldmark's
// pattern allows 1 to 256.
const maxHost = 256

// hostAndPath returns where the address in b ends whose host starts at from, or -1 when
// there is no host: at most maxHost host characters, then a dot and a top-level domain in
// small letters (the rightmost such dot within reach), then, with port, an optional
// ":digits", then an optional path, query or fragment (from "/", "#" or "?" on, as long as
// the characters may be part of an address). Without a port the path also leaves out "$",
// as goldmark's "www." pattern does.
func hostAndPath(b []byte, from int, port bool) int {
	run := from // the host characters, as far as a dot can be
	for run < len(b) && run <= from+maxHost && isHostChar(b[run]) {
		run++
	}
	dot := -1
	for i := min(run-1, from+maxHost); i > from; i-- {
		if b[i] == '.' && i+1 < len(b) && isLower(b[i+1]) {
			dot = i
			break
		}
	}
	if dot < 0 {
		return -1
	}
	end := dot + 1
	for end < len(b) && isLower(b[end]) {
		end++
	}
	if port && end+1 < len(b) && b[end] == ':' && isDigit(b[end+1]) {
		end += 2
		for end < len(b) && isDigit(b[end]) {
			end++
		}
	}
	if end < len(b) && (b[end] == '/' || b[end] == '#' || b[end] == '?') {
		end++
		for end < len(b) && isPathChar(b[end]) && (port || b[end] != '$') {
			end++
		}
	}
	return end
}

// emailEnd returns where the e-mail address b starts with ends, or -1. The domain must
// hold a dot and the address may not run on into "-" or "_".
func emailEnd(b []byte) int {
	if len(b) > 0 && util.IsPunct(b[0]) {
		return -1
	}
	end := util.FindEmailIndex(b)
	if end < 0 {
		return -1
	}
	at := bytes.IndexByte(b, '@')
	if bytes.IndexByte(b[at:end-1], '.') < 0 {
		return -1
	}
	if b[end-1] == '.' {
		end--
	}
	if end < len(b) && (b[end] == '-' || b[end] == '_') {
		return -1
	}
	return end
}

// trimTrailing leaves out of the address b[:end] what more likely belongs to the
// sentence: final punctuation and emphasis markers, a ")" that no "(" in the address
// opened, and a final entity reference ("&amp;"). It returns the new end.
func trimTrailing(b []byte, end int) int {
	open := bytes.Count(b[:end], []byte{'('})
	closed := bytes.Count(b[:end], []byte{')'})
	for end > 1 {
		switch b[end-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~':
			end--
		case ')':
			if closed <= open {
				return end
			}
			closed--
			end--
		case ';':
			j := end - 2
			for j > 0 && util.IsAlphaNumeric(b[j]) {
				j--
			}
			if j == end-2 || b[j] != '&' {
				return end
			}
			end = j
		default:
			return end
		}
	}
	return end
}

// isHostChar reports whether c may be part of an address's host as goldmark reads it
// (letters, digits and "-@:%._+~#=").
func isHostChar(c byte) bool {
	return isAlnum(c) || strings.IndexByte("-@:%._+~#=", c) >= 0
}

// isPathChar reports whether c may be part of an address's path, query or fragment.
func isPathChar(c byte) bool {
	return isAlnum(c) || strings.IndexByte("-@:%_+.~#$!?&/=();,'\">^{}[]`", c) >= 0
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool {
	return isLower(c) || c >= 'A' && c <= 'Z' || isDigit(c)
}
