package paging_test

import (
	"fmt"
	"testing"
	"time"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/people"
	"circlebook/backend/store"

	"gorm.io/gorm"
)

// benchPeople is how many people BenchmarkPeopleSearchPostgres makes on
// each engine: more than a tenth of the program, so a common word has
// thousands of matches.
const benchPeople = 20_000

// BenchmarkPeopleSearchPostgres times a people search page on PostgreSQL
// (the shared test server, CIRCLEBOOK_TEST_PG) and reports it as a
// multiple of the same call on SQLite, over the same people made through
// the models on both, in the same run (x-sqlite). Neither is ANALYZEd. The
// time is the wall clock: PostgreSQL's work is the server's, not this
// thread's.
//
//	CIRCLEBOOK_TEST_PG=... go test -run '^$' -bench PeopleSearchPostgres ./backend/paging/
func BenchmarkPeopleSearchPostgres(b *testing.B) {
	pg, lite := testdb.OpenPostgres(b), openSQLite(b)
	for _, st := range []*store.Store{pg, lite} {
		fillPeople(b, st.DB)
	}
	for _, c := range []struct {
		name string
		req  people.ListRequest
	}{
		{"a/first", people.ListRequest{Query: "a"}},
		{"a/jump", people.ListRequest{Query: "a", Offset: jump}},
		{"ana/first", people.ListRequest{Query: "ana"}},
		{"ana/cursor", people.ListRequest{Query: "ana", After: next(b, lite, "ana")}},
		{"gil/jump", people.ListRequest{Query: "gil", Offset: jump}},
		{"zoe/first", people.ListRequest{Query: "zoe"}},
		{"zoe/jump", people.ListRequest{Query: "zoe", Offset: jump}},
		{"two-words", people.ListRequest{Query: "ana gar"}},
		{"picker", people.ListRequest{Query: "muñ", Limit: 8}},
	} {
		b.Run(c.name, func(b *testing.B) {
			call := func(st *store.Store) error {
				_, err := people.New(st.DB, testdb.Now).List(c.req)
				return err
			}
			for _, st := range []*store.Store{pg, lite} { // warm both the same way
				if err := call(st); err != nil {
					b.Fatal(err)
				}
			}
			var base time.Duration
			for b.Loop() {
				if err := call(pg); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				start := time.Now()
				if err := call(lite); err != nil {
					b.Fatal(err)
				}
				base += time.Since(start)
				b.StartTimer()
			}
			b.ReportMetric(float64(b.Elapsed())/float64(base), "x-sqlite")
			b.ReportMetric(float64(base.Microseconds())/float64(b.N), "sqlite-us/op")
		})
	}
}

// next is the cursor after the first page of query on st: the same on
// both engines, whose people are made alike.
func next(b *testing.B, st *store.Store, query string) string {
	b.Helper()
	page, err := people.New(st.DB, testdb.Now).List(people.ListRequest{Query: query})
	if err != nil || page.Next == "" {
		b.Fatalf("first page of %q: %v (no cursor: %v)", query, err, page.Next == "")
	}
	return page.Next
}

// openSQLite opens a new SQLite store for b, closed when b ends.
func openSQLite(b *testing.B) *store.Store {
	b.Helper()
	st, err := store.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// fillPeople makes benchPeople people through the models: the names of the
// paging tests (Zoë and ¡Zoë! sort last), with an email and a team each.
func fillPeople(b *testing.B, db *gorm.DB) {
	b.Helper()
	var rows []model.Person
	for i := range benchPeople {
		rows = append(rows, model.Person{Name: fmt.Sprintf("%s %s %05d", firsts[i%len(firsts)], lasts[i/len(firsts)%len(lasts)], i),
			Email: fmt.Sprintf("p%d@bench.example.org", i), Team: themes[i%len(themes)]})
	}
	if err := db.CreateInBatches(&rows, 500).Error; err != nil {
		b.Fatal(err)
	}
}
