package pipeline

import (
	"context"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/scribe-un/scribe/pipeline/model"
)

// Memory. A hostile or merely huge input must be refused with one line, alone, while the
// rest of the batch goes on; running out of memory instead kills the whole process. So the
// runner estimates what an input will need, before reading it (from its size) and again
// before writing it (from its text and the output formats), refuses an input whose estimate
// exceeds Limits.MaxMemory, and makes workers of a batch wait while the estimates of the
// inputs in flight would exceed it together.

// baseCost is the peak memory, per byte of text, of reading, normalizing and writing the
// light formats (JSON, Markdown, HTML, DOCX): 12 MB of notes peak at 208 MB converted to
// JSON (17×) and 91 MB to DOCX; a 60 MiB one-line file at 587 MB to JSON (10×).
const baseCost = 20

// fallbackMemory is the machine's memory where it cannot be read.
const fallbackMemory = 8 << 30

// DefaultMaxMemory is the default of Limits.MaxMemory: half of the memory scribe may use,
// which is the machine's (MemTotal in /proc/meminfo) or its control group's limit when that
// is lower, or half of 8 GiB where neither can be read.
func DefaultMaxMemory() int64 {
	total := memTotal()
	if cg := cgroupLimit(); cg > 0 && (total <= 0 || cg < total) {
		total = cg
	}
	if total <= 0 {
		total = fallbackMemory
	}
	return total / 2
}

// cgroupLimit is the memory limit of scribe's control group (cgroup v2), or 0 for none.
func cgroupLimit() int64 {
	b, err := os.ReadFile("/sys/fs/cgroup/memory.max")
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return 0 // "max": no limit
	}
	return n
}

// readNeed estimates the memory of reading an input of size bytes.
func readNeed(size int64) int64 { return size * baseCost }

// renderNeed estimates the memory of writing doc in every output format (one at a time):
// the light formats' cost plus the dearest writer's own (see model.MemoryCost).
func (r *Runner) renderNeed(doc *model.Document) int64 {
	var extra int64
	for _, f := range r.opts.To {
		if w, err := r.opts.Registry.Writer(f); err == nil {
			if c, ok := w.(model.MemoryCost); ok {
				extra = max(extra, c.PeakMemory(doc))
			}
		}
	}
	return int64(model.TextBytes(doc.Blocks))*baseCost + extra
}

// reserve takes need bytes of the memory budget for one input, waiting while inputs in
// flight hold too much of it; it refuses an input that needs more than the whole budget,
// naming what is converted (what) and the file. The returned function gives the memory back.
func (r *Runner) reserve(ctx context.Context, file, what string, need int64) (release func(), err error) {
	if need > r.opts.Limits.MaxMemory {
		return nil, model.Errorf("scribe", model.Pos{File: file}, model.ErrTooLarge, "%s would need about %s of memory, limit %s",
			what, mib(need), mib(r.opts.Limits.MaxMemory)).WithSetting(model.SettingMaxMemory)
	}
	if err := r.mem.acquire(ctx, need); err != nil {
		return nil, err
	}
	return func() { r.mem.release(need) }, nil
}

// mib prints a byte count in MiB, with a decimal below 10.
func mib(n int64) string {
	if m := float64(n) / (1 << 20); m < 10 {
		return strconv.FormatFloat(m, 'f', 1, 64) + " MiB"
	}
	return strconv.FormatInt(n>>20, 10) + " MiB"
}

// budget is a count of bytes shared by the workers of a batch.
type budget struct {
	mu    sync.Mutex
	free  int64
	freed chan struct{} // closed, and replaced, whenever memory is given back
}

func newBudget(n int64) *budget { return &budget{free: n, freed: make(chan struct{})} }

// acquire takes n bytes, waiting until they are free or ctx ends.
func (b *budget) acquire(ctx context.Context, n int64) error {
	for {
		b.mu.Lock()
		if n <= b.free {
			b.free -= n
			b.mu.Unlock()
			return nil
		}
		freed := b.freed
		b.mu.Unlock()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-freed:
		}
	}
}

// release gives n bytes back and wakes the waiting workers.
func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	close(b.freed)
	b.freed = make(chan struct{})
	b.mu.Unlock()
}
