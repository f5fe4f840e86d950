// Package freelist keeps expensive, reusable values (deflate compressors, whose hash tables
// take up to a megabyte) for the next document of a batch.
//
// Unlike sync.Pool, a List is not emptied by the garbage collector. A batch collects garbage
// every few documents, and with sync.Pool each collection threw the compressors away, so a
// batch kept allocating (and clearing) new ones: a fifth of the memory it allocated. A List
// holds at most Max values, which bounds what it keeps to the concurrency of the batch.
package freelist

import "sync"

// List is a bounded stack of idle values, safe for concurrent use. The zero value keeps up
// to DefaultMax values.
type List[T any] struct {
	// Max bounds the idle values kept; Put drops a value beyond it. 0 means DefaultMax.
	Max int

	mu   sync.Mutex
	idle []T
}

// DefaultMax is enough idle values for the workers of a batch on a large machine.
const DefaultMax = 64

// Get returns an idle value, or ok false when there is none.
func (l *List[T]) Get() (v T, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.idle); n > 0 {
		v = l.idle[n-1]
		var zero T
		l.idle[n-1] = zero
		l.idle = l.idle[:n-1]
		return v, true
	}
	return v, false
}

// Put keeps v for a later Get, unless the list is full.
func (l *List[T]) Put(v T) {
	max := l.Max
	if max <= 0 {
		max = DefaultMax
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.idle) < max {
		l.idle = append(l.idle, v)
	}
}
