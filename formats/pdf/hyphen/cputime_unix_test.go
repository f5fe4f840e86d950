//go:build unix

package hyphen

import (
	"syscall"
	"time"
)

// cpuTime is the user+system CPU time the process has used: benchmarks report it
// beside wall time, which on a shared machine measures the queue as much as the code.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
