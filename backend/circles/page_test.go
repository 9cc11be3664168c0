package circles_test

import (
	"slices"
	"testing"

	"circlebook/backend/model"
)

func TestGet(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Emerging Leaders")
	// Added out of order, so the page's order comes from the query.
	people := map[string]model.Person{}
	for _, m := range []struct{ name, role string }{
		{"zoe", model.RoleMentee}, {"Guest Gale", model.RoleGuest}, {"Ingrid", model.RoleMentor},
		{"Ana", model.RoleLeader}, {"Emre", model.RoleMentee}, {"Diego", model.RoleCoLeader},
	} {
		people[m.name] = f.Person(m.name)
		f.Member(c, people[m.name], m.role)
	}
	s3 := f.Session(c, "2026-12-01T17:00", model.SessionPlanned)
	s1 := f.Session(c, "2026-10-01T17:00", model.SessionHeld)
	s2 := f.Session(c, "2026-10-15T17:00", model.SessionHeld)
	f.Mark(s1, people["Ana"], model.Present)
	f.Mark(s1, people["Emre"], model.Absent)
	f.Mark(s1, people["zoe"], model.Late)
	f.Mark(s2, people["Ana"], model.Excused)
	f.Mark(s2, people["Emre"], model.Present)
	f.Mark(s3, people["Emre"], model.Present) // planned: shown in the grid, not counted
	other := f.Circle("Other")
	f.Mark(f.Session(other, "2026-10-01T17:00", model.SessionHeld), people["Ana"], model.Absent)

	page, err := svc.Get(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if page.Circle.ID != c.ID || page.Circle.Name != c.Name {
		t.Errorf("Circle = %d %q", page.Circle.ID, page.Circle.Name)
	}

	var names []string
	for _, m := range page.Members {
		names = append(names, m.Name)
	}
	if want := []string{"Ana", "Diego", "Ingrid", "Emre", "zoe", "Guest Gale"}; !slices.Equal(names, want) {
		t.Errorf("members = %v, want %v (by role, then name)", names, want)
	}

	var ids []uint
	for _, s := range page.Sessions {
		ids = append(ids, s.ID)
	}
	if want := []uint{s1.ID, s2.ID, s3.ID}; !slices.Equal(ids, want) {
		t.Errorf("sessions = %v, want %v (date order)", ids, want)
	}

	wantCells := map[string][]string{
		"Ana":        {model.Present, model.Excused, ""},
		"Diego":      {"", "", ""},
		"Ingrid":     {"", "", ""},
		"Emre":       {model.Absent, model.Present, model.Present},
		"zoe":        {model.Late, "", ""},
		"Guest Gale": {"", "", ""},
	}
	if len(page.Grid) != len(page.Members) {
		t.Fatalf("grid has %d rows for %d members", len(page.Grid), len(page.Members))
	}
	for i, row := range page.Grid {
		if row.PersonID != page.Members[i].PersonID {
			t.Errorf("grid row %d is person %d, member row %d is person %d", i, row.PersonID, i, page.Members[i].PersonID)
		}
		if want := wantCells[row.Name]; !slices.Equal(row.Cells, want) {
			t.Errorf("%s: cells %q, want %q", row.Name, row.Cells, want)
		}
	}

	tallies := map[string]struct{ present, late, excused, absent int }{
		"Ana":  {1, 0, 1, 0},
		"Emre": {1, 0, 0, 1},
		"zoe":  {0, 1, 0, 0},
	}
	for _, m := range page.Members {
		want := tallies[m.Name]
		a := m.Attendance
		if a.Present != want.present || a.Late != want.late || a.Excused != want.excused || a.Absent != want.absent {
			t.Errorf("%s: tally %+v, want %+v", m.Name, a, want)
		}
	}
	if r := page.Members[0].Attendance.Rate; r == nil || *r != 1 {
		t.Errorf("Ana's rate = %v, want 1 (excused does not count against)", deref(r))
	}
	if r := page.Members[1].Attendance.Rate; r != nil {
		t.Errorf("Diego's rate = %v, want none", *r)
	}
	a := page.Attendance
	if a.Present != 2 || a.Late != 1 || a.Excused != 1 || a.Absent != 1 || a.Rate == nil || *a.Rate != 0.75 {
		t.Errorf("circle tally %+v rate %v, want 2/1/1/1 and 0.75", a, deref(a.Rate))
	}
}

func TestGetEmptyCircle(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Forming")
	page, err := svc.Get(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Members) != 0 || len(page.Sessions) != 0 || len(page.Grid) != 0 || page.Attendance.Rate != nil {
		t.Errorf("empty circle page = %+v", page)
	}
}
