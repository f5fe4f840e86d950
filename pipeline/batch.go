package pipeline

import (
	"context"
	"errors"
	"runtime"
	"sync"
)

// BatchOptions control a batch run.
type BatchOptions struct {
	// Jobs is the number of workers; 0 means the number of CPUs.
	Jobs int
	// FailFast stops handing out inputs after the first failure.
	FailFast bool
	// Skip, when set, is asked before converting a job; returning true records the job as
	// skipped (incremental builds).
	Skip func(Job) bool
	// OnStart is called when a worker takes a job; OnDone when its result is ready. Both are
	// called from worker goroutines, one at a time (the batch serializes them), so progress
	// displays need no locking of their own.
	OnStart func(Job)
	OnDone  func(Result)
}

// Batch converts the jobs received from the channel until it is closed or ctx is cancelled.
// Jobs are streamed, not collected: memory stays flat however many inputs there are. It
// returns the number of inputs converted, failed and skipped. On cancellation, workers
// finish or abandon their current input (whose temporary files are removed), finished
// outputs stay, and inputs not yet started are not converted.
func (r *Runner) Batch(ctx context.Context, jobs <-chan Job, opts BatchOptions) (ok, failed, skipped int) {
	n := opts.Jobs
	if n <= 0 {
		n = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var mu sync.Mutex // serializes callbacks and counters
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				var job Job
				var more bool
				select {
				case <-ctx.Done():
					return
				case job, more = <-jobs:
					if !more {
						return
					}
				}
				// Both channels may be ready at once; a stopped batch takes no new input.
				if ctx.Err() != nil {
					return
				}
				if opts.Skip != nil && opts.Skip(job) {
					mu.Lock()
					skipped++
					if opts.OnDone != nil {
						opts.OnDone(Result{Input: job.Path, Skipped: true})
					}
					mu.Unlock()
					continue
				}
				if opts.OnStart != nil {
					mu.Lock()
					opts.OnStart(job)
					mu.Unlock()
				}
				res := r.Convert(ctx, job)
				if ctx.Err() != nil && errors.Is(res.Err, context.Canceled) {
					// Interrupted mid-way: not a failure of the input, and nothing of it was
					// written. The caller reports the interruption once.
					continue
				}
				mu.Lock()
				if res.Err != nil {
					failed++
					if opts.FailFast {
						cancel()
					}
				} else {
					ok++
				}
				if opts.OnDone != nil {
					opts.OnDone(res)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return ok, failed, skipped
}
