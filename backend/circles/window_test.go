package circles_test

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"circlebook/backend/attendance"
	"circlebook/backend/circles"
	"circlebook/backend/internal/testdb"
	"circlebook/backend/model"
	"circlebook/backend/plans"

	"gorm.io/gorm"
)

// history is a weekly circle of 20 that has met since March 2019: 400
// sessions before today (held with most people marked, some cancelled, some
// planned and never updated), pairs of sessions at the same time, a session
// today, 30 planned ahead and a cancelled one among them, and someone who
// left the circle but whose marks stay.
type history struct {
	circle   model.Circle
	members  []model.Person
	sessions []model.Session    // all of them, by (starts_at, id)
	marks    map[[2]uint]string // [session, person] -> status
	byID     map[uint]model.Session
}

const today = "2026-11-25" // testdb.Today's date

func longLived(t *testing.T, f testdb.Fixture) *history {
	t.Helper()
	h := &history{marks: map[[2]uint]string{}, byID: map[uint]model.Session{}}
	err := f.DB.Transaction(func(tx *gorm.DB) error {
		tf := testdb.With(t, tx)
		h.circle = tf.Circle("Thursday Leaders", func(c *model.Circle) { c.Cadence = model.CadenceWeekly })
		for i := range 20 {
			p := tf.Person(fmt.Sprintf("Member %02d Íñiguez-Sáenz", i), func(p *model.Person) { p.Email = fmt.Sprintf("member%02d@example.org", i) })
			tf.Member(h.circle, p, model.RoleMentee)
			h.members = append(h.members, p)
		}
		ghost := tf.Person("Left Long Ago") // marked, then removed from the circle
		session := func(at, status string) model.Session {
			s := tf.Session(h.circle, at, status)
			h.sessions = append(h.sessions, s)
			h.byID[s.ID] = s
			return s
		}
		mark := func(s model.Session, p model.Person, status string) {
			tf.Mark(s, p, status)
			h.marks[[2]uint{s.ID, p.ID}] = status
		}
		first := time.Date(2019, time.March, 7, 17, 0, 0, 0, time.UTC)
		for i := range 400 {
			at := first.AddDate(0, 0, 7*i).Format("2006-01-02T15:04")
			status := model.SessionHeld
			switch {
			case i%23 == 0:
				status = model.SessionCancelled
			case i%37 == 5:
				status = model.SessionPlanned // its day went by unmarked
			}
			s := session(at, status)
			if i%50 == 7 {
				session(at, model.SessionHeld) // a second group at the same time
			}
			for j, p := range h.members {
				if status == model.SessionCancelled || (i*j)%11 == 3 {
					continue
				}
				mark(s, p, attendance.Statuses[[]int{0, 0, 0, 0, 1, 2, 3}[(i+j)%7]])
			}
			if i < 40 {
				mark(s, ghost, model.Present)
			}
		}
		session(today+"T17:00", model.SessionPlanned)
		ahead := time.Date(2026, time.December, 2, 17, 0, 0, 0, time.UTC)
		for i := range 30 {
			session(ahead.AddDate(0, 0, 7*i).Format("2006-01-02T15:04"), model.SessionPlanned)
		}
		session("2026-12-09T18:00", model.SessionCancelled)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(h.sessions, func(a, b model.Session) int {
		return cmp.Or(cmp.Compare(a.StartsAt, b.StartsAt), cmp.Compare(a.ID, b.ID))
	})
	return h
}

// upcoming reports whether the page counts s as upcoming rather than past.
func upcoming(s model.Session) bool { return s.Status == model.SessionPlanned && s.StartsAt >= today }

// split returns the history's upcoming and past sessions, each in date order.
func (h *history) split() (up, past []model.Session) {
	for _, s := range h.sessions {
		if upcoming(s) {
			up = append(up, s)
		} else {
			past = append(past, s)
		}
	}
	return up, past
}

// tally recounts the marks at held sessions, of one person (or everyone for 0).
func (h *history) tally(person uint) attendance.Tally {
	var t attendance.Tally
	for k, status := range h.marks {
		if h.byID[k[0]].Status == model.SessionHeld && (person == 0 || k[1] == person) {
			t.Add(status, 1)
		}
	}
	return t
}

// checkGrid compares a grid with the marks of the history's members at sessions.
func (h *history) checkGrid(t *testing.T, rows []circles.GridRow, sessions []model.Session) {
	t.Helper()
	if len(rows) != len(h.members) {
		t.Fatalf("grid has %d rows, want %d", len(rows), len(h.members))
	}
	for _, r := range rows {
		if len(r.Cells) != len(sessions) {
			t.Fatalf("%s: %d cells for %d sessions", r.Name, len(r.Cells), len(sessions))
		}
		for i, s := range sessions {
			if want := h.marks[[2]uint{s.ID, r.PersonID}]; r.Cells[i] != want {
				t.Fatalf("%s at session %d (%s): %q, want %q", r.Name, s.ID, s.StartsAt, r.Cells[i], want)
			}
		}
	}
}

func ids(ss []model.Session) []uint {
	out := make([]uint, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	return out
}

// jsonSize is how many bytes of JSON a reply takes.
func jsonSize(t *testing.T, v any) int {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return len(b)
}

func sameTally(a, b attendance.Tally) bool {
	return a.Present == b.Present && a.Late == b.Late && a.Excused == b.Excused && a.Absent == b.Absent
}

// TestLongLivedCircle runs the checks below on one history (building it
// takes a few seconds).
func TestLongLivedCircle(t *testing.T) {
	svc, f := setup(t)
	h := longLived(t, f)
	t.Run("the page is bounded", func(t *testing.T) { pageIsBounded(t, svc, h) })
	t.Run("Sessions pages through every past session once", func(t *testing.T) { pagesThroughOnce(t, svc, h) })
	t.Run("Sessions page sizes", func(t *testing.T) { pageSizes(t, svc, h) })
	t.Run("Sessions refuses bad input", func(t *testing.T) { refusesBadInput(t, svc, f, h) })
}

// pageIsBounded: the page of a circle with 440 sessions carries the next
// UpcomingShown and the latest PastShown, under MaxReply, while its counts
// and tallies still cover every session.
func pageIsBounded(t *testing.T, svc *circles.Circles, h *history) {
	page, err := svc.Get(h.circle.ID)
	if err != nil {
		t.Fatal(err)
	}
	size := jsonSize(t, page)
	t.Logf("circle page of %d sessions x %d members: %d bytes", len(h.sessions), len(h.members), size)
	if size > plans.MaxReply {
		t.Errorf("the page is %d bytes of JSON, over %d", size, plans.MaxReply)
	}

	up, past := h.split()
	want := slices.Concat(past[len(past)-circles.PastShown:], up[:circles.UpcomingShown])
	slices.SortFunc(want, func(a, b model.Session) int {
		return cmp.Or(cmp.Compare(a.StartsAt, b.StartsAt), cmp.Compare(a.ID, b.ID))
	})
	if got := ids(page.Sessions); !slices.Equal(got, ids(want)) {
		t.Errorf("sessions %v\nwant %v (the latest %d past and the next %d upcoming, in date order)", got, ids(want), circles.PastShown, circles.UpcomingShown)
	}
	if page.Today != today {
		t.Errorf("Today = %q, want %q", page.Today, today)
	}
	held := 0
	for _, s := range h.sessions {
		if s.Status == model.SessionHeld {
			held++
		}
	}
	if page.UpcomingCount != int64(len(up)) || page.PastCount != int64(len(past)) || page.HeldCount != int64(held) {
		t.Errorf("counts: %d upcoming, %d past, %d held; want %d, %d, %d", page.UpcomingCount, page.PastCount, page.HeldCount, len(up), len(past), held)
	}
	if page.Earlier == "" {
		t.Error("no cursor for the earlier sessions")
	}
	if page.Last == nil || page.Last.ID != up[len(up)-1].ID {
		t.Errorf("Last = %+v, want the last planned session, %d", page.Last, up[len(up)-1].ID)
	}

	if all := h.tally(0); !sameTally(page.Attendance, all) || page.Attendance.Rate == nil || *page.Attendance.Rate != *all.Rate {
		t.Errorf("circle tally %+v, want %+v (every held session)", page.Attendance, all)
	}
	for _, m := range page.Members {
		if want := h.tally(m.PersonID); !sameTally(m.Attendance, want) {
			t.Errorf("%s: tally %+v, want %+v (every held session)", m.Name, m.Attendance, want)
		}
	}
	h.checkGrid(t, page.Grid, page.Sessions)
}

// pagesThroughOnce: from the page's cursor, Sessions hands out every
// earlier past session once, newest page first, each page in date order with
// its grid, down to the very first session; sessions that share a start time
// are neither lost nor repeated.
func pagesThroughOnce(t *testing.T, svc *circles.Circles, h *history) {
	page, err := svc.Get(h.circle.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []model.Session
	for _, s := range page.Sessions {
		if !upcoming(s) {
			got = append(got, s)
		}
	}
	pages := 0
	for before := page.Earlier; before != ""; pages++ {
		if pages > 100 {
			t.Fatal("the pages never end")
		}
		older, err := svc.Sessions(h.circle.ID, before, 7)
		if err != nil {
			t.Fatal(err)
		}
		if len(older.Sessions) == 0 || len(older.Sessions) > 7 {
			t.Fatalf("page %d has %d sessions, want 1 to 7", pages, len(older.Sessions))
		}
		if size := jsonSize(t, older); size > plans.MaxReply {
			t.Errorf("page %d is %d bytes", pages, size)
		}
		h.checkGrid(t, older.Grid, older.Sessions)
		got = append(slices.Clone(older.Sessions), got...)
		before = older.Earlier
	}
	_, past := h.split()
	if !slices.Equal(ids(got), ids(past)) {
		t.Errorf("paged through %d past sessions, want all %d once, in date order:\n got %v\nwant %v", len(got), len(past), ids(got), ids(past))
	}
	if want := (len(past) - circles.PastShown + 6) / 7; pages != want {
		t.Errorf("%d pages, want %d", pages, want)
	}
}

// pageSizes: no cursor starts from the latest past session; 0 asks for
// EarlierPage, and more than MaxEarlier gets MaxEarlier.
func pageSizes(t *testing.T, svc *circles.Circles, h *history) {
	_, past := h.split()
	for _, tt := range []struct{ limit, want int }{{0, circles.EarlierPage}, {-3, circles.EarlierPage}, {1, 1}, {1000, circles.MaxEarlier}} {
		got, err := svc.Sessions(h.circle.ID, "", tt.limit)
		if err != nil {
			t.Fatal(err)
		}
		if want := ids(past[len(past)-tt.want:]); !slices.Equal(ids(got.Sessions), want) {
			t.Errorf("limit %d: sessions %v, want the latest %d past: %v", tt.limit, ids(got.Sessions), tt.want, want)
		}
		if got.Earlier == "" {
			t.Errorf("limit %d: no cursor though earlier sessions are left", tt.limit)
		}
	}
}

// refusesBadInput: an unknown circle is not found; a cursor that is not
// one, or is another circle's, is an invalid "before".
func refusesBadInput(t *testing.T, svc *circles.Circles, f testdb.Fixture, h *history) {
	other := f.Circle("Other")
	f.Session(other, "2026-01-01T10:00", model.SessionHeld)
	page, err := svc.Get(h.circle.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Sessions(9999, "", 0); err == nil {
		t.Error("an unknown circle answered")
	} else {
		testdb.WantError(t, err, "not_found", "")
	}
	enc := func(format string, args ...any) string {
		return base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, format, args...))
	}
	for _, tt := range []struct{ name, before string }{
		{"not base64", "!!!"},
		{"not JSON", "bm90IGpzb24"},
		{"no session", enc(`{"c":%d,"t":"2026-11-25","s":"2026-01-01T10:00","i":0}`, h.circle.ID)},
		{"no day", enc(`{"c":%d,"t":"yesterday","s":"2026-01-01T10:00","i":5}`, h.circle.ID)},
		{"no start", enc(`{"c":%d,"t":"2026-11-25","s":"","i":5}`, h.circle.ID)},
		{"too long", page.Earlier + string(make([]byte, 600))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := svc.Sessions(h.circle.ID, tt.before, 0)
			testdb.WantError(t, err, "invalid", "before")
		})
	}
	t.Run("another circle's", func(t *testing.T) {
		_, err := svc.Sessions(other.ID, page.Earlier, 0)
		testdb.WantError(t, err, "invalid", "before")
	})
}

// TestGetBoundsMembers: the page lists MaxMembers members and their grid
// rows, and counts them all; with every one of them marked at every session
// it shows, the page stays under MaxReply.
func TestGetBoundsMembers(t *testing.T) {
	svc, f := setup(t)
	var c model.Circle
	err := f.DB.Transaction(func(tx *gorm.DB) error {
		tf := testdb.With(t, tx)
		c = tf.Circle("Crowded")
		var ps []model.Person
		for i := range circles.MaxMembers + 2 {
			p := tf.Person(fmt.Sprintf("María José García Márquez %03d", i), func(p *model.Person) {
				p.Email, p.Pronouns = fmt.Sprintf("maria.jose.garcia.marquez.%03d@example.org", i), "she/her"
			})
			tf.Member(c, p, model.RoleCoLeader, func(m *model.Membership) { m.JoinedOn = "2024-01-15" })
			ps = append(ps, p)
		}
		for i := range 60 {
			day := time.Date(2026, time.March, 2, 17, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i)
			status := model.SessionHeld
			if day.Format("2006-01-02") >= today {
				status = model.SessionPlanned
			}
			s := tf.Session(c, day.Format("2006-01-02T15:04"), status)
			for j, p := range ps {
				tf.Mark(s, p, attendance.Statuses[(i+j)%4])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	page, err := svc.Get(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Members) != circles.MaxMembers || len(page.Grid) != circles.MaxMembers || page.MemberCount != circles.MaxMembers+2 {
		t.Errorf("listed %d members (%d grid rows) of %d, want %d of %d", len(page.Members), len(page.Grid), page.MemberCount, circles.MaxMembers, circles.MaxMembers+2)
	}
	size := jsonSize(t, page)
	t.Logf("circle page of %d members x %d sessions, all marked: %d bytes", len(page.Members), len(page.Sessions), size)
	if size > plans.MaxReply {
		t.Errorf("the page is %d bytes of JSON, over %d", size, plans.MaxReply)
	}
	older, err := svc.Sessions(c.ID, "", circles.MaxEarlier)
	if err != nil {
		t.Fatal(err)
	}
	if size := jsonSize(t, older); size > plans.MaxReply {
		t.Errorf("the largest page of earlier sessions is %d bytes of JSON, over %d", size, plans.MaxReply)
	}
}

// TestSessionsOfANewCircle: a circle whose only session is ahead has no past
// session: an empty page (lists, not null) and no cursor.
func TestSessionsOfANewCircle(t *testing.T) {
	svc, f := setup(t)
	c := f.Circle("New")
	f.Session(c, "2026-12-02T17:00", model.SessionPlanned)
	got, err := svc.Sessions(c.ID, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(got); string(b) != `{"sessions":[],"grid":[],"earlier":""}` {
		t.Errorf("Sessions = %s", b)
	}
}
