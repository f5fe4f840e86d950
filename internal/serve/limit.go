package serve

import (
	"context"
	"sync/atomic"
	"time"
)

// limiter bounds the work in the server. Admission is taken before a request body is read,
// so at most jobs+queue bodies are held in memory; a slot is taken before converting, so at
// most jobs conversions run at once. A request that finds admission full, or waits longer
// than wait for a slot, is refused with 503 and Retry-After.
type limiter struct {
	admit chan struct{}
	slots chan struct{}
	wait  time.Duration
	// busy counts conversions running; queued counts requests admitted and waiting.
	busy, queued atomic.Int64
}

func newLimiter(jobs, queue int, wait time.Duration) *limiter {
	return &limiter{admit: make(chan struct{}, jobs+queue), slots: make(chan struct{}, jobs), wait: wait}
}

// enter admits a request or refuses it at once; leave must be called when it is done.
func (l *limiter) enter() bool {
	select {
	case l.admit <- struct{}{}:
		return true
	default:
		return false
	}
}

func (l *limiter) leave() { <-l.admit }

// acquire waits for a conversion slot; release gives it back.
func (l *limiter) acquire(ctx context.Context) error {
	select {
	case l.slots <- struct{}{}:
		l.busy.Add(1)
		return nil
	default:
	}
	l.queued.Add(1)
	defer l.queued.Add(-1)
	t := time.NewTimer(l.wait)
	defer t.Stop()
	select {
	case l.slots <- struct{}{}:
		l.busy.Add(1)
		return nil
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *limiter) release() {
	l.busy.Add(-1)
	<-l.slots
}
