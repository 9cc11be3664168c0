package store

import (
	_ "embed"
	"fmt"
	"reflect"
	"strings"
	"text/template"

	"circlebook/backend/model"

	"gorm.io/gorm"
)

//go:embed search_everything.sql
var searchEverythingSQL string

//go:embed search_recent.sql
var searchRecentSQL string

// searchEverythingTemplates are the SQLite statements of the migration: "index"
// and "triggers", each run for one searchTable.
var searchEverythingTemplates = template.Must(template.New("fts").Parse(searchEverythingSQL))

// searchTable is one table search across everything reads: its FTS5 index
// on SQLite, and the FTS5 prefix option (short words on small tables).
type searchTable struct {
	Table, FTS, Prefix string
	row                func() model.SearchKeyed
}

// SearchTables are the tables of migration 2026-12-04-search-everything,
// each with the folded search_key its model keeps (people keep theirs since
// 2026-12-01-people-keys and their index since 2026-12-02-search-index).
var searchTables = []searchTable{
	{"notes", "notes_fts", "", func() model.SearchKeyed { return &model.Note{} }},
	{"action_items", "action_items_fts", ", prefix = '1 2'", func() model.SearchKeyed { return &model.ActionItem{} }},
	{"sessions", "sessions_fts", ", prefix = '1 2'", func() model.SearchKeyed { return &model.Session{} }},
	{"goals", "goals_fts", ", prefix = '1 2'", func() model.SearchKeyed { return &model.Goal{} }},
	{"topics", "topics_fts", ", prefix = '1 2'", func() model.SearchKeyed { return &model.Topic{} }},
	{"circles", "circles_text_fts", ", prefix = '1 2'", func() model.SearchKeyed { return &model.Circle{} }},
}

// keyBatch is how many rows a batch of the key fill reads and writes: one
// SELECT and one UPDATE (two parameters a row, well under either engine's
// limit) a batch.
const keyBatch = 1000

// indexStep is what the window says while the migration runs.
const indexStep = "Building the search index"

// searchEverything (SQLite) adds the search keys, makes each table's FTS5
// index, fills keys and index together a batch at a time, then adds the
// triggers that keep them.
func searchEverything(tx *gorm.DB) error {
	fill, err := newKeyFill(tx)
	if err != nil {
		return err
	}
	for _, t := range searchTables {
		if err := runTemplate(tx, "index", t); err != nil {
			return err
		}
		if err := fill.table(tx, t, true); err != nil {
			return err
		}
		if err := runTemplate(tx, "triggers", t); err != nil {
			return err
		}
	}
	return tx.Exec(searchRecentSQL).Error
}

// searchEverythingPostgres adds and fills the search keys and indexes them
// with GIN over search_vector, as people's are (postgres_schema_search.sql).
func searchEverythingPostgres(tx *gorm.DB) error {
	fill, err := newKeyFill(tx)
	if err != nil {
		return err
	}
	for _, t := range searchTables {
		if err := fill.table(tx, t, false); err != nil {
			return err
		}
		if err := tx.Exec("CREATE INDEX idx_" + t.Table + "_search_key ON " + t.Table + " USING gin (search_vector(search_key))").Error; err != nil {
			return err
		}
	}
	return tx.Exec(binaryText(searchRecentSQL)).Error
}

// runTemplate runs the named statements of search_everything.sql for t.
func runTemplate(tx *gorm.DB, name string, t searchTable) error {
	var sql strings.Builder
	if err := searchEverythingTemplates.ExecuteTemplate(&sql, name, t); err != nil {
		return err
	}
	return tx.Exec(sql.String()).Error
}

// keyFill adds and fills the search keys, counting the rows done of all
// the tables' rows (counted up front) for the window's progress.
type keyFill struct{ done, total int }

// newKeyFill adds each table's search_key column and counts their rows.
func newKeyFill(tx *gorm.DB) (*keyFill, error) {
	f := &keyFill{}
	for _, t := range searchTables {
		if t.Table != "circles" || !tx.Migrator().HasColumn(t.Table, "search_key") {
			collate := "" // PostgreSQL compares keys bytewise, as SQLite does (postgres_schema.sql)
			if tx.Dialector.Name() == "postgres" {
				collate = ` COLLATE "C"`
			}
			if err := tx.Exec("ALTER TABLE " + t.Table + " ADD COLUMN search_key TEXT" + collate + " NOT NULL DEFAULT ''").Error; err != nil {
				return nil, err
			}
		}
		var n int64
		if err := tx.Table(t.Table).Count(&n).Error; err != nil {
			return nil, err
		}
		f.total += int(n)
	}
	Report(tx, indexStep, 0, f.total)
	return f, nil
}

// table sets the search key of every row of t from its model's SearchText,
// keyBatch rows in id order at a time: one read, the keys computed in Go,
// one UPDATE ... FROM (VALUES ...) (both engines), and with fts the batch
// added to t's FTS5 index; progress is reported after each batch.
func (f *keyFill) table(tx *gorm.DB, t searchTable, fts bool) error {
	raw := tx.Session(&gorm.Session{SkipHooks: true})
	sliceType := reflect.SliceOf(reflect.TypeOf(t.row()).Elem())
	var after uint
	for {
		rows := reflect.New(sliceType)
		if err := raw.Table(t.Table).Where("id > ?", after).Order("id").Limit(keyBatch).Find(rows.Interface()).Error; err != nil {
			return err
		}
		n := rows.Elem().Len()
		if n == 0 {
			return nil
		}
		values := make([]string, n)
		args := make([]any, 0, 2*n)
		for i := range n {
			row := rows.Elem().Index(i).Addr()
			id := uint(row.Elem().FieldByName("ID").Uint())
			values[i] = "(CAST(? AS INTEGER), ?)"
			args = append(args, id, row.Interface().(model.SearchKeyed).SearchText())
			after = id
		}
		if err := raw.Exec("UPDATE "+t.Table+" SET search_key = v.column2 FROM (VALUES "+strings.Join(values, ", ")+") AS v WHERE "+t.Table+".id = v.column1", args...).Error; err != nil {
			return fmt.Errorf("%s search keys: %w", t.Table, err)
		}
		if fts {
			first := args[0].(uint)
			if err := raw.Exec("INSERT INTO "+t.FTS+" (rowid, search_key) SELECT id, search_key FROM "+t.Table+" WHERE id BETWEEN ? AND ?", first, after).Error; err != nil {
				return err
			}
		}
		f.done += n
		Report(tx, indexStep, f.done, f.total)
	}
}
