package e2e_test

import (
	"testing"

	"circlebook/backend/circles"
	"circlebook/backend/goals"
	"circlebook/backend/model"
	"circlebook/backend/people"
)

// windowGoal makes, through the app's services, a circle with Ana, her goal
// (progress set by hand) and a session started now with Ana present. It
// returns the session's UUID and id, Ana's UUID and the goal's id.
func windowGoal(t *testing.T, dir string) (sessionUUID string, session uint, anaUUID string, goal uint) {
	t.Helper()
	svc, done := openServices(t, dir)
	defer done()
	c, err := svc.Circles.Create(circles.CircleInput{Name: "Growth Circle", Cadence: model.CadenceWeekly, TimeZone: "UTC", MeetingDay: -1})
	must(t, err)
	ana, err := svc.People.Create(people.PersonInput{Name: "Ana Ibáñez"})
	must(t, err)
	_, err = svc.Circles.AddMember(c.ID, circles.MemberInput{PersonID: ana.ID, Role: model.RoleMentee})
	must(t, err)
	g, err := svc.Goals.Create(goals.GoalInput{PersonID: ana.ID, CircleID: &c.ID, Title: "Lead the Q3 product demo", ProgressMode: model.ProgressManual, Progress: 20, Visibility: model.Shared})
	must(t, err)
	page, err := svc.Sessions.StartNow(c.ID)
	must(t, err)
	_, err = svc.Sessions.MarkAttendance(page.Session.ID, ana.ID, model.Present)
	must(t, err)
	return page.Session.UUID, page.Session.ID, ana.UUID, g.Goal.ID
}

// Issue 10 in the real window: on the live screen the leader types notes,
// Alt+G reaches the Goals panel, Enter opens the check-in, the progress, Tab
// Tab, a line and Enter save it, Alt+G goes back to the notes, which keep
// saving; the person's page then opens with the check-in on their timeline.
func TestGrowthWindowCheckIn(t *testing.T) {
	data := t.TempDir()
	sessionUUID, session, anaUUID, goal := windowGoal(t, data)
	d := launchDesktop(t, data, "--open", "session/"+sessionUUID+"/live")
	d.waitTitle(t, `^Live · Session 1 · Growth Circle — Circlebook$`)
	d.typeText(t, 20, "Ana rehearsed the demo.")
	// The title is set before the Goals panel has its goals; the note's save
	// comes after the page's first reads (as in growth_journey_window_test.go).
	db := openDB(t, data)
	waitRow(t, db, "SELECT COUNT(*) FROM notes WHERE session_id = ? AND visibility = 'shared' AND body = 'Ana rehearsed the demo.'", session)
	d.keys(t, "alt+g", "Return")
	d.typeText(t, 20, "65")
	d.keys(t, "Tab", "Tab")
	d.typeText(t, 20, "Dry run went well")
	d.keys(t, "Return")
	waitRow(t, db, "SELECT COUNT(*) FROM goal_checkins WHERE goal_id = ? AND session_id = ? AND progress = 65 AND note = 'Dry run went well'", goal, session)
	savePNGIf(t, d.settle(t, d.screenshot(t)), "live-goals.png")
	d.keys(t, "alt+g")
	d.typeText(t, 20, " She asked for feedback.")
	waitRow(t, db, "SELECT COUNT(*) FROM notes WHERE session_id = ? AND visibility = 'shared' AND body = 'Ana rehearsed the demo. She asked for feedback.'", session)
	d.terminate(t)

	again := launchDesktop(t, data, "--open", "person/"+anaUUID)
	again.waitTitle(t, `^Ana Ibáñez — Circlebook$`)
	savePNGIf(t, again.settle(t, again.screenshot(t)), "person-growth.png")
	again.terminate(t)
}
