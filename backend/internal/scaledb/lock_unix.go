//go:build unix

package scaledb

import (
	"os"
	"syscall"
)

// lock waits for an exclusive lock on path, so that test binaries running
// at once generate a size once; the returned func releases it. The kernel
// releases it too if the process dies.
func lock(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
