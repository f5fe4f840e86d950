package chat

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Display turns a nick into the name a report prints: trailing underscores (added when a
// nick was taken) go, and a capitalised nick written with underscores for spaces
// ("Manu_Sporny", "TallTed_//_Ted_Thibodeau") gets its spaces back. Other nicks are kept
// as typed: "mprorock" is how the meeting knew that person.
func Display(nick string) string {
	n := strings.TrimRight(strings.TrimSpace(nick), "_")
	n = strings.TrimLeft(n, "@+%~&")
	if n == "" {
		return strings.TrimSpace(nick)
	}
	if r, _ := utf8.DecodeRuneInString(n); unicode.IsUpper(r) && strings.Contains(n, "_") {
		n = strings.Join(strings.FieldsFunc(n, func(r rune) bool { return r == '_' }), " ")
	}
	return n
}

// people is who the meeting knows: nicks seen and names given in attendance commands,
// by lower-cased display name.
type people struct {
	names map[string]string
	order []string
}

func (p *people) add(name string) {
	d := Display(name)
	k := strings.ToLower(d)
	if d == "" {
		return
	}
	if p.names == nil {
		p.names = map[string]string{}
	}
	if _, ok := p.names[k]; !ok {
		p.names[k] = d
		p.order = append(p.order, k)
	}
}

// resolve completes a speaker's name as a scribe typed it ("manu", "tobias") from the
// people the meeting knows, as scribe tools do: the one person whose first name it is
// ("Manu Sporny"), else the person of that exact nick, else the name as typed.
func (p *people) resolve(s string) string {
	k := strings.ToLower(strings.TrimSpace(s))
	if k == "" {
		return s
	}
	full := ""
	for _, key := range p.order {
		d := p.names[key]
		first, _, more := strings.Cut(key, " ")
		if more && first == k {
			if full != "" && full != d {
				full = "" // two people of that first name: keep what was typed
				break
			}
			full = d
		}
	}
	if full != "" {
		return full
	}
	// "brian_richter" is how a client writes "Brian Richter" as a nick.
	if d, ok := p.names[strings.ReplaceAll(strings.Trim(k, "_"), "_", " ")]; ok {
		return d
	}
	if d, ok := p.names[k]; ok {
		return d
	}
	return Display(s)
}

// known reports a name the meeting knows as a person (exactly, or as the first name of
// one).
func (p *people) known(s string) bool {
	k := strings.ToLower(strings.TrimSpace(s))
	if _, ok := p.names[k]; ok {
		return true
	}
	for _, key := range p.order {
		if first, _, more := strings.Cut(key, " "); more && first == k {
			return true
		}
	}
	return false
}
