// Package scalepg gives benchmarks the generated program (backend/internal/scaledb)
// in PostgreSQL. It is apart from scaledb because dbcopy's own tests use scaledb.
package scalepg

import (
	"context"
	"os"
	"testing"
	"time"

	"circlebook/backend/dbcopy"
	"circlebook/backend/internal/pgtest"
	"circlebook/backend/internal/scaledb"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/store"
)

// Open gives tb a fresh PostgreSQL database on the test server
// (testdb.PostgresServer: skipped without one) holding the generated
// program, copied from the cached SQLite file with dbcopy, as a program
// office would move it; the database is dropped when tb ends. Never
// ANALYZEd by the tests, though the server's autovacuum may analyse it
// as it would any program database. It logs how long the copy took.
func Open(tb testing.TB) *store.Store {
	tb.Helper()
	dsn := pgtest.NewDatabase(tb, testdb.PostgresServer(tb))
	dst, err := store.OpenPostgres(dsn, tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { dst.Close() })
	src := scaledb.Open(tb)
	start := time.Now()
	rep, err := dbcopy.Copy(context.Background(), src.DB, dst.DB, dbcopy.Options{Progress: os.Stderr})
	if err != nil {
		tb.Fatalf("copying the generated program into PostgreSQL: %v", err)
	}
	// A program database is analysed by the server's autovacuum once a copy
	// has written it; the benchmarks should not time the minute before that.
	if err := dst.DB.Exec("ANALYZE").Error; err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated program (%v) copied into PostgreSQL: %d records in %s", scaledb.Size(), rep.Rows(), time.Since(start).Round(time.Second))
	return dst
}
