//go:build !unix

package store

import "os"

// alone cannot see other processes here: a marker found at open counts as a
// crash (a check, never a skipped one), and a clean close removes it.
func alone(*os.File) (bool, error) { return true, nil }

// share does nothing where flock is missing.
func share(*os.File) error { return nil }
