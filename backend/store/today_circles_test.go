package store_test

import (
	"reflect"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// todayCircleRow is one row of today_circles.
type todayCircleRow struct {
	CircleID              uint
	Meets                 int
	LastHeld, LastPlanned string
}

// TestTodayCirclesFilledForExistingCircles checks that migration
// 2026-12-06-today-at-scale gives every circle already in a file its row:
// it builds circles and sessions, takes the migration back out (table,
// triggers and record), and opens the file again, which runs it.
func TestTodayCirclesFilledForExistingCircles(t *testing.T) {
	testdb.SQLiteOnly(t) // undoing the migration by hand is SQLite's SQL
	st, dir := openFresh(t)
	f := testdb.With(t, st.DB)
	meeting := f.Circle("Meeting")
	paused := f.Circle("Paused", func(c *model.Circle) { c.Status = model.CirclePaused })
	never := f.Circle("Never met")
	f.Session(meeting, "2026-10-01T18:00", model.SessionHeld)
	f.Session(meeting, "2026-10-15T18:00", model.SessionHeld)
	f.Session(meeting, "2026-12-10T18:00", model.SessionPlanned)
	f.Session(meeting, "2026-12-24T18:00", model.SessionCancelled)
	f.Session(paused, "2026-09-01T18:00", model.SessionHeld)
	st = rerunMigration(t, st, dir, "DROP TABLE today_circles", "DROP TRIGGER today_circles_circle_insert",
		"DROP TRIGGER today_circles_circle_status", "DROP TRIGGER today_circles_session_insert",
		"DROP TRIGGER today_circles_session_update", "DROP TRIGGER today_circles_session_delete",
		"DROP INDEX idx_today_streaks_last_absent", "DELETE FROM schema_migrations WHERE id = '2026-12-06-today-at-scale'")
	var got []todayCircleRow
	if err := st.DB.Raw("SELECT circle_id, meets, last_held, last_planned FROM today_circles ORDER BY circle_id").Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	want := []todayCircleRow{{meeting.ID, 1, "2026-10-15T18:00", "2026-12-10T18:00"}, {paused.ID, 0, "2026-09-01T18:00", ""}, {never.ID, 1, "", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("today_circles after the migration = %v, want %v", got, want)
	}
}

// TestTodayCirclesFromV1 opens the v1 fixture: its one circle has its
// row, with its held session.
func TestTodayCirclesFromV1(t *testing.T) {
	st := openV1(t)
	var got []todayCircleRow
	if err := st.DB.Raw("SELECT circle_id, meets, last_held, last_planned FROM today_circles ORDER BY circle_id").Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || got[0].CircleID != 1 || got[0].LastHeld != "2026-06-02T17:00" {
		t.Fatalf("today_circles = %v, want circle 1 held 2026-06-02T17:00 first", got)
	}
}
