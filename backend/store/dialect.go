package store

import (
	"path/filepath"

	"gorm.io/gorm"
)

// Dialect names the database engine a Store talks to.
type Dialect uint8

// The engines Circlebook runs on. SQLite is the zero value: a Store that
// says nothing else is the laptop's file, as every Store was before
// PostgreSQL.
const (
	SQLite   Dialect = iota // the laptop's one file (store.Open)
	Postgres                // a program office's server (store.OpenPostgres)
)

// String names the dialect as people write it.
func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "SQLite"
	case Postgres:
		return "PostgreSQL"
	}
	return "unknown dialect"
}

// Folder is the local data folder: the draft journal and the preferences
// live there on every engine, and so does the database file on SQLite.
func (s *Store) Folder() string {
	if s.folder != "" {
		return s.folder
	}
	return filepath.Dir(s.Path)
}

// DialectOf names the engine behind a *gorm.DB (or a transaction of one):
// the one question a service asks when its SQL must differ between engines.
func DialectOf(db *gorm.DB) Dialect {
	if db != nil && db.Dialector != nil && db.Dialector.Name() == "postgres" {
		return Postgres
	}
	return SQLite
}
