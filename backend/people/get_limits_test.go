package people_test

import (
	"fmt"
	"testing"
	"time"

	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/people"
)

// TestGetBoundsLists gives a person more visits, pins, open action items and
// circles than the page lists, and checks each list stops at its limit (the
// newest first) while its count says how many there are.
func TestGetBoundsLists(t *testing.T) {
	st, f := testdb.New(t)
	svc := people.New(st.DB, testdb.Now)
	p := f.Person("Lucía Muñoz")
	extra := 3
	var c model.Circle
	for i := range people.MaxPersonCircles + extra {
		c = f.Circle(fmt.Sprintf("Circle %03d", i))
		f.Member(c, p, model.RoleMentee)
	}
	day := time.Date(2020, 1, 7, 18, 0, 0, 0, time.UTC)
	var last model.Session
	for i := range people.MaxVisits + extra {
		last = f.Session(c, day.AddDate(0, 0, 7*i).Format("2006-01-02T15:04"), model.SessionHeld)
		f.Mark(last, p, model.Present)
	}
	for i := range people.MaxPins + extra {
		f.Pin(p, nil, model.Shared, fmt.Sprintf("Pin %d", i))
	}
	for i := range people.MaxPersonActions + extra {
		f.Action(c, fmt.Sprintf("Action %d", i), func(a *model.ActionItem) { a.OwnerID = &p.ID })
	}

	page, err := svc.Get(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []struct {
		name        string
		got, max    int
		count, want int64
	}{
		{"circles", len(page.Circles), people.MaxPersonCircles, page.CircleCount, int64(people.MaxPersonCircles + extra)},
		{"visits", len(page.Visits), people.MaxVisits, page.VisitCount, int64(people.MaxVisits + extra)},
		{"pins", len(page.Pins), people.MaxPins, page.PinCount, int64(people.MaxPins + extra)},
		{"actions", len(page.Actions), people.MaxPersonActions, page.ActionCount, int64(people.MaxPersonActions + extra)},
	} {
		if l.got != l.max || l.count != l.want {
			t.Errorf("%s: listed %d of %d, want %d of %d", l.name, l.got, l.count, l.max, l.want)
		}
	}
	if len(page.Visits) > 0 && page.Visits[0].SessionID != last.ID {
		t.Errorf("first visit is session %d, want the latest, %d", page.Visits[0].SessionID, last.ID)
	}
	if len(page.Pins) > 0 && page.Pins[0].Body != fmt.Sprintf("Pin %d", people.MaxPins+extra-1) {
		t.Errorf("first pin is %q, want the latest", page.Pins[0].Body)
	}
	if got := page.Attendance.Present; got != people.MaxVisits+extra {
		t.Errorf("overall attendance counts %d present, want every visit (%d)", got, people.MaxVisits+extra)
	}
}
