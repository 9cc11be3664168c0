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
