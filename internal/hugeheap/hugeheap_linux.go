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

// chunkBytes is how much the runtime maps at a time as the heap grows.
const chunkBytes = 4 << 20

// The advice values of madvise(2).
const (
	madvHugepage = 14
	madvCollapse = 25
)

// probe is a heap object, to find the heap by.
var probe = new([16]byte)

func init() { _ = advise(unsafe.Pointer(probe)) }

// Advise does for the chunk the heap allocates from now what the package did at start-up
// for the first one: a program about to fill memory the heap has mapped since calls it
// (scribe's command, once its one input is parsed and before the writers run).
func Advise() { _ = advise(fresh()) }

// fresh returns a new heap object (returned, it cannot live on the stack).
//
//go:noinline
func fresh() unsafe.Pointer { return unsafe.Pointer(new([16]byte)) }

// advise advises the mapped part of the heap arena holding obj, then collapses the chunk
// holding obj into huge pages. Unmapped parts of the block make madvise answer ENOMEM
// after advising the rest; a kernel without transparent huge pages answers EINVAL. Both
// leave the program as it was.
//
// The runtime and the packages initialized before this one have already touched pages of
// the first chunk, and a 2 MB range with pages of its own is not made huge on a later
// fault: in about half of the runs the advice alone changed nothing. MADV_COLLAPSE (Linux
// 6.1) makes the chunk's two ranges huge now, copying the pages already there; it is best
// effort (it may answer EAGAIN or EBUSY, and EINVAL on older kernels), so its answer is not
// an error.
func advise(obj unsafe.Pointer) error {
	if godebug, _ := syscall.Getenv("GODEBUG"); disabled(godebug) {
		return nil
	}
	p := uintptr(obj)
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, p&^(arenaBytes-1), arenaBytes, madvHugepage); errno != 0 {
		return errno
	}
	syscall.Syscall(syscall.SYS_MADVISE, p&^(chunkBytes-1), chunkBytes, madvCollapse)
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
