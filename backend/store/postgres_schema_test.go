package store

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"slices"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// pgEnv holds the address of a PostgreSQL server the tests may create
// databases on, e.g. postgres://postgres@/postgres?host=/tmp/pg.
const pgEnv = "CIRCLEBOOK_TEST_PG"

// pgServer returns the server's address, skipping the test when there is
// none, unless the run is the PostgreSQL one (CIRCLEBOOK_TEST_ENGINE=postgres,
// as make test's second run sets), which must have one.
func pgServer(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv(pgEnv)
	if dsn == "" {
		if os.Getenv("CIRCLEBOOK_TEST_ENGINE") == "postgres" {
			t.Fatalf("a PostgreSQL server is needed: set %s to its address (make test starts one)", pgEnv)
		}
		t.Skipf("no PostgreSQL server: set %s to its address (make test starts one)", pgEnv)
	}
	return dsn
}

// openPostgres connects GORM to dsn as the store does: errors translated,
// times in UTC, no logging.
func openPostgres(t *testing.T, dsn string) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{
		TranslateError: true,
		Logger:         logger.Discard,
		NowFunc:        func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		t.Fatalf("connect to PostgreSQL: %v", err)
	}
	return db
}

// withDatabase returns dsn naming database name instead.
func withDatabase(dsn, name string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		u.Path = "/" + name
		return u.String()
	}
	return dsn + " dbname=" + name // key=value: the last one counts
}

// freshPostgres creates an empty database for t on the test server,
// dropped when t ends, and connects to it.
func freshPostgres(t *testing.T) *gorm.DB {
	t.Helper()
	server := pgServer(t)
	admin := openPostgres(t, server)
	t.Cleanup(func() { closeDB(t, admin) })
	suffix := make([]byte, 6)
	if _, err := rand.Read(suffix); err != nil {
		t.Fatal(err)
	}
	name := "circlebook_test_" + hex.EncodeToString(suffix)
	// A program office's database sorts and lowers as its language does, not
	// byte by byte: the tests use one like it (ICU's en-US) where the server
	// has ICU, so that a column left out of COLLATE "C" shows.
	create := "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0"
	if err := admin.Exec(create + " LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'").Error; err != nil {
		if err := admin.Exec(create).Error; err != nil {
			t.Fatalf("create a test database: %v", err)
		}
	}
	db := openPostgres(t, withDatabase(server, name))
	t.Cleanup(func() {
		closeDB(t, db)
		if err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").Error; err != nil {
			t.Errorf("drop the test database %s: %v", name, err)
		}
	})
	return db
}

func closeDB(t *testing.T, db *gorm.DB) {
	if sqlDB, err := db.DB(); err == nil {
		if err := sqlDB.Close(); err != nil {
			t.Error(err)
		}
	}
}

// migratedPostgres returns a fresh PostgreSQL database with every
// migration's PostgreSQL body applied, each in its own transaction as
// migrate applies them (postgresBaseline first), but no schema_migrations.
func migratedPostgres(t *testing.T) *gorm.DB {
	t.Helper()
	db := freshPostgres(t)
	for _, m := range migrations {
		up := m.body(Postgres)
		if up == nil {
			t.Fatalf("migration %s has no PostgreSQL body", m.ID)
		}
		if err := db.Transaction(up); err != nil {
			t.Fatalf("migration %s on PostgreSQL: %v", m.ID, err)
		}
	}
	return db
}

// freshSQLite returns a new SQLite store's database, every migration applied.
func freshSQLite(t *testing.T) *gorm.DB {
	t.Helper()
	st, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	return st.DB
}

// engine is one database a behaviour test runs the same steps on.
type engine struct {
	name string
	db   *gorm.DB
}

// engines returns a fresh SQLite store and a fresh PostgreSQL database,
// both migrated, SQLite first (it is what PostgreSQL must equal).
func engines(t *testing.T) []engine {
	t.Helper()
	pg := migratedPostgres(t) // skips first when there is no server
	return []engine{{"SQLite", freshSQLite(t)}, {"PostgreSQL", pg}}
}

// TestPostgresBaselineParity compares PostgreSQL's schema (the baseline and
// any later migration's PostgreSQL body) with a fresh SQLite store's, table
// by table: columns (name, order, a coarse kind, nullability,
// default), primary keys, indexes (columns or expressions, uniqueness,
// partial predicate), foreign keys with their ON DELETE actions, CHECK
// constraints' allowed values, trigger names, and the seeded topics. The
// differences it allows are listed, each with its reason; it also checks
// that PostgreSQL's columns fit the models' Go types and that every text
// column compares as SQLite's do (COLLATE "C").
func TestPostgresBaselineParity(t *testing.T) {
	pg := migratedPostgres(t)
	lite := freshSQLite(t)

	liteTables, fts := sqliteTables(t, lite)
	for _, table := range fts {
		if _, ok := searchIndexes[ftsCounterparts[table]]; !ok {
			t.Errorf("SQLite's FTS5 table %s has no PostgreSQL counterpart: give it one (a GIN index) and name it in ftsCounterparts", table)
		}
	}
	pgTables := postgresTables(t, pg)
	if !slices.Equal(liteTables, pgTables) {
		t.Fatalf("tables differ:\nSQLite     %v\nPostgreSQL %v", liteTables, pgTables)
	}
	for _, table := range liteTables {
		wantEqual(t, table+" columns", sqliteColumns(t, lite, table), postgresColumns(t, pg, table))
		wantEqual(t, table+" primary key", sqlitePrimaryKey(t, lite, table), postgresPrimaryKey(t, pg, table))
		wantEqual(t, table+" indexes", sqliteIndexes(t, lite, table), postgresIndexes(t, pg, table))
		wantEqual(t, table+" foreign keys", sqliteForeignKeys(t, lite, table), postgresForeignKeys(t, pg, table))
		wantEqual(t, table+" checks", sqliteChecks(t, lite, table), postgresChecks(t, pg, table))
	}
	wantEqual(t, "triggers", sqliteTriggers(t, lite), postgresTriggers(t, pg))
	wantEqual(t, "seeded topics", topicNames(t, lite), topicNames(t, pg))
	wantSearchIndexes(t, pg)
	wantModelsFit(t, pg)
	wantBinaryText(t, pg)
}

// wantEqual fails unless SQLite's list and PostgreSQL's are equal, naming
// what only one of them has (or, when both have the same, the order).
func wantEqual[T any](t *testing.T, what string, lite, pg []T) {
	t.Helper()
	str := func(list []T) []string {
		out := make([]string, len(list))
		for i, v := range list {
			out[i] = fmt.Sprint(v)
		}
		return out
	}
	l, p := str(lite), str(pg)
	if slices.Equal(l, p) {
		return
	}
	only := func(a, b []string) []string {
		return slices.DeleteFunc(slices.Clone(a), func(v string) bool { return slices.Contains(b, v) })
	}
	if ol, op := only(l, p), only(p, l); len(ol)+len(op) > 0 {
		t.Errorf("%s differ:\nonly SQLite has     %q\nonly PostgreSQL has %q", what, ol, op)
		return
	}
	t.Errorf("%s are in another order:\nSQLite     %q\nPostgreSQL %q", what, l, p)
}
