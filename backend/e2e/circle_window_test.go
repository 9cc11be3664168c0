package e2e_test

import (
	"fmt"
	"testing"
	"time"

	"circlebook/backend/circles"
	"circlebook/backend/model"
	"circlebook/backend/people"
	"circlebook/backend/services"
	"circlebook/backend/sessions"
	"circlebook/backend/store"
)

// longCircle makes, through the app's services, a weekly circle of six that
// has met 60 times (everyone present, but Ana absent the first ten times)
// and has 15 sessions planned ahead. It returns the circle's id, Ana's and
// the first session's.
func longCircle(t *testing.T, dir string) (circleID, ana, first uint) {
	t.Helper()
	svc, done := openServices(t, dir)
	defer done()
	c, err := svc.Circles.Create(circles.CircleInput{Name: "Thursday Leaders", Cadence: model.CadenceWeekly, TimeZone: "UTC", MeetingDay: -1})
	must(t, err)
	for i, name := range []string{"Ana Ibáñez", "Bo Lindqvist", "Chidi Okafor", "Dana Levi", "Émile Roux", "Farah Haddad"} {
		p, err := svc.People.Create(people.PersonInput{Name: name})
		must(t, err)
		_, err = svc.Circles.AddMember(c.ID, circles.MemberInput{PersonID: p.ID, Role: model.RoleMentee})
		must(t, err)
		if i == 0 {
			ana = p.ID
		}
	}
	day := func(weeks int) string { return time.Now().UTC().AddDate(0, 0, 7*weeks).Format("2006-01-02") + "T17:00" }
	past, err := svc.Sessions.ScheduleSeries(c.ID, sessions.SeriesInput{FirstStartsAt: day(-60), Count: 60})
	must(t, err)
	for i, s := range past {
		_, err := svc.Sessions.MarkEveryone(s.ID, model.Present)
		must(t, err)
		if i < 10 {
			_, err = svc.Sessions.MarkAttendance(s.ID, ana, model.Absent)
			must(t, err)
		}
	}
	_, err = svc.Sessions.ScheduleSeries(c.ID, sessions.SeriesInput{FirstStartsAt: day(1), Count: 15})
	must(t, err)
	return c.ID, ana, past[0].ID
}

// TestCirclePageShowsEarlierSessions: the page of a circle that has met 60
// times opens on a window of its sessions (the next ten, the latest twelve)
// while its figures count every session; "Show earlier sessions", above the
// grid or under the unfolded list, adds the page before, keeping focus on the
// button, until the first session, where focus moves into the grid; a mark
// in a column loaded late moves the figures at once; axe finds nothing on
// the way.
func TestCirclePageShowsEarlierSessions(t *testing.T) {
	axe := axeSource(t)
	dir := t.TempDir()
	circleID, ana, first := longCircle(t, dir)
	srv := startServe(t, dir)
	p := openPage(t, srv)
	db := openDB(t, dir)
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", circleID)))
	p.waitVisible(t, "attendance-grid")

	columns := func() int { return p.count(t, "grid-session-link") }
	if n := columns(); n != circles.PastShown+circles.UpcomingShown {
		t.Errorf("the grid opens with %d sessions, want %d", n, circles.PastShown+circles.UpcomingShown)
	}
	for testid, want := range map[string]string{"stat-held": "60", "upcoming-count": "15", "past-count": "60", "stat-upcoming": "15 upcoming"} {
		if got := p.text(t, testid); got != want {
			t.Errorf("%s says %q, want %q (counted over every session)", testid, got, want)
		}
	}
	anaRate := fmt.Sprintf(`document.querySelector('[data-testid=grid-row][data-person-id="%d"] [data-testid=grid-rate]').textContent`, ana)
	if got := eval[string](t, p, anaRate); got != "83%" {
		t.Errorf("Ana's rate is %s, want 83%% (50 of 60: her absences are all before the sessions shown)", got)
	}
	t.Logf("screenshot: %s", p.shotAs(t, "window"))
	p.axeCheck(t, axe, "circle page with earlier sessions to show")

	focused := func() string { return eval[string](t, p, `document.activeElement.dataset.testid || ''`) }
	rows := func() int { return p.count(t, "session-row") }
	// From the grid: it gains a page of columns; the list keeps its size.
	p.click(t, "show-earlier")
	p.waitFor(t, `document.querySelectorAll('[data-testid=grid-session-link]').length === 42`)
	if f := focused(); f != "show-earlier" {
		t.Errorf("after loading, focus is on %q, want the button kept", f)
	}
	if n := rows(); n != 10+5 {
		t.Errorf("the sessions list shows %d, want 15 (it stays folded)", n)
	}
	// From the list: unfolded, it shows every past session loaded, then asks Go for more.
	p.click(t, "toggle-past")
	p.waitFor(t, `document.querySelectorAll('[data-testid=session-row]').length === 42`)
	p.click(t, "past-show-earlier")
	p.waitFor(t, `document.querySelectorAll('[data-testid=session-row]').length === 62`)
	if n := columns(); n != 62 {
		t.Errorf("the grid has %d columns, want 62", n)
	}
	if f := focused(); f != "past-show-earlier" {
		t.Errorf("after loading, focus is on %q, want the button kept", f)
	}
	// The last page: the buttons go, and focus moves to the first session's column.
	p.click(t, "show-earlier")
	p.waitFor(t, `document.querySelectorAll('[data-testid=grid-session-link]').length === 70`)
	if n := p.count(t, "show-earlier") + p.count(t, "past-show-earlier"); n != 0 {
		t.Errorf("%d ways to earlier sessions are left at the first session", n)
	}
	focus := eval[string](t, p, `document.activeElement.dataset.testid + ':' + document.activeElement.dataset.sessionId`)
	if want := fmt.Sprintf("attendance-cell:%d", first); focus != want {
		t.Errorf("at the first session, focus is on %q, want %q", focus, want)
	}
	if got := eval[string](t, p, `document.querySelector('[data-testid=grid-session-link]').dataset.sessionId`); got != fmt.Sprint(first) {
		t.Errorf("the first column is session %s, want %d", got, first)
	}
	if n := rows(); n != 70 {
		t.Errorf("the sessions list shows %d, want every one: 70", n)
	}
	if got := p.text(t, "stat-held"); got != "60" {
		t.Errorf("after loading, %q held", got)
	}

	// Ana's first absence, loaded last: one click clears it, and her rate and the circle's count it.
	cell := fmt.Sprintf(`[data-testid=attendance-cell][data-person-id="%d"][data-session-id="%d"]`, ana, first)
	if got := eval[string](t, p, fmt.Sprintf(`document.querySelector('%s').dataset.status`, cell)); got != model.Absent {
		t.Fatalf("Ana's first mark shows %q, want absent", got)
	}
	p.clickCSS(t, cell)
	p.waitFor(t, fmt.Sprintf(`document.querySelector('%s').dataset.status === '' && document.querySelector('%s').getAttribute('aria-busy') === 'false'`, cell, cell))
	p.waitFor(t, anaRate+` === '85%'`)
	if got := p.text(t, "stat-tally"); got != "350 present · 9 absent" {
		t.Errorf("the attendance card says %q, want 350 present · 9 absent", got)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM attendance WHERE session_id = ? AND person_id = ?", first, ana); n != 0 {
		t.Errorf("Ana's first mark is still stored (%d)", n)
	}
	t.Logf("screenshot: %s", p.shotAs(t, "all"))
	p.axeCheck(t, axe, "circle page with every session loaded")
}

// openServices opens the data folder dir for a test to fill through the
// app's services before a window opens it; done closes it.
func openServices(t *testing.T, dir string) (svc *services.Services, done func()) {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return services.New(st.DB, time.Now, dir), func() { st.Close() }
}

// must fails t on err.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
