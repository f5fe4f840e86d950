package hyphen

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// The compiled form of a pattern set is what Load reads: the trie the patterns build,
// written out as fixed-width tables so that loading a language slices the embedded
// file instead of parsing thousands of patterns (1.5 to 3 ms for English in a fresh
// process, a tenth of a one-document conversion). The files are generated from the
// pattern files beside them by `go generate` (go test -run TestCompiled -update), and
// TestCompiled checks that they still say exactly what the patterns give.
//
// A compiled file is a text notice naming its source, ended by a NUL byte, then
// little-endian tables:
//
//	header   10 uint32: magic "HYT1", left and right minimums, longest pattern,
//	         size of the second-letter alphabet, node count, second-letter
//	         table size, digit count, exception count, exception bytes
//	root     rootRunes uint32: the root's child for each rune, 0 for none
//	alpha    rootRunes bytes: 1 + the column of a rune in the second-letter table
//	row      rootRunes bytes: 1 + the row of the root's child for a rune
//	nodes    4 uint32 a node (node 0 is the root): its rune, first child, next
//	         sibling, and 1 + the offset in digits of the pattern ending there
//	second   rows × alphabet uint32: the grandchildren of the root by their first
//	         and second rune, so matching a word need not walk sibling lists there
//	digits   the inter-letter values of the patterns, depth+1 bytes each, shared by
//	         patterns with the same values
//	excIndex uint32 offsets into excData of the exceptions, by word
//	excData  for each exception: its length in bytes, the folded word, the number
//	         of breaks, and their rune offsets, one byte each

const (
	compiledMagic  = "HYT1"
	compiledFields = 10
	nodeSize       = 16
)

// trie is a compiled pattern set, read in place from the embedded file.
type trie struct {
	root, alpha, row, nodes, second, digits string
	nalpha, maxLen                          int
}

// exceptions are the words a pattern set hyphenates by a list, in place.
type exceptions struct {
	index, data string
}

// le32 reads the little-endian uint32 at s[i:].
func le32(s string, i int) uint32 {
	_ = s[i+3]
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

func (t *trie) node(n uint32, field int) uint32 { return le32(t.nodes, int(n)*nodeSize+4*field) }

// child returns the child of node n labelled r, or 0.
func (t *trie) child(n uint32, r rune) uint32 {
	if n == 0 && r >= 0 && r < rootRunes {
		return le32(t.root, 4*int(r))
	}
	for c := t.node(n, 1); c != 0; c = t.node(c, 2) {
		if rune(t.node(c, 0)) == r {
			return c
		}
	}
	return 0
}

// secondChild returns the child labelled r of node n, the root's child labelled
// first, or 0.
func (t *trie) secondChild(first rune, n uint32, r rune) uint32 {
	if t.nalpha > 0 && first >= 0 && first < rootRunes && r >= 0 && r < rootRunes {
		a := t.alpha[r]
		if a == 0 {
			return 0
		}
		return le32(t.second, 4*(int(t.row[first]-1)*t.nalpha+int(a)-1))
	}
	return t.child(n, r)
}

// apply raises the inter-letter values v of the padded word w (".word.") with every
// pattern that matches in it: v[i] is the value between w[i-1] and w[i].
func (t *trie) apply(w []rune, v []uint8) {
	for i := range w {
		n := uint32(0)
		for j := i; j < len(w) && j-i < t.maxLen; j++ {
			if j == i+1 {
				n = t.secondChild(w[i], n, w[j])
			} else {
				n = t.child(n, w[j])
			}
			if n == 0 {
				break
			}
			if at := t.node(n, 3); at != 0 {
				d := t.digits[at-1 : int(at)+j-i+1]
				for k := range len(d) {
					if x := d[k]; x > v[i+k] {
						v[i+k] = x
					}
				}
			}
		}
	}
}

// lookup returns the rune offsets of the breaks of the folded word key, one a byte.
func (e exceptions) lookup(key []byte) (points string, ok bool) {
	lo, hi := 0, len(e.index)/4
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		off := int(le32(e.index, 4*m))
		word := e.data[off+1 : off+1+int(e.data[off])]
		switch {
		case word == string(key):
			at := off + 1 + len(word)
			return e.data[at+1 : at+1+int(e.data[at])], true
		case word < string(key):
			lo = m + 1
		default:
			hi = m
		}
	}
	return "", false
}

// encode writes the compiled form of the patterns in t, with the exceptions (folded
// word → rune offsets of its breaks) and minimums of the language; notice is the text
// that heads the file.
func (t *builder) encode(notice string, exc map[string][]int, left, right int) ([]byte, error) {
	if strings.IndexByte(notice, 0) >= 0 {
		return nil, errors.New("notice contains NUL")
	}
	// The second-letter table, as index built it.
	var alpha, row [rootRunes]uint8
	nalpha, rows := 0, 0
	indexed := true
	for c := t.nodes[0].child; c != 0 && indexed; c = t.nodes[c].next {
		if t.nodes[c].r >= rootRunes {
			continue
		}
		rows++
		for g := t.nodes[c].child; g != 0; g = t.nodes[g].next {
			if r := t.nodes[g].r; r >= 0 && r < rootRunes && alpha[r] == 0 {
				nalpha++
				alpha[r] = uint8(nalpha)
				if nalpha == 255 {
					indexed = false
					break
				}
			}
		}
	}
	var second []uint32
	if !indexed || rows > 255 {
		alpha, nalpha = [rootRunes]uint8{}, 0
	} else {
		second = make([]uint32, rows*nalpha)
		k := 0
		for c := t.nodes[0].child; c != 0; c = t.nodes[c].next {
			r := t.nodes[c].r
			if r >= rootRunes {
				continue
			}
			row[r] = uint8(k + 1)
			for g := t.nodes[c].child; g != 0; g = t.nodes[g].next {
				if gr := t.nodes[g].r; gr >= 0 && gr < rootRunes {
					second[k*nalpha+int(alpha[gr])-1] = g
				}
			}
			k++
		}
	}

	// Digits, shared between patterns with the same values; a node's depth gives
	// the length of its pattern's values.
	depth := make([]int, len(t.nodes))
	stack := []uint32{0}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := t.nodes[n].child; c != 0; c = t.nodes[c].next {
			depth[c] = depth[n] + 1
			stack = append(stack, c)
		}
	}
	var digits []byte
	shared := map[string]uint32{}
	val := make([]uint32, len(t.nodes))
	for n, nd := range t.nodes {
		if nd.val == 0 {
			continue
		}
		d := t.digits[nd.val-1 : int(nd.val)+depth[n]]
		at, ok := shared[string(d)]
		if !ok {
			at = uint32(len(digits))
			shared[string(d)] = at
			digits = append(digits, d...)
		}
		val[n] = at + 1
	}

	words := make([]string, 0, len(exc))
	for w := range exc {
		words = append(words, w)
	}
	slices.Sort(words)
	var excIndex []uint32
	var excData []byte
	for _, w := range words {
		pts := exc[w]
		if len(w) > 255 || len(pts) > 255 {
			return nil, fmt.Errorf("exception %q too long", w)
		}
		excIndex = append(excIndex, uint32(len(excData)))
		excData = append(excData, byte(len(w)))
		excData = append(excData, w...)
		excData = append(excData, byte(len(pts)))
		for _, p := range pts {
			if p < 0 || p > 255 {
				return nil, fmt.Errorf("exception %q: break at %d", w, p)
			}
			excData = append(excData, byte(p))
		}
	}

	size := len(notice) + 1 + 4*compiledFields + 6*rootRunes + nodeSize*len(t.nodes) + 4*len(second) + len(digits) + 4*len(excIndex) + len(excData)
	b := make([]byte, 0, size)
	b = append(b, notice...)
	b = append(b, 0)
	le := binary.LittleEndian
	b = append(b, compiledMagic...)
	for _, v := range []int{left, right, t.maxLen, nalpha, len(t.nodes), len(second), len(digits), len(excIndex), len(excData)} {
		b = le.AppendUint32(b, uint32(v))
	}
	for _, v := range t.root {
		b = le.AppendUint32(b, v)
	}
	b = append(b, alpha[:]...)
	b = append(b, row[:]...)
	for n, nd := range t.nodes {
		b = le.AppendUint32(b, uint32(nd.r))
		b = le.AppendUint32(b, nd.child)
		b = le.AppendUint32(b, nd.next)
		b = le.AppendUint32(b, val[n])
	}
	for _, v := range second {
		b = le.AppendUint32(b, v)
	}
	b = append(b, digits...)
	for _, v := range excIndex {
		b = le.AppendUint32(b, v)
	}
	b = append(b, excData...)
	return b, nil
}

// decode reads a compiled pattern set in place: the Dict it returns refers to src.
func decode(tag, src string) (*Dict, error) {
	end := strings.IndexByte(src, 0)
	if end < 0 || len(src)-end-1 < 4*compiledFields || src[end+1:end+5] != compiledMagic {
		return nil, errors.New("not a compiled pattern set")
	}
	p := end + 1
	var h [compiledFields]int
	for i := range h {
		h[i] = int(le32(src, p+4*i))
	}
	p += 4 * compiledFields
	left, right, maxLen, nalpha := h[1], h[2], h[3], h[4]
	nNodes, nSecond, nDigits, nExc, excBytes := h[5], h[6], h[7], h[8], h[9]
	sizes := [...]int{4 * rootRunes, rootRunes, rootRunes, nodeSize * nNodes, 4 * nSecond, nDigits, 4 * nExc, excBytes}
	total := 0
	for _, s := range sizes {
		total += s
	}
	if nNodes < 1 || total != len(src)-p {
		return nil, errors.New("compiled pattern set truncated")
	}
	var sec [len(sizes)]string
	for i, s := range sizes {
		sec[i], p = src[p:p+s], p+s
	}
	d := &Dict{lang: tag, left: left, right: right}
	d.trie = trie{root: sec[0], alpha: sec[1], row: sec[2], nodes: sec[3], second: sec[4], digits: sec[5], nalpha: nalpha, maxLen: maxLen}
	d.exc = exceptions{index: sec[6], data: sec[7]}
	return d, nil
}

// compile parses the pattern file of l into its compiled form.
func compile(l *language, src string) ([]byte, error) {
	// A pattern takes 9 or more bytes of the embedded files, comments included.
	t := newBuilder(len(src) / 9)
	left, right := l.left, l.right
	var exc map[string][]int
	if strings.HasSuffix(l.file, ".dic") {
		var err error
		if left, right, err = loadDic(t, src); err != nil {
			return nil, err
		}
	} else {
		words, err := loadTeX(t, src)
		if err != nil {
			return nil, err
		}
		exc = make(map[string][]int, len(words))
		for _, e := range words {
			word, pts := splitHyphenated(e)
			exc[strings.Map(fold, word)] = pts
		}
	}
	name := l.file[strings.LastIndexByte(l.file, '/')+1:]
	notice := fmt.Sprintf("Hyphenation patterns of %s (SHA-256 %x), compiled by scribe's formats/pdf/hyphen.\n"+
		"Copyright and licence: those of %[1]s; see README.md beside this file.\n", name, sha256.Sum256([]byte(src)))
	return t.encode(notice, exc, left, right)
}
