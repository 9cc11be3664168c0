//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// alone reports whether no other process holds the marker: it tries the
// lock exclusively without waiting. (It keeps that lock; share turns it back.)
func alone(f *os.File) (bool, error) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// share holds the marker's lock shared, as every process that has the file open does.
func share(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_SH) }
