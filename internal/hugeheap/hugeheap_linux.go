package hugeheap

import (
	"strings"
	"syscall"
	"unsafe"
)

// arenaBytes is the size and alignment of the Go runtime's heap arenas on Linux (64 MB, 4 MB
// on 32-bit systems): the block holding any heap object holds all of the heap mapped at
// start-up.
const arenaBytes = 4 << 20 << (4 * (^uintptr(0) >> 63))

// madvHugepage is MADV_HUGEPAGE.
const madvHugepage = 14

// probe is a heap object, to find the heap by.
var probe = new([16]byte)

func init() { _ = advise() }

// advise advises the mapped part of the heap arena holding probe. Unmapped parts of the
// block make madvise answer ENOMEM after advising the rest; a kernel without transparent
// huge pages answers EINVAL. Both leave the program as it was.
func advise() error {
	if godebug, _ := syscall.Getenv("GODEBUG"); disabled(godebug) {
		return nil
	}
	base := uintptr(unsafe.Pointer(probe)) &^ (arenaBytes - 1)
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, base, arenaBytes, madvHugepage); errno != 0 {
		return errno
	}
	return nil
}

// disabled reports whether GODEBUG (from the environment) turns the runtime's own use of
// huge pages off; scribe then does not use them either.
func disabled(godebug string) bool {
	for kv := range strings.SplitSeq(godebug, ",") {
		if strings.TrimSpace(kv) == "disablethp=1" {
			return true
		}
	}
	return false
}
