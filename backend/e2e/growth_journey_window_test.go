package e2e_test

import (
	"bytes"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"circlebook/backend/circles"
	"circlebook/backend/goals"
	"circlebook/backend/model"
	"circlebook/backend/people"
)

// journeyCircle makes, through the app's services, what the journey does
// not: a circle with Ana as a mentee, an older private goal of hers, and a
// session started now with Ana present. It returns the session's UUID and
// id and Ana's id.
func journeyCircle(t *testing.T, dir string) (sessionUUID string, session, ana uint) {
	t.Helper()
	svc, done := openServices(t, dir)
	defer done()
	c, err := svc.Circles.Create(circles.CircleInput{Name: "Growth Circle", Cadence: model.CadenceWeekly, TimeZone: "UTC", MeetingDay: -1})
	must(t, err)
	p, err := svc.People.Create(people.PersonInput{Name: "Ana Ibáñez"})
	must(t, err)
	_, err = svc.Circles.AddMember(c.ID, circles.MemberInput{PersonID: p.ID, Role: model.RoleMentee})
	must(t, err)
	_, err = svc.Goals.Create(goals.GoalInput{PersonID: p.ID, CircleID: &c.ID, Title: "Speak at the all-hands", ProgressMode: model.ProgressManual, Visibility: model.Private})
	must(t, err)
	page, err := svc.Sessions.StartNow(c.ID)
	must(t, err)
	_, err = svc.Sessions.MarkAttendance(page.Session.ID, p.ID, model.Present)
	must(t, err)
	return page.Session.UUID, page.Session.ID, p.ID
}

// Issue 10's "Done when", in the real window and by keyboard alone: the
// leader finds Ana from the people list ("/", her name, Enter), tabs to Add
// goal, fills the goal form (title, how we'll know, her circle, progress set
// by hand, shared) and saves with Ctrl+Enter; on the live screen of the
// session she is present at, Alt+G, Down to that goal (below her older
// one), Enter, the progress, a line, Enter; the people list brings her page
// again, whose timeline holds the check-in; Tab and Enter open the
// growth report, Ctrl+Enter asks where to save, and the GTK save dialog
// takes the full path of a file and Enter. pdftotext finds the goal and the
// check-in's line in that PDF, and not her private goal.
//
// Each step waits for what the window shows: its title (set once a screen
// has rendered and placed the focus), the database after the UI has saved,
// the save dialog's own window; a page's dialog changes no title, so its
// opening is seen by the backdrop it lays over the sidebar.
func TestGrowthJourneyWindow(t *testing.T) {
	pdftotext := need(t, "pdftotext")
	data := t.TempDir()
	sessionUUID, session, ana := journeyCircle(t, data)
	const (
		title    = "Lead the Q3 product demo"
		criteria = "Runs it without notes"
		line     = "Rehearsed with the team"
	)

	// Ana's page, found as a leader finds anyone: the people list's search.
	d := launchDesktop(t, data, "--open", "people")
	d.waitTitle(t, `^People — Circlebook$`)
	openAna := func(d *desktop) {
		t.Helper()
		d.keys(t, "slash")
		d.typeText(t, 20, "Ana")
		d.keys(t, "Return")
		d.waitTitle(t, `^Ana Ibáñez — Circlebook$`) // focus is on the page's heading
	}
	openAna(d)

	// From the heading: Growth report, Edit, Delete, her circle, Add goal.
	d.keys(t, "Tab", "Tab", "Tab", "Tab", "Tab")
	d.openDialog(t, "New goal for Ana Ibáñez")
	d.typeText(t, 20, title)
	d.keys(t, "Tab", "Tab") // why it matters, how we'll know
	d.typeText(t, 20, criteria)
	d.keys(t, "Tab", "Down") // within: Personal -> Growth Circle
	// The target date (left empty) is three stops in WebKitGTK: month, day,
	// year; then the status (Active), Add a task, and the progress mode.
	d.keys(t, "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Down") // From its tasks -> Set by hand
	d.keys(t, "Tab", "ctrl+a")                                  // the progress, shown once set by hand
	d.typeText(t, 20, "10")
	d.keys(t, "Tab", "Right") // who may see it: Private -> Shared
	d.keys(t, "ctrl+Return")
	db := openDB(t, data)
	waitRow(t, db, `SELECT COUNT(*) FROM goals WHERE person_id = ? AND title = ? AND success_criteria = ?
		AND progress_mode = 'manual' AND progress = 10 AND visibility = 'shared' AND status = 'active' AND circle_id IS NOT NULL`, ana, title, criteria)
	goal := goalID(t, db, title)
	d.terminate(t)

	// The live screen: notes first (their save is the sign that the Goals
	// panel, asked for as the screen drew, has its goals), then the check-in.
	d = launchDesktop(t, data, "--open", "session/"+sessionUUID+"/live")
	d.waitTitle(t, `^Live · Session 1 · Growth Circle — Circlebook$`)
	d.typeText(t, 20, "Ana ran the demo twice.")
	waitRow(t, db, "SELECT COUNT(*) FROM notes WHERE session_id = ? AND body = 'Ana ran the demo twice.'", session)
	d.keys(t, "alt+g", "Down", "Return") // her older goal first, then the new one
	d.typeText(t, 20, "40")
	d.keys(t, "Tab", "Tab") // status (Active), the line
	d.typeText(t, 20, line)
	d.keys(t, "Return")
	waitRow(t, db, "SELECT COUNT(*) FROM goal_checkins WHERE goal_id = ? AND session_id = ? AND progress = 40 AND note = ?", goal, session, line)
	if n := count(t, db, "SELECT COUNT(*) FROM goal_checkins"); n != 1 {
		t.Errorf("%d check-ins, want the one on %q", n, title)
	}

	d.terminate(t)

	// Her page again, from the people list.
	d = launchDesktop(t, data, "--open", "people")
	d.waitTitle(t, `^People — Circlebook$`)
	openAna(d)

	// The growth report: Tab to its button, Enter, Ctrl+Enter saves as PDF.
	d.keys(t, "Tab")
	d.openDialog(t, "Growth report")
	d.keys(t, "ctrl+Return")
	chooser := waitWindow(t, `^Save export$`)
	out := filepath.Join(t.TempDir(), "ana-growth-report.pdf")
	xdo(t, "windowfocus", "--sync", chooser)
	xdo(t, "key", "--clearmodifiers", "--delay", "30", "ctrl+a")
	xdo(t, "type", "--delay", "20", "--", out)
	xdo(t, "key", "--clearmodifiers", "Return")
	pdf := waitPDF(t, out, chooser)

	text, err := exec.Command(pdftotext, "-enc", "UTF-8", out, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, text)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Ana Ibáñez", title, criteria, line} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF's text has no %q:\n%s", want, flat)
		}
	}
	if strings.Contains(flat, "all-hands") {
		t.Errorf("the PDF holds her private goal:\n%s", flat)
	}
	t.Logf("saved %s (%d bytes) through the GTK save dialog", out, pdf)

	// Her page scrolled to the timeline, with the toast that says where the report went.
	d.keys(t, "End")
	savePNGIf(t, d.settle(t, d.screenshot(t)), "growth-journey.png")
	d.terminate(t)

	// The timeline the page drew: the same call, through the services.
	svc, done := openServices(t, data)
	defer done()
	st, err := svc.Story.Person(ana)
	must(t, err)
	found := false
	for _, k := range st.CheckIns {
		found = found || (k.GoalID == goal && k.GoalTitle == title && k.Note == line && k.Progress == 40 && k.SessionID != nil && *k.SessionID == session)
	}
	if !found {
		t.Errorf("Ana's timeline has no check-in %q on %q: %+v", line, title, st.CheckIns)
	}
}

// goalID returns the id of the goal with a title.
func goalID(t *testing.T, db *sql.DB, title string) uint {
	t.Helper()
	var id uint
	if err := db.QueryRow("SELECT id FROM goals WHERE title = ?", title).Scan(&id); err != nil {
		t.Fatalf("goal %q: %v", title, err)
	}
	return id
}

// openDialog presses Enter on the focused button and waits until the
// window's title names the dialog it opened: a dialog puts its name in front
// of the title once it has the keyboard.
func (d *desktop) openDialog(t *testing.T, name string) {
	t.Helper()
	d.keys(t, "Return")
	d.waitTitle(t, "^"+regexp.QuoteMeta(name)+" · ")
}

// waitWindow waits for a visible window whose name matches the pattern and returns its id.
func waitWindow(t *testing.T, pattern string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", pattern).Output()
		if ids := strings.Fields(string(out)); len(ids) > 0 {
			return ids[0]
		}
		if time.Now().After(deadline) {
			t.Fatalf("no window named %q appeared", pattern)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// xdo runs xdotool, failing the test when it fails.
func xdo(t *testing.T, args ...string) {
	t.Helper()
	if b, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
		t.Fatalf("xdotool %v: %v %s", args, err, b)
	}
}

// waitPDF waits until a whole PDF is at path (the window writes it to a
// temporary file and renames it) and returns its size; on time out it keeps
// a screenshot of the save dialog, if still open.
func waitPDF(t *testing.T, path, dialog string) int {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		b, err := os.ReadFile(path)
		if err == nil && bytes.HasPrefix(b, []byte("%PDF-")) && bytes.Contains(b[max(0, len(b)-64):], []byte("%%EOF")) {
			return len(b)
		}
		if time.Now().After(deadline) {
			shot := "none"
			if png, err := exec.Command("import", "-window", dialog, "png:-").Output(); err == nil {
				shot = filepath.Join(os.TempDir(), "circlebook-save-dialog-last.png")
				os.WriteFile(shot, png, 0o644)
			}
			t.Fatalf("no whole PDF at %s after 30 s (%v; the save dialog: %s)", path, err, shot)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
