package sessions_test

import (
	"slices"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

func setup(t *testing.T) (*sessions.Sessions, testdb.Fixture) {
	t.Helper()
	st, f := testdb.New(t)
	return sessions.New(st.DB, testdb.Now), f
}

// numbers returns the circle's sessions' start times in number order, checking numbers run 1..n.
func numbers(t *testing.T, f testdb.Fixture, circleID uint) []string {
	t.Helper()
	var all []model.Session
	f.DB.Where("circle_id = ?", circleID).Order("number").Find(&all)
	var out []string
	for i, s := range all {
		if s.Number != i+1 {
			t.Errorf("session at %s has number %d, want %d", s.StartsAt, s.Number, i+1)
		}
		out = append(out, s.StartsAt)
	}
	return out
}

func TestScheduleNumbersInDateOrder(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	other := f.Circle("Other")
	untouched := f.Session(other, "2026-01-01T10:00", model.SessionHeld) // number 0, as the fixture left it

	for _, at := range []string{"2026-10-15T17:00", "2026-11-12T17:00"} {
		if _, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	earlier, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-10-01T17:00"})
	if err != nil {
		t.Fatal(err)
	}
	if earlier.Number != 1 {
		t.Errorf("the earliest session's number = %d, want 1", earlier.Number)
	}
	want := []string{"2026-10-01T17:00", "2026-10-15T17:00", "2026-11-12T17:00"}
	if got := numbers(t, f, c.ID); !slices.Equal(got, want) {
		t.Errorf("sessions by number = %v, want %v", got, want)
	}
	f.DB.Take(&untouched, untouched.ID)
	if untouched.Number != 0 {
		t.Errorf("another circle's session was renumbered to %d", untouched.Number)
	}
}

func TestScheduleDefaultsFromCircle(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Pair", func(c *model.Circle) { c.DurationMinutes, c.VideoLink = 30, "https://meet.example.org/cm" })
	s, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: " 2026-12-04T12:00 ", Topic: " Career growth "})
	if err != nil {
		t.Fatal(err)
	}
	if s.DurationMinutes != 30 || s.Place != "https://meet.example.org/cm" || s.Status != model.SessionPlanned ||
		s.StartsAt != "2026-12-04T12:00" || s.Topic != "Career growth" {
		t.Errorf("scheduled %+v, want the circle's 30 minutes and video link, planned, trimmed text", s)
	}
	s, err = svc.Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-12-18T12:00", DurationMinutes: 45, Place: "Café"})
	if err != nil {
		t.Fatal(err)
	}
	if s.DurationMinutes != 45 || s.Place != "Café" {
		t.Errorf("scheduled %+v, want the given 45 minutes and place", s)
	}
}

func TestScheduleWithAgenda(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	s, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: "2026-12-01T17:00", Agenda: []string{"Check-in", "  ", "Topic", ""}})
	if err != nil {
		t.Fatal(err)
	}
	// A later item lands after the ones the form sent, with no gaps.
	items, err := svc.AddAgendaItem(s.ID, sessions.AgendaInput{Title: "Action items"})
	if err != nil {
		t.Fatal(err)
	}
	wantAgenda(t, items, "Check-in", "Topic", "Action items")
}

func TestScheduleRejects(t *testing.T) {
	tests := []struct {
		name  string
		in    sessions.SessionInput
		code  apperr.Code
		field string
	}{
		{"no time", sessions.SessionInput{}, apperr.Invalid, "startsAt"},
		{"date only", sessions.SessionInput{StartsAt: "2026-12-01"}, apperr.Invalid, "startsAt"},
		{"too long a session", sessions.SessionInput{StartsAt: "2026-12-01T17:00", DurationMinutes: 24*60 + 1}, apperr.Invalid, "durationMinutes"},
		{"bad status", sessions.SessionInput{StartsAt: "2026-12-01T17:00", Status: "done"}, apperr.Invalid, "status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			c := f.Circle("Leaders")
			_, err := svc.Schedule(c.ID, tt.in)
			testdb.WantError(t, err, tt.code, tt.field)
			if n := f.Count("sessions"); n != 0 {
				t.Errorf("sessions = %d, want 0", n)
			}
		})
	}
	t.Run("unknown circle", func(t *testing.T) {
		svc, _ := setup(t)
		_, err := svc.Schedule(999, sessions.SessionInput{StartsAt: "2026-12-01T17:00"})
		testdb.WantError(t, err, apperr.NotFound, "")
	})
}

func TestUpdateRenumbers(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	var ids []uint
	for _, at := range []string{"2026-10-01T17:00", "2026-10-15T17:00", "2026-10-29T17:00"} {
		s, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: at})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	moved, err := svc.Update(ids[0], sessions.SessionInput{StartsAt: "2026-11-05T17:00", DurationMinutes: 60, Status: model.SessionHeld, Topic: "Moved"})
	if err != nil {
		t.Fatal(err)
	}
	if moved.Number != 3 || moved.Status != model.SessionHeld || moved.Topic != "Moved" {
		t.Errorf("moved session = %+v, want number 3, held", moved)
	}
	want := []string{"2026-10-15T17:00", "2026-10-29T17:00", "2026-11-05T17:00"}
	if got := numbers(t, f, c.ID); !slices.Equal(got, want) {
		t.Errorf("sessions by number = %v, want %v", got, want)
	}

	_, err = svc.Update(ids[1], sessions.SessionInput{StartsAt: "2026-10-15T17:00", DurationMinutes: 2})
	testdb.WantError(t, err, apperr.Invalid, "durationMinutes")
	_, err = svc.Update(999, sessions.SessionInput{StartsAt: "2026-10-15T17:00", DurationMinutes: 60})
	testdb.WantError(t, err, apperr.NotFound, "")
}

func TestDeleteRenumbersAndCascades(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	p := f.Person("Ana")
	var ids []uint
	for _, at := range []string{"2026-10-01T17:00", "2026-10-15T17:00", "2026-10-29T17:00"} {
		s, err := svc.Schedule(c.ID, sessions.SessionInput{StartsAt: at, Agenda: []string{"Check-in"}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.ID)
	}
	f.Mark(model.Session{Base: model.Base{ID: ids[0]}}, p, model.Present)

	if err := svc.Delete(ids[0]); err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-10-15T17:00", "2026-10-29T17:00"}
	if got := numbers(t, f, c.ID); !slices.Equal(got, want) {
		t.Errorf("sessions by number = %v, want %v", got, want)
	}
	if n := f.Count("agenda_items"); n != 2 {
		t.Errorf("agenda items = %d, want the deleted session's gone", n)
	}
	if n := f.Count("attendance"); n != 0 {
		t.Errorf("attendance = %d, want the deleted session's gone", n)
	}
	if n := f.Count("people"); n != 1 {
		t.Errorf("people = %d, want 1", n)
	}
	testdb.WantError(t, svc.Delete(ids[0]), apperr.NotFound, "")
}
