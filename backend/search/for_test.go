package search_test

import (
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/search"
	"circlebook/backend/store"
)

// TestForFollowsTheDialect: For gives FTS5 where store.DialectOf names
// SQLite and Tsvector where it names PostgreSQL (For cannot ask DialectOf
// itself: see search.go), on a transaction as on the database.
func TestForFollowsTheDialect(t *testing.T) {
	want := map[store.Dialect]search.Index{store.SQLite: search.FTS5{}, store.Postgres: search.Tsvector{}}
	st := testdb.Open(t)
	if got := search.For(st.DB); got != want[store.DialectOf(st.DB)] {
		t.Errorf("For on %s gives %T", store.DialectOf(st.DB), got)
	}
	tx := st.DB.Begin()
	defer tx.Rollback()
	if got := search.For(tx); got != want[store.DialectOf(tx)] {
		t.Errorf("For on a transaction of %s gives %T", store.DialectOf(tx), got)
	}
	if store.DialectOf(st.DB) != testdb.Engine() {
		t.Errorf("the test engine is %s, the store %s", testdb.Engine(), store.DialectOf(st.DB))
	}
}
