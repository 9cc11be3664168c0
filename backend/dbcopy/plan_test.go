package dbcopy

import (
	"slices"
	"strings"
	"testing"

	"circlebook/backend/store"
)

// The plan, made from the models, covers every table and column of the
// schema but the ones kept for SQLite's search (the FTS5 tables and
// list_order, which the target's triggers make), and puts every table
// after the tables its foreign keys reference.
func TestPlanCoversTheSchemaInForeignKeyOrder(t *testing.T) {
	st, tables := schemaAndPlan(t)
	pos := map[string]int{}
	for i, tb := range tables {
		pos[tb.name] = i
	}
	var names []string
	if err := st.DB.Raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
		AND name NOT LIKE '%fts%' AND name <> 'schema_migrations' ORDER BY name`).Scan(&names).Error; err != nil {
		t.Fatal(err)
	}
	names = slices.DeleteFunc(names, func(n string) bool { return slices.Contains(localTables, n) })
	for _, name := range names {
		i, ok := pos[name]
		if !ok {
			t.Errorf("table %s is not in the plan", name)
			continue
		}
		var cols []string
		if err := st.DB.Raw("SELECT name FROM pragma_table_info(?)", name).Scan(&cols).Error; err != nil {
			t.Fatal(err)
		}
		for _, c := range cols {
			if c != "list_order" && !slices.Contains(tables[i].names(), c) {
				t.Errorf("column %s.%s is not in the plan", name, c)
			}
		}
		var parents []string
		if err := st.DB.Raw(`SELECT "table" FROM pragma_foreign_key_list(?)`, name).Scan(&parents).Error; err != nil {
			t.Fatal(err)
		}
		for _, p := range parents {
			if pos[p] >= i {
				t.Errorf("%s comes before %s, which its foreign key references", name, p)
			}
		}
	}
	if len(names) != len(tables) {
		t.Errorf("plan has %d tables, the schema %d: %s", len(tables), len(names), strings.Join(names, ", "))
	}
}

// schemaAndPlan opens a new file at the current schema, closed when t
// ends, and makes the copy's plan.
func schemaAndPlan(t *testing.T) (*store.Store, []table) {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tables, err := plan()
	if err != nil {
		t.Fatal(err)
	}
	return st, tables
}
