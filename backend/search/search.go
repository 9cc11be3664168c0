// Package search finds records by the words of their folded text: each word
// of a query must start a word of the record, case and accents aside ("ana
// mu" finds Ana Muñoz, "inigo" finds Íñigo Sáenz). Index stands for the
// database's full-text index (FTS5 on SQLite); Query is what someone typed,
// made safe, and Query.Match applies the index's rule in Go.
package search

import "gorm.io/gorm"

// Kind names a kind of record the index holds.
type Kind string

// The kinds of record the index holds.
const (
	People  Kind = "people"  // by name, email, team and title (people.search_key)
	Circles Kind = "circles" // by name (circles.name_key)
)

// Index finds the records of a kind whose words start with a query's words.
type Index interface {
	// From returns a FROM clause, with its arguments, that reads kind's
	// table under alias and only its rows matching q, the index first: a
	// query over it may filter, sort and page those rows.
	From(kind Kind, alias string, q Query) (string, []any)
	// Count counts kind's records matching q, stopping at limit.
	Count(db *gorm.DB, kind Kind, q Query, limit int) (int, error)
}

// For returns the index of db's database: FTS5, the one dialect there is yet.
func For(*gorm.DB) Index { return FTS5{} }
