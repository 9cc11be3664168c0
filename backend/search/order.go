package search

import (
	"fmt"

	"gorm.io/gorm"
)

// A record's place in list order is its table's list_order (migration
// 2026-12-02-search-order): sorting by it sorts by (name_key, name, id).
// Places have gaps, and a trigger gives a new or renamed row a place
// between its neighbours'. When they are too close for one between (a run
// of new names at one spot, such as a roster added in order within the
// list, uses up a gap after some forty rows), it leaves the row without a
// place, and out of the index, and settle gives it one before the list is
// next searched: it spreads a window of rows around it, with any others
// without a place among them, evenly over the places the window spans, so
// a run costs one spread. Rows move through negative places, so no two
// ever hold one place, and the triggers move their index entries with them.
//
// All of this is SQLite's alone (FTS5 calls settle; Tsvector does not).
// On PostgreSQL the column is there but no trigger fills it: a GIN index
// gives its matches in no order, whatever its rows' keys, so a place would
// spare no sort (a page sorts the matches by the name key as cheaply as by
// a place), and keeping places there would cost every write a PL/pgSQL
// trigger that reads and may lock its neighbours, under several writers.

// Places, as the migration sets them: each lies in 1..placeMax-1, and
// rows filled in are at most placeStep apart.
const (
	placeMax  = int64(1) << 62
	placeStep = int64(1) << 40
)

// windows are the windows settle may spread, smallest first: k rows with a
// place each side of the row it places (and the rows without one among
// them), when they would then stand at least gap apart, so that a window
// is spread again only after many rows more; past the last, the whole
// list.
var windows = []struct {
	k   int
	gap int64
}{{16, 1 << 8}, {256, 1 << 12}, {4096, 1 << 16}}

// settle gives a place to every row of table without one.
func settle(db *gorm.DB, table string) error {
	for {
		var ids []uint
		err := db.Table(table).Where("list_order IS NULL").Limit(1).Pluck("id", &ids).Error
		if err != nil || len(ids) == 0 {
			return err
		}
		if err := place(db, table, ids[0]); err != nil {
			return err
		}
	}
}

// edge is a row that bounds a window: its place and its key.
type edge struct {
	Place   int64 `gorm:"column:list_order"`
	NameKey string
	Name    string
	ID      uint
}

// neighbours reads the places of the rows with a place nearest before and
// after row id in list order (past any run without a place): 0 and
// placeMax where there is none.
const neighbours = `SELECT
  COALESCE((SELECT o.list_order FROM %[1]s o WHERE (o.name_key, o.name, o.id) < (x.name_key, x.name, x.id) AND o.list_order > 0
    ORDER BY o.name_key DESC, o.name DESC, o.id DESC LIMIT 1), 0) AS p,
  COALESCE((SELECT o.list_order FROM %[1]s o WHERE (o.name_key, o.name, o.id) > (x.name_key, x.name, x.id) AND o.list_order > 0
    ORDER BY o.name_key, o.name, o.id LIMIT 1), %[2]d) AS s
FROM %[1]s x WHERE x.id = ?`

// place gives row id of table a place by spreading the first window
// around it that has room: it places the rows without a place around it
// too, a run of them (new names at one spot) at once.
func place(db *gorm.DB, table string, id uint) error {
	var at struct{ P, S int64 }
	if err := db.Raw(fmt.Sprintf(neighbours, table, placeMax), id).Scan(&at).Error; err != nil {
		return err
	}
	for _, w := range windows {
		lo, err := nth(db, table, "list_order > 0 AND list_order <= ?", "list_order DESC", at.P, w.k)
		if err != nil {
			return err
		}
		hi, err := nth(db, table, "list_order >= ?", "list_order", at.S, w.k)
		if err != nil {
			return err
		}
		var n int64
		if err := between(db.Table(table), lo, hi).Count(&n).Error; err != nil {
			return err
		}
		if (hi.Place-lo.Place)/(n+1) >= w.gap {
			return spread(db, table, lo, hi, n)
		}
	}
	var n int64
	if err := db.Table(table).Count(&n).Error; err != nil {
		return err
	}
	return spread(db, table, edge{}, edge{Place: placeMax}, n)
}

// nth returns the row k rows with a place on from bound, in order (the row
// at bound being the 0th); when there are fewer, an edge at 0 or placeMax,
// which bounds nothing.
func nth(db *gorm.DB, table, where, order string, bound int64, k int) (edge, error) {
	var rows []edge
	err := db.Table(table).Select("list_order, name_key, name, id").Where(where, bound).Order(order).Offset(k).Limit(1).
		Scan(&rows).Error
	switch {
	case len(rows) > 0:
		return rows[0], err
	case order == "list_order":
		return edge{Place: placeMax}, err
	}
	return edge{}, err
}

// between narrows db to the rows between lo and hi in list order, with a
// place or not, bounds left out.
func between(db *gorm.DB, lo, hi edge) *gorm.DB {
	if lo.Place > 0 {
		db = db.Where("(name_key, name, id) > (?, ?, ?)", lo.NameKey, lo.Name, lo.ID)
	}
	if hi.Place < placeMax {
		db = db.Where("(name_key, name, id) < (?, ?, ?)", hi.NameKey, hi.Name, hi.ID)
	}
	return db
}

// spread places the n rows between lo and hi evenly between their places,
// at most placeStep apart and centred: at their new places negated first,
// then all at once positive.
func spread(db *gorm.DB, table string, lo, hi edge, n int64) error {
	gap := min((hi.Place-lo.Place)/(n+1), placeStep)
	start := lo.Place + (hi.Place-lo.Place-(n+1)*gap)/2
	window := between(db.Table(table).Select("id AS row_id, row_number() OVER (ORDER BY name_key, name, id) AS n"), lo, hi)
	err := db.Exec("UPDATE "+table+" SET list_order = -(? + ? * w.n) FROM (?) AS w WHERE "+table+".id = w.row_id", start, gap, window).Error
	if err != nil {
		return err
	}
	return db.Exec("UPDATE " + table + " SET list_order = -list_order WHERE list_order < 0").Error
}
