package pipeline

import "syscall"

// memTotal is the machine's memory in bytes, MemTotal of /proc/meminfo, or 0. sysinfo(2)
// gives the same number in one system call; opening, reading and scanning /proc/meminfo,
// which the kernel composes afresh for every read, took about 0.15 ms of every run.
func memTotal() int64 {
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil {
		return 0
	}
	return int64(si.Totalram) * int64(si.Unit)
}
