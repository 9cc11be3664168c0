package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// growthCircle makes a circle with two mentees and returns its id and theirs.
func growthCircle(t *testing.T, p *page) (circle int, people []int) {
	t.Helper()
	c := callAPI[struct{ ID int }](t, p, "circles.Circles.Create", map[string]any{"name": "Growth Circle", "cadence": "weekly", "meetingDay": 2, "timeZone": "Europe/Madrid"})
	for _, name := range []string{"Ana Ibáñez", "Bruno Díaz"} {
		person := callAPI[struct{ ID int }](t, p, "people.People.Create", map[string]any{"name": name})
		callAPI[any](t, p, "circles.Circles.AddMember", c.ID, map[string]any{"personId": person.ID, "role": "mentee"})
		people = append(people, person.ID)
	}
	return c.ID, people
}

// Issue 10, the first "Done when": a leader adds a goal to a member (bad
// input first: messages beside the fields, nothing written), checks in on
// it during a live session by keyboard while the notes keep saving, and
// sees the check-in on the person's timeline and the goal's page; deleting
// the goal asks first and Undo brings it back. Every new screen passes axe.
func TestGrowthGoalCheckInByKeyboard(t *testing.T) {
	axe := axeSource(t)
	srv := startServe(t, "")
	p := openPage(t, srv)
	db := openDB(t, srv.Data)
	circle, people := growthCircle(t, p)
	ana := people[0]

	// Add a goal: an empty title and progress 150 are refused beside their fields.
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", ana)))
	p.waitVisible(t, "goals-section")
	p.click(t, "add-goal")
	p.waitVisible(t, "goal-dialog")
	p.setValue(t, "field-progressMode", "manual")
	p.setValue(t, "field-progress", "150")
	p.click(t, "save")
	p.waitVisible(t, "error-title")
	p.waitVisible(t, "error-progress")
	if msg := p.text(t, "error-title"); !strings.Contains(msg, "Title is required") {
		t.Errorf("empty title: %q", msg)
	}
	if msg := p.text(t, "error-progress"); !strings.Contains(msg, "between 0 and 100") {
		t.Errorf("progress 150: %q", msg)
	}
	p.axeCheck(t, axe, "goal dialog with errors")
	if n := count(t, db, "SELECT COUNT(*) FROM goals"); n != 0 {
		t.Fatalf("goals after a refused save = %d, want 0", n)
	}

	// Then a good one, within the circle, shared, with a task.
	p.fill(t, "field-title", "Lead the Q3 product demo")
	p.setValue(t, "field-progress", "20")
	p.setValue(t, "field-circleId", fmt.Sprint(circle))
	p.fill(t, "field-successCriteria", "The demo runs without me stepping in")
	p.click(t, "add-task")
	p.fill(t, "field-task", "Dry run with the team")
	p.click(t, "field-visibility-shared")
	p.click(t, "save")
	p.do(t, chromedpWaitGone("goal-dialog"))
	p.waitVisible(t, "goal-row")
	var goal int
	if err := db.QueryRow("SELECT id FROM goals WHERE person_id = ? AND title = 'Lead the Q3 product demo' AND progress = 20 AND visibility = 'shared' AND circle_id = ?", ana, circle).Scan(&goal); err != nil {
		t.Fatalf("the goal is not stored as typed: %v", err)
	}
	if n := count(t, db, "SELECT COUNT(*) FROM goal_tasks WHERE goal_id = ?", goal); n != 1 {
		t.Errorf("tasks = %d, want 1", n)
	}
	if got := p.text(t, "goal-progress"); !strings.Contains(got, "20%") {
		t.Errorf("the goal row shows progress %q", got)
	}
	p.axeCheck(t, axe, "person page with goals")

	// A live session: Ana is marked present, her goal joins the Goals panel.
	started := callAPI[struct{ Session struct{ ID int } }](t, p, "sessions.Sessions.StartNow", circle)
	session := started.Session.ID
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/sessions/%d/live", session)))
	waitFocused(t, p, "notes-shared:")
	p.waitVisible(t, "live-goals-empty")
	p.clickCSS(t, fmt.Sprintf(`[data-testid=mark-present][data-person-id="%d"]`, ana))
	p.waitFor(t, fmt.Sprintf(`!!document.querySelector('[data-testid=live-goal][data-goal-id="%d"]')`, goal))

	// Typing in the notes, then the check-in by keyboard alone: Alt+G, Enter,
	// progress, Tab Tab, one line, Enter.
	p.do(t, chromedp.Focus(`[data-testid="notes-shared"]`), chromedp.SendKeys(`[data-testid="notes-shared"]`, "Ana rehearsed the demo."))
	alt := chromedp.KeyModifiers(chromedp.ModifierAlt)
	p.do(t, chromedp.KeyEvent("g", alt))
	p.waitFor(t, fmt.Sprintf(`document.activeElement.dataset.testid === 'live-goal' && document.activeElement.dataset.goalId === '%d'`, goal))
	p.pressKey(t, kb.Enter)
	p.waitVisible(t, "checkin-form")
	p.waitFor(t, `document.activeElement.dataset.testid === 'field-progress'`)
	p.do(t, chromedp.KeyEvent("65"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab))
	p.waitFor(t, `document.activeElement.dataset.testid === 'field-note'`)
	p.do(t, chromedp.KeyEvent("Dry run went well"), chromedp.KeyEvent(kb.Enter))
	p.waitVisible(t, "live-goal-checked")
	p.waitFor(t, `document.activeElement.dataset.testid === 'live-goal'`)
	waitRow(t, db, "SELECT COUNT(*) FROM goal_checkins WHERE goal_id = ? AND session_id = ? AND progress = 65 AND note = 'Dry run went well'", goal, session)
	if n := count(t, db, "SELECT COUNT(*) FROM goals WHERE id = ? AND progress = 65", goal); n != 1 {
		t.Error("the goal's progress did not follow its check-in")
	}

	// Enter opens it again, Esc cancels and writes nothing.
	p.pressKey(t, kb.Enter)
	p.waitVisible(t, "checkin-form")
	p.axeCheck(t, axe, "live screen with a check-in open")
	p.pressKey(t, kb.Escape)
	p.do(t, chromedpWaitGone("checkin-form"))
	p.waitFor(t, `document.activeElement.dataset.testid === 'live-goal'`)

	// Alt+G goes back to the notes; they kept saving and still do.
	p.do(t, chromedp.KeyEvent("g", alt))
	waitFocused(t, p, "notes-shared:")
	p.do(t, chromedp.SendKeys(`[data-testid="notes-shared"]`, " She asked for feedback."))
	waitRow(t, db, "SELECT COUNT(*) FROM notes WHERE session_id = ? AND visibility = 'shared' AND body = 'Ana rehearsed the demo. She asked for feedback.'", session)
	p.waitFor(t, `document.querySelector('[data-testid=save-status][data-visibility=shared]').dataset.state === 'saved'`)

	// The person's timeline and the goal's page show the check-in.
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", ana)))
	p.waitVisible(t, "story-timeline")
	p.waitFor(t, `[...document.querySelectorAll('[data-testid=story-item][data-kind=checkin]')].some((el) => el.textContent.includes('65%') && el.textContent.includes('Dry run went well'))`)
	p.axeCheck(t, axe, "person page with the growth story")
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/goals/%d", goal)))
	p.waitVisible(t, "goal-timeline")
	if got := p.text(t, "checkin-row"); !strings.Contains(got, "Dry run went well") || !strings.Contains(got, "Session 1") {
		t.Errorf("the goal's timeline shows %q", got)
	}
	p.waitFor(t, `document.title === 'Lead the Q3 product demo · Ana Ibáñez — Circlebook'`)
	p.axeCheck(t, axe, "goal page")

	// Progress by hand with a comment, and a task ticked, from the goal's page.
	p.fill(t, "field-progress", "80")
	p.fill(t, "field-note", "Booked the room")
	p.click(t, "progress-save")
	waitRow(t, db, "SELECT COUNT(*) FROM goal_checkins WHERE goal_id = ? AND session_id IS NULL AND progress = 80 AND note = 'Booked the room'", goal)
	p.waitFor(t, `document.querySelectorAll('[data-testid=checkin-row]').length === 2`)
	p.click(t, "task-done")
	waitRow(t, db, "SELECT COUNT(*) FROM goal_tasks WHERE goal_id = ? AND done", goal)

	// Delete asks first (it has check-ins); Undo brings it back whole.
	p.click(t, "delete-goal")
	p.waitVisible(t, "confirm-dialog")
	p.click(t, "confirm")
	p.waitFor(t, fmt.Sprintf(`location.hash === '#/people/%d'`, ana))
	if n := count(t, db, "SELECT COUNT(*) FROM goals"); n != 0 {
		t.Fatalf("goals after delete = %d", n)
	}
	p.click(t, "undo-delete")
	waitRow(t, db, "SELECT COUNT(*) FROM goals WHERE id = ?", goal)
	if n := count(t, db, "SELECT COUNT(*) FROM goal_checkins WHERE goal_id = ?", goal); n != 2 {
		t.Errorf("check-ins after undo = %d, want 2", n)
	}
	p.waitFor(t, fmt.Sprintf(`!!document.querySelector('[data-testid=goal-row][data-goal-id="%d"]')`, goal))
}

// The new screens fit from 640 px wide up: nothing sticks out sideways.
func TestGrowthSmallWindows(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	circle, people := growthCircle(t, p)
	ana := people[0]
	long := "Lead the quarterly product demo for the whole organisation, end to end, with a rehearsal"
	goal := callAPI[struct{ Goal struct{ ID int } }](t, p, "goals.Goals.Create", map[string]any{
		"personId": ana, "circleId": circle, "title": long, "why": "Visibility beyond the team", "successCriteria": "Runs the demo alone",
		"targetDate": "2099-03-31", "visibility": "shared", "progressMode": "manual", "progress": 30,
		"tasks": []map[string]any{{"title": "Draft the script"}, {"title": "Dry run with the team"}},
	})
	started := callAPI[struct{ Session struct{ ID int } }](t, p, "sessions.Sessions.StartNow", circle)
	callAPI[any](t, p, "sessions.Sessions.MarkAttendance", started.Session.ID, ana, "present")
	callAPI[any](t, p, "goals.Goals.CheckIn", started.Session.ID, goal.Goal.ID, map[string]any{"progress": 45, "status": "at_risk", "note": "Waiting for the slot from the program office"})
	screens := []struct{ name, route, ready string }{
		{"person page", fmt.Sprintf("#/people/%d", ana), "story-timeline"},
		{"goal page", fmt.Sprintf("#/goals/%d", goal.Goal.ID), "goal-timeline"},
		{"live screen", fmt.Sprintf("#/sessions/%d/live", started.Session.ID), "live-goal"},
	}
	for _, width := range []int64{640, 1280} {
		p.emulate(t, viewMode{fmt.Sprintf("%dpx", width), false, width})
		for _, s := range screens {
			p.do(t, chromedpNavigate(srv, s.route))
			p.waitVisible(t, s.ready)
			if s.name == "live screen" {
				p.click(t, "live-goal")
				p.waitVisible(t, "checkin-form")
				eval[bool](t, p, `(document.querySelector('[data-testid=goals-panel]').scrollIntoView(), true)`)
			}
			looksRight(t, p, s.name, width)
		}
		// The goal form, with its errors showing.
		p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", ana)))
		p.click(t, "add-goal")
		p.setValue(t, "field-progressMode", "manual")
		p.setValue(t, "field-progress", "150")
		p.click(t, "add-task")
		p.click(t, "save")
		p.waitVisible(t, "error-progress")
		looksRight(t, p, "goal dialog", width)
		p.closeDialog(t, "goal-dialog")
	}
}

// looksRight saves a screenshot of what the page shows (logged, to look at)
// and fails on anything sticking out sideways.
func looksRight(t *testing.T, p *page, name string, width int64) {
	t.Helper()
	shot := p.shotAs(t, fmt.Sprintf("%s-%d", name, width))
	if problems := eval[string](t, p, layoutProblems); problems != "" {
		t.Errorf("%s at %d px (screenshot: %s):\n%s", name, width, shot, problems)
	}
	t.Logf("%s at %d px: %s", name, width, shot)
}

// A goal its circle went three held sessions without checking in on is
// flagged on the person's page and on its own.
func TestGrowthStaleFlag(t *testing.T) {
	srv := startServe(t, "")
	p := openPage(t, srv)
	circle, people := growthCircle(t, p)
	goal := callAPI[struct{ Goal struct{ ID int } }](t, p, "goals.Goals.Create", map[string]any{"personId": people[0], "circleId": circle, "title": "Speak at the all-hands"})
	for range 3 {
		started := callAPI[struct{ Session struct{ ID int } }](t, p, "sessions.Sessions.StartNow", circle)
		callAPI[any](t, p, "sessions.Sessions.End", started.Session.ID)
	}
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/people/%d", people[0])))
	p.waitVisible(t, "goal-stale")
	if got := p.text(t, "goal-stale"); got != "No check-in in the last 3 sessions" {
		t.Errorf("stale flag reads %q", got)
	}
	p.do(t, chromedpNavigate(srv, fmt.Sprintf("#/goals/%d", goal.Goal.ID)))
	p.waitVisible(t, "goal-stale")
}
