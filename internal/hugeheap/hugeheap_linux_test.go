package hugeheap

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestAdvise: advising the heap either works or is refused in one of the ways the package
// expects (a block with unmapped parts, a kernel without transparent huge pages).
func TestAdvise(t *testing.T) {
	if err := advise(unsafe.Pointer(probe)); err != nil && !errors.Is(err, syscall.ENOMEM) && !errors.Is(err, syscall.EINVAL) {
		t.Fatalf("advise: %v", err)
	}
}

// TestHeapAdvised: where the kernel offers transparent huge pages on request, the mapping
// holding the heap object probe is advised (its VmFlags have "hg").
func TestHeapAdvised(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(mode), "[madvise]") && !strings.Contains(string(mode), "[always]") {
		t.Skip("no transparent huge pages on request here")
	}
	if disabled(os.Getenv("GODEBUG")) {
		t.Skip("GODEBUG disablethp=1")
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	addr := uint64(uintptr(unsafe.Pointer(probe)))
	var in bool
	for _, line := range strings.Split(string(smaps), "\n") {
		var lo, hi uint64
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 && !strings.HasPrefix(line, "VmFlags") {
			in = lo <= addr && addr < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			if !strings.Contains(line, " hg") {
				t.Fatalf("heap mapping not advised: %s", line)
			}
			return
		}
	}
	t.Fatal("heap mapping not found in /proc/self/smaps")
}

// TestDisabled: GODEBUG's disablethp=1 turns the advice off, as it does the runtime's.
func TestDisabled(t *testing.T) {
	for godebug, want := range map[string]bool{
		"": false, "disablethp=1": true, "gctrace=1,disablethp=1": true, "disablethp=0": false, "xdisablethp=1": false,
	} {
		if got := disabled(godebug); got != want {
			t.Errorf("disabled(%q) = %v", godebug, got)
		}
	}
}
