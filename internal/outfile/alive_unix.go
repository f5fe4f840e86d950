//go:build unix

package outfile

import (
	"errors"
	"syscall"
)

// processAlive tells whether process pid exists: signal 0 checks without sending anything.
// A process of another user answers EPERM, and is alive.
func processAlive(pid int) (alive, known bool) {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM), true
}
