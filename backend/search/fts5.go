package search

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// FTS5 is the index on SQLite: the FTS5 tables of migration
// 2026-12-02-search-order, over the keys Go folded (tokenizer unicode61,
// prefix indexes of 1 to 3 characters), kept in step with their tables by
// triggers. Their rowids are the records' places in list order (the
// column list_order, see order.go), so the matches come out of the index
// in list order: a page is the matches from a place on, with no sort, and
// reads no row of the table but its own, however many rows match.
type FTS5 struct{}

// list is how FTS5 reads a Kind: its table, its index, and the MATCH
// expression around a query's words (%s).
type list struct{ table, fts, match string }

var lists = map[Kind]list{
	People:         {"people", "people_list_fts", "%s"},
	Circles:        {"circles", "circles_list_fts", "{name_key} : (%s)"},
	CurrentCircles: {"circles", "circles_list_fts", "{name_key} : (%s) NOT {state} : archived"},
}

// Count counts matches in the index alone, up to limit.
func (FTS5) Count(db *gorm.DB, kind Kind, q Query, limit int) (int, error) {
	l := lists[kind]
	if err := settle(db, l.table); err != nil {
		return 0, err
	}
	var n int
	err := db.Raw(fmt.Sprintf("SELECT COUNT(*) FROM (SELECT 1 FROM %[1]s WHERE %[1]s MATCH ? LIMIT ?)", l.fts), l.expr(q), limit).
		Scan(&n).Error
	return n, err
}

// pageQuery reads a page: the places of the matches from a place on, in
// the index's order, then the rows at those places.
const pageQuery = `SELECT t.id, t.name_key, t.name
FROM (SELECT rowid AS place FROM %[1]s WHERE %[1]s MATCH ? AND rowid >= ? ORDER BY rowid LIMIT ? OFFSET ?) AS m
JOIN %[2]s t ON t.list_order = m.place
ORDER BY m.place`

// Page reads the matches' places from the index, from the place of the
// first row after after on, and then the rows at the n places it keeps.
func (FTS5) Page(db *gorm.DB, kind Kind, q Query, after *Key, skip, n int) ([]Key, error) {
	l := lists[kind]
	if err := settle(db, l.table); err != nil {
		return nil, err
	}
	from := int64(0)
	if after != nil {
		var places []int64
		err := db.Table(l.table).Select("list_order").
			Where("(name_key, name) >= (?, ?) AND (name_key > ? OR name > ? OR id > ?)", after.NameKey, after.Name, after.NameKey, after.Name, after.ID).
			Order("name_key, name, id").Limit(1).Pluck("list_order", &places).Error
		if err != nil || len(places) == 0 {
			return nil, err
		}
		from = places[0]
	}
	var keys []Key
	err := db.Raw(fmt.Sprintf(pageQuery, l.fts, l.table), l.expr(q), from, n, skip).Scan(&keys).Error
	return keys, err
}

// expr writes q as the list's FTS5 query: each word a quoted prefix
// ("ana"*), all of them required. Words hold letters and digits only, so
// they need no escaping and can never be an operator (AND, NEAR, ^, ...);
// a quote is doubled all the same, should the word rule ever let one in.
func (l list) expr(q Query) string {
	parts := make([]string, len(q.words))
	for i, w := range q.words {
		parts[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"*`
	}
	return fmt.Sprintf(l.match, strings.Join(parts, " "))
}
