package demo_test

import (
	"maps"
	"testing"
	"time"
	"unicode/utf8"

	"circlebook/backend/circles"
	"circlebook/backend/demo"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
)

func TestLoad(t *testing.T) {
	st, f := testdb.New(t)
	d := demo.New(st.DB, testdb.Now)

	r, err := d.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !r.Created {
		t.Error("first Load: Created = false")
	}
	counts := f.Counts()
	if r.Circles != int(counts["circles"]) || r.People != int(counts["people"]) || r.Sessions != int(counts["sessions"]) {
		t.Errorf("Result %+v does not match the rows written %v", r, counts)
	}
	if counts["circles"] < 3 || counts["people"] != 25 || counts["sessions"] < 20 {
		t.Errorf("counts = %v, want >= 3 circles, 25 people, >= 20 sessions", counts)
	}

	var pairs int64
	f.DB.Model(&model.Circle{}).Where("kind = ?", model.KindPair).Count(&pairs)
	if pairs < 1 {
		t.Error("no circle of kind pair")
	}

	var withMarks int64
	f.DB.Model(&model.Session{}).Where("status = ? AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = sessions.id)", model.SessionHeld).Count(&withMarks)
	if withMarks < 20 {
		t.Errorf("%d held sessions have attendance, want >= 20", withMarks)
	}

	var names []string
	f.DB.Model(&model.Person{}).Pluck("name", &names)
	accented := 0
	for _, n := range names {
		if utf8.RuneCountInString(n) != len(n) {
			accented++
		}
	}
	if accented < 3 {
		t.Errorf("%d names with non-ASCII letters, want several (e.g. Ana Muñoz)", accented)
	}

	// The sample is consistent with the services' own rules: numbering in
	// date order and something next on each active circle's calendar.
	list, err := circles.New(st.DB, testdb.Now).List(circles.ListRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Circles) != 4 || list.Total != 4 || list.Next != "" {
		t.Errorf("listed %d of %d circles (next %q), want the sample's 4 on one page", len(list.Circles), list.Total, list.Next)
	}
	for _, c := range list.Circles {
		if c.NextSession == nil {
			t.Errorf("%s: no upcoming session", c.Name)
		}
		if c.MemberCount < 2 || c.Attendance.Rate == nil {
			t.Errorf("%s: %d members, rate %v", c.Name, c.MemberCount, c.Attendance.Rate)
		}
	}
	var misnumbered int64
	f.DB.Raw(`SELECT COUNT(*) FROM sessions s WHERE s.number <> (SELECT COUNT(*) FROM sessions o
		WHERE o.circle_id = s.circle_id AND o.starts_at <= s.starts_at)`).Scan(&misnumbered)
	if misnumbered != 0 {
		t.Errorf("%d sample sessions are numbered out of date order", misnumbered)
	}
}

func TestLoadTwiceChangesNothing(t *testing.T) {
	st, f := testdb.New(t)
	d := demo.New(st.DB, testdb.Now)
	if _, err := d.Load(); err != nil {
		t.Fatal(err)
	}
	before := f.Counts()

	r, err := d.Load()
	if err != nil {
		t.Fatal(err)
	}
	if r.Created || r.Circles != 0 || r.People != 0 || r.Sessions != 0 {
		t.Errorf("second Load = %+v, want created=false and nothing added", r)
	}
	if after := f.Counts(); !maps.Equal(after, before) {
		t.Errorf("row counts changed from %v to %v", before, after)
	}
}

func TestLoadIsTheSameOnAnyMachine(t *testing.T) {
	uuids := func() []string {
		st := testdb.Open(t)
		if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
			t.Fatal(err)
		}
		var out []string
		st.DB.Raw("SELECT uuid FROM circles UNION ALL SELECT uuid FROM people UNION ALL SELECT uuid FROM sessions ORDER BY 1").Scan(&out)
		return out
	}
	a, b := uuids(), uuids()
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("got %d and %d UUIDs", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("UUIDs differ between two loads (%s vs %s): bundles from two laptops would not merge", a[i], b[i])
		}
	}
}

func TestSessionsFallOnTheMeetingDay(t *testing.T) {
	st := testdb.Open(t)
	if _, err := demo.New(st.DB, testdb.Now).Load(); err != nil {
		t.Fatal(err)
	}
	var rows []struct {
		Name       string
		MeetingDay int
		StartsAt   string
	}
	st.DB.Raw("SELECT c.name, c.meeting_day, s.starts_at FROM sessions s JOIN circles c ON c.id = s.circle_id").Scan(&rows)
	for _, r := range rows {
		day, err := time.Parse("2006-01-02T15:04", r.StartsAt)
		if err != nil {
			t.Fatal(err)
		}
		if int(day.Weekday()) != r.MeetingDay {
			t.Errorf("%s: session %s is a %s, the circle meets on day %d", r.Name, r.StartsAt, day.Weekday(), r.MeetingDay)
		}
	}
}
