package paging_test

import (
	"fmt"
	"slices"
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/paging"
	"circlebook/backend/people"

	"gorm.io/gorm"
)

// late is how many rows of a late program the searches "zz" and "late"
// find: more than paging.Cap, so the searches are capped.
const late = 1_050

// lateProgram fills a new file with early people and circles, named
// "Aa Person 00001" and so on, then late ones, named "Zz Late 0001" and so
// on: the only rows "zz" (the start of the name) and "late" (a later word)
// find, and the last in the list. It is the worst case of walking the list
// in order (Zoë at the end of 159,000 people). It writes by SQL (the
// triggers keep the search index and the counts), a second or so for 50,000.
func lateProgram(t *testing.T, early int) *gorm.DB {
	t.Helper()
	st, _ := testdb.New(t)
	for _, sql := range []string{
		`WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?)
		 INSERT INTO people (uuid, created_at, updated_at, name, name_key, search_key)
		 SELECT 'p-' || n, '2026-11-25', '2026-11-25', name, lower(name), lower(name) || char(10, 10, 10)
		 FROM (SELECT n, CASE WHEN n <= ? THEN printf('Aa Person %06d', n) ELSE printf('Zz Late %06d', n) END AS name FROM i)`,
		`WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?)
		 INSERT INTO circles (uuid, created_at, updated_at, name, name_key, status)
		 SELECT 'c-' || n, '2026-11-25', '2026-11-25', name, lower(name), 'active'
		 FROM (SELECT n, CASE WHEN n <= ? THEN printf('Aa Circle %06d', n) ELSE printf('Zz Late %06d', n) END AS name FROM i)`,
	} {
		if err := st.DB.Exec(sql, early+late, early).Error; err != nil {
			t.Fatal(err)
		}
	}
	return st.DB
}

// latePage is one page of a late search: a list, a query and where.
type latePage struct {
	list, query string
	offset      int  // the page's offset: 0, or a jump
	next        bool // the page after the first page's cursor
}

// latePages are the pages TestLateMatchesCostNoMoreForEarlyRows asks for.
func latePages() []latePage {
	var out []latePage
	for _, list := range []string{"people", "circles", "circles+archived"} {
		for _, query := range []string{"zz", "late"} {
			out = append(out, latePage{list, query, 0, false}, latePage{list, query, 900, false}, latePage{list, query, 0, true})
		}
	}
	return out
}

// TestLateMatchesCostNoMoreForEarlyRows: the first page, a jump and the
// page after a cursor of a capped search whose matches all sort last read
// no more rows (counted by SQLite itself, steps) when four times as many
// rows sort before the matches: a page's cost is bounded by the matches,
// wherever they lie, where a walk from the top of the list costs every
// row before them. And each page is right.
func TestLateMatchesCostNoMoreForEarlyRows(t *testing.T) {
	testdb.SQLiteOnly(t) // SQLite's steps; on PostgreSQL, see TestPostgresSearchPlans
	small, big := lateProgram(t, 25_000), lateProgram(t, 100_000)
	countSteps(t, small)
	countSteps(t, big)
	for _, p := range latePages() {
		var cost [2]int64
		for i, db := range []*gorm.DB{small, big} {
			early := []int{25_000, 100_000}[i]
			cost[i] = latePageSteps(t, db, p, early, fmt.Sprintf("%d early rows", early))
		}
		t.Logf("%v: %d steps after 25,000 early rows, %d after 100,000", p, cost[0], cost[1])
		if cost[1] > cost[0]+cost[0]/10 {
			t.Errorf("%v: %d steps after 100,000 early rows, want no more than after 25,000 (%d) and a tenth", p, cost[1], cost[0])
		}
	}
}

// latePageSteps asks db's list for p (its first page first when p is a next
// page), checks that the page holds the rows after the early ones, whose
// ids follow theirs, and returns the SQLite steps the asked page took.
func latePageSteps(t *testing.T, db *gorm.DB, p latePage, early int, what string) int64 {
	t.Helper()
	call := lateList(db, p.list)
	var first paging.Page
	if p.next {
		var err error
		if first, err = call(paging.Request{Query: p.query}); err != nil {
			t.Fatal(err)
		}
	}
	var page paging.Page
	steps := stepsOf(t, func() (err error) {
		page, err = call(paging.Request{Query: p.query, Offset: p.offset, After: first.Next})
		return err
	})
	at := p.offset
	if p.next {
		at = paging.DefaultLimit
	}
	want := make([]uint, paging.DefaultLimit)
	for j := range want {
		want[j] = uint(early + 1 + at + j)
	}
	if !page.Capped || page.Offset != at || !slices.Equal(page.IDs, want) {
		t.Errorf("%v, %s: page at %d (capped %v) with %v, want at %d: %v", p, what, page.Offset, page.Capped, page.IDs, at, want)
	}
	return steps
}

// lateList calls one of the lists of db as the page does.
func lateList(db *gorm.DB, list string) func(r paging.Request) (paging.Page, error) {
	if list == "people" {
		ps := people.New(db, testdb.Now)
		return func(r paging.Request) (paging.Page, error) {
			p, err := ps.List(people.ListRequest{Query: r.Query, Offset: r.Offset, After: r.After, Limit: r.Limit})
			ids := []uint{}
			for _, s := range p.People {
				ids = append(ids, s.ID)
			}
			return paging.Page{IDs: ids, Total: p.Total, Capped: p.Capped, Offset: p.Offset, Next: p.Next}, err
		}
	}
	cs := circles.New(db, testdb.Now)
	return func(r paging.Request) (paging.Page, error) {
		p, err := cs.List(circles.ListRequest{Query: r.Query, IncludeArchived: list == "circles+archived", Offset: r.Offset, After: r.After, Limit: r.Limit})
		ids := []uint{}
		for _, c := range p.Circles {
			ids = append(ids, c.ID)
		}
		return paging.Page{IDs: ids, Total: p.Total, Capped: p.Capped, Offset: p.Offset, Next: p.Next}, err
	}
}

// String names a late page in a failure.
func (p latePage) String() string {
	switch {
	case p.next:
		return fmt.Sprintf("%s %q next page", p.list, p.query)
	case p.offset > 0:
		return fmt.Sprintf("%s %q jump to %d", p.list, p.query, p.offset)
	}
	return fmt.Sprintf("%s %q first page", p.list, p.query)
}
