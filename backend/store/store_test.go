package store_test

import (
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/store"
)

func skipOnWindows(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("Unix permission bits")
	}
}

func wantMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s: mode %v, want %v", filepath.Base(path), got, want)
	}
}

func TestOpenCreatesPrivateFolderAndFiles(t *testing.T) {
	skipOnWindows(t)
	dir := filepath.Join(t.TempDir(), "new", "Circlebook")
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	if st.Path != filepath.Join(dir, store.FileName) {
		t.Errorf("Path = %q, want %q", st.Path, filepath.Join(dir, store.FileName))
	}
	wantMode(t, dir, 0o700)
	wantMode(t, st.Path, 0o600)

	testdb.With(t, st.DB).Person("Ana Muñoz") // a write, so the WAL and its index exist
	for _, suffix := range []string{"-wal", "-shm"} {
		wantMode(t, st.Path+suffix, 0o600)
	}
}

func TestOpenTightensLooseFolderAndFile(t *testing.T) {
	skipOnWindows(t)
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, store.FileName), 0o644); err != nil {
		t.Fatal(err)
	}

	st, err = store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	wantMode(t, dir, 0o700)
	wantMode(t, st.Path, 0o600)
}

func TestOpenSetsEveryPragma(t *testing.T) {
	testdb.SQLiteOnly(t)
	st := testdb.Open(t)
	sqlDB, err := st.DB.DB()
	if err != nil {
		t.Fatal(err)
	}
	if got := sqlDB.Stats().MaxOpenConnections; got != 1 {
		t.Errorf("MaxOpenConnections = %d, want 1", got)
	}

	want := map[string]string{"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1", "busy_timeout": "5000"}
	read := func(t *testing.T) {
		t.Helper()
		for name, value := range want {
			var got string
			if err := st.DB.Raw("PRAGMA " + name).Scan(&got).Error; err != nil {
				t.Fatalf("PRAGMA %s: %v", name, err)
			}
			if got != value {
				t.Errorf("PRAGMA %s = %q, want %q", name, got, value)
			}
		}
	}
	t.Run("first connection", read)

	// With no idle connections kept, every query runs on a brand-new
	// connection: the pragmas must come from the DSN, not from a one-off SET.
	sqlDB.SetMaxIdleConns(0)
	t.Run("fresh connection", read)
}

func TestOpenEnforcesForeignKeys(t *testing.T) {
	_, f := testdb.New(t)
	err := f.DB.Create(&model.Membership{CircleID: 999, PersonID: 999, Role: model.RoleMentee}).Error
	if err == nil {
		t.Fatal("a membership of a missing circle and person was saved")
	}
	if n := f.Count("memberships"); n != 0 {
		t.Errorf("memberships = %d, want 0", n)
	}
}

func TestIntegrityCheckOnSoundFile(t *testing.T) {
	testdb.SQLiteOnly(t)
	st, f := testdb.New(t)
	f.Person("Kwame Mensah")
	got, err := st.IntegrityCheck()
	if err != nil || got != "ok" {
		t.Errorf("IntegrityCheck() = %q, %v; want ok", got, err)
	}
}

func hashFile(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// bigDatabase writes a database of many pages in dir and closes it.
func bigDatabase(t *testing.T, dir string) string {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	people := make([]model.Person, 1500) // enough that the middle of the file is people, past the schema's pages
	for i := range people {
		people[i] = model.Person{Name: "Person " + strings.Repeat("x", i%50), Strengths: strings.Repeat("patient listener. ", 40)}
	}
	if err := st.DB.CreateInBatches(people, 100).Error; err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, store.FileName)
}

// damageMiddle writes random bytes over four pages in the middle of the file.
func damageMiddle(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	if len(b) < 20*page {
		t.Fatalf("database is only %d bytes; the test needs a bigger one", len(b))
	}
	mid := (len(b) / 2 / page) * page
	rand.Read(b[mid : mid+4*page])
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// leaveCrashMarker leaves the open marker as a run that died leaves it.
func leaveCrashMarker(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, store.FileName+store.MarkerSuffix), nil, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesDamagedFile(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, dir string) string
	}{
		// Damage that only reading every page finds: Open checks the whole
		// file when the last run did not shut down cleanly.
		{"garbage over middle pages, after a crash", func(t *testing.T, dir string) string {
			path := bigDatabase(t, dir)
			damageMiddle(t, path)
			leaveCrashMarker(t, dir)
			return path
		}},
		// A file that is no database at all is refused by its header, crash or not.
		{"random bytes", func(t *testing.T, dir string) string {
			b := make([]byte, 64<<10)
			rand.Read(b)
			path := filepath.Join(dir, store.FileName)
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}},
		{"a database's header over random pages", func(t *testing.T, dir string) string {
			b := make([]byte, 64<<10)
			rand.Read(b)
			copy(b, "SQLite format 3\x00")
			path := filepath.Join(dir, store.FileName)
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := tt.damage(t, dir)
			before := hashFile(t, path)

			st, err := store.Open(dir)
			if err == nil {
				st.Close()
				t.Fatal("Open succeeded on a damaged file")
			}
			if !errors.Is(err, store.ErrDamaged) {
				t.Errorf("error = %v, want one wrapping store.ErrDamaged", err)
			}
			if hashFile(t, path) != before {
				t.Error("Open changed the damaged file's bytes")
			}
			if _, err := os.Stat(path + store.MarkerSuffix); err != nil {
				t.Errorf("the open marker is gone after a refused open (%v): the next open would not check", err)
			}
		})
	}
}

func TestMigrationsRunOnce(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	applied, err := st.Applied()
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) == 0 || applied[0] != "2026-11-25-initial" {
		t.Fatalf("Applied() = %v, want it to start with 2026-11-25-initial", applied)
	}
	var firstAt string
	st.DB.Raw("SELECT applied_at FROM schema_migrations WHERE id = ?", "2026-11-25-initial").Scan(&firstAt)
	testdb.With(t, st.DB).Person("Aiko Tanaka")
	st.Close()

	st, err = store.Open(dir)
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer st.Close()
	again, err := st.Applied()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(again, ",") != strings.Join(applied, ",") {
		t.Errorf("after reopening Applied() = %v, want %v", again, applied)
	}
	var secondAt string
	st.DB.Raw("SELECT applied_at FROM schema_migrations WHERE id = ?", "2026-11-25-initial").Scan(&secondAt)
	if firstAt == "" || secondAt != firstAt {
		t.Errorf("applied_at changed from %q to %q: the migration ran again", firstAt, secondAt)
	}
	if n := testdb.With(t, st.DB).Count("people"); n != 1 {
		t.Errorf("people = %d after reopening, want 1", n)
	}
	if baks, _ := filepath.Glob(filepath.Join(dir, "*.bak")); len(baks) != 0 {
		t.Errorf("reopening an up-to-date database made backups: %v", baks)
	}
}

func TestBackup(t *testing.T) {
	testdb.SQLiteOnly(t)
	st, f := testdb.New(t)
	c := f.Circle("Product Craft Circle")
	p := f.Person("Zofia Dąbrowska", func(p *model.Person) { p.Email = "zofia@example.org" })
	f.Member(c, p, model.RoleMentee)

	dest, err := store.Backup(st.DB, st.Path, "manual")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(dest) != filepath.Dir(st.Path) || !strings.HasSuffix(dest, ".manual.bak") {
		t.Errorf("backup path %q, want a .manual.bak beside %q", dest, st.Path)
	}
	if runtime.GOOS != "windows" {
		wantMode(t, dest, 0o600)
	}

	// The backup is a database Open accepts, holding the same rows.
	dir := t.TempDir()
	if err := os.Rename(dest, filepath.Join(dir, store.FileName)); err != nil {
		t.Fatal(err)
	}
	restored, err := store.Open(dir)
	if err != nil {
		t.Fatalf("opening the backup: %v", err)
	}
	defer restored.Close()
	var got model.Person
	if err := restored.DB.Take(&got, p.ID).Error; err != nil {
		t.Fatal(err)
	}
	if got.UUID != p.UUID || got.Name != p.Name || got.Email != p.Email {
		t.Errorf("backup holds %+v, want %+v", got, p)
	}
	for _, table := range testdb.Tables {
		if a, b := f.Count(table), testdb.With(t, restored.DB).Count(table); a != b {
			t.Errorf("%s: %d rows in the backup, %d in the original", table, b, a)
		}
	}
}
