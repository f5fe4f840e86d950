package pipeline

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestMemTotalMatchesMeminfo checks that sysinfo(2) gives the MemTotal that /proc/meminfo
// reports, which is what the default memory limit was documented and measured with.
func TestMemTotalMatchesMeminfo(t *testing.T) {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		t.Skip("no /proc/meminfo")
	}
	defer f.Close()
	var want int64
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			want = kb << 10
		}
	}
	if got := memTotal(); got != want {
		t.Errorf("memTotal() = %d, /proc/meminfo MemTotal = %d", got, want)
	}
}
