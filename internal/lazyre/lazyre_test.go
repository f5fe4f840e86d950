package lazyre

import (
	"regexp"
	"sync"
	"testing"
)

// TestSameAnswers: a lazy expression answers as the compiled one, from many goroutines at
// once on first use.
func TestSameAnswers(t *testing.T) {
	const expr = `(\d{1,2}) (\p{L}+) (\d{4})`
	lazy, eager := New(expr), regexp.MustCompile(expr)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !lazy.MatchString("on 2 May 2005") {
				t.Error("no match")
			}
		}()
	}
	wg.Wait()
	s := "on 2 May 2005 and 31 décembre 2024"
	if got, want := lazy.FindAllStringSubmatch(s, -1), eager.FindAllStringSubmatch(s, -1); len(got) != 2 || got[1][2] != want[1][2] {
		t.Errorf("got %q, want %q", got, want)
	}
	if lazy.String() != expr || lazy.NumSubexp() != 3 || lazy.Re() != lazy.Re() {
		t.Error("expression not kept or compiled twice")
	}
}

// TestInvalidPanicsOnUse: a bad expression costs nothing until used, then panics.
func TestInvalidPanicsOnUse(t *testing.T) {
	bad := New(`(`)
	defer func() {
		if recover() == nil {
			t.Error("an invalid expression did not panic on use")
		}
	}()
	bad.MatchString("x")
}
