package store_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// These tests hold on both engines: run them on PostgreSQL with
// CIRCLEBOOK_TEST_ENGINE=postgres (make test does).

func TestOpenAppliesEveryMigrationOnce(t *testing.T) {
	open := testdb.Target(t)
	st, err := open()
	if err != nil {
		t.Fatal(err)
	}
	if st.Dialect != testdb.Engine() {
		t.Errorf("Dialect = %v, want %v", st.Dialect, testdb.Engine())
	}
	err = st.DB.Transaction(func(tx *gorm.DB) error {
		if got := store.DialectOf(tx); got != st.Dialect {
			t.Errorf("DialectOf(a transaction) = %v, want %v", got, st.Dialect)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	applied, err := st.Applied()
	if err != nil {
		t.Fatal(err)
	}
	if want := store.MigrationIDs(); !slices.Equal(applied, want) {
		t.Errorf("Applied() = %v, want %v", applied, want)
	}
	firstAt := appliedAt(t, st)
	testdb.With(t, st.DB).Person("Aiko Tanaka")
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	st, err = open()
	if err != nil {
		t.Fatalf("second open: %v", err)
	}
	defer st.Close()
	if again, _ := st.Applied(); !slices.Equal(again, applied) {
		t.Errorf("after reopening Applied() = %v, want %v", again, applied)
	}
	if at := appliedAt(t, st); !at.Equal(firstAt) {
		t.Errorf("applied_at changed from %v to %v: a migration ran again", firstAt, at)
	}
	if n := testdb.With(t, st.DB).Count("people"); n != 1 {
		t.Errorf("people = %d after reopening, want 1", n)
	}
}

// appliedAt is when the first migration was recorded.
func appliedAt(t *testing.T, st *store.Store) time.Time {
	t.Helper()
	var at time.Time
	if err := st.DB.Table("schema_migrations").Where("id = ?", store.MigrationIDs()[0]).Pluck("applied_at", &at).Error; err != nil {
		t.Fatal(err)
	}
	if at.IsZero() {
		t.Fatal("the first migration has no applied_at")
	}
	return at
}

func TestOpenRefusesADatabaseFromANewerVersion(t *testing.T) {
	open := testdb.Target(t)
	st, err := open()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ids := store.MigrationIDs()
	last := ids[len(ids)-1]
	// A newer version's migration, and this version's last one pending:
	// were the newer one not refused, the pending one would run.
	const future = "2099-12-31-from-a-newer-version"
	if err := st.DB.Exec("INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)", future, time.Now().UTC()).Error; err != nil {
		t.Fatal(err)
	}
	if err := st.DB.Exec("DELETE FROM schema_migrations WHERE id = ?", last).Error; err != nil {
		t.Fatal(err)
	}

	again, err := open()
	if err == nil {
		again.Close()
		t.Fatal("opened a database a newer Circlebook migrated")
	}
	if !errors.Is(err, store.ErrNewerDatabase) || !strings.Contains(err.Error(), future) || strings.Contains(err.Error(), "\n") {
		t.Errorf("error = %q, want one line wrapping ErrNewerDatabase that names %s", err, future)
	}
	applied, err := st.Applied()
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(applied, last) || !slices.Contains(applied, future) {
		t.Errorf("Applied() = %v after the refusal, want it as it was (without %s, with %s)", applied, last, future)
	}
	if baks, _ := filepath.Glob(filepath.Join(st.Folder(), "*.bak")); len(baks) != 0 {
		t.Errorf("the refused open made backups: %v", baks)
	}
}

func TestDuplicatesAndMissingParentsAreTranslated(t *testing.T) {
	_, f := testdb.New(t)
	p := f.Person("Zofia Dąbrowska")
	err := f.DB.Create(&model.Person{Base: model.Base{UUID: p.UUID}, Name: "Someone Else"}).Error
	if !errors.Is(err, gorm.ErrDuplicatedKey) {
		t.Errorf("a second person with the same UUID: %v, want gorm.ErrDuplicatedKey", err)
	}
	err = f.DB.Create(&model.Membership{CircleID: 999, PersonID: p.ID, Role: model.RoleMentee}).Error
	if !errors.Is(err, gorm.ErrForeignKeyViolated) {
		t.Errorf("a membership of a missing circle: %v, want gorm.ErrForeignKeyViolated", err)
	}
}

func TestFolderIsTheLocalDataFolder(t *testing.T) {
	st := testdb.Open(t)
	if st.Folder() == "" || !filepath.IsAbs(st.Folder()) {
		t.Errorf("Folder() = %q, want the absolute data folder", st.Folder())
	}
	if st.Dialect == store.SQLite && st.Folder() != filepath.Dir(st.Path) {
		t.Errorf("Folder() = %q, want the file's folder %q", st.Folder(), filepath.Dir(st.Path))
	}
}
