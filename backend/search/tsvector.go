package search

import (
	"strings"

	"gorm.io/gorm"
)

// Tsvector is the index on PostgreSQL: GIN indexes over each table's
// search_words, the stored search_vector() of the key Go folded
// (migration 2026-12-04-pg-search-vectors), one word a key's word, as
// FTS5's are. GIN gives its matches in no order, so a page read there
// reads every match and sorts them by (name_key, name, id): a word most
// rows hold costs all of its matches (tens of milliseconds at program
// scale). A page therefore first walks the list in order from its place,
// at most walkRows rows, testing each row's stored words (a read, not
// the regular expression again), as SQLite's list-ordered index does; a
// common word fills the page within a few hundred rows. Only when the
// walk does not fill the page (a rare word, a far jump, the list's end)
// does the page come from the GIN index and a sort, which then sorts few
// matches, or few enough.
type Tsvector struct{}

// walkRows bounds a page's walk of the list: rows read in list order
// before the page gives up and asks the GIN index. A walked row costs
// about a microsecond or two (an index entry and its row), so a walk that
// gives up has cost a millisecond or three, about what sorting the
// matches that make a word rare enough to need GIN costs.
const walkRows = 2000

// pgList is how Tsvector reads a Kind: its table, the indexed expression
// (written as the index's is, for the index to serve) and what else a row
// must meet, or "" (a condition on the row's own columns, unqualified).
type pgList struct{ table, vector, where string }

var pgLists = map[Kind]pgList{
	People:         {"people", "t.search_words", ""},
	Circles:        {"circles", "t.search_words", ""},
	CurrentCircles: {"circles", "t.search_words", "status <> 'archived'"},
}

// Count counts matches up to limit: the index finds them, and only up to
// limit of their rows are read.
func (Tsvector) Count(db *gorm.DB, kind Kind, q Query, limit int) (int, error) {
	var n int
	err := within(db, q, ginScans, func(tx *gorm.DB) error {
		from, args := pgLists[kind].matches(q)
		return tx.Raw("SELECT COUNT(*) FROM (SELECT 1 FROM "+from+" LIMIT ?) AS c", append(args, limit)...).Scan(&n).Error
	})
	return n, err
}

// Page returns n of the matches after after in list order, less the
// first skip: from a walk of the list when that fills it, else from the
// GIN index. A page that needs more than an eighth of a walk's rows (a
// jump far into the list) goes straight to the index: only a word an
// eighth of the rows hold would fill it, and the index serves those too.
func (Tsvector) Page(db *gorm.DB, kind Kind, q Query, after *Key, skip, n int) ([]Key, error) {
	if !q.Empty() && skip+n <= walkRows/8 {
		keys, err := pgLists[kind].walk(db, q, after, skip, n)
		if err != nil || len(keys) == n {
			return keys, err
		}
	}
	from, args := pgLists[kind].matches(q)
	if after != nil {
		from += " AND (m.name_key, m.name) >= (?, ?) AND (m.name_key > ? OR m.name > ? OR m.id > ?)"
		args = append(args, after.NameKey, after.Name, after.NameKey, after.Name, after.ID)
	}
	var keys []Key
	err := within(db, q, ginScans, func(tx *gorm.DB) error {
		return tx.Raw("SELECT m.id, m.name_key, m.name FROM "+from+" ORDER BY m.name_key, m.name, m.id LIMIT ? OFFSET ?",
			append(args, n, skip)...).Scan(&keys).Error
	})
	return keys, err
}

// Jump returns the page of a far offset jump (skip+n past what a walk
// reads: the page comes from the GIN index and a sort of every match)
// with the count of all the matches, which that read and sort has in
// hand: one read of the index, not a second one to count. ok is false for
// a page a walk would serve, or an empty query; the caller then pages and
// counts as usual.
func (Tsvector) Jump(db *gorm.DB, kind Kind, q Query, skip, n int) (keys []Key, total int, ok bool, err error) {
	if q.Empty() || skip+n <= walkRows/8 {
		return nil, 0, false, nil
	}
	from, args := pgLists[kind].matches(q)
	var rows []struct {
		Key
		Total int
	}
	err = within(db, q, ginScans, func(tx *gorm.DB) error {
		return tx.Raw("SELECT m.id, m.name_key, m.name, COUNT(*) OVER () AS total FROM "+from+
			" ORDER BY m.name_key, m.name, m.id LIMIT ? OFFSET ?", append(args, n, skip)...).Scan(&rows).Error
	})
	if err != nil || len(rows) == 0 {
		return nil, 0, false, err
	}
	keys = make([]Key, len(rows))
	for i, r := range rows {
		keys[i] = r.Key
	}
	return keys, rows[0].Total, true, nil
}

// walk reads the list in order from after, at most walkRows rows, and
// returns n of those matching q, less the first skip: fewer when the walk
// ran out first. The bounded subquery is the list's name index read from
// after's place (a row comparison, which that index's order serves); its
// rows' stored words are tested above it, so the walk reads at most
// walkRows rows (walkScans keeps the planner to an index in list order).
func (l pgList) walk(db *gorm.DB, q Query, after *Key, skip, n int) ([]Key, error) {
	cols := "t.id, t.name_key, t.name, " + l.vector + " AS words"
	where, args := "TRUE", []any{}
	if after != nil {
		where, args = "(t.name_key, t.name, t.id) > (?, ?, ?)", []any{after.NameKey, after.Name, after.ID}
	}
	if l.where != "" {
		where += " AND t." + l.where
	}
	var keys []Key
	err := within(db, q, walkScans, func(tx *gorm.DB) error {
		return tx.Raw("SELECT m.id, m.name_key, m.name FROM (SELECT "+cols+" FROM "+l.table+" t WHERE "+where+
			" ORDER BY t.name_key, t.name, t.id LIMIT ?) AS m WHERE m.words @@ ?::tsquery ORDER BY m.name_key, m.name, m.id LIMIT ? OFFSET ?",
			append(args, walkRows, tsquery(q), n, skip)...).Scan(&keys).Error
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
		from += " AND m." + l.where
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
