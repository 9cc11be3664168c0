package main

import (
	"errors"
	"os"

	"circlebook/backend/store"
)

// where is where the data lives: the data folder, and the PostgreSQL
// database when one is named (--db, else $CIRCLEBOOK_DB).
type where struct {
	data string // --data: the local data folder (SQLite's file, drafts, preferences)
	db   string // --db: a postgres:// URL, or "" for the SQLite file
}

// dsn is the PostgreSQL address chosen by flag or environment, or "".
func (w where) dsn() string {
	if w.db != "" {
		return w.db
	}
	return os.Getenv("CIRCLEBOOK_DB")
}

// openStore opens the database w names: PostgreSQL when a DSN is given,
// else the SQLite file in the data folder. A PostgreSQL database that
// cannot be opened (a malformed address, a server down, missing rights, a
// newer schema) is a mistake in what was asked: one line, exit 2, and
// never the password.
func openStore(w where) (*store.Store, error) {
	dir, err := store.DataDir(w.data)
	if err != nil {
		return nil, err
	}
	dsn := w.dsn()
	if dsn == "" {
		return store.Open(dir)
	}
	st, err := store.OpenPostgres(dsn, dir)
	if err != nil {
		return nil, badInput(err)
	}
	return st, nil
}

// openWindowStore opens the store for the window: as openStore does, but a
// SQLite file's pending migrations are left for the window to run once it
// shows their progress (App.prepare); none pending, it is ready as opened.
func openWindowStore(w where) (*store.Store, error) {
	dir, err := store.DataDir(w.data)
	if err != nil || w.dsn() != "" {
		return openStore(w)
	}
	st, err := store.OpenPending(dir)
	if err != nil {
		return nil, err
	}
	if st.Pending() {
		return st, nil
	}
	if err := st.MigratePending(nil); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// errSQLiteOnly refuses a command that works on the SQLite file alone.
var errSQLiteOnly = errors.New("check reads the SQLite file; a PostgreSQL database is checked by its server (pg_amcheck)")
