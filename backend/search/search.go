// Package search finds records by the words of their folded text: each word
// of a query must start a word of the record, case and accents aside ("ana
// mu" finds Ana Muñoz, "inigo" finds Íñigo Sáenz). It gives them in list
// order (by folded name key, then name, then id), a page at a time. Query
// is what someone typed, made safe, and Query.Match applies the index's
// rule in Go. Index stands for the database's full-text index: FTS5 on SQLite,
// the GIN indexes over search_vector on PostgreSQL.
package search

import "gorm.io/gorm"

// Kind names a list of records the index holds.
type Kind string

// The lists the index holds.
const (
	People         Kind = "people"          // by name, email, team and title (people.search_key)
	Circles        Kind = "circles"         // by name (circles.name_key)
	CurrentCircles Kind = "circles-current" // the circles not archived, by name
)

// Key is a record's place in list order: its folded name key, its name and its id.
type Key struct {
	ID      uint
	NameKey string
	Name    string
}

// Index finds the records of a list whose words start with a query's
// words, in list order.
type Index interface {
	// Count counts the list's records matching q, stopping at limit.
	Count(db *gorm.DB, kind Kind, q Query, limit int) (int, error)
	// Page returns, in list order, up to n of the list's records matching
	// q that come after after (from the first when nil), less the first skip.
	Page(db *gorm.DB, kind Kind, q Query, after *Key, skip, n int) ([]Key, error)
	// Condition writes a search across everything's terms as a WHERE
	// condition on table (named alias) and its arguments: "" for none.
	Condition(table, alias string, t Terms) (string, []any)
}

// For returns the index of db's database: FTS5 on SQLite, Tsvector on PostgreSQL.
func For(db *gorm.DB) Index {
	if postgres(db) {
		return Tsvector{}
	}
	return FTS5{}
}

// postgres reports whether db talks to PostgreSQL, as store.DialectOf
// tells: this package cannot import store, whose own tests import it (a
// test import cycle), so it asks the dialector's name as DialectOf does;
// TestForFollowsTheDialect holds the two to one answer.
func postgres(db *gorm.DB) bool {
	return db != nil && db.Dialector != nil && db.Dialector.Name() == "postgres"
}
