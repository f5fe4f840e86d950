package freelist

import (
	"runtime"
	"sync"
	"testing"
)

func TestList(t *testing.T) {
	var l List[*int]
	if _, ok := l.Get(); ok {
		t.Fatal("empty list gave a value")
	}
	a, b := new(int), new(int)
	l.Put(a)
	l.Put(b)
	runtime.GC() // a sync.Pool would lose its values here
	runtime.GC()
	if v, ok := l.Get(); !ok || v != b {
		t.Error("Get did not return the last value put")
	}
	if v, ok := l.Get(); !ok || v != a {
		t.Error("Get did not return the first value put")
	}
}

func TestBounded(t *testing.T) {
	l := List[int]{Max: 2}
	for i := range 5 {
		l.Put(i)
	}
	n := 0
	for {
		if _, ok := l.Get(); !ok {
			break
		}
		n++
	}
	if n != 2 {
		t.Errorf("kept %d values, want 2", n)
	}
}

func TestConcurrent(t *testing.T) {
	var l List[int]
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				l.Put(i)
				l.Get()
			}
		}()
	}
	wg.Wait()
}
