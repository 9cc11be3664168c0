package sessions_test

import (
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

func statusOf(p sessions.Page, personID uint) (string, bool) {
	for _, r := range p.Roster {
		if r.PersonID == personID {
			return r.Status, true
		}
	}
	return "", false
}

func TestMarkAttendance(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	ana := f.Person("Ana")
	f.Member(c, ana, model.RoleLeader)
	s := f.Session(c, "2026-11-25T17:00", model.SessionHeld)

	page, err := svc.MarkAttendance(s.ID, ana.ID, model.Late)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := statusOf(page, ana.ID); st != model.Late {
		t.Errorf("roster status = %q, want late", st)
	}

	page, err = svc.MarkAttendance(s.ID, ana.ID, model.Present)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := statusOf(page, ana.ID); st != model.Present {
		t.Errorf("roster status after re-marking = %q, want present", st)
	}
	if n := f.Count("attendance"); n != 1 {
		t.Errorf("attendance = %d after marking twice, want 1 (an upsert)", n)
	}
	var stored model.Attendance
	f.DB.Take(&stored)
	if stored.Status != model.Present || stored.SessionID != s.ID || stored.PersonID != ana.ID {
		t.Errorf("stored %+v, want present", stored)
	}

	page, err = svc.MarkAttendance(s.ID, ana.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if st, ok := statusOf(page, ana.ID); !ok || st != "" {
		t.Errorf("after clearing: on roster %v, status %q; want on roster, unmarked", ok, st)
	}
	if n := f.Count("attendance"); n != 0 {
		t.Errorf("attendance = %d after clearing, want 0", n)
	}
}

func TestMarkAttendanceRejects(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	ana := f.Person("Ana")
	s := f.Session(c, "2026-11-25T17:00", model.SessionHeld)

	_, err := svc.MarkAttendance(s.ID, ana.ID, "asleep")
	testdb.WantError(t, err, apperr.Invalid, "status")
	_, err = svc.MarkAttendance(999, ana.ID, model.Present)
	testdb.WantError(t, err, apperr.NotFound, "")
	_, err = svc.MarkAttendance(s.ID, 999, model.Present)
	testdb.WantError(t, err, apperr.NotFound, "")
	if n := f.Count("attendance"); n != 0 {
		t.Errorf("attendance = %d, want 0", n)
	}
}

func TestMarkEveryoneFillsOnlyUnmarked(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	ana, kwame, aiko := f.Person("Ana"), f.Person("Kwame"), f.Person("Aiko")
	left := f.Person("Left Early")
	f.Member(c, ana, model.RoleLeader)
	f.Member(c, kwame, model.RoleMentee)
	f.Member(c, aiko, model.RoleMentee)
	f.Member(c, left, model.RoleMentee, func(m *model.Membership) { m.LeftOn = "2026-11-01" })
	outsider := f.Person("Not A Member")
	s := f.Session(c, "2026-11-25T17:00", model.SessionHeld)
	f.Mark(s, kwame, model.Excused)

	page, err := svc.MarkEveryone(s.ID, model.Present)
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint]string{ana.ID: model.Present, kwame.ID: model.Excused, aiko.ID: model.Present}
	for id, status := range want {
		if got, _ := statusOf(page, id); got != status {
			t.Errorf("person %d: %q, want %q", id, got, status)
		}
	}
	for _, p := range []model.Person{left, outsider} {
		if _, ok := statusOf(page, p.ID); ok {
			t.Errorf("%s is on the roster", p.Name)
		}
	}
	if n := f.Count("attendance"); n != 3 {
		t.Errorf("attendance = %d, want 3", n)
	}

	_, err = svc.MarkEveryone(s.ID, "")
	testdb.WantError(t, err, apperr.Invalid, "status")
	_, err = svc.MarkEveryone(999, model.Present)
	testdb.WantError(t, err, apperr.NotFound, "")
}

// tallies reads a circle's counted marks (the circles list's attendance card).
func tallies(t *testing.T, f testdb.Fixture, circleID uint) (present, excused int) {
	t.Helper()
	f.DB.Raw("SELECT COALESCE(SUM(present), 0), COALESCE(SUM(excused), 0) FROM circle_tallies WHERE circle_id = ?", circleID).Row().Scan(&present, &excused)
	return present, excused
}

// Marking attendance at a planned session whose day has come means it was
// held: it is marked held in the same call, and the circle's figures count
// it. A session running on the live screen is left to End. The clock stands
// at 25 November 09:00 UTC.
func TestMarkingAPastSessionMakesItHeld(t *testing.T) {
	tests := []struct {
		name, at, startedAt string
		want                string
	}{
		{"last week", "2026-11-18T17:00", "", model.SessionHeld},
		{"this morning", "2026-11-25T08:00", "", model.SessionHeld},
		{"later today", "2026-11-25T17:00", "", model.SessionHeld},
		{"running live", "2026-11-25T08:30", "2026-11-25T08:31:00Z", model.SessionPlanned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			c := f.Circle("Leaders", func(c *model.Circle) { c.TimeZone = "Europe/Madrid" })
			ana, kwame := f.Person("Ana"), f.Person("Kwame")
			f.Member(c, ana, model.RoleLeader)
			f.Member(c, kwame, model.RoleMentee)
			s := f.Session(c, tt.at, model.SessionPlanned)
			f.DB.Model(&s).Update("started_at", tt.startedAt)

			page, err := svc.MarkAttendance(s.ID, ana.ID, model.Present)
			if err != nil {
				t.Fatal(err)
			}
			if page.Session.Status != tt.want {
				t.Errorf("status after marking = %s, want %s", page.Session.Status, tt.want)
			}
			page, err = svc.MarkEveryone(s.ID, model.Present)
			if err != nil || page.Session.Status != tt.want {
				t.Fatalf("MarkEveryone = %s, %v; want %s", page.Session.Status, err, tt.want)
			}
			wantCounted := 2
			if tt.want != model.SessionHeld {
				wantCounted = 0
			}
			if present, _ := tallies(t, f, c.ID); present != wantCounted {
				t.Errorf("the circle counts %d present, want %d", present, wantCounted)
			}
		})
	}
}

// A cancelled session stays cancelled, and clearing a mark changes nothing.
func TestMarkingLeavesOtherStatusesAlone(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	ana := f.Person("Ana")
	f.Member(c, ana, model.RoleLeader)
	cancelled := f.Session(c, "2026-11-18T17:00", model.SessionCancelled)
	if page, err := svc.MarkAttendance(cancelled.ID, ana.ID, model.Excused); err != nil || page.Session.Status != model.SessionCancelled {
		t.Errorf("marking a cancelled session: %s, %v; want it still cancelled", page.Session.Status, err)
	}
	past := f.Session(c, "2026-11-11T17:00", model.SessionPlanned)
	if page, err := svc.MarkAttendance(past.ID, ana.ID, ""); err != nil || page.Session.Status != model.SessionPlanned {
		t.Errorf("clearing a mark: %s, %v; want it still planned", page.Session.Status, err)
	}
}

// Ahead of a session only an apology can be marked (Excused): who came is
// marked on the day. The session stays planned and nothing counts yet.
func TestMarkingAFutureSession(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders", func(c *model.Circle) { c.TimeZone = "Europe/Madrid" })
	ana, kwame := f.Person("Ana"), f.Person("Kwame")
	f.Member(c, ana, model.RoleLeader)
	f.Member(c, kwame, model.RoleMentee)
	s := f.Session(c, "2026-11-26T17:00", model.SessionPlanned)

	for _, status := range []string{model.Present, model.Late, model.Absent} {
		_, err := svc.MarkAttendance(s.ID, ana.ID, status)
		testdb.WantError(t, err, apperr.Invalid, "status")
		_, err = svc.MarkEveryone(s.ID, status)
		testdb.WantError(t, err, apperr.Invalid, "status")
	}
	if n := f.Count("attendance"); n != 0 {
		t.Fatalf("%d marks written, want none", n)
	}
	page, err := svc.MarkAttendance(s.ID, kwame.ID, model.Excused)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := statusOf(page, kwame.ID); st != model.Excused || page.Session.Status != model.SessionPlanned {
		t.Errorf("an apology ahead: %q, session %s; want excused, still planned", st, page.Session.Status)
	}
	if page, err = svc.MarkAttendance(s.ID, kwame.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, excused := tallies(t, f, c.ID); excused != 0 || f.Count("attendance") != 0 {
		t.Errorf("after clearing: %d excused counted, %d marks; want none", excused, f.Count("attendance"))
	}
}
