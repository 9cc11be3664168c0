package store

import (
	"slices"
	"testing"

	"gorm.io/gorm"
)

// TestSearchOrderPlacesExistingRows opens a file written by the version
// before 2026-12-02-search-order, with people and circles in it (names
// whose keys tie, an archived circle): the migration gives every row a
// place in list order, placeStep apart around the middle, and indexes the
// rows at their places; after it, the triggers place new and renamed rows
// and keep the index in step.
func TestSearchOrderPlacesExistingRows(t *testing.T) {
	dir := t.TempDir()
	upTo(t, dir, "2026-12-02-search-order", func(db *gorm.DB) {
		for _, stmt := range []string{
			`INSERT INTO circles (id, uuid, created_at, updated_at, name, name_key, status) VALUES
				(1, 'c1', '2026-11-01', '2026-11-01', 'Équipe Norte', 'equipe norte', 'active'),
				(2, 'c2', '2026-11-01', '2026-11-01', 'Archivo Viejo', 'archivo viejo', 'archived'),
				(3, 'c3', '2026-11-01', '2026-11-01', 'alpha', 'alpha', 'paused'),
				(4, 'c4', '2026-11-01', '2026-11-01', 'Alpha', 'alpha', 'active')`,
			`INSERT INTO people (id, uuid, created_at, updated_at, name, name_key, search_key) VALUES
				(1, 'p1', '2026-11-01', '2026-11-01', 'Zoë Gil', 'zoe gil', 'zoe gil'),
				(2, 'p2', '2026-11-01', '2026-11-01', 'ana gil', 'ana gil', 'ana gil'),
				(3, 'p3', '2026-11-01', '2026-11-01', 'Ana Gil', 'ana gil', 'ana gil'),
				(4, 'p4', '2026-11-01', '2026-11-01', 'Íñigo Sáenz', 'inigo saenz', 'inigo saenz' || char(10) || 'diseno')`,
		} {
			if err := db.Exec(stmt).Error; err != nil {
				t.Fatal(err)
			}
		}
	})
	st, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.DB

	mid := placeMax / 2
	for _, tt := range []struct {
		table string
		want  []uint // ids in list order
	}{
		{"people", []uint{3, 2, 4, 1}},  // Ana Gil sorts before ana gil (the name as written breaks the tie)
		{"circles", []uint{4, 3, 2, 1}}, // Alpha, alpha, Archivo Viejo, Équipe Norte
	} {
		var rows []struct {
			ID        uint
			ListOrder int64
		}
		db.Table(tt.table).Select("id, list_order").Order("list_order").Scan(&rows)
		var ids []uint
		for i, r := range rows {
			ids = append(ids, r.ID)
			if want := mid - 2*placeStep + int64(i)*placeStep; r.ListOrder != want {
				t.Errorf("%s %d: place %d, want %d", tt.table, r.ID, r.ListOrder, want)
			}
		}
		if !slices.Equal(ids, tt.want) {
			t.Errorf("%s by place: %v, want %v", tt.table, ids, tt.want)
		}
	}

	indexed("migrated", t, db, []listSearch{
		{"people", `"gil"*`, []uint{3, 2, 1}},
		{"people", `"disen"*`, []uint{4}},
		{"people", `"ana"* "gi"*`, []uint{3, 2}},
		{"circles", `{name_key} : ("a"*)`, []uint{4, 3, 2}},
		{"circles", `{name_key} : ("a"*) NOT {state} : archived`, []uint{4, 3}},
		{"circles", `{name_key} : ("archived"*)`, nil},
	})

	for _, stmt := range []string{
		`INSERT INTO people (id, uuid, created_at, updated_at, name, name_key, search_key) VALUES
			(5, 'p5', '2026-11-02', '2026-11-02', 'Bea Gil', 'bea gil', 'bea gil')`,
		`UPDATE people SET name = 'Zoë Sáenz', name_key = 'zoe saenz', search_key = 'zoe saenz' WHERE id = 1`,
		`UPDATE circles SET status = 'active' WHERE id = 2`,
		`UPDATE circles SET status = 'archived' WHERE id = 3`,
	} {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	var byPlace []uint
	db.Table("people").Order("list_order").Pluck("id", &byPlace)
	if want := []uint{3, 2, 5, 4, 1}; !slices.Equal(byPlace, want) {
		t.Errorf("people by place after the writes: %v, want %v", byPlace, want)
	}
	indexed("after the writes", t, db, []listSearch{
		{"people", `"gil"*`, []uint{3, 2, 5}},
		{"people", `"saenz"*`, []uint{4, 1}},
		{"circles", `{name_key} : ("a"*) NOT {state} : archived`, []uint{4, 2}},
	})
}

// listSearch is a query of a table's index in list order, and the ids it finds.
type listSearch struct {
	table, query string
	want         []uint
}

// indexed fails unless each search finds its ids, in that order.
func indexed(step string, t *testing.T, db *gorm.DB, searches []listSearch) {
	t.Helper()
	for _, s := range searches {
		fts := s.table + "_list_fts"
		var ids []uint
		err := db.Raw("SELECT t.id FROM "+fts+" f JOIN "+s.table+" t ON t.list_order = f.rowid WHERE "+fts+" MATCH ? ORDER BY f.rowid", s.query).
			Scan(&ids).Error
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids, s.want) {
			t.Errorf("%s: %s MATCH %s = %v, want %v", step, fts, s.query, ids, s.want)
		}
	}
}
