package circles_test

import (
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/circles"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/people"
)

func TestAddMember(t *testing.T) {
	svc, f := setup(t)
	c, p := f.Circle("Emerging Leaders"), f.Person("Lars Johansson")
	m, err := svc.AddMember(c.ID, circles.MemberInput{PersonID: p.ID, Role: " mentee ", JoinedOn: "2026-06-02"})
	if err != nil {
		t.Fatal(err)
	}
	var stored model.Membership
	if err := f.DB.Take(&stored, m.ID).Error; err != nil {
		t.Fatal(err)
	}
	if stored.CircleID != c.ID || stored.PersonID != p.ID || stored.Role != model.RoleMentee || stored.JoinedOn != "2026-06-02" {
		t.Errorf("stored %+v", stored)
	}
}

func TestAddMemberTwiceIsAConflict(t *testing.T) {
	svc, f := setup(t)
	c, p := f.Circle("Emerging Leaders"), f.Person("Lars Johansson")
	if _, err := svc.AddMember(c.ID, circles.MemberInput{PersonID: p.ID, Role: model.RoleMentee}); err != nil {
		t.Fatal(err)
	}
	_, err := svc.AddMember(c.ID, circles.MemberInput{PersonID: p.ID, Role: model.RoleMentor})
	testdb.WantError(t, err, apperr.Conflict, "personId")
	if n := f.Count("memberships"); n != 1 {
		t.Errorf("memberships = %d, want 1", n)
	}
	var stored model.Membership
	f.DB.Take(&stored)
	if stored.Role != model.RoleMentee {
		t.Errorf("role = %q, want the first add's mentee kept", stored.Role)
	}
}

func TestAddMemberRejects(t *testing.T) {
	tests := []struct {
		name  string
		in    func(person uint) circles.MemberInput
		code  apperr.Code
		field string
	}{
		{"unknown person", func(uint) circles.MemberInput { return circles.MemberInput{PersonID: 999, Role: model.RoleMentee} }, apperr.Invalid, "personId"},
		{"no person", func(uint) circles.MemberInput { return circles.MemberInput{Role: model.RoleMentee} }, apperr.Invalid, "personId"},
		{"bad role", func(p uint) circles.MemberInput { return circles.MemberInput{PersonID: p, Role: "boss"} }, apperr.Invalid, "role"},
		{"bad joined date", func(p uint) circles.MemberInput {
			return circles.MemberInput{PersonID: p, Role: model.RoleGuest, JoinedOn: "02/06/2026"}
		}, apperr.Invalid, "joinedOn"},
		{"left before joining", func(p uint) circles.MemberInput {
			return circles.MemberInput{PersonID: p, Role: model.RoleGuest, JoinedOn: "2026-06-02", LeftOn: "2026-05-01"}
		}, apperr.Invalid, "leftOn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			c, p := f.Circle("Emerging Leaders"), f.Person("Lars Johansson")
			_, err := svc.AddMember(c.ID, tt.in(p.ID))
			testdb.WantError(t, err, tt.code, tt.field)
			if n := f.Count("memberships"); n != 0 {
				t.Errorf("memberships = %d, want 0", n)
			}
		})
	}
}

func TestUpdateMember(t *testing.T) {
	svc, f := setup(t)
	c, p := f.Circle("Emerging Leaders"), f.Person("Lars Johansson")
	m := f.Member(c, p, model.RoleMentee)
	if _, err := svc.UpdateMember(m.ID, circles.MemberInput{Role: model.RoleCoLeader, JoinedOn: "2026-06-02", LeftOn: "2026-11-01"}); err != nil {
		t.Fatal(err)
	}
	var stored model.Membership
	f.DB.Take(&stored, m.ID)
	if stored.Role != model.RoleCoLeader || stored.LeftOn != "2026-11-01" || stored.PersonID != p.ID || stored.CircleID != c.ID {
		t.Errorf("stored %+v", stored)
	}

	_, err := svc.UpdateMember(m.ID, circles.MemberInput{Role: "boss"})
	testdb.WantError(t, err, apperr.Invalid, "role")
	_, err = svc.UpdateMember(999, circles.MemberInput{Role: model.RoleGuest})
	testdb.WantError(t, err, apperr.NotFound, "")
}

func TestRemoveMemberKeepsAttendance(t *testing.T) {
	svc, f := setup(t)
	c, p := f.Circle("Emerging Leaders"), f.Person("Lars Johansson")
	m := f.Member(c, p, model.RoleMentee)
	f.Mark(f.Session(c, "2026-10-01T17:00", model.SessionHeld), p, model.Present)

	if err := svc.RemoveMember(m.ID); err != nil {
		t.Fatal(err)
	}
	if n := f.Count("memberships"); n != 0 {
		t.Errorf("memberships = %d, want 0", n)
	}
	if n := f.Count("attendance"); n != 1 {
		t.Errorf("attendance = %d, want the mark kept", n)
	}
	testdb.WantError(t, svc.RemoveMember(m.ID), apperr.NotFound, "")
}

func TestAddNewMemberIsOneTransaction(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Pairing")

	m, err := svc.AddNewMember(c.ID, people.PersonInput{Name: "Zofia Dąbrowska", Email: "zofia@example.org"}, circles.MemberInput{Role: "mentee"})
	if err != nil {
		t.Fatal(err)
	}
	if m.PersonID == 0 || f.Count("memberships") != 1 {
		t.Fatalf("membership not created: %+v", m)
	}

	// A bad membership date must not leave the new person behind, and a bad
	// person must not leave a membership.
	_, err = svc.AddNewMember(c.ID, people.PersonInput{Name: "Emre Ünal"}, circles.MemberInput{Role: "mentee", JoinedOn: "2026-13-40"})
	testdb.WantError(t, err, apperr.Invalid, "joinedOn")
	_, err = svc.AddNewMember(c.ID, people.PersonInput{Name: "Second Zofia", Email: "ZOFIA@example.org"}, circles.MemberInput{Role: "mentee"})
	testdb.WantError(t, err, apperr.Conflict, "email")
	_, err = svc.AddNewMember(c.ID, people.PersonInput{Name: "  "}, circles.MemberInput{Role: "mentee"})
	testdb.WantError(t, err, apperr.Invalid, "name")
	if n := f.Count("people"); n != 1 {
		t.Errorf("people = %d after failed adds, want 1", n)
	}
	if n := f.Count("memberships"); n != 1 {
		t.Errorf("memberships = %d after failed adds, want 1", n)
	}
}
