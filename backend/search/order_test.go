package search_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/search"
	"circlebook/backend/store"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// addPeople inserts people by plain SQL (as an import or a migration
// would; on SQLite the triggers place them), one a name, in the order
// given, in one transaction.
func addPeople(t *testing.T, db *gorm.DB, names ...string) {
	t.Helper()
	err := db.Transaction(func(tx *gorm.DB) error {
		for _, name := range names {
			key := strings.ToLower(name)
			err := tx.Exec(`INSERT INTO people (uuid, created_at, updated_at, name, name_key, search_key)
				VALUES (?, ?, ?, ?, ?, ?)`, uuid.NewString(), testdb.Today, testdb.Today, name, key, key).Error
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// names are n names from format (one %d), from first on, by step.
func names(format string, first, n, step int) []string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf(format, first+i*step))
	}
	return out
}

// unplaced counts the people the triggers left without a place.
func unplaced(t *testing.T, db *gorm.DB) int64 {
	t.Helper()
	var n int64
	if err := db.Table("people").Where("list_order IS NULL").Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// placesFollowNames searches people for each query, which gives everyone a
// place first, and fails unless each search finds, in list order, the
// people whose words the query's start, and, on SQLite, every person has a
// place, the places sort as the names do, and the index is sound.
func placesFollowNames(t *testing.T, db *gorm.DB, step string, queries ...string) {
	t.Helper()
	idx := search.For(db)
	for _, query := range queries {
		q := search.Parse(query)
		keys, err := idx.Page(db, search.People, q, nil, 0, 1<<20)
		if err != nil {
			t.Fatalf("%s: %q: %v", step, query, err)
		}
		var got, want []uint
		for _, k := range keys {
			got = append(got, k.ID)
		}
		var all []struct {
			ID        uint
			SearchKey string
		}
		db.Table("people").Order("name_key, name, id").Scan(&all)
		for _, p := range all {
			if q.Match(p.SearchKey) {
				want = append(want, p.ID)
			}
		}
		if !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("%s: %q finds %d people, want %d in list order (first difference at %d)", step, query, len(got), len(want), firstDiff(got, want))
		}
	}
	if testdb.Engine() != store.SQLite {
		return // no list order on PostgreSQL (see order.go)
	}
	if n := unplaced(t, db); n > 0 {
		t.Errorf("%s: %d people without a place after a search", step, n)
	}
	var byPlace, byName []uint
	db.Table("people").Order("list_order").Pluck("id", &byPlace)
	db.Table("people").Order("name_key, name, id").Pluck("id", &byName)
	if !slices.Equal(byPlace, byName) {
		t.Errorf("%s: places out of list order (first difference at %d)", step, firstDiff(byPlace, byName))
	}
	if err := db.Exec("INSERT INTO people_list_fts (people_list_fts) VALUES ('integrity-check')").Error; err != nil {
		t.Errorf("%s: %v", step, err)
	}
}

func firstDiff(a, b []uint) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestPlacesFollowNames writes people every way that tests the places:
// runs of names at one spot (each after the last, each before the last),
// which use up the gap between two places and leave rows for the search to
// place; renames, a change of case alone, deletes; and after each, the
// searches find what the word rule says, in list order.
//
// On PostgreSQL, which keeps no places, the same writes check the searches.
func TestPlacesFollowNames(t *testing.T) {
	st, _ := testdb.New(t)
	db := st.DB
	addPeople(t, db, append(names("Aa %03d", 0, 50, 1), names("Zz %03d", 0, 50, 1)...)...)
	placesFollowNames(t, db, "appended", "aa", "zz")

	addPeople(t, db, names("Mm %04d", 0, 600, 1)...)
	if n := unplaced(t, db); n < 500 && testdb.Engine() == store.SQLite {
		t.Errorf("a run of 600 names at one spot left %d without a place, want most (the gap holds about 20)", n)
	}
	placesFollowNames(t, db, "a run after the last", "mm", "mm 05", "aa", "zz")

	addPeople(t, db, names("Nn %04d", 600, 600, -1)...)
	placesFollowNames(t, db, "a run before the last", "nn", "mm", "zz")

	for _, edit := range []struct{ sql, query string }{
		{"UPDATE people SET name = 'Mm 0100b', name_key = 'mm 0100b', search_key = 'mm 0100b' WHERE name LIKE 'Aa 01%'", "mm 0100"},
		{"UPDATE people SET name = 'MM 0200', search_key = 'mm 0200 upper' WHERE name = 'Mm 0200'", "upper"},
		{"UPDATE people SET search_key = search_key || ' extra' WHERE name LIKE 'Nn 03%'", "extra"},
		{"DELETE FROM people WHERE name LIKE 'Mm 03%'", "mm 04"},
	} {
		if err := db.Exec(edit.sql).Error; err != nil {
			t.Fatal(err)
		}
		placesFollowNames(t, db, edit.sql, edit.query, "mm", "aa", "nn")
	}
}

// TestRowsAddedInAnyOrderGetPlaces: people added one by one as a
// program's lists grow (random names, a roster sorted after everyone, a
// thousand namesakes each added after the others) all get a place from the
// triggers, with none left for a search to spread a window for. (Runs of
// new names at one spot within the list, sorted or reversed, are
// TestPlacesFollowNames': a search spreads a window for each run.)
func TestRowsAddedInAnyOrderGetPlaces(t *testing.T) {
	testdb.SQLiteOnly(t) // the places of SQLite's list order
	st, _ := testdb.New(t)
	db := st.DB
	r := rand.New(rand.NewPCG(8, 8))
	var random []string
	for range 4000 {
		random = append(random, fmt.Sprintf("%c%c%c Person %05d", 'A'+r.IntN(25), 'a'+r.IntN(26), 'a'+r.IntN(26), r.IntN(100_000)))
	}
	for _, run := range []struct {
		what  string
		names []string
	}{
		{"random names", random},
		{"a roster sorted after everyone", names("Zz Roster %05d", 0, 1000, 1)},
		{"namesakes", slices.Repeat([]string{"Maria Garcia"}, 1000)},
	} {
		addPeople(t, db, run.names...)
		if n := unplaced(t, db); n > 0 {
			t.Errorf("%s: %d people without a place", run.what, n)
		}
	}
	placesFollowNames(t, db, "in any order", "roster", "maria garcia", "person")
}

// TestSpreadWindows: a row whose neighbours leave no place between them
// gets one by spreading the smallest window around it with room: 16 rows
// each side when the crowd is small, 256 or 4096 when it is larger, the
// whole list when all of it is crowded. The rows outside the window keep
// their places, and all keep their order and the searches their answers.
func TestSpreadWindows(t *testing.T) {
	testdb.SQLiteOnly(t) // the places of SQLite's list order
	st, _ := testdb.New(t)
	db := st.DB
	addPeople(t, db, names("Row %05d", 0, 9000, 1)...)
	for _, c := range []struct {
		crowd  [2]int // the rows from crowd[0] to crowd[1] get places one apart
		insert string // a name that sorts in the crowd
		k      int    // the window: k rows each side; 0 for the whole list
	}{
		{[2]int{1000, 1003}, "Row 01001a", 16},
		{[2]int{2000, 2100}, "Row 02050a", 256},
		{[2]int{4000, 5000}, "Row 04500a", 4096},
		{[2]int{0, 9000}, "Row 04500b", 0},
	} {
		crowd(t, db, fmt.Sprintf("row %05d", c.crowd[0]), fmt.Sprintf("row %05d", c.crowd[1]))
		before := places(t, db)
		addPeople(t, db, c.insert)
		if n := unplaced(t, db); n != 1 {
			t.Fatalf("%s: %d rows without a place after an insert into the crowd, want 1", c.insert, n)
		}
		placesFollowNames(t, db, c.insert, "row", strings.ToLower(c.insert), "row 0")
		after := places(t, db)
		var order []uint
		db.Table("people").Order("name_key, name, id").Pluck("id", &order)
		at := slices.IndexFunc(order, func(id uint) bool { _, old := before[id]; return !old })
		from, to := max(at-c.k, 0), min(at+c.k, len(order)-1)
		if c.k == 0 {
			from, to = 0, len(order)-1
		}
		moved := 0
		for i, id := range order {
			switch changed := before[id] != after[id]; {
			case i >= from && i <= to && changed:
				moved++
			case (i < from || i > to) && changed:
				t.Errorf("%s: row %d of the list moved, outside the window of %d rows each side", c.insert, i, c.k)
			}
		}
		if window := to - from + 1; moved < window*9/10 {
			t.Errorf("%s: %d of the window's %d rows moved, want nearly all", c.insert, moved, window)
		}
	}
}

// crowd gives the people from key from to key to places one apart, right
// after the place of the person before them: through negative places, as
// the triggers want.
func crowd(t *testing.T, db *gorm.DB, from, to string) {
	t.Helper()
	var base int64
	db.Raw("SELECT COALESCE(MAX(list_order), 0) FROM people WHERE name_key < ?", from).Scan(&base)
	err := db.Exec(`UPDATE people SET list_order = -(? + w.n) FROM (SELECT id AS row_id, row_number() OVER (ORDER BY name_key, name, id) AS n
		FROM people WHERE name_key >= ? AND name_key <= ?) AS w WHERE people.id = w.row_id`, base, from, to).Error
	if err == nil {
		err = db.Exec("UPDATE people SET list_order = -list_order WHERE list_order < 0").Error
	}
	if err != nil {
		t.Fatal(err)
	}
}

// places maps each person to their place.
func places(t *testing.T, db *gorm.DB) map[uint]int64 {
	t.Helper()
	var rows []struct {
		ID        uint
		ListOrder int64
	}
	if err := db.Table("people").Select("id, list_order").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[uint]int64{}
	for _, r := range rows {
		out[r.ID] = r.ListOrder
	}
	return out
}
