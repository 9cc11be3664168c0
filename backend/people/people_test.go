package people_test

import (
	"strings"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/people"
)

func setup(t *testing.T) (*people.People, testdb.Fixture) {
	t.Helper()
	st, f := testdb.New(t)
	return people.New(st.DB, testdb.Now), f
}

func TestCreate(t *testing.T) {
	svc, f := setup(t)
	p, err := svc.Create(people.PersonInput{Name: " Zofia Dąbrowska ", Email: " zofia@example.org ", Team: "Analytics",
		TimeZone: "Europe/Warsaw", StartDate: "2022-08-29", PrivateNote: "  keep my spacing  "})
	if err != nil {
		t.Fatal(err)
	}
	var stored model.Person
	if err := f.DB.Take(&stored, p.ID).Error; err != nil {
		t.Fatal(err)
	}
	if stored.Name != "Zofia Dąbrowska" || stored.Email != "zofia@example.org" || stored.Team != "Analytics" ||
		stored.TimeZone != "Europe/Warsaw" || stored.StartDate != "2022-08-29" || len(stored.UUID) != 36 {
		t.Errorf("stored %+v", stored)
	}
	if stored.PrivateNote != "  keep my spacing  " {
		t.Errorf("PrivateNote = %q: long texts are kept as typed", stored.PrivateNote)
	}
}

func TestCreateRejects(t *testing.T) {
	tests := []struct {
		name  string
		in    people.PersonInput
		code  apperr.Code
		field string
	}{
		{"no name", people.PersonInput{Name: "  "}, apperr.Invalid, "name"},
		{"email without at", people.PersonInput{Name: "Ana", Email: "ana.example.org"}, apperr.Invalid, "email"},
		{"email without a dot in the domain", people.PersonInput{Name: "Ana", Email: "ana@localhost"}, apperr.Invalid, "email"},
		{"email with a display name", people.PersonInput{Name: "Ana", Email: "Ana <ana@example.org>"}, apperr.Invalid, "email"},
		{"two emails", people.PersonInput{Name: "Ana", Email: "ana@example.org, kwame@example.org"}, apperr.Invalid, "email"},
		{"bad time zone", people.PersonInput{Name: "Ana", TimeZone: "Europe/Atlantis"}, apperr.Invalid, "timeZone"},
		{"bad start date", people.PersonInput{Name: "Ana", StartDate: "2022-13-01"}, apperr.Invalid, "startDate"},
		{"note over the limit", people.PersonInput{Name: "Ana", PrivateNote: strings.Repeat("ñ", 100_001)}, apperr.TooLong, "privateNote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svc, f := setup(t)
			_, err := svc.Create(tt.in)
			testdb.WantError(t, err, tt.code, tt.field)
			if n := f.Count("people"); n != 0 {
				t.Errorf("people = %d, want 0", n)
			}
		})
	}
}

func TestDuplicateEmailIsAConflict(t *testing.T) {
	svc, f := setup(t)
	if _, err := svc.Create(people.PersonInput{Name: "Ana Muñoz", Email: "ana.munoz@example.org"}); err != nil {
		t.Fatal(err)
	}
	_, err := svc.Create(people.PersonInput{Name: "Another Ana", Email: "Ana.Munoz@EXAMPLE.org"})
	testdb.WantError(t, err, apperr.Conflict, "email")
	if n := f.Count("people"); n != 1 {
		t.Errorf("people = %d after a duplicate, want 1", n)
	}

	// Updating someone else to the same address is refused too, and changes nothing.
	kwame, err := svc.Create(people.PersonInput{Name: "Kwame", Email: "kwame@example.org"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.Update(kwame.ID, people.PersonInput{Name: "Kwame Mensah", Email: "ANA.MUNOZ@example.org"})
	testdb.WantError(t, err, apperr.Conflict, "email")
	var stored model.Person
	f.DB.Take(&stored, kwame.ID)
	if stored.Name != "Kwame" || stored.Email != "kwame@example.org" {
		t.Errorf("a refused update changed the row to %q %q", stored.Name, stored.Email)
	}

	// People without an email do not collide with each other.
	for _, name := range []string{"No Mail 1", "No Mail 2"} {
		if _, err := svc.Create(people.PersonInput{Name: name}); err != nil {
			t.Errorf("Create(%s) without email: %v", name, err)
		}
	}
}

func TestUpdate(t *testing.T) {
	svc, f := setup(t)
	p := f.Person("Emre", func(p *model.Person) { p.Email = "emre@example.org" })
	got, err := svc.Update(p.ID, people.PersonInput{Name: "Emre Ünal", Email: "EMRE@example.org", Title: "Engineer"})
	if err != nil {
		t.Fatal(err)
	}
	if got.UUID != p.UUID {
		t.Errorf("UUID changed from %s to %s", p.UUID, got.UUID)
	}
	var stored model.Person
	f.DB.Take(&stored, p.ID)
	if stored.Name != "Emre Ünal" || stored.Email != "EMRE@example.org" || stored.Title != "Engineer" {
		t.Errorf("stored %+v", stored)
	}
	_, err = svc.Update(999, people.PersonInput{Name: "Nobody"})
	testdb.WantError(t, err, apperr.NotFound, "")
	if n := f.Count("people"); n != 1 {
		t.Errorf("people = %d, want 1: updating a missing id must not create one", n)
	}
}

func TestDeleteCascades(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Emerging Leaders")
	gone, stays := f.Person("Gone"), f.Person("Stays")
	f.Member(c, gone, model.RoleMentee)
	f.Member(c, stays, model.RoleLeader)
	s := f.Session(c, "2026-10-01T17:00", model.SessionHeld)
	f.Mark(s, gone, model.Present)
	f.Mark(s, stays, model.Present)

	if err := svc.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"circles": 1, "people": 1, "memberships": 1, "sessions": 1, "agenda_items": 0, "attendance": 1}
	for table, n := range f.Counts() {
		if n != want[table] {
			t.Errorf("%s = %d, want %d", table, n, want[table])
		}
	}
	var a model.Attendance
	f.DB.Take(&a)
	if a.PersonID != stays.ID {
		t.Errorf("remaining mark is person %d's, want %d's", a.PersonID, stays.ID)
	}
	testdb.WantError(t, svc.Delete(gone.ID), apperr.NotFound, "")
}
