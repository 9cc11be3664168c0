package store

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"gorm.io/gorm"
)

// withMigration appends m to the migration list for one test.
func withMigration(t *testing.T, m Migration) {
	saved := migrations
	migrations = append(slices.Clip(migrations), m)
	t.Cleanup(func() { migrations = saved })
}

// ids lists the migrations' IDs in order.
func ids(ms []Migration) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

func TestPendingMigrationBacksUpFirst(t *testing.T) {
	dir := upToDateFixture(t) // so that only the test step is pending
	withMigration(t, Migration{ID: "2099-01-01-test-column", SQLite: func(tx *gorm.DB) error {
		return tx.Exec("ALTER TABLE people ADD COLUMN nickname TEXT NOT NULL DEFAULT ''").Error
	}})

	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	applied, err := st.Applied()
	if err != nil {
		t.Fatal(err)
	}
	if want := ids(migrations); !slices.Equal(applied, want) || want[len(want)-1] != "2099-01-01-test-column" {
		t.Errorf("Applied() = %v, want %v", applied, want)
	}

	baks, _ := filepath.Glob(filepath.Join(dir, FileName+".*.before-2099-01-01-test-column.bak"))
	if len(baks) != 1 {
		t.Fatalf("backups = %v, want exactly one taken before the migration", baks)
	}
	if info, err := os.Stat(baks[0]); err != nil {
		t.Fatal(err)
	} else if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", info.Mode().Perm())
	}

	// The backup is the database as it was: the people, without the new column.
	bdir := t.TempDir()
	if err := os.Rename(baks[0], filepath.Join(bdir, FileName)); err != nil {
		t.Fatal(err)
	}
	migrations = migrations[:len(migrations)-1] // open it as the old version would
	old, err := Open(bdir)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	var cols []string
	old.DB.Raw("SELECT name FROM pragma_table_info('people')").Scan(&cols)
	if slices.Contains(cols, "nickname") {
		t.Error("the backup already has the migrated column: it was taken after the migration")
	}
	var n int64
	old.DB.Table("people").Count(&n)
	if n != 4 {
		t.Errorf("backup holds %d people, want the fixture's 4", n)
	}
}

func TestFailedMigrationLeavesNoTrace(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	withMigration(t, Migration{ID: "2099-01-02-broken", SQLite: func(tx *gorm.DB) error {
		if err := tx.Exec("CREATE TABLE half_done (id INTEGER)").Error; err != nil {
			return err
		}
		return tx.Exec("THIS IS NOT SQL").Error
	}})

	if st, err := Open(dir); err == nil {
		st.Close()
		t.Fatal("Open succeeded although a migration failed")
	}
	migrations = migrations[:len(migrations)-1]
	st, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if applied, _ := st.Applied(); slices.Contains(applied, "2099-01-02-broken") {
		t.Errorf("Applied() = %v lists the failed migration", applied)
	}
	var n int64
	st.DB.Raw("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'").Scan(&n)
	if n != 0 {
		t.Error("the failed migration's first statement was kept: it did not run in one transaction")
	}
}
