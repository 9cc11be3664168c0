package e2e_test

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"circlebook/backend/fold"
	"circlebook/backend/internal/scaledb"
)

// scaleName is the size of the generated data set the scale tests and
// benchmarks run on (scaledb.Size: CIRCLEBOOK_SCALE=program, else tenth).
func scaleName() string { return scaledb.Size().Name }

// scaleData returns a new data folder holding a private copy of the
// generated data set (backend/internal/scaledb: made once into a cache
// folder, then copied), and logs how long it took.
func scaleData(t testing.TB) string {
	t.Helper()
	start := time.Now()
	dir := scaledb.Dir(t)
	t.Logf("%s-scale data ready in %v", scaleName(), time.Since(start).Round(time.Millisecond))
	return dir
}

// sampleData returns a new data folder with the sample program loaded.
func sampleData(t testing.TB) string {
	t.Helper()
	data := t.TempDir()
	if _, errOut, code := runCLI(t, env(), "demo", "--data", data); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	return data
}

// listEnd is what a list sorted as the circles and people lists are (by the
// folded name, then id) shows last.
type listEnd struct {
	ID   int
	UUID string
	Name string
}

// lastInList returns the last row of a list: the query gives id, uuid and
// name of every row the list shows, in any order.
func lastInList(t testing.TB, dir, query string) listEnd {
	t.Helper()
	rows, err := readDB(t, dir).Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var last listEnd
	lastKey := ""
	for rows.Next() {
		var r listEnd
		if err := rows.Scan(&r.ID, &r.UUID, &r.Name); err != nil {
			t.Fatal(err)
		}
		if k := fold.Key(r.Name); last.ID == 0 || k > lastKey || k == lastKey && r.ID > last.ID {
			last, lastKey = r, k
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if last.ID == 0 {
		t.Fatalf("%s: no rows", query)
	}
	return last
}

// lastCircle is the circle the circles list shows last (archived ones hidden).
func lastCircle(t testing.TB, dir string) listEnd {
	return lastInList(t, dir, "SELECT id, uuid, name FROM circles WHERE status <> 'archived'")
}

// lastPerson is the person the people list shows last.
func lastPerson(t testing.TB, dir string) listEnd {
	return lastInList(t, dir, "SELECT id, uuid, name FROM people")
}

// readDB opens a data folder's database read-only, as openDB does, for a test or a benchmark.
func readDB(t testing.TB, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "circlebook.db")+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
