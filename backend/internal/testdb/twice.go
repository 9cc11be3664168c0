package testdb

import (
	"testing"

	"circlebook/backend/internal/pgtest"
	"circlebook/backend/store"
)

// Twice opens one fresh database of the test engine twice, as two programs
// working on it at once would: two store.Open of one SQLite file, or two
// store.OpenPostgres of one PostgreSQL database, each with a data folder
// of its own. Both close when the test ends. It is for tests of writers
// racing on the same rows.
func Twice(t testing.TB) (*store.Store, *store.Store) {
	t.Helper()
	dir := t.TempDir()
	open := func() (*store.Store, error) { return store.Open(dir) }
	if Engine() == store.Postgres {
		dsn := pgtest.CloneDatabase(t, PostgresServer(t), migrateTemplate)
		open = func() (*store.Store, error) { return store.OpenPostgres(dsn, t.TempDir()) }
	}
	return openOne(t, open), openOne(t, open)
}

// openOne opens a store with open and closes it when the test ends.
func openOne(t testing.TB, open func() (*store.Store, error)) *store.Store {
	t.Helper()
	st, err := open()
	if err != nil {
		t.Fatalf("open the database: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
