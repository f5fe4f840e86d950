package hyphen

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// builder collects Liang patterns into a trie over runes in one slice of nodes, each
// with its first child and next sibling; encode then writes it in the compiled form
// Load reads (compiled.go). Building costs an append per new node and no hashing; the
// root's children, the widest fan-out, are also indexed by rune for the scripts scribe
// hyphenates.
type builder struct {
	nodes []node // nodes[0] is the root
	// root[r] is the root's child for rune r, 0 for none.
	root [rootRunes]uint32
	// digits holds the inter-letter values of every pattern: those of the pattern
	// ending at node n are digits[n.val-1 : n.val-1+depth+1].
	digits []uint8
	// maxLen is the length in runes of the longest pattern, dots included.
	maxLen int

	// The letters of the last pattern added and their nodes: pattern files are
	// mostly sorted, so a pattern usually starts like the one before it and add
	// follows that path without searching.
	lastR    [lastPath]rune
	lastNode [lastPath]uint32
	lastLen  int
}

const lastPath = 32

// rootRunes covers the Latin, Greek and Cyrillic letters.
const rootRunes = 0x500

type node struct {
	r           rune
	child, next uint32 // 0 for none: the root is nobody's child or sibling
	val         uint32 // 1 + offset in digits of the pattern ending here, 0 for none
}

// newBuilder sizes the tables for about n patterns: the embedded files have 1.0 to
// 1.6 nodes and 2 to 7 digits a pattern.
func newBuilder(n int) *builder {
	return &builder{
		nodes:  make([]node, 1, 17*n/10+1),
		digits: make([]uint8, 0, 7*n),
	}
}

// child returns the child of node n labelled r, or 0.
func (t *builder) child(n uint32, r rune) uint32 {
	if n == 0 && r >= 0 && r < rootRunes {
		return t.root[r]
	}
	for c := t.nodes[n].child; c != 0; c = t.nodes[c].next {
		if t.nodes[c].r == r {
			return c
		}
	}
	return 0
}

// add inserts one pattern in TeX's notation, letters with digits between them
// ("hy3ph", ".ach4"). It rejects a pattern with no letter or two digits in a row.
func (t *builder) add(pat string) error {
	n := uint32(0)
	start := len(t.digits)
	t.digits = append(t.digits, 0)
	depth := 0
	digitSeen := false
	same := true // the pattern so far is a prefix of the last one
	for _, r := range pat {
		if r >= '0' && r <= '9' {
			if digitSeen {
				t.digits, t.lastLen = t.digits[:start], 0
				return fmt.Errorf("pattern %q: two digits in a row", pat)
			}
			t.digits[len(t.digits)-1] = uint8(r - '0')
			digitSeen = true
			continue
		}
		if r == utf8.RuneError {
			t.digits, t.lastLen = t.digits[:start], 0
			return fmt.Errorf("pattern %q: invalid UTF-8", pat)
		}
		digitSeen = false
		var next uint32
		if same = same && depth < t.lastLen && t.lastR[depth] == r; same {
			next = t.lastNode[depth]
		} else {
			next = t.child(n, r)
			if next == 0 {
				next = uint32(len(t.nodes))
				t.nodes = append(t.nodes, node{r: r, next: t.nodes[n].child})
				t.nodes[n].child = next
				if n == 0 && r >= 0 && r < rootRunes {
					t.root[r] = next
				}
			}
			if depth < lastPath {
				t.lastR[depth], t.lastNode[depth] = r, next
			}
		}
		n = next
		depth++
		t.digits = append(t.digits, 0)
	}
	t.lastLen = min(depth, lastPath)
	if depth == 0 {
		t.digits = t.digits[:start]
		return fmt.Errorf("pattern %q has no letter", pat)
	}
	if at := t.nodes[n].val; at != 0 {
		// A repeated pattern: TeX rejects it; keeping the later one is harmless.
		copy(t.digits[at-1:int(at)+depth], t.digits[start:])
		t.digits = t.digits[:start]
		return nil
	}
	t.nodes[n].val = uint32(start) + 1
	t.maxLen = max(t.maxLen, depth)
	return nil
}

// loadTeX adds the patterns of a hyph-utf8 file to t and returns the words of its
// \hyphenation group. It reads the \patterns{…} and \hyphenation{…} groups and skips
// comments; the files are UTF-8 and use no other TeX markup inside the groups.
// Tokens are scanned in place, so loading allocates only the trie.
func loadTeX(t *builder, src string) (exceptions []string, err error) {
	const (
		outside = iota
		inPatterns
		inExceptions
	)
	state := outside
	seenPatterns := false
	lineNo := 1
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			lineNo++
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '%':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		}
		j := i
		for j < len(src) && src[j] != ' ' && src[j] != '\t' && src[j] != '\r' && src[j] != '\n' && src[j] != '%' {
			j++
		}
		f := src[i:j]
		i = j
		switch {
		case state == outside && strings.HasPrefix(f, `\patterns{`):
			state, seenPatterns = inPatterns, true
			f = f[len(`\patterns{`):]
		case state == outside && strings.HasPrefix(f, `\hyphenation{`):
			state = inExceptions
			f = f[len(`\hyphenation{`):]
		case state == outside:
			return nil, fmt.Errorf("line %d: unexpected %q outside \\patterns and \\hyphenation", lineNo, f)
		}
		closed := strings.HasSuffix(f, "}")
		f = strings.TrimSuffix(f, "}")
		if strings.ContainsAny(f, `\{}`) {
			return nil, fmt.Errorf("line %d: unsupported TeX markup in %q", lineNo, f)
		}
		switch {
		case f == "":
		case state == inPatterns:
			if err := t.add(f); err != nil {
				return nil, fmt.Errorf("line %d: %w", lineNo, err)
			}
		case !utf8.ValidString(f):
			return nil, fmt.Errorf("line %d: invalid UTF-8", lineNo)
		default:
			exceptions = append(exceptions, f)
		}
		if closed {
			state = outside
		}
	}
	if state != outside {
		return nil, fmt.Errorf("unclosed group at end of file")
	}
	if !seenPatterns {
		return nil, fmt.Errorf("no \\patterns group")
	}
	return exceptions, nil
}

// loadDic adds the patterns of a hyph_*.dic file, the format of the Hyphen library
// LibreOffice uses, to t and returns its minimums. The file is UTF-8: a charset line,
// keyword lines, then one pattern a line. Compound-word keywords are read and ignored
// (Breaks never hyphenates the parts of a compound); a second pattern level
// (NEXTLEVEL) and non-standard patterns ("ff1f/f=f,2,2") are not supported.
func loadDic(t *builder, src string) (left, right int, err error) {
	lineNo := 0
	for line := range strings.Lines(src) {
		lineNo++
		line = strings.TrimSpace(line)
		if lineNo == 1 {
			if line != "UTF-8" {
				return 0, 0, fmt.Errorf("line 1: charset %q, want UTF-8", line)
			}
			continue
		}
		if line == "" || line[0] == '%' {
			continue
		}
		if key, val, ok := strings.Cut(line, " "); ok && key == strings.ToUpper(key) {
			n, err := strconv.Atoi(strings.TrimSpace(val))
			if err != nil {
				return 0, 0, fmt.Errorf("line %d: %s: %w", lineNo, key, err)
			}
			switch key {
			case "LEFTHYPHENMIN":
				left = n
			case "RIGHTHYPHENMIN":
				right = n
			case "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN":
			default:
				return 0, 0, fmt.Errorf("line %d: unsupported keyword %s", lineNo, key)
			}
			continue
		}
		switch {
		case line == "NEXTLEVEL" || strings.HasPrefix(line, "NOHYPHEN"):
			return 0, 0, fmt.Errorf("line %d: unsupported keyword %s", lineNo, line)
		case strings.ContainsRune(line, '/'):
			return 0, 0, fmt.Errorf("line %d: non-standard pattern %q not supported", lineNo, line)
		}
		if err := t.add(line); err != nil {
			return 0, 0, fmt.Errorf("line %d: %w", lineNo, err)
		}
	}
	if left == 0 || right == 0 {
		return 0, 0, fmt.Errorf("no LEFTHYPHENMIN or RIGHTHYPHENMIN")
	}
	return left, right, nil
}
