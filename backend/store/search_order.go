package store

import (
	_ "embed"
	"fmt"
	"strings"
	"text/template"

	"gorm.io/gorm"
)

//go:embed search_order.sql
var searchOrderSQL string

// searchOrderTmpl is search_order.sql, to run once for each list kind.
var searchOrderTmpl = template.Must(template.New("search_order.sql").Parse(searchOrderSQL))

// Places of the list order (see search_order.sql): all lie in 1..placeMax-1.
const (
	placeMax  = int64(1) << 62
	placeStep = int64(1) << 40 // between rows when filled (at most), and past the last row
)

// listKind is what search_order.sql needs of a kind of row: its table, its
// index in list order and the values that index holds.
type listKind struct {
	Table       string
	FTS         string
	Columns     string // the index's columns
	Watched     string // the columns whose change changes the place or the indexed values
	TextChanged string // true when an update changed the indexed values (old, new)
	values      string // the indexed values of a row, %[1]s its alias
}

// listKinds are the kinds migration 2026-12-02-search-order indexes.
var listKinds = []listKind{
	{Table: "people", FTS: "people_list_fts", Columns: "search_key",
		Watched: "name_key, name, search_key", TextChanged: "old.search_key <> new.search_key",
		values: "%[1]s.search_key"},
	{Table: "circles", FTS: "circles_list_fts", Columns: "name_key, state",
		Watched: "name_key, name, status", TextChanged: "(old.status = 'archived') <> (new.status = 'archived')",
		values: "%[1]s.name_key, CASE WHEN %[1]s.status = 'archived' THEN 'archived' ELSE '' END"},
}

// Values is the indexed values of the row alias names.
func (k listKind) Values(alias string) string { return fmt.Sprintf(k.values, alias) }

// Max bounds the places: every place is less.
func (listKind) Max() int64 { return placeMax }

// Mid is the place of the first row of a list.
func (listKind) Mid() int64 { return placeMax / 2 }

// Step is the gap between rows when filled, and past the last row.
func (listKind) Step() int64 { return placeStep }

// searchOrder is migration 2026-12-02-search-order (see its SQL).
func searchOrder(tx *gorm.DB) error {
	for _, k := range listKinds {
		var sql strings.Builder
		if err := searchOrderTmpl.Execute(&sql, k); err != nil {
			return err
		}
		if err := tx.Exec(sql.String()).Error; err != nil {
			return fmt.Errorf("%s: %w", k.Table, err)
		}
	}
	return nil
}

// searchOrderPostgres is migration 2026-12-02-search-order on PostgreSQL:
// the list_order column and its unique index, so both engines hold the same
// rows (a copy between them carries it), but none of SQLite's triggers: its
// search index is a GIN index on an expression, not an FTS5 table whose
// rowids would give the list order, so a search there sorts its matches
// itself and list_order stays empty.
func searchOrderPostgres(tx *gorm.DB) error {
	for _, table := range []string{"people", "circles"} {
		for _, stmt := range []string{
			"ALTER TABLE " + table + " ADD COLUMN list_order bigint",
			"CREATE UNIQUE INDEX idx_" + table + "_list_order ON " + table + " (list_order)",
		} {
			if err := tx.Exec(stmt).Error; err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
		}
	}
	return nil
}
