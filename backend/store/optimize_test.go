package store_test

import (
	"fmt"
	"testing"

	"circlebook/backend/model"
	"circlebook/backend/store"
)

// statsAfter opens a store in a new folder, adds people, looks one up by
// name through its index, closes it with close, and reports whether the
// file then has planner statistics.
func statsAfter(t *testing.T, close func(*store.Store) error) bool {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	people := make([]model.Person, 300)
	for i := range people {
		people[i] = model.Person{Name: fmt.Sprintf("Person %03d", i)}
	}
	if err := st.DB.CreateInBatches(people, 100).Error; err != nil {
		t.Fatal(err)
	}
	var p model.Person
	if err := st.DB.Where("name_key = ?", "person 150").Take(&p).Error; err != nil {
		t.Fatal(err)
	}
	if err := close(st); err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.CloseWithoutOptimize()
	var n int
	if err := st.DB.Raw(`SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'`).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		return false
	}
	st.DB.Raw(`SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'people'`).Scan(&n)
	return n > 0
}

// Close runs PRAGMA optimize, which analyses the tables this connection's
// queries would have planned better with statistics; the generator's close
// leaves the file un-analysed.
func TestCloseRunsOptimize(t *testing.T) {
	if !statsAfter(t, (*store.Store).Close) {
		t.Error("Close left no statistics for the people table its query used")
	}
	if statsAfter(t, (*store.Store).CloseWithoutOptimize) {
		t.Error("CloseWithoutOptimize analysed the file")
	}
}
