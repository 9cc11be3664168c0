package paging_test

import (
	"fmt"
	"testing"

	"circlebook/backend/internal/testdb"

	"gorm.io/gorm"
)

// scatteredProgram fills a new file with early rows that match nothing
// ("Aa Person 000001"), then rest rows whose later word matches "zz" ("Mm
// Zzrest 000001": matches that do not start with the word, so no index of
// names holds them together), then 1,050 late rows that start with it ("Zz
// Late 000001"), people and circles alike: the shape of "z" at program
// scale (surnames with z all through the list, Zoë at its end). It writes
// by SQL; the triggers keep the indexes and the counts.
func scatteredProgram(t *testing.T, early, rest int) *gorm.DB {
	t.Helper()
	st, _ := testdb.New(t)
	const names = `SELECT n, CASE WHEN n <= ? THEN printf('Aa Person %06d', n) WHEN n <= ? THEN printf('Mm Zzrest %06d', n)
		ELSE printf('Zz Late %06d', n) END AS name FROM i`
	for _, sql := range []string{
		`WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?)
		 INSERT INTO people (uuid, created_at, updated_at, name, name_key, search_key)
		 SELECT 'p-' || n, '2026-11-25', '2026-11-25', name, lower(name), lower(name) || char(10, 10, 10) FROM (` + names + `)`,
		`WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?)
		 INSERT INTO circles (uuid, created_at, updated_at, name, name_key, status)
		 SELECT 'c-' || n, '2026-11-25', '2026-11-25', name, lower(name), 'active' FROM (` + names + `)`,
	} {
		if err := st.DB.Exec(sql, early+rest+late, early, early+rest).Error; err != nil {
			t.Fatal(err)
		}
	}
	return st.DB
}

// TestScatteredMatchesCostTheirPage: the first page, a jump and the page
// after a cursor of a capped search whose matches lie all through the list
// read no more rows (counted by SQLite itself, steps) when there are four
// times as many rows before them and four times as many of them: a page
// costs the matches before it, not the rows around them (which a walk of
// the list in order reads) nor the matches after it (which a sort of the
// matches reads). And each page is right.
//
// The steps are SQLite's; on PostgreSQL, see TestPostgresSearchPlans.
func TestScatteredMatchesCostTheirPage(t *testing.T) {
	testdb.SQLiteOnly(t)
	sizes := [2][2]int{{10_000, 2_000}, {40_000, 8_000}} // early, rest
	var dbs [2]*gorm.DB
	for i, s := range sizes {
		dbs[i] = scatteredProgram(t, s[0], s[1])
		countSteps(t, dbs[i])
	}
	for _, list := range []string{"people", "circles", "circles+archived"} {
		for _, p := range []latePage{{list, "zz", 0, false}, {list, "zz", 900, false}, {list, "zz", 0, true}} {
			var cost [2]int64
			for i, db := range dbs {
				cost[i] = latePageSteps(t, db, p, sizes[i][0], sizeName(sizes[i])) // the rest rows' ids follow the early ones'
			}
			t.Logf("%v: %d steps with %s, %d with %s", p, cost[0], sizeName(sizes[0]), cost[1], sizeName(sizes[1]))
			if cost[1] > cost[0]+cost[0]/10 {
				t.Errorf("%v: %d steps with four times the rows and the matches, want no more than %d and a tenth", p, cost[1], cost[0])
			}
		}
	}
}

// sizeName names a scattered program's size in a message.
func sizeName(s [2]int) string { return fmt.Sprintf("%d early, %d scattered", s[0], s[1]) }
