package dbcopy_test

import (
	"context"
	"errors"
	"maps"
	"slices"
	"testing"

	"circlebook/backend/dbcopy"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/store"
)

// The sample program goes SQLite -> PostgreSQL -> SQLite and comes back
// with the same rows, checksums and exported summaries.
func TestSampleProgramRoundTripThroughPostgres(t *testing.T) {
	pg := testdb.OpenPostgres(t)
	orig := withDemo(t, sqliteStore(t))
	back := sqliteStore(t)

	there := copyDB(t, orig.DB, pg.DB)
	again := copyDB(t, pg.DB, back.DB)

	if !slices.Equal(there.Tables, again.Tables) {
		t.Errorf("reports differ:\n there %+v\n again %+v", there.Tables, again.Tables)
	}
	if there.Rows() < 100 {
		t.Errorf("copied %d rows, want the whole sample program", there.Rows())
	}
	want := counts(t, orig.DB)
	for name, db := range map[string]*store.Store{"postgres": pg, "sqlite again": back} {
		if got := counts(t, db.DB); !maps.Equal(got, want) {
			t.Errorf("%s counts %v, want %v", name, got, want)
		}
		if got := summaries(t, db.DB); !maps.Equal(got, summaries(t, orig.DB)) {
			t.Errorf("%s: the exported summaries differ from the original's", name)
		}
	}
}

// Within one engine too (this runs without a PostgreSQL server).
func TestSampleProgramSQLiteToSQLite(t *testing.T) {
	orig := withDemo(t, sqliteStore(t))
	dst := sqliteStore(t)
	rep := copyDB(t, orig.DB, dst.DB)
	if got, want := counts(t, dst.DB), counts(t, orig.DB); !maps.Equal(got, want) {
		t.Errorf("counts %v, want %v", got, want)
	}
	if !maps.Equal(summaries(t, dst.DB), summaries(t, orig.DB)) {
		t.Error("the exported summaries differ from the original's")
	}
	for _, tr := range rep.Tables {
		if tr.Rows == 0 {
			t.Errorf("%s: no rows copied", tr.Table)
		}
	}
}

// A target that holds records is refused and left as it was.
func TestNonEmptyTargetIsRefused(t *testing.T) {
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			src := withDemo(t, sqliteStore(t))
			dst := target(t)
			testdb.With(t, dst.DB).Person("Ana")
			before := counts(t, dst.DB)
			_, err := dbcopy.Copy(context.Background(), src.DB, dst.DB, dbcopy.Options{})
			if !errors.Is(err, dbcopy.ErrNotEmpty) {
				t.Fatalf("err = %v, want ErrNotEmpty", err)
			}
			if got := counts(t, dst.DB); !maps.Equal(got, before) {
				t.Errorf("target changed: %v, was %v", got, before)
			}
		})
	}
}

// A copy that fails midway (a mark whose person is missing, which the
// target's foreign key refuses after the people, circles and sessions went
// in) leaves the target as empty as it was.
func TestFailureMidwayLeavesTargetEmpty(t *testing.T) {
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			src := withDemo(t, sqliteStore(t))
			var s model.Session
			if err := src.DB.First(&s).Error; err != nil {
				t.Fatal(err)
			}
			for _, stmt := range []string{
				"PRAGMA foreign_keys = OFF",
				"INSERT INTO attendance (uuid, created_at, updated_at, session_id, person_id, status) VALUES ('dangling', '2026-11-25 09:00:00+00:00', '2026-11-25 09:00:00+00:00', ?, 999999, 'present')",
				"PRAGMA foreign_keys = ON",
			} {
				if err := src.DB.Exec(stmt, s.ID).Error; err != nil {
					t.Fatal(err)
				}
			}
			dst := target(t)
			before := counts(t, dst.DB)
			_, err := dbcopy.Copy(context.Background(), src.DB, dst.DB, dbcopy.Options{Batch: 10})
			if err == nil {
				t.Fatal("copy succeeded with a dangling mark")
			}
			if got := counts(t, dst.DB); !maps.Equal(got, before) {
				t.Errorf("target changed: %v, was %v", got, before)
			}
		})
	}
}

// After a copy, new rows get new ids: past the copied ones and past any the
// source gave and deleted.
func TestIDsContinueAfterCopy(t *testing.T) {
	for name, target := range targets(t) {
		t.Run(name, func(t *testing.T) {
			src := withDemo(t, sqliteStore(t))
			var last model.Person
			if err := src.DB.Order("id DESC").First(&last).Error; err != nil {
				t.Fatal(err)
			}
			if err := src.DB.Delete(&last).Error; err != nil {
				t.Fatal(err)
			}
			dst := target(t)
			copyDB(t, src.DB, dst.DB)
			p := testdb.With(t, dst.DB).Person("New Person")
			if p.ID <= last.ID {
				t.Errorf("new person's id %d, want past %d (the source's last, deleted)", p.ID, last.ID)
			}
		})
	}
}

// targets opens empty targets on each engine there is (PostgreSQL when a
// test server is set).
func targets(t *testing.T) map[string]func(*testing.T) *store.Store {
	return map[string]func(*testing.T) *store.Store{
		"sqlite":   sqliteStore,
		"postgres": func(t *testing.T) *store.Store { return testdb.OpenPostgres(t) },
	}
}
