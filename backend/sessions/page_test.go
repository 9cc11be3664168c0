package sessions_test

import (
	"slices"
	"testing"

	"circlebook/backend/apperr"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/sessions"
)

func TestGetRoster(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders", func(c *model.Circle) { c.Color = "#e8692c"; c.TimeZone = "Europe/Madrid" })
	member := func(name, role, left string) model.Person {
		p := f.Person(name)
		f.Member(c, p, role, func(m *model.Membership) { m.LeftOn = left })
		return p
	}
	member("zoe", model.RoleMentee, "")
	member("Ana", model.RoleLeader, "")
	member("Ingrid", model.RoleMentor, "")
	member("Left Before", model.RoleMentee, "2026-11-24")
	member("Left That Day", model.RoleMentee, "2026-11-25")
	member("Left After", model.RoleMentee, "2026-12-31")
	visitor := f.Person("Visitor")
	f.Person("Stranger")
	s := f.Session(c, "2026-11-25T17:00", model.SessionHeld)
	f.Mark(s, visitor, model.Present) // marked, though not a member

	page, err := svc.Get(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range page.Roster {
		names = append(names, r.Name)
	}
	want := []string{"Ana", "Ingrid", "Left After", "Left That Day", "zoe", "Visitor"}
	if !slices.Equal(names, want) {
		t.Errorf("roster = %v, want %v", names, want)
	}
	if last := page.Roster[len(page.Roster)-1]; last.Role != "" || last.Status != model.Present {
		t.Errorf("visitor row = %+v, want no role, present", last)
	}
	if page.Circle.ID != c.ID || page.Circle.Color != "#e8692c" || page.Circle.TimeZone != "Europe/Madrid" {
		t.Errorf("circle brief = %+v", page.Circle)
	}
}

func TestGetNeighbours(t *testing.T) {
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
	other := f.Circle("Other")
	if _, err := svc.Schedule(other.ID, sessions.SessionInput{StartsAt: "2026-10-20T17:00"}); err != nil {
		t.Fatal(err)
	}

	id := func(s *model.Session) uint {
		if s == nil {
			return 0
		}
		return s.ID
	}
	tests := []struct{ session, prev, next uint }{
		{ids[0], 0, ids[1]},
		{ids[1], ids[0], ids[2]},
		{ids[2], ids[1], 0},
	}
	for _, tt := range tests {
		page, err := svc.Get(tt.session)
		if err != nil {
			t.Fatal(err)
		}
		if id(page.Previous) != tt.prev || id(page.Next) != tt.next {
			t.Errorf("session %d: previous %d next %d, want %d and %d", tt.session, id(page.Previous), id(page.Next), tt.prev, tt.next)
		}
	}
	_, err := svc.Get(999)
	testdb.WantError(t, err, apperr.NotFound, "")
}

// Earlier and later mean the date, not the number: numbers stay as they were
// given (an earlier session added later, or imported, has a higher one).
func TestNeighboursAndCarriedOverFollowTheDate(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("Leaders")
	numbered := func(at, status string, number int) model.Session {
		s := f.Session(c, at, status)
		f.DB.Model(&s).Update("number", number)
		return s
	}
	older := numbered("2026-10-28T17:00", model.SessionHeld, 4)
	f.Agenda(older, "from October", false)
	held := numbered("2026-11-11T17:00", model.SessionHeld, 3)
	f.Agenda(held, "left open", false)
	f.Agenda(held, "covered", true)
	current := numbered("2026-11-25T17:00", model.SessionPlanned, 1)
	later := numbered("2026-12-09T17:00", model.SessionPlanned, 2)
	laterHeld := numbered("2026-12-23T17:00", model.SessionHeld, 0)
	f.Agenda(laterHeld, "from December", false)

	page, err := svc.Get(current.ID)
	if err != nil {
		t.Fatal(err)
	}
	if page.Previous == nil || page.Previous.ID != held.ID || page.Next == nil || page.Next.ID != later.ID {
		t.Errorf("neighbours = %v, %v; want the 11 November session before, the 9 December one after", page.Previous, page.Next)
	}
	if got := agendaOf(page.CarriedOver); !slices.Equal(got, []string{"left open"}) {
		t.Errorf("carriedOver = %v, want the 11 November session's open item", got)
	}
	first, err := svc.Get(older.ID)
	if err != nil {
		t.Fatal(err)
	}
	if first.Previous != nil || first.Next == nil || first.Next.ID != held.ID || len(first.CarriedOver) != 0 {
		t.Errorf("the first session: previous %v, next %v, carried over %v; want none, 11 November, none", first.Previous, first.Next, first.CarriedOver)
	}
}
