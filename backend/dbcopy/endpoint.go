package dbcopy

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"circlebook/backend/store"

	_ "github.com/glebarez/go-sqlite" // the "sqlite" driver, for the read-only look before opening
	"github.com/jackc/pgx/v5"
)

// The ways naming a side of a copy goes wrong.
var (
	ErrNotCirclebook = errors.New("not a Circlebook database")
	ErrSameDatabase  = errors.New("the source and the target are the same database")
	ErrBadPath       = errors.New("a SQLite database is named by its data folder or the " + store.FileName + " in it")
)

// Endpoint is one side of a copy as it was named: a PostgreSQL database's
// postgres:// URL, or a SQLite data folder (or the store.FileName in it).
type Endpoint struct {
	DSN string // the URL, for PostgreSQL
	Dir string // the data folder, for SQLite
}

// ParseEndpoint reads a side's name without opening anything.
func ParseEndpoint(ref string) (Endpoint, error) {
	if strings.HasPrefix(ref, "postgres://") || strings.HasPrefix(ref, "postgresql://") {
		return Endpoint{DSN: ref}, nil
	}
	path, err := filepath.Abs(ref)
	if err != nil {
		return Endpoint{}, err
	}
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return Endpoint{Dir: path}, nil
	case filepath.Base(path) == store.FileName:
		return Endpoint{Dir: filepath.Dir(path)}, nil
	case err == nil || filepath.Ext(path) != "":
		return Endpoint{}, fmt.Errorf("%w, not %s", ErrBadPath, filepath.Base(path))
	}
	return Endpoint{Dir: path}, nil // a data folder to be made
}

// Same reports whether e and o name the same database: the same file, or
// the same server and database (whoever logs in).
func (e Endpoint) Same(o Endpoint) bool {
	if e.DSN != "" || o.DSN != "" {
		a, errA := pgx.ParseConfig(e.DSN)
		b, errB := pgx.ParseConfig(o.DSN)
		return e.DSN != "" && o.DSN != "" && errA == nil && errB == nil &&
			a.Host == b.Host && a.Port == b.Port && a.Database == b.Database
	}
	if e.Dir == o.Dir {
		return true
	}
	a, errA := os.Stat(filepath.Join(e.Dir, store.FileName))
	b, errB := os.Stat(filepath.Join(o.Dir, store.FileName))
	return errA == nil && errB == nil && os.SameFile(a, b)
}

// OpenSource opens the database to copy from, after making sure it is a
// Circlebook database (opening would otherwise migrate whatever is there).
// A PostgreSQL side keeps its drafts folder in dir.
func OpenSource(e Endpoint, dir string) (*store.Store, error) {
	if e.DSN != "" {
		if err := probePostgres(e.DSN, dir); err != nil {
			return nil, err
		}
		return store.OpenPostgres(e.DSN, dir)
	}
	if err := probeSQLite(filepath.Join(e.Dir, store.FileName)); err != nil {
		return nil, err
	}
	return store.Open(e.Dir)
}

// OpenTarget opens (a new SQLite file is made, an empty PostgreSQL database
// migrated) the database to copy into.
func OpenTarget(e Endpoint, dir string) (*store.Store, error) {
	if e.DSN != "" {
		return store.OpenPostgres(e.DSN, dir)
	}
	return store.Open(e.Dir)
}

// probeSQLite looks, read-only, for the migrations table in the file at path.
func probeSQLite(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("no database at %s", path)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer db.Close()
	var n int
	err = db.QueryRow("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&n)
	if err != nil || n == 0 {
		return fmt.Errorf("%s is %w", path, ErrNotCirclebook)
	}
	return nil
}

// probePostgres looks for the migrations table in the database at dsn. When
// it cannot even connect, the store says why (in its words, without the
// password): it fails the same way before it writes anything.
func probePostgres(dsn, dir string) error {
	found, err := hasMigrations(dsn)
	if err != nil {
		st, openErr := store.OpenPostgres(dsn, dir)
		if openErr != nil {
			return openErr
		}
		st.Close()
		return errors.New("the source database could not be read: try again")
	}
	if !found {
		return fmt.Errorf("the source database is %w (it has no schema_migrations table)", ErrNotCirclebook)
	}
	return nil
}

// hasMigrations reports whether the database at dsn has a schema_migrations table.
func hasMigrations(dsn string) (bool, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return false, err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var found bool
	err = db.QueryRowContext(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&found)
	return found, err
}
