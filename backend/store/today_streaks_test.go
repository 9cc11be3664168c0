package store_test

import (
	"reflect"
	"testing"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

// streakRow is one row of today_streaks.
type streakRow struct {
	CircleID, PersonID       uint
	LastAttended, LastAbsent string
}

// TestTodayStreaksFilledForExistingMarks checks that migration
// 2026-12-04-today-streaks fills the table from the marks already in a
// file: it builds marks, takes the migration back out (table, triggers,
// index and record), and opens the file again, which runs it.
func TestTodayStreaksFilledForExistingMarks(t *testing.T) {
	testdb.SQLiteOnly(t) // undoing the migration by hand is SQLite's SQL
	st, dir := openFresh(t)
	f := testdb.With(t, st.DB)
	c := f.Circle("Circle")
	ana, emre := f.Person("Ana"), f.Person("Emre")
	s1 := f.Session(c, "2026-10-01T18:00", model.SessionHeld)
	s2 := f.Session(c, "2026-10-15T18:00", model.SessionHeld)
	s3 := f.Session(c, "2026-10-29T18:00", model.SessionPlanned)
	f.Mark(s1, ana, model.Present)
	f.Mark(s2, ana, model.Absent)
	f.Mark(s3, ana, model.Absent) // not held: does not count
	f.Mark(s1, emre, model.Late)
	st = rerunMigration(t, st, dir, "DROP TABLE today_streaks", "DROP TRIGGER today_streaks_mark_insert",
		"DROP TRIGGER today_streaks_mark_update", "DROP TRIGGER today_streaks_mark_delete",
		"DROP TRIGGER today_streaks_session_update", "DROP TRIGGER today_streaks_session_delete",
		"DROP INDEX idx_action_items_status_created",
		"DELETE FROM schema_migrations WHERE id = '2026-12-04-today-streaks'")
	var got []streakRow
	if err := st.DB.Raw("SELECT circle_id, person_id, last_attended, last_absent FROM today_streaks ORDER BY person_id").Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	want := []streakRow{{c.ID, ana.ID, "2026-10-01T18:00", "2026-10-15T18:00"}, {c.ID, emre.ID, "2026-10-01T18:00", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("today_streaks after the migration = %v, want %v", got, want)
	}
}

// TestTodayStreaksFromV1 opens the v1 fixture: its one held session's two
// marks (Ana present, Emre late) fill two rows.
func TestTodayStreaksFromV1(t *testing.T) {
	st := openV1(t)
	var got []streakRow
	if err := st.DB.Raw("SELECT circle_id, person_id, last_attended, last_absent FROM today_streaks ORDER BY person_id").Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	want := []streakRow{{1, 1, "2026-06-02T17:00", ""}, {1, 2, "2026-06-02T17:00", ""}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("today_streaks = %v, want %v", got, want)
	}
}
