package paging_test

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"sync/atomic"
	"testing"
	"unsafe"

	"circlebook/backend/store"

	"gorm.io/gorm"
	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// steps counts the rows SQLite steps through on a connection, whatever the
// SQL that reads them: a progress handler that SQLite calls at every step
// of every loop of a statement (a row of an index or a table read, a match
// of the full-text index, a row out of a sort, a row a subquery yields).
// It measures what a call reads without trusting the code under test to
// say so, and without a clock.
var steps atomic.Int64

// onStep is the progress handler: it counts, and never interrupts.
func onStep(*libc.TLS, uintptr) int32 {
	steps.Add(1)
	return 0
}

// countSteps installs onStep on db's connection (a store keeps one) until
// the test ends; read steps around a call to see what it read. The driver
// (glebarez/go-sqlite, over modernc.org/sqlite) keeps the SQLite handle in
// unexported fields of its connection: should they change, this fails
// rather than count nothing.
func countSteps(tb testing.TB, db *gorm.DB) {
	tb.Helper()
	// The search indexes as the store leaves them once writes pause, and not
	// half way there, whenever the store's own pause happens to fall.
	if err := store.MergeSearch(db); err != nil {
		tb.Fatal(err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		tb.Fatal(err)
	}
	if n := sqlDB.Stats().MaxOpenConnections; n != 1 {
		tb.Fatalf("the pool may open %d connections, want 1: the steps of the others would go uncounted", n)
	}
	handler := *(*uintptr)(unsafe.Pointer(&struct {
		f func(*libc.TLS, uintptr) int32
	}{onStep}))
	if err := setProgress(sqlDB, handler); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { setProgress(sqlDB, 0) }) // fails harmlessly once the store is closed
}

// setProgress installs handler (0: none) on the connection of sqlDB's pool.
func setProgress(sqlDB *sql.DB, handler uintptr) error {
	conn, err := sqlDB.Conn(context.Background())
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		handle, tls, err := sqliteHandle(driverConn)
		if err == nil {
			sqlite3.Xsqlite3_progress_handler(tls, handle, 1, handler, 0)
		}
		return err
	})
}

// sqliteHandle digs the sqlite3* handle and its thread state out of the
// driver's connection.
func sqliteHandle(driverConn any) (uintptr, *libc.TLS, error) {
	v := reflect.ValueOf(driverConn)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return 0, nil, fmt.Errorf("steps: the driver's connection is a %T", driverConn)
	}
	db, tls := v.Elem().FieldByName("db"), v.Elem().FieldByName("tls")
	if !db.IsValid() || db.Kind() != reflect.Uintptr || db.Uint() == 0 ||
		!tls.IsValid() || tls.Type() != reflect.TypeFor[*libc.TLS]() || tls.IsNil() {
		return 0, nil, fmt.Errorf("steps: %T holds no SQLite handle as db and tls", driverConn)
	}
	return uintptr(db.Uint()), (*libc.TLS)(tls.UnsafePointer()), nil
}

// stepsOf returns how many rows call made SQLite step through.
func stepsOf(tb testing.TB, call func() error) int64 {
	tb.Helper()
	before := steps.Load()
	if err := call(); err != nil {
		tb.Fatal(err)
	}
	return steps.Load() - before
}
