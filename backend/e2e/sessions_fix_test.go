package e2e_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"
)

// The session lifecycle as a leader meets it (issue 7, items 1, 2, 7 and 9),
// in browser mode on the real clock. Circles here keep time in UTC, and
// "today" is read from the clock when it matters.

// sfDay is a date n days from today in UTC, YYYY-MM-DD.
func sfDay(n int) string { return time.Now().UTC().AddDate(0, 0, n).Format("2006-01-02") }

// sfCircle makes a circle in UTC with one member, returning their ids.
func sfCircle(t *testing.T, p *page, name, member string) (circleID, personID int) {
	t.Helper()
	c := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": name, "timeZone": "UTC"})
	person := callAPI[struct{ ID int }](t, p, "people.People.Create", map[string]any{"name": member})
	callAPI[any](t, p, "circles.Circles.AddMember", c.ID, map[string]any{"personId": person.ID, "role": "mentee"})
	return c.ID, person.ID
}

// sfSchedule schedules a planned session and returns its id.
func sfSchedule(t *testing.T, p *page, circleID int, startsAt string) int {
	t.Helper()
	return callAPI[struct{ ID int }](t, p, "sessions.Sessions.Schedule", circleID, map[string]any{"startsAt": startsAt}).ID
}

// sfSession reads a session's start, when it was started and its status.
func sfSession(t *testing.T, db *sql.DB, id int) (startsAt, startedAt, status string) {
	t.Helper()
	if err := db.QueryRow("SELECT starts_at, started_at, status FROM sessions WHERE id = ?", id).Scan(&startsAt, &startedAt, &status); err != nil {
		t.Fatal(err)
	}
	return startsAt, startedAt, status
}

// Item 1: opening the live screen of a session planned for another day asks
// before starting it; Esc goes back, N starts a new session today, M moves it.
func TestStartOnAnotherDayAsks(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	circleID, _ := sfCircle(t, p, "Círculo de jueves", "Zoë Durand")
	planned := sfDay(3) + "T17:00"
	id := sfSchedule(t, p, circleID, planned)
	live := fmt.Sprintf("#/sessions/%d/live", id)

	// Esc: back to the session page, nothing started.
	p.do(t, chromedpNavigate(srv, live))
	p.waitVisible(t, "start-dialog")
	if why := p.text(t, "start-why"); !strings.Contains(why, "not today") {
		t.Errorf("the dialog says %q, want why it asks", why)
	}
	if focused := eval[string](t, p, `document.activeElement.dataset.testid || ''`); focused != "start-move" {
		t.Errorf("focus is on %q, want the first choice", focused)
	}
	p.pressKey(t, "\x1b")
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/sessions/%d' && !!document.querySelector('[data-testid=start-session]')`, id))
	if at, started, _ := sfSession(t, db, id); at != planned || started != "" {
		t.Fatalf("after going back: starts %s, started %q; want it untouched", at, started)
	}

	// The session page's Start asks the same; N starts an unplanned session today.
	p.click(t, "start-session")
	p.waitVisible(t, "start-dialog")
	p.pressKey(t, "n")
	p.waitFor(t, fmt.Sprintf(`/^#\/sessions\/\d+\/live$/.test(location.hash) && location.hash !== '%s' && !!document.querySelector('[data-testid=live-screen][data-state=running]')`, live))
	var newID int
	var newAt, newStarted string
	if err := db.QueryRow("SELECT id, starts_at, started_at FROM sessions WHERE circle_id = ? AND id <> ?", circleID, id).Scan(&newID, &newAt, &newStarted); err != nil {
		t.Fatalf("the new session: %v", err)
	}
	if (newAt[:10] != sfDay(0) && newAt[:10] != sfDay(-1)) || newStarted == "" {
		t.Errorf("the new session starts %s, started %q; want today, started", newAt, newStarted)
	}
	if at, started, status := sfSession(t, db, id); at != planned || started != "" || status != "planned" {
		t.Errorf("the planned session: %s, %q, %s; want it left as planned", at, started, status)
	}

	// M moves the planned session to now and starts it.
	p.do(t, chromedpNavigate(srv, live))
	p.waitVisible(t, "start-dialog")
	p.pressKey(t, "m")
	p.waitFor(t, fmt.Sprintf(`location.hash === '%s' && !!document.querySelector('[data-testid=live-screen][data-state=running]')`, live))
	at, started, status := sfSession(t, db, id)
	if (at[:10] != sfDay(0) && at[:10] != sfDay(-1)) || started == "" || status != "planned" {
		t.Errorf("the moved session: starts %s, started %q, %s; want today, started, planned", at, started, status)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM sessions WHERE circle_id = ?", circleID); n != 2 {
		t.Errorf("%d sessions, want 2: moved, not copied", n)
	}
}

// Item 2: an action line typed as the last line, with no Enter, then End at
// once: the item is made.
func TestEndCountsTheLastLine(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	circleID, zoe := sfCircle(t, p, "Círculo", "Zoë Durand")
	live := callAPI[struct{ Session struct{ ID int } }](t, p, "sessions.Sessions.StartNow", circleID)
	id := live.Session.ID

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d/live", id)))
	p.waitVisible(t, "notes-shared")
	p.fill(t, "notes-shared", "Notas\n- [ ] @Zoë preparar la demo due:2026-12-15")
	p.click(t, "end-session")
	p.click(t, "confirm")
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/sessions/%d'`, id))
	waitRow(t, db, "SELECT COUNT(*) FROM sessions WHERE id = ? AND status = 'held'", id)
	var text, due string
	var owner sql.NullInt64
	if err := db.QueryRow("SELECT text, due_on, owner_id FROM action_items WHERE session_id = ?", id).Scan(&text, &due, &owner); err != nil {
		t.Fatalf("no action item from the last line: %v", err)
	}
	if text != "preparar la demo" || due != "2026-12-15" || owner.Int64 != int64(zoe) {
		t.Errorf("item = %q due %s owner %v; want Zoë's \"preparar la demo\" due 2026-12-15", text, due, owner)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM action_items"); n != 1 {
		t.Errorf("%d action items, want 1", n)
	}
}

// pastPlannedSession opens browser mode on a circle of one member with a
// session planned a week ago, still marked planned.
func pastPlannedSession(t *testing.T, circle, member string) (srv server, p *page, db *sql.DB, circleID, person, sessionID int) {
	t.Helper()
	srv = startServe(t, "")
	p = openPage(t, srv)
	db = openDB(t, srv.Data)
	circleID, person = sfCircle(t, p, circle, member)
	sessionID = sfSchedule(t, p, circleID, sfDay(-7)+"T17:00")
	return srv, p, db, circleID, person, sessionID
}

// Item 7: marking attendance at a past planned session marks it held, says
// so, and the circle's attendance card counts it.
func TestMarkingAPastSessionCountsIt(t *testing.T) {
	srv, p, db, circleID, person, id := pastPlannedSession(t, "Lunes", "Íñigo Sáenz")

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d", id)))
	p.waitVisible(t, "roster")
	p.clickCSS(t, fmt.Sprintf(`[data-testid=mark-present][data-person-id="%d"]`, person))
	p.waitFor(t, `document.querySelector('[data-testid=session-status]').dataset.status === 'held'`)
	p.waitFor(t, `[...document.querySelectorAll('.toast')].some((el) => el.textContent.includes('marked held'))`)
	if focused := eval[string](t, p, `document.activeElement.dataset.testid || ''`); focused != "mark-present" {
		t.Errorf("focus went to %q, want it kept on the mark", focused)
	}
	if _, _, status := sfSession(t, db, id); status != "held" {
		t.Errorf("status = %s, want held", status)
	}
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", circleID)))
	p.waitVisible(t, "stat-tally")
	if got := p.text(t, "stat-tally"); got != "1 present" {
		t.Errorf("the circle's attendance card says %q, want 1 present", got)
	}
}

// Item 7, on the circle page: a mark in the attendance grid on a past
// planned session makes it held, and the circle's attendance card counts it
// at once, without a reload.
func TestMarkingAPastSessionInTheGridCountsIt(t *testing.T) {
	srv, p, db, circleID, person, id := pastPlannedSession(t, "Martes", "Ana Ibáñez")

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", circleID)))
	p.waitVisible(t, "stat-tally")
	if got := p.text(t, "stat-tally"); got != "Nothing marked yet" {
		t.Fatalf("before marking, the card says %q", got)
	}
	p.clickCSS(t, fmt.Sprintf(`[data-testid=attendance-cell][data-person-id="%d"][data-session-id="%d"]`, person, id))
	p.waitFor(t, `document.querySelector('[data-testid=stat-tally]').textContent === '1 present'`)
	p.waitFor(t, `[...document.querySelectorAll('.toast')].some((el) => el.textContent.includes('marked held'))`)
	if n := p.count(t, "attendance-cell"); n == 0 || eval[bool](t, p, `!!document.querySelector('td.grid-cell.is-planned [data-session-id="`+fmt.Sprint(id)+`"]')`) {
		t.Errorf("the session's column still shows as planned")
	}
	if _, _, status := sfSession(t, db, id); status != "held" {
		t.Errorf("status = %s, want held", status)
	}
}

// Item 9: the agenda item's timer stops when the session ends and shows the
// time spent.
func TestAgendaTimerStopsAtTheEnd(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	circleID, _ := sfCircle(t, p, "Timers", "Ana Muñoz")
	live := callAPI[struct{ Session struct{ ID int } }](t, p, "sessions.Sessions.StartNow", circleID)
	id := live.Session.ID
	callAPI[any](t, p, "sessions.Sessions.AddAgendaItem", id, map[string]any{"title": "Check-in", "minutes": 10})

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d/live", id)))
	p.waitFor(t, `(document.querySelector('[data-testid=item-timer]') || {}).textContent >= '0:03'`)
	p.click(t, "end-session")
	p.click(t, "confirm")
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/sessions/%d'`, id))

	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d/live", id)))
	p.waitFor(t, `!!document.querySelector('[data-testid=live-screen][data-state=ended] [data-testid=item-timer]:not([hidden])')`)
	first := p.text(t, "item-timer")
	time.Sleep(2500 * time.Millisecond)
	if again := p.text(t, "item-timer"); again != first {
		t.Errorf("after the end the timer moved from %q to %q, want it stopped", first, again)
	}
	if state := eval[string](t, p, `document.querySelector('[data-testid=item-timer]').dataset.state`); state != "stopped" {
		t.Errorf("timer state = %q, want stopped", state)
	}
	if first == "" || strings.HasPrefix(first, "0:00") {
		t.Errorf("final time = %q, want the time spent before the end", first)
	}
}
