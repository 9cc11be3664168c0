package atomic_test

import (
	"os"
	"path/filepath"
	"testing"

	"circlebook/backend/atomic"
)

func TestWriteFileReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "summary.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := atomic.WriteFile(path, []byte("new text"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "new text" || info.Mode().Perm() != 0o600 {
		t.Errorf("file = %q mode %v", got, info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the file (no temporary left)", len(entries))
	}
}

func TestWriteFileFailsWithoutLeavingAnything(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-folder", "out.md")
	if err := atomic.WriteFile(missing, []byte("x"), 0o600); err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	// A target that is a folder: the rename fails, and the temporary goes.
	target := filepath.Join(dir, "taken")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := atomic.WriteFile(target, []byte("x"), 0o600); err == nil {
		t.Fatal("writing over a folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries after failures, want only the folder made by the test", len(entries))
	}
}
