package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// MarkerSuffix names the open marker beside the database: circlebook.db.open
// exists while a process has the file open, and a clean Close removes it.
// Finding it at open with no process holding it means the last run did not
// shut down cleanly, so Open checks the file before writing to it; after a
// clean shutdown Open reads only what it needs. (A process that crashes
// while another still has the file open leaves no sign: the survivor's
// clean close removes the marker.)
const MarkerSuffix = ".open"

// marker is this process's hold on the open marker.
type marker struct {
	path    string
	f       *os.File
	crashed bool // the marker was left by a run that did not close cleanly
}

// takeMarker creates or joins the open marker of the database at dbPath and
// holds a shared lock on it until release.
func takeMarker(dbPath string) (*marker, error) {
	path := dbPath + MarkerSuffix
	for range 10 {
		m, err := tryMarker(path)
		if m != nil || err != nil {
			return m, err
		}
	}
	return nil, fmt.Errorf("open marker %s keeps changing", path)
}

// tryMarker takes the marker at path, or returns nil, nil when another
// process removed it meanwhile (then the caller tries again).
func tryMarker(path string) (*marker, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o600)
	created := err == nil
	if errors.Is(err, os.ErrExist) {
		f, err = os.OpenFile(path, os.O_RDWR, 0o600)
	}
	if err != nil {
		return nil, fmt.Errorf("open marker: %w", err)
	}
	m := &marker{path: path, f: f}
	if !created {
		if m.crashed, err = alone(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("open marker: %w", err)
		}
	}
	if err := share(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("open marker: %w", err)
	}
	if !stillAt(f, path) {
		f.Close()
		return nil, nil
	}
	if created {
		fmt.Fprintf(f, "circlebook (pid %d) opened the database at %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))
		if err := durable(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("open marker: %w", err)
		}
	}
	return m, nil
}

// release lets go of the marker. After a clean close by the last process
// holding it, the marker is removed; otherwise it stays for the next Open.
func (m *marker) release(clean bool) {
	if m == nil || m.f == nil {
		return
	}
	if clean {
		if last, err := alone(m.f); err == nil && last {
			if os.Remove(m.path) != nil { // Windows removes no open file
				m.f.Close()
				os.Remove(m.path)
			}
		}
	}
	m.f.Close()
	m.f = nil
}

// stillAt reports whether f is still the file at path (not one removed by
// another process's clean close between our open and our lock).
func stillAt(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(path)
	return err == nil && os.SameFile(a, b)
}

// durable syncs f and its folder, so the marker outlives a power cut.
func durable(f *os.File) error {
	if err := f.Sync(); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(f.Name())); err == nil {
		d.Sync() // folders cannot be synced everywhere (Windows); the file is
		d.Close()
	}
	return nil
}
