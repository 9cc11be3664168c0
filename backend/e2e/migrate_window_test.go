package e2e_test

import (
	"os"
	"path/filepath"
	"testing"
)

// A data file made by the first version opens in the window: the window
// comes up first, migrates the file while its page says so (the preparing
// screen), and then shows the data.
func TestWindowMigratesAnOldFileAfterOpening(t *testing.T) {
	data := t.TempDir()
	old, err := os.ReadFile(filepath.Join("..", "store", "testdata", "v1.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "circlebook.db"), old, 0o600); err != nil {
		t.Fatal(err)
	}
	d := launchDesktop(t, data, "--open", "people")
	d.waitTitle(t, `^People — Circlebook$`)

	db := openDB(t, data)
	if n := count(t, db, "SELECT COUNT(*) FROM people"); n != 4 {
		t.Errorf("people after the migration = %d, want the fixture's 4", n)
	}
	var pending int
	if err := db.QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&pending); err != nil || pending < 10 {
		t.Errorf("schema_migrations holds %d rows (%v): the window did not migrate the file", pending, err)
	}
	db.Close()
	if baks, _ := filepath.Glob(filepath.Join(data, "circlebook.db.*.bak")); len(baks) != 1 {
		t.Errorf("backups = %v, want the one taken before migrating", baks)
	}
	d.terminate(t)
}
