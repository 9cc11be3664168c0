package circles_test

import (
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/model"
)

func byName(t *testing.T, list []circles.Summary) map[string]circles.Summary {
	t.Helper()
	out := map[string]circles.Summary{}
	for _, s := range list {
		out[s.Name] = s
	}
	return out
}

func TestListOrderAndArchived(t *testing.T) {
	svc, f := setup(t)
	f.Circle("gamma")
	f.Circle("Alpha")
	f.Circle("beta")
	f.Circle("Archived one", func(c *model.Circle) { c.Status = model.CircleArchived })

	tests := []struct {
		includeArchived bool
		want            []string
	}{
		{false, []string{"Alpha", "beta", "gamma"}},
		{true, []string{"Alpha", "Archived one", "beta", "gamma"}},
	}
	for _, tt := range tests {
		list, err := svc.List(tt.includeArchived)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range list {
			got = append(got, s.Name)
		}
		if len(got) != len(tt.want) {
			t.Errorf("List(%v) = %v, want %v", tt.includeArchived, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("List(%v) = %v, want %v", tt.includeArchived, got, tt.want)
				break
			}
		}
	}
}

func TestListMemberCounts(t *testing.T) {
	svc, f := setup(t)
	big, small, empty := f.Circle("Big"), f.Circle("Small"), f.Circle("Empty")
	for _, name := range []string{"Ana", "Kwame", "Aiko"} {
		f.Member(big, f.Person(name), model.RoleMentee)
	}
	f.Member(big, f.Person("Gone"), model.RoleMentee, func(m *model.Membership) { m.LeftOn = "2026-10-01" })
	f.Member(small, f.Person("Priya"), model.RoleMentor)

	list, err := svc.List(false)
	if err != nil {
		t.Fatal(err)
	}
	got := byName(t, list)
	for name, want := range map[string]int{big.Name: 3, small.Name: 1, empty.Name: 0} {
		if got[name].MemberCount != want {
			t.Errorf("%s: MemberCount %d, want %d (members who left do not count)", name, got[name].MemberCount, want)
		}
	}
}

func TestListNextSession(t *testing.T) {
	svc, f := setup(t) // today is 2026-11-25
	c := f.Circle("With sessions")
	f.Session(c, "2026-11-24T18:00", model.SessionPlanned)   // yesterday, never held
	f.Session(c, "2026-11-25T07:00", model.SessionHeld)      // today, already held
	f.Session(c, "2026-11-25T08:00", model.SessionCancelled) // today, cancelled
	want := f.Session(c, "2026-11-25T18:00", model.SessionPlanned)
	f.Session(c, "2026-12-09T18:00", model.SessionPlanned)
	none := f.Circle("Only past sessions")
	f.Session(none, "2026-11-01T10:00", model.SessionPlanned)
	other := f.Circle("Other circle")
	otherNext := f.Session(other, "2026-11-30T10:00", model.SessionPlanned)

	list, err := svc.List(false)
	if err != nil {
		t.Fatal(err)
	}
	got := byName(t, list)
	if n := got[c.Name].NextSession; n == nil || n.ID != want.ID {
		t.Errorf("%s: NextSession %+v, want session %d at %s", c.Name, n, want.ID, want.StartsAt)
	}
	if n := got[none.Name].NextSession; n != nil {
		t.Errorf("%s: NextSession %+v, want none", none.Name, n)
	}
	if n := got[other.Name].NextSession; n == nil || n.ID != otherNext.ID {
		t.Errorf("%s: NextSession %+v, want session %d", other.Name, n, otherNext.ID)
	}
}

func TestListAttendanceRate(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Counted")
	ana, kwame, aiko, lars := f.Person("Ana"), f.Person("Kwame"), f.Person("Aiko"), f.Person("Lars")
	held1 := f.Session(c, "2026-10-01T17:00", model.SessionHeld)
	f.Mark(held1, ana, model.Present)
	f.Mark(held1, kwame, model.Late)
	f.Mark(held1, aiko, model.Absent)
	f.Mark(held1, lars, model.Excused)
	held2 := f.Session(c, "2026-10-15T17:00", model.SessionHeld)
	f.Mark(held2, ana, model.Absent)
	planned := f.Session(c, "2026-12-01T17:00", model.SessionPlanned)
	f.Mark(planned, ana, model.Present) // marked ahead: does not count
	cancelled := f.Session(c, "2026-10-29T17:00", model.SessionCancelled)
	f.Mark(cancelled, kwame, model.Absent) // never happened: does not count
	quiet := f.Circle("No marks")
	f.Session(quiet, "2026-10-01T17:00", model.SessionHeld)

	list, err := svc.List(false)
	if err != nil {
		t.Fatal(err)
	}
	got := byName(t, list)
	a := got[c.Name].Attendance
	if a.Present != 1 || a.Late != 1 || a.Absent != 2 || a.Excused != 1 {
		t.Errorf("tally = %+v, want present 1, late 1, absent 2, excused 1 (held sessions only)", a)
	}
	if a.Rate == nil || *a.Rate != 0.5 {
		t.Errorf("rate = %v, want 0.5: (present+late) / (present+late+absent)", deref(a.Rate))
	}
	if r := got[quiet.Name].Attendance.Rate; r != nil {
		t.Errorf("%s: rate = %v, want none", quiet.Name, *r)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
