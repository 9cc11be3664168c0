package store

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"gorm.io/gorm"
)

// upToDateFixture copies the v1 fixture into a folder and migrates it to
// this version, so that only a test's own migration is pending there.
func upToDateFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/v1.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), src, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return dir
}

func TestOpenPendingLeavesTheMigrationsToMigratePending(t *testing.T) {
	dir := upToDateFixture(t)
	withMigration(t, Migration{ID: "2099-01-01-test-batches", SQLite: func(tx *gorm.DB) error {
		for done := 0; done <= 3; done++ {
			Report(tx, "Building the test index", done, 3)
		}
		return tx.Exec("ALTER TABLE people ADD COLUMN nickname TEXT NOT NULL DEFAULT ''").Error
	}})

	st, err := OpenPending(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !st.Pending() {
		t.Fatal("Pending() = false with a migration to apply")
	}
	applied, err := st.Applied()
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(applied, "2099-01-01-test-batches") {
		t.Fatal("OpenPending applied the migration it should leave")
	}
	if baks, _ := filepath.Glob(filepath.Join(dir, FileName+".*.before-2099-01-01-test-batches.bak")); len(baks) != 0 {
		t.Fatalf("OpenPending took a backup before MigratePending: %v", baks)
	}

	var seen []Progress
	if err := st.MigratePending(func(p Progress) { seen = append(seen, p) }); err != nil {
		t.Fatal(err)
	}
	want := []Progress{
		{Step: "Backing up the data file"},
		{Step: "Building the test index", Done: 0, Total: 3},
		{Step: "Building the test index", Done: 1, Total: 3},
		{Step: "Building the test index", Done: 2, Total: 3},
		{Step: "Building the test index", Done: 3, Total: 3},
	}
	if !slices.Equal(seen, want) {
		t.Errorf("progress = %v, want %v", seen, want)
	}
	if st.Pending() {
		t.Error("Pending() = true after MigratePending")
	}
	if applied, _ = st.Applied(); !slices.Contains(applied, "2099-01-01-test-batches") {
		t.Errorf("Applied() = %v after MigratePending, want the test migration in it", applied)
	}
	if st.checkpoints == nil {
		t.Error("MigratePending did not start the idle checkpoints Open starts")
	}
	if err := st.MigratePending(func(p Progress) { t.Errorf("second MigratePending reported %v", p) }); err != nil {
		t.Errorf("second MigratePending: %v", err)
	}
}

func TestOpenPendingRefusesANewerDatabase(t *testing.T) {
	dir := upToDateFixture(t)
	withMigration(t, Migration{ID: "2099-01-01-from-the-future", SQLite: func(*gorm.DB) error { return nil }})
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	migrations = migrations[:len(migrations)-1] // this version does not know the step

	if st, err := OpenPending(dir); !errors.Is(err, ErrNewerDatabase) {
		if st != nil {
			st.Close()
		}
		t.Fatalf("OpenPending on a newer database: %v, want ErrNewerDatabase", err)
	}
}

func TestOpenPendingOnAnUpToDateFileHasNothingPending(t *testing.T) {
	dir := upToDateFixture(t)
	st, err := OpenPending(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if st.Pending() {
		t.Error("Pending() = true on a file this version migrated")
	}
	if err := st.MigratePending(nil); err != nil || st.checkpoints == nil {
		t.Errorf("MigratePending = %v, checkpoints started %v; want nil, true", err, st.checkpoints != nil)
	}
}
