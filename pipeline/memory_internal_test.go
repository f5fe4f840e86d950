package pipeline

import (
	"context"
	"testing"
	"time"
)

// TestBudget: a worker waits while others hold the memory it needs, goes on when they give
// it back, and stops waiting when its run is cancelled.
func TestBudget(t *testing.T) {
	b := newBudget(100)
	if err := b.acquire(context.Background(), 70); err != nil {
		t.Fatal(err)
	}
	got := make(chan error)
	go func() { got <- b.acquire(context.Background(), 50) }()
	select {
	case err := <-got:
		t.Fatalf("acquired 50 of 30 free: %v", err)
	case <-time.After(20 * time.Millisecond):
	}
	b.release(70)
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { got <- b.acquire(ctx, 60) }()
	cancel()
	if err := <-got; err == nil {
		t.Fatal("a cancelled wait acquired memory")
	}
	b.release(50)
	if b.free != 100 {
		t.Errorf("free = %d after every release, want 100", b.free)
	}
}
