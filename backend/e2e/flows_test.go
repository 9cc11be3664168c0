package e2e_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"
)

// A new leader creates their first circle; bad input is refused beside the
// field and nothing is written.
func TestCreateFirstCircle(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)

	p.click(t, "create-circle")
	p.waitVisible(t, "circle-dialog")
	p.click(t, "save")
	p.waitVisible(t, "error-name")
	if msg := p.text(t, "error-name"); !strings.Contains(msg, "required") {
		t.Errorf("empty name: error %q", msg)
	}

	p.setValue(t, "field-name", strings.Repeat("x", 201)) // typing stops at the limit; a script's value is checked
	p.click(t, "save")
	p.waitFor(t, `document.querySelector('[data-testid=error-name]').textContent.includes('limit')`)

	p.fill(t, "field-name", "Design Leads — Dąbrowska & Ünal")
	p.setValue(t, "field-startDate", "2026-09-01")
	p.setValue(t, "field-endDate", "2026-08-01")
	p.click(t, "save")
	p.waitVisible(t, "error-endDate")
	if n := count(t, db, "SELECT COUNT(*) FROM circles"); n != 0 {
		t.Fatalf("circles after refused saves = %d, want 0", n)
	}

	p.setValue(t, "field-endDate", "2027-06-30")
	p.click(t, "save")
	p.waitFor(t, `location.hash.startsWith('#/circles/')`)
	p.waitVisible(t, "add-member")
	var name, end string
	if err := db.QueryRow("SELECT name, end_date FROM circles").Scan(&name, &end); err != nil {
		t.Fatal(err)
	}
	if name != "Design Leads — Dąbrowska & Ünal" || end != "2027-06-30" {
		t.Errorf("stored circle = %q ending %q", name, end)
	}
}

// The leader adds members (a new person inline, then an existing one),
// is stopped from adding someone twice, schedules a session and marks
// attendance in the grid and on the session page.
func TestMembersSessionsAttendance(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	circle := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Product Craft", "cadence": "weekly", "meetingDay": 2, "timeZone": "Europe/London"})
	existing := callAPI[struct{ ID int }](t, p, "people.People.Create", map[string]any{"name": "Aiko Tanaka", "email": "aiko@example.org"})
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/circles/%d", circle.ID)))

	// A new person, created inline.
	p.click(t, "add-member")
	p.waitVisible(t, "member-dialog")
	p.click(t, "member-mode-new")
	p.fill(t, "field-name", "Nguyễn Thị Lan")
	p.fill(t, "field-email", "lan@example.org")
	p.setValue(t, "field-role", "mentor")
	p.click(t, "save")
	p.waitFor(t, `document.querySelectorAll('[data-testid=member-row]').length === 1`)

	// The same email again: refused beside the email field, nothing written.
	p.click(t, "add-member")
	p.click(t, "member-mode-new")
	p.fill(t, "field-name", "Someone Else")
	p.fill(t, "field-email", "LAN@example.org")
	p.click(t, "save")
	p.waitVisible(t, "error-email")
	if n := count(t, db, "SELECT COUNT(*) FROM people"); n != 2 {
		t.Fatalf("people after a refused duplicate = %d, want 2", n)
	}
	p.click(t, "cancel")
	p.do(t, chromedpWaitGone("member-dialog"))

	// An existing person, picked from the list.
	p.click(t, "add-member")
	p.fill(t, "person-search", "Aiko")
	p.click(t, "person-option")
	p.click(t, "save")
	p.waitFor(t, `document.querySelectorAll('[data-testid=member-row]').length === 2`)
	if n := count(t, db, "SELECT COUNT(*) FROM memberships WHERE circle_id = ? AND person_id = ?", circle.ID, existing.ID); n != 1 {
		t.Errorf("Aiko's membership rows = %d, want 1", n)
	}

	// Schedule a session.
	p.click(t, "schedule-session")
	p.waitVisible(t, "session-dialog")
	p.setValue(t, "field-startsAt", "2026-12-01T17:00")
	p.fill(t, "field-topic", "Feedback that lands")
	p.click(t, "save")
	p.waitFor(t, `document.querySelectorAll('[data-testid=attendance-cell]').length === 2`)

	// Mark Aiko present in the grid: one click.
	cell := fmt.Sprintf(`[data-testid=attendance-cell][data-person-id="%d"]`, existing.ID)
	p.clickCSS(t, cell)
	p.waitFor(t, fmt.Sprintf(`document.querySelector('%s').dataset.status === 'present'`, cell))
	waitRow(t, db, "SELECT COUNT(*) FROM attendance WHERE person_id = ? AND status = 'present'", existing.ID)

	// On the session page, mark everyone else, and mark Aiko late.
	p.click(t, "grid-session-link")
	p.waitVisible(t, "roster")
	p.click(t, "mark-everyone")
	// The roster is drawn anew from Go's answer; click only once it is.
	p.waitFor(t, `document.querySelectorAll('[data-testid=roster-row][data-status=present]').length === 2`)
	p.clickCSS(t, fmt.Sprintf(`[data-testid=mark-late][data-person-id="%d"]`, existing.ID))
	waitRow(t, db, "SELECT COUNT(*) FROM attendance WHERE person_id = ? AND status = 'late'", existing.ID)
	waitRow(t, db, "SELECT COUNT(*) FROM attendance a JOIN people p ON p.id = a.person_id WHERE p.email = 'lan@example.org' AND a.status = 'present'")
}

// Loading the sample program from the first-run screen fills the list, and
// a person's page shows their circles.
func TestSampleProgramAndPersonPage(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	p.click(t, "load-sample")
	p.waitFor(t, `document.querySelectorAll('[data-testid=circle-row]').length === 4`)
	if !strings.Contains(p.text(t, "circle-list"), "1:1 pair") {
		t.Error("the pair circle is not marked as a pair in the list")
	}
	p.do(t, chromedpNavigate(srv, "#/people"))
	p.fill(t, "people-search", "Muñoz")
	p.waitFor(t, `document.querySelectorAll('[data-testid=person-row]').length === 1`)
	p.click(t, "person-row")
	p.waitVisible(t, "person-circle")
	if got := eval[string](t, p, `document.querySelector('h1').textContent`); !strings.HasPrefix(got, "Ana Muñoz") {
		t.Errorf("person page name = %q", got)
	}
	if !strings.Contains(p.text(t, "person-circle"), "Emerging Engineering Leaders") {
		t.Error("Ana's page does not list her circle")
	}
}

// Text a user typed is shown as text: markup in names never runs.
func TestUserTextIsNeverMarkup(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	hostile := `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`
	circle := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": hostile, "purpose": `<a href="javascript:window.__pwned=1">x</a>`})
	person := callAPI[struct{ ID int }](t, p, "people.People.Create", map[string]any{"name": hostile})
	callAPI[any](t, p, "circles.Circles.AddMember", circle.ID, map[string]any{"personId": person.ID, "role": "mentee"})
	for _, route := range []string{"#/circles", fmt.Sprintf("#/circles/%d", circle.ID), fmt.Sprintf("#/people/%d", person.ID), "#/people"} {
		p.do(t, chromedpNavigate(srv, route))
		p.waitFor(t, `document.body.innerText.includes('<img src=x')`)
		if eval[bool](t, p, `!!window.__pwned || document.querySelectorAll('#app img, main img, [data-testid=content] img, script:not([src])').length > 0`) {
			t.Fatalf("%s: user text became markup", route)
		}
	}
}

// waitRow polls the database until the COUNT query finds a row.
func waitRow(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for count(t, db, query, args...) < 1 {
		if time.Now().After(deadline) {
			t.Fatalf("no row for %s %v", query, args)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
