// Package hugeheap asks the operating system to back the first megabytes of the Go heap with
// transparent huge pages. Import it for its side effect, from a command's main package:
//
//	import _ "github.com/scribe-un/scribe/internal/hugeheap"
//
// A short run (one document converted per process, as scripts and CI steps call scribe)
// never collects garbage, so every page its heap touches is a fresh page the kernel has to
// fault in, one 4 KB page at a time: on a virtual machine each fault is an exit to the
// hypervisor, and the faults were about a third of the CPU time of converting a short note
// to PDF. Linux usually enables transparent huge pages only where a program asks for them
// (madvise mode), and the Go runtime no longer asks; with the advice, the first touch of each
// 2 MB range of the heap maps all of it at once.
//
// Only memory the heap has mapped when the package is initialized is advised: the first
// chunk (4 MB), which a short run mostly fills; the pages already touched in it are
// collapsed into huge pages at once. The package initializes early, before the packages that
// allocate most at start-up. The cost is resident memory: up to the whole chunk even when
// less of it is used. Elsewhere than on Linux, and when GODEBUG has disablethp=1, it does
// nothing.
package hugeheap
