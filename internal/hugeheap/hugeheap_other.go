//go:build !linux

package hugeheap

// Advise does nothing elsewhere than on Linux.
func Advise() {}
