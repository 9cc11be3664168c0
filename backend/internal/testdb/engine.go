package testdb

import (
	"os"
	"testing"

	"circlebook/backend/internal/pgtest"
	"circlebook/backend/store"
)

// EnvEngine names the variable that chooses the engine the tests run on:
// "postgres" for PostgreSQL, on the server pgtest.EnvServer names; SQLite otherwise.
const EnvEngine = "CIRCLEBOOK_TEST_ENGINE"

// Engine is the dialect Open gives the tests.
func Engine() store.Dialect {
	if os.Getenv(EnvEngine) == "postgres" {
		return store.Postgres
	}
	return store.SQLite
}

// SQLiteOnly skips t when the tests run on PostgreSQL: t is about SQLite
// itself (a pragma, the file and its marker, VACUUM INTO, quick_check).
func SQLiteOnly(t testing.TB) {
	t.Helper()
	if Engine() != store.SQLite {
		t.Skip("about SQLite itself")
	}
}

// PostgresServer is the superuser DSN of the test server. Without one it
// skips t, or fails it when the tests were asked to run on PostgreSQL.
func PostgresServer(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(pgtest.EnvServer)
	switch {
	case dsn != "":
		return dsn
	case Engine() == store.Postgres:
		t.Fatalf("%s=postgres needs %s, a server's DSN: make pg starts one", EnvEngine, pgtest.EnvServer)
	default:
		t.Skipf("needs a PostgreSQL server: set %s (make pg starts one)", pgtest.EnvServer)
	}
	return ""
}

// OpenPostgres opens a fresh, migrated PostgreSQL store whatever the test
// engine (skipping t without a server), and closes it when the test ends.
func OpenPostgres(t testing.TB) *store.Store {
	t.Helper()
	dsn := pgtest.CloneDatabase(t, PostgresServer(t), migrateTemplate)
	st, err := store.OpenPostgres(dsn, t.TempDir())
	if err != nil {
		t.Fatalf("store.OpenPostgres: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// migrateTemplate migrates the database the tests' databases are copied from.
func migrateTemplate(dsn string) error {
	dir, err := os.MkdirTemp("", "circlebook-template-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := store.OpenPostgres(dsn, dir)
	if err != nil {
		return err
	}
	return st.Close()
}

// Target makes a fresh, empty database on the test engine and returns
// what opens it: each call opens the same database again (migrating it
// the first time), and the caller closes what it opened.
func Target(t testing.TB) func() (*store.Store, error) {
	t.Helper()
	dir := t.TempDir()
	if Engine() == store.Postgres {
		dsn := pgtest.NewDatabase(t, PostgresServer(t))
		return func() (*store.Store, error) { return store.OpenPostgres(dsn, dir) }
	}
	return func() (*store.Store, error) { return store.Open(dir) }
}
