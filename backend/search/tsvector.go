package search

import (
	"strings"

	"gorm.io/gorm"
)

// Tsvector is the index on PostgreSQL: the baseline's GIN indexes over
// search_vector() of the keys Go folded (postgres_schema_search.sql), one
// word a key's word, as FTS5's are. GIN gives its matches in no order, so
// a page reads every match from the index and sorts them by (name_key,
// name, id), keeping those after its place; no list order is kept on
// PostgreSQL (see order.go). A page thus costs the matches, all of them,
// wherever they lie and wherever it starts, and never a test of a row
// against the query: search_vector is a regular expression over the key,
// some tens of microseconds a row.
type Tsvector struct{}

// pgList is how Tsvector reads a Kind: its table, the indexed expression
// (written as the index's is, for the index to serve) and what else a row
// must meet, or "".
type pgList struct{ table, vector, where string }

var pgLists = map[Kind]pgList{
	People:         {"people", "search_vector(t.search_key)", ""},
	Circles:        {"circles", "search_vector(t.name_key)", ""},
	CurrentCircles: {"circles", "search_vector(t.name_key)", "m.status <> 'archived'"},
}

// Count counts matches up to limit: the index finds them, and only up to
// limit of their rows are read.
func (Tsvector) Count(db *gorm.DB, kind Kind, q Query, limit int) (int, error) {
	var n int
	err := indexOnly(db, q, func(tx *gorm.DB) error {
		from, args := pgLists[kind].matches(q)
		return tx.Raw("SELECT COUNT(*) FROM (SELECT 1 FROM "+from+" LIMIT ?) AS c", append(args, limit)...).Scan(&n).Error
	})
	return n, err
}

// Page reads the matches from the index and returns n of those after
// after in list order, less the first skip.
func (Tsvector) Page(db *gorm.DB, kind Kind, q Query, after *Key, skip, n int) ([]Key, error) {
	from, args := pgLists[kind].matches(q)
	if after != nil {
		from += " AND (m.name_key, m.name) >= (?, ?) AND (m.name_key > ? OR m.name > ? OR m.id > ?)"
		args = append(args, after.NameKey, after.Name, after.NameKey, after.Name, after.ID)
	}
	var keys []Key
	err := indexOnly(db, q, func(tx *gorm.DB) error {
		return tx.Raw("SELECT m.id, m.name_key, m.name FROM "+from+" ORDER BY m.name_key, m.name, m.id LIMIT ? OFFSET ?",
			append(args, n, skip)...).Scan(&keys).Error
	})
	return keys, err
}

// matches is the list's rows matching q, as m: a FROM and a WHERE to go on,
// and its arguments. The index's condition stands alone in a subquery
// that OFFSET 0 keeps whole, so the planner cannot take the list's other
// conditions (a cursor, not archived) to another index and test its rows
// against the query there. The query's text is an argument, cast to
// tsquery (not to_tsquery, which would cut and change the words).
func (l pgList) matches(q Query) (string, []any) {
	cols := "t.id, t.name_key, t.name"
	if l.where != "" {
		cols += ", t.status"
	}
	from, args := "(SELECT "+cols+" FROM "+l.table+" t) AS m WHERE TRUE", []any{}
	if !q.Empty() {
		from = "(SELECT " + cols + " FROM " + l.table + " t WHERE " + l.vector + " @@ ?::tsquery OFFSET 0) AS m WHERE TRUE"
		args = append(args, tsquery(q))
	}
	if l.where != "" {
		from += " AND " + l.where
	}
	return from, args
}

// tsquery writes q, which has a word, as a tsquery's text: each word a
// quoted prefix ('ana':*), all of them required (&). Words hold letters
// and digits only, so nothing in them is tsquery syntax (&, |, !, <->, :*,
// a weight); a quote and a backslash, the only characters a quoted word
// gives a meaning to, are escaped all the same, should the word rule ever
// let one in.
func tsquery(q Query) string {
	parts := make([]string, len(q.words))
	for i, w := range q.words {
		w = strings.ReplaceAll(strings.ReplaceAll(w, `\`, `\\`), "'", "''")
		parts[i] = "'" + w + "':*"
	}
	return strings.Join(parts, " & ")
}
