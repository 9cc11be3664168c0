package durability_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"circlebook/backend/store"
)

// TestReopenAfterCrashBetweenBackupAndMigration is the restart after a crash
// that came after the pre-migration backup was written but before the
// migration committed: the next store.Open, within the same second, backs up
// again and must not trip over the backup already there (VACUUM INTO refuses
// an existing file). The kill test can land here by chance; this lands here
// every time.
func TestReopenAfterCrashBetweenBackupAndMigration(t *testing.T) {
	dir := t.TempDir()
	v1, err := os.ReadFile(filepath.Join("..", "store", "testdata", "v1.db")) // only the first migration applied
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, store.FileName)
	if err := os.WriteFile(path, v1, 0o600); err != nil {
		t.Fatal(err)
	}
	// The backups the crashed run left, named for this second and the next,
	// so the test does not depend on where in a second it runs.
	now := time.Now().UTC()
	var left []string
	for _, at := range []time.Time{now, now.Add(time.Second)} {
		bak := fmt.Sprintf("%s.%s.before-2026-11-25-circle-tallies.bak", path, at.Format("20060102T150405Z"))
		if err := os.WriteFile(bak, v1, 0o600); err != nil {
			t.Fatal(err)
		}
		left = append(left, bak)
	}

	st, err := store.Open(dir)
	if err != nil {
		t.Fatalf("store.Open after the crash: %v", err)
	}
	defer st.Close()
	if got, err := st.IntegrityCheck(); err != nil || got != "ok" {
		t.Errorf("integrity_check = %q, %v", got, err)
	}
	for _, bak := range left {
		if got, err := os.ReadFile(bak); err != nil || string(got) != string(v1) {
			t.Errorf("%s: the earlier backup was changed (%v)", filepath.Base(bak), err)
		}
	}
	baks, _ := filepath.Glob(filepath.Join(dir, "*.bak"))
	if len(baks) != len(left)+1 {
		t.Errorf("backups = %v, want the %d left behind and one new", baks, len(left))
	}
}
